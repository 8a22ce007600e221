#include "nn/TorchNetwork.h"

#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "nn/NetworkModule.h"
#include "nn/NetworkText.h"
#include "util/Error.h"

#include <Eigen/Core>

#include <numeric>
#include <set>

namespace oficina::core::nn {

namespace {

torch::jit::Module loadBackbone(const std::string& path) {
    try {
        return torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        std::string reason = e.what();
        reason = reason.substr(0, reason.find('\n'));
        throw Error(Message(text::kBackboneUnreadable, {reason}), path);
    }
}

/// Recurrent output → what the next layer reads: every step, or the last step of each direction
/// (for the backward direction that is the state after reading the whole sequence, at t = 0).
torch::Tensor recurrentResult(const torch::Tensor& out, const LayerSpec& layer) {
    if (layer.sequences) return out;
    if (!layer.bidirectional) return out.select(1, -1);
    const int64_t h = layer.units;
    return torch::cat({out.select(1, -1).narrow(1, 0, h), out.select(1, 0).narrow(1, h, h)}, 1);
}

/// A convolution or pooling module with the layer's stride (0: 1 for a convolution, the kernel
/// size for pooling, as in inferShapes) and padding.
template <typename Module, typename Options>
Module windowed(Options options, const LayerSpec& layer) {
    const bool convolution = layer.kind == LayerKind::Conv1d || layer.kind == LayerKind::Conv2d;
    const int64_t stride = layer.stride > 0 ? layer.stride : convolution ? 1 : layer.kernel;
    return Module(options.stride(stride).padding(layer.padding));
}

/// An RNN, GRU or LSTM reading [batch, time, features].
template <typename Module, typename Options>
Module recurrent(Options options, const LayerSpec& layer) {
    return Module(
        options.num_layers(layer.layers).batch_first(true).bidirectional(layer.bidirectional));
}

} // namespace

NetImpl::NetImpl(const NetworkSpec& spec, int64_t featureCount, int64_t outputCount) {
    Shape in = spec.inputShape.value_or(Shape{featureCount});
    const int64_t declared = std::accumulate(in.begin(), in.end(), int64_t(1), std::multiplies<>());
    if (declared != featureCount)
        throw Error(Message(text::kInputShapeMismatch, {formatShape(in), std::to_string(declared),
                                                        std::to_string(featureCount)}));
    if (spec.inputShape) m_inputShape = *spec.inputShape;

    if (!spec.backbonePath.empty()) {
        m_backbone = loadBackbone(spec.backbonePath);
        m_backbone->eval();
        torch::Tensor probe;
        try {
            torch::NoGradGuard noGrad;
            Shape batch = {1};
            batch.insert(batch.end(), in.begin(), in.end());
            probe = m_backbone->forward({torch::zeros(batch)}).toTensor();
        } catch (const std::exception& e) {
            std::string reason = e.what();
            reason = reason.substr(0, reason.find('\n'));
            throw Error(Message(text::kBackboneRejectsShape, {formatShape(in), reason}),
                        spec.backbonePath);
        }
        in = Shape(probe.sizes().begin() + 1, probe.sizes().end());
        int64_t child = 0;
        for (const auto& named : m_backbone->named_children()) {
            const bool frozen = spec.frozenLayers < 0 || child++ < spec.frozenLayers;
            for (auto p : named.value.parameters())
                p.set_requires_grad(!frozen);
        }
        if (spec.frozenLayers < 0)
            for (auto p : m_backbone->parameters())
                p.set_requires_grad(false);
        m_backboneFrozen = spec.frozenLayers < 0;
    }

    m_specs = spec.layers;
    m_layerInput = in;
    m_shapes = inferShapes(spec.layers, in);
    for (size_t i = 0; i < spec.layers.size(); ++i)
        addLayer(i, spec.layers[i], i == 0 ? in : m_shapes[i - 1]);
    const Shape& last = m_shapes.empty() ? in : m_shapes.back();
    if (last.size() != 1) throw Error(Message(text::kNeedsFlatten, {formatShape(last)}));
    m_head = register_module("head", torch::nn::Linear(last[0], outputCount));
    m_mean = register_buffer("input_mean", torch::zeros({featureCount}));
    m_scale = register_buffer("input_scale", torch::ones({featureCount}));
}

void NetImpl::addLayer(size_t index, const LayerSpec& layer, const Shape& in) {
    namespace tnn = torch::nn;
    const std::string name = "layer" + std::to_string(index + 1);
    const auto add = [&](auto module, auto apply) {
        auto registered = register_module(name, module);
        m_layers.push_back({layer.kind, [registered, apply](const torch::Tensor& x) {
                                return apply(registered, x);
                            }});
    };
    const auto plain = [&](std::function<torch::Tensor(const torch::Tensor&)> f) {
        m_layers.push_back({layer.kind, std::move(f)});
    };
    const auto forwardOf = [](auto& m, const torch::Tensor& x) { return m->forward(x); };
    const auto lastOrAllSteps = [layer](auto& m, const torch::Tensor& x) {
        return recurrentResult(std::get<0>(m->forward(x)), layer);
    };
    switch (layer.kind) {
    case LayerKind::Dense:
        add(tnn::Linear(in[0], layer.units), forwardOf);
        break;
    case LayerKind::Conv1d:
        add(windowed<tnn::Conv1d>(tnn::Conv1dOptions(in[0], layer.units, layer.kernel), layer),
            forwardOf);
        break;
    case LayerKind::Conv2d:
        add(windowed<tnn::Conv2d>(tnn::Conv2dOptions(in[0], layer.units, layer.kernel), layer),
            forwardOf);
        break;
    case LayerKind::MaxPool1d:
        add(windowed<tnn::MaxPool1d>(tnn::MaxPool1dOptions(layer.kernel), layer), forwardOf);
        break;
    case LayerKind::MaxPool2d:
        add(windowed<tnn::MaxPool2d>(tnn::MaxPool2dOptions(layer.kernel), layer), forwardOf);
        break;
    case LayerKind::AvgPool1d:
        add(windowed<tnn::AvgPool1d>(tnn::AvgPool1dOptions(layer.kernel), layer), forwardOf);
        break;
    case LayerKind::AvgPool2d:
        add(windowed<tnn::AvgPool2d>(tnn::AvgPool2dOptions(layer.kernel), layer), forwardOf);
        break;
    case LayerKind::Flatten:
        plain([](const torch::Tensor& x) { return x.flatten(1); });
        break;
    case LayerKind::Dropout:
        add(tnn::Dropout(layer.rate), forwardOf);
        break;
    case LayerKind::BatchNorm:
        if (in.size() == 3)
            add(tnn::BatchNorm2d(tnn::BatchNormOptions(in[0]).eps(kBatchNormEpsilon)), forwardOf);
        else
            add(tnn::BatchNorm1d(tnn::BatchNormOptions(in[0]).eps(kBatchNormEpsilon)), forwardOf);
        break;
    case LayerKind::Rnn:
        add(recurrent<tnn::RNN>(tnn::RNNOptions(in[1], layer.units), layer), lastOrAllSteps);
        break;
    case LayerKind::Gru:
        add(recurrent<tnn::GRU>(tnn::GRUOptions(in[1], layer.units), layer), lastOrAllSteps);
        break;
    case LayerKind::Lstm:
        add(recurrent<tnn::LSTM>(tnn::LSTMOptions(in[1], layer.units), layer), lastOrAllSteps);
        break;
    case LayerKind::Embedding: {
        const int64_t vocabulary = layer.vocabulary;
        const std::string position = std::to_string(index + 1);
        add(tnn::Embedding(vocabulary, layer.units),
            [vocabulary, position](auto& m, const torch::Tensor& x) {
                const torch::Tensor codes = x.round().to(torch::kLong);
                if (!torch::equal(codes.to(x.scalar_type()), x) ||
                    codes.min().item<int64_t>() < 0 || codes.max().item<int64_t>() >= vocabulary)
                    throw Error(
                        Message(text::kEmbeddingCodes, {position, std::to_string(vocabulary - 1)}));
                return m->forward(codes);
            });
        break;
    }
    case LayerKind::Relu:
        plain([](const torch::Tensor& x) { return torch::relu(x); });
        break;
    case LayerKind::Gelu:
        plain([](const torch::Tensor& x) { return torch::gelu(x); });
        break;
    case LayerKind::Tanh:
        plain([](const torch::Tensor& x) { return torch::tanh(x); });
        break;
    case LayerKind::Sigmoid:
        plain([](const torch::Tensor& x) { return torch::sigmoid(x); });
        break;
    }
}

torch::Tensor NetImpl::forward(torch::Tensor rows) {
    torch::Tensor x = (rows - m_mean) / m_scale;
    if (!m_inputShape.empty()) {
        std::vector<int64_t> shape = {x.size(0)};
        shape.insert(shape.end(), m_inputShape.begin(), m_inputShape.end());
        x = x.reshape(shape);
    }
    if (m_backbone) x = m_backbone->forward({x}).toTensor().flatten(1);
    for (const auto& layer : m_layers)
        x = layer.apply(x);
    return m_head->forward(x);
}

void NetImpl::setStandardization(const torch::Tensor& mean, const torch::Tensor& scale) {
    torch::NoGradGuard noGrad;
    m_mean.copy_(mean);
    m_scale.copy_(scale);
}

void NetImpl::setTraining(bool on) {
    train(on);
    if (m_backbone) m_backbone->train(on && !m_backboneFrozen);
}

std::vector<torch::Tensor> NetImpl::trainableParameters() {
    std::vector<torch::Tensor> out;
    for (auto& p : parameters())
        if (p.requires_grad()) out.push_back(p);
    if (m_backbone)
        for (auto p : m_backbone->parameters())
            if (p.requires_grad()) out.push_back(p);
    return out;
}

std::vector<torch::Tensor> NetImpl::stateTensors() {
    std::vector<torch::Tensor> out = parameters();
    for (auto& b : buffers())
        out.push_back(b);
    if (m_backbone) {
        for (auto p : m_backbone->parameters())
            out.push_back(p);
        for (auto b : m_backbone->buffers())
            out.push_back(b);
    }
    return out;
}

torch::Tensor featureTensor(const Table& table, const std::vector<std::string>& columns) {
    const auto spans = featureColumns(table, columns);
    const int64_t rows = int64_t(table.rowCount());
    torch::Tensor out = torch::empty({rows, int64_t(columns.size())});
    auto a = out.accessor<float, 2>();
    for (size_t c = 0; c < spans.size(); ++c)
        for (int64_t r = 0; r < rows; ++r)
            a[r][int64_t(c)] = float(spans[c][size_t(r)]);
    return out;
}

std::optional<torch::Tensor> evaluate(Net& net, const torch::Tensor& rows,
                                      const PredictControl& control) {
    torch::NoGradGuard noGrad;
    constexpr int64_t kBlock = 4096;
    const int64_t n = rows.size(0);
    std::vector<torch::Tensor> parts;
    for (int64_t start = 0; start < n; start += kBlock) {
        if (control.stop.stop_requested()) return std::nullopt;
        parts.push_back(net->forward(rows.narrow(0, start, std::min(kBlock, n - start))));
        if (control.progress) control.progress(double(start + kBlock) / double(n));
    }
    if (parts.empty()) return torch::empty({0, net->forward(rows.narrow(0, 0, 0)).size(1)});
    return torch::cat(parts);
}

NeuralEstimator::NeuralEstimator(Net net, Task task, std::vector<std::string> features,
                                 std::vector<std::string> classLabels, double targetMean,
                                 double targetScale)
    : m_net(std::move(net)), m_task(task), m_features(std::move(features)),
      m_labels(std::move(classLabels)), m_targetMean(targetMean), m_targetScale(targetScale) {
    m_net->setTraining(false);
}

const char* NeuralEstimator::title() const {
    return text::kNetworkTitle;
}

std::vector<Column> NeuralEstimator::predict(const Table& transformed) const {
    return predict(transformed, PredictControl{});
}

std::vector<Column> NeuralEstimator::predict(const Table& transformed,
                                             const PredictControl& control) const {
    Net net = m_net;
    const auto out = evaluate(net, featureTensor(transformed, m_features), control);
    if (!out) throw Cancelled{};
    const int64_t n = out->size(0);
    if (m_task == Task::Classification) {
        const torch::Tensor p = torch::softmax(*out, 1).to(torch::kDouble).contiguous();
        Eigen::MatrixXd probabilities = Eigen::Map<
            const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            p.data_ptr<double>(), n, p.size(1));
        return classificationColumns(probabilities, m_labels);
    }
    const torch::Tensor v = out->select(1, 0).to(torch::kDouble).contiguous();
    std::vector<double> values(v.data_ptr<double>(), v.data_ptr<double>() + n);
    for (double& x : values)
        x = x * m_targetScale + m_targetMean;
    return {Column::numeric(kPredictionColumn, std::move(values), ColumnRole::Prediction)};
}

NetworkWeights NeuralEstimator::weights() const {
    if (m_net->hasBackbone()) throw Error(Message(text::kBackboneNotDescribable));
    NetworkWeights out{.task = m_task,
                       .features = m_features,
                       .classLabels = m_labels,
                       .layers = m_net->layerSpecs(),
                       .input = m_net->layerInput(),
                       .shapes = m_net->shapes(),
                       .tensors = {},
                       .targetMean = m_targetMean,
                       .targetScale = m_targetScale};
    const auto keep = [&](const std::string& name, const torch::Tensor& t) {
        const torch::Tensor flat = t.detach().to(torch::kFloat).contiguous();
        const float* data = flat.data_ptr<float>();
        out.tensors[name] = {Shape(flat.sizes().begin(), flat.sizes().end()),
                             std::vector<float>(data, data + flat.numel())};
    };
    for (const auto& p : m_net->named_parameters())
        keep(p.key(), p.value());
    for (const auto& b : m_net->named_buffers())
        if (b.value().is_floating_point()) keep(b.key(), b.value()); // not the batch counters
    return out;
}

std::shared_ptr<const Estimator> restoreNetworkWithTorch(const NetworkWeights& weights) {
    const auto featureCount = int64_t(weights.features.size());
    const int64_t outputs =
        weights.task == Task::Classification ? int64_t(weights.classLabels.size()) : 1;
    // A flat row is the input {features}; a declared shape of that one size reshapes nothing.
    NetworkSpec spec{.layers = weights.layers};
    if (weights.input != Shape{featureCount}) spec.inputShape = weights.input;
    Net net{nullptr};
    {
        // The layers draw their initial weights from LibTorch's global stream, which a fit
        // running on another thread must have to itself.
        const std::lock_guard lock(torchGlobalsMutex());
        try {
            net = Net(spec, featureCount, outputs);
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            std::string reason = e.what();
            throw Error(Message(text::kNetworkNotBuilt, {reason.substr(0, reason.find('\n'))}));
        }
    }

    torch::NoGradGuard noGrad;
    std::set<std::string> filled;
    const auto fill = [&](const std::string& name, torch::Tensor& target) {
        const auto found = weights.tensors.find(name);
        if (found == weights.tensors.end()) throw Error(Message(text::kTensorMissing, {name}));
        const NetworkTensor& tensor = found->second;
        const Shape needed(target.sizes().begin(), target.sizes().end());
        if (tensor.shape != needed || tensor.values.size() != size_t(target.numel()))
            throw Error(Message(text::kTensorShape,
                                {name, formatShape(tensor.shape), formatShape(needed)}));
        // Copied into the registered tensor, not swapped for another: the recurrent layers keep
        // references to their weights.
        target.copy_(
            torch::from_blob(const_cast<float*>(tensor.values.data()), needed, torch::kFloat));
        filled.insert(name);
    };
    // The same tensors weights() writes: every parameter and the floating-point buffers (batch
    // norm's batch counter is not one of them and plays no part in evaluation).
    for (auto& p : net->named_parameters())
        fill(p.key(), p.value());
    for (auto& b : net->named_buffers())
        if (b.value().is_floating_point()) fill(b.key(), b.value());
    for (const auto& entry : weights.tensors)
        if (!filled.contains(entry.first))
            throw Error(Message(text::kTensorUnexpected, {entry.first}));
    return std::make_shared<const NeuralEstimator>(net, weights.task, weights.features,
                                                   weights.classLabels, weights.targetMean,
                                                   weights.targetScale);
}

} // namespace oficina::core::nn

extern "C" const oficina::core::nn::NetworkModule* oficina_nn_module() {
    using namespace oficina::core::nn;
    static constexpr NetworkModule module{OFICINA_VERSION, &fitNetworkWithTorch,
                                          &restoreNetworkWithTorch};
    return &module;
}

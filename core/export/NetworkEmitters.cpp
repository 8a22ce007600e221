// Emitters for neural networks (core/nn): the standardisation, every listed layer and the output
// layer, from the trained weights. The network computes in float, as LibTorch does; the
// probabilities and values become double at the end, as NeuralEstimator::predict has them.
#include "export/Emitters.h"

#include "nn/Network.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <numbers>

namespace oficina::core::onnxexport {

namespace {

using nn::LayerKind;
using nn::LayerSpec;
using nn::NetworkWeights;
using nn::Shape;

class NetworkEmitter {
public:
    NetworkEmitter(const NetworkWeights& w, OnnxGraph& g) : m_w(w), m_g(g) {}

    /// [N, features] double → the network's output [N, outputs] float.
    std::string emit(const std::string& rows) {
        std::string x = castTo(m_g, rows, Elem::Float);
        x = standardized(x);
        if (m_w.input.size() > 1) {
            std::vector<int64_t> dims = {-1};
            dims.insert(dims.end(), m_w.input.begin(), m_w.input.end());
            x = m_g.node("Reshape", {x, m_g.shape(dims)});
        }
        Shape shape = m_w.input;
        for (size_t i = 0; i < m_w.layers.size(); ++i) {
            x = layer(i, x, shape);
            shape = m_w.shapes[i];
        }
        return m_g.node("Gemm", {x, weight("head.weight"), weight("head.bias")},
                        {Attr("transB", 1)}, "logits");
    }

private:
    const nn::NetworkTensor& tensor(const std::string& name) const {
        const auto found = m_w.tensors.find(name);
        if (found == m_w.tensors.end())
            throw Error(Message(OFICINA_TR_NOOP("the trained network has no weight '%1'"), {name}));
        return found->second;
    }
    std::string weight(const std::string& name) {
        const nn::NetworkTensor& t = tensor(name);
        return m_g.floats(name, t.values, t.shape);
    }
    std::string floatScalar(std::string_view hint, float value) {
        return m_g.floats(hint, {value}, {});
    }

    /// (x − mean) / scale in float, as NetImpl::forward; nothing to do when it is the identity
    /// (standardisation off, or an Embedding first).
    std::string standardized(const std::string& x) {
        const nn::NetworkTensor& mean = tensor("input_mean");
        const nn::NetworkTensor& scale = tensor("input_scale");
        bool identity = true;
        for (size_t j = 0; j < mean.values.size(); ++j)
            identity = identity && mean.values[j] == 0.0f && scale.values[j] == 1.0f;
        if (identity) return x;
        const std::string centred = m_g.node("Sub", {x, weight("input_mean")});
        return m_g.node("Div", {centred, weight("input_scale")}, {}, "standardized");
    }

    std::string layer(size_t index, const std::string& x, const Shape& in) {
        const LayerSpec& spec = m_w.layers[index];
        const std::string prefix = "layer" + std::to_string(index + 1) + ".";
        switch (spec.kind) {
        case LayerKind::Dense:
            return m_g.node("Gemm", {x, weight(prefix + "weight"), weight(prefix + "bias")},
                            {Attr("transB", 1)}, "dense");
        case LayerKind::Conv1d:
        case LayerKind::Conv2d:
            return m_g.node("Conv", {x, weight(prefix + "weight"), weight(prefix + "bias")},
                            windowAttributes(spec, in.size() - 1), "conv");
        case LayerKind::MaxPool1d:
        case LayerKind::MaxPool2d:
            return m_g.node("MaxPool", {x}, windowAttributes(spec, in.size() - 1), "max_pool");
        case LayerKind::AvgPool1d:
        case LayerKind::AvgPool2d: {
            // PyTorch averages over the padded window (count_include_pad), ONNX by default not.
            std::vector<Attr> attributes = windowAttributes(spec, in.size() - 1);
            attributes.emplace_back("count_include_pad", 1);
            return m_g.node("AveragePool", {x}, attributes, "average_pool");
        }
        case LayerKind::Flatten:
            return m_g.node("Flatten", {x}, {Attr("axis", 1)});
        case LayerKind::Dropout: // inactive in evaluation
            return x;
        case LayerKind::BatchNorm:
            // Channels are dimension 1 of the batch, as for BatchNorm1d/2d.
            return m_g.node("BatchNormalization",
                            {x, weight(prefix + "weight"), weight(prefix + "bias"),
                             weight(prefix + "running_mean"), weight(prefix + "running_var")},
                            {Attr("epsilon", float(nn::kBatchNormEpsilon))}, "batch_norm");
        case LayerKind::Rnn:
        case LayerKind::Gru:
        case LayerKind::Lstm:
            return recurrent(spec, prefix, x, in);
        case LayerKind::Embedding: {
            // Token codes: the inputs (never standardised before an Embedding) rounded, as
            // NetImpl reads them.
            const std::string codes = castTo(m_g, m_g.node("Round", {x}), Elem::Int64);
            return m_g.node("Gather", {weight(prefix + "weight"), codes}, {Attr("axis", 0)},
                            "embedding");
        }
        case LayerKind::Relu:
            return m_g.node("Relu", {x});
        case LayerKind::Gelu: {
            // Opset 17 has no Gelu: PyTorch's exact form x · ½ (1 + erf(x / √2)).
            const std::string erf =
                m_g.node("Erf", {m_g.node("Mul", {x, floatScalar("sqrt_half", float(M_SQRT1_2))})});
            const std::string half = m_g.node("Mul", {x, floatScalar("half", 0.5f)});
            return m_g.node("Mul", {half, m_g.node("Add", {erf, floatScalar("one", 1.0f)})}, {},
                            "gelu");
        }
        case LayerKind::Tanh:
            return m_g.node("Tanh", {x});
        case LayerKind::Sigmoid:
            return m_g.node("Sigmoid", {x});
        }
        return x;
    }

    /// Kernel, stride and symmetric padding over `dims` spatial dimensions, with the layer's
    /// defaults (stride 1 for a convolution, the kernel for pooling; no ceil mode), as
    /// NetImpl's windowed().
    static std::vector<Attr> windowAttributes(const LayerSpec& spec, size_t dims) {
        const bool convolution = spec.kind == LayerKind::Conv1d || spec.kind == LayerKind::Conv2d;
        const int64_t stride = spec.stride > 0 ? spec.stride : convolution ? 1 : spec.kernel;
        return {Attr("kernel_shape", std::vector<int64_t>(dims, spec.kernel)),
                Attr("strides", std::vector<int64_t>(dims, stride)),
                Attr("pads", std::vector<int64_t>(2 * dims, spec.padding))};
    }

    /// LibTorch's gate blocks in ONNX's order: LSTM i f g o → i o f c, GRU r z n → z r h.
    static std::vector<size_t> gateOrder(LayerKind kind) {
        switch (kind) {
        case LayerKind::Lstm:
            return {0, 3, 1, 2};
        case LayerKind::Gru:
            return {1, 0, 2};
        default:
            return {0};
        }
    }

    /// Appends the rows of `t` ([gates × hidden, …]) block by block in `order`.
    static void appendGates(const nn::NetworkTensor& t, const std::vector<size_t>& order,
                            std::vector<float>& out) {
        const size_t blockSize = t.values.size() / order.size();
        for (size_t block : order)
            out.insert(out.end(), t.values.begin() + ptrdiff_t(block * blockSize),
                       t.values.begin() + ptrdiff_t((block + 1) * blockSize));
    }

    /// One ONNX RNN/GRU/LSTM node per stacked layer on [T, N, features]; returns what the next
    /// layer reads: [N, T, directions × hidden] for every step, or the last step of each
    /// direction [N, directions × hidden] (for the backward one the state after reading the
    /// whole sequence, which ONNX's Y_h holds as NetImpl's recurrentResult() picks it).
    std::string recurrent(const LayerSpec& spec, const std::string& prefix, const std::string& x,
                          const Shape& in) {
        const char* op = spec.kind == LayerKind::Lstm  ? "LSTM"
                         : spec.kind == LayerKind::Gru ? "GRU"
                                                       : "RNN";
        const std::vector<size_t> order = gateOrder(spec.kind);
        const auto gates = int64_t(order.size());
        const int64_t hidden = spec.units, directions = spec.bidirectional ? 2 : 1;
        std::vector<Attr> attributes = {
            Attr("hidden_size", hidden),
            Attr("direction", spec.bidirectional ? "bidirectional" : "forward")};
        if (spec.kind == LayerKind::Gru) // PyTorch applies the reset gate after the product
            attributes.emplace_back("linear_before_reset", 1);

        std::string sequence =
            m_g.node("Transpose", {x}, {Attr("perm", std::vector<int64_t>{1, 0, 2})});
        int64_t width = in[1];
        std::vector<std::string> outputs;
        for (int64_t k = 0; k < spec.layers; ++k) {
            std::vector<float> w, r, b;
            for (int64_t d = 0; d < directions; ++d) {
                const std::string suffix = "_l" + std::to_string(k) + (d == 1 ? "_reverse" : "");
                appendGates(tensor(prefix + "weight_ih" + suffix), order, w);
                appendGates(tensor(prefix + "weight_hh" + suffix), order, r);
                appendGates(tensor(prefix + "bias_ih" + suffix), order, b);
                appendGates(tensor(prefix + "bias_hh" + suffix), order, b);
            }
            const std::string name = prefix + std::to_string(k);
            outputs = m_g.nodeWithOutputs(
                op,
                {sequence, m_g.floats(name + ".W", w, {directions, gates * hidden, width}),
                 m_g.floats(name + ".R", r, {directions, gates * hidden, hidden}),
                 m_g.floats(name + ".B", b, {directions, 2 * gates * hidden})},
                2, attributes, "recurrent");
            width = directions * hidden;
            if (k + 1 < spec.layers) // Y [T, D, N, H] → the next layer's [T, N, D × H]
                sequence =
                    m_g.node("Reshape", {m_g.node("Transpose", {outputs[0]},
                                                  {Attr("perm", std::vector<int64_t>{0, 2, 1, 3})}),
                                         m_g.shape({0, 0, -1})});
        }
        if (spec.sequences) // Y [T, D, N, H] → [N, T, D × H]
            return m_g.node("Reshape", {m_g.node("Transpose", {outputs[0]},
                                                 {Attr("perm", std::vector<int64_t>{2, 0, 1, 3})}),
                                        m_g.shape({0, 0, -1})});
        // Y_h [D, N, H] → [N, D × H]
        return m_g.node("Reshape", {m_g.node("Transpose", {outputs[1]},
                                             {Attr("perm", std::vector<int64_t>{1, 0, 2})}),
                                    m_g.shape({0, -1})});
    }

    const NetworkWeights& m_w;
    OnnxGraph& m_g;
};

std::optional<Message> refuseNetwork(const nn::ExportableNetwork& network) {
    if (network.hasBackbone())
        return Message(OFICINA_TR_NOOP("a network with a TorchScript backbone cannot be exported "
                                       "to ONNX: the backbone is a compiled program, not a list of "
                                       "layers Oficina can write out"));
    return std::nullopt;
}

EstimatorOutputs emitNetwork(const nn::ExportableNetwork& network, const SymTable& in,
                             OnnxGraph& g) {
    const NetworkWeights w = network.weights();
    // The network is an Estimator too; its title names it in a missing-column message.
    const char* title = dynamic_cast<const Estimator&>(network).title();
    const std::string rows = gatherColumns(g, in, w.features, title);
    const std::string out = NetworkEmitter(w, g).emit(rows);
    if (w.task == Task::Classification) {
        const std::string probabilities =
            castTo(g, g.node("Softmax", {out}, {Attr("axis", 1)}, "softmax"), Elem::Double);
        // The most probable class; ties to the first, as the app's row argmax.
        const std::string index = g.node("ArgMax", {probabilities},
                                         {Attr("axis", 1), Attr("keepdims", 0)}, "class_index");
        return {.label = labelsAt(g, index, w.classLabels),
                .scores = probabilities,
                .classLabels = w.classLabels};
    }
    // The network predicts the standardised target: back to its units in double.
    const std::string standardized =
        g.node("Reshape", {castTo(g, out, Elem::Double), g.shape({-1})});
    const std::string scaled = g.node("Mul", {standardized, g.scalar(w.targetScale)});
    return {.label = g.node("Add", {scaled, g.scalar(w.targetMean)}, {}, "value"),
            .scores = {},
            .classLabels = {}};
}

} // namespace

void registerNetworkEmitters(EmitterRegistry& r) {
    r.addEstimatorInterface(emitNetwork, refuseNetwork);
}

} // namespace oficina::core::onnxexport

// The state of a trained neural network, "oficina.nn.network" (docs/model-package.md): its
// layers in their text form, the shapes between them, and every weight as the float32 values
// LibTorch holds, by LibTorch's own names, so the loaded network predicts bit for bit as the
// saved one. Saving reads the network through nn::ExportableNetwork and needs no LibTorch;
// loading validates the whole description here, in core, before the network module (and with
// it LibTorch) is loaded to build the layers and take the weights.
//
// A network on a TorchScript backbone is refused: the backbone is a compiled program, and
// loading a package never runs code from the file.
#include "deploy/Codecs.h"

#include "data/Column.h"
#include "nn/Network.h"
#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace oficina::core::deploy {

namespace {

using nn::LayerKind;
using nn::LayerSpec;
using nn::Shape;

constexpr int64_t kMaxDimension = std::numeric_limits<int32_t>::max();

std::string indexPath(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

/// The number of values of `shape`, or nothing when it exceeds `limit`.
std::optional<size_t> valueCount(const Shape& shape, size_t limit) {
    size_t count = 1;
    for (const int64_t d : shape) {
        if (d != 0 && count > limit / size_t(d)) return std::nullopt;
        count *= size_t(d);
    }
    return count <= limit ? std::optional(count) : std::nullopt;
}

/// A JSON list of `minRank` to `maxRank` sizes, each from `minSize` to kMaxDimension.
Shape readShape(const StateJson& value, const std::string& at, const StateReader& reader,
                int64_t minSize, size_t minRank, size_t maxRank) {
    if (!value.is_array() || value.size() < minRank || value.size() > maxRank)
        reader.fail(
            at, Message(OFICINA_TR_NOOP("expected a list of %1 to %2 sizes, found %3"),
                        {std::to_string(minRank), std::to_string(maxRank), jsonExcerpt(value)}));
    Shape shape;
    for (size_t i = 0; i < value.size(); ++i) {
        const StateJson& d = value[i];
        if (!d.is_number_integer() || d.get<int64_t>() < minSize ||
            d.get<int64_t>() > kMaxDimension)
            reader.fail(
                indexPath(at, i),
                Message(OFICINA_TR_NOOP("expected a whole number from %1 to %2, found %3"),
                        {std::to_string(minSize), std::to_string(kMaxDimension), jsonExcerpt(d)}));
        shape.push_back(d.get<int64_t>());
    }
    return shape;
}

/// Every tensor a network of `layers` has, by the names LibTorch gives them (the names
/// NetworkWeights keeps), with its shape: what the module will build, known before it is loaded,
/// so a package that does not match is refused without building anything. The module checks
/// the same names and shapes against the layers it builds.
std::map<std::string, Shape> expectedTensors(const std::vector<LayerSpec>& layers,
                                             const Shape& input, const std::vector<Shape>& shapes,
                                             int64_t features, int64_t outputs) {
    std::map<std::string, Shape> tensors;
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec& layer = layers[i];
        const Shape& in = i == 0 ? input : shapes[i - 1];
        const std::string prefix = "layer" + std::to_string(i + 1) + ".";
        const auto add = [&](const std::string& name, Shape shape) {
            tensors.emplace(prefix + name, std::move(shape));
        };
        switch (layer.kind) {
        case LayerKind::Dense:
            add("weight", {layer.units, in[0]});
            add("bias", {layer.units});
            break;
        case LayerKind::Conv1d:
            add("weight", {layer.units, in[0], layer.kernel});
            add("bias", {layer.units});
            break;
        case LayerKind::Conv2d:
            add("weight", {layer.units, in[0], layer.kernel, layer.kernel});
            add("bias", {layer.units});
            break;
        case LayerKind::BatchNorm:
            for (const char* name : {"weight", "bias", "running_mean", "running_var"})
                add(name, {in[0]});
            break;
        case LayerKind::Rnn:
        case LayerKind::Gru:
        case LayerKind::Lstm: {
            const int64_t gates = layer.kind == LayerKind::Lstm  ? 4
                                  : layer.kind == LayerKind::Gru ? 3
                                                                 : 1;
            const int64_t directions = layer.bidirectional ? 2 : 1;
            for (int64_t stacked = 0; stacked < layer.layers; ++stacked)
                for (int64_t direction = 0; direction < directions; ++direction) {
                    const std::string suffix =
                        "_l" + std::to_string(stacked) + (direction == 1 ? "_reverse" : "");
                    const int64_t width = stacked == 0 ? in[1] : layer.units * directions;
                    add("weight_ih" + suffix, {gates * layer.units, width});
                    add("weight_hh" + suffix, {gates * layer.units, layer.units});
                    add("bias_ih" + suffix, {gates * layer.units});
                    add("bias_hh" + suffix, {gates * layer.units});
                }
            break;
        }
        case LayerKind::Embedding:
            add("weight", {layer.vocabulary, layer.units});
            break;
        case LayerKind::MaxPool1d:
        case LayerKind::MaxPool2d:
        case LayerKind::AvgPool1d:
        case LayerKind::AvgPool2d:
        case LayerKind::Flatten:
        case LayerKind::Dropout:
        case LayerKind::Relu:
        case LayerKind::Gelu:
        case LayerKind::Tanh:
        case LayerKind::Sigmoid:
            break;
        }
    }
    const Shape& last = shapes.empty() ? input : shapes.back();
    tensors.emplace("head.weight", Shape{outputs, last[0]});
    tensors.emplace("head.bias", Shape{outputs});
    tensors.emplace("input_mean", Shape{features});
    tensors.emplace("input_scale", Shape{features});
    return tensors;
}

StateJson saveNetwork(const Estimator& estimator, StateWriter& writer) {
    const auto* network = dynamic_cast<const nn::ExportableNetwork*>(&estimator);
    if (!network)
        throw Error(Message(OFICINA_TR_NOOP("the model %1 (%2) is not a neural network"),
                            {estimator.title(), estimator.typeId()}));
    if (network->hasBackbone())
        throw Error(Message(OFICINA_TR_NOOP(
            "a network with a TorchScript backbone cannot be packaged: the backbone is a "
            "compiled program, and opening a model package never runs code from the file; "
            "for the same reason it cannot be exported to ONNX either")));
    const nn::NetworkWeights w = network->weights();

    StateJson state = StateJson::object();
    state["task"] = w.task == Task::Classification ? "classification" : "regression";
    state["features"] = w.features;
    state["class_labels"] = w.classLabels;
    state["input_shape"] = w.input;
    StateJson layers = StateJson::array();
    for (size_t i = 0; i < w.layers.size(); ++i) {
        // The text form writes every setting with the shortest exact decimal form, so it reads
        // back as the same layer; checked, since a package must mean what it meant.
        const std::string text = nn::formatLayer(w.layers[i]);
        bool same = false;
        try {
            same = nn::parseLayer(text) == w.layers[i];
        } catch (const Error&) {
        }
        if (!same)
            throw Error(Message(OFICINA_TR_NOOP("layer %1 (%2) does not read back from its text "
                                                "form, so the network cannot be packaged"),
                                {std::to_string(i + 1), text}));
        layers.push_back(text);
    }
    state["layers"] = std::move(layers);
    state["shapes"] = w.shapes;
    state["target_mean"] = writer.doubles({&w.targetMean, 1});
    state["target_scale"] = writer.doubles({&w.targetScale, 1});
    StateJson tensors = StateJson::object();
    for (const auto& [name, tensor] : w.tensors) {
        if (valueCount(tensor.shape, tensor.values.size()) != tensor.values.size())
            throw Error(Message(
                OFICINA_TR_NOOP("the tensor %1 has shape %2 but %3 values"),
                {name, nn::formatShape(tensor.shape), std::to_string(tensor.values.size())}));
        StateJson json = StateJson::object();
        json["shape"] = tensor.shape;
        json["data"] = writer.floats(tensor.values);
        tensors[name] = std::move(json);
    }
    state["tensors"] = std::move(tensors);
    return state;
}

std::shared_ptr<const Estimator> loadNetwork(const std::string& /*typeId*/, const StateJson& state,
                                             const std::string& path, const StateReader& reader) {
    nn::NetworkWeights w;
    const std::string task = reader.text(state, path, "task");
    if (task != "classification" && task != "regression")
        reader.fail(path + ".task",
                    Message(OFICINA_TR_NOOP("expected \"classification\" or \"regression\", "
                                            "found \"%1\""),
                            {textExcerpt(task)}));
    w.task = task == "classification" ? Task::Classification : Task::Regression;
    w.features = reader.texts(state, path, "features");
    if (w.features.empty())
        reader.fail(path + ".features",
                    Message(OFICINA_TR_NOOP("a network reads at least one feature column")));
    w.classLabels = reader.texts(state, path, "class_labels");
    if (w.task == Task::Classification && w.classLabels.empty())
        reader.fail(path + ".class_labels",
                    Message(OFICINA_TR_NOOP("a classifier needs at least one class")));
    if (w.task == Task::Regression && !w.classLabels.empty())
        reader.fail(path + ".class_labels",
                    Message(OFICINA_TR_NOOP("a regression network has no classes")));

    const std::string inputAt = path + ".input_shape";
    w.input = readShape(reader.member(state, path, "input_shape"), inputAt, reader, 1, 1, 3);
    const size_t inputCount = valueCount(w.input, w.features.size() + 1).value_or(0);
    if (inputCount != w.features.size())
        reader.fail(inputAt,
                    Message(OFICINA_TR_NOOP("the input shape %1 does not hold the %2 "
                                            "feature columns the network reads"),
                            {nn::formatShape(w.input), std::to_string(w.features.size())}));

    const std::vector<std::string> layerTexts = reader.texts(state, path, "layers");
    const std::string layersAt = path + ".layers";
    for (size_t i = 0; i < layerTexts.size(); ++i) {
        try {
            w.layers.push_back(nn::parseLayer(layerTexts[i]));
        } catch (const Error& e) {
            reader.fail(indexPath(layersAt, i), e.message());
        }
    }
    std::vector<Shape> inferred;
    try {
        inferred = nn::inferShapes(w.layers, w.input);
    } catch (const Error& e) {
        reader.fail(layersAt, e.message());
    }
    const Shape& last = inferred.empty() ? w.input : inferred.back();
    if (last.size() != 1)
        reader.fail(layersAt, Message(OFICINA_TR_NOOP("the last layer outputs %1, but the output "
                                                      "layer needs a row of features"),
                                      {nn::formatShape(last)}));

    // The shapes are written for readers of the package; they must be the ones the layers give.
    const StateJson& shapes = reader.member(state, path, "shapes");
    const std::string shapesAt = path + ".shapes";
    if (!shapes.is_array() || shapes.size() != inferred.size())
        reader.fail(shapesAt, Message(OFICINA_TR_NOOP("expected the output shapes of %1 layers, "
                                                      "found %2"),
                                      {std::to_string(inferred.size()), jsonExcerpt(shapes)}));
    for (size_t i = 0; i < inferred.size(); ++i) {
        const std::string at = indexPath(shapesAt, i);
        const Shape stored = readShape(shapes[i], at, reader, 1, 1, 3);
        if (stored != inferred[i])
            reader.fail(at, Message(OFICINA_TR_NOOP("layer %1 outputs %2, not %3"),
                                    {std::to_string(i + 1), nn::formatShape(inferred[i]),
                                     nn::formatShape(stored)}));
    }
    w.shapes = inferred;

    w.targetMean = reader.doubles(state, path, "target_mean", 1)[0];
    w.targetScale = reader.doubles(state, path, "target_scale", 1)[0];
    if (!std::isfinite(w.targetMean))
        reader.fail(path + ".target_mean",
                    Message(OFICINA_TR_NOOP("expected a finite number, found %1"),
                            {formatNumber(w.targetMean)}));
    if (!std::isfinite(w.targetScale) || w.targetScale <= 0)
        reader.fail(path + ".target_scale",
                    Message(OFICINA_TR_NOOP("expected a finite number above 0, found %1"),
                            {formatNumber(w.targetScale)}));

    const StateJson& tensors = reader.member(state, path, "tensors");
    const std::string tensorsAt = path + ".tensors";
    if (!tensors.is_object())
        reader.fail(tensorsAt, Message(OFICINA_TR_NOOP("expected a JSON object")));
    const auto outputs =
        w.task == Task::Classification ? int64_t(w.classLabels.size()) : int64_t(1);
    const auto expected =
        expectedTensors(w.layers, w.input, inferred, int64_t(w.features.size()), outputs);
    for (const auto& [name, shape] : expected) {
        if (!tensors.contains(name))
            reader.fail(tensorsAt,
                        Message(OFICINA_TR_NOOP("the tensor \"%1\" is missing"), {name}));
        const StateJson& tensor = tensors[name];
        const std::string at = tensorsAt + "." + name;
        const Shape stored =
            readShape(reader.member(tensor, at, "shape"), at + ".shape", reader, 0, 0, 4);
        if (stored != shape)
            reader.fail(at + ".shape",
                        Message(OFICINA_TR_NOOP("the tensor \"%1\" has shape %2, but the layers "
                                                "need %3"),
                                {name, nn::formatShape(stored), nn::formatShape(shape)}));
        // The expected shapes come from sizes limited by the parser, but their product can
        // still be absurd; the data must then be in the blob, which bounds it.
        const auto count = valueCount(shape, std::numeric_limits<int32_t>::max());
        if (!count)
            reader.fail(at + ".shape",
                        Message(OFICINA_TR_NOOP("the tensor \"%1\" is too large"), {name}));
        w.tensors[name] = {shape, reader.floats(tensor, at, "data", *count)};
    }
    for (const auto& item : tensors.items())
        if (!expected.contains(item.key()))
            reader.fail(tensorsAt, Message(OFICINA_TR_NOOP("the tensor \"%1\" is not a weight of "
                                                           "the network its layers describe"),
                                           {textExcerpt(item.key())}));

    try {
        return nn::restoreNetwork(w);
    } catch (const Error& e) {
        reader.fail(path, e.message());
    }
}

} // namespace

EstimatorCodec networkEstimatorCodec() {
    return {.typeIds = {"oficina.nn.network"}, .save = saveNetwork, .load = loadNetwork};
}

} // namespace oficina::core::deploy

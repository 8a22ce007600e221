#include "nn/LayerSpec.h"

#include "data/Column.h"
#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <numeric>

namespace oficina::core::nn {

namespace {

LayerField unitsField(const char* label, double defaultValue, const char* help) {
    return {"units", label, LayerFieldKind::Int, defaultValue, 1, 100000, help};
}

std::vector<LayerField> windowFields(double defaultKernel, double defaultStride) {
    return {{"kernel", OFICINA_TR_NOOP("Kernel size"), LayerFieldKind::Int, defaultKernel, 1, 1024,
             OFICINA_TR_NOOP("Width of the sliding window")},
            {"stride", OFICINA_TR_NOOP("Stride"), LayerFieldKind::Int, defaultStride, 0, 1024,
             OFICINA_TR_NOOP("Step between windows; 0 means the kernel size")},
            {"padding", OFICINA_TR_NOOP("Padding"), LayerFieldKind::Int, 0, 0, 1024,
             OFICINA_TR_NOOP("Zeros added on each side of the input")}};
}

std::vector<LayerField> convFields() {
    auto fields = windowFields(3, 1);
    fields.insert(fields.begin(),
                  unitsField(OFICINA_TR_NOOP("Channels"), 16,
                             OFICINA_TR_NOOP("Number of filters, i.e. output channels")));
    return fields;
}

std::vector<LayerField> recurrentFields() {
    return {unitsField(OFICINA_TR_NOOP("Hidden size"), 32,
                       OFICINA_TR_NOOP("Size of the state carried from step to step")),
            {"layers", OFICINA_TR_NOOP("Stacked layers"), LayerFieldKind::Int, 1, 1, 16,
             OFICINA_TR_NOOP("Recurrent layers on top of each other")},
            {"bidirectional", OFICINA_TR_NOOP("Bidirectional"), LayerFieldKind::Bool, 0, 0, 1,
             OFICINA_TR_NOOP("Also read the sequence backwards; doubles the output size")},
            {"sequences", OFICINA_TR_NOOP("Output every step"), LayerFieldKind::Bool, 0, 0, 1,
             OFICINA_TR_NOOP("Pass the whole sequence on (for another recurrent or "
                             "convolutional layer) instead of only the last step")}};
}

std::vector<LayerType> makeLayerTypes() {
    const char* poolHelp = OFICINA_TR_NOOP("Downsamples by keeping the largest value of each "
                                           "window");
    const char* avgHelp = OFICINA_TR_NOOP("Downsamples by averaging each window");
    return {
        {LayerKind::Dense,
         "Dense",
         OFICINA_TR_NOOP("Dense"),
         OFICINA_TR_NOOP("Fully connected layer: every output is a weighted sum of all inputs"),
         {unitsField(OFICINA_TR_NOOP("Units"), 64, OFICINA_TR_NOOP("Number of outputs"))}},
        {LayerKind::Relu,
         "ReLU",
         OFICINA_TR_NOOP("ReLU"),
         OFICINA_TR_NOOP("Activation max(0, x); the usual choice between layers"),
         {}},
        {LayerKind::Gelu,
         "GELU",
         OFICINA_TR_NOOP("GELU"),
         OFICINA_TR_NOOP("Smooth ReLU-like activation used by transformers"),
         {}},
        {LayerKind::Tanh,
         "Tanh",
         OFICINA_TR_NOOP("Tanh"),
         OFICINA_TR_NOOP("Activation squashing values into (-1, 1)"),
         {}},
        {LayerKind::Sigmoid,
         "Sigmoid",
         OFICINA_TR_NOOP("Sigmoid"),
         OFICINA_TR_NOOP("Activation squashing values into (0, 1)"),
         {}},
        {LayerKind::Dropout,
         "Dropout",
         OFICINA_TR_NOOP("Dropout"),
         OFICINA_TR_NOOP("Zeroes random inputs while training, against overfitting"),
         {{"rate", OFICINA_TR_NOOP("Rate"), LayerFieldKind::Double, 0.2, 0, 0.99,
           OFICINA_TR_NOOP("Fraction of inputs zeroed at each training step")}}},
        {LayerKind::BatchNorm,
         "BatchNorm",
         OFICINA_TR_NOOP("Batch normalisation"),
         OFICINA_TR_NOOP("Normalises each feature or channel over the batch; speeds up "
                         "training of deep networks"),
         {}},
        {LayerKind::Conv1d, "Conv1d", OFICINA_TR_NOOP("Convolution 1-D"),
         OFICINA_TR_NOOP("Slides filters along a sequence (channels × length)"), convFields()},
        {LayerKind::Conv2d, "Conv2d", OFICINA_TR_NOOP("Convolution 2-D"),
         OFICINA_TR_NOOP("Slides filters over an image (channels × height × width)"), convFields()},
        {LayerKind::MaxPool1d, "MaxPool1d", OFICINA_TR_NOOP("Max pooling 1-D"), poolHelp,
         windowFields(2, 0)},
        {LayerKind::MaxPool2d, "MaxPool2d", OFICINA_TR_NOOP("Max pooling 2-D"), poolHelp,
         windowFields(2, 0)},
        {LayerKind::AvgPool1d, "AvgPool1d", OFICINA_TR_NOOP("Average pooling 1-D"), avgHelp,
         windowFields(2, 0)},
        {LayerKind::AvgPool2d, "AvgPool2d", OFICINA_TR_NOOP("Average pooling 2-D"), avgHelp,
         windowFields(2, 0)},
        {LayerKind::Flatten,
         "Flatten",
         OFICINA_TR_NOOP("Flatten"),
         OFICINA_TR_NOOP("Turns channels × height × width (or time × features) into one row "
                         "of features for Dense layers"),
         {}},
        {LayerKind::Rnn, "RNN", OFICINA_TR_NOOP("Simple RNN"),
         OFICINA_TR_NOOP("Recurrent layer with a tanh state; reads time × features"),
         recurrentFields()},
        {LayerKind::Gru, "GRU", OFICINA_TR_NOOP("GRU"),
         OFICINA_TR_NOOP("Gated recurrent layer; reads time × features"), recurrentFields()},
        {LayerKind::Lstm, "LSTM", OFICINA_TR_NOOP("LSTM"),
         OFICINA_TR_NOOP("Long short-term memory layer; reads time × features and remembers "
                         "over long spans"),
         recurrentFields()},
        {LayerKind::Embedding,
         "Embedding",
         OFICINA_TR_NOOP("Embedding"),
         OFICINA_TR_NOOP("Maps each integer token code (0 … vocabulary−1) to a learned vector"),
         {{"vocabulary", OFICINA_TR_NOOP("Vocabulary"), LayerFieldKind::Int, 1000, 1, 10000000,
           OFICINA_TR_NOOP("Number of distinct token codes")},
          unitsField(OFICINA_TR_NOOP("Size"), 16,
                     OFICINA_TR_NOOP("Length of the vector learned for each token"))}},
    };
}

int64_t* intSlot(LayerSpec& layer, std::string_view key) {
    if (key == "units") return &layer.units;
    if (key == "kernel") return &layer.kernel;
    if (key == "stride") return &layer.stride;
    if (key == "padding") return &layer.padding;
    if (key == "layers") return &layer.layers;
    if (key == "vocabulary") return &layer.vocabulary;
    return nullptr;
}

bool* boolSlot(LayerSpec& layer, std::string_view key) {
    if (key == "bidirectional") return &layer.bidirectional;
    if (key == "sequences") return &layer.sequences;
    return nullptr;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

/// "100000", not formatNumber's "1e+05", for a whole-number setting's bound.
std::string boundText(const LayerField& field, double bound) {
    return field.kind == LayerFieldKind::Double ? formatNumber(bound)
                                                : std::to_string(int64_t(bound));
}

double parseFieldValue(const LayerField& field, std::string_view text, std::string_view layer) {
    const auto bad = [&](const char* expected) {
        return Error(Message(OFICINA_TR_NOOP("'%1': %2 must be %3, not '%4'"),
                             {std::string(layer), field.key, expected, std::string(text)}));
    };
    double value = 0;
    if (field.kind == LayerFieldKind::Bool) {
        if (text == "true" || text == "1")
            value = 1;
        else if (text == "false" || text == "0")
            value = 0;
        else
            throw bad(OFICINA_TR_NOOP("true or false"));
        return value;
    }
    const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(value))
        throw bad(OFICINA_TR_NOOP("a number"));
    if (field.kind == LayerFieldKind::Int && value != std::floor(value))
        throw bad(OFICINA_TR_NOOP("a whole number"));
    if (value < field.min || value > field.max)
        throw Error(Message(OFICINA_TR_NOOP("'%1': %2 must be between %3 and %4, not %5"),
                            {std::string(layer), field.key, boundText(field, field.min),
                             boundText(field, field.max), std::string(text)}));
    return value;
}

std::string shapeText(const Shape& shape) {
    return formatShape(shape);
}

} // namespace

const std::vector<LayerType>& layerTypes() {
    static const std::vector<LayerType> types = makeLayerTypes();
    return types;
}

const LayerType& layerType(LayerKind kind) {
    for (const auto& type : layerTypes())
        if (type.kind == kind) return type;
    return layerTypes().front();
}

LayerSpec defaultLayer(LayerKind kind) {
    LayerSpec layer;
    layer.kind = kind;
    for (const auto& field : layerType(kind).fields)
        setFieldValue(layer, field.key, field.defaultValue);
    return layer;
}

double fieldValue(const LayerSpec& layer, std::string_view key) {
    auto& mutableLayer = const_cast<LayerSpec&>(layer);
    if (key == "rate") return layer.rate;
    if (const int64_t* slot = intSlot(mutableLayer, key)) return double(*slot);
    if (const bool* slot = boolSlot(mutableLayer, key)) return *slot ? 1 : 0;
    throw Error(Message(OFICINA_TR_NOOP("unknown layer setting '%1'"), {std::string(key)}));
}

void setFieldValue(LayerSpec& layer, std::string_view key, double value) {
    if (key == "rate")
        layer.rate = value;
    else if (int64_t* slot = intSlot(layer, key))
        *slot = int64_t(std::llround(value));
    else if (bool* slot = boolSlot(layer, key))
        *slot = value != 0;
    else
        throw Error(Message(OFICINA_TR_NOOP("unknown layer setting '%1'"), {std::string(key)}));
}

std::string formatLayer(const LayerSpec& layer) {
    const LayerType& type = layerType(layer.kind);
    std::string text = type.key;
    if (type.fields.empty()) return text;
    std::vector<std::string> settings;
    for (const auto& field : type.fields) {
        const double value = fieldValue(layer, field.key);
        std::string shown = field.kind == LayerFieldKind::Bool ? (value != 0 ? "true" : "false")
                                                               : formatNumber(value);
        settings.push_back(std::string(field.key) + "=" + shown);
    }
    return text + "(" + joinList(settings, ", ") + ")";
}

LayerSpec parseLayer(std::string_view text) {
    const std::string_view whole = trimmed(text);
    const size_t open = whole.find('(');
    const std::string_view name = trimmed(whole.substr(0, open));
    const LayerType* type = nullptr;
    for (const auto& candidate : layerTypes())
        if (lower(candidate.key) == lower(name)) type = &candidate;
    if (!type) {
        std::vector<std::string> keys;
        for (const auto& candidate : layerTypes())
            keys.push_back(candidate.key);
        throw Error(Message(OFICINA_TR_NOOP("'%1' is not a layer; known layers: %2"),
                            {std::string(whole), joinList(keys, ", ")}));
    }
    LayerSpec layer = defaultLayer(type->kind);
    if (open == std::string_view::npos) return layer;
    if (whole.back() != ')')
        throw Error(Message(OFICINA_TR_NOOP("'%1': missing ')'"), {std::string(whole)}));
    const std::string_view inside = whole.substr(open + 1, whole.size() - open - 2);
    for (const auto& item : splitList(inside, ',')) {
        const size_t eq = item.find('=');
        const std::string key(trimmed(std::string_view(item).substr(0, eq)));
        const auto field = std::find_if(type->fields.begin(), type->fields.end(),
                                        [&](const LayerField& f) { return key == f.key; });
        if (eq == std::string::npos || field == type->fields.end()) {
            std::vector<std::string> keys;
            for (const auto& f : type->fields)
                keys.push_back(f.key);
            throw Error(Message(OFICINA_TR_NOOP("'%1': %2 has no setting '%3'; its settings: %4"),
                                {std::string(whole), type->key, item,
                                 keys.empty() ? std::string("-") : joinList(keys, ", ")}));
        }
        setFieldValue(
            layer, key,
            parseFieldValue(*field, trimmed(std::string_view(item).substr(eq + 1)), whole));
    }
    return layer;
}

std::vector<std::string> splitLayerList(std::string_view text) {
    return splitList(text, ';');
}

std::string formatShape(const Shape& shape) {
    std::vector<std::string> dims;
    for (const int64_t d : shape)
        dims.push_back(std::to_string(d));
    return joinList(dims, "×");
}

std::optional<Shape> parseShape(std::string_view text) {
    std::string normalised;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == "×") { // the multiplication sign, two bytes in UTF-8
            normalised += ',';
            ++i;
        } else {
            const char c = text[i];
            normalised += (c == 'x' || c == 'X') ? ',' : c;
        }
    }
    const auto parts = splitList(normalised, ',');
    if (parts.empty()) return std::nullopt;
    Shape shape;
    for (const auto& part : parts) {
        int64_t d = 0;
        const auto r = std::from_chars(part.data(), part.data() + part.size(), d);
        if (r.ec != std::errc() || r.ptr != part.data() + part.size() || d < 1 || parts.size() > 3)
            throw Error(Message(OFICINA_TR_NOOP("input shape '%1' is not valid: give 1 to 3 "
                                                "positive sizes such as 1x8x8 (channels × "
                                                "height × width) or 12x1 (time × features)"),
                                {std::string(text)}));
        shape.push_back(d);
    }
    return shape;
}

std::vector<Shape> inferShapes(const std::vector<LayerSpec>& layers, const Shape& input) {
    std::vector<Shape> shapes;
    Shape current = input;
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec& layer = layers[i];
        const std::string index = std::to_string(i + 1);
        const std::string key = layerType(layer.kind).key;
        const auto needs = [&](size_t rank, const char* what, const char* hint) {
            if (current.size() == rank) return;
            throw Error(Message(OFICINA_TR_NOOP("layer %1 %2 expects %3, gets %4; %5"),
                                {index, key, what, shapeText(current), hint}));
        };
        const auto window = [&](int64_t size) {
            const int64_t stride =
                layer.stride > 0 ? layer.stride
                : (layer.kind == LayerKind::Conv1d || layer.kind == LayerKind::Conv2d)
                    ? 1
                    : layer.kernel;
            const int64_t out = (size + 2 * layer.padding - layer.kernel) / stride + 1;
            if (size + 2 * layer.padding < layer.kernel || out < 1)
                throw Error(
                    Message(OFICINA_TR_NOOP("layer %1 %2 has a window of %3 but its "
                                            "input is only %4: use a smaller kernel, "
                                            "padding, or fewer pooling layers before it"),
                            {index, key, std::to_string(layer.kernel), shapeText(current)}));
            if (layer.kind != LayerKind::Conv1d && layer.kind != LayerKind::Conv2d &&
                2 * layer.padding > layer.kernel)
                throw Error(Message(OFICINA_TR_NOOP("layer %1 %2: padding may be at most half "
                                                    "the kernel size"),
                                    {index, key}));
            return out;
        };
        switch (layer.kind) {
        case LayerKind::Dense:
            needs(1, OFICINA_TR_NOOP("a row of features"),
                  OFICINA_TR_NOOP("add a Flatten layer before it"));
            current = {layer.units};
            break;
        case LayerKind::Conv1d:
            needs(2, OFICINA_TR_NOOP("channels × length"),
                  OFICINA_TR_NOOP("set the node's input shape, e.g. 1x<length>"));
            current = {layer.units, window(current[1])};
            break;
        case LayerKind::Conv2d:
            needs(3, OFICINA_TR_NOOP("channels × height × width"),
                  OFICINA_TR_NOOP("set the node's input shape, e.g. 1x8x8"));
            current = {layer.units, window(current[1]), window(current[2])};
            break;
        case LayerKind::MaxPool1d:
        case LayerKind::AvgPool1d:
            needs(2, OFICINA_TR_NOOP("channels × length"),
                  OFICINA_TR_NOOP("set the node's input shape, e.g. 1x<length>"));
            current = {current[0], window(current[1])};
            break;
        case LayerKind::MaxPool2d:
        case LayerKind::AvgPool2d:
            needs(3, OFICINA_TR_NOOP("channels × height × width"),
                  OFICINA_TR_NOOP("set the node's input shape, e.g. 1x8x8"));
            current = {current[0], window(current[1]), window(current[2])};
            break;
        case LayerKind::Flatten:
            current = {
                std::accumulate(current.begin(), current.end(), int64_t(1), std::multiplies<>())};
            break;
        case LayerKind::Rnn:
        case LayerKind::Gru:
        case LayerKind::Lstm: {
            needs(2, OFICINA_TR_NOOP("time × features"),
                  OFICINA_TR_NOOP("set the node's input shape, e.g. 12x1 for 12 past values"));
            const int64_t width = layer.units * (layer.bidirectional ? 2 : 1);
            current = layer.sequences ? Shape{current[0], width} : Shape{width};
            break;
        }
        case LayerKind::Embedding:
            needs(1, OFICINA_TR_NOOP("a row of token codes"),
                  OFICINA_TR_NOOP("put it first, on integer-coded columns"));
            current = {current[0], layer.units};
            break;
        case LayerKind::BatchNorm:
            if (current.empty() || current.size() > 3)
                throw Error(Message(OFICINA_TR_NOOP("layer %1 %2 cannot normalise %3"),
                                    {index, key, shapeText(current)}));
            break;
        case LayerKind::Dropout:
        case LayerKind::Relu:
        case LayerKind::Gelu:
        case LayerKind::Tanh:
        case LayerKind::Sigmoid:
            break;
        }
        shapes.push_back(current);
    }
    return shapes;
}

} // namespace oficina::core::nn

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::nn {

/// A network is declared as a list of layers; this header knows their kinds, settings, text form
/// and shapes without LibTorch, so the pipeline file, the property editor and the shape check
/// before training share one declaration.

enum class LayerKind {
    Dense,
    Conv1d,
    Conv2d,
    MaxPool1d,
    MaxPool2d,
    AvgPool1d,
    AvgPool2d,
    Flatten,
    Dropout,
    BatchNorm,
    Rnn,
    Gru,
    Lstm,
    Embedding,
    Relu,
    Gelu,
    Tanh,
    Sigmoid
};
// No Softmax kind: the trainer adds the output layer the task implies (softmax over the classes,
// or one linear output for regression) after the listed layers.

/// One layer. Which settings apply follows from `kind` (see layerTypes()).
struct LayerSpec {
    LayerKind kind = LayerKind::Dense;
    int64_t units = 0;   ///< Dense outputs, Conv channels, RNN hidden size, Embedding size
    int64_t kernel = 0;  ///< Conv and pooling window
    int64_t stride = 0;  ///< Conv and pooling; 0 = 1 for Conv, = kernel for pooling
    int64_t padding = 0; ///< Conv and pooling, on each side
    double rate = 0;     ///< Dropout probability
    int64_t layers = 1;  ///< stacked RNN/GRU/LSTM layers
    bool bidirectional = false;
    bool sequences = false; ///< RNN: output every time step, not only the last
    int64_t vocabulary = 0; ///< Embedding: number of distinct token codes

    bool operator==(const LayerSpec&) const = default;
};

/// The kind of one setting of a layer, for the editor and the parser.
enum class LayerFieldKind { Int, Double, Bool };

struct LayerField {
    const char* key;   ///< stable, written to files: "units", "kernel"…
    const char* label; ///< English, OFICINA_TR_NOOP
    LayerFieldKind kind;
    double defaultValue;
    double min, max;
    const char* help; ///< English, OFICINA_TR_NOOP
};

/// A layer kind as the editor lists it.
struct LayerType {
    LayerKind kind;
    const char* key;   ///< stable, written to files: "Dense", "Conv2d", "LSTM"…
    const char* title; ///< English, OFICINA_TR_NOOP
    const char* help;  ///< English, OFICINA_TR_NOOP
    std::vector<LayerField> fields;
};

/// Every layer kind, in the order the editor offers them.
const std::vector<LayerType>& layerTypes();
const LayerType& layerType(LayerKind kind);

/// A layer with every setting at its default.
LayerSpec defaultLayer(LayerKind kind);
/// The value of one setting (by LayerField::key) and its change; throws Error for an unknown key.
double fieldValue(const LayerSpec& layer, std::string_view key);
void setFieldValue(LayerSpec& layer, std::string_view key, double value);

/// Text form, one layer per string, as saved in pipeline files and given to `--set`:
/// "Dense(units=64)", "ReLU", "Conv2d(units=16, kernel=3, padding=1)", "LSTM(units=32,
/// bidirectional=true, layers=1, sequences=false)". Every setting is written, so a file keeps
/// its meaning if a default changes.
std::string formatLayer(const LayerSpec& layer);
/// Parses formatLayer()'s form (kind keys case-insensitive). Throws Error naming the text and
/// what is wrong.
LayerSpec parseLayer(std::string_view text);
/// `--set` form: layers separated by ';'.
std::vector<std::string> splitLayerList(std::string_view text);

/// The shape of one sample (no batch dimension): {features}, {channels, length},
/// {channels, height, width} or {time, features}.
using Shape = std::vector<int64_t>;
/// "64", "16×4×4".
std::string formatShape(const Shape& shape);
/// Parses an input-shape parameter: "" → nothing (flat features), "1x8x8", "12x1", "3,32,32".
/// Throws Error on anything else.
std::optional<Shape> parseShape(std::string_view text);

/// The output shape of every layer, given one sample's input shape. Throws Error naming the
/// layer (1-based) and the mismatch: "layer 3 Conv2d expects channels × height × width, gets
/// 64 features".
std::vector<Shape> inferShapes(const std::vector<LayerSpec>& layers, const Shape& input);

} // namespace oficina::core::nn

#pragma once

// Private to core/export: what an exported model's metadata and its card say. No ONNX header
// needed.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core::onnxexport {

struct InputDescription {
    std::string name;                 ///< the ONNX input
    std::vector<std::string> columns; ///< the raw column(s) it carries, in order
    bool numeric = true;              ///< a number (missing NaN) or a string (missing "")
    /// Categorical columns: the categories seen where the lineage began.
    std::vector<std::string> categories;
    /// Categorical columns: what a category the fit never saw becomes, in words.
    std::string unseen;
};

struct OutputDescription {
    std::string name;
    std::string type;  ///< "string", "double", "float", "int64"
    int64_t width = 0; ///< 0: shape [N]; else [N, width]
    std::string meaning;
};

/// What a preprocessing step learned about one column, for the card's table.
struct FittedValue {
    std::string step;   ///< the step's title
    std::string column;
    std::string values; ///< "mean 5.84, scale 0.83", "fill value 2", "categories a, b"
};

/// Metrics measured by one evaluation of the model on rows it was not trained on.
struct HeldOutDescription {
    std::string source; ///< "test rows", "5-fold cross-validation"
    std::vector<std::pair<std::string, double>> metrics;
};

/// One real training row fed through the model, for the card's example and snippets.
struct ExampleDescription {
    /// Per graph input, in order: its cells, numbers (NaN = missing) or strings.
    std::vector<std::vector<double>> numbers;
    std::vector<std::vector<std::string>> strings;
    std::string label;          ///< the app's prediction: class, value or cluster, as text
    std::vector<double> scores; ///< its probabilities (classifiers); empty otherwise
};

/// Everything said about one export, rendered as metadata_props, doc_string and the card.
struct ModelDescription {
    std::string fileName;  ///< "iris.onnx"
    std::string title;     ///< node title or model name; may be empty
    std::string pipeline;  ///< may be empty
    std::string version;   ///< Oficina's
    std::string created;   ///< ISO 8601, UTC
    std::string task;      ///< "classification", "regression", "clustering"
    std::string target;    ///< empty for clustering
    std::string estimator; ///< its title
    std::string estimatorType;
    std::vector<std::pair<std::string, std::string>> steps; ///< type id, title
    std::string numberType = "double"; ///< of the numeric inputs and outputs, or "float"
    std::vector<InputDescription> inputs;
    std::vector<OutputDescription> outputs;
    std::vector<std::string> classLabels;
    std::vector<std::pair<std::string, double>> metrics; ///< training metrics
    std::vector<HeldOutDescription> heldOut;
    std::vector<FittedValue> fitted;
    std::vector<std::pair<std::string, int64_t>> opsets;
    std::vector<std::string> mlOperators; ///< the ai.onnx.ml operators the graph uses

    // What the model learned from and how to tell versions apart; empty/0 when not known.
    bool hasExample = false;
    ExampleDescription example;
    size_t trainingRows = 0;
    size_t trainingColumns = 0;
    size_t numericValues = 0;      ///< non-missing numeric training cells of the inputs
    size_t floatInexactValues = 0; ///< of those, the ones float32 does not hold exactly
    std::string dataFingerprint;   ///< SHA-256 of the raw training values
    std::string pipelineHash;      ///< SHA-256 of the pipeline's canonical file
    std::string modelHash;         ///< SHA-256 of the .onnx file (card only)
    std::string verifiedRuntime;   ///< the ONNX Runtime version the test suite runs exports in
};

/// "[N]" for width 0, else "[N, width]".
std::string shapeText(int64_t width);
std::string inputShape(const InputDescription& in);

/// The metadata_props entries: key and value (JSON text for lists and objects).
std::vector<std::pair<std::string, std::string>> metadataProps(const ModelDescription& d);
/// One paragraph for the model's doc_string.
std::string docString(const ModelDescription& d);
/// The model card (Markdown): inputs with their categories, outputs, the fitted preprocessing,
/// training and held-out metrics, a real example with its expected output, how to run the file
/// with ONNX Runtime from Python, C++ and Node.js, and the hashes that identify it. Starts with
/// cardMarker(d.fileName).
std::string modelCard(const ModelDescription& d);
/// The first line of the card of the model file `fileName`: how an export recognises the card
/// it may replace.
std::string cardMarker(const std::string& fileName);

// The snippets of the card (CardSnippets.cpp), each a complete program that runs the example.
std::string pythonSnippet(const ModelDescription& d);
std::string cppSnippet(const ModelDescription& d);
/// Prints "label: …" and, where there is one, "probabilities: …" with 6 decimals.
std::string nodeSnippet(const ModelDescription& d);

} // namespace oficina::core::onnxexport

#pragma once

// Private to core/export: what an exported model's metadata and MODEL.md card say. No ONNX
// header needed.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core::onnxexport {

struct InputDescription {
    std::string name;                 ///< the ONNX input
    std::vector<std::string> columns; ///< the raw column(s) it carries, in order
    bool numeric = true;              ///< float (missing NaN) or string (missing "")
    /// Categorical columns: the categories seen where the lineage began, for examples.
    std::vector<std::string> categories;
};

struct OutputDescription {
    std::string name;
    std::string type;  ///< "string", "float", "int64"
    int64_t width = 0; ///< 0: shape [N]; else [N, width]
    std::string meaning;
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
    std::vector<InputDescription> inputs;
    std::vector<OutputDescription> outputs;
    std::vector<std::string> classLabels;
    std::vector<std::pair<std::string, double>> metrics;
    std::vector<std::pair<std::string, int64_t>> opsets;
};

/// The metadata_props entries: key and value (JSON text for lists and objects).
std::vector<std::pair<std::string, std::string>> metadataProps(const ModelDescription& d);
/// One paragraph for the model's doc_string.
std::string docString(const ModelDescription& d);
/// The MODEL.md card: inputs, outputs, metrics, and how to run the file with ONNX Runtime from
/// Python and C++.
std::string modelCard(const ModelDescription& d);

} // namespace oficina::core::onnxexport

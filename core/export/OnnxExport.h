#pragma once

#include "eval/Metrics.h"
#include "models/Model.h"
#include "util/Message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core {

/// How exportOnnx() writes a Model.
///
/// Example:
///     OnnxExportOptions options;
///     options.pipelineName = "iris.oficina";
///     options.nodeTitle = "Logistic regression";
///     const OnnxExportResult written = exportOnnx(model, "out/iris.onnx", options);
struct OnnxExportOptions {
    /// Numeric inputs and outputs as float32 instead of double, for runtimes or accelerators
    /// that need them. Predictions then match the app's only for values that float32
    /// represents exactly (the card says so): tree splits and exact-match lookups see the
    /// rounded values.
    bool floatInputs = false;
    /// One numeric tensor "input" [batch, n] holding the raw columns the model uses side by side,
    /// in the order the metadata lists, instead of one [batch, 1] input per column. Only when
    /// all of those columns are numeric (Error otherwise).
    bool singleInput = false;
    /// The pipeline the model comes from (its file name or title), for the metadata and the
    /// card; empty = not recorded.
    std::string pipelineName;
    /// The title of the node that trained the model; empty = Model::name, or the estimator's
    /// title when that is empty too.
    std::string nodeTitle;
    /// SHA-256 of the pipeline's canonical file (pipelineHash()); empty = not recorded.
    std::string pipelineHash;
    /// Evaluations on held-out rows (a test split, cross-validation), for the card.
    std::vector<HeldOutMetrics> heldOut;
};

/// One input of an exported graph.
struct OnnxInput {
    std::string name;                 ///< as the graph names it
    std::string type;                 ///< "double", "float" or "string"
    std::vector<std::string> columns; ///< the raw column(s) it carries, in order
};

/// What exportOnnx() wrote.
struct OnnxExportResult {
    std::string path;     ///< the .onnx file
    std::string cardPath; ///< the card beside it: the model's file name with ".md"
    uint64_t bytes = 0;   ///< size of the .onnx file
    /// Graph inputs in order.
    std::vector<OnnxInput> inputs;
    /// Graph outputs in order: "label", then "probabilities" or "distances" where there is one.
    std::vector<std::string> outputs;
    /// Operator sets imported: {"", 17} and, when a node uses it, {"ai.onnx.ml", 3}.
    std::vector<std::pair<std::string, int64_t>> opsets;
    size_t nodeCount = 0;
};

/// Why `model` cannot be exported to ONNX — the first fitted step or the estimator with no ONNX
/// form (DBSCAN, agglomerative clustering, t-SNE, a step nobody wrote an emitter for yet) or a
/// fit that ONNX cannot reproduce faithfully — or nothing when it can. Cheap; writes nothing.
std::optional<Message> onnxRefusal(const Model& model);

/// Why a node or estimator type (its type id, e.g. "oficina.cluster.dbscan") never has an ONNX
/// form, or nothing: lets a front end refuse before running anything.
std::optional<Message> onnxRefusalForType(const std::string& typeId);

/// Writes `model` — its lineage's fitted steps and its estimator — as one ONNX graph (IR 8,
/// opset 17, ai.onnx.ml 3) from the raw columns where its lineage began to its predictions,
/// then a MODEL.md card in the same folder.
///
/// Inputs: one per raw column the model uses, [batch, 1], double for numeric columns (missing =
/// NaN; float with OnnxExportOptions::floatInputs) and string for categorical ones (missing =
/// ""), named after the column (with "_input" appended if it would clash with an output name);
/// or OnnxExportOptions::singleInput. Outputs: "label" [batch] — class label strings
/// (classifiers), double values (regressors) or int64 cluster indices (clusterers) — and
/// "probabilities" [batch, classes] double for classifiers or "distances" [batch, clusters]
/// double for K-Means (float for a float export). The steps compute like the app, in double,
/// so predictions match the app's on the same raw values.
/// metadata_props describe inputs, outputs, class labels, training metrics, steps, the
/// Oficina version, pipeline, node and creation time; doc_string says the same in a sentence.
/// The card (`model.onnx` → `model.md`) adds the categories, the fitted preprocessing, held-out
/// metrics, a real training row with the app's prediction for it, snippets that send it, and
/// content hashes.
///
/// Every graph passes onnx::checker::check_model and strict shape inference before anything
/// is written; the model and its card are written all or nothing (util/SafeFile.h). A file at
/// the card's path that is not this model's card is never replaced: Error, nothing written.
/// Throws Error with onnxRefusal()'s message when the model cannot be exported (nothing is
/// written), or naming the file when it cannot be written. Runs on the calling thread; reads
/// `model` only.
OnnxExportResult exportOnnx(const Model& model, const std::string& path,
                            const OnnxExportOptions& options = {});

/// What exportOnnx() writes, in memory: the graph's bytes, its card and the description of
/// both (result.path and cardPath say where they would go). A model package holds them. Throws
/// as exportOnnx() does, but writes nothing.
struct OnnxRendering {
    std::string model;
    std::string card;
    OnnxExportResult result;
};
OnnxRendering renderOnnx(const Model& model, const std::string& path,
                         const OnnxExportOptions& options = {});

} // namespace oficina::core

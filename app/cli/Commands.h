#pragma once

#include <string>
#include <vector>

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::cli {

/// Exit codes, a stable contract: 0 ok, 1 a node failed, 2 bad input (file, pipeline, argument),
/// 3 a metric gate failed (run --require) or drift was found (drift --fail-on drift).
enum ExitCode {
    Ok = 0,
    NodeFailed = 1,
    NotCanonical = 1,
    BadInput = 2,
    GateFailed = 3,
    DriftFound = 3
};

struct InspectOptions {
    std::string file;
    bool json = false;
};

struct RunOptions {
    std::string pipeline;
    std::vector<std::string> sets;         ///< NODE.PARAM=VALUE
    std::string report;                    ///< JSON report path, or empty
    std::vector<std::string> predictions;  ///< NODE[.PORT]=out.csv
    std::vector<std::string> onnxExports;  ///< NODE=out.onnx
    std::vector<std::string> savedModels;  ///< NODE=model.ofmodel
    bool onnxFloatInputs = false;          ///< float32 numbers in those exports
    bool quiet = false;                    ///< no progress on stderr
    // The run store (docs/runs.md)
    bool noRecord = false;                 ///< record nothing this time
    std::string store;                     ///< a runs.db or a folder; default: beside the pipeline
    std::string note;
    std::vector<std::string> tags;
    std::string mlflowUri;                 ///< log live to this MLflow tracking server
    std::string registerAs;                ///< [NODE=]NAME: register the package the run kept
    // Gates for CI (core/monitor/Gates.h)
    std::vector<std::string> gates;        ///< --require NODE.METRIC OP VALUE
    std::string baseline;                  ///< a run report (.json) or models:/NAME@ALIAS
    std::string summary;                   ///< Markdown summary of the gates
};

int inspect(const InspectOptions& options);
int listNodes(const core::NodeRegistry& registry, const std::string& type, bool json);
int listDatasets(bool json);
/// Rewrites pipeline files in canonical form (every parameter, stable order: what the GUI
/// saves), so hand-written or generated pipelines diff cleanly; with `check`, writes nothing
/// and returns NotCanonical when a file is not (for CI).
int formatPipelines(const core::NodeRegistry& registry, const std::vector<std::string>& files,
                    bool check);
int run(const core::NodeRegistry& registry, const RunOptions& options);

struct PredictOptions {
    std::string model;              ///< the .ofmodel package
    std::string input;              ///< CSV/TSV/ARFF
    std::string output;             ///< CSV, written atomically
    bool probabilities = false;     ///< add P(class) columns
    std::vector<std::string> keep;  ///< input columns copied in front
    bool quiet = false;
};
/// Applies a model package to a data file (core/deploy/BatchPredict.h), a progress bar on
/// stderr. Exit codes as run's.
int predict(const PredictOptions& options);

} // namespace oficina::cli

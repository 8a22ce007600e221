#pragma once

// Records one run of a pipeline in a RunStore: what the CLI and the editor call around
// Executor::run.
//
// Example:
//     RunStore store(defaultStorePath(pipelinePath));
//     RunRecorder recorder(store, graph, registry, {.source = "cli", .overrides = sets});
//     const RunResult result = executor.run(graph, context);
//     RunRecord& record = recorder.finish(result);   // then add artifacts, then:
//     recorder.commit();

#include "pipeline/Executor.h"
#include "track/RunStore.h"

#include <future>
#include <string>
#include <vector>

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::core::track {

struct RecordOptions {
    std::string source = "cli";          ///< "cli" or "gui"
    std::vector<std::string> overrides;  ///< `--set` as given
    std::string note;
    std::vector<std::string> tags;
};

/// The input files a graph reads: every file parameter of a node that reads it, resolved.
std::vector<std::pair<std::string, std::string>> inputFilesOf(const Graph& graph,
                                                              const NodeRegistry& registry);
/// "exact", or "last_bits" when the graph has a network or a multi-threaded XGBoost node.
std::string reproducibilityOf(const Graph& graph, const NodeRegistry& registry);
/// The versions a record lists: Oficina, its file formats and the libraries that compute.
std::map<std::string, std::string> libraryVersions();

class RunRecorder {
public:
    /// Begins the run in the store (status running, owner lock) and starts hashing the input
    /// files on a thread, while the nodes read them. Throws Error when the store cannot be
    /// written; the caller warns and runs without recording.
    RunRecorder(RunStore& store, const Graph& graph, const NodeRegistry& registry,
                RecordOptions options = {});
    ~RunRecorder();
    RunRecorder(const RunRecorder&) = delete;
    RunRecorder& operator=(const RunRecorder&) = delete;

    [[nodiscard]] const RunRecord& record() const { return m_record; }
    /// Live metric points (RunContext::takeMetrics), for a run that takes a while.
    void logPoints(const std::vector<MetricPoint>& points);
    /// Fills the record from the result: status, metrics (scalars and series), the inputs'
    /// fingerprints and table shapes, the report, and the files the nodes wrote that are worth
    /// keeping (model packages, ONNX files, cards, reports) as artifacts.
    RunRecord& finish(const RunResult& result);
    /// Adds a file the run wrote outside the nodes (`--save-model`, `--report`); a file that
    /// cannot be read is listed in problems().
    void addArtifactFile(const std::string& file, const std::string& kind,
                         const std::string& node = {});
    /// What could not be kept (an artifact file that went missing…), for the caller to warn
    /// about: the record is still written.
    [[nodiscard]] const std::vector<std::string>& problems() const { return m_problems; }
    /// Writes the finished record and releases the run's owner lock. Without it (an exception,
    /// a crash) the run stays running until the store marks it crashed.
    void commit();

private:
    RunStore& m_store;
    const Graph& m_graph;
    const NodeRegistry& m_registry;
    RunRecord m_record;
    std::future<std::vector<InputFile>> m_hashing;
    std::vector<std::string> m_problems;
    bool m_committed = false;
};

/// The artifact kind of a file by its extension: ".ofmodel" → "model_package", ".onnx" →
/// "onnx", ".md" → "card", ".json" → "report", ".png"/".svg" → "chart"; others "file".
std::string artifactKind(const std::string& path);

} // namespace oficina::core::track

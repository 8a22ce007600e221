#pragma once
// What `oficina-cli run` records: the run in the run store (core/track) and, with --mlflow-uri,
// live in an MLflow tracking server. Neither ever fails the run: a store or server problem is
// a warning, and a run the server did not take waits in the store's push queue.

#include "Commands.h"

#include "pipeline/Executor.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace oficina::core::track {
class LiveMlflowRun;
class RunRecorder;
class RunStore;
} // namespace oficina::core::track

namespace oficina::cli {

class RunRecording {
public:
    /// Begins the record (unless the pipeline or --no-record turns it off) and, with
    /// --mlflow-uri, the MLflow run; then streams the context's metric points to both.
    RunRecording(const RunOptions& options, const core::Graph& graph,
                 const core::NodeRegistry& registry, const core::RunContext& context);
    ~RunRecording();
    RunRecording(const RunRecording&) = delete;
    RunRecording& operator=(const RunRecording&) = delete;

    /// Files the run wrote outside the nodes (--save-model, --export-onnx, --report), kept as
    /// artifacts of the run.
    void keep(const std::string& file, const std::string& node);
    /// Completes the record and the MLflow run, then registers a model if --register asked.
    /// Returns the exit code a failed registration gives (BadInput), else Ok.
    int finish(const core::RunResult& result);

private:
    void pollMetrics();
    void warn(const std::string& text) const;

    const RunOptions& m_options;
    const core::RunContext& m_context;
    std::unique_ptr<core::track::RunStore> m_store;
    std::unique_ptr<core::track::RunRecorder> m_recorder;
    std::unique_ptr<core::track::LiveMlflowRun> m_mlflow;
    std::vector<std::pair<std::string, std::string>> m_kept;  ///< file, node
    std::atomic<bool> m_stopPolling = false;
    std::thread m_poller;
};

} // namespace oficina::cli

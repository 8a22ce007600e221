#pragma once

#include "util/Message.h"

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {

/// One point of a metric series a node streams while it runs (loss per iteration…).
struct MetricPoint {
    std::string node;
    std::string series;  ///< "loss", "val_loss", "accuracy"…
    double step = 0;
    double value = 0;
};

/// The channel between a running node and whoever watches the run. The executor's thread
/// writes; any thread may read the metric buffer (takeMetrics) while the run goes on.
/// Example (in a node):
///     for (int it = 0; it < maxIter; ++it) { ctx.throwIfStopped(); …; ctx.metric("loss", it, l); }
class RunContext {
public:
    using ProgressFn = std::function<void(const std::string& node, double fraction,
                                          const std::string& text)>;

    explicit RunContext(std::stop_token stop = {}, std::stop_token finishTraining = {})
        : m_stop(std::move(stop)), m_finishTraining(std::move(finishTraining)) {}

    [[nodiscard]] bool stopRequested() const { return m_stop.stop_requested(); }
    [[nodiscard]] std::stop_token stopToken() const { return m_stop; }
    /// The user asked to end training and go on: iterative learners stop at their next check
    /// (after at least one epoch or round) and return the model as it is, and the rest of the
    /// run goes on with it. A stop request still ends the run.
    [[nodiscard]] bool finishTrainingRequested() const {
        return m_finishTraining.stop_requested();
    }
    [[nodiscard]] std::stop_token finishTrainingToken() const { return m_finishTraining; }
    /// Throws Cancelled when a stop was requested; call it in every long loop.
    void throwIfStopped() const;

    /// Progress of the current node in [0, 1]; forwarded at most every 100 ms (and always for
    /// 0 and 1), so nodes may call it as often as they like.
    void progress(double fraction, std::string_view text = {});
    /// Appends a point to a metric series of the current node (thread-safe buffer).
    void metric(std::string_view series, double step, double value);
    /// A warning for the user about the current node's result.
    void warning(Message message);
    /// Says that the current node wrote a file, so the run log and the CLI show where outputs
    /// went (the path is kept lexically normalised). Call it after the file is in place.
    void wroteFile(std::string path);

    /// Called on the running thread, throttled. Set before the run.
    void setProgressHandler(ProgressFn handler) { m_onProgress = std::move(handler); }
    /// Points appended since `cursor`, which is advanced. Safe from any thread.
    [[nodiscard]] std::vector<MetricPoint> takeMetrics(size_t& cursor) const;

    /// The running pipeline's file name (Graph::fileName), for what nodes write.
    [[nodiscard]] const std::string& pipelineName() const { return m_pipelineName; }
    /// SHA-256 of the running pipeline's canonical file, for what describes a model.
    [[nodiscard]] const std::string& pipelineHash() const { return m_pipelineHash; }
    /// Which node feeds each connected input port of the current node (port → upstream node
    /// id), for a node whose NodeSpec sets needsInputSources (a Gate names metrics
    /// "score.accuracy" after the node that measured them). Empty for every other node: their
    /// cache key leaves upstream ids out, so their outputs must not depend on them.
    [[nodiscard]] const std::map<std::string, std::string>& inputSources() const {
        return m_inputSources;
    }

    // For the executor.
    void setPipelineName(std::string name) { m_pipelineName = std::move(name); }
    void setPipelineHash(std::string hash) { m_pipelineHash = std::move(hash); }
    void beginNode(const std::string& node,
                   std::map<std::string, std::string> inputSources = {});
    [[nodiscard]] std::vector<Message> takeWarnings();
    [[nodiscard]] std::vector<std::string> takeWrittenFiles();
    [[nodiscard]] std::vector<MetricPoint> metricsOf(const std::string& node) const;

private:
    std::stop_token m_stop;
    std::stop_token m_finishTraining;
    ProgressFn m_onProgress;
    std::string m_node;
    std::string m_pipelineName;
    std::string m_pipelineHash;
    std::map<std::string, std::string> m_inputSources;
    std::chrono::steady_clock::time_point m_lastProgress{};
    std::vector<Message> m_warnings;
    std::vector<std::string> m_writtenFiles;
    mutable std::mutex m_metricsMutex;
    std::vector<MetricPoint> m_metrics;
};

} // namespace oficina::core

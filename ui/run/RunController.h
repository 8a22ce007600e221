#pragma once

#include "pipeline/Executor.h"
#include "pipeline/Graph.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>
#include <stop_token>

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::ui {

/// Runs the core Executor on a worker thread (QtConcurrent) over a snapshot of the graph, so the
/// UI thread never runs a fit. Node events arrive as queued signals; streamed metrics are
/// drained every 50 ms. The destructor requests a stop and waits, so no run outlives it.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(const core::NodeRegistry& registry, QObject* parent = nullptr);
    ~RunController() override;

    [[nodiscard]] bool isRunning() const;
    /// Starts a run of `snapshot` (all nodes, or `targets` and what they need); ignored while a
    /// run is in progress. `revision` comes back with the result, so the caller can tell
    /// whether the graph changed meanwhile.
    void start(const core::Graph& snapshot, quint64 revision,
               std::vector<std::string> targets = {});
    /// Asks the running nodes to stop; they return within a fraction of a second.
    void stop();
    /// Asks the learners training now to finish with the model they have (a network its best
    /// weights, boosting its trees so far) and lets the rest of the run go on with it
    /// (RunContext::finishTrainingRequested).
    void finishTraining();
    /// Blocks until the current run (if any) has finished.
    void wait();

Q_SIGNALS:
    void started();
    void nodeChanged(const QString& node, const oficina::core::NodeResult& result);
    void progress(const QString& node, double fraction, const QString& text);
    void metricsArrived(const std::vector<oficina::core::MetricPoint>& points);
    void finished(std::shared_ptr<const oficina::core::RunResult> result, quint64 revision);

private:
    void drainMetrics();
    void onFinished();

    core::Executor m_executor;
    std::stop_source m_stop;
    std::stop_source m_finishTraining;
    std::shared_ptr<core::RunContext> m_context;
    size_t m_metricsCursor = 0;
    quint64 m_revision = 0;
    QFutureWatcher<core::RunResult> m_watcher;
    QTimer m_metricsTimer;
};

} // namespace oficina::ui

Q_DECLARE_METATYPE(oficina::core::NodeResult)
Q_DECLARE_METATYPE(std::vector<oficina::core::MetricPoint>)
Q_DECLARE_METATYPE(std::shared_ptr<const oficina::core::RunResult>)

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
/// drained every 50 ms. A run may be recorded in a run store (core/track), also on the worker
/// thread, so the UI thread never waits on SQLite or on hashing the data. The destructor
/// requests a stop and waits, so no run outlives it.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(const core::NodeRegistry& registry, QObject* parent = nullptr);
    ~RunController() override;

    [[nodiscard]] bool isRunning() const;
    /// Starts a run of `snapshot` (all nodes, or `targets` and what they need); ignored while a
    /// run is in progress. `revision` comes back with the result, so the caller can tell
    /// whether the graph changed meanwhile. With a `storePath`, the run is recorded in the run
    /// store there (source "gui"); a store that cannot be opened or written does not stop the
    /// run (recordingFailed says why).
    void start(const core::Graph& snapshot, quint64 revision, std::vector<std::string> targets = {},
               const QString& storePath = {});
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
    /// The run is in the store as `runId` (number `number`), status running (sent from the
    /// worker, queued).
    void recordingStarted(const QString& storePath, const QString& runId, qint64 number);
    /// Just before finished(): the run is written to the store, finished, failed or stopped.
    void recorded(const QString& storePath, const QString& runId, qint64 number);
    /// Just before finished(): the run could not be recorded, translated reason.
    void recordingFailed(const QString& storePath, const QString& reason);
    void finished(std::shared_ptr<const oficina::core::RunResult> result, quint64 revision);

private:
    struct Recording;
    struct Outcome;
    Outcome runOnWorker(const core::Graph& graph, const std::vector<std::string>& targets,
                        const std::string& storePath,
                        const std::shared_ptr<core::RunContext>& context);
    void drainMetrics();
    void onFinished();

    const core::NodeRegistry& m_registry;
    core::Executor m_executor;
    std::stop_source m_stop;
    std::stop_source m_finishTraining;
    std::shared_ptr<core::RunContext> m_context;
    size_t m_metricsCursor = 0;
    quint64 m_revision = 0;
    QString m_storePath;
    /// The run being recorded: set and read on the worker thread only, while it runs.
    Recording* m_recording = nullptr;
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
    QTimer m_metricsTimer;
};

} // namespace oficina::ui

Q_DECLARE_METATYPE(oficina::core::NodeResult)
Q_DECLARE_METATYPE(std::vector<oficina::core::MetricPoint>)
Q_DECLARE_METATYPE(std::shared_ptr<const oficina::core::RunResult>)

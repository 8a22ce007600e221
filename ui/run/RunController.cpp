#include "run/RunController.h"

#include "Translate.h"
#include "track/RunRecorder.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <exception>
#include <mutex>

namespace oficina::ui {

/// A run being written to the store, on the worker thread.
struct RunController::Recording {
    std::unique_ptr<core::track::RunStore> store;
    std::unique_ptr<core::track::RunRecorder> recorder;
    std::mutex mutex; // progress may come from a node's own threads
    size_t cursor = 0;
    std::chrono::steady_clock::time_point lastLog = std::chrono::steady_clock::now();
    bool liveFailed = false;

    /// Writes the points streamed since the last call, at most every 2 s unless `now`: the
    /// series of a long training are in the store before it ends, without a write per epoch.
    void logLive(const core::RunContext& context, bool now) {
        const std::lock_guard lock(mutex);
        const auto time = std::chrono::steady_clock::now();
        if (liveFailed || (!now && time - lastLog < std::chrono::seconds(2))) return;
        lastLog = time;
        const auto points = context.takeMetrics(cursor);
        if (points.empty()) return;
        try {
            recorder->logPoints(points);
        } catch (const std::exception&) {
            liveFailed = true; // finish() writes every point again; a busy store may be back
        }
    }
};

struct RunController::Outcome {
    core::RunResult result;
    std::string runId;
    int64_t number = 0;
    std::exception_ptr recordError;
};

RunController::RunController(const core::NodeRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry), m_executor(registry) {
    qRegisterMetaType<oficina::core::NodeResult>();
    qRegisterMetaType<std::vector<oficina::core::MetricPoint>>();
    qRegisterMetaType<std::shared_ptr<const oficina::core::RunResult>>();
    m_metricsTimer.setInterval(50);
    connect(&m_metricsTimer, &QTimer::timeout, this, &RunController::drainMetrics);
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            &RunController::onFinished);
    // Called on the worker thread: the signal is queued to the receivers' threads.
    m_executor.setNodeEventHandler([this](const std::string& node, const core::NodeResult& r) {
        if (m_recording) m_recording->logLive(*m_context, r.state != core::NodeState::Running);
        Q_EMIT nodeChanged(QString::fromStdString(node), r);
    });
}

RunController::~RunController() {
    stop();
    wait();
}

bool RunController::isRunning() const { return m_watcher.isRunning(); }

void RunController::start(const core::Graph& snapshot, quint64 revision,
                          std::vector<std::string> targets, const QString& storePath) {
    if (isRunning()) return;
    m_stop = std::stop_source();
    m_finishTraining = std::stop_source();
    m_context =
        std::make_shared<core::RunContext>(m_stop.get_token(), m_finishTraining.get_token());
    m_context->setProgressHandler(
        [this](const std::string& node, double fraction, const std::string& text) {
            if (m_recording) m_recording->logLive(*m_context, false);
            Q_EMIT progress(QString::fromStdString(node), fraction, QString::fromStdString(text));
        });
    m_metricsCursor = 0;
    m_revision = revision;
    m_storePath = storePath;
    auto context = m_context;
    m_watcher.setFuture(
        QtConcurrent::run([this, graph = snapshot, context, targets = std::move(targets),
                           store = storePath.toStdString()]() {
            return std::make_shared<Outcome>(runOnWorker(graph, targets, store, context));
        }));
    m_metricsTimer.start();
    Q_EMIT started();
}

RunController::Outcome
RunController::runOnWorker(const core::Graph& graph, const std::vector<std::string>& targets,
                           const std::string& storePath,
                           const std::shared_ptr<core::RunContext>& context) {
    Outcome outcome;
    std::unique_ptr<Recording> recording;
    if (!storePath.empty()) {
        try {
            recording = std::make_unique<Recording>();
            recording->store = std::make_unique<core::track::RunStore>(storePath);
            recording->recorder = std::make_unique<core::track::RunRecorder>(
                *recording->store, graph, m_registry, core::track::RecordOptions{.source = "gui"});
            outcome.runId = recording->recorder->record().id;
            outcome.number = recording->recorder->record().number;
            Q_EMIT recordingStarted(QString::fromStdString(storePath),
                                    QString::fromStdString(outcome.runId), outcome.number);
        } catch (...) { // a store that cannot be written never stops the run
            outcome.recordError = std::current_exception();
            recording.reset();
        }
    }
    m_recording = recording.get();
    outcome.result = m_executor.run(graph, *context, targets);
    m_recording = nullptr;
    if (recording) {
        try {
            recording->recorder->finish(outcome.result);
            recording->recorder->commit();
        } catch (...) {
            outcome.recordError = std::current_exception();
        }
    }
    return outcome;
}

void RunController::stop() { m_stop.request_stop(); }

void RunController::finishTraining() { m_finishTraining.request_stop(); }

void RunController::wait() { m_watcher.waitForFinished(); }

void RunController::drainMetrics() {
    if (!m_context) return;
    auto points = m_context->takeMetrics(m_metricsCursor);
    if (!points.empty()) Q_EMIT metricsArrived(points);
}

void RunController::onFinished() {
    m_metricsTimer.stop();
    drainMetrics();
    const std::shared_ptr<Outcome> outcome = m_watcher.result();
    if (outcome->recordError) {
        QString reason;
        try {
            std::rethrow_exception(outcome->recordError);
        } catch (const std::exception& e) {
            reason = trException(e);
        } catch (...) {
            reason = tr("unknown error");
        }
        Q_EMIT recordingFailed(m_storePath, reason);
    } else if (!outcome->runId.empty()) {
        Q_EMIT recorded(m_storePath, QString::fromStdString(outcome->runId), outcome->number);
    }
    auto result = std::make_shared<const core::RunResult>(std::move(outcome->result));
    Q_EMIT finished(result, m_revision);
}

} // namespace oficina::ui

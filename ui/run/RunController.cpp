#include "run/RunController.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

namespace oficina::ui {

RunController::RunController(const core::NodeRegistry& registry, QObject* parent)
    : QObject(parent), m_executor(registry) {
    qRegisterMetaType<oficina::core::NodeResult>();
    qRegisterMetaType<std::vector<oficina::core::MetricPoint>>();
    qRegisterMetaType<std::shared_ptr<const oficina::core::RunResult>>();
    m_metricsTimer.setInterval(50);
    connect(&m_metricsTimer, &QTimer::timeout, this, &RunController::drainMetrics);
    connect(&m_watcher, &QFutureWatcher<core::RunResult>::finished, this,
            &RunController::onFinished);
    // Called on the worker thread: the signal is queued to the receivers' threads.
    m_executor.setNodeEventHandler([this](const std::string& node, const core::NodeResult& r) {
        Q_EMIT nodeChanged(QString::fromStdString(node), r);
    });
}

RunController::~RunController() {
    stop();
    wait();
}

bool RunController::isRunning() const { return m_watcher.isRunning(); }

void RunController::start(const core::Graph& snapshot, quint64 revision,
                          std::vector<std::string> targets) {
    if (isRunning()) return;
    m_stop = std::stop_source();
    m_finishTraining = std::stop_source();
    m_context =
        std::make_shared<core::RunContext>(m_stop.get_token(), m_finishTraining.get_token());
    m_context->setProgressHandler(
        [this](const std::string& node, double fraction, const std::string& text) {
            Q_EMIT progress(QString::fromStdString(node), fraction, QString::fromStdString(text));
        });
    m_metricsCursor = 0;
    m_revision = revision;
    auto context = m_context;
    m_watcher.setFuture(QtConcurrent::run([this, graph = snapshot, context,
                                           targets = std::move(targets)]() {
        return m_executor.run(graph, *context, targets);
    }));
    m_metricsTimer.start();
    Q_EMIT started();
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
    auto result = std::make_shared<const core::RunResult>(m_watcher.result());
    Q_EMIT finished(result, m_revision);
}

} // namespace oficina::ui

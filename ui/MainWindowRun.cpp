// MainWindow's run handling: starting runs, following node events and metrics, stale marks.
#include "MainWindow.h"

#include "Translate.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "eval/Metrics.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/OutputFiles.h"
#include "pipeline/RunReport.h"
#include "properties/PropertyPanel.h"
#include "run/RunController.h"

#include <QAction>
#include <QDir>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>


namespace oficina::ui {

// ---- running ----

void MainWindow::runPipeline() { startRun({}); }

void MainWindow::runFromSelection() {
    // The selected nodes and everything downstream; the executor adds what they need.
    std::vector<std::string> selected;
    for (const QString& id : m_scene->selectedIds()) selected.push_back(id.toStdString());
    auto targets = m_document->graph().downstreamOf(selected);
    if (!targets.empty()) startRun(std::move(targets));
}

void MainWindow::startRun(std::vector<std::string> targets) {
    if (m_runController->isRunning() || m_document->graph().nodes().empty()) return;
    m_autoRunPending = false;
    if (!confirmOutsideWrites(targets)) {
        appendLog(tr("Run cancelled: it would replace files outside the pipeline's folder"));
        return;
    }
    m_progress->setValue(0);
    m_progress->setVisible(true);
    // A failure on display belongs to the run before: this one may well succeed.
    if (m_outputs->showsFailure()) m_outputs->clear();
    appendLog(targets.empty() ? tr("Run started")
                              : tr("Run started from %n node(s)", nullptr, int(targets.size())));
    m_runController->start(m_document->graph(), m_document->revision(), std::move(targets),
                           m_document->graph().recordRuns() ? runStorePath() : QString());
    updateActions();
}

void MainWindow::setOverwritePrompt(std::function<bool(const QStringList&)> prompt) {
    m_overwritePrompt = std::move(prompt);
}

bool MainWindow::confirmOutsideWrites(const std::vector<std::string>& targets) {
    // A pipeline from elsewhere may point its Export node at any file the user can write.
    // What the user allowed holds for the pipeline they allowed it for.
    if (m_allowedOutputsFor != m_document->path()) {
        m_allowedOutputs.clear();
        m_allowedOutputsFor = m_document->path();
    }
    QStringList files;
    for (const core::OutputFile& file :
         core::overwritesOutsideFolder(m_document->graph(), m_registry, targets)) {
        const QString path = QString::fromStdString(file.path);
        if (!m_allowedOutputs.contains(path)) files << QDir::toNativeSeparators(path);
    }
    if (files.isEmpty()) return true;
    const bool run =
        m_overwritePrompt
            ? m_overwritePrompt(files)
            : QMessageBox::warning(this, tr("Replace files outside the pipeline's folder?"),
                                   tr("Running this pipeline replaces files outside its own "
                                      "folder:\n\n%1\n\nRun it anyway?")
                                       .arg(files.join('\n')),
                                   QMessageBox::Yes | QMessageBox::Cancel,
                                   QMessageBox::Cancel) == QMessageBox::Yes;
    if (run)
        for (const QString& file : files) m_allowedOutputs.insert(QDir::fromNativeSeparators(file));
    return run;
}

void MainWindow::stopRun() {
    if (!m_runController->isRunning()) return;
    appendLog(tr("Stopping…"));
    m_runController->stop();
}

void MainWindow::finishTraining() {
    if (!m_runController->isRunning()) return;
    appendLog(tr("Finishing the training under way; the run goes on…"));
    m_runController->finishTraining();
}

void MainWindow::markStaleNodes() {
    const RunResults::Fit fit = m_results.fitTo(m_document->graph());
    for (const QString& id : fit.fitting)
        if (const NodeItem* item = m_scene->nodeItem(id);
            item && item->state() == core::NodeState::Stale)
            m_scene->setNodeResult(id, *m_results.find(id));  // edited back: it fits again
    m_scene->markStale(fit.stale);
}

void MainWindow::onNodeChanged(const QString& node, const core::NodeResult& result) {
    const QString title = m_document->nodeTitle(node);
    switch (result.state) {
    case core::NodeState::Running: appendLog(tr("%1: running").arg(title)); break;
    case core::NodeState::Done:
        appendLog(result.fromCache
                      ? tr("%1: done (cached)").arg(title)
                      : tr("%1: done in %2 s").arg(title, localNumber(result.seconds, 'f', 3)));
        break;
    case core::NodeState::Failed: appendLog(tr("%1: failed: %2").arg(title, trNodeError(result))); break;
    default:
        if (result.error) appendLog(tr("%1: %2").arg(title, trNodeError(result)));
        break;
    }
    for (const auto& warning : result.warnings)
        appendLog(tr("%1: warning: %2").arg(title, trMessage(warning)));
    for (const auto& file : result.writtenFiles) {
        const QString path = QString::fromStdString(file);
        appendLog(tr("%1: wrote %2").arg(title, QDir::toNativeSeparators(path)));
        m_allowedOutputs.insert(path);  // the run's own output: replacing it again is expected
    }
    if (!m_document->graph().node(node.toStdString())) return;  // removed during the run
    m_scene->setNodeResult(node, result);
    if (result.state == core::NodeState::Running) return;
    m_results.set(node, result);
    // Edited while it ran: the result no longer matches the graph.
    if (!m_results.fits(m_document->graph(), node)) m_scene->markStale({node});
    if (m_scene->selectedNode() == node) {
        m_outputs->showNode(title, result, m_document->nodeSpec(node));
        m_properties->refreshColumns();
    }
}

void MainWindow::onMetrics(const std::vector<core::MetricPoint>& points) {
    // Grouped by node, in arrival order.
    std::map<std::string, std::vector<core::MetricPoint>> byNode;
    for (const auto& p : points) byNode[p.node].push_back(p);
    // Only the selected node's (or any, when none is selected): a finished node's views on
    // display are not replaced by another node's late points. Points drained after their node
    // finished are already in its result (the run's last drain comes after the node events):
    // they would swap its full views for a bare live chart.
    const QString selected = m_scene->selectedNode();
    for (const auto& [node, nodePoints] : byNode) {
        const QString id = QString::fromStdString(node);
        if (!selected.isEmpty() && selected != id) continue;
        if (const NodeItem* item = m_scene->nodeItem(id);
            item && item->state() != core::NodeState::Running)
            continue;
        m_outputs->appendMetrics(id, nodePoints);
    }
}

void MainWindow::onRunFinished(std::shared_ptr<const core::RunResult> result, quint64 revision) {
    m_progress->setVisible(false);
    updateActions();
    QString text;
    for (const auto& id : result->order)
        for (const auto& [port, value] : result->nodes.at(id).outputs)
            if (const auto* metrics = std::get_if<std::shared_ptr<const core::Metrics>>(&value))
                text += m_document->nodeTitle(QString::fromStdString(id)) + "\n" +
                        QString::fromStdString(core::formatMetrics(**metrics)) + "\n";
    m_summary->setPlainText(text);
    for (const auto& issue : result->issues)
        appendLog(issue.node.empty()
                      ? trMessage(issue.message)
                      : tr("%1: %2").arg(m_document->nodeTitle(QString::fromStdString(issue.node)),
                                         trMessage(issue.message)));
    if (revision != m_document->revision())
        appendLog(tr("The pipeline changed during the run; results are stale"));
    appendLog(result->cancelled    ? tr("Run stopped")
              : result->anyFailed() ? tr("Run finished with errors")
                                    : tr("Run finished"));
    statusBar()->showMessage(result->anyFailed() ? tr("Some nodes failed: see the run log")
                                                 : tr("Ready"));
    snapshotCharts(*result);
    Q_EMIT runFinished();
    if (m_autoRunPending && m_autoRunAction->isChecked()) m_autoRunTimer->start();
}

} // namespace oficina::ui

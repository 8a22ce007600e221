// MainWindow's run history: recording each run in the run store (core/track), the Runs panel,
// restoring a run's pipeline, and chart snapshots kept with a run.
#include "MainWindow.h"

#include "Translate.h"
#include "canvas/PipelineScene.h"
#include "charts/ChartView.h"
#include "document/Document.h"
#include "eval/Metrics.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/PipelineFile.h"
#include "run/RunController.h"
#include "runs/RunStoreCache.h"
#include "runs/RunsPanel.h"
#include "track/RunStore.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

namespace oficina::ui {

namespace {
constexpr int kMaxChartSnapshots = 8; // a few PNGs per run, not a gallery
}

QString MainWindow::runStorePath() const {
    return QString::fromStdString(core::track::defaultStorePath(m_document->path().toStdString()));
}

void MainWindow::createRunsDock(QDockWidget* outputs) {
    m_runStores = std::make_shared<RunStoreCache>();
    m_runsPanel = new RunsPanel(m_runStores, this);
    auto* dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName("runsDock");
    dock->setWidget(m_runsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // Beside the outputs, out of the way until asked for (Run > Runs…, View).
    tabifyDockWidget(outputs, dock);
    outputs->raise();
    dock->hide();
    m_runsPanel->setStorePath(runStorePath());
    connect(m_document, &Document::pathChanged, this,
            [this] { m_runsPanel->setStorePath(runStorePath()); });
    connect(m_runsPanel, &RunsPanel::restoreRequested, this,
            [this](const QString& store, const QString& run, bool andRun) {
                QString error;
                if (!restoreRun(store, run, andRun, &error) && !error.isEmpty())
                    QMessageBox::warning(this, tr("Cannot restore the run"), error);
            });
    connect(m_runsPanel, &RunsPanel::message, this, &MainWindow::appendLog);
    connect(m_runController.get(), &RunController::recordingStarted, this,
            [this](const QString& store) {
                if (store == m_runsPanel->storePath()) m_runsPanel->refresh();
            });
    connect(m_runController.get(), &RunController::recorded, this, &MainWindow::onRunRecorded);
    connect(m_runController.get(), &RunController::recordingFailed, this,
            &MainWindow::onRecordingFailed);
}

void MainWindow::addRunsActions(QMenu* run) {
    m_recordRunsAction = new QAction(tr("Rec&ord runs"), this);
    m_recordRunsAction->setObjectName("recordRunsAction");
    m_recordRunsAction->setCheckable(true);
    m_recordRunsAction->setChecked(m_document->graph().recordRuns());
    m_recordRunsAction->setStatusTip(
        tr("Keep each run of this pipeline (parameters, data fingerprints, metrics, charts) in "
           "the run store beside it; saved with the pipeline"));
    connect(m_recordRunsAction, &QAction::triggered, this,
            [this](bool on) { m_document->setRecordRuns(on); });
    connect(m_document, &Document::graphReset, this,
            [this] { m_recordRunsAction->setChecked(m_document->graph().recordRuns()); });
    auto* runs = new QAction(tr("R&uns…"), this);
    runs->setObjectName("runsAction");
    runs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    runs->setStatusTip(tr("Browse, compare and restore the recorded runs of this pipeline"));
    connect(runs, &QAction::triggered, this, &MainWindow::showRuns);
    run->addActions({m_recordRunsAction, runs});
}

void MainWindow::showRuns() {
    auto* dock = findChild<QDockWidget*>("runsDock");
    dock->show();
    dock->raise();
    m_runsPanel->refresh(); // the command line may have added runs
}

void MainWindow::onRunRecorded(const QString& storePath, const QString& runId, qint64 number) {
    m_recordedStore = storePath;
    m_recordedRun = runId;
    m_recordWarnedFor.clear(); // it works again: a new failure is news
    appendLog(tr("Recorded as run #%1").arg(number));
    if (storePath == m_runsPanel->storePath()) m_runsPanel->refresh();
}

void MainWindow::onRecordingFailed(const QString& storePath, const QString& reason) {
    m_recordedRun.clear();
    if (storePath == m_runsPanel->storePath()) m_runsPanel->refresh();
    if (m_recordWarnedFor == storePath) return; // once, not after every run
    m_recordWarnedFor = storePath;
    const QString text = tr("Runs are not being recorded: %1").arg(reason);
    appendLog(text);
    // After the run's own "Ready", which follows this at once.
    QTimer::singleShot(0, this, [this, text] { statusBar()->showMessage(text, 10000); });
}

bool MainWindow::isOnOutputTab(const QWidget* widget) const {
    const QTabWidget* tabs = m_outputs->tabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i) == widget || tabs->widget(i)->isAncestorOf(widget)) return true;
    return false;
}

void MainWindow::snapshotCharts(const core::RunResult& result) {
    const QString runId = std::exchange(m_recordedRun, {});
    m_lastRunStore = m_recordedStore;
    m_lastRunId = runId;
    m_lastRunNodes.clear();
    for (const auto& [id, node] : result.nodes)
        if (node.state == core::NodeState::Done) m_lastRunNodes.insert(QString::fromStdString(id));
    const QString node = m_scene->selectedNode();
    const auto it = result.nodes.find(node.toStdString());
    if (runId.isEmpty() || it == result.nodes.end()) return;
    // Result charts (scores, curves, a training's loss), not plots of a data table.
    const bool charts =
        !it->second.metrics.empty() ||
        std::any_of(it->second.outputs.begin(), it->second.outputs.end(), [](const auto& output) {
            return std::holds_alternative<std::shared_ptr<const core::Metrics>>(output.second);
        });
    if (!charts) return;
    // Every chart on the node's output tabs, hidden ones included (pages replaced during the
    // run are only waiting for deletion), drawn once this run has ended: drawing a hidden
    // chart lets events through (ChartView::saveImage).
    QList<QPointer<ChartView>> views;
    const QTabWidget* tabs = m_outputs->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        QWidget* page = tabs->widget(i);
        if (auto* chart = qobject_cast<ChartView*>(page)) views << chart;
        for (ChartView* chart : page->findChildren<ChartView*>())
            views << chart;
    }
    views = views.mid(0, kMaxChartSnapshots);
    QTimer::singleShot(0, this, [this, views, node, runId, store = m_recordedStore] {
        const QTemporaryDir folder;
        for (const QPointer<ChartView>& view : views) {
            // Views replaced since (another run, another pipeline) are waiting for deletion,
            // which drawing a hidden chart would let happen under it.
            if (m_runController->isRunning() || !view || !isOnOutputTab(view)) return;
            const QString kind =
                QString::fromLatin1(view->metaObject()->className()).section("::", -1);
            const QString file = folder.filePath(node + "-" + kind + ".png");
            // A chart on display as it is; one in a hidden tab at a size of its own.
            if (!view->saveImage(file, view->isVisible() ? QSize() : QSize(640, 420))) continue;
            try {
                m_runStores->open(store)->addArtifactFile(runId.toStdString(), file.toStdString(),
                                                          "chart", node.toStdString());
            } catch (const std::exception& e) {
                appendLog(tr("Cannot keep the charts with the run: %1").arg(trException(e)));
                return;
            }
        }
    });
}

void MainWindow::keepSavedModelWithRun(const QString& node, const QString& path) {
    if (m_lastRunId.isEmpty() || !m_lastRunNodes.contains(node)) return;
    try {
        m_runStores->open(m_lastRunStore)
            ->addArtifactFile(m_lastRunId.toStdString(), path.toStdString(), "model_package",
                              node.toStdString());
        if (m_lastRunStore == m_runsPanel->storePath()) m_runsPanel->refresh();
    } catch (const std::exception& e) {
        appendLog(tr("Cannot keep the model with its run: %1").arg(trException(e)));
    }
}

bool MainWindow::restoreRun(const QString& storePath, const QString& runId, bool run,
                            QString* error) {
    core::track::RunRecord record;
    try {
        record = m_runStores->open(storePath)->run(runId.toStdString());
    } catch (const std::exception& e) {
        const QString reason = tr("Cannot restore the run: %1").arg(trException(e));
        appendLog(reason);
        if (error) *error = reason;
        return false;
    }
    if (!maybeSave()) return false;
    // Back at its own file, so relative data paths resolve in that folder and the next runs
    // go to the same store; unsaved until the user saves it.
    const QString path = QString::fromStdString(record.pipelinePath);
    const bool replaced = replaceDocument(
        path,
        [&] {
            core::Graph graph = core::parsePipeline(record.pipelineText, m_registry,
                                                    "run #" + std::to_string(record.number));
            if (!path.isEmpty())
                graph.setBaseDirectory(QFileInfo(path).absolutePath().toStdString());
            m_document->replaceGraph(std::move(graph), path);
        },
        error);
    if (!replaced) return false;
    appendLog(tr("Restored the pipeline of run #%1; save it to keep it").arg(record.number));
    updateActions();
    if (run) runPipeline();
    return true;
}

} // namespace oficina::ui

#include "MainWindow.h"

#include "Translate.h"
#include "canvas/PipelineScene.h"
#include "data/SampleData.h"
#include "eval/Metrics.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/RunReport.h"
#include "run/RunController.h"
#include "util/Error.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGraphicsView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QTime>
#include <QToolBar>

namespace oficina::ui {

MainWindow::MainWindow(const core::NodeRegistry& registry, QString shareDirectory,
                       QWidget* parent)
    : QMainWindow(parent), m_registry(registry), m_shareDirectory(std::move(shareDirectory)),
      m_runController(std::make_unique<RunController>(registry)) {
    setWindowTitle(tr("Oficina"));
    m_scene = new PipelineScene(registry, this);
    m_view = new QGraphicsView(m_scene, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    setCentralWidget(m_view);
    createDocks();
    createActions();

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->showMessage(tr("Open a pipeline to begin"));

    connect(m_runController.get(), &RunController::nodeChanged, this, &MainWindow::onNodeChanged);
    connect(m_runController.get(), &RunController::progress, this,
            [this](const QString& node, double fraction, const QString&) {
                m_scene->setNodeProgress(node, fraction);
                m_progress->setValue(int(fraction * 100));
            });
    connect(m_runController.get(), &RunController::finished, this, &MainWindow::onRunFinished);
    resize(1280, 800);
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_results = new QPlainTextEdit(this);
    m_results->setReadOnly(true);
    m_results->setFont(fixed);
    m_results->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto* logDock = new QDockWidget(tr("Run log"), this);
    logDock->setObjectName("runLogDock");
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    auto* resultsDock = new QDockWidget(tr("Results"), this);
    resultsDock->setObjectName("resultsDock");
    resultsDock->setWidget(m_results);
    addDockWidget(Qt::RightDockWidgetArea, resultsDock);
    resizeDocks({resultsDock}, {420}, Qt::Horizontal);
    resizeDocks({logDock}, {180}, Qt::Vertical);
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    QMenu* examples = file->addMenu(tr("Open &example"));
    const QDir exampleDir(m_shareDirectory + "/examples");
    for (const QFileInfo& info : exampleDir.entryInfoList({"*.oficina"}, QDir::Files, QDir::Name))
        examples->addAction(info.completeBaseName(), this,
                            [this, path = info.absoluteFilePath()] { openPipeline(path); });
    examples->setEnabled(!examples->isEmpty());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_runAction = run->addAction(tr("&Run pipeline"), this, &MainWindow::runPipeline);
    m_runAction->setShortcut(Qt::Key_F5);
    m_stopAction = run->addAction(tr("&Stop"), this, &MainWindow::stopRun);
    m_stopAction->setShortcut(Qt::Key_Escape);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Oficina"), this, &MainWindow::showAbout);

    QToolBar* toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName("runToolBar");
    toolbar->addAction(open);
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_stopAction);
}

void MainWindow::updateActions() {
    const bool running = m_runController->isRunning();
    m_runAction->setEnabled(!running && !m_graph.nodes().empty());
    m_stopAction->setEnabled(running);
}

void MainWindow::appendLog(const QString& line) {
    m_log->appendPlainText(QTime::currentTime().toString("HH:mm:ss  ") + line);
}

QString MainWindow::nodeTitle(const QString& id) const {
    const core::Node* node = m_graph.node(id.toStdString());
    if (!node) return id;
    if (!node->title.empty()) return QString::fromStdString(node->title);
    const core::NodeSpec* spec = m_registry.find(node->type);
    return spec ? trCore(spec->title) : id;
}

bool MainWindow::openPipeline(const QString& path, QString* error) {
    if (m_runController->isRunning()) {
        m_runController->stop();
        m_runController->wait();
    }
    try {
        m_graph = core::loadPipeline(path.toStdString(), m_registry);
    } catch (const core::Error& e) {
        const QString reason = tr("Cannot open %1: %2")
                                   .arg(QString::fromStdString(e.where()), trMessage(e.message()));
        appendLog(reason);
        if (error) *error = reason;
        return false;
    }
    m_path = path;
    ++m_revision;
    m_scene->setGraph(m_graph);
    m_view->fitInView(m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40),
                      Qt::KeepAspectRatio);
    m_results->clear();
    setWindowTitle(tr("%1 — Oficina").arg(QFileInfo(path).completeBaseName()));
    appendLog(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    statusBar()->showMessage(tr("Press F5 to run the pipeline"));
    updateActions();
    return true;
}

void MainWindow::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open pipeline"), m_shareDirectory + "/examples",
        tr("Oficina pipelines (*.oficina)"));
    QString error;
    if (!path.isEmpty() && !openPipeline(path, &error))
        QMessageBox::warning(this, tr("Cannot open pipeline"), error);
}

void MainWindow::runPipeline() {
    if (m_runController->isRunning() || m_graph.nodes().empty()) return;
    m_scene->clearResults();
    m_results->clear();
    m_progress->setVisible(true);
    appendLog(tr("Run started"));
    m_runController->start(m_graph, m_revision);
    updateActions();
}

void MainWindow::stopRun() {
    if (!m_runController->isRunning()) return;
    appendLog(tr("Stopping…"));
    m_runController->stop();
}

void MainWindow::onNodeChanged(const QString& node, const core::NodeResult& result) {
    m_scene->setNodeResult(node, result);
    const QString title = nodeTitle(node);
    switch (result.state) {
    case core::NodeState::Running: appendLog(tr("%1: running").arg(title)); break;
    case core::NodeState::Done:
        appendLog(result.fromCache ? tr("%1: done (cached)").arg(title)
                                   : tr("%1: done in %2 s").arg(title).arg(result.seconds, 0, 'f', 3));
        break;
    case core::NodeState::Failed:
        appendLog(tr("%1: failed: %2").arg(title, trNodeError(result)));
        break;
    default:
        if (result.error) appendLog(tr("%1: %2").arg(title, trNodeError(result)));
        break;
    }
    for (const auto& warning : result.warnings)
        appendLog(tr("%1: warning: %2").arg(title, trMessage(warning)));
}

void MainWindow::onRunFinished(std::shared_ptr<const core::RunResult> result, quint64 revision) {
    m_progress->setVisible(false);
    updateActions();
    QString text;
    for (const auto& id : result->order)
        for (const auto& [port, value] : result->nodes.at(id).outputs)
            if (const auto* metrics = std::get_if<std::shared_ptr<const core::Metrics>>(&value))
                text += nodeTitle(QString::fromStdString(id)) + "\n" +
                        QString::fromStdString(core::formatMetrics(**metrics)) + "\n";
    m_results->setPlainText(text);
    if (revision != m_revision) appendLog(tr("The pipeline changed during the run; results are stale"));
    appendLog(result->cancelled    ? tr("Run stopped")
              : result->anyFailed() ? tr("Run finished with errors")
                                    : tr("Run finished"));
    statusBar()->showMessage(result->anyFailed() ? tr("Some nodes failed: see the run log")
                                                 : tr("Ready"));
    Q_EMIT runFinished();
}

QString MainWindow::resultsText() const { return m_results->toPlainText(); }
QString MainWindow::logText() const { return m_log->toPlainText(); }

void MainWindow::showAbout() {
    QString datasets;
    for (const auto& d : core::sampleDatasets())
        datasets += "<li><b>" + trCore(d.title) + "</b>: " + QString::fromUtf8(d.citation) + "</li>";
    QMessageBox::about(
        this, tr("About Oficina"),
        tr("<h3>Oficina %1</h3><p>A desktop machine-learning workbench.</p>"
           "<p>Built with Qt %2 (LGPL-3.0), Eigen (MPL-2.0), LBFGS++ (MIT), nlohmann-json (MIT), "
           "CLI11 (BSD-3-Clause) and fast_float (Apache-2.0 / MIT).</p>"
           "<p>Bundled datasets:</p><ul>%3</ul>")
            .arg(QStringLiteral(OFICINA_VERSION), QString::fromLatin1(qVersion()), datasets));
}

} // namespace oficina::ui

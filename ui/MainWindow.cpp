#include "MainWindow.h"

#include "Settings.h"
#include "Translate.h"
#include "canvas/NodePalette.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "data/SampleData.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "document/Document.h"
#include "document/Recovery.h"
#include "eval/Metrics.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/RunReport.h"
#include "properties/PropertyPanel.h"
#include "run/RunController.h"
#include "start/ExampleCatalog.h"
#include "start/StartPage.h"
#include "teach/StepThroughDialog.h"
#include "util/Error.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include <set>

namespace oficina::ui {

MainWindow::MainWindow(const core::NodeRegistry& registry, QString shareDirectory, QWidget* parent,
                       const QString& recoveryDirectory)
    : QMainWindow(parent), m_registry(registry), m_shareDirectory(std::move(shareDirectory)),
      m_document(new Document(registry, this)),
      m_runController(std::make_unique<RunController>(registry)),
      m_recovery(std::make_unique<Recovery>(recoveryDirectory)), m_results(registry) {
    setObjectName("mainWindow");
    m_scene = new PipelineScene(*m_document, this);
    m_scene->setSnapToGrid(Settings::snapToGrid());
    m_view = new PipelineView(m_scene, this);
    createStartPage();
    Settings::setBundledDatasets(m_shareDirectory + "/datasets");
    createDocks();
    createActions();

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setMinimumWidth(48);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &PipelineView::zoomChanged, this,
            [this](qreal zoom) { m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100))); });
    m_zoomLabel->setText(tr("%1%").arg(100));
    statusBar()->showMessage(tr("Drag nodes from the palette, or open a pipeline"));

    connect(m_scene, &PipelineScene::statusMessage, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
        appendLog(text);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::showSelection);
    connect(m_scene, &PipelineScene::nodeActivated, this, [this] { renameSelected(); });
    connect(m_scene, &PipelineScene::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_palette, &NodePalette::nodeActivated, this, [this](const QString& type) {
        const QPointF at = m_view->visibleCentre() - QPointF(100, 40);
        const QString id = m_document->addNode(type.toStdString(), {at.x(), at.y()});
        m_scene->selectItems({id});
    });
    connect(m_document, &Document::changed, this, [this] {
        if (isStartPageShown() && !m_document->graph().nodes().empty()) showCanvas();
        markStaleNodes();
        updateActions();
        if (m_autoRunAction->isChecked()) m_autoRunTimer->start();
    });
    connect(m_document, &Document::graphReset, this, [this] {
        m_results.clear();
        m_outputs->clear();
        m_properties->showNode({});
    });
    connect(m_document, &Document::nodeRemoved, this,
            [this](const QString& id) { m_results.erase(id); });
    // Column pickers offer the input's columns the moment they are known: when a link brings a
    // table that a run already produced, or an edit upstream changes it.
    connect(m_document, &Document::linkAdded, m_properties, &PropertyPanel::refreshColumns);
    connect(m_document, &Document::linkRemoved, m_properties, &PropertyPanel::refreshColumns);
    connect(m_document, &Document::parameterChanged, m_properties,
            &PropertyPanel::refreshColumns);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::pathChanged, this, &MainWindow::updateTitle);

    connect(m_runController.get(), &RunController::nodeChanged, this, &MainWindow::onNodeChanged);
    connect(m_runController.get(), &RunController::progress, this,
            [this](const QString& node, double fraction, const QString&) {
                m_scene->setNodeProgress(node, fraction);
                m_progress->setValue(int(fraction * 100));
            });
    connect(m_runController.get(), &RunController::metricsArrived, this, &MainWindow::onMetrics);
    connect(m_runController.get(), &RunController::finished, this, &MainWindow::onRunFinished);

    // Each change reaches the recovery file within 1.5 s: the first change starts the timer and
    // later ones ride along, so a long drag still saves on time.
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setObjectName("autosaveTimer");
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(1500);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    connect(m_document, &Document::changed, this, [this] {
        if (!m_autosaveTimer->isActive()) m_autosaveTimer->start();
    });
    m_autoRunTimer = new QTimer(this);
    m_autoRunTimer->setSingleShot(true);
    m_autoRunTimer->setInterval(400); // let a burst of edits settle first
    connect(m_autoRunTimer, &QTimer::timeout, this, [this] {
        if (m_runController->isRunning())
            m_autoRunPending = true;
        else if (!m_document->graph().nodes().empty())
            runPipeline();
    });

    // First start: most of a large screen, so the examples fit the canvas at 100 %.
    const QSize room =
        screen() ? screen()->availableSize() * 0.92 : QSize(kDefaultWidth, kDefaultHeight);
    resize(std::clamp(room.width(), 1400, kDefaultWidth),
           std::clamp(room.height(), 860, kDefaultHeight));
    m_layoutRestored = Settings::restoreWindow(*this);
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() {
    m_runController->stop();
    m_runController->wait();
    waitForModelSaves();
    m_recovery->discard();
    // The views follow the document: they go before it, and stop reporting first.
    m_scene->disconnect(this);
    delete m_properties;
    delete m_view;
    delete m_scene;
}

QAction* MainWindow::action(const QString& objectName) const {
    return findChild<QAction*>(objectName);
}

void MainWindow::createActions() {
    const auto make = [this](const QString& text, const char* name, auto slot,
                             const QKeySequence& key = {}, QStyle::StandardPixmap icon = {},
                             bool withIcon = false) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty()) a->setShortcut(key);
        if (withIcon) a->setIcon(style()->standardIcon(icon));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = make(
        tr("&New"), "newAction", [this] { newPipeline(); }, QKeySequence::New, QStyle::SP_FileIcon,
        true);
    QAction* open = make(
        tr("&Open…"), "openAction", [this] { chooseAndOpen(); }, QKeySequence::Open,
        QStyle::SP_DialogOpenButton, true);
    QAction* saveAction = make(
        tr("&Save"), "saveAction", [this] { save(); }, QKeySequence::Save,
        QStyle::SP_DialogSaveButton, true);
    QAction* saveAsAction = make(
        tr("Save &As…"), "saveAsAction", [this] { saveAs(); }, QKeySequence::SaveAs);
    file->addActions({newAction, open});
    m_recentMenu = file->addMenu(tr("Open &recent"));
    QMenu* examples = file->addMenu(tr("Open &example"));
    const QDir exampleDir(m_shareDirectory + "/examples");
    for (const Example& example : ExampleCatalog::examples())
        if (exampleDir.exists(example.file))
            examples->addAction(
                example.title, this, [this, path = exampleDir.filePath(example.file)] {
                    if (!maybeSave()) return;
                    QString error;
                    if (!openExample(path, &error))
                        QMessageBox::warning(this, tr("Cannot open example"), error);
                });
    examples->setEnabled(!examples->isEmpty());
    file->addActions({saveAction, saveAsAction});
    file->addSeparator();
    file->addAction(make(tr("E&xport model to ONNX…"), "exportOnnxAction", [this] {
        const QString node = nodeToExport();
        if (!node.isEmpty())
            exportModel(node);
        else
            QMessageBox::information(this, tr("Export to ONNX"),
                                     tr("Select the node whose trained model to export."));
    }));
    QAction* saveModelAction = make(
        tr("Export &model…"), "saveModelAction",
        [this] {
            const QString node = nodeToExport();
            if (!node.isEmpty())
                saveModelPackage(node);
            else
                QMessageBox::information(this, tr("Save model"),
                                         tr("Select the node whose trained model to save."));
        },
        QKeySequence(Qt::CTRL | Qt::Key_E));
    saveModelAction->setStatusTip(
        tr("Save the selected node's trained model as a model package (*.ofmodel), for "
           "oficina-cli predict and serve"));
    file->addAction(saveModelAction);
    file->addSeparator();
    file->addAction(make(
        tr("&Quit"), "quitAction", [this] { close(); }, QKeySequence::Quit));
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName("undoAction");
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName("redoAction");
    // Ctrl+Shift+Z is Linux's redo, Ctrl+Y Windows'; users bring either habit.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& key : PropertyPanel::redoKeys())
        if (!redoKeys.contains(key)) redoKeys << key;
    redo->setShortcuts(redoKeys);
    redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addAction(make(
        tr("Cu&t"), "cutAction",
        [this] {
            copySelection();
            m_scene->deleteSelection();
        },
        QKeySequence::Cut));
    edit->addAction(make(
        tr("&Copy"), "copyAction", [this] { copySelection(); }, QKeySequence::Copy));
    edit->addAction(make(
        tr("&Paste"), "pasteAction", [this] { paste(); }, QKeySequence::Paste));
    edit->addAction(make(
        tr("&Duplicate"), "duplicateAction",
        [this] { m_scene->selectItems(m_document->duplicate(m_scene->selectedIds())); },
        QKeySequence(Qt::CTRL | Qt::Key_D)));
    edit->addAction(make(
        tr("&Delete"), "deleteAction", [this] { m_scene->deleteSelection(); },
        QKeySequence::Delete));
    edit->addAction(make(
        tr("Select &all"), "selectAllAction",
        [this] {
            for (QGraphicsItem* item : m_scene->items())
                if (item->flags() & QGraphicsItem::ItemIsSelectable) item->setSelected(true);
        },
        QKeySequence::SelectAll));
    edit->addSeparator();
    edit->addAction(make(
        tr("Re&name node…"), "renameAction", [this] { renameSelected(); },
        QKeySequence(Qt::Key_F2)));
    edit->addAction(make(
        tr("Add co&mment"), "commentAction", [this] { addCommentAt(m_view->visibleCentre()); },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)));
    edit->addSeparator();
    edit->addAction(make(
        tr("Pre&ferences…"), "preferencesAction", [this] { showPreferences(); },
        QKeySequence::Preferences));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* fit = make(
        tr("&Fit to view"), "fitAction", [this] { m_view->fitToView(); },
        QKeySequence(Qt::CTRL | Qt::Key_1));
    m_viewMenu->addAction(fit);
    m_viewMenu->addAction(make(
        tr("Zoom &in"), "zoomInAction", [this] { m_view->zoomIn(); }, QKeySequence::ZoomIn));
    m_viewMenu->addAction(make(
        tr("Zoom &out"), "zoomOutAction", [this] { m_view->zoomOut(); }, QKeySequence::ZoomOut));
    m_viewMenu->addAction(make(
        tr("&Actual size"), "zoomResetAction", [this] { m_view->resetZoom(); },
        QKeySequence(Qt::CTRL | Qt::Key_0)));
    QAction* snap = make(tr("&Snap to grid"), "snapAction", [this](bool on) {
        m_scene->setSnapToGrid(on);
        Settings::setSnapToGrid(on);
    });
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());
    m_viewMenu->addAction(snap);
    m_viewMenu->addAction(createPresentationActions());
    m_viewMenu->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        m_viewMenu->addAction(d->toggleViewAction());

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_runAction = make(
        tr("&Run all"), "runAction", [this] { runPipeline(); }, QKeySequence(Qt::Key_F5),
        QStyle::SP_MediaPlay, true);
    m_runFromAction = make(
        tr("Run from &selected node"), "runFromAction", [this] { runFromSelection(); },
        QKeySequence(Qt::Key_F6), QStyle::SP_MediaSeekForward, true);
    m_stopAction = make(
        tr("S&top"), "stopAction", [this] { stopRun(); }, QKeySequence(Qt::SHIFT | Qt::Key_F5),
        QStyle::SP_MediaStop, true);
    // Stop ends the run; this ends only the training under way and lets Predict and Score run
    // on the model it has, so a class stopped early still sees its accuracy.
    m_finishTrainingAction = make(
        tr("&Finish training and continue"), "finishTrainingAction",
        [this] { finishTraining(); }, QKeySequence(Qt::CTRL | Qt::Key_F5),
        QStyle::SP_MediaSkipForward, true);
    m_finishTrainingAction->setIconText(tr("Finish training"));
    m_finishTrainingAction->setToolTip(
        tr("End the training under way now and run the rest of the pipeline with the model as "
           "it is (a network keeps its best weights so far)"));
    m_autoRunAction = make(tr("Run &automatically on change"), "autoRunAction",
                           [](bool on) { Settings::setAutoRun(on); });
    m_autoRunAction->setCheckable(true);
    // The toolbar says the state in words, not only by a pressed look.
    const auto showAutoRun = [this](bool on) {
        m_autoRunAction->setIconText(on ? tr("Auto-run: on") : tr("Auto-run: off"));
    };
    connect(m_autoRunAction, &QAction::toggled, this, showAutoRun);
    m_autoRunAction->setChecked(Settings::autoRun());
    showAutoRun(m_autoRunAction->isChecked());
    run->addActions({m_runAction, m_runFromAction, m_stopAction, m_finishTrainingAction});
    run->addSeparator();
    run->addAction(m_autoRunAction);
    run->addSeparator();
    QAction* serveAction = make(tr("Ser&ve model…"), "serveModelAction", [this] {
        const QString node = nodeToExport();
        if (!node.isEmpty())
            serveModel(node);
        else
            QMessageBox::information(this, tr("Serve model"),
                                     tr("Select the node whose trained model to serve."));
    });
    serveAction->setStatusTip(tr("Serve the selected node's trained model over HTTP, for other "
                                 "programs to ask it for predictions"));
    run->addAction(serveAction);
    run->addSeparator();
    addRunsActions(run);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(
        make(tr("&Examples and start page"), "startPageAction", [this] { showStartPage(); }));
    help->addAction(action("nodeHelpAction"));
    help->addAction(tr("&About Oficina"), this, &MainWindow::showAbout);

    QToolBar* fileBar = addToolBar(tr("File"));
    fileBar->setObjectName("fileToolBar");
    fileBar->addActions({newAction, open, saveAction});
    fileBar->addSeparator();
    fileBar->addActions({undo, redo});
    QToolBar* runBar = addToolBar(tr("Run"));
    runBar->setObjectName("runToolBar");
    runBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    runBar->addActions(
        {m_runAction, m_runFromAction, m_stopAction, m_finishTrainingAction, m_autoRunAction});
    runBar->addSeparator();
    runBar->addAction(fit);
}

void MainWindow::updateActions() {
    const bool running = m_runController->isRunning();
    const bool any = !m_document->graph().nodes().empty();
    m_runAction->setEnabled(!running && any);
    m_runFromAction->setEnabled(!running && !m_scene->selectedNode().isEmpty());
    m_stopAction->setEnabled(running);
    m_finishTrainingAction->setEnabled(running);
}

void MainWindow::updateTitle() {
    // An example opened as a copy keeps its name until saved elsewhere.
    const QString file = m_document->path().isEmpty()
                             ? QString::fromStdString(m_document->graph().fileName())
                             : m_document->path();
    const QString name = file.isEmpty() ? tr("Untitled") : QFileInfo(file).completeBaseName();
    setWindowTitle(tr("%1[*] — Oficina").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    for (const QString& path : Settings::recentFiles())
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                [this, path] { openRecent(path); });
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
    m_startPage->setRecentFiles(Settings::recentFiles());
}

void MainWindow::appendLog(const QString& line) {
    m_log->appendPlainText(QTime::currentTime().toString("HH:mm:ss  ") + line);
}

// ---- files ----

void MainWindow::newPipeline() {
    if (!maybeSave()) return;
    m_runController->stop();
    m_runController->wait();
    m_document->clear();
    m_recovery->discard();
    m_results.clear();
    showCanvas();
}

bool MainWindow::openPipeline(const QString& path, QString* error) {
    if (!replaceDocument(path, [&] { m_document->load(path); }, error)) return false;
    Settings::addRecentFile(path);
    updateRecentMenu();
    appendLog(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    statusBar()->showMessage(tr("Press F5 to run the pipeline"));
    updateActions();
    return true;
}

bool MainWindow::replaceDocument(const QString& path, const std::function<void()>& load,
                                 QString* error) {
    if (m_runController->isRunning()) {
        m_runController->stop();
        m_runController->wait();
    }
    const auto fail = [&](const QString& reason) {
        appendLog(reason);
        if (error) *error = reason;
        return false;
    };
    try {
        load();
    } catch (const core::Error& e) {
        return fail(tr("Cannot open %1: %2")
                        .arg(QString::fromStdString(e.where()), trMessage(e.message())));
    } catch (const std::exception& e) {  // the catch-all: never let a bad file end the app
        return fail(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), trException(e)));
    }
    m_results.clear();
    m_scene->clearResults();
    m_summary->clear();
    m_recovery->discard();
    showCanvas();
    // After the window's layout settles (the view may not have its size yet).
    QTimer::singleShot(0, m_view, &PipelineView::fitToView);
    return true;
}

bool MainWindow::savePipeline(const QString& path, QString* error) {
    try {
        m_document->save(path);
    } catch (const core::Error& e) {
        const QString reason =
            tr("Cannot save %1: %2").arg(QString::fromStdString(e.where()), trMessage(e.message()));
        appendLog(reason);
        if (error) *error = reason;
        return false;
    }
    Settings::addRecentFile(path);
    updateRecentMenu();
    m_recovery->discard();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::chooseAndOpen() {
    if (!maybeSave()) return;
    const QString start = m_document->path().isEmpty() ? m_shareDirectory + "/examples"
                                                       : QFileInfo(m_document->path()).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open pipeline"), start,
                                                      tr("Oficina pipelines (*.oficina)"));
    QString error;
    if (!path.isEmpty() && !openPipeline(path, &error))
        QMessageBox::warning(this, tr("Cannot open pipeline"), error);
}

bool MainWindow::save() {
    if (m_document->path().isEmpty()) return saveAs();
    QString error;
    if (savePipeline(m_document->path(), &error)) return true;
    QMessageBox::warning(this, tr("Cannot save pipeline"), error);
    return false;
}

bool MainWindow::saveAs() {
    const QString start = m_document->path().isEmpty()
                              ? QDir::homePath() + "/" + tr("pipeline") + ".oficina"
                              : m_document->path();
    QString path = QFileDialog::getSaveFileName(this, tr("Save pipeline"), start,
                                                tr("Oficina pipelines (*.oficina)"));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += ".oficina";
    QString error;
    if (savePipeline(path, &error)) return true;
    QMessageBox::warning(this, tr("Cannot save pipeline"), error);
    return false;
}

void MainWindow::setSavePrompt(std::function<QMessageBox::StandardButton()> prompt) {
    m_savePrompt = std::move(prompt);
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified()) return true;
    const auto answer =
        m_savePrompt
            ? m_savePrompt()
            : QMessageBox::warning(this, tr("Unsaved changes"),
                                   tr("The pipeline has unsaved changes. Save them first?"),
                                   QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                   QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_layoutRestored || m_docksSized) return;
    m_docksSized = true;
    // A fresh profile: the outputs get a third of the window, the canvas well over 60 % of
    // what the two share, at whatever size the window opened.
    if (auto* outputs = findChild<QDockWidget*>("outputsDock"))
        resizeDocks({outputs}, {height() / 3}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    showCanvas(); // the layout saved is the canvas's
    Settings::saveWindow(*this);
    m_runController->stop();
    m_runController->wait();
    m_recovery->discard();
    event->accept();
}

// ---- editing helpers ----

void MainWindow::renameSelected() {
    const QString node = m_scene->selectedNode();
    if (node.isEmpty()) return;
    const core::Node* n = m_document->graph().node(node.toStdString());
    bool ok = false;
    const QString title =
        QInputDialog::getText(this, tr("Rename node"), tr("Name (empty for the node type's name):"),
                              QLineEdit::Normal, QString::fromStdString(n->title), &ok);
    if (ok) m_document->renameNode(node, title.trimmed());
}

void MainWindow::addCommentAt(QPointF scenePos) {
    const QString id = m_document->addComment({scenePos.x(), scenePos.y()}, tr("Comment"));
    m_scene->selectItems({id});
}

void MainWindow::copySelection() {
    const QString text = m_document->copy(m_scene->selectedIds());
    if (text.isEmpty()) return;
    auto* mime = new QMimeData;
    mime->setData(Document::kClipboardMime, text.toUtf8());
    mime->setText(text);
    QApplication::clipboard()->setMimeData(mime);
    m_pastePosition = {};
}

void MainWindow::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime) return;
    const QString text = mime->hasFormat(Document::kClipboardMime)
                             ? QString::fromUtf8(mime->data(Document::kClipboardMime))
                             : mime->text();
    // Each paste lands a little further away, so copies do not hide each other.
    m_pastePosition += QPointF(40, 40);
    try {
        m_scene->selectItems(m_document->paste(text, {m_pastePosition.x(), m_pastePosition.y()}));
    } catch (const core::Error& e) {
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(trMessage(e.message())), 5000);
    } catch (const std::exception& e) {  // the catch-all: the clipboard may hold anything
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(trException(e)), 5000);
    }
}

void MainWindow::showContextMenu(const QString& item, QPointF scenePos, QPoint screenPos) {
    QMenu menu(this);
    if (!item.isEmpty()) {
        if (m_document->graph().node(item.toStdString())) {
            menu.addAction(action("runFromAction"));
            menu.addAction(action("renameAction"));
            if (trainsModel(item)) {
                QAction* exportAction = menu.addAction(tr("E&xport model to ONNX…"), this,
                                                       [this, item] { exportModel(item); });
                exportAction->setEnabled(trainedModel(item) != nullptr);
                QAction* saveAction = menu.addAction(tr("Save &model…"), this,
                                                     [this, item] { saveModelPackage(item); });
                saveAction->setEnabled(trainedModel(item) != nullptr);
                QAction* serveAction =
                    menu.addAction(tr("Ser&ve…"), this, [this, item] { serveModel(item); });
                serveAction->setEnabled(trainedModel(item) != nullptr);
                serveAction->setStatusTip(tr("Serve this trained model over HTTP"));
            }
            addStepThroughAction(
                menu, *m_document->graph().node(item.toStdString()),
                [this, item] { return inputTable(item, {}); }, this);
        }
        menu.addAction(action("duplicateAction"));
        menu.addAction(action("copyAction"));
        menu.addAction(action("deleteAction"));
    } else {
        menu.addAction(tr("Add co&mment here"), this, [this, scenePos] { addCommentAt(scenePos); });
        menu.addAction(action("pasteAction"));
        menu.addAction(action("fitAction"));
    }
    menu.exec(screenPos);
}

QString MainWindow::resultsText() const {
    return m_summary->toPlainText();
}

QString MainWindow::logText() const {
    return m_log->toPlainText();
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && dialog.changed())
        QMessageBox::information(this, tr("Language"),
                                 tr("The new language takes effect after restarting Oficina."));
}

} // namespace oficina::ui

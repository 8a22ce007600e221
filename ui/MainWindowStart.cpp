// MainWindow: the start page in place of the canvas, and the bundled examples and recent files
// it opens.
#include "MainWindow.h"

#include "Settings.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "document/Document.h"
#include "start/ExampleCatalog.h"
#include "start/StartPage.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>

namespace oficina::ui {

void MainWindow::createStartPage() {
    m_startPage = new StartPage(m_shareDirectory + "/examples", this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_startPage);
    setCentralWidget(m_pages);
    connect(m_startPage, &StartPage::newRequested, this, [this] {
        newPipeline();
        showCanvas();
    });
    connect(m_startPage, &StartPage::openRequested, this, [this] { chooseAndOpen(); });
    connect(m_startPage, &StartPage::recentRequested, this,
            [this](const QString& path) { openRecent(path); });
    connect(m_startPage, &StartPage::exampleRequested, this, [this](const QString& path) {
        if (!maybeSave()) return;
        QString error;
        if (!openExample(path, &error))
            QMessageBox::warning(this, tr("Cannot open example"), error);
    });
    connect(m_startPage, &StartPage::canvasRequested, this, &MainWindow::showCanvas);
}

void MainWindow::openRecent(const QString& path) {
    if (!maybeSave()) return;
    QString error;
    if (!openPipeline(path, &error)) {
        Settings::removeRecentFile(path);
        updateRecentMenu();
        QMessageBox::warning(this, tr("Cannot open pipeline"), error);
    }
}

bool MainWindow::openExample(const QString& path, QString* error) {
    // Examples may live in a read-only folder (/usr/share/oficina): what they write goes to the
    // user's documents.
    QString work = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (work.isEmpty() || !QFileInfo(work).isDir()) work = QDir::homePath();
    if (!replaceDocument(
            path, [&] { m_document->loadTemplate(path, work, &ExampleCatalog::nodeTitle); },
            error))
        return false;
    appendLog(
        tr("Opened the example %1; a copy until you save it").arg(QDir::toNativeSeparators(path)));
    const Example example = ExampleCatalog::find(QFileInfo(path).fileName());
    if (!example.showcaseNode.isEmpty() &&
        m_document->graph().node(example.showcaseNode.toStdString())) {
        m_scene->selectItems({example.showcaseNode});
        connect(
            this, &MainWindow::runFinished, this,
            [this, view = example.showcaseView] { showOutputView(view); },
            Qt::SingleShotConnection);
    }
    updateActions();
    runPipeline();
    return true;
}

void MainWindow::showStartPage() {
    m_startPage->setCanReturn(!m_document->graph().nodes().empty() ||
                              !m_document->path().isEmpty());
    if (isStartPageShown()) return;
    // The outputs dock has nothing to show under the start page: give it the room, and hand
    // the dock back as it was with the canvas.
    auto* outputs = findChild<QDockWidget*>("outputsDock");
    m_outputsWereVisible = outputs && !outputs->isHidden();
    if (outputs) outputs->hide();
    m_pages->setCurrentWidget(m_startPage);
}

void MainWindow::showCanvas() {
    if (!isStartPageShown()) return;
    m_pages->setCurrentWidget(m_view);
    if (auto* outputs = findChild<QDockWidget*>("outputsDock"); outputs && m_outputsWereVisible)
        outputs->show();
}

bool MainWindow::isStartPageShown() const {
    return m_pages->currentWidget() == m_startPage;
}

} // namespace oficina::ui

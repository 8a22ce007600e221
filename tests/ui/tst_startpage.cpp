// The start page: every bundled example is in the catalog (and every entry has its file and
// showcase node); one click on an example's card opens it as an untitled copy, runs it and
// shows the view that tells its story; New, recent files, Help → Examples and a palette node
// take the user between the start page and the canvas.
#include "AppFixture.h"
#include "MainWindow.h"
#include "canvas/NodePalette.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "start/ExampleCatalog.h"
#include "start/StartPage.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace oficina;

class StartPageTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

    /// Clicks "Open and run" on an example's card and waits for the run to end.
    static void openFromCard(ui::MainWindow& window, const QString& stem) {
        auto* card = window.startPage().findChild<QWidget*>("example_" + stem);
        QVERIFY2(card, qPrintable(stem));
        auto* open = card->findChild<QPushButton*>("openExample");
        QVERIFY(open);
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        QTest::mouseClick(open, Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(120000));
    }

    static QString currentViewClass(ui::MainWindow& window) {
        QWidget* view = window.outputs().tabs()->currentWidget();
        return view ? QString::fromLatin1(view->metaObject()->className()) : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void catalogCoversEveryExample() {
        const QDir dir(QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples"));
        const QStringList files = dir.entryList({"*.oficina"}, QDir::Files);
        QVERIFY(files.size() >= 9);
        QStringList listed;
        for (const ui::Example& e : ui::ExampleCatalog::examples()) {
            listed << e.file;
            QVERIFY2(files.contains(e.file), qPrintable(e.file + " is listed but not bundled"));
            QVERIFY(!e.title.isEmpty() && !e.description.isEmpty() && !e.topic.isEmpty());
            const core::Graph graph =
                core::loadPipeline(dir.filePath(e.file).toStdString(), m_registry);
            QVERIFY2(graph.node(e.showcaseNode.toStdString()),
                     qPrintable(e.file + ": no node " + e.showcaseNode));
            QVERIFY(!e.showcaseView.isEmpty());
            // Node titles are translated when the example opens: each must be in the catalog's
            // list, which lupdate reads.
            for (const core::Node& node : graph.nodes())
                QVERIFY2(node.title.empty() || ui::ExampleCatalog::nodeTitles().contains(
                                                   QString::fromStdString(node.title)),
                         qPrintable(e.file + ": the title '" + QString::fromStdString(node.title) +
                                    "' is not in ExampleCatalog's list"));
        }
        for (const QString& file : files)
            QVERIFY2(listed.contains(file), qPrintable(file + " has no catalog entry"));
        QCOMPARE(listed.size(), files.size());
    }

    void oneClickOpensRunsAndShowsTheExample() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.resize(1600, 1000);
        window.showStartPage();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isStartPageShown());

        openFromCard(window, "iris_classification");
        QVERIFY(!window.isStartPageShown());
        QCOMPARE(window.scene().selectedNode(), QString("score"));
        QCOMPARE(currentViewClass(window), QString("oficina::ui::ConfusionMatrixView"));
        // An untitled copy named after the example: saving never writes over the example.
        QVERIFY(window.document().path().isEmpty());
        QVERIFY(!window.document().isModified());
        QVERIFY(window.windowTitle().startsWith("iris_classification"));
        QCOMPARE(window.nodeResults().at("score").state, core::NodeState::Done);

        // The teacher's path to supervised vs unsupervised: the start page, then one click.
        window.showStartPage();
        openFromCard(window, "wine_clusters_vs_classes");
        QCOMPARE(window.scene().selectedNode(), QString("compare"));
        QCOMPARE(currentViewClass(window), QString("oficina::ui::ClustersVsClassesView"));
        QCOMPARE(window.nodeResults().at("compare").state, core::NodeState::Done);
    }

    /// At the default window size every card and its button show whole (the cards reflow to the
    /// width), and each lesson has one heading.
    void cardsFitTheDefaultSizeGroupedByLesson() {
        QSettings().clear();
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.resize(1472, 920);
        window.showStartPage();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* scroll = window.startPage().findChild<QScrollArea*>("examplesScroll");
        QVERIFY(scroll);
        const QWidget* viewport = scroll->viewport();
        const auto buttons = window.startPage().findChildren<QPushButton*>("openExample");
        QVERIFY(buttons.size() >= 9);
        for (const QPushButton* button : buttons) {
            const QRect r(button->mapTo(viewport, QPoint(0, 0)), button->size());
            QTRY_VERIFY2(r.left() >= 0 && r.right() < viewport->width(),
                         qPrintable(QString("a button at x %1..%2 in a viewport %3 px wide")
                                        .arg(r.left())
                                        .arg(r.right())
                                        .arg(viewport->width())));
        }
        QStringList headings;
        for (const QLabel* label : window.startPage().findChildren<QLabel*>("topicHeading"))
            headings << label->text();
        QCOMPARE(headings.size(), int(QSet<QString>(headings.begin(), headings.end()).size()));
        QVERIFY(headings.size() >= 4);
    }

    void movesBetweenStartPageAndCanvas() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.showStartPage();
        window.show();
        auto* back = window.startPage().findChild<QPushButton*>("returnButton");
        QVERIFY(back && !back->isVisible()); // nothing to go back to

        auto* outputs = window.findChild<QDockWidget*>("outputsDock");
        QVERIFY(outputs && !outputs->isVisible()); // the start page has the room
        QTest::mouseClick(window.startPage().findChild<QPushButton*>("newButton"), Qt::LeftButton);
        QVERIFY(!window.isStartPageShown());
        QVERIFY(outputs->isVisible());

        // Help → Examples, then a node double-clicked in the palette goes onto the canvas.
        window.action("startPageAction")->trigger();
        QVERIFY(window.isStartPageShown());
        Q_EMIT window.palette().nodeActivated("oficina.data.sample");
        QVERIFY(!window.isStartPageShown());
        QCOMPARE(window.document().graph().nodes().size(), size_t(1));

        window.action("startPageAction")->trigger();
        QVERIFY(back->isVisible());
        QTest::mouseClick(back, Qt::LeftButton);
        QVERIFY(!window.isStartPageShown());
        QCOMPARE(window.document().graph().nodes().size(), size_t(1));

        // Opening a file lists it under Recent; a click there opens it again.
        const QString example = m_share + "/examples/iris_clustering.oficina";
        window.setSavePrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.openPipeline(example));
        window.showStartPage();
        auto* recent = window.startPage().findChild<QListWidget*>("recentList");
        QVERIFY(recent && recent->count() >= 1);
        QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(),
                 QFileInfo(example).absoluteFilePath());
        window.action("newAction")->trigger();
        window.showStartPage();
        Q_EMIT recent->itemActivated(recent->item(0));
        QVERIFY(!window.isStartPageShown());
        QCOMPARE(window.document().path(), QFileInfo(example).absoluteFilePath());
    }
};

QTEST_MAIN(StartPageTest)
#include "tst_startpage.moc"

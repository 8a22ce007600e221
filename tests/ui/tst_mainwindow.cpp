// The main window opens the bundled example, runs it off the UI thread and shows the results;
// the Iris pipeline built by hand on the canvas (palette drops, port drags) runs, undoes back to
// empty and redoes, saves and reopens; autosave and recovery; the UI thread never stalls while a
// model trains; RunController streams metrics and stops promptly.
#include "AppFixture.h"
#include "../core/FakeNodes.h"

#include "MainWindow.h"
#include "canvas/NodeItem.h"
#include "canvas/NodePalette.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "canvas/PortItem.h"
#include "document/Document.h"
#include "document/Recovery.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "properties/PropertyPanel.h"
#include "run/RunController.h"

#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <random>

using namespace oficina;

namespace {

/// Drags with the mouse on the view from one port to another, as a user would.
void dragPort(ui::MainWindow& window, const QString& fromNode, const std::string& fromPort,
              const QString& toNode, const std::string& toPort) {
    ui::PipelineView& view = window.view();
    const QPoint from = view.mapFromScene(window.scene().portItem(fromNode, fromPort, true)->scenePos());
    const QPoint to = view.mapFromScene(window.scene().portItem(toNode, toPort, false)->scenePos());
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 4; ++i) QTest::mouseMove(view.viewport(), from + (to - from) * i / 4);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
}

/// Drops a palette entry on the canvas at a scene position; returns the new node's id.
QString dropNode(ui::MainWindow& window, const char* type, QPointF at) {
    std::unique_ptr<QMimeData> mime(ui::NodePalette::mimeDataFor(type));
    const QStringList ids = window.scene().drop(mime.get(), at);
    return ids.value(0);
}

size_t countPoints(const QSignalSpy& spy, const std::string& series) {
    size_t n = 0;
    for (const auto& args : spy)
        for (const auto& p : args.at(0).value<std::vector<core::MetricPoint>>())
            n += p.series == series ? 1 : 0;
    return n;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void buildsIrisOnTheCanvasRunsUndoesAndSaves() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.resize(1400, 1000);  // the canvas above the outputs holds both rows
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::PipelineView& view = window.view();
        view.resetZoom();
        view.centerOn(560, 160);
        const QString empty = window.document().serialized();

        // Palette drops, laid out on two rows so every port is on screen.
        const QString iris = dropNode(window, "oficina.data.sample", {100, 40});
        const QString select = dropNode(window, "oficina.data.select_columns", {330, 40});
        const QString split = dropNode(window, "oficina.data.split", {560, 40});
        const QString scale = dropNode(window, "oficina.scale.standard", {790, 40});
        const QString logreg = dropNode(window, "oficina.model.logistic_regression", {1020, 40});
        const QString predict = dropNode(window, "oficina.model.predict", {790, 260});
        const QString score = dropNode(window, "oficina.eval.score", {1020, 260});
        QCOMPARE(window.document().graph().nodes().size(), size_t(7));
        window.document().setParameter(select, "target", std::string("species"));

        dragPort(window, iris, "data", select, "data");
        dragPort(window, select, "data", split, "data");
        dragPort(window, split, "train", scale, "data");
        dragPort(window, scale, "data", logreg, "data");
        dragPort(window, logreg, "model", predict, "model");
        dragPort(window, split, "test", predict, "data");
        dragPort(window, predict, "predictions", score, "predictions");
        QCOMPARE(window.document().graph().links().size(), size_t(7));
        const QString built = window.document().serialized();
        QCOMPARE(window.document().undoStack()->count(), 15);

        QSignalSpy metrics(&window.runController(), &ui::RunController::metricsArrived);
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QVERIFY(countPoints(metrics, "loss") > 5);
        const auto& result = window.nodeResults().at(score);
        QCOMPARE(result.state, core::NodeState::Done);
        const auto& out = std::get<std::shared_ptr<const core::Metrics>>(result.outputs.at("metrics"));
        const core::LabeledMatrix* confusion = out->matrix("confusion_matrix");
        QVERIFY(confusion);
        QCOMPARE(confusion->rowLabels, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        double total = 0, diagonal = 0;
        for (size_t i = 0; i < 3; ++i)
            for (size_t j = 0; j < 3; ++j) {
                total += confusion->at(i, j);
                diagonal += i == j ? confusion->at(i, j) : 0;
            }
        QCOMPARE(total, 38.0);    // the 25 % test rows of 150
        QCOMPARE(diagonal, 37.0);  // accuracy 0.973684, as scikit-learn gets on this split
        QCOMPARE(window.scene().nodeItem(score)->summary(), QString("accuracy 0.974"));
        QVERIFY(window.inputColumns(logreg, "data").contains("petal length (cm)"));

        // Selecting a node shows its parameters; an edit marks it and what follows stale.
        window.scene().selectItems({logreg});
        QCOMPARE(window.properties().nodeId(), logreg);
        window.document().setParameter(logreg, "C", 0.5);
        QCOMPARE(window.scene().nodeItem(logreg)->state(), core::NodeState::Stale);
        QCOMPARE(window.scene().nodeItem(score)->state(), core::NodeState::Stale);
        QCOMPARE(window.scene().nodeItem(split)->state(), core::NodeState::Done);
        window.document().setParameter(logreg, "C", 1.0);  // back: the merged step vanishes
        QCOMPARE(window.document().undoStack()->count(), 15);
        QCOMPARE(window.scene().nodeItem(score)->state(), core::NodeState::Done);

        // Undo everything back to the empty canvas, then redo to the same graph.
        QUndoStack* stack = window.document().undoStack();
        while (stack->canUndo()) stack->undo();
        QCOMPARE(window.document().serialized(), empty);
        QVERIFY(window.scene().items().isEmpty());
        while (stack->canRedo()) stack->redo();
        QCOMPARE(window.document().serialized(), built);

        // Save, reopen in another window, compare.
        const QString path = dir.filePath("iris_by_hand.oficina");
        QVERIFY(window.savePipeline(path));
        QVERIFY(!window.document().isModified());
        ui::MainWindow other(m_registry, m_share, nullptr, dir.filePath("recovery"));
        QVERIFY(other.openPipeline(path));
        QCOMPARE(other.document().serialized(), built);
        QCOMPARE(other.scene().items().size(), window.scene().items().size());
    }

    void autosaveAndRecover() {
        QTemporaryDir dir;
        const QString recoveryDir = dir.filePath("recovery");
        QString saved;
        QString recoveryFile;
        {
            ui::MainWindow window(m_registry, m_share, nullptr, recoveryDir);
            QVERIFY(window.openPipeline(m_share + "/examples/iris_classification.oficina"));
            window.autosave();  // nothing unsaved: nothing written
            window.recovery().waitForWrites();
            recoveryFile = window.recovery().file();
            QVERIFY(!QFile::exists(recoveryFile));
            window.document().setParameter("split", "test_size", 0.4);
            window.document().addComment({0, 200}, "Unsaved note");
            window.autosave();
            window.recovery().waitForWrites();
            QVERIFY(QFile::exists(recoveryFile));
            saved = window.document().serialized();
            // While this session lives, its file is not an orphan for another one.
            ui::Recovery other(recoveryDir);
            QVERIFY(other.orphans().isEmpty());
            // A crash leaves the file behind without a live lock: simulate it with a copy.
            QVERIFY(QFile::copy(recoveryFile, recoveryDir + "/crashed.oficina"));
            QFile::copy(recoveryFile.chopped(8) + ".path", recoveryDir + "/crashed.path");
        }
        QVERIFY(!QFile::exists(recoveryFile));  // a clean end removes its own file
        ui::MainWindow window(m_registry, m_share, nullptr, recoveryDir);
        const QStringList orphans = window.recovery().orphans();
        QCOMPARE(orphans, QStringList{recoveryDir + "/crashed.oficina"});
        QCOMPARE(ui::Recovery::originalPath(orphans[0]),
                 QFileInfo(m_share + "/examples/iris_classification.oficina").absoluteFilePath());
        QVERIFY(window.recover(orphans[0]));
        QCOMPARE(window.document().serialized(), saved);
        QVERIFY(window.document().isModified());
        QVERIFY(window.windowTitle().startsWith("iris_classification"));
        ui::Recovery::remove(orphans[0]);
        QVERIFY(window.recovery().orphans().isEmpty());
    }

    void unsavedChangesPrompt() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        window.document().addNode("oficina.data.sample", {0, 0});
        int asked = 0;
        window.setSavePrompt([&] {
            ++asked;
            return QMessageBox::Cancel;
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
        window.setSavePrompt([&] {
            ++asked;
            return QMessageBox::Discard;
        });
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
    }

    /// While logistic regression trains on 200,000 rows, the UI thread keeps ticking: the
    /// longest gap between 10 ms timer ticks is measured. The goal is under 100 ms; the
    /// assertion allows 250 ms because this 2-core machine is shared with parallel builds.
    void eventLoopDoesNotStallWhileTraining() {
        QTemporaryDir dir;
        const QString csv = dir.filePath("big.csv");
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            std::mt19937 rng(7);
            std::normal_distribution<double> normal;
            QByteArray text = "x1,x2,x3,x4,label\n";
            text.reserve(200'000 * 48);
            for (int i = 0; i < 200'000; ++i) {
                const double x[4] = {normal(rng), normal(rng), normal(rng), normal(rng)};
                // Nearly separable, and C large below: L-BFGS needs some 40 iterations, so the run
            // lasts long enough for several batches of loss points.
            const double z = 1.5 * x[0] - x[1] + 0.5 * x[2] + 0.001 * normal(rng);
                text += QByteArray::number(x[0], 'f', 5) + ',' + QByteArray::number(x[1], 'f', 5) +
                        ',' + QByteArray::number(x[2], 'f', 5) + ',' +
                        QByteArray::number(x[3], 'f', 5) + (z > 0 ? ",yes\n" : ",no\n");
            }
            file.write(text);
        }
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        ui::Document& doc = window.document();
        core::ParamValues file;
        file.set("file", csv.toStdString());
        const QString load = doc.addNode("oficina.data.load_file", {0, 0}, file);
        const QString select = doc.addNode("oficina.data.select_columns", {220, 0});
        doc.setParameter(select, "target", std::string("label"));
        const QString logreg = doc.addNode("oficina.model.logistic_regression", {440, 0});
        doc.setParameter(logreg, "tol", 1e-8);
        doc.setParameter(logreg, "C", 1e6);
        QVERIFY(!doc.connectPorts({{load.toStdString(), "data"}, {select.toStdString(), "data"}}));
        QVERIFY(!doc.connectPorts({{select.toStdString(), "data"}, {logreg.toStdString(), "data"}}));
        window.scene().selectItems({logreg});  // its outputs view follows the live loss
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300);  // first paint of the window and its docks is not part of the run

        QElapsedTimer clock;
        qint64 last = 0, longest = 0, longestAt = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            if (now - last > longest) {
                longest = now - last;
                longestAt = now;
            }
            last = now;
        });
        QSignalSpy metrics(&window.runController(), &ui::RunController::metricsArrived);
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        clock.start();
        ticker.start();
        window.runPipeline();
        QVERIFY(finished.wait(120000) || finished.count() == 1);
        const qint64 runMs = clock.elapsed();
        ticker.stop();
        QCOMPARE(window.nodeResults().at(logreg).state, core::NodeState::Done);
        // Batches of loss points arrived while it trained, not only at the end.
        qsizetype lossBatches = 0;
        for (const auto& args : metrics)
            for (const auto& p : args.at(0).value<std::vector<core::MetricPoint>>())
                if (p.series == "loss") {
                    ++lossBatches;
                    break;
                }
        qInfo("run %lld ms; longest UI stall %lld ms (ending at %lld ms); %lld loss batches, "
              "%zu points",
              runMs, longest, longestAt, qlonglong(lossBatches), countPoints(metrics, "loss"));
        QVERIFY(countPoints(metrics, "loss") > 5);
        QVERIFY2(lossBatches >= 2, "the loss series should grow during the run");
        QVERIFY2(longest < 250, qPrintable(QString("longest stall %1 ms").arg(longest)));
    }

    void runsTheIrisExample() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        QVERIFY(window.openPipeline(m_share + "/examples/iris_classification.oficina"));
        QSignalSpy metrics(&window.runController(), &ui::RunController::metricsArrived);
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QVERIFY2(window.resultsText().contains("accuracy            0.973684"),
                 qPrintable(window.resultsText()));
        QVERIFY(window.logText().contains("Run finished"));
        size_t lossPoints = 0;
        for (const auto& args : metrics)
            for (const auto& p : args.at(0).value<std::vector<core::MetricPoint>>())
                lossPoints += p.series == "loss" ? 1 : 0;
        QVERIFY(lossPoints > 5);
    }

    void examplesFitTheDefaultLayoutAtFullSize() {
        // A 1600 x 1000 window with the default docks shows each bundled example whole at 100 %,
        // the palette's entries uncut.
        QSettings().clear();  // the default layout, not one an earlier test saved
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const QString example : {"iris_classification", "iris_clustering"}) {
            ui::PipelineView& view = window.view();
            QSignalSpy fitted(&view, &ui::PipelineView::zoomChanged);
            QVERIFY(window.openPipeline(m_share + "/examples/" + example + ".oficina"));
            QTRY_VERIFY(!fitted.isEmpty());  // the fit waits for the layout to settle
            QCOMPARE(view.zoom(), 1.0);
            const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
            for (const auto& node : window.document().graph().nodes())
                QVERIFY2(visible.contains(
                             window.scene().nodeItem(QString::fromStdString(node.id))
                                 ->sceneBoundingRect()),
                         node.id.c_str());
        }
        QVERIFY(window.palette().width() >= window.palette().sizeHint().width());
        QVERIFY(window.view().width() > window.width() / 2);
    }

    void finishedNodeKeepsItsViewsAndShowsTheOneAskedFor() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        QVERIFY(window.openPipeline(m_share + "/examples/iris_classification.oficina"));
        window.scene().selectItems({"logreg"});
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        // The loss points drained after the node finished are in its result already: they
        // must not replace its views with a bare live chart.
        QTabWidget* tabs = window.outputs().tabs();
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i) titles << tabs->tabText(i);
        QCOMPARE(titles, (QStringList{"Model", "Try it", "Training"}));
        QVERIFY(window.showOutputView("LossChart"));
        QCOMPARE(tabs->currentIndex(), 2);
        QVERIFY(!window.showOutputView("ConfusionMatrixView"));
        window.scene().selectItems({"score"});
        QVERIFY(window.showOutputView("ConfusionMatrixView"));
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QString("Confusion matrix"));
        // Table outputs are named by their ports' labels, not their keys.
        window.scene().selectItems({"split"});
        titles.clear();
        for (int i = 0; i < tabs->count(); ++i) titles << tabs->tabText(i);
        QCOMPARE(titles, (QStringList{"Test rows", "Training rows"}));
    }

    void openingABadFileKeepsTheWindowUsable() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        QVERIFY(!window.openPipeline("/nonexistent/pipeline.oficina"));
        QVERIFY(window.logText().contains("/nonexistent/pipeline.oficina"));
    }

    void controllerStopsAndWaitsOnDestruction() {
        core::NodeRegistry registry;
        fake::RunCounter counter;
        fake::registerFakeNodes(registry, counter);
        core::Graph graph;
        graph.addNode({"slow", "test.slow", "", {}, {}});
        auto controller = std::make_unique<ui::RunController>(registry);
        QSignalSpy progress(controller.get(), &ui::RunController::progress);
        controller->start(graph, 1);
        QVERIFY(progress.wait(5000));
        QElapsedTimer timer;
        timer.start();
        controller.reset();
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
    }

    void stopEndsTheRunAsCancelled() {
        core::NodeRegistry registry;
        fake::RunCounter counter;
        fake::registerFakeNodes(registry, counter);
        core::Graph graph;
        graph.addNode({"slow", "test.slow", "", {}, {}});
        ui::RunController controller(registry);
        QSignalSpy finished(&controller, &ui::RunController::finished);
        controller.start(graph, 7);
        QTest::qWait(50);
        controller.stop();
        QVERIFY(finished.wait(2000));
        const auto result = finished.at(0).at(0).value<std::shared_ptr<const core::RunResult>>();
        QVERIFY(result->cancelled);
        QCOMPARE(finished.at(0).at(1).toULongLong(), quint64(7));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"

// The main window opens the bundled example, runs it off the UI thread and shows the results;
// RunController streams metrics and stops promptly.
#include "../core/FakeNodes.h"

#include "MainWindow.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "run/RunController.h"

#include <QSignalSpy>
#include <QtTest>

using namespace oficina;

class MainWindowTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = QStringLiteral(OFICINA_BIN_DIR "/../share/oficina");

private Q_SLOTS:
    void initTestCase() {
        core::registerBuiltinNodes(m_registry,
                                   {.datasetDirectory = (m_share + "/datasets").toStdString()});
    }

    void runsTheIrisExample() {
        ui::MainWindow window(m_registry, m_share);
        window.show();
        QVERIFY(window.openPipeline(m_share + "/examples/iris_classification.oficina"));
        QSignalSpy metrics(&window.runController(), &ui::RunController::metricsArrived);
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(window.runController().isRunning() || finished.count() == 1);
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

    void openingABadFileKeepsTheWindowUsable() {
        ui::MainWindow window(m_registry, m_share);
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

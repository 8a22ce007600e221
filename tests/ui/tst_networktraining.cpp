// A neural network trains in the main window: its loss chart grows per batch while the UI
// thread stays responsive; Stop in the middle of an epoch ends the run within a batch, keeps the
// weights so far, and leaves the window usable: an edit and a second run train afresh.
#include "AppFixture.h"
#include "MainWindow.h"
#include "canvas/PipelineScene.h"
#include "charts/LossChart.h"
#include "document/Document.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "run/RunController.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace oficina;

class NetworkTrainingTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void stopMidEpochKeepsTheWindowUsable() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        ui::Document& doc = window.document();
        core::ParamValues sample;
        sample.set("dataset", std::string("digits"));
        const QString data = doc.addNode("oficina.data.sample", {0, 0}, sample);
        const QString net = doc.addNode("oficina.nn.network", {240, 0});
        doc.setParameter(net, "batch_size", int64_t(4)); // many batches: a long first epochs
        doc.setParameter(net, "epochs", int64_t(500));
        doc.setParameter(net, "early_stopping", false);
        QVERIFY(!doc.connectPorts({{data.toStdString(), "data"}, {net.toStdString(), "data"}}));
        window.scene().selectItems({net});
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QElapsedTimer clock;
        qint64 last = 0, longest = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            longest = std::max(longest, now - last);
            last = now;
        });
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        double lastStep = 0;
        connect(&window.runController(), &ui::RunController::metricsArrived,
                [&](const std::vector<core::MetricPoint>& points) {
                    for (const auto& p : points)
                        if (p.series == "batch_loss") lastStep = p.step;
                });
        clock.start();
        ticker.start();
        window.runPipeline();
        // Into the second epoch, i.e. after one whole epoch and part of the next.
        QTRY_VERIFY_WITH_TIMEOUT(lastStep > 1.3, 60000);
        QElapsedTimer stopping;
        stopping.start();
        window.stopRun();
        QVERIFY(finished.wait(5000) || finished.count() == 1);
        const qint64 stopMs = stopping.elapsed();
        ticker.stop();
        qInfo("stopped at epoch step %.2f; run ended %lld ms after Stop; longest UI stall %lld ms",
              lastStep, stopMs, longest);
        QVERIFY2(stopMs < 1000, qPrintable(QString::number(stopMs)));
        QVERIFY2(longest < 250, qPrintable(QString::number(longest)));

        const core::NodeResult& stopped = window.nodeResults().at(net);
        QCOMPARE(stopped.state, core::NodeState::Done); // the weights so far are kept
        QCOMPARE(stopped.warnings.size(), size_t(1));
        // The worker runs ahead of the metrics the window has drained, so Stop may land in a
        // later epoch than the one last drawn: it must land inside one, after the first.
        const QString warning = QString::fromStdString(stopped.warnings[0].english());
        const QRegularExpressionMatch match =
            QRegularExpression("^stopped in epoch (\\d+) of 500").match(warning);
        QVERIFY2(match.hasMatch(), qPrintable(warning));
        const int epoch = match.captured(1).toInt();
        QVERIFY(epoch >= 2);
        auto* chart = window.outputs().findChild<ui::LossChart*>();
        QVERIFY(chart);
        QVERIFY(chart->pointCount("batch_loss") > 10);
        QCOMPARE(chart->pointCount("loss"), size_t(epoch - 1)); // the finished epochs

        // Usable afterwards: an edit, a second run that trains afresh (not the stopped model).
        doc.setParameter(net, "epochs", int64_t(2));
        doc.setParameter(net, "batch_size", int64_t(64));
        window.runPipeline();
        QVERIFY(finished.wait(60000));
        const core::NodeResult& second = window.nodeResults().at(net);
        QCOMPARE(second.state, core::NodeState::Done);
        QVERIFY(!second.fromCache);
        QVERIFY(second.warnings.empty());
    }
};

QTEST_MAIN(NetworkTrainingTest)
#include "tst_networktraining.moc"

// The Wine "clusters vs classes" example in the main window: it runs, and its comparison node
// shows one view with two scatter plots of the same projection (clusters left, classes or the
// classifier's predictions right), the adjusted Rand index and the contingency table; the
// validation curve draws in the learning-curve chart against the varied parameter. Pictures
// in English and (OFICINA_QM=oficina_pt_BR.qm) pt_BR go to $OFICINA_SHOTS when set.
#include "AppFixture.h"
#include "MainWindow.h"
#include "canvas/PipelineScene.h"
#include "charts/ClustersVsClassesView.h"
#include "charts/LearningCurveChart.h"
#include "charts/ScatterPlot.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "panels/OutputViews.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"

#include "../core/GraphBuilder.h"
#include "Screenshots.h"
#include "TabHelpers.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace oficina;

class TestClustersVsClasses : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

    /// Opens the example in a fresh main window, runs it, shows the comparison node's view
    /// and hands the window to `look`.
    void withExampleRun(const std::function<void(ui::MainWindow&)>& look) {
        QSettings().clear(); // the default layout, not one an earlier test saved
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPipeline(m_share + "/examples/wine_clusters_vs_classes.oficina"));
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QCOMPARE(window.nodeResults().at("compare").state, core::NodeState::Done);
        window.scene().selectItems({"compare"});
        QVERIFY(window.showOutputView("ClustersVsClassesView"));
        look(window);
    }

    /// The example's comparison view: both colourings, the index and the table.
    static void checkView(ui::MainWindow& window) {
        auto* view = tab<ui::ClustersVsClassesView>(window.outputs().tabs());
        QVERIFY2(view, qPrintable(tabTitles(window.outputs().tabs()).join(", ")));
        QCOMPARE(tabTitles(window.outputs().tabs()),
                 (QStringList{"Scores", "Clusters vs classes"}));

        // Two plots of the same 178 points; left by cluster, right by cultivar.
        QCOMPARE(view->clusterPlot()->drawnPoints(), 178);
        QCOMPARE(view->classPlot()->drawnPoints(), 178);
        QCOMPARE(view->clusterPlot()->xColumn(), QString("PC1"));
        QCOMPARE(view->classPlot()->yColumn(), QString("PC2"));
        QCOMPARE(view->classPlot()->pointsOf("class_1"), 71);
        int clustered = 0;
        for (int k = 0; k < 3; ++k)
            clustered += view->clusterPlot()->pointsOf(QStringLiteral("cluster %1").arg(k));
        QCOMPARE(clustered, 178);
        // The classifier's out-of-fold predictions, one click away.
        view->showPredictions(true);
        QCOMPARE(view->classPlot()->drawnPoints(), 178);
        view->showPredictions(false);

        QVERIFY2(view->agreement()->text().contains("Adjusted Rand index: 0.915"),
                 qPrintable(view->agreement()->text()));
        QVERIFY(view->agreement()->text().contains("98.3 %"));
        QTableWidget* table = view->contingency();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->columnCount(), 3);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QString("class_0"));
        QCOMPARE(table->verticalHeaderItem(1)->text(), QString("cluster 1"));
        double total = 0;
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                total += table->item(r, c)->text().toDouble();
        QCOMPARE(total, 178.0);
    }

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void exampleShowsBothColouringsTheIndexAndTheTable() {
        withExampleRun([](ui::MainWindow& window) { checkView(window); });
    }

    void validationCurveIsDrawnAgainstTheParameter() {
        core::Metrics metrics;
        metrics.matrices.push_back(
            {"validation_curve",
             {"1", "2", "3"},
             {"max_depth", "train_mean", "train_std", "test_mean", "test_std"},
             {1, 0.7, 0.01, 0.65, 0.05, 2, 0.9, 0.01, 0.82, 0.04, 3, 1.0, 0.0, 0.80, 0.06}});
        const ui::Pages pages =
            ui::createMetricsViews(std::make_shared<const core::Metrics>(std::move(metrics)));
        QCOMPARE(pages.size(), size_t(1));
        QCOMPARE(pages[0].first, QString("Validation curve"));
        auto* chart = qobject_cast<ui::LearningCurveChart*>(pages[0].second);
        QVERIFY(chart);
        QCOMPARE(chart->trainPoints().size(), 3);
        QCOMPARE(chart->validationPoints().last(), QPointF(3, 0.80));
        QCOMPARE(chart->bandCount(), 2);
        delete chart;
    }

    void screenshots() {
        const QString shots = shotsFolder();
        if (shots.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        inEachLanguage([&](const QString& language) {
            withExampleRun([&](ui::MainWindow& window) {
                QTest::qWait(200); // the layout settles
                QVERIFY(window.grab().save(shots + "/clusters_vs_classes_" + language + ".png"));
            });
        });

        // The validation curve of a decision tree on Wine, depth 1 to 10.
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("wine")}})
            .node("tree", "oficina.model.decision_tree_classifier")
            .node("vc", "oficina.teach.validation_curve")
            .link("d.data", "tree.data")
            .link("tree.model", "vc.model")
            .link("d.data", "vc.data");
        core::Executor executor(m_registry);
        core::RunContext ctx;
        const core::RunResult r = executor.run(b.graph, ctx);
        const auto& metrics =
            std::get<std::shared_ptr<const core::Metrics>>(r.nodes.at("vc").outputs.at("metrics"));
        const ui::Pages pages = ui::createMetricsViews(metrics);
        QCOMPARE(pages.size(), size_t(2)); // scores, then the curve
        auto* chart = qobject_cast<ui::LearningCurveChart*>(pages[1].second);
        QVERIFY(chart);
        chart->resize(800, 500);
        QVERIFY(chart->saveImage(shots + "/validation_curve_tree_depth.png", QSize(800, 500)));
        for (const auto& page : pages)
            delete page.second;
    }
};

QTEST_MAIN(TestClustersVsClasses)
#include "tst_clustersvsclasses.moc"

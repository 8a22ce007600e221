// The result views of a real run (Iris, Breast cancer, Diabetes, Wine pipelines): translated
// metric names (English and pt_BR), one precision–recall chart instead of a tab per class,
// bars for model comparison and folds with the right values, the learning curve with its std
// bands, the decision grid computed off the UI thread (and a view deleted mid-computation),
// saving at an enlarged size, and a gallery: every chart grabbed to PNG in both languages
// (written to $OFICINA_SHOTS when set, to be looked at).
#include "TabHelpers.h"
#include "../core/GraphBuilder.h"
#include "charts/ConfusionMatrixView.h"
#include "charts/DecisionBoundaryView.h"
#include "charts/LearningCurveChart.h"
#include "charts/LossChart.h"
#include "charts/MetricNames.h"
#include "charts/PrecisionRecallChart.h"
#include "charts/ResidualPlot.h"
#include "charts/RocChart.h"
#include "charts/ScatterPlot.h"
#include "charts/ScoreBarsChart.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"

#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QThreadPool>
#include <QTranslator>
#include <QtTest>

#include <atomic>

using namespace oficina;

namespace {

/// Distinct colours on a coarse grid of the image: a blank or flat picture has one or two.
int colourCount(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
    return int(colours.size());
}

core::Graph pipelines() {
    Builder b;
    const auto sample = [&](const char* id, const char* dataset) {
        b.node(id, "oficina.data.sample", {{"dataset", std::string(dataset)}});
    };
    sample("iris", "iris");
    b.node("split", "oficina.data.split")
        .node("lr", "oficina.model.logistic_regression")
        .node("tree", "oficina.model.decision_tree_classifier", {{"max_depth", int64_t(3)}})
        .node("knn", "oficina.model.knn_classifier")
        .node("predict", "oficina.model.predict")
        .node("score", "oficina.eval.score")
        .node("compare", "oficina.eval.compare_models")
        .node("cv", "oficina.eval.cross_validation")
        .node("select", "oficina.data.select_columns",
              {{"features", std::vector<std::string>{"petal length (cm)", "petal width (cm)"}}})
        .node("lr2", "oficina.model.logistic_regression")
        .node("dbscan", "oficina.cluster.dbscan")
        .node("agglo", "oficina.cluster.agglomerative")
        .node("suggest", "oficina.cluster.suggest_k")
        .link("iris.data", "split.data")
        .link("split.train", "lr.data")
        .link("split.train", "tree.data")
        .link("split.train", "knn.data")
        .link("lr.model", "predict.model")
        .link("split.test", "predict.data")
        .link("predict.predictions", "score.predictions")
        .link("iris.data", "compare.data")
        .link("lr.model", "compare.model_1")
        .link("tree.model", "compare.model_2")
        .link("knn.model", "compare.model_3")
        .link("lr.model", "cv.model")
        .link("iris.data", "cv.data")
        .link("iris.data", "select.data")
        .link("select.data", "lr2.data")
        .link("iris.data", "dbscan.data")
        .link("iris.data", "agglo.data")
        .link("iris.data", "suggest.data");
    // An unpruned tree on Breast cancer: the textbook overfitting learning curve.
    sample("cancer", "breast_cancer");
    b.node("deep", "oficina.model.decision_tree_classifier")
        .node("curve", "oficina.eval.learning_curve")
        .link("cancer.data", "deep.data")
        .link("deep.model", "curve.model")
        .link("cancer.data", "curve.data");
    sample("diabetes", "diabetes");
    b.node("dsplit", "oficina.data.split")
        .node("linreg", "oficina.model.linear_regression")
        .node("dpredict", "oficina.model.predict")
        .node("dscore", "oficina.eval.score")
        .link("diabetes.data", "dsplit.data")
        .link("dsplit.train", "linreg.data")
        .link("linreg.model", "dpredict.model")
        .link("dsplit.test", "dpredict.data")
        .link("dpredict.predictions", "dscore.predictions");
    sample("wine", "wine");
    b.node("pca", "oficina.reduce.pca")
        .node("forest", "oficina.model.random_forest_classifier", {{"n_estimators", int64_t(50)}})
        .link("wine.data", "pca.data")
        .link("wine.data", "forest.data");
    return b.graph;
}

} // namespace

class ResultViewsTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    core::RunResult m_run;
    QTranslator m_portuguese;

    void showNode(ui::NodeOutputsView& view, const std::string& id) {
        view.showNode(QString::fromStdString(id), m_run.nodes.at(id));
    }

private Q_SLOTS:
    void initTestCase() {
        core::registerBuiltinNodes(m_registry,
                                   {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        core::Executor executor(m_registry);
        core::RunContext ctx;
        m_run = executor.run(pipelines(), ctx);
        for (const auto& [id, result] : m_run.nodes)
            QVERIFY2(result.state != core::NodeState::Failed, id.c_str());
        QVERIFY2(m_portuguese.load(QStringLiteral(OFICINA_QM_FILE)), OFICINA_QM_FILE);
    }

    void metricNamesAreTranslated() {
        QCOMPARE(ui::metricDisplayName("balanced_accuracy"), QString("Balanced accuracy"));
        QCOMPARE(ui::metricDisplayName("f1_macro"), QString("F1 (macro)"));
        QCOMPARE(ui::metricDisplayName("accuracy_std"), QString("Accuracy, std"));
        QCOMPARE(ui::metricDisplayName("pr:setosa"), QString("Precision–recall: setosa"));
        QCOMPARE(ui::metricDisplayName("no_such_metric"), QString("no_such_metric"));
        QCoreApplication::installTranslator(&m_portuguese);
        QCOMPARE(ui::metricDisplayName("balanced_accuracy"), QString("Acurácia balanceada"));
        QCOMPARE(ui::metricDisplayName("roc_auc_ovr_mean"),
                 QString("AUC ROC (um contra todos, macro), média"));
        QCOMPARE(ui::metricDisplayName("per_class"), QString("Por classe"));
        QCOMPARE(ui::metricDisplayName("no_such_metric"), QString("no_such_metric"));
        QCoreApplication::removeTranslator(&m_portuguese);
    }

    void everyKeyOfTheRunHasAName() {
        // What core wrote in this run (scores, folds, comparison, curves, clusters, PCA,
        // training figures): none may reach the user as a raw key.
        QStringList raw;
        const auto check = [&](const std::string& key) {
            if (ui::metricDisplayName(key) == QString::fromStdString(key) && key != "k")
                raw << QString::fromStdString(key);
        };
        for (const auto& [id, result] : m_run.nodes)
            for (const auto& [port, value] : result.outputs) {
                if (const auto* m = std::get_if<std::shared_ptr<const core::Metrics>>(&value)) {
                    for (const auto& [key, v] : (*m)->scalars) check(key);
                    for (const auto& matrix : (*m)->matrices) {
                        check(matrix.name);
                        // These columns are class labels, metric keys (checked as scalars) or
                        // models' titles: data, not names to translate.
                        if (matrix.name != "comparison" && matrix.name != "folds" &&
                            matrix.name != "confusion_matrix")
                            for (const auto& column : matrix.columnLabels) check(column);
                    }
                } else if (const auto* model =
                               std::get_if<std::shared_ptr<const core::Model>>(&value)) {
                    for (const auto& [key, v] : (*model)->trainingMetrics) check(key);
                }
            }
        QVERIFY2(raw.isEmpty(), qPrintable(raw.join(", ")));
    }

    void scoresShowNamesAndOneCurveChartPerKind() {
        ui::NodeOutputsView view;
        showNode(view, "score");
        const QStringList titles = tabTitles(view.tabs());
        QCOMPARE(titles, QStringList({"Scores", "Confusion matrix", "Per class", "ROC",
                                      "Precision–recall"}));
        auto* scores = qobject_cast<QTableWidget*>(view.tabs()->widget(0));
        QVERIFY(scores);
        QCOMPARE(scores->item(1, 0)->text(), QString("Balanced accuracy"));
        QCOMPARE(scores->item(1, 0)->toolTip(), QString("balanced_accuracy"));

        auto* pr = tab<ui::PrecisionRecallChart>(view.tabs());
        QVERIFY(pr);
        QCOMPARE(pr->curveCount(), 3);
        QVERIFY2(pr->curveNames()[2].startsWith("virginica (AP "),
                 qPrintable(pr->curveNames().join(", ")));
        const auto& metrics = std::get<std::shared_ptr<const core::Metrics>>(
            m_run.nodes.at("score").outputs.at("metrics"));
        const core::LabeledMatrix* virginica = metrics->matrix("pr:virginica");
        QVERIFY(virginica);
        QCOMPARE(static_cast<QXYSeries*>(pr->chart()->series()[2])->count(),
                 int(virginica->rowLabels.size()));
        for (double ap : pr->averagePrecisions()) QVERIFY(ap > 0.5 && ap <= 1.0);
        // The numbers stay one click away: every class's points in one table.
        QVERIFY(pr->hasDataView());
        pr->showData(true);
        auto* table = qobject_cast<QTableView*>(pr->dataView());
        QVERIFY(table);
        QVERIFY(pr->dataShown());
        size_t rows = 0;
        for (const char* c : {"pr:setosa", "pr:versicolor", "pr:virginica"})
            rows += metrics->matrix(c)->rowLabels.size();
        QCOMPARE(size_t(table->model()->rowCount()), rows);
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QString("Class"));
        QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), QString("Recall"));
        QCOMPARE(table->model()->index(int(rows) - 1, 0).data().toString(), QString("virginica"));
    }

    void binaryAveragePrecisionMatchesCore() {
        // Two classes: core's average_precision (checked against scikit-learn in core) must be
        // what the step sum over the drawn curve gives.
        core::Metrics m;
        m.scalars = {{"average_precision", 0.0}};
        m.matrices.push_back({"pr:yes", {"1", "2", "3", "4"}, {"recall", "precision", "threshold"},
                              {1, 0.5, 0.1, 0.5, 0.667, 0.4, 0.5, 1, 0.8, 0, 1, 1.8}});
        const QList<QPointF> curve{{1, 0.5}, {0.5, 0.667}, {0.5, 1}, {0, 1}};
        QCOMPARE(ui::averagePrecision(curve), 0.5 * 0.5 + 0.5 * 1.0);
        m.scalars[0].second = ui::averagePrecision(curve);
        ui::PrecisionRecallChart chart;
        chart.setMetrics(m);
        QCOMPARE(chart.curveNames(), QStringList({"yes (AP 0.750)"}));
    }

    void comparisonBarsWithStandardDeviation() {
        ui::NodeOutputsView view;
        showNode(view, "compare");
        auto* bars = tab<ui::ScoreBarsChart>(view.tabs());
        QVERIFY2(bars, qPrintable(tabTitles(view.tabs()).join(", ")));
        const auto& metrics = std::get<std::shared_ptr<const core::Metrics>>(
            m_run.nodes.at("compare").outputs.at("metrics"));
        const core::LabeledMatrix& m = *metrics->matrix("comparison");
        QCOMPARE(bars->metric(), QString("accuracy"));
        QVERIFY(bars->metrics().contains("f1_macro"));
        QCOMPARE(bars->barNames(), QStringList({"Logistic regression", "Decision tree classifier",
                                                "k-NN classifier"}));
        const auto column = [&](const std::string& name) {
            return size_t(std::find(m.columnLabels.begin(), m.columnLabels.end(), name) -
                          m.columnLabels.begin());
        };
        for (size_t r = 0; r < 3; ++r) {
            QCOMPARE(bars->barValues()[r], m.at(r, column("accuracy_mean")));
            QCOMPARE(bars->errors()[r], m.at(r, column("accuracy_std")));
        }
        bars->setMetric("f1_macro");
        QCOMPARE(bars->barValues()[1], m.at(1, column("f1_macro_mean")));
        // One bar set of three bars, drawn top-down in row order; three whiskers.
        int barSeries = 0, lines = 0;
        for (QAbstractSeries* s : bars->chart()->series()) {
            if (auto* h = qobject_cast<QHorizontalBarSeries*>(s)) {
                ++barSeries;
                QCOMPARE(int(h->barSets().size()), 1);
                QCOMPARE(h->barSets()[0]->count(), 3);
                QCOMPARE(h->barSets()[0]->at(2), bars->barValues()[0]);
            } else {
                ++lines;
            }
        }
        QCOMPARE(barSeries, 1);
        QCOMPARE(lines, 3);
        QVERIFY(bars->hasDataView());
    }

    void foldsAndLearningCurveCharts() {
        ui::NodeOutputsView view;
        showNode(view, "cv");
        auto* folds = tab<ui::ScoreBarsChart>(view.tabs());
        QVERIFY2(folds, qPrintable(tabTitles(view.tabs()).join(", ")));
        const auto& cv = std::get<std::shared_ptr<const core::Metrics>>(
            m_run.nodes.at("cv").outputs.at("metrics"));
        const core::LabeledMatrix& perFold = *cv->matrix("folds");
        QCOMPARE(int(folds->barNames().size()), 5);
        QCOMPARE(folds->barNames()[0], QString("Fold 1"));
        for (size_t f = 0; f < 5; ++f) QCOMPARE(folds->barValues()[f], perFold.at(f, 0));
        QVERIFY(folds->errors().empty());

        showNode(view, "curve");
        auto* curve = tab<ui::LearningCurveChart>(view.tabs());
        QVERIFY2(curve, qPrintable(tabTitles(view.tabs()).join(", ")));
        const auto& lc = std::get<std::shared_ptr<const core::Metrics>>(
            m_run.nodes.at("curve").outputs.at("metrics"));
        const core::LabeledMatrix& m = *lc->matrix("learning_curve");
        QCOMPARE(curve->trainPoints().size(), qsizetype(m.rowLabels.size()));
        QCOMPARE(curve->bandCount(), 2);
        for (size_t r = 0; r < m.rowLabels.size(); ++r) {
            QCOMPARE(curve->trainPoints()[qsizetype(r)], QPointF(m.at(r, 0), m.at(r, 1)));
            QCOMPARE(curve->validationPoints()[qsizetype(r)], QPointF(m.at(r, 0), m.at(r, 3)));
        }
        // The unpruned tree learns its training rows by heart: the gap the chart is there for.
        QCOMPARE(curve->trainPoints().back().y(), 1.0);
        QVERIFY(curve->validationPoints().back().y() < 0.97);
    }

    void decisionGridIsComputedOffTheUiThread() {
        ui::NodeOutputsView view;
        view.setNodeInputs({{"data", m_run.nodes.at("select").outputs.at("data")}});
        showNode(view, "lr2");
        auto* boundary = tab<ui::DecisionBoundaryView>(view.tabs());
        QVERIFY(boundary);
        QVERIFY(boundary->computing());
        QCOMPARE(boundary->grid().resolution, 0);
        QSignalSpy done(boundary, &ui::DecisionBoundaryView::computed);
        QVERIFY(done.wait(20000));
        QVERIFY(!boundary->computing());
        QCOMPARE(boundary->grid().resolution, 150);
        QCOMPARE(boundary->pointCount(), 150);
    }

    void boundaryViewDeletedMidComputation() {
        QSemaphore release;
        std::atomic<bool> finished = false;
        auto* view = new ui::DecisionBoundaryView;
        view->compute(
            [&] {
                // If compute() ran the job on this thread, the test would stall here 2 s and
                // then see the grid already set.
                release.tryAcquire(1, 2000);
                core::DecisionGrid grid;
                grid.resolution = 2;
                grid.classes = {0, 1, 1, 0};
                grid.labels = {"a", "b"};
                finished = true;
                return grid;
            },
            nullptr);
        QVERIFY(view->computing());
        QVERIFY(!finished);
        delete view;  // mid-computation
        release.release();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QVERIFY(finished);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();  // a late result must reach no one

        ui::DecisionBoundaryView failing;
        QSignalSpy done(&failing, &ui::DecisionBoundaryView::computed);
        failing.compute([]() -> core::DecisionGrid {
            throw core::Error(core::Message("the model cannot predict here"));
        }, nullptr);
        QVERIFY(done.wait(10000));
        QCOMPARE(failing.note(), QString("the model cannot predict here"));
        QVERIFY(!failing.computing());
    }

    void enlargedSaveFillsTheImage() {
        ui::NodeOutputsView view;
        view.resize(520, 380);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        showNode(view, "score");
        auto* roc = tab<ui::RocChart>(view.tabs());
        view.tabs()->setCurrentWidget(roc);
        auto* pr = tab<ui::PrecisionRecallChart>(view.tabs());  // on a hidden tab
        QTemporaryDir dir;
        for (ui::ClassCurvesChart* chart : {static_cast<ui::ClassCurvesChart*>(roc),
                                            static_cast<ui::ClassCurvesChart*>(pr)}) {
            const QString path = dir.filePath("chart.png");
            QVERIFY(chart->saveImage(path, QSize(1400, 1000)));
            const QImage image(path);
            QCOMPARE(image.size(), QSize(2800, 2000));
            // The chart's own white background reaches the edges: no band of window grey
            // where the plot kept its on-screen size.
            const QColor background(image.pixel(4, 4));
            QVERIFY(background != chart->palette().color(QPalette::Window));
            for (const QPoint p : {QPoint(2790, 1000), QPoint(1400, 1990), QPoint(2790, 1990)})
                QCOMPARE(QColor(image.pixel(p)).name(), background.name());
        }
    }

    void gallery_data() {
        QTest::addColumn<bool>("portuguese");
        QTest::newRow("en") << false;
        QTest::newRow("pt_BR") << true;
    }

    void gallery() {
        QFETCH(bool, portuguese);
        if (portuguese) QCoreApplication::installTranslator(&m_portuguese);
        const auto cleanup = qScopeGuard([&] {
            if (portuguese) QCoreApplication::removeTranslator(&m_portuguese);
        });
        QString outDir = qEnvironmentVariable("OFICINA_SHOTS");
        if (!outDir.isEmpty()) {
            outDir += portuguese ? "/pt_BR" : "/en";
            QDir().mkpath(outDir);
        }
        ui::NodeOutputsView view;
        view.resize(760, 540);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        int shots = 0;
        const auto shoot = [&](QWidget* page, const QString& name) {
            QTest::qWait(20);  // the scene drops replaced axes' items on a later event
            const QImage image = page->grab().toImage();
            QVERIFY2(colourCount(image) > 8, qPrintable(name));
            if (!outDir.isEmpty()) QVERIFY(image.save(outDir + "/" + name + ".png"));
            ++shots;
        };
        for (const char* id : {"score", "compare", "cv", "curve", "dscore", "pca", "forest",
                               "lr", "dbscan", "agglo", "suggest", "lr2"}) {
            if (std::string(id) == "lr2")
                view.setNodeInputs({{"data", m_run.nodes.at("select").outputs.at("data")}});
            showNode(view, id);
            for (int i = 0; i < view.tabs()->count(); ++i) {
                QWidget* page = view.tabs()->widget(i);
                if (!qobject_cast<ui::ChartView*>(page)) continue;
                view.tabs()->setCurrentIndex(i);
                if (auto* boundary = qobject_cast<ui::DecisionBoundaryView*>(page))
                    QTRY_VERIFY_WITH_TIMEOUT(!boundary->computing(), 20000);
                const QString name = QString("%1-%2").arg(id).arg(i);
                shoot(page, name);
                if (auto* scatter = qobject_cast<ui::ScatterPlot*>(page)) {
                    scatter->setLabelShapes(true);
                    shoot(page, name + "-shapes");
                } else if (auto* loss = qobject_cast<ui::LossChart*>(page)) {
                    loss->setLogScale(true);
                    shoot(page, name + "-log");
                } else if (auto* residuals = qobject_cast<ui::ResidualPlot*>(page)) {
                    residuals->setMode(ui::ResidualPlot::Mode::ResidualsVsPredicted);
                    shoot(page, name + "-residuals");
                }
            }
        }
        QVERIFY(shots >= 20);
    }
};

QTEST_MAIN(ResultViewsTest)
#include "tst_resultviews.moc"

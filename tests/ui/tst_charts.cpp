// Charts built from real core results (a trained and scored Iris pipeline, PCA, regression
// metrics): series and point counts, values that must match core's numbers, saving as PNG and
// SVG, the live loss chart with 10,000+ points, and the timing of a 100,000-point scatter.
#include "TabHelpers.h"
#include "charts/ConfusionMatrixView.h"
#include "charts/DecisionBoundaryView.h"
#include "charts/DendrogramView.h"
#include "charts/LossChart.h"
#include "charts/ResidualPlot.h"
#include "charts/RocChart.h"
#include "charts/ScatterPlot.h"
#include "charts/VarianceBars.h"
#include "data/CsvReader.h"
#include "data/Table.h"
#include "reduce/Pca.h"
#include "eval/Metrics.h"
#include "eval/RegressionMetrics.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"

#include <QAbstractScrollArea>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTabWidget>
#include <QValueAxis>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <random>

using namespace oficina;

namespace {

template <typename T>
std::shared_ptr<const T> output(const core::RunResult& r, const std::string& node,
                                const std::string& port) {
    return std::get<std::shared_ptr<const T>>(r.nodes.at(node).outputs.at(port));
}

/// Three blobs and some noise, with a cluster column as a clustering node outputs it.
std::shared_ptr<const core::Table> clusteredTable(size_t rows, bool withTarget) {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 0.5);
    std::vector<double> x(rows), y(rows);
    std::vector<int32_t> cluster(rows), label(rows);
    const double cx[] = {0, 5, 0}, cy[] = {0, 0, 5};
    for (size_t i = 0; i < rows; ++i) {
        const int c = int(i % 3);
        x[i] = cx[c] + noise(rng);
        y[i] = cy[c] + noise(rng);
        cluster[i] = i % 50 == 49 ? core::Column::kMissingCode : c;  // DBSCAN-style noise
        label[i] = i % 10 == 0 ? (c + 1) % 3 : c;
    }
    std::vector<core::Column> columns{core::Column::numeric("x", std::move(x)),
                                      core::Column::numeric("y", std::move(y))};
    if (withTarget)
        columns.push_back(core::Column::categorical("label", std::move(label), {"a", "b", "c"},
                                                    core::ColumnRole::Target));
    columns.push_back(core::Column::categorical(core::kClusterColumn, std::move(cluster),
                                                {"0", "1", "2"}, core::ColumnRole::Cluster));
    return std::make_shared<const core::Table>(std::move(columns));
}

void checkSaved(ui::ChartView& chart, const QString& dir, const QString& name) {
    const QString png = dir + "/" + name + ".png";
    const QString svg = dir + "/" + name + ".svg";
    QVERIFY(chart.saveImage(png, QSize(640, 480)));
    QVERIFY(chart.saveImage(svg, QSize(640, 480)));
    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(png));
    QCOMPARE(image.size(), QSize(1280, 960));  // written at 2× for crisp slides
    // Not blank: more than two colours in the picture.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 2, qPrintable(name));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY2(text.size() > 2000, qPrintable(name));  // drawn content, not an empty frame
    if (!qEnvironmentVariableIsEmpty("OFICINA_SHOTS"))
        QFile::copy(png, qEnvironmentVariable("OFICINA_SHOTS") + "/" + name + ".png");
}

} // namespace

class ChartsTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    core::RunResult m_iris;  // iris → split → scale → lr → predict(test) → score
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        core::registerBuiltinNodes(m_registry,
                                   {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        core::Graph g;
        for (const auto& [id, type] : std::vector<std::pair<std::string, std::string>>{
                 {"iris", "oficina.data.sample"}, {"split", "oficina.data.split"},
                 {"scale", "oficina.scale.standard"}, {"lr", "oficina.model.logistic_regression"},
                 {"predict", "oficina.model.predict"}, {"score", "oficina.eval.score"},
                 {"pca", "oficina.reduce.pca"}})
            g.addNode({id, type, "", {}, {}});
        const auto link = [&](const char* from, const char* to) {
            g.connect({*core::PortRef::parse(from), *core::PortRef::parse(to)});
        };
        link("iris.data", "split.data");
        link("split.train", "scale.data");
        link("scale.data", "lr.data");
        link("lr.model", "predict.model");
        link("split.test", "predict.data");
        link("predict.predictions", "score.predictions");
        link("iris.data", "pca.data");
        core::Executor executor(m_registry);
        core::RunContext ctx;
        m_iris = executor.run(g, ctx);
        QVERIFY(!m_iris.anyFailed());
    }

    void confusionMatrixFromScoredIris() {
        const auto metrics = output<core::Metrics>(m_iris, "score", "metrics");
        const core::LabeledMatrix* cm = metrics->matrix("confusion_matrix");
        QVERIFY(cm);
        ui::ConfusionMatrixView view;
        view.setMatrix(*cm);
        QCOMPARE(view.classCount(), 3);
        double total = 0, diagonal = 0;
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) {
                QCOMPARE(view.count(r, c), cm->at(size_t(r), size_t(c)));
                total += view.count(r, c);
                diagonal += r == c ? view.count(r, c) : 0;
            }
        QCOMPARE(total, 38.0);  // 25% of 150 rows held out, rounded up as scikit-learn does
        QCOMPARE(diagonal / total, *metrics->scalar("accuracy"));
        checkSaved(view, m_dir.path(), "confusion_matrix");
    }

    void rocCurvesWithTheirArea() {
        const auto metrics = output<core::Metrics>(m_iris, "score", "metrics");
        ui::RocChart chart;
        chart.setMetrics(*metrics);
        QCOMPARE(chart.curveCount(), 3);  // one per class, one-vs-rest
        const QStringList names = chart.curveNames();
        QVERIFY2(names[0].startsWith("setosa (AUC "), qPrintable(names.join(", ")));
        // Each curve's points are the matrix rows, and the macro mean of the areas is core's
        // roc_auc_ovr.
        double sum = 0;
        const auto series = chart.chart()->series();
        for (int i = 0; i < 3; ++i) {
            const auto* line = static_cast<QXYSeries*>(series[i]);
            const core::LabeledMatrix* m = nullptr;
            for (const auto& mm : metrics->matrices)
                if (mm.name == "roc:" + names[i].section(' ', 0, 0).toStdString()) m = &mm;
            QVERIFY(m);
            QCOMPARE(size_t(line->count()), m->rowLabels.size());
            sum += ui::areaUnderCurve(line->points());
        }
        QVERIFY(qAbs(sum / 3 - *metrics->scalar("roc_auc_ovr")) < 1e-12);
        QVERIFY(chart.note().contains(QString::number(*metrics->scalar("roc_auc_ovr"), 'f', 3)));
        checkSaved(chart, m_dir.path(), "roc");
    }

    // Charts localise their numbers ("0,5" in Portuguese), and Qt Charts then formats a value
    // axis's labels only from a "%.<precision><conversion>" format: "%g" draws no tick labels.
    void axisLabelsSurviveLocalisedNumbers() {
        ui::LossChart loss;
        for (int step = 1; step <= 5; ++step) loss.append("loss", step, 1.0 / step);
        loss.refresh();
        ui::ScatterPlot scatter;
        const QRegularExpression localisable(QStringLiteral("^[^%]*%\\.\\d+[defgiEG]"));
        for (QChart* chart : {loss.chart(), scatter.chart()}) {
            QVERIFY(chart->localizeNumbers());
            for (QAbstractAxis* axis : chart->axes())
                if (auto* values = qobject_cast<QValueAxis*>(axis))
                    QVERIFY2(values->labelFormat().isEmpty() ||
                                 localisable.match(values->labelFormat()).hasMatch(),
                             qPrintable(values->labelFormat()));
        }
    }

    // Cross-validation refits once per fold, so the step starts again: each fold is a line of its
    // own (no line back to step 1), earlier folds faded, one legend entry for the series.
    void lossChartKeepsRefitsApart() {
        ui::LossChart chart;
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (int fold = 0; fold < 3; ++fold)
            for (int step = 1; step <= 10; ++step) chart.append("loss", step, 1.0 / step + fold);
        chart.refresh();
        QCOMPARE(chart.runCount("loss"), 3);
        QCOMPARE(chart.pointCount("loss"), size_t(30));
        QCOMPARE(chart.drawnCount("loss"), 10);
        const auto lines = chart.chart()->series();
        QCOMPARE(lines.size(), 3);
        for (QAbstractSeries* line : lines)
            QCOMPARE(static_cast<QXYSeries*>(line)->count(), 10);
        QVERIFY(static_cast<QXYSeries*>(lines[0])->pen().color().alpha() < 255);
        QCOMPARE(static_cast<QXYSeries*>(lines[2])->pen().color().alpha(), 255);
        QTest::qWait(20);  // the legend lays its markers out on a later event
        int visibleMarkers = 0;
        for (QLegendMarker* marker : chart.chart()->legend()->markers())
            visibleMarkers += marker->isVisible();
        QCOMPARE(visibleMarkers, 1);
    }

    void lossChartNamesItsAxisAfterALoneSeries() {
        ui::LossChart chart;
        chart.append("inertia", 1, 150.0);
        const auto title = [&] {
            for (QAbstractAxis* axis : chart.chart()->axes(Qt::Vertical))
                if (axis->alignment() == Qt::AlignLeft) return axis->titleText();
            return QString();
        };
        QCOMPARE(title(), QStringLiteral("Inertia"));
        chart.append("loss", 1, 0.5);
        QCOMPARE(title(), QStringLiteral("Loss"));
    }

    void lossChartWithTenThousandPoints() {
        ui::LossChart chart;
        chart.resize(600, 400);
        for (int i = 0; i < 12'000; ++i) {
            chart.append("loss", i, 2.0 * std::exp(-i / 2000.0) + (i == 7777 ? 3.0 : 0.0));
            chart.append("val_loss", i, 2.2 * std::exp(-i / 2500.0));
            if (i % 100 == 0) chart.append("accuracy", i, 1 - std::exp(-i / 3000.0));
        }
        QElapsedTimer timer;
        timer.start();
        chart.refresh();
        qInfo("loss chart: 24,120 points refreshed in %.1f ms", double(timer.nsecsElapsed()) / 1e6);
        QCOMPARE(chart.pointCount("loss"), size_t(12'000));
        QVERIFY(chart.drawnCount("loss") <= int(ui::LossChart::kMaxDrawn) + 3);
        QVERIFY(chart.drawnCount("loss") > 1000);
        QCOMPARE(chart.drawnCount("accuracy"), 120);  // few points: drawn as they are
        // The spike survives decimation.
        const auto* loss = static_cast<QXYSeries*>(chart.chart()->series()[0]);
        double top = 0;
        for (const QPointF& p : loss->points()) top = std::max(top, p.y());
        QVERIFY(top > 3.0);
        chart.setLogScale(true);
        QVERIFY(chart.logScale());
        bool log = false;
        for (QAbstractAxis* a : chart.chart()->axes(Qt::Vertical))
            log = log || qobject_cast<QLogValueAxis*>(a) != nullptr;
        QVERIFY(log);
        QCOMPARE(chart.pointCount("loss"), size_t(12'000));
        checkSaved(chart, m_dir.path(), "loss");
    }

    // What a network's trainer streams: per-batch loss at fractional epochs, per-epoch loss,
    // validation loss, R² (negative in the first epochs) and the learning rate.
    void lossChartOfARegressionNetwork() {
        ui::LossChart chart;
        chart.resize(640, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int epochs = 20, batches = 25;
        for (int e = 1; e <= epochs; ++e) {
            for (int b = 1; b <= batches; ++b) {
                const double t = e - 1 + double(b) / batches;
                chart.append("batch_loss", t, 3.0 / t * (1 + 0.3 * std::sin(7.0 * t * b)));
            }
            chart.append("loss", e, 3.0 / e);
            chart.append("val_loss", e, 3.2 / e + 0.05);
            chart.append("r2", e, 1 - 3.5 / e);      // -2.5 at epoch 1
            chart.append("val_r2", e, 1 - 4.0 / e);  // -3 at epoch 1
            chart.append("lr", e, e <= 10 ? 0.01 : 0.001);
        }
        chart.refresh();
        QCOMPARE(chart.pointCount("batch_loss"), size_t(epochs * batches));
        QCOMPARE(chart.drawnCount("batch_loss"), epochs * batches);
        QCOMPARE(chart.pointCount("lr"), size_t(epochs));

        QValueAxis* left = nullptr;
        QValueAxis* right = nullptr;
        for (QAbstractAxis* axis : chart.chart()->axes(Qt::Vertical))
            (axis->alignment() == Qt::AlignLeft ? left : right) = qobject_cast<QValueAxis*>(axis);
        QVERIFY(left && right && right->isVisible());
        QMap<QString, QLineSeries*> byName;
        for (QAbstractSeries* series : chart.chart()->series())
            byName[series->name()] = static_cast<QLineSeries*>(series);
        // Translated legend names; no line for the learning rate.
        QCOMPARE(byName.keys(), (QStringList{"Loss", "Loss per batch", "R²", "Validation R²",
                                             "Validation loss"}));
        for (const QString& name : {"R²", "Validation R²"}) {
            QCOMPARE(byName[name]->attachedAxes().size(), 2);
            QVERIFY(byName[name]->attachedAxes().contains(right));
        }
        QVERIFY(byName["Loss per batch"]->attachedAxes().contains(left));
        // The batch line is thin and faint, under the epoch loss in the same colour.
        const QPen batch = byName["Loss per batch"]->pen(), epoch = byName["Loss"]->pen();
        QVERIFY(batch.widthF() < epoch.widthF());
        QVERIFY(batch.color().alpha() < 128);
        QCOMPARE(batch.color().rgb(), epoch.color().rgb());
        QVERIFY(chart.chart()->series().indexOf(byName["Loss per batch"]) <
                chart.chart()->series().indexOf(byName["Loss"]));
        // R² down to -3: the right axis reaches -1, not further, and the note says why.
        QCOMPARE(right->min(), -1.0);
        QCOMPARE(right->max(), 1.0);
        QCOMPARE(right->titleText(), QStringLiteral("R²"));
        QCOMPARE(chart.chart()->axes(Qt::Horizontal).front()->titleText(),
                 QStringLiteral("Epoch"));
        QVERIFY2(chart.note().contains("R² below −1 (lowest -3) runs off the axis"),
                 qPrintable(chart.note()));
        // The learning rate is named, not drawn, and does not pull the loss axis to 0.001.
        QVERIFY2(chart.note().contains("Learning rate 0.01 → 0.001"), qPrintable(chart.note()));
        double batchMin = 1e9;
        for (const QPointF& p : byName["Loss per batch"]->points())
            batchMin = std::min(batchMin, p.y());
        QVERIFY(left->min() <= batchMin);
        QVERIFY(left->min() >= 0);
        // The first batches (up to 97) run off the top rather than squash the epoch curves
        // (3.25 at most), which keep half the height or more.
        QVERIFY(left->max() >= 3.25);
        QVERIFY2(left->max() <= 2 * 3.25, qPrintable(QString::number(left->max())));
        checkSaved(chart, m_dir.path(), "loss_network_regression");

        // R² that never goes below 0 keeps accuracy's 0–1; a little below, a tighter axis than
        // -1, with no note about it.
        chart.clear();
        for (int e = 1; e <= 5; ++e) chart.append("r2", e, 0.2 * e - 0.2);
        chart.refresh();
        QCOMPARE(right->min(), 0.0);
        chart.clear();
        for (int e = 1; e <= 5; ++e) chart.append("r2", e, 0.2 * e - 0.3);
        chart.refresh();
        QCOMPARE(right->min(), -0.25);
        QVERIFY(chart.note().isEmpty());
    }

    void lossChartOfAClassificationNetwork() {
        ui::LossChart chart;
        chart.resize(640, 420);
        for (int e = 1; e <= 10; ++e) {
            for (int b = 1; b <= 4; ++b) chart.append("batch_loss", e - 1 + b / 4.0, 1.0 / e);
            chart.append("loss", e, 1.0 / e);
            chart.append("val_loss", e, 1.1 / e);
            chart.append("accuracy", e, 1 - 0.5 / e);
            chart.append("val_accuracy", e, 1 - 0.6 / e);
            chart.append("lr", e, 0.001);
        }
        chart.refresh();
        QValueAxis* right = nullptr;
        for (QAbstractAxis* axis : chart.chart()->axes(Qt::Vertical))
            if (axis->alignment() == Qt::AlignRight) right = qobject_cast<QValueAxis*>(axis);
        QVERIFY(right);
        QCOMPARE(right->min(), 0.0);
        QCOMPARE(right->max(), 1.0);
        QCOMPARE(right->titleText(), QStringLiteral("Accuracy"));
        QCOMPARE(chart.note(), QStringLiteral("Learning rate 0.001"));
        QCOMPARE(chart.chart()->series().size(), 5);
        checkSaved(chart, m_dir.path(), "loss_network_classification");
    }

    void decimationKeepsExtremes() {
        std::vector<QPointF> points;
        for (int i = 0; i < 100'000; ++i) points.emplace_back(i, i == 5000 ? -9 : (i % 2));
        const auto shown = ui::decimateForDisplay(points, 3000);
        QVERIFY(shown.size() <= 3001);
        QCOMPARE(shown.front(), points.front());
        QCOMPARE(shown.back(), points.back());
        QVERIFY(std::any_of(shown.begin(), shown.end(), [](QPointF p) { return p.y() == -9; }));
        for (size_t i = 1; i < shown.size(); ++i) QVERIFY(shown[i].x() > shown[i - 1].x());
    }

    void scatterColoursClustersAndMarksCentroids() {
        const auto table = clusteredTable(3000, true);
        ui::ScatterPlot plot;
        plot.resize(700, 500);
        plot.setTable(table);
        QCOMPARE(plot.xColumn(), QStringLiteral("x"));
        QCOMPARE(plot.yColumn(), QStringLiteral("y"));
        QCOMPARE(plot.drawnPoints(), 3000);
        // Three clusters, noise, centroids.
        QCOMPARE(plot.chart()->series().size(), 5);
        QVERIFY(plot.centroids());
        QCOMPARE(plot.centroids()->count(), 3);
        // Each centroid is the mean of its cluster's points.
        const auto& xs = table->column("x").values();
        const auto& codes = table->column(core::kClusterColumn).codes();
        double sum = 0;
        int n = 0;
        for (size_t i = 0; i < xs.size(); ++i)
            if (codes[i] == 1) sum += xs[i], ++n;
        QVERIFY(qAbs(plot.centroids()->at(1).x() - sum / n) < 1e-9);
        QVERIFY(qAbs(plot.centroids()->at(1).x() - 5) < 0.1);
        bool grey = false;
        for (QAbstractSeries* s : plot.chart()->series())
            if (s->name() == "noise")
                grey = static_cast<QScatterSeries*>(s)->color() == QColor(0xb0, 0xb0, 0xb0);
        QVERIFY(grey);
        QCOMPARE(plot.pointsOf("noise"), 60);
        QCOMPARE(plot.pointsOf("cluster 0"), 1000 - 20);
        // True-label shapes split each colour by label.
        plot.setLabelShapes(true);
        QVERIFY(plot.chart()->series().size() > 8);
        QCOMPARE(plot.drawnPoints(), 3000);
        plot.setColumns("y", "x");
        QCOMPARE(plot.xColumn(), QStringLiteral("y"));
        checkSaved(plot, m_dir.path(), "scatter");
    }

    // Three or more features and no projection: PC1 × PC2 of them is offered and shown first,
    // and it is PCA's own projection (Iris: the first two components).
    void scatterOffersAProjectionOfManyFeatures() {
        core::Table iris =
            core::readCsv(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv").table;
        iris = iris.withColumn(iris.column("species").withRole(core::ColumnRole::Target));
        ui::ScatterPlot plot;
        plot.setTable(std::make_shared<const core::Table>(iris));
        QCOMPARE(plot.xColumn(), QStringLiteral("PC1"));
        QCOMPARE(plot.yColumn(), QStringLiteral("PC2"));
        QCOMPARE(plot.drawnPoints(), 150);
        const core::Table scores = core::fitPca(iris, {.nComponents = 2}).step->apply(iris);
        const std::vector<double>& pc1 = scores.column("PC1").values();
        const auto [lo, hi] = std::minmax_element(pc1.begin(), pc1.end());
        const auto* x = static_cast<QValueAxis*>(plot.chart()->axes(Qt::Horizontal).first());
        QVERIFY(x->min() <= *lo && x->max() >= *hi);
        QVERIFY(x->max() - x->min() < 2 * (*hi - *lo));
        // Two features: nothing to project.
        plot.setTable(clusteredTable(300, false));
        QCOMPARE(plot.xColumn(), QStringLiteral("x"));
    }

    void scatterOfAHundredThousandPoints() {
        const auto table = clusteredTable(100'000, false);
        ui::ScatterPlot plot;
        plot.resize(800, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QElapsedTimer timer;
        timer.start();
        // The scene is painted by the chart view's viewport.
        QWidget* viewport = static_cast<QAbstractScrollArea*>(plot.canvas())->viewport();
        plot.setTable(table);
        viewport->repaint();
        const double first = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        plot.setColumns("y", "x");  // a redraw: new axes, all series rebuilt
        viewport->repaint();
        const double redraw = double(timer.nsecsElapsed()) / 1e6;
        qInfo("scatter of 100,000 points (%s, %d drawn): first %.1f ms, redraw %.1f ms "
              "(series built in %.1f ms)",
              ui::ScatterPlot::openGLAvailable() ? "OpenGL" : "painted", plot.drawnPoints(),
              first, redraw, plot.lastRedrawMs());
        QCOMPARE(plot.drawnPoints(), 100'000);  // all of them, without sampling
        QVERIFY(plot.note().isEmpty());
        QVERIFY2(redraw < 1000, "generous bound; the goal is 200 ms");
        // OpenGL only pays for many points, and draws no marker shapes.
        QVERIFY(!ui::ScatterPlot::useOpenGL(150));
        QVERIFY(!ui::ScatterPlot::useOpenGL(100'000, true));
        QCOMPARE(ui::ScatterPlot::useOpenGL(100'000), ui::ScatterPlot::openGLAvailable());
        // Beyond kMaxPlainPoints, without OpenGL, an even sample, and the chart says so.
        if (!ui::ScatterPlot::openGLAvailable()) {
            plot.setTable(clusteredTable(250'000, false));
            QVERIFY(plot.drawnPoints() <= ui::ScatterPlot::kMaxPlainPoints);
            QVERIFY(plot.drawnPoints() >= ui::ScatterPlot::kMaxPlainPoints * 8 / 10);
            QVERIFY2(plot.note().contains("250,000") || plot.note().contains("250000"),
                     qPrintable(plot.note()));
        }
    }

    void dendrogramFollowsTheMergeTree() {
        // scipy linkage convention: merge 0 joins leaves 2 and 3 (cluster 4), merge 1 joins 0
        // and 4 (cluster 5), merge 2 joins 1 and 5: scipy.cluster.hierarchy.dendrogram draws
        // the leaves in the order 1, 0, 2, 3.
        core::LabeledMatrix tree{"merge_tree", {"0", "1", "2"}, {"left", "right", "distance", "size"},
                                 {2, 3, 0.5, 2, 0, 4, 1.5, 3, 1, 5, 4.0, 4}};
        ui::DendrogramView view;
        view.setMatrix(tree, {"ana", "bia", "caio", "duda"});
        QCOMPARE(view.leafCount(), 4);
        QCOMPARE(view.leafOrder(), (std::vector<int>{1, 0, 2, 3}));
        checkSaved(view, m_dir.path(), "dendrogram");
        // A malformed tree (a merge naming a cluster not made yet) is refused.
        tree.values[0] = 6;
        view.setMatrix(tree);
        QCOMPARE(view.leafCount(), 0);
        QVERIFY(!view.note().isEmpty());
    }

    void varianceBarsFromPca() {
        const auto metrics = output<core::Metrics>(m_iris, "pca", "variance");
        const core::LabeledMatrix* m = metrics->matrix("explained_variance");
        QVERIFY(m);
        ui::VarianceBars bars;
        bars.setMatrix(*m);
        QCOMPARE(bars.barCount(), int(m->rowLabels.size()));
        QCOMPARE(bars.cumulativePoints(), int(m->rowLabels.size()));
        QVERIFY(bars.barCount() >= 2);
        checkSaved(bars, m_dir.path(), "variance");
    }

    void residualsFromRegressionMetrics() {
        std::vector<double> truth, predicted;
        for (int i = 0; i < 500; ++i) {
            truth.push_back(i * 0.1);
            predicted.push_back(i * 0.1 + std::sin(i));
        }
        const core::Metrics metrics = core::regressionMetrics(truth, predicted);
        ui::ResidualPlot plot;
        plot.setMatrix(*metrics.matrix("residuals"));
        QCOMPARE(plot.drawnPoints(), 500);
        QCOMPARE(plot.chart()->series().size(), 2);  // points and the identity line
        const auto* identity = static_cast<QXYSeries*>(plot.chart()->series()[1]);
        QCOMPARE(identity->at(0).x(), identity->at(0).y());
        checkSaved(plot, m_dir.path(), "residuals");
        plot.setMode(ui::ResidualPlot::Mode::ResidualsVsPredicted);
        QCOMPARE(plot.drawnPoints(), 500);
        QCOMPARE(plot.points().at(3).y(), truth[3] - predicted[3]);
        QCOMPARE(plot.points().at(3).x(), predicted[3]);
    }

    void nodeOutputsPickTheViews() {
        ui::NodeOutputsView view;
        view.showNode("Score (score)", m_iris.nodes.at("score"));
        const QStringList titles = tabTitles(view.tabs());
        QVERIFY2(titles.contains("Scores") && titles.contains("Confusion matrix") &&
                     titles.contains("ROC"),
                 qPrintable(titles.join(", ")));
        QVERIFY(tab<ui::ConfusionMatrixView>(view.tabs()));

        view.showNode("PCA (pca)", m_iris.nodes.at("pca"));
        QVERIFY(tab<ui::VarianceBars>(view.tabs()));
        QVERIFY(tab<ui::ScatterPlot>(view.tabs()));  // PC1/PC2 are worth a plot

        // A model node shows its summary, and the loss it streamed while fitting.
        view.showNode("Logistic regression (lr)", m_iris.nodes.at("lr"));
        QVERIFY(tabTitles(view.tabs()).contains("Model"));
        auto* loss = tab<ui::LossChart>(view.tabs());
        QVERIFY(loss);
        QVERIFY(loss->pointCount("loss") > 3);

        // Live points: a chart for the running node that grows with each batch.
        std::vector<core::MetricPoint> batch;
        for (int i = 0; i < 10; ++i) batch.push_back({"lr2", "loss", double(i), 1.0 / (i + 1)});
        batch.push_back({"other", "loss", 0, 9});
        view.appendMetrics("lr2", batch);
        loss = tab<ui::LossChart>(view.tabs());
        QVERIFY(loss);
        QCOMPARE(loss->pointCount("loss"), size_t(10));
        view.appendMetrics("lr2", {{"lr2", "loss", 10, 0.05}, {"lr2", "val_loss", 10, 0.07}});
        QCOMPARE(loss->pointCount("loss"), size_t(11));
        QCOMPARE(loss->pointCount("val_loss"), size_t(1));
        view.clear();
        QCOMPARE(view.tabs()->count(), 0);
    }

    void decisionBoundaryForTwoInputs() {
        core::Graph g;
        g.addNode({"iris", "oficina.data.sample", "", {}, {}});
        g.addNode({"select", "oficina.data.select_columns", "", {}, {}});
        g.addNode({"lr", "oficina.model.logistic_regression", "", {}, {}});
        g.setParameter("select", "features",
                       std::vector<std::string>{"petal length (cm)", "petal width (cm)"});
        g.connect({{"iris", "data"}, {"select", "data"}});
        g.connect({{"select", "data"}, {"lr", "data"}});
        core::Executor executor(m_registry);
        core::RunContext ctx;
        const core::RunResult r = executor.run(g, ctx);
        QVERIFY(!r.anyFailed());
        ui::NodeOutputsView view;
        view.setNodeInputs({{"data", r.nodes.at("select").outputs.at("data")}});
        view.showNode("Logistic regression (lr)", r.nodes.at("lr"));
        auto* boundary = tab<ui::DecisionBoundaryView>(view.tabs());
        QVERIFY2(boundary, qPrintable(tabTitles(view.tabs()).join(", ")));
        QTRY_VERIFY_WITH_TIMEOUT(!boundary->computing(), 20000);  // on the thread pool
        QCOMPARE(boundary->pointCount(), 150);
        QCOMPARE(boundary->grid().resolution, 150);
        QCOMPARE(boundary->grid().labels.size(), size_t(3));
        checkSaved(*boundary, m_dir.path(), "decision_boundary");
        // Without the training table there is nothing to draw the points from.
        view.showNode("Logistic regression (lr)", r.nodes.at("lr"));
        QVERIFY(!tab<ui::DecisionBoundaryView>(view.tabs()));
    }
};

QTEST_MAIN(ChartsTest)
#include "tst_charts.moc"

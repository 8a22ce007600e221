// The teaching nodes against scikit-learn 1.2 (tests/data/make_teaching_fixtures.py): Clusters
// vs classes on the bundled Wine example (ARI, NMI, contingency table, PCA projection, the
// classifier's out-of-fold accuracy), and validation curves over a tree's depth and a
// polynomial's degree equal to validation_curve fold for fold; bad inputs fail with a message.
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/RunContext.h"

#include "../JsonFixture.h"
#include "GraphBuilder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {

QJsonObject fixtureCase(const char* name) {
    return fixture::read(QStringLiteral("sklearn/teaching.json"))
        .object()
        .value(QLatin1String(name))
        .toObject();
}

bool near(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestTeaching : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

    RunResult run(const Graph& g) { return runGraph(m_registry, g); }

    std::string errorOf(const RunResult& r, const std::string& node) {
        const NodeResult& n = r.nodes.at(node);
        return n.state == NodeState::Failed && n.error ? n.error->english() : std::string();
    }

    void compareCurve(const LabeledMatrix& curve, const QJsonObject& expected,
                      const std::string& key, double tolerance) {
        QCOMPARE(curve.columnLabels, (std::vector<std::string>{key, "train_mean", "train_std",
                                                               "test_mean", "test_std"}));
        const char* columns[] = {"values", "train_mean", "train_std", "test_mean", "test_std"};
        const size_t rows = fixture::numbers(expected.value(QLatin1String("values"))).size();
        QCOMPARE(curve.rowLabels.size(), rows);
        for (size_t j = 0; j < 5; ++j) {
            const auto want = fixture::numbers(expected.value(QLatin1String(columns[j])));
            for (size_t i = 0; i < rows; ++i)
                QVERIFY2(near(curve.at(i, j), want[i], tolerance),
                         qPrintable(QStringLiteral("%1 row %2: %3 vs scikit-learn %4")
                                        .arg(columns[j])
                                        .arg(i)
                                        .arg(curve.at(i, j), 0, 'g', 17)
                                        .arg(want[i], 0, 'g', 17)));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void clustersVsClassesEqualsScikitLearn() {
        const QJsonObject c = fixtureCase("clusters_vs_classes");
        const Graph g = loadPipeline(
            OFICINA_SOURCE_DIR "/resources/examples/wine_clusters_vs_classes.oficina", m_registry);
        const RunResult r = run(g);
        QVERIFY2(!r.anyFailed(), errorOf(r, "compare").c_str());
        const Metrics& m = output<Metrics>(r, "compare", "metrics");
        QVERIFY(near(*m.scalar("ari"), fixture::number(c.value(QLatin1String("ari"))), 1e-12));
        QVERIFY(near(*m.scalar("nmi"), fixture::number(c.value(QLatin1String("nmi"))), 1e-12));
        QVERIFY(near(*m.scalar("accuracy"), fixture::number(c.value(QLatin1String("accuracy"))),
                     1e-12));

        // Cluster ids are K-Means' own (scikit-learn's, the same seed), so rows line up.
        const LabeledMatrix* table = m.matrix("contingency");
        QVERIFY(table);
        QCOMPARE(table->rowLabels, (std::vector<std::string>{"0", "1", "2"}));
        QCOMPARE(table->columnLabels, fixture::strings(c.value(QLatin1String("classes"))));
        const QJsonArray expected = c.value(QLatin1String("contingency")).toArray();
        for (size_t i = 0; i < 3; ++i)
            for (size_t j = 0; j < 3; ++j)
                QCOMPARE(table->at(i, j),
                         expected[qsizetype(i)].toArray()[qsizetype(j)].toDouble());

        const LabeledMatrix* points = m.matrix("cluster_class_points");
        QVERIFY(points);
        QCOMPARE(points->columnLabels,
                 (std::vector<std::string>{"PC1", "PC2", "cluster", "class", "prediction"}));
        QCOMPARE(points->values.size(), size_t(178 * 5));
        const auto labels = fixture::integers<int>(c.value(QLatin1String("labels")));
        for (size_t r = 0; r < labels.size(); ++r)
            QCOMPARE(points->at(r, 2), double(labels[r]));
        const QJsonArray head = c.value(QLatin1String("projection_head")).toArray();
        for (qsizetype r = 0; r < head.size(); ++r)
            for (qsizetype j = 0; j < 2; ++j)
                QVERIFY(
                    near(points->at(size_t(r), size_t(j)), head[r].toArray()[j].toDouble(), 1e-9));
    }

    void clustersVsClassesRejectsBadInput_data() {
        QTest::addColumn<QString>("clusteredFrom");
        QTest::addColumn<QString>("classColumn");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not clustered") << "select.data"
                                       << ""
                                       << "no 'cluster' column";
        QTest::newRow("unknown class column") << "kmeans.data"
                                              << "grape"
                                              << "there is no column 'grape'";
        QTest::newRow("measurement as class column") << "kmeans.data"
                                                     << "alcohol"
                                                     << "'alcohol' has non-integer values";
    }

    void clustersVsClassesRejectsBadInput() {
        QFETCH(QString, clusteredFrom);
        QFETCH(QString, classColumn);
        QFETCH(QString, expected);
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("wine")}})
            .node("select", "oficina.data.select_columns")
            .node("kmeans", "oficina.cluster.kmeans", {{"n_clusters", int64_t(3)}})
            .node("cmp", "oficina.teach.clusters_vs_classes",
                  {{"class_column", classColumn.toStdString()}})
            .link("d.data", "select.data")
            .link("select.data", "kmeans.data")
            .link(clusteredFrom.toStdString(), "cmp.clustered");
        const std::string error = errorOf(run(b.graph), "cmp");
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
    }

    void clustersVsClassesNeedsPredictionsOfTheSameRows() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("wine")}})
            .node("split", "oficina.data.split")
            .node("kmeans", "oficina.cluster.kmeans", {{"n_clusters", int64_t(3)}})
            .node("cmp", "oficina.teach.clusters_vs_classes")
            .link("d.data", "split.data")
            .link("d.data", "kmeans.data")
            .link("kmeans.data", "cmp.clustered")
            .link("split.test", "cmp.predictions");
        const std::string error = errorOf(run(b.graph), "cmp");
        QVERIFY2(error.find("rows but the clustered data has 178") != std::string::npos,
                 error.c_str());
    }

    // DBSCAN's noise is a group of its own in the index and the table, as scikit-learn's
    // adjusted_rand_score counts label -1 (the fixture's dbscan_noise case).
    void clustersVsClassesCountsNoiseAsAGroup() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("scale", "oficina.scale.standard")
            .node("dbscan", "oficina.cluster.dbscan")
            .node("cmp", "oficina.teach.clusters_vs_classes")
            .link("d.data", "scale.data")
            .link("scale.data", "dbscan.data")
            .link("dbscan.data", "cmp.clustered");
        const RunResult r = run(b.graph);
        QVERIFY2(!r.anyFailed(), errorOf(r, "cmp").c_str());
        const Metrics& m = output<Metrics>(r, "cmp", "metrics");
        const LabeledMatrix* table = m.matrix("contingency");
        QVERIFY(table);
        QCOMPARE(table->rowLabels.back(), std::string("noise"));
        double total = 0, noise = 0;
        for (size_t i = 0; i < table->rowLabels.size(); ++i)
            for (size_t j = 0; j < table->columnLabels.size(); ++j) {
                total += table->at(i, j);
                if (i + 1 == table->rowLabels.size()) noise += table->at(i, j);
            }
        QCOMPARE(total, 150.0);
        const QJsonObject c = fixtureCase("dbscan_noise");
        QCOMPARE(noise, fixture::number(c.value(QLatin1String("noise"))));
        QVERIFY(near(*m.scalar("ari"), fixture::number(c.value(QLatin1String("ari"))), 1e-12));
        QVERIFY(!m.matrix("cluster_class_points") ||
                m.matrix("cluster_class_points")->columnLabels.size() == 4); // no predictions
    }

    void validationCurveOverTreeDepthEqualsScikitLearn() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("wine")}})
            .node("tree", "oficina.model.decision_tree_classifier")
            .node(
                "vc", "oficina.teach.validation_curve",
                {{"parameter", std::string("max_depth")}, {"from", int64_t(1)}, {"to", int64_t(8)}})
            .link("d.data", "tree.data")
            .link("tree.model", "vc.model")
            .link("d.data", "vc.data");
        const RunResult r = run(b.graph);
        QVERIFY2(!r.anyFailed(), errorOf(r, "vc").c_str());
        const Metrics& m = output<Metrics>(r, "vc", "metrics");
        compareCurve(*m.matrix("validation_curve"), fixtureCase("tree_depth"), "max_depth", 1e-12);
        // The deepest trees memorise their training rows while the held-out score falls back.
        QCOMPARE(*m.scalar("best_value"), 4.0);
    }

    void validationCurveOverPolynomialDegreeEqualsScikitLearn() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("diabetes")}})
            .node("select", "oficina.data.select_columns",
                  {{"features", std::vector<std::string>{"bmi"}},
                   {"target", std::string("progression")}})
            .node("scale", "oficina.scale.standard")
            .node("poly", "oficina.features.polynomial")
            .node("lin", "oficina.model.linear_regression")
            .node("vc", "oficina.teach.validation_curve",
                  {{"parameter", std::string("degree")}, {"from", int64_t(1)}, {"to", int64_t(8)}})
            .link("d.data", "select.data")
            .link("select.data", "scale.data")
            .link("scale.data", "poly.data")
            .link("poly.data", "lin.data")
            .link("lin.model", "vc.model")
            .link("d.data", "vc.data");
        const RunResult r = run(b.graph);
        QVERIFY2(!r.anyFailed(), errorOf(r, "vc").c_str());
        const Metrics& m = output<Metrics>(r, "vc", "metrics");
        compareCurve(*m.matrix("validation_curve"), fixtureCase("polynomial_degree"), "degree",
                     1e-7);
        QCOMPARE(m.task, std::string("regression"));
    }

    void validationCurveNamesAParameterTheRecipeLacks() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("lr", "oficina.model.logistic_regression")
            .node("vc", "oficina.teach.validation_curve", {{"parameter", std::string("degree")}})
            .link("d.data", "lr.data")
            .link("lr.model", "vc.model")
            .link("d.data", "vc.data");
        const std::string error = errorOf(run(b.graph), "vc");
        QVERIFY2(error.find("no parameter 'degree' to vary") != std::string::npos, error.c_str());
    }

    void validationCurveRejectsAnEmptyRange() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("tree", "oficina.model.decision_tree_classifier")
            .node("vc", "oficina.teach.validation_curve",
                  {{"from", int64_t(5)}, {"to", int64_t(2)}})
            .link("d.data", "tree.data")
            .link("tree.model", "vc.model")
            .link("d.data", "vc.data");
        const std::string error = errorOf(run(b.graph), "vc");
        QVERIFY2(error.find("smaller than the first") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTeaching)
#include "tst_teaching.moc"

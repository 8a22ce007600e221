// DBSCAN and the nearest-neighbour search under it, against scikit-learn 1.2
// (tests/data/make_cluster_fixtures.py) and brute force.
#include "cluster/Dbscan.h"
#include "cluster/NearestNeighbors.h"
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "../EigenFixture.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace oficina::core;

namespace {

Eigen::MatrixXd loadFeatures(const std::string& name) {
    const Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    auto names = t.columnNames();
    names.pop_back();
    return featureMatrix(t, names);
}

} // namespace

class DbscanTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("c");
        for (const QJsonValue& v : fixture::cases("sklearn/dbscan.json")) {
            const QJsonObject o = v.toObject();
            QTest::newRow(qPrintable(o["dataset"].toString() + " eps=" +
                                     QString::number(o["eps"].toDouble())))
                << o;
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, c);
        const Eigen::MatrixXd X = c.contains("X")
                                      ? fixture::matrix(c["X"])
                                      : loadFeatures(c["dataset"].toString().toStdString());
        const DbscanFit fit = fitDbscan(
            X, {.eps = c["eps"].toDouble(), .minSamples = c["min_samples"].toInt()});
        const auto expected = fixture::integers<int32_t>(c["labels"]);
        QCOMPARE(fit.labels, expected);
        QCOMPARE(fit.noiseCount, size_t(std::count(expected.begin(), expected.end(), -1)));
        QCOMPARE(fit.clusterCount, *std::max_element(expected.begin(), expected.end()) + 1);
    }

    void twoThreadsGiveTheSameLabels() {
        const Eigen::MatrixXd X = fixture::matrix(fixture::cases("sklearn/dbscan.json")[4]
                                             .toObject()["X"]);
        Eigen::MatrixXd big(X.rows() * 5, 2);
        for (int r = 0; r < 5; ++r) big.middleRows(r * X.rows(), X.rows()) = X.array() + 3.0 * r;
        const auto one = fitDbscan(big, {.eps = 0.1, .minSamples = 5, .threads = 1});
        const auto two = fitDbscan(big, {.eps = 0.1, .minSamples = 5, .threads = 2});
        QCOMPARE(one.labels, two.labels);
        QVERIFY(one.clusterCount >= 10);
    }

    void nearestNeighborsEqualBruteForce() {
        std::mt19937 engine(7);
        std::uniform_int_distribution<int> grid(0, 20);  // coarse grid: many exact ties
        Eigen::MatrixXd X(3000, 3);
        for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = grid(engine) / 20.0;
        NearestNeighbors nn;
        nn.build(X);
        QCOMPARE(nn.size(), Eigen::Index(3000));
        const auto found = nn.knn(X, 6);
        for (Eigen::Index q = 0; q < X.rows(); q += 37) {
            std::vector<std::pair<double, Eigen::Index>> all;
            for (Eigen::Index i = 0; i < X.rows(); ++i) {
                double s = 0;
                for (Eigen::Index j = 0; j < 3; ++j) s += (X(q, j) - X(i, j)) * (X(q, j) - X(i, j));
                all.push_back({s, i});
            }
            std::sort(all.begin(), all.end());
            for (int j = 0; j < 6; ++j) {
                QCOMPARE(found.indices(q, j), all[size_t(j)].second);
                QCOMPARE(found.distances(q, j), std::sqrt(all[size_t(j)].first));
            }
            const auto within = nn.radius(X.row(q).transpose(), 0.1);
            const auto inside = std::count_if(all.begin(), all.end(),
                                              [](const auto& a) { return a.first <= 0.1 * 0.1; });
            QCOMPARE(Eigen::Index(within.size()), Eigen::Index(inside));
            for (size_t j = 1; j < within.size(); ++j)
                QVERIFY(within[j - 1].distance <= within[j].distance);
        }
        QVERIFY_THROWS_EXCEPTION(Error, nn.knn(X, 3001));
        QVERIFY_THROWS_EXCEPTION(Error, nn.knn(Eigen::MatrixXd::Zero(2, 2), 1));
    }

    void nodesDbscanAndKDistance() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {.datasetDirectory = OFICINA_SOURCE_DIR
                                        "/resources/datasets"});
        Table iris = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv").table;
        iris = iris.withColumn(iris.column("species").withRole(ColumnRole::Target));
        RunContext ctx;
        const NodeSpec* dbscan = registry.find("oficina.cluster.dbscan");
        const PortValues out =
            dbscan->run(NodeInputs({{"data", tableValue(iris)}}), dbscan->defaults(), ctx);
        const Column& cluster =
            std::get<std::shared_ptr<const Table>>(out.at("data"))->column(kClusterColumn);
        auto expected = fixture::integers<int32_t>(fixture::cases("sklearn/dbscan.json")[0]
                                                       .toObject()["labels"]);
        QCOMPARE(cluster.codes(), expected);  // noise: -1 = missing code
        QVERIFY(cluster.missingCount() > 0);

        const NodeSpec* kdist = registry.find("oficina.cluster.k_distance");
        const PortValues curve =
            kdist->run(NodeInputs({{"data", tableValue(iris)}}), kdist->defaults(), ctx);
        const Metrics& m = *std::get<std::shared_ptr<const Metrics>>(curve.at("metrics"));
        const LabeledMatrix* k = m.matrix("k_distance");
        QVERIFY(k);
        QCOMPARE(k->rowLabels.size(), size_t(150));
        for (size_t i = 1; i < 150; ++i) QVERIFY(k->at(i - 1, 1) >= k->at(i, 1));
        const double eps = *m.scalar("suggested_eps");
        QVERIFY(eps > k->at(149, 1) && eps < k->at(0, 1));
    }

    void badInput() {
        Eigen::MatrixXd X = Eigen::MatrixXd::Zero(4, 2);
        QVERIFY_THROWS_EXCEPTION(Error, fitDbscan(X, {.eps = 0}));
        X(0, 0) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(Error, fitDbscan(X));
        const auto fit = fitDbscan(Eigen::MatrixXd::Zero(4, 2), {.minSamples = 5});
        QCOMPARE(fit.noiseCount, size_t(4));
        QCOMPARE(fit.clusterCount, 0);
    }
};

QTEST_APPLESS_MAIN(DbscanTest)
#include "tst_dbscan.moc"

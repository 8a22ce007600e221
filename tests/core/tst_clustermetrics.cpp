// Cluster quality scores against scikit-learn 1.2 (tests/data/make_cluster_fixtures.py).
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "eval/ClusterMetrics.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QtTest>

using namespace oficina::core;

namespace {

Eigen::MatrixXd loadFeatures(const std::string& name) {
    const Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    auto names = t.columnNames();
    names.pop_back();
    return featureMatrix(t, names);
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

} // namespace

class ClusterMetricsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("c");
        int i = 0;
        for (const QJsonValue& v : fixture::cases("sklearn/cluster_metrics.json")) {
            const QJsonObject o = v.toObject();
            QTest::newRow(qPrintable(o["dataset"].toString() + " " + o["labelling"].toString() +
                                     QString::number(i++)))
                << o;
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, c);
        const auto labels = fixture::integers<int32_t>(c["labels"]);
        const auto truth = fixture::integers<int32_t>(c["truth"]);
        QVERIFY2(close(adjustedRandScore(truth, labels), c["ari"].toDouble()),
                 qPrintable(QString::number(adjustedRandScore(truth, labels), 'g', 17)));
        QVERIFY2(close(normalizedMutualInfoScore(truth, labels), c["nmi"].toDouble()),
                 qPrintable(QString::number(normalizedMutualInfoScore(truth, labels), 'g', 17)));
        if (c["dataset"].toString() == "pairs") return;
        const Eigen::MatrixXd X = loadFeatures(c["dataset"].toString().toStdString());
        QVERIFY(close(silhouetteScore(X, labels), c["silhouette"].toDouble()));
        QVERIFY(close(silhouetteScore(X, labels, 100, 0), c["silhouette_sampled_100"].toDouble()));
        QVERIFY(close(daviesBouldinScore(X, labels), c["davies_bouldin"].toDouble()));
        QVERIFY(close(calinskiHarabaszScore(X, labels), c["calinski_harabasz"].toDouble()));
    }

    void clusteringMetricsSkipNoise() {
        Eigen::MatrixXd X(6, 1);
        X << 0, 0.1, 5, 5.1, 100, 0.05;
        const std::vector<int32_t> labels{0, 0, 1, 1, -1, 0};
        const std::vector<int32_t> truth{0, 0, 1, 1, 1, 0};
        const Metrics m = clusteringMetrics(X, labels, &truth);
        QCOMPARE(m.task, std::string("clustering"));
        QCOMPARE(*m.scalar("n_clusters"), 2.0);
        QCOMPARE(*m.scalar("noise"), 1.0);
        QVERIFY(*m.scalar("silhouette") > 0.9);
        QVERIFY(m.scalar("ari") && m.scalar("nmi"));
        const std::vector<int32_t> one{0, 0, 0, 0, 0, 0};
        const Metrics single = clusteringMetrics(X, one);
        QVERIFY(!single.scalar("silhouette"));
        QVERIFY_THROWS_EXCEPTION(Error, silhouetteScore(X, one));
    }
};

QTEST_APPLESS_MAIN(ClusterMetricsTest)
#include "tst_clustermetrics.moc"

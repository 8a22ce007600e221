// Agglomerative clustering against scipy 1.10 (merge tree) and scikit-learn 1.2 (labels,
// numbering included), from tests/data/make_cluster_fixtures.py.
#include "cluster/Agglomerative.h"
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

using namespace oficina::core;

namespace {

Eigen::MatrixXd loadFeatures(const std::string& name) {
    const Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    auto names = t.columnNames();
    names.pop_back();
    return featureMatrix(t, names);
}

Linkage linkageOf(const QString& name) {
    if (name == "ward") return Linkage::Ward;
    if (name == "complete") return Linkage::Complete;
    if (name == "average") return Linkage::Average;
    return Linkage::Single;
}

} // namespace

class AgglomerativeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScipyAndScikitLearn_data() {
        QTest::addColumn<QJsonObject>("c");
        for (const QJsonValue& v : fixture::cases("sklearn/agglomerative.json")) {
            const QJsonObject o = v.toObject();
            QTest::newRow(qPrintable(o["dataset"].toString() + " " + o["linkage"].toString() +
                                     (o.contains("distance_threshold") ? " threshold" : "")))
                << o;
        }
    }

    void matchesScipyAndScikitLearn() {
        QFETCH(QJsonObject, c);
        const Eigen::MatrixXd X = c.contains("X")
                                      ? fixture::matrix(c["X"])
                                      : loadFeatures(c["dataset"].toString().toStdString());
        AgglomerativeOptions options;
        options.linkage = linkageOf(c["linkage"].toString());
        if (c.contains("distance_threshold"))
            options.distanceThreshold = c["distance_threshold"].toDouble();
        else
            options.nClusters = c["n_clusters"].toInt();
        const AgglomerativeFit fit = fitAgglomerative(X, options);
        QCOMPARE(fit.tree.rows(), X.rows() - 1);
        if (c.contains("scipy_linkage")) {
            const Eigen::MatrixXd Z = fixture::matrix(c["scipy_linkage"]);
            QVERIFY((fit.tree.col(2) - Z.col(2)).cwiseAbs().maxCoeff() <=
                    1e-9 * std::max(1.0, Z.col(2).maxCoeff()));
            // Merge order and cluster numbers too, except where equal distances make the order
            // arbitrary (exact duplicates in iris merge at 0 in any order).
            Eigen::Index sameMerges = 0;
            for (Eigen::Index r = 0; r < Z.rows(); ++r)
                sameMerges += fit.tree.row(r) == Z.row(r);
            QVERIFY2(sameMerges >= Z.rows() * 95 / 100, qPrintable(QString::number(sameMerges)));
        } else {
            QCOMPARE(fit.clusterCount, c["n_clusters_found"].toInt());
        }
        QCOMPARE(fit.labels, fixture::integers<int32_t>(c["labels"]));
    }

    void mergeTreeFollowsScipyConvention() {
        Eigen::MatrixXd X(4, 1);
        X << 0, 1, 5, 7;
        const Eigen::MatrixXd Z = linkageTree(X, Linkage::Single);
        Eigen::MatrixXd expected(3, 4);
        expected << 0, 1, 1, 2,  //
            2, 3, 2, 2,          //
            4, 5, 4, 4;
        QCOMPARE(Z, expected);
        QCOMPARE(cutTree(Z, 2), (std::vector<int32_t>{1, 1, 0, 0}));
    }

    void nodeOutputsLabelsAndTree() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {.datasetDirectory = OFICINA_SOURCE_DIR
                                        "/resources/datasets"});
        const Table iris = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv").table;
        Table features = iris.withColumn(iris.column("species").withRole(ColumnRole::Target));
        const NodeSpec* spec = registry.find("oficina.cluster.agglomerative");
        ParamValues params = spec->defaults();
        params.set("n_clusters", int64_t(3));
        RunContext ctx;
        const PortValues out = spec->run(NodeInputs({{"data", tableValue(features)}}), params, ctx);
        const Column& cluster =
            std::get<std::shared_ptr<const Table>>(out.at("data"))->column(kClusterColumn);
        QCOMPARE(cluster.codes(), fixture::integers<int32_t>(fixture::cases(
                                      "sklearn/agglomerative.json")[0].toObject()["labels"]));
        const Metrics& tree = *std::get<std::shared_ptr<const Metrics>>(out.at("tree"));
        const LabeledMatrix* merges = tree.matrix("merge_tree");
        QVERIFY(merges);
        QCOMPARE(merges->rowLabels.size(), size_t(149));
        QCOMPARE(merges->columnLabels,
                 (std::vector<std::string>{"left", "right", "distance", "size"}));
        QCOMPARE(merges->at(148, 3), 150.0);
        for (size_t r = 0; r < 149; ++r) {  // children exist before the merge that joins them
            QVERIFY(merges->at(r, 0) < merges->at(r, 1));
            QVERIFY(merges->at(r, 1) < 150.0 + double(r));
        }
    }

    void badInput() {
        QVERIFY_THROWS_EXCEPTION(Error, fitAgglomerative(Eigen::MatrixXd::Zero(3, 2),
                                                         {.nClusters = 4}));
        Eigen::MatrixXd X = Eigen::MatrixXd::Zero(3, 2);
        X(1, 1) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(Error, fitAgglomerative(X, {}));
        QVERIFY_THROWS_EXCEPTION(
            Error, linkageTree(Eigen::MatrixXd::Zero(kMaxAgglomerativeRows + 1, 1),
                               Linkage::Ward));
    }
};

QTEST_APPLESS_MAIN(AgglomerativeTest)
#include "tst_agglomerative.moc"

// t-SNE: its random path differs from scikit-learn's, so the embeddings are judged the way
// scikit-learn judges them: trustworthiness (5 neighbours) within 0.02 of scikit-learn 1.2's
// TSNE(random_state=0) on Iris and the first 500 Digits rows, both methods
// (tests/data/make_clean_fixtures.py); exact and Barnes–Hut agree; the trustworthiness
// function itself matches scikit-learn's; stop requests, errors and the node.
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "reduce/Tsne.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "../JsonFixture.h"

#include <Eigen/Dense>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <map>
#include <stop_token>

using namespace oficina::core;

namespace {

const QString kFixture = QStringLiteral("sklearn/tsne.json");

Table dataset(const std::string& name) {
    return readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
}

// The numeric columns but the last (the target), first `rows` rows.
Eigen::MatrixXd features(const std::string& name, Eigen::Index rows) {
    const Table t = dataset(name);
    std::vector<std::string> names = t.columnNames();
    names.pop_back();
    return featureMatrix(t, names).topRows(rows);
}

struct Run {
    TsneResult result;
    double trust = 0;
};

// Embeddings are cached: each is used by several checks.
const Run& embed(const std::string& name, Eigen::Index rows, TsneMethod method) {
    static std::map<std::tuple<std::string, Eigen::Index, int>, Run> cache;
    const auto key = std::make_tuple(name, rows, int(method));
    auto it = cache.find(key);
    if (it == cache.end()) {
        const Eigen::MatrixXd X = features(name, rows);
        Run run;
        run.result = tsne(X, {.method = method});
        run.trust = trustworthiness(X, run.result.embedding, 5);
        it = cache.emplace(key, std::move(run)).first;
    }
    return it->second;
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trustworthinessMatchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::cases(kFixture)) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("method")).toString() == QLatin1String("none"))
                QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData())
                    << c;
        }
    }

    void trustworthinessMatchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const std::string name = testCase.value(QLatin1String("dataset")).toString().toStdString();
        const auto rows = Eigen::Index(testCase.value(QLatin1String("rows")).toInt());
        const Eigen::MatrixXd X = features(name, rows);
        Eigen::MatrixXd Y(rows, 2);
        if (testCase.value(QLatin1String("embedding")).toString() == QLatin1String("pca")) {
            const Eigen::MatrixXd centred = X.rowwise() - X.colwise().mean();
            const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
            Y = centred * svd.matrixV().leftCols(2);
        } else {
            for (Eigen::Index i = 0; i < rows; ++i)
                for (int c = 0; c < 2; ++c) Y(i, c) = X(i, c) + 1e-9 * double(i);
        }
        const int k = testCase.value(QLatin1String("neighbours")).toInt();
        const double expected = testCase.value(QLatin1String("trustworthiness")).toDouble();
        const double actual = trustworthiness(X, Y, k);
        // Equal distances rank in an unspecified order in numpy's argsort: a small tolerance.
        QVERIFY2(std::abs(actual - expected) < 2e-3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(actual).arg(expected)));
    }

    void closeToScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::cases(kFixture)) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("method")).toString() != QLatin1String("none"))
                QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData())
                    << c;
        }
    }

    void closeToScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const std::string name = testCase.value(QLatin1String("dataset")).toString().toStdString();
        const auto rows = Eigen::Index(testCase.value(QLatin1String("rows")).toInt());
        const TsneMethod method =
            testCase.value(QLatin1String("method")).toString() == QLatin1String("exact")
                ? TsneMethod::Exact
                : TsneMethod::BarnesHut;
        const Run& run = embed(name, rows, method);
        const double sklearnTrust = testCase.value(QLatin1String("trustworthiness")).toDouble();
        const double sklearnKl = testCase.value(QLatin1String("kl_divergence")).toDouble();
        qInfo("%s: trustworthiness %.4f (scikit-learn %.4f), KL %.4f (scikit-learn %.4f), "
              "%d iterations",
              name.c_str(), run.trust, sklearnTrust, run.result.klDivergence, sklearnKl,
              run.result.iterations);
        QVERIFY(run.result.embedding.allFinite());
        QVERIFY2(run.trust >= sklearnTrust - 0.02, qPrintable(QString::number(run.trust)));
        // Same objective, same initialisation: the optimum reached is about as good.
        QVERIFY2(run.result.klDivergence < sklearnKl * 1.15 + 0.02,
                 qPrintable(QString::number(run.result.klDivergence)));
        QVERIFY(run.result.klDivergence > 0.0);
    }

    void exactAndBarnesHutAgree() {
        const Run& exact = embed("iris", 150, TsneMethod::Exact);
        const Run& bh = embed("iris", 150, TsneMethod::BarnesHut);
        QVERIFY(std::abs(exact.trust - bh.trust) < 0.02);
        QVERIFY(std::abs(exact.result.klDivergence - bh.result.klDivergence) <
                0.1 * exact.result.klDivergence + 0.02);
        // The two maps agree up to rotation and reflection: neighbours in one are neighbours
        // in the other.
        const double agreement = trustworthiness(exact.result.embedding, bh.result.embedding, 5);
        QVERIFY2(agreement > 0.95, qPrintable(QString::number(agreement)));
    }

    void deterministicAndSeeded() {
        const Eigen::MatrixXd X = features("iris", 60);
        const TsneOptions random{.perplexity = 10, .maxIter = 300, .init = TsneInit::Random};
        const TsneResult a = tsne(X, random);
        const TsneResult b = tsne(X, random);
        QVERIFY(a.embedding == b.embedding);
        TsneOptions other = random;
        other.seed = 7;
        QVERIFY(tsne(X, other).embedding != a.embedding);
    }

    void stopsWhenAsked() {
        const Eigen::MatrixXd X = features("iris", 150);
        std::stop_source source;
        TsneMonitor monitor;
        monitor.stop = source.get_token();
        int reports = 0;
        monitor.onLoss = [&](int iteration, double kl) {
            QVERIFY(std::isfinite(kl));
            QCOMPARE(iteration, (reports + 1) * 10);
            if (++reports == 3) source.request_stop();
        };
        bool cancelled = false;
        try {
            (void)tsne(X, {}, monitor);
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QCOMPARE(reports, 3);
    }

    void badInput() {
        const Eigen::MatrixXd X = features("iris", 20);
        try {
            (void)tsne(X, {.perplexity = 30});
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("perplexity (30) must be less than the number "
                                                "of rows (20)") != std::string::npos,
                     e.what());
        }
    }

    void node() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {});
        const NodeSpec* spec = registry.find("oficina.reduce.tsne");
        QVERIFY(spec);
        QCOMPARE(spec->category, Category::Reduce);
        Table iris = dataset("iris");
        iris = iris.withColumn(iris.column("species").withRole(ColumnRole::Target));
        iris.startLineage();
        RunContext ctx;
        ctx.beginNode("tsne");
        const PortValues out =
            spec->run(NodeInputs({{"data", tableValue(iris)}}), spec->defaults(), ctx);
        const Table& embedded = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        QCOMPARE(embedded.columnNames(),
                 (std::vector<std::string>{"tsne_1", "tsne_2", "species"}));
        QCOMPARE(embedded.column("species").role(), ColumnRole::Target);
        QVERIFY(embedded.lineage().steps.empty());
        const auto loss = ctx.metricsOf("tsne");
        QVERIFY2(loss.size() >= 30 && loss.size() <= 100, std::to_string(loss.size()).c_str());
        QCOMPARE(loss.front().series, std::string("loss"));
        QVERIFY(loss.back().value < loss[30].value);  // KL falls after the exaggeration
        const Eigen::MatrixXd X = features("iris", 150);
        Eigen::MatrixXd Y(150, 2);
        for (Eigen::Index i = 0; i < 150; ++i) {
            Y(i, 0) = embedded.column("tsne_1").values()[size_t(i)];
            Y(i, 1) = embedded.column("tsne_2").values()[size_t(i)];
        }
        QVERIFY(trustworthiness(X, Y) > 0.97);
    }

    void nodeErrorsNameTheProblem() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {});
        const NodeSpec* spec = registry.find("oficina.reduce.tsne");
        RunContext ctx;
        // A categorical feature.
        const Table iris = dataset("iris");
        try {
            (void)spec->run(NodeInputs({{"data", tableValue(iris)}}), spec->defaults(), ctx);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("'species' is categorical") != std::string::npos,
                     e.what());
        }
        // Too many rows.
        const Table big({Column::numeric("x", std::vector<double>(10001, 1.0))});
        try {
            (void)spec->run(NodeInputs({{"data", tableValue(big)}}), spec->defaults(), ctx);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("limited to 10000 rows") != std::string::npos,
                     e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestTsne)
#include "tst_tsne.moc"

// k-NN classifier and regressor against scikit-learn 1.2 on the bundled datasets
// (tests/data/make_eval_fixtures.py): identical predictions and probabilities, KD-tree and
// brute-force search agreeing, ties by index, clear errors.
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "models/Knn.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace oficina::core;

namespace {

Table dataset(const std::string& name) {
    Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    const std::string target = t.columnNames().back();
    t = t.withColumn(t.column(target).withRole(ColumnRole::Target));
    t.startLineage();
    return t;
}

KnnOptions optionsOf(const QJsonObject& c) {
    return {.nNeighbors = 5,
            .weights = c.value(QLatin1String("weights")).toString() == QLatin1String("distance")
                           ? KnnWeights::Distance
                           : KnnWeights::Uniform};
}

} // namespace

class TestKnn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classifierMatchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::read(QStringLiteral("sklearn/eval_knn.json"))
                                       .object()
                                       .value(QLatin1String("classifier"))
                                       .toArray())
            QTest::newRow(v.toObject().value(QLatin1String("name")).toString().toUtf8())
                << v.toObject();
    }

    void classifierMatchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const Table all = dataset(testCase.value(QLatin1String("dataset")).toString().toStdString());
        const auto features = all.namesWithRole(ColumnRole::Feature);
        const std::string target = all.namesWithRole(ColumnRole::Target).front();
        const Table train =
            all.takeRows(fixture::integers<size_t>(testCase.value(QLatin1String("train"))));
        const Table test =
            all.takeRows(fixture::integers<size_t>(testCase.value(QLatin1String("test"))));
        const auto model = trainKnnClassifier(train, features, target, optionsOf(testCase));
        QCOMPARE(model->classLabels(), fixture::strings(testCase.value(QLatin1String("classes"))));
        const std::vector<Column> out = model->predict(test);
        const auto expected = fixture::strings(testCase.value(QLatin1String("predict")));
        size_t mismatches = 0;
        for (size_t i = 0; i < expected.size(); ++i) mismatches += out[0].cellText(i) != expected[i];
        QCOMPARE(mismatches, size_t(0));
        double diff = 0.0;
        const QJsonArray proba = testCase.value(QLatin1String("proba")).toArray();
        for (qsizetype i = 0; i < proba.size(); ++i) {
            const auto row = fixture::numbers(proba[i]);
            for (size_t k = 0; k < row.size(); ++k)
                diff = std::max(diff, std::abs(out[k + 1].values()[size_t(i)] - row[k]));
        }
        QVERIFY2(diff <= 1e-6, qPrintable(QString::number(diff)));
    }

    void regressorMatchesScikitLearn() {
        for (const QJsonValue& v : fixture::read(QStringLiteral("sklearn/eval_knn.json"))
                                       .object()
                                       .value(QLatin1String("regressor"))
                                       .toArray()) {
            const QJsonObject c = v.toObject();
            const Table all = dataset("diabetes");
            const Table train = all.takeRows(fixture::integers<size_t>(c.value(QLatin1String("train"))));
            const Table test = all.takeRows(fixture::integers<size_t>(c.value(QLatin1String("test"))));
            const auto model = trainKnnRegressor(train, all.namesWithRole(ColumnRole::Feature),
                                                 "progression", optionsOf(c));
            const auto predicted = model->predict(test)[0].values();
            const auto expected = fixture::numbers(c.value(QLatin1String("predict")));
            QCOMPARE(predicted.size(), expected.size());
            for (size_t i = 0; i < expected.size(); ++i)
                QVERIFY(std::abs(predicted[i] - expected[i]) <= 1e-9 * std::abs(expected[i]));
        }
    }

    void treeAndBruteForceAgree() {
        const Table wine = dataset("wine");
        const Eigen::MatrixXd X = featureMatrix(wine, wine.namesWithRole(ColumnRole::Feature));
        const KnnIndex index(X);  // 13 features: KD-tree
        const KnnNeighbors tree = index.search(X, 7);
        const KnnNeighbors brute = index.bruteForce(X, 7);
        QCOMPARE(tree.indices, brute.indices);
        QVERIFY((tree.distances - brute.distances).cwiseAbs().maxCoeff() < 1e-9);
        QCOMPARE(tree.indices(0, 0), Eigen::Index(0));  // a training row finds itself first
    }

    // Digits has 64 features, so prediction is brute force by blocks of 256 queries: progress
    // rises block by block (reported by the calling thread), and a Stop (here asked from the
    // first report) ends it.
    void predictionReportsProgressAndStops() {
        const Table digits = dataset("digits");
        const auto features = digits.namesWithRole(ColumnRole::Feature);
        const auto model = trainKnnClassifier(digits, features, digits.columnNames().back(),
                                              {.nNeighbors = 3});
        std::vector<double> reported;
        const auto columns = model->predict(
            digits, PredictControl{{}, [&](double done) { reported.push_back(done); }});
        QCOMPARE(columns.front().size(), digits.rowCount());
        QVERIFY(!reported.empty());
        QVERIFY(reported.size() <= (digits.rowCount() + 255) / 256);  // at most one per block
        QVERIFY(std::is_sorted(reported.begin(), reported.end()));
        QVERIFY(reported.front() > 0.0 && reported.back() <= 1.0);

        std::stop_source stop;
        reported.clear();
        const PredictControl stopping{stop.get_token(), [&](double done) {
                                          reported.push_back(done);
                                          stop.request_stop();
                                      }};
        QVERIFY_THROWS_EXCEPTION(Cancelled, (void)model->predict(digits, stopping));
        QVERIFY(!reported.empty() && reported.back() < 1.0);
    }

    void tiesGoToTheLowerRow() {
        // Rows 1 and 3 are both at distance 1 from the query; with k = 2 row 1 is kept.
        Eigen::MatrixXd X(4, 2);
        X << 0, 0, 1, 0, 5, 5, -1, 0;
        const KnnIndex index(X);
        Eigen::MatrixXd q(1, 2);
        q << 0, 0;
        for (const KnnNeighbors& n : {index.search(q, 2), index.bruteForce(q, 2)}) {
            QCOMPARE(n.indices(0, 0), Eigen::Index(0));
            QCOMPARE(n.indices(0, 1), Eigen::Index(1));
        }
        // Class ties go to the smallest class: one vote each for "a" and "b".
        const Table t({Column::numeric("x", {0, 1}),
                       Column::categorical("y", {1, 0}, {"a", "b"}, ColumnRole::Target)});
        const auto model = trainKnnClassifier(t, {"x"}, "y", {.nNeighbors = 2});
        const Table query({Column::numeric("x", {0.5})});
        QCOMPARE(model->predict(query)[0].cellText(0), std::string("a"));
    }

    void distanceWeightsWithExactMatches() {
        const Table t({Column::numeric("x", {0, 1, 2}),
                       Column::numeric("y", {10, 20, 30}, ColumnRole::Target)});
        const auto model =
            trainKnnRegressor(t, {"x"}, "y", {.nNeighbors = 3, .weights = KnnWeights::Distance});
        const Table query({Column::numeric("x", {1, 0.5})});
        const auto p = model->predict(query)[0].values();
        QCOMPARE(p[0], 20.0);  // the exact match takes the whole vote
        const double w0 = 2, w1 = 2, w2 = 1 / 1.5;
        QVERIFY(std::abs(p[1] - (10 * w0 + 20 * w1 + 30 * w2) / (w0 + w1 + w2)) < 1e-12);
    }

    void errorsNameTheProblem() {
        const Table t({Column::numeric("x", {0, 1, NAN}), Column::categorical("c", {0, 1, 0}, {"a", "b"}),
                       Column::categorical("y", {0, 1, 0}, {"p", "q"}, ColumnRole::Target)});
        const auto message = [](const std::function<void()>& f) {
            try {
                f();
            } catch (const Error& e) {
                return e.message().english();
            }
            return std::string("(no error)");
        };
        QVERIFY(message([&] { (void)trainKnnClassifier(t, {"x"}, "y"); }).find("'x'") != std::string::npos);
        QVERIFY(message([&] { (void)trainKnnClassifier(t, {"c"}, "y"); }).find("'c'") != std::string::npos);
        const Table ok({Column::numeric("x", {0, 1, 2}),
                        Column::categorical("y", {0, 1, 0}, {"p", "q"}, ColumnRole::Target)});
        QVERIFY(message([&] { (void)trainKnnClassifier(ok, {"x"}, "y", {.nNeighbors = 4}); })
                    .find("n_neighbors") != std::string::npos);
        QVERIFY(message([&] { (void)trainKnnRegressor(ok, {"x"}, "y", {.nNeighbors = 1}); }).find("'y'") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestKnn)
#include "tst_knn.moc"

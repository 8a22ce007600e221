// Gradient boosting through XGBoost's C API against the Python XGBClassifier / XGBRegressor
// (tree_method="hist", same defaults and seed; tests/data/make_tree_fixtures.py): the same
// library underneath, so the same predictions; loss streamed per round; errors are Errors.
#include "data/CsvReader.h"
#include "models/GradientBoosting.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {

Table dataset(const std::string& name) {
    return readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
}

std::vector<std::string> featuresOf(const Table& table) {
    std::vector<std::string> names = table.columnNames();
    names.pop_back();
    return names;
}

Table withTarget(const Table& table) {
    std::vector<Column> columns = table.columns();
    columns.back() = columns.back().withRole(ColumnRole::Target);
    Table out(std::move(columns));
    out.startLineage();
    return out;
}

} // namespace

class TestGradientBoosting : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesXgboost_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v :
             fixture::cases(QStringLiteral("sklearn/gradient_boosting.json"))) {
            const QJsonObject c = v.toObject();
            QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData()) << c;
        }
    }

    void matchesXgboost() {
        QFETCH(QJsonObject, testCase);
        const Table all = dataset(testCase.value(QLatin1String("dataset")).toString().toStdString());
        const std::string target = all.columnNames().back();
        const Table train =
            all.takeRows(fixture::integers<size_t>(testCase.value(QLatin1String("train"))));
        const Table test =
            all.takeRows(fixture::integers<size_t>(testCase.value(QLatin1String("test"))));
        const bool regression = testCase.value(QLatin1String("regression")).toBool();
        std::vector<double> losses;
        const GradientBoostingTraining training = trainGradientBoosting(
            train, featuresOf(all), target, !regression, {},
            [&](int round, double loss, double validation) {
                QCOMPARE(round, int(losses.size()) + 1);
                QVERIFY(std::isnan(validation));
                losses.push_back(loss);
            });
        QCOMPARE(losses.size(), size_t(100));
        QVERIFY(std::isnan(losses[0]) && !std::isnan(losses[3]));  // measured every 4th round
        // The training loss is XGBoost's own evaluation of the training rows, within the single
        // precision both compute it in.
        const std::vector<double> xgboostLosses =
            fixture::numbers(testCase.value(QLatin1String("train_loss")));
        QCOMPARE(xgboostLosses.size(), losses.size());
        for (size_t round = 3; round < losses.size(); round += 4)
            QVERIFY2(std::abs(losses[round] - xgboostLosses[round]) <=
                         1e-6 + 1e-5 * xgboostLosses[round],
                     qPrintable(QString("round %1: %2, XGBoost %3")
                                    .arg(round + 1)
                                    .arg(losses[round], 0, 'g', 10)
                                    .arg(xgboostLosses[round], 0, 'g', 10)));
        QCOMPARE(training.rounds, 100);
        const std::vector<Column> predicted = training.estimator->predict(test);
        const size_t rows = test.rowCount();
        double largest = 0.0;
        if (regression) {
            const std::vector<double> expected =
                fixture::numbers(testCase.value(QLatin1String("predict")));
            for (size_t i = 0; i < rows; ++i)
                largest = std::max(largest, std::abs(predicted[0].values()[i] - expected[i]) /
                                                std::max(1.0, std::abs(expected[i])));
        } else {
            QCOMPARE(training.estimator->classLabels(),
                     fixture::strings(testCase.value(QLatin1String("classes"))));
            const std::vector<std::string> expected =
                fixture::strings(testCase.value(QLatin1String("predict")));
            const std::vector<double> proba =
                fixture::numbers(testCase.value(QLatin1String("proba")));
            const size_t classes = training.estimator->classLabels().size();
            for (size_t i = 0; i < rows; ++i) {
                QCOMPARE(predicted[0].cellText(i), expected[i]);
                for (size_t c = 0; c < classes; ++c)
                    largest = std::max(largest, std::abs(predicted[c + 1].values()[i] -
                                                         proba[i * classes + c]));
            }
        }
        qInfo("largest difference from xgboost's Python model: %.3g", largest);
        QVERIFY(largest <= 1e-5);

        const std::vector<double> importances = training.estimator->featureImportances();
        double sum = 0.0;
        for (double v : importances) sum += v;
        QCOMPARE(importances.size(), featuresOf(all).size());
        QVERIFY(std::abs(sum - 1.0) <= 1e-9);

        // The estimator is a value: copies predict the same, and the dump is JSON trees.
        const GradientBoosting copy = *training.estimator;
        QCOMPARE(copy.predict(test)[0].cellText(0), predicted[0].cellText(0));
        const QJsonDocument dump =
            QJsonDocument::fromJson(QByteArray::fromStdString(copy.treesJson()));
        QVERIFY(dump.isArray());
        QVERIFY(dump.array().size() >= 100);
        QVERIFY(dump.array()[0].toObject().contains(QLatin1String("split")));
    }

    void earlyStoppingKeepsTheBestRound() {
        const Table diabetes = dataset("diabetes");
        GradientBoostingOptions options;
        options.nEstimators = 500;
        options.earlyStoppingRounds = 10;
        int validated = 0;
        const auto training = trainGradientBoosting(
            diabetes, featuresOf(diabetes), "progression", false, options,
            [&](int, double, double validation) { validated += !std::isnan(validation); });
        QVERIFY(training.rounds < 100);
        QCOMPARE(training.estimator->rounds(), training.rounds);
        QVERIFY(validated > training.rounds && validated < 500);
    }

    void errorsAreErrors() {
        const Table table({Column::numeric("x", {1.0, 2.0, 3.0, 4.0}),
                           Column::categorical("colour", {0, 1, 0, 1}, {"red", "blue"}),
                           Column::categorical("y", {0, 1, 0, 1}, {"a", "b"})});
        bool named = false;
        try {
            (void)trainGradientBoosting(table, {"x", "colour"}, "y", true);
        } catch (const Error& e) {
            named = e.message().english().find("'colour' is categorical") != std::string::npos;
        }
        QVERIFY(named);
        GradientBoostingOptions bad;
        bad.learningRate = 2.0;
        QVERIFY_THROWS_EXCEPTION(Error, trainGradientBoosting(table, {"x"}, "y", true, bad));
    }

    void stopEndsBetweenRounds() {
        const Table wine = dataset("wine");
        std::stop_source source;
        int rounds = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 trainGradientBoosting(wine, featuresOf(wine), "cultivar", true, {},
                                                       [&](int round, double, double) {
                                                           rounds = round;
                                                           if (round == 3) source.request_stop();
                                                       },
                                                       source.get_token()));
        QCOMPARE(rounds, 3);
    }

    void nodeStreamsTheLoss() {
        NodeRegistry registry;
        registerTreeNodes(registry);
        const NodeSpec* spec = registry.find("oficina.model.xgboost_classifier");
        QVERIFY(spec);
        const Table iris = withTarget(dataset("iris"));
        ParamValues params = spec->defaults();
        params.set("n_estimators", int64_t(20));
        RunContext ctx;
        ctx.beginNode("xgb");
        const PortValues out = spec->run(NodeInputs({{"data", tableValue(iris)}}), params, ctx);
        const Model& model = *std::get<std::shared_ptr<const Model>>(out.at("model"));
        const auto points = ctx.metricsOf("xgb");
        QCOMPARE(points.size(), size_t(20));
        QCOMPARE(points.front().series, std::string("loss"));
        QVERIFY(points.back().value < points.front().value);
        const Table predicted = model.predict(iris);
        QVERIFY(predicted.find("P(setosa)"));
        // Many rounds: the loss on every 4th of 100 (evaluating costs a fifth of a round).
        params.set("n_estimators", int64_t(100));
        ctx.beginNode("xgb100");
        (void)spec->run(NodeInputs({{"data", tableValue(iris)}}), params, ctx);
        const auto sparse = ctx.metricsOf("xgb100");
        QCOMPARE(sparse.size(), size_t(25));
        QCOMPARE(sparse.front().step, 4.0);
        QCOMPARE(sparse.back().step, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestGradientBoosting)
#include "tst_gradientboosting.moc"

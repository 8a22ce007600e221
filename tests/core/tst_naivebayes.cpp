// Gaussian and categorical naive Bayes against scikit-learn 1.2 on the bundled datasets
// (tests/data/make_eval_fixtures.py): same split, same predictions, probabilities and fitted
// parameters to 1e-6; clear errors on bad input.
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "models/NaiveBayes.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {

// A bundled dataset with its last column as the target.
Table dataset(const QString& name) {
    Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name.toStdString() + ".csv").table;
    const std::string target = t.columnNames().back();
    t = t.withColumn(t.column(target).withRole(ColumnRole::Target));
    t.startLineage();
    return t;
}

std::vector<std::string> features(const Table& t) { return t.namesWithRole(ColumnRole::Feature); }

double maxDifference(const Eigen::MatrixXd& a, const QJsonValue& expected) {
    double d = 0.0;
    const QJsonArray rows = expected.toArray();
    if (rows.size() != a.rows()) return INFINITY;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const auto row = fixture::numbers(rows[i]);
        if (Eigen::Index(row.size()) != a.cols()) return INFINITY;
        for (size_t j = 0; j < row.size(); ++j)
            d = std::max(d, std::abs(a(i, Eigen::Index(j)) - row[j]) /
                                std::max(1.0, std::abs(row[j])));
    }
    return d;
}

std::string errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const Error& e) {
        return e.message().english();
    }
    return "(no error)";
}

} // namespace

class TestNaiveBayes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gaussianMatchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::read(QStringLiteral("sklearn/eval_naive_bayes.json"))
                                       .object()
                                       .value(QLatin1String("gaussian"))
                                       .toArray())
            QTest::newRow(v.toObject().value(QLatin1String("name")).toString().toUtf8())
                << v.toObject();
    }

    void gaussianMatchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const Table all = dataset(testCase.value(QLatin1String("name")).toString());
        const Table train =
            all.takeRows(fixture::integers<size_t>(testCase.value(QLatin1String("train"))));
        const Table test =
            all.takeRows(fixture::integers<size_t>(testCase.value(QLatin1String("test"))));
        const std::string target = all.namesWithRole(ColumnRole::Target).front();
        const auto model = trainGaussianNaiveBayes(train, features(all), target);
        QCOMPARE(model->classLabels(), fixture::strings(testCase.value(QLatin1String("classes"))));
        const double thetaDiff = maxDifference(model->theta(), testCase.value(QLatin1String("theta")));
        const double varDiff = maxDifference(model->variance(), testCase.value(QLatin1String("var")));
        qInfo("theta diff %.3g, var diff %.3g", thetaDiff, varDiff);
        QVERIFY(thetaDiff <= 1e-9);
        QVERIFY(varDiff <= 1e-9);
        const auto prior = fixture::numbers(testCase.value(QLatin1String("prior")));
        for (size_t c = 0; c < prior.size(); ++c)
            QVERIFY(std::abs(model->prior()(Eigen::Index(c)) - prior[c]) <= 1e-15);

        const std::vector<Column> out = model->predict(test);
        const auto expected = fixture::strings(testCase.value(QLatin1String("predict")));
        QCOMPARE(out[0].name(), std::string(kPredictionColumn));
        for (size_t i = 0; i < expected.size(); ++i) QCOMPARE(out[0].cellText(i), expected[i]);
        const Eigen::MatrixXd X = featureMatrix(test, features(all));
        const double probaDiff =
            maxDifference(model->predictProbabilities(X), testCase.value(QLatin1String("proba")));
        qInfo("proba diff %.3g", probaDiff);
        QVERIFY(probaDiff <= 1e-6);
        QCOMPARE(out.size(), model->classLabels().size() + 1);
        QCOMPARE(out[1].name(), "P(" + model->classLabels()[0] + ")");
    }

    void categoricalMatchesScikitLearn() {
        const QJsonObject c = fixture::read(QStringLiteral("sklearn/eval_naive_bayes.json"))
                                  .object()
                                  .value(QLatin1String("categorical"))
                                  .toArray()[0]
                                  .toObject();
        const Table digits = dataset(QStringLiteral("digits"));
        const auto model = trainCategoricalNaiveBayes(digits, features(digits), "digit");
        QCOMPARE(model->classLabels(), fixture::strings(c.value(QLatin1String("classes"))));
        const std::vector<Column> out = model->predict(digits);
        const auto expected = fixture::strings(c.value(QLatin1String("predict")));
        size_t mismatches = 0;
        for (size_t i = 0; i < expected.size(); ++i) mismatches += out[0].cellText(i) != expected[i];
        QCOMPARE(mismatches, size_t(0));
        const QJsonArray proba = c.value(QLatin1String("proba_first_300")).toArray();
        double diff = 0.0;
        for (qsizetype i = 0; i < proba.size(); ++i) {
            const auto row = fixture::numbers(proba[i]);
            for (size_t k = 0; k < row.size(); ++k)
                diff = std::max(diff, std::abs(out[k + 1].values()[size_t(i)] - row[k]));
        }
        qInfo("categorical proba diff %.3g", diff);
        QVERIFY(diff <= 1e-6);
    }

    void categoricalOnTextColumns() {
        // Counts by hand: P(yes) = 3/5; P(sunny | yes) = (1 + 1) / (3 + 2), P(sunny | no) = 3/4.
        const Table t({Column::categorical("outlook", {0, 0, 1, 1, 0}, {"sunny", "rain"}),
                       Column::categorical("play", {1, 0, 1, 1, 0}, {"no", "yes"},
                                           ColumnRole::Target)});
        const auto model = trainCategoricalNaiveBayes(t, {"outlook"}, "play");
        const double yes = 3.0 / 5.0 * 2.0 / 5.0, no = 2.0 / 5.0 * 3.0 / 4.0;
        // A table from another file with its own dictionary order and an unseen category.
        const Table other({Column::categorical("outlook", {1, 0}, {"fog", "sunny"})});
        const std::vector<Column> out = model->predict(other);
        QVERIFY(std::abs(out[2].values()[0] - yes / (yes + no)) < 1e-12);
        QCOMPARE(out[0].cellText(0), std::string("no"));
        // Unseen "fog": alpha / (count + 2 alpha) per class.
        const double fogYes = 3.0 / 5.0 * 1.0 / 5.0, fogNo = 2.0 / 5.0 * 1.0 / 4.0;
        QVERIFY(std::abs(out[2].values()[1] - fogYes / (fogYes + fogNo)) < 1e-12);
    }

    void badInputNamesTheColumn() {
        const Table t({Column::numeric("x", {1, 2, NAN, 4}),
                       Column::categorical("c", {0, 1, 0, 1}, {"a", "b"}),
                       Column::numeric("k", {1, 1, 1, 1}),
                       Column::categorical("y", {0, 1, 0, 1}, {"p", "q"}, ColumnRole::Target)});
        QVERIFY(errorOf([&] { (void)trainGaussianNaiveBayes(t, {"x"}, "y"); }).find("'x'") !=
                std::string::npos);
        QVERIFY(errorOf([&] { (void)trainGaussianNaiveBayes(t, {"c"}, "y"); }).find("'c'") !=
                std::string::npos);
        QVERIFY(errorOf([&] { (void)trainGaussianNaiveBayes(t, {"k"}, "y"); }).find("'k'") !=
                std::string::npos);
        const Table fractional({Column::numeric("f", {0.5, 1, 2, 3}),
                                Column::categorical("y", {0, 1, 0, 1}, {"p", "q"},
                                                    ColumnRole::Target)});
        QVERIFY(errorOf([&] { (void)trainCategoricalNaiveBayes(fractional, {"f"}, "y"); })
                    .find("'f'") != std::string::npos);
        const Table oneClass({Column::numeric("x", {1, 2}),
                              Column::categorical("y", {0, 0}, {"p", "q"}, ColumnRole::Target)});
        QVERIFY(errorOf([&] { (void)trainGaussianNaiveBayes(oneClass, {"x"}, "y"); })
                    .find("one class") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestNaiveBayes)
#include "tst_naivebayes.moc"

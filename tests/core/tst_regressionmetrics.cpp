// Regression scores against scikit-learn 1.2 (tests/data/make_eval_fixtures.py: a linear
// regression's predictions on diabetes), edge cases and the predictions-table entry point.
#include "data/Table.h"
#include "eval/CrossValidation.h"
#include "eval/RegressionMetrics.h"
#include "models/Model.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

class TestRegressionMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn() {
        const QJsonArray cases = fixture::read(QStringLiteral("sklearn/eval_scores.json"))
                                     .object()
                                     .value(QLatin1String("regression"))
                                     .toArray();
        QVERIFY(!cases.isEmpty());
        for (const QJsonValue& v : cases) {
            const QJsonObject c = v.toObject();
            const auto y = fixture::numbers(c.value(QLatin1String("y")));
            const auto p = fixture::numbers(c.value(QLatin1String("predicted")));
            const Metrics m = regressionMetrics(y, p);
            QCOMPARE(m.task, std::string("regression"));
            for (const char* name : {"r2", "mae", "mse", "rmse"}) {
                const double expected = c.value(QLatin1String(name)).toDouble();
                QVERIFY2(m.scalar(name), name);
                QVERIFY2(std::abs(*m.scalar(name) - expected) <= 1e-12 * std::abs(expected), name);
            }
            QCOMPARE(m.scalars[0].first, std::string("r2"));
            const LabeledMatrix* residuals = m.matrix("residuals");
            QVERIFY(residuals);
            QCOMPARE(residuals->columnLabels,
                     (std::vector<std::string>{"actual", "predicted", "residual"}));
            QCOMPARE(residuals->rowLabels.size(), y.size());
            QCOMPARE(residuals->at(3, 0), y[3]);
            QCOMPARE(residuals->at(3, 1), p[3]);
            QCOMPARE(residuals->at(3, 2), y[3] - p[3]);
        }
    }

    void constantTruth() {
        // r2_score(force_finite=True): 1 for a perfect fit, 0 otherwise; never NaN.
        QCOMPARE(*regressionMetrics({2, 2, 2}, {2, 2, 2}).scalar("r2"), 1.0);
        QCOMPARE(*regressionMetrics({2, 2, 2}, {2, 3, 2}).scalar("r2"), 0.0);
    }

    void residualsAreSampledEvenly() {
        std::vector<double> y(1000), p(1000, 0.0);
        for (size_t i = 0; i < y.size(); ++i) y[i] = double(i);
        const Metrics m = regressionMetrics(y, p, 100);
        const LabeledMatrix* r = m.matrix("residuals");
        QCOMPARE(r->rowLabels.size(), size_t(100));
        QCOMPARE(r->at(0, 0), 0.0);
        QCOMPARE(r->at(1, 0), 10.0);
        QCOMPARE(r->at(99, 0), 990.0);
        QCOMPARE(r->rowLabels[99], std::string("990"));
    }

    void rejectsBadInput() {
        QVERIFY_THROWS_EXCEPTION(Error, regressionMetrics({}, {}));
        QVERIFY_THROWS_EXCEPTION(Error, regressionMetrics({1, 2}, {1}));
        QVERIFY_THROWS_EXCEPTION(Error, regressionMetrics({1, NAN}, {1, 2}));
    }

    void scoresAPredictionsTable() {
        Table t({Column::numeric("y", {1, 2, 3, NAN}, ColumnRole::Target),
                 Column::numeric(kPredictionColumn, {1, 2, 5, 4}, ColumnRole::Prediction)});
        std::vector<Message> warnings;
        const Metrics m = scorePredictions(t, &warnings);
        QCOMPARE(m.task, std::string("regression"));
        QCOMPARE(*m.scalar("mae"), 2.0 / 3.0);
        QCOMPARE(warnings.size(), size_t(1));
        QVERIFY(warnings[0].english().find('1') != std::string::npos);

        Table categoricalTarget(
            {Column::categorical("y", {0, 1}, {"a", "b"}, ColumnRole::Target),
             Column::numeric(kPredictionColumn, {1, 2}, ColumnRole::Prediction)});
        try {
            (void)regressionScores(categoricalTarget);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(e.message().english().find("'y'") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestRegressionMetrics)
#include "tst_regressionmetrics.moc"

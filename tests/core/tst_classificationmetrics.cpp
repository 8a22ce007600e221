// Classification metrics against scikit-learn 1.2 (classification_report with zero_division=0,
// balanced_accuracy_score, confusion_matrix); fixtures from tests/data/make_sklearn_fixtures.py.
#include "data/Table.h"
#include "eval/ClassificationMetrics.h"
#include "models/Model.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {

void expectError(const std::vector<int32_t>& truth, const std::vector<int32_t>& predicted,
                 const std::vector<std::string>& labels) {
    try {
        (void)classificationMetrics(truth, predicted, labels);
        QFAIL("expected an Error");
    } catch (const Error&) {
    }
}

} // namespace

class TestClassificationMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v :
             fixture::cases(QStringLiteral("sklearn/classification_metrics.json"))) {
            const QJsonObject c = v.toObject();
            QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData()) << c;
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const std::vector<std::string> labels =
            fixture::strings(testCase.value(QLatin1String("labels")));
        const Metrics m = classificationMetrics(
            fixture::integers<int32_t>(testCase.value(QLatin1String("truth"))),
            fixture::integers<int32_t>(testCase.value(QLatin1String("predicted"))), labels);
        QCOMPARE(m.task, std::string("classification"));

        const char* names[] = {"accuracy", "balanced_accuracy",  "precision_macro", "recall_macro",
                               "f1_macro", "precision_weighted", "recall_weighted", "f1_weighted"};
        QCOMPARE(m.scalars.size(), std::size(names));
        for (size_t i = 0; i < std::size(names); ++i) {
            QCOMPARE(m.scalars[i].first, std::string(names[i]));
            const double expected = testCase.value(QLatin1String(names[i])).toDouble();
            QVERIFY2(std::abs(m.scalars[i].second - expected) <= 1e-12,
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                    .arg(QLatin1String(names[i]))
                                    .arg(m.scalars[i].second, 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
        }

        const LabeledMatrix* confusion = m.matrix("confusion_matrix");
        QVERIFY(confusion);
        QCOMPARE(confusion->rowLabels, labels);
        QCOMPARE(confusion->columnLabels, labels);
        const QJsonArray expectedConfusion =
            testCase.value(QLatin1String("confusion_matrix")).toArray();
        for (size_t r = 0; r < labels.size(); ++r)
            for (size_t c = 0; c < labels.size(); ++c)
                QCOMPARE(confusion->at(r, c),
                         expectedConfusion[qsizetype(r)].toArray()[qsizetype(c)].toDouble());

        const LabeledMatrix* perClass = m.matrix("per_class");
        QVERIFY(perClass);
        QCOMPARE(perClass->rowLabels, labels);
        QCOMPARE(perClass->columnLabels,
                 (std::vector<std::string>{"precision", "recall", "f1", "support"}));
        const QJsonArray expectedPerClass = testCase.value(QLatin1String("per_class")).toArray();
        for (size_t r = 0; r < labels.size(); ++r)
            for (size_t c = 0; c < 4; ++c)
                QVERIFY(
                    std::abs(perClass->at(r, c) -
                             expectedPerClass[qsizetype(r)].toArray()[qsizetype(c)].toDouble()) <=
                    1e-12);
    }

    void rejectsBadInput() {
        expectError({}, {}, {"a", "b"});
        expectError({0, 1}, {0}, {"a", "b"});
        expectError({0, 2}, {0, 1}, {"a", "b"});
        expectError({0, 1}, {0, -1}, {"a", "b"});
    }

    void labelsSortLikeNumpy() {
        std::vector<std::string> numbers = {"10", "2", "1"};
        sortClassLabels(numbers);
        QCOMPARE(numbers, (std::vector<std::string>{"1", "2", "10"}));
        std::vector<std::string> words = {"b", "B", "a"};
        sortClassLabels(words);
        QCOMPARE(words, (std::vector<std::string>{"B", "a", "b"}));
    }

    void scoresAPredictionsTable() {
        // Row 3 has no prediction: left out with a warning. Numeric truth against class labels.
        const Table t({Column::numeric("y", {0, 1, 1, 0, 1}, ColumnRole::Target),
                       Column::categorical(kPredictionColumn, {0, 1, 0, -1, 1}, {"0", "1"},
                                           ColumnRole::Prediction),
                       Column::numeric("P(0)", {0.8, 0.3, 0.6, 0.5, 0.1}, ColumnRole::Prediction),
                       Column::numeric("P(1)", {0.2, 0.7, 0.4, 0.5, 0.9}, ColumnRole::Prediction)});
        std::vector<Message> warnings;
        const Metrics m = classificationScores(t, &warnings);
        QCOMPARE(warnings.size(), size_t(1));
        QCOMPARE(*m.scalar("accuracy"), 0.75);
        // Kept rows: truth 0, 1, 1, 1 with P(1) 0.2, 0.7, 0.4, 0.9: every positive outranks
        // the negative, so the AUC is 1; log loss by hand.
        QCOMPARE(*m.scalar("roc_auc"), 1.0);
        const double logLoss = -(std::log(0.8) + std::log(0.7) + std::log(0.4) + std::log(0.9)) / 4;
        QVERIFY(std::abs(*m.scalar("log_loss") - logLoss) < 1e-12);
        QVERIFY(m.matrix("roc:1"));
        QVERIFY(!m.matrix("roc:0"));
        // The contract's order: the eight base scores, then log loss, then ROC AUC.
        QCOMPARE(m.scalars[8].first, std::string("log_loss"));
        QCOMPARE(m.scalars[9].first, std::string("roc_auc"));
    }

    void undefinedScoresAreLeftOut() {
        // One class only in the truth: no ROC AUC (a warning), but the other scores remain.
        const Table t({Column::categorical("y", {1, 1}, {"a", "b"}, ColumnRole::Target),
                       Column::categorical(kPredictionColumn, {1, 0}, {"a", "b"},
                                           ColumnRole::Prediction),
                       Column::numeric("P(a)", {0.4, 0.6}, ColumnRole::Prediction),
                       Column::numeric("P(b)", {0.6, 0.4}, ColumnRole::Prediction)});
        std::vector<Message> warnings;
        const Metrics m = classificationScores(t, &warnings);
        QVERIFY(!m.scalar("roc_auc"));
        QVERIFY(m.scalar("log_loss"));
        QCOMPARE(warnings.size(), size_t(1));
        const Table numeric({Column::categorical("y", {0}, {"a"}, ColumnRole::Target),
                             Column::numeric(kPredictionColumn, {1.0}, ColumnRole::Prediction)});
        QVERIFY_THROWS_EXCEPTION(Error, (void)classificationScores(numeric));
    }
};

QTEST_APPLESS_MAIN(TestClassificationMetrics)
#include "tst_classificationmetrics.moc"

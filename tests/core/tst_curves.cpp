// ROC and precision-recall curves, AUC, average precision and log loss against scikit-learn 1.2
// (tests/data/make_eval_fixtures.py): the predictions of real models on real datasets, scored by
// both sides. Also the same numbers through classificationScores() on a predictions table.
#include "data/Table.h"
#include "eval/ClassificationMetrics.h"
#include "eval/Curves.h"
#include "models/Model.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace oficina::core;

namespace {

std::vector<std::vector<double>> rowsOf(const QJsonValue& value) {
    std::vector<std::vector<double>> out;
    for (const QJsonValue& row : value.toArray()) out.push_back(fixture::numbers(row));
    return out;
}

double maxDifference(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return INFINITY;
    double d = 0.0;
    for (size_t i = 0; i < a.size(); ++i) d = std::max(d, std::abs(a[i] - b[i]));
    return d;
}

std::vector<double> matrixColumn(const LabeledMatrix& m, size_t column) {
    std::vector<double> out;
    for (size_t r = 0; r < m.values.size() / m.columnLabels.size(); ++r)
        out.push_back(m.at(r, column));
    return out;
}

// A predictions table as Model::predict makes it: target, prediction and P(<label>) columns.
Table predictionsTable(const QJsonObject& c) {
    const auto classes = fixture::strings(c.value(QLatin1String("classes")));
    const auto encode = [&](const std::vector<std::string>& labels) {
        std::vector<int32_t> codes;
        for (const auto& l : labels)
            codes.push_back(int32_t(std::find(classes.begin(), classes.end(), l) - classes.begin()));
        return codes;
    };
    std::vector<Column> columns;
    columns.push_back(Column::categorical(
        "target", encode(fixture::strings(c.value(QLatin1String("y")))), classes,
        ColumnRole::Target));
    columns.push_back(Column::categorical(
        kPredictionColumn, encode(fixture::strings(c.value(QLatin1String("predicted")))), classes,
        ColumnRole::Prediction));
    const auto proba = rowsOf(c.value(QLatin1String("proba")));
    for (size_t k = 0; k < classes.size(); ++k) {
        std::vector<double> p;
        for (const auto& row : proba) p.push_back(row[k]);
        columns.push_back(
            Column::numeric(probabilityColumnName(classes[k]), p, ColumnRole::Prediction));
    }
    return Table(std::move(columns));
}

} // namespace

class TestCurves : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        const QJsonArray cases =
            fixture::read(QStringLiteral("sklearn/eval_scores.json"))
                .object()
                .value(QLatin1String("classification"))
                .toArray();
        QVERIFY(cases.size() >= 4);
        for (const QJsonValue& v : cases)
            QTest::newRow(v.toObject().value(QLatin1String("name")).toString().toUtf8()) << v.toObject();
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const auto classes = fixture::strings(testCase.value(QLatin1String("classes")));
        const auto y = fixture::strings(testCase.value(QLatin1String("y")));
        const auto proba = rowsOf(testCase.value(QLatin1String("proba")));
        const size_t k = classes.size();

        // The free functions.
        std::vector<int32_t> truth;
        std::vector<double> flat;
        for (size_t i = 0; i < y.size(); ++i) {
            truth.push_back(int32_t(std::find(classes.begin(), classes.end(), y[i]) - classes.begin()));
            flat.insert(flat.end(), proba[i].begin(), proba[i].end());
        }
        const double expectedLogLoss = testCase.value(QLatin1String("log_loss")).toDouble();
        QVERIFY(std::abs(logLoss(truth, flat, k) - expectedLogLoss) <= 1e-12 * expectedLogLoss);

        const QJsonObject curves = testCase.value(QLatin1String("curves")).toObject();
        QCOMPARE(size_t(curves.size()), k == 2 ? size_t(1) : k);
        for (auto it = curves.begin(); it != curves.end(); ++it) {
            const std::string label = it.key().toStdString();
            const size_t c = size_t(std::find(classes.begin(), classes.end(), label) - classes.begin());
            std::vector<bool> positive;
            std::vector<double> score;
            for (size_t i = 0; i < y.size(); ++i) {
                positive.push_back(truth[i] == int32_t(c));
                score.push_back(proba[i][c]);
            }
            const QJsonObject expected = it.value().toObject();
            const RocCurve roc = rocCurve(positive, score);
            QCOMPARE(roc.fpr.size(), size_t(expected.value(QLatin1String("fpr")).toArray().size()));
            QVERIFY(maxDifference(roc.fpr, fixture::numbers(expected.value(QLatin1String("fpr")))) <= 1e-15);
            QVERIFY(maxDifference(roc.tpr, fixture::numbers(expected.value(QLatin1String("tpr")))) <= 1e-15);
            QVERIFY(maxDifference(roc.thresholds,
                                  fixture::numbers(expected.value(QLatin1String("roc_thresholds")))) == 0.0);
            const PrCurve pr = precisionRecallCurve(positive, score);
            QVERIFY(maxDifference(pr.precision,
                                  fixture::numbers(expected.value(QLatin1String("precision")))) <= 1e-15);
            QVERIFY(maxDifference(pr.recall, fixture::numbers(expected.value(QLatin1String("recall")))) <= 1e-15);
            QVERIFY(maxDifference(pr.thresholds,
                                  fixture::numbers(expected.value(QLatin1String("pr_thresholds")))) == 0.0);
            if (k == 2) {
                QVERIFY(std::abs(rocAuc(positive, score) -
                                 testCase.value(QLatin1String("roc_auc")).toDouble()) <= 1e-12);
                QVERIFY(std::abs(averagePrecision(positive, score) -
                                 testCase.value(QLatin1String("average_precision")).toDouble()) <= 1e-12);
            }
        }

        // The same through the predictions table, as the Score node sees it.
        std::vector<Message> warnings;
        const Metrics m = classificationScores(predictionsTable(testCase), &warnings);
        QVERIFY(warnings.empty());
        QVERIFY(m.scalar("accuracy"));
        QVERIFY(m.scalar("log_loss"));
        QVERIFY(std::abs(*m.scalar("log_loss") - expectedLogLoss) <= 1e-12 * expectedLogLoss);
        if (k == 2) {
            QVERIFY(m.scalar("roc_auc"));
            QVERIFY(!m.scalar("roc_auc_ovr"));
            QVERIFY(std::abs(*m.scalar("roc_auc") - testCase.value(QLatin1String("roc_auc")).toDouble()) <= 1e-12);
            QVERIFY(std::abs(*m.scalar("average_precision") -
                             testCase.value(QLatin1String("average_precision")).toDouble()) <= 1e-12);
        } else {
            QVERIFY(m.scalar("roc_auc_ovr"));
            QVERIFY(std::abs(*m.scalar("roc_auc_ovr") -
                             testCase.value(QLatin1String("roc_auc_ovr")).toDouble()) <= 1e-12);
        }
        for (auto it = curves.begin(); it != curves.end(); ++it) {
            const std::string label = it.key().toStdString();
            const LabeledMatrix* roc = m.matrix("roc:" + label);
            const LabeledMatrix* pr = m.matrix("pr:" + label);
            QVERIFY(roc);
            QVERIFY(pr);
            QCOMPARE(roc->columnLabels, (std::vector<std::string>{"fpr", "tpr", "threshold"}));
            QCOMPARE(pr->columnLabels, (std::vector<std::string>{"recall", "precision", "threshold"}));
            const QJsonObject expected = it.value().toObject();
            QVERIFY(maxDifference(matrixColumn(*roc, 1),
                                  fixture::numbers(expected.value(QLatin1String("tpr")))) <= 1e-15);
            QVERIFY(maxDifference(matrixColumn(*pr, 0),
                                  fixture::numbers(expected.value(QLatin1String("recall")))) <= 1e-15);
            QCOMPARE(pr->rowLabels.size(), pr->values.size() / 3);
        }
        if (k == 2) QVERIFY(!m.matrix("roc:" + classes[0]));  // only the positive class
    }

    void dropsIntermediatePoints() {
        // Three negatives in a row lie on one straight segment: the middle ones are dropped.
        // scikit-learn: thresholds [1.9, 0.9, 0.8, 0.55, 0.5, 0.4], AUC 0.75.
        const std::vector<bool> positive = {true, true, false, false, false, true, false};
        const std::vector<double> score = {0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4};
        const RocCurve roc = rocCurve(positive, score);
        QCOMPARE(roc.thresholds, (std::vector<double>{1.9, 0.9, 0.8, 0.55, 0.5, 0.4}));
        QCOMPARE(roc.fpr, (std::vector<double>{0, 0, 0, 0.75, 0.75, 1}));
        QCOMPARE(rocAuc(positive, score), 0.75);
    }

    void rejectsOneSidedAndBadInput() {
        QVERIFY_THROWS_EXCEPTION(Error, rocCurve({true, true}, {0.1, 0.2}));
        QVERIFY_THROWS_EXCEPTION(Error, rocCurve({true, false}, {0.1}));
        QVERIFY_THROWS_EXCEPTION(Error, rocCurve({true, false}, {0.1, NAN}));
        QVERIFY_THROWS_EXCEPTION(Error, logLoss({0, 2}, {0.5, 0.5, 0.5, 0.5}, 2));
        QVERIFY_THROWS_EXCEPTION(Error, logLoss({0}, {1.0}, 1));
    }

    void logLossClipsCertainMistakes() {
        // p = 0 for the true class is clipped to eps: −log(eps) ≈ 36.04, not infinity.
        const double loss = logLoss({0}, {0.0, 1.0}, 2);
        QVERIFY(std::isfinite(loss));
        QVERIFY(std::abs(loss - 36.04365338911715) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestCurves)
#include "tst_curves.moc"

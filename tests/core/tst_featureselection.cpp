// Variance threshold and SelectKBest against scikit-learn 1.2 / scipy 1.10
// (make_feature_fixtures.py): F statistics and p-values (the F survival function through the
// regularised incomplete beta), the selected features including ties, errors, the nodes.
#include "../JsonFixture.h"

#include "data/CsvReader.h"
#include "data/Table.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/FeatureSelection.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QtTest>

#include <cmath>

using namespace oficina::core;

namespace {

Table loadDataset(const std::string& name) {
    Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    const Column& last = t.column(t.columnCount() - 1);
    t = t.withColumn(last.withRole(ColumnRole::Target));
    t.startLineage();
    return t;
}

bool close(double a, double b, double rel) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= rel * std::abs(b) || (b == 0 && std::abs(a) < 1e-300);
}

std::vector<bool> bools(const QJsonValue& v) {
    std::vector<bool> out;
    for (const QJsonValue& b : v.toArray())
        out.push_back(b.toBool());
    return out;
}

std::vector<bool> selectedColumn(const Metrics& m) {
    const LabeledMatrix* scores = m.matrix("feature_scores");
    std::vector<bool> out;
    const size_t selected = scores->columnLabels.size() - 1;
    for (size_t r = 0; r < scores->rowLabels.size(); ++r)
        out.push_back(scores->at(r, selected) == 1.0);
    return out;
}

} // namespace

class FeatureSelectionTest : public QObject {
    Q_OBJECT

    QJsonObject m_doc;

private Q_SLOTS:
    void initTestCase() { m_doc = fixture::read("sklearn/feature_selection.json").object(); }

    void fSurvivalMatchesScipy() {
        for (const QJsonValue& value : m_doc["fdtrc"].toArray()) {
            const QJsonObject c = value.toObject();
            const double sf =
                fSurvival(c["f"].toDouble(), c["dfn"].toDouble(), c["dfd"].toDouble());
            QVERIFY2(close(sf, c["sf"].toDouble(), 1e-9),
                     qPrintable(QString("F(%1, %2) sf(%3) = %4, scipy %5")
                                    .arg(c["dfn"].toDouble())
                                    .arg(c["dfd"].toDouble())
                                    .arg(c["f"].toDouble())
                                    .arg(sf, 0, 'g', 17)
                                    .arg(c["sf"].toDouble(), 0, 'g', 17)));
        }
        QCOMPARE(fSurvival(0, 3, 10), 1.0);
        QCOMPARE(fSurvival(INFINITY, 3, 10), 0.0);
        // I_x(1, 1) = x; I_x(a, b) = 1 − I_{1−x}(b, a)
        QVERIFY(std::abs(regularizedIncompleteBeta(1, 1, 0.3, 0.7) - 0.3) < 1e-15);
        QVERIFY(std::abs(regularizedIncompleteBeta(2.5, 4, 0.2, 0.8) +
                         regularizedIncompleteBeta(4, 2.5, 0.8, 0.2) - 1) < 1e-14);
    }

    void scoresAndSelectionMatchScikitLearn() {
        int checked = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/feature_selection.json")) {
            const QJsonObject c = value.toObject();
            const Table table = loadDataset(c["dataset"].toString().toStdString());
            const ScoreFunction function = c["score_func"].toString() == "f_classif"
                                               ? ScoreFunction::FClassif
                                               : ScoreFunction::FRegression;
            const auto scores = fixture::numbers(c["scores"]);
            const auto pValues = fixture::numbers(c["p_values"]);
            const QJsonObject supports = c["support"].toObject();
            for (const QString& k : supports.keys()) {
                const FeatureSelection s =
                    fitSelectKBest(table, {.k = k.toInt(), .scoreFunc = function});
                QCOMPARE(selectedColumn(s.scores), bools(supports[k]));
                QCOMPARE(s.step->kept().size(), size_t(k.toInt()));
                const Table out = applyStep(s.step, table);
                QCOMPARE(out.columnCount(), size_t(k.toInt()) + 1); // the target stays
                const LabeledMatrix* m = s.scores.matrix("feature_scores");
                QCOMPARE(m->columnLabels,
                         (std::vector<std::string>{"score", "p_value", "selected"}));
                for (size_t j = 0; j < scores.size(); ++j) {
                    // scikit-learn gives NaN for a feature constant in every class; we 0 and 1.
                    const double score = std::isnan(scores[j]) ? 0.0 : scores[j];
                    const double p = std::isnan(pValues[j]) ? 1.0 : pValues[j];
                    QVERIFY2(close(m->at(j, 0), score, 1e-8),
                             qPrintable(QString("%1 score %2: %3 vs %4")
                                            .arg(c["dataset"].toString())
                                            .arg(j)
                                            .arg(m->at(j, 0), 0, 'g', 17)
                                            .arg(score, 0, 'g', 17)));
                    QVERIFY2(close(m->at(j, 1), p, 1e-6) || (p < 1e-200 && m->at(j, 1) < 1e-200),
                             qPrintable(QString("%1 p %2: %3 vs %4")
                                            .arg(c["dataset"].toString())
                                            .arg(j)
                                            .arg(m->at(j, 1), 0, 'g', 17)
                                            .arg(p, 0, 'g', 17)));
                }
            }
            ++checked;
        }
        QCOMPARE(checked, 5);
    }

    void tiesKeepTheLaterFeatures() {
        const QJsonObject ties = m_doc["ties"].toObject();
        const QJsonArray x = ties["X"].toArray();
        std::vector<Column> columns;
        for (qsizetype j = 0; j < x[0].toArray().size(); ++j) {
            std::vector<double> v;
            for (const QJsonValue& row : x)
                v.push_back(row.toArray()[j].toDouble());
            columns.push_back(Column::numeric("f" + std::to_string(j), std::move(v)));
        }
        const auto labels = fixture::strings(ties["y"]);
        std::vector<int32_t> codes;
        for (const auto& l : labels)
            codes.push_back(l == "setosa" ? 0 : l == "versicolor" ? 1 : 2);
        columns.push_back(Column::categorical(
            "species", codes, {"setosa", "versicolor", "virginica"}, ColumnRole::Target));
        const FeatureSelection s = fitSelectKBest(Table(columns), {.k = ties["k"].toInt()});
        QCOMPARE(selectedColumn(s.scores), bools(ties["support"]));
    }

    void kBeyondTheFeaturesKeepsAllWithAWarning() {
        const FeatureSelection s = fitSelectKBest(loadDataset("iris"), {.k = 10});
        QVERIFY(s.warning);
        QCOMPARE(s.step->kept().size(), size_t(4));
        QVERIFY(s.step->dropped().empty());
    }

    void varianceThresholdMatchesScikitLearn() {
        const Table digits = loadDataset("digits");
        for (const QJsonValue& value : m_doc["variance"].toArray()) {
            const QJsonObject c = value.toObject();
            const FeatureSelection s = fitVarianceThreshold(digits, c["threshold"].toDouble());
            QCOMPARE(selectedColumn(s.scores), bools(c["support"]));
            const auto variances = fixture::numbers(c["variances"]);
            const LabeledMatrix* m = s.scores.matrix("feature_scores");
            for (size_t j = 0; j < variances.size(); ++j)
                QVERIFY(std::abs(m->at(j, 0) - variances[j]) <=
                        1e-10 * std::max(1.0, variances[j]));
            const Table out = applyStep(s.step, digits);
            QCOMPARE(out.column(out.columnCount() - 1).name(), std::string("digit"));
            // Predict re-applies the selection to raw rows.
            QCOMPARE(out.lineage().applyTo(digits).columnNames(), out.columnNames());
        }
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitVarianceThreshold(digits, 1e9));
    }

    void badInputIsAClearError() {
        const Table noTarget(std::vector<Column>{Column::numeric("a", {1, 2, 3})});
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitSelectKBest(noTarget));
        const Table categorical(std::vector<Column>{
            Column::numeric("a", {1, 2, 3}), Column::categorical("town", {0, 1, 0}, {"x", "y"}),
            Column::numeric("y", {1, 2, 3}, ColumnRole::Target)});
        try {
            (void)fitSelectKBest(categorical);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args(), std::vector<std::string>{"town"});
        }
        const Table missing(
            std::vector<Column>{Column::numeric("a", {1, NAN, 3}),
                                Column::numeric("y", {1, 2, 3}, ColumnRole::Target)});
        try {
            (void)fitSelectKBest(missing);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args().front(), std::string("a"));
        }
    }

    void nodesOutputDataAndScores() {
        NodeRegistry registry;
        registerFeatureNodes(registry);
        const NodeSpec* spec = registry.find("oficina.select.k_best");
        QVERIFY(spec);
        ParamValues params = spec->defaults();
        params.set("k", int64_t(3));
        RunContext ctx;
        const PortValues out =
            spec->run(NodeInputs({{"data", tableValue(loadDataset("diabetes"))}}), params, ctx);
        const Table& table = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        QCOMPARE(table.columnNames(), (std::vector<std::string>{"bmi", "bp", "s5", "progression"}));
        const Metrics& scores = *std::get<std::shared_ptr<const Metrics>>(out.at("scores"));
        QCOMPARE(scores.matrix("feature_scores")->rowLabels.size(), size_t(10));
        const NodeSpec* variance = registry.find("oficina.select.variance");
        const PortValues v = variance->run(
            NodeInputs({{"data", tableValue(loadDataset("digits"))}}), variance->defaults(), ctx);
        QCOMPARE(std::get<std::shared_ptr<const Table>>(v.at("data"))->columnCount(), size_t(62));
    }
};

QTEST_GUILESS_MAIN(FeatureSelectionTest)
#include "tst_featureselection.moc"

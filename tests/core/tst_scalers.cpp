// Min-max and robust scalers against scikit-learn 1.2 (tests/data/make_feature_fixtures.py):
// fitted parameters and transformed values on wine with NaN and a constant column, refit,
// pass-through of other columns, clear errors, and the nodes.
#include "../JsonFixture.h"

#include "data/Table.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/Scalers.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QtTest>

#include <cmath>

using namespace oficina::core;

namespace {

bool close(double a, double b, double rel = 1e-12) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)});
}

void compareVectors(const std::vector<double>& actual, const std::vector<double>& expected,
                    double rel = 1e-12) {
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i)
        if (!close(actual[i], expected[i], rel))
            QFAIL(qPrintable(QString("entry %1: %2 != %3")
                                 .arg(i)
                                 .arg(actual[i], 0, 'g', 17)
                                 .arg(expected[i], 0, 'g', 17)));
}

// The fixture's X as a table, plus a categorical feature and a target that must pass through.
Table fixtureTable(const QJsonObject& doc, size_t rows = SIZE_MAX) {
    const auto features = fixture::strings(doc["features"]);
    const QJsonArray x = doc["X"].toArray();
    rows = std::min(rows, size_t(x.size()));
    std::vector<Column> columns;
    for (size_t j = 0; j < features.size(); ++j) {
        std::vector<double> values;
        for (size_t i = 0; i < rows; ++i)
            values.push_back(fixture::number(x[qsizetype(i)].toArray()[qsizetype(j)]));
        columns.push_back(Column::numeric(features[j], std::move(values)));
    }
    std::vector<int32_t> codes(rows), target(rows);
    for (size_t i = 0; i < rows; ++i) {
        codes[i] = int32_t(i % 2);
        target[i] = int32_t(i % 3);
    }
    columns.push_back(Column::categorical("colour", codes, {"red", "blue"}));
    columns.push_back(Column::categorical("class", target, {"a", "b", "c"}, ColumnRole::Target));
    return Table(std::move(columns));
}

std::vector<double> columnOf(const QJsonValue& matrix, size_t j) {
    std::vector<double> out;
    for (const QJsonValue& row : matrix.toArray())
        out.push_back(fixture::number(row.toArray()[qsizetype(j)]));
    return out;
}

std::array<double, 2> pair(const QJsonValue& v, std::array<double, 2> fallback) {
    if (v.isUndefined()) return fallback;
    const QJsonArray a = v.toArray();
    return {a[0].toDouble(), a[1].toDouble()};
}

} // namespace

class ScalersTest : public QObject {
    Q_OBJECT

    QJsonObject m_doc;

private Q_SLOTS:
    void initTestCase() { m_doc = fixture::read("sklearn/scalers.json").object(); }

    void minMaxMatchesScikitLearn() {
        const Table all = fixtureTable(m_doc);
        const Table train = fixtureTable(m_doc, size_t(m_doc["fit_rows"].toInt()));
        const auto features = fixture::strings(m_doc["features"]);
        int checked = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/scalers.json")) {
            const QJsonObject c = value.toObject();
            if (c["kind"].toString() != "minmax") continue;
            const QJsonObject params = c["params"].toObject();
            const auto step =
                fitMinMaxScaler(train, {.featureRange = pair(params["feature_range"], {0, 1}),
                                        .clip = params["clip"].toBool(false)});
            QCOMPARE(step->columns(), features);
            compareVectors(step->dataMin(), fixture::numbers(c["data_min"]));
            compareVectors(step->dataMax(), fixture::numbers(c["data_max"]));
            compareVectors(step->scale(), fixture::numbers(c["scale"]));
            compareVectors(step->offset(), fixture::numbers(c["min"]));
            const Table out = applyStep(step, all);
            for (size_t j = 0; j < features.size(); ++j)
                compareVectors(out.column(features[j]).values(), columnOf(c["transformed"], j));
            // The categorical feature and the target pass through untouched.
            QCOMPARE(out.column("colour").dataIdentity(), all.column("colour").dataIdentity());
            QCOMPARE(out.column("class").role(), ColumnRole::Target);
            QCOMPARE(out.lineage().steps.size(), size_t(1));
            ++checked;
        }
        QCOMPARE(checked, 3);
    }

    void robustMatchesScikitLearn() {
        const Table all = fixtureTable(m_doc);
        const Table train = fixtureTable(m_doc, size_t(m_doc["fit_rows"].toInt()));
        const auto features = fixture::strings(m_doc["features"]);
        int checked = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/scalers.json")) {
            const QJsonObject c = value.toObject();
            if (c["kind"].toString() != "robust") continue;
            const QJsonObject params = c["params"].toObject();
            const auto step =
                fitRobustScaler(train, {.withCentering = params["with_centering"].toBool(true),
                                        .withScaling = params["with_scaling"].toBool(true),
                                        .quantileRange = pair(params["quantile_range"], {25, 75})});
            compareVectors(step->center(), fixture::numbers(c["center"]));
            compareVectors(step->scale(), fixture::numbers(c["scale"]));
            const Table out = applyStep(step, all);
            for (size_t j = 0; j < features.size(); ++j)
                compareVectors(out.column(features[j]).values(), columnOf(c["transformed"], j));
            ++checked;
        }
        QCOMPARE(checked, 4);
    }

    void percentileIsNumpysLinear() {
        // np.percentile([1, 2, 4, 8, 16], [0, 10, 25, 50, 62.5, 90, 100])
        const std::vector<double> v{1, 2, 4, 8, 16};
        QCOMPARE(percentileOfSorted(v, 0), 1.0);
        QCOMPARE(percentileOfSorted(v, 10), 1.4);
        QCOMPARE(percentileOfSorted(v, 25), 2.0);
        QCOMPARE(percentileOfSorted(v, 50), 4.0);
        QCOMPARE(percentileOfSorted(v, 62.5), 6.0);
        QCOMPARE(percentileOfSorted(v, 90), 12.8);
        QCOMPARE(percentileOfSorted(v, 100), 16.0);
    }

    void refitLearnsFromTheNewRows() {
        const Table all = fixtureTable(m_doc);
        const Table train = fixtureTable(m_doc, 60);
        const auto step = fitMinMaxScaler(train, {.featureRange = {-1, 1}});
        const auto refitted = std::dynamic_pointer_cast<const MinMaxScalerStep>(step->refit(all));
        QVERIFY(refitted);
        QCOMPARE(refitted->dataMax(), fitMinMaxScaler(all)->dataMax());
        QVERIFY(refitted->dataMax() != step->dataMax());
        QCOMPARE(refitted->scale(), fitMinMaxScaler(all, {.featureRange = {-1, 1}})->scale());
        const auto robust = fitRobustScaler(train);
        const auto robustRefit =
            std::dynamic_pointer_cast<const RobustScalerStep>(robust->refit(all));
        QCOMPARE(robustRefit->center(), fitRobustScaler(all)->center());
    }

    void clipKeepsNewRowsInRange() {
        const Table train(std::vector<Column>{Column::numeric("x", {0, 10})});
        const Table test(std::vector<Column>{Column::numeric("x", {-5, 5, 20})});
        const auto clipped = fitMinMaxScaler(train, {.clip = true});
        QCOMPARE(applyStep(clipped, test).column("x").values(), (std::vector<double>{0, 0.5, 1}));
        const auto free = fitMinMaxScaler(train);
        QCOMPARE(applyStep(free, test).column("x").values(), (std::vector<double>{-0.5, 0.5, 2}));
    }

    void badInputIsAClearError() {
        const Table train(std::vector<Column>{Column::numeric("x", {0, 10})});
        const auto step = fitRobustScaler(train);
        const Table renamed(std::vector<Column>{Column::numeric("y", {1, 2})});
        try {
            (void)applyStep(step, renamed);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args(), std::vector<std::string>{"x"});
        }
        const Table categorical(std::vector<Column>{Column::categorical("x", {0, 1}, {"a", "b"})});
        QVERIFY_THROWS_EXCEPTION(Error, (void)applyStep(step, categorical));
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitMinMaxScaler(train, {.featureRange = {1, 0}}));
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitRobustScaler(train, {.quantileRange = {80, 20}}));
    }

    void nodesScaleThroughTheirSpecs() {
        NodeRegistry registry;
        registerFeatureNodes(registry);
        const Table all = fixtureTable(m_doc);
        for (const char* type : {"oficina.scale.minmax", "oficina.scale.robust"}) {
            const NodeSpec* spec = registry.find(type);
            QVERIFY(spec);
            ParamValues params = spec->defaults();
            RunContext ctx;
            const PortValues out = spec->run(NodeInputs({{"data", tableValue(all)}}), params, ctx);
            const Table& table = *std::get<std::shared_ptr<const Table>>(out.at("data"));
            QCOMPARE(table.lineage().steps.back()->typeId(), std::string(type));
            const std::vector<double>& alcohol = table.column("alcohol").values();
            std::vector<double> sorted;
            for (double v : alcohol)
                if (!std::isnan(v)) sorted.push_back(v);
            std::sort(sorted.begin(), sorted.end());
            if (std::string(type) == "oficina.scale.minmax") {
                QCOMPARE(sorted.front(), 0.0);
                QCOMPARE(sorted.back(), 1.0);
            } else {
                QVERIFY(std::abs(percentileOfSorted(sorted, 50)) < 1e-12);
            }
        }
    }
};

QTEST_GUILESS_MAIN(ScalersTest)
#include "tst_scalers.moc"

// Polynomial features against scikit-learn 1.2 on iris (tests/data/make_feature_fixtures.py):
// column names and order, values, bias, interaction-only; errors; the node.
#include "../JsonFixture.h"

#include "data/CsvReader.h"
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/PolynomialFeatures.h"
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

} // namespace

class PolynomialTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn() {
        const Table iris = loadDataset("iris");
        int checked = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/polynomial.json")) {
            const QJsonObject c = value.toObject();
            const QJsonObject p = c["params"].toObject();
            const auto step =
                fitPolynomialFeatures(iris, {.degree = p["degree"].toInt(),
                                             .interactionOnly = p["interaction_only"].toBool(false),
                                             .includeBias = p["include_bias"].toBool()});
            const auto names = fixture::strings(c["names"]);
            QCOMPARE(step->outputColumns(), names);
            const Table out = applyStep(step, iris);
            // The terms replace the four features; the target follows them.
            QCOMPARE(out.columnCount(), names.size() + 1);
            QCOMPARE(out.column(names.size()).name(), std::string("species"));
            const QJsonArray head = c["transformed_head"].toArray();
            const auto sums = fixture::numbers(c["column_sums"]);
            for (size_t j = 0; j < names.size(); ++j) {
                const std::vector<double>& v = out.column(names[j]).values();
                for (qsizetype i = 0; i < head.size(); ++i)
                    QCOMPARE(v[size_t(i)], head[i].toArray()[qsizetype(j)].toDouble());
                double sum = 0;
                for (double x : v)
                    sum += x;
                QVERIFY(std::abs(sum - sums[j]) <= 1e-12 * std::abs(sums[j]));
            }
            ++checked;
        }
        QCOMPARE(checked, 4);
    }

    void namesFollowScikitLearn() {
        const Table t(
            std::vector<Column>{Column::numeric("a", {1, 2}), Column::numeric("b", {3, 4})});
        const auto step = fitPolynomialFeatures(t, {.degree = 3});
        QCOMPARE(step->outputColumns(), (std::vector<std::string>{"a", "b", "a^2", "a b", "b^2",
                                                                  "a^3", "a^2 b", "a b^2", "b^3"}));
        const Table out = applyStep(step, t);
        QCOMPARE(out.column("a^2 b").values(), (std::vector<double>{3, 16}));
    }

    void badInputIsAClearError() {
        const Table categorical(std::vector<Column>{
            Column::numeric("a", {1, 2}), Column::categorical("town", {0, 1}, {"x", "y"})});
        try {
            (void)fitPolynomialFeatures(categorical);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args(), std::vector<std::string>{"town"});
        }
        const Table missing(std::vector<Column>{Column::numeric("a", {1, NAN})});
        try {
            (void)fitPolynomialFeatures(missing);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args().front(), std::string("a"));
        }
        std::vector<Column> wide;
        for (int j = 0; j < 60; ++j)
            wide.push_back(Column::numeric("x" + std::to_string(j), {1.0}));
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitPolynomialFeatures(Table(wide), {.degree = 5}));
    }

    void nodeExpandsThroughItsSpec() {
        NodeRegistry registry;
        registerFeatureNodes(registry);
        const NodeSpec* spec = registry.find("oficina.features.polynomial");
        QVERIFY(spec);
        ParamValues params = spec->defaults();
        params.set("interaction_only", true);
        RunContext ctx;
        const PortValues out =
            spec->run(NodeInputs({{"data", tableValue(loadDataset("iris"))}}), params, ctx);
        const Table& table = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        QCOMPARE(table.columnCount(), size_t(4 + 6 + 1)); // 4 features, 6 pairs, the target
        QVERIFY(table.find("sepal length (cm) petal width (cm)"));
    }
};

QTEST_GUILESS_MAIN(PolynomialTest)
#include "tst_polynomial.moc"

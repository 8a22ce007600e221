// Yeo-Johnson and log1p against scikit-learn 1.2 / scipy 1.10 (make_feature_fixtures.py):
// lambdas_ to 1e-6 relative (in practice ~1e-9), the standardising scaler and transformed
// values, NaN kept, constant columns and values ≤ −1 as clear errors, the node.
#include "../JsonFixture.h"

#include "data/CsvReader.h"
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/PowerTransform.h"
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
    return std::abs(a - b) <= rel * std::max(1.0, std::abs(b));
}

#define COMPARE_CLOSE(a, b, rel)                                                                   \
    QVERIFY2(close((a), (b), (rel)),                                                               \
             qPrintable(QString("%1 != %2").arg((a), 0, 'g', 17).arg((b), 0, 'g', 17)))

} // namespace

class PowerTransformTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void brentFindsAParabolasMinimum() {
        const double x = brentMinimize([](double v) { return (v - 0.7) * (v - 0.7) + 3; }, -2, 2);
        QVERIFY(std::abs(x - 0.7) < 1e-7);
    }

    void yeoJohnsonMatchesScikitLearn() {
        int checked = 0, flatColumns = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/power_transform.json")) {
            const QJsonObject c = value.toObject();
            const std::string dataset = c["dataset"].toString().toStdString();
            Table table;
            if (dataset == "synthetic") {
                const QJsonArray x = c["X"].toArray();
                std::vector<Column> columns;
                for (qsizetype j = 0; j < x[0].toArray().size(); ++j) {
                    std::vector<double> v;
                    for (const QJsonValue& row : x)
                        v.push_back(fixture::number(row.toArray()[j]));
                    columns.push_back(Column::numeric("x" + std::to_string(j), std::move(v)));
                }
                table = Table(std::move(columns));
            } else {
                table = loadDataset(dataset);
            }
            const bool standardize = c["standardize"].toBool();
            const auto step = fitPowerTransform(table, {.standardize = standardize});
            const auto lambdas = fixture::numbers(c["lambdas"]);
            QCOMPARE(step->lambdas().size(), lambdas.size());
            std::vector<bool> flat(lambdas.size(), false);
            for (size_t j = 0; j < lambdas.size(); ++j) {
                if (close(step->lambdas()[j], lambdas[j], 1e-6)) continue;
                // Equally optimal: the likelihood is flat below rounding between the two
                // (numpy's SIMD pow/log1p differ from libm in the last bit).
                std::vector<double> x;
                for (double v : table.column(step->columns()[j]).values())
                    if (!std::isnan(v)) x.push_back(v);
                const double ours = yeoJohnsonNegativeLogLikelihood(x, step->lambdas()[j]);
                const double theirs = yeoJohnsonNegativeLogLikelihood(x, lambdas[j]);
                QVERIFY2(std::abs(ours - theirs) <= 1e-13 * std::abs(theirs),
                         qPrintable(QString("%1 column %2: lambda %3 vs %4")
                                        .arg(dataset.c_str())
                                        .arg(j)
                                        .arg(step->lambdas()[j], 0, 'g', 17)
                                        .arg(lambdas[j], 0, 'g', 17)));
                COMPARE_CLOSE(step->lambdas()[j], lambdas[j], 1e-4);
                flat[j] = true;
                ++flatColumns;
            }
            const double meanTolerance = 1e-6;
            if (standardize)
                for (size_t j = 0; j < lambdas.size(); ++j) {
                    if (flat[j]) continue;
                    COMPARE_CLOSE(step->mean()[j], fixture::numbers(c["mean"])[j], meanTolerance);
                    COMPARE_CLOSE(step->scale()[j], fixture::numbers(c["scale"])[j], meanTolerance);
                }
            const Table out = applyStep(step, table);
            const QJsonArray rows = c.contains("transformed") ? c["transformed"].toArray()
                                                              : c["transformed_head"].toArray();
            for (size_t j = 0; j < lambdas.size(); ++j) {
                const std::vector<double>& v = out.column(step->columns()[j]).values();
                // A flat column's exponent differs by ~1e-6, which moves standardised values by
                // about as much (raw ones, tiny for such exponents, relatively more).
                const double tolerance =
                    flat[j] ? (standardize ? 1e-4 : 1e-4 * std::abs(v[0])) : 1e-6;
                for (qsizetype i = 0; i < rows.size(); ++i)
                    COMPARE_CLOSE(v[size_t(i)], fixture::number(rows[i].toArray()[qsizetype(j)]),
                                  tolerance);
            }
            ++checked;
        }
        QCOMPARE(checked, 7);
        QVERIFY(flatColumns <= 2); // wine's magnesium (λ ≈ −1.45), with and without scaling
    }

    void log1pAndItsErrors() {
        const Table t(std::vector<Column>{Column::numeric("x", {0, 1, NAN, 9}),
                                          Column::categorical("c", {0, 1, 0, 1}, {"a", "b"})});
        const auto step = fitPowerTransform(t, {.method = PowerMethod::Log1p});
        QVERIFY(!step->learnsFromData());
        const Table out = applyStep(step, t);
        QCOMPARE(out.column("x").values()[1], std::log1p(1.0));
        QVERIFY(std::isnan(out.column("x").values()[2]));
        QCOMPARE(out.column("c").dataIdentity(), t.column("c").dataIdentity());
        const Table bad(std::vector<Column>{Column::numeric("debt", {0, -1, 3})});
        try {
            (void)fitPowerTransform(bad, {.method = PowerMethod::Log1p});
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args().front(), std::string("debt"));
        }
        // Rows seen only at predict time are checked too.
        QVERIFY_THROWS_EXCEPTION(
            Error, (void)applyStep(step, Table(std::vector<Column>{Column::numeric("x", {-2})})));
    }

    void constantColumnIsAClearError() {
        const Table t(std::vector<Column>{Column::numeric("ok", {1, 2, 5}),
                                          Column::numeric("flat", {4, 4, 4})});
        try {
            (void)fitPowerTransform(t);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args(), std::vector<std::string>{"flat"});
        }
    }

    void nodeTransformsAndStops() {
        NodeRegistry registry;
        registerFeatureNodes(registry);
        const NodeSpec* spec = registry.find("oficina.features.power");
        QVERIFY(spec);
        RunContext ctx;
        const PortValues out = spec->run(NodeInputs({{"data", tableValue(loadDataset("wine"))}}),
                                         spec->defaults(), ctx);
        const Table& table = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        double sum = 0;
        for (double v : table.column("proline").values())
            sum += v;
        QVERIFY(std::abs(sum) < 1e-9); // standardised
        std::stop_source stop;
        stop.request_stop();
        RunContext stopped(stop.get_token());
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 spec->run(NodeInputs({{"data", tableValue(loadDataset("wine"))}}),
                                           spec->defaults(), stopped));
    }
};

QTEST_GUILESS_MAIN(PowerTransformTest)
#include "tst_powertransform.moc"

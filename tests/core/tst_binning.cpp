// KBinsDiscretizer's edges and codes against scikit-learn 1.2 (make_feature_fixtures.py) on
// iris, wine and diabetes, uniform and quantile (with merged narrow bins); one-hot columns,
// constant columns, missing values, errors and the node.
#include "../JsonFixture.h"

#include "data/CsvReader.h"
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/Binning.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QtTest>

#include <cmath>
#include <map>

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

class BinningTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void edgesAndCodesMatchScikitLearn() {
        std::map<std::string, Table> tables;
        int checked = 0, merged = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/binning.json")) {
            const QJsonObject c = value.toObject();
            const std::string dataset = c["dataset"].toString().toStdString();
            if (!tables.count(dataset)) tables[dataset] = loadDataset(dataset);
            const Table& table = tables[dataset];
            const BinningOptions options{.nBins = c["n_bins"].toInt(),
                                         .strategy = c["strategy"].toString() == "uniform"
                                                         ? BinStrategy::Uniform
                                                         : BinStrategy::Quantile,
                                         .encode = BinEncoding::Ordinal};
            const auto step = fitBinning(table, options);
            const QJsonArray edges = c["edges"].toArray();
            QCOMPARE(step->edges().size(), size_t(edges.size()));
            for (size_t j = 0; j < step->edges().size(); ++j) {
                const auto expected = fixture::numbers(edges[qsizetype(j)]);
                QCOMPARE(step->edges()[j].size(), expected.size());
                merged += expected.size() != size_t(options.nBins) + 1;
                for (size_t e = 0; e < expected.size(); ++e)
                    QVERIFY2(
                        std::abs(step->edges()[j][e] - expected[e]) <=
                            1e-12 * std::max(1.0, std::abs(expected[e])),
                        qPrintable(
                            QString("%1 feature %2 edge %3").arg(dataset.c_str()).arg(j).arg(e)));
            }
            const Table out = applyStep(step, table);
            const QJsonArray codes = c["ordinal"].toArray();
            for (size_t j = 0; j < step->columns().size(); ++j) {
                const std::vector<double>& v = out.column(step->columns()[j]).values();
                for (qsizetype i = 0; i < codes.size(); ++i)
                    QCOMPARE(v[size_t(i)], codes[i].toArray()[qsizetype(j)].toDouble());
            }
            ++checked;
        }
        QCOMPARE(checked, 18);
        QVERIFY(merged > 0); // the fixture exercises scikit-learn's merging of narrow bins
    }

    void oneHotColumnsReplaceTheFeatureInPlace() {
        const Table t(std::vector<Column>{
            Column::numeric("before", {1, 1, 1, 1}), Column::numeric("x", {0, 1, 2, 3}),
            Column::categorical("y", {0, 1, 0, 1}, {"a", "b"}, ColumnRole::Target)});
        const auto step = fitBinning(t, {.nBins = 2, .strategy = BinStrategy::Uniform});
        const Table out = applyStep(step, t);
        // "before" is constant: one bin, one column of ones.
        QCOMPARE(out.columnNames(), (std::vector<std::string>{"before_0", "x_0", "x_1", "y"}));
        QCOMPARE(out.column("x_1").values(), (std::vector<double>{0, 0, 1, 1}));
        QCOMPARE(out.column("before_0").values(), (std::vector<double>{1, 1, 1, 1}));
        // New rows: beyond the edges go to the outer bins; missing stays missing.
        const Table fresh(std::vector<Column>{Column::numeric("before", {5, 5, 5}),
                                              Column::numeric("x", {-10, 99, NAN})});
        const Table applied = applyStep(step, fresh);
        QCOMPARE(applied.column("x_0").values()[0], 1.0);
        QCOMPARE(applied.column("x_1").values()[1], 1.0);
        QVERIFY(std::isnan(applied.column("x_0").values()[2]));
    }

    void badInputIsAClearError() {
        const Table t(std::vector<Column>{Column::numeric("age", {1, NAN, 3})});
        try {
            (void)fitBinning(t);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args().front(), std::string("age"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitBinning(t, {.nBins = 1}));
    }

    void nodeBinsThroughItsSpec() {
        NodeRegistry registry;
        registerFeatureNodes(registry);
        const NodeSpec* spec = registry.find("oficina.features.bins");
        QVERIFY(spec);
        RunContext ctx;
        const PortValues out = spec->run(NodeInputs({{"data", tableValue(loadDataset("iris"))}}),
                                         spec->defaults(), ctx);
        const Table& table = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        QCOMPARE(table.columnCount(), size_t(4 * 5 + 1));
        // Each row falls in exactly one bin, and quantile bins are all used.
        std::vector<double> perRow(table.rowCount(), 0.0);
        for (int b = 0; b < 5; ++b) {
            const auto& v = table.column("petal length (cm)_" + std::to_string(b)).values();
            double count = 0;
            for (size_t i = 0; i < v.size(); ++i) {
                perRow[i] += v[i];
                count += v[i];
            }
            QVERIFY(count >= 15);
        }
        QCOMPARE(perRow, std::vector<double>(table.rowCount(), 1.0));
    }
};

QTEST_GUILESS_MAIN(BinningTest)
#include "tst_binning.moc"

// Imputer against scikit-learn 1.2's SimpleImputer (tests/data/make_clean_fixtures.py): wine
// with NaN injected, tie-breaking columns, all-missing columns (dropped) and categorical
// columns, for every strategy; re-application to new rows, errors, and the node.
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/Imputer.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

using namespace oficina::core;

namespace {

const QString kFixture = QStringLiteral("sklearn/imputer.json");
const double kNan = std::numeric_limits<double>::quiet_NaN();

Column categoricalFrom(const std::string& name, const std::vector<std::string>& cells,
                       const std::vector<bool>& missing) {
    std::vector<std::string> categories;
    for (size_t i = 0; i < cells.size(); ++i)
        if (!missing[i]) categories.push_back(cells[i]);
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    std::vector<int32_t> codes;
    for (size_t i = 0; i < cells.size(); ++i)
        codes.push_back(missing[i] ? Column::kMissingCode
                                   : int32_t(std::lower_bound(categories.begin(), categories.end(),
                                                              cells[i]) -
                                             categories.begin()));
    return Column::categorical(name, std::move(codes), std::move(categories));
}

Table fixtureTable() {
    const QJsonObject data =
        fixture::read(kFixture).object().value(QLatin1String("data")).toObject();
    std::vector<Column> columns;
    const auto numericNames = fixture::strings(data.value(QLatin1String("numeric_names")));
    const QJsonArray numeric = data.value(QLatin1String("numeric")).toArray();
    for (size_t j = 0; j < numericNames.size(); ++j) {
        std::vector<double> values;
        for (const QJsonValue& row : numeric)
            values.push_back(fixture::number(row.toArray()[qsizetype(j)]));
        columns.push_back(Column::numeric(numericNames[j], std::move(values)));
    }
    const auto categoricalNames = fixture::strings(data.value(QLatin1String("categorical_names")));
    const QJsonArray categorical = data.value(QLatin1String("categorical")).toArray();
    for (size_t j = 0; j < categoricalNames.size(); ++j) {
        std::vector<std::string> cells;
        std::vector<bool> missing;
        for (const QJsonValue& row : categorical) {
            const QJsonValue v = row.toArray()[qsizetype(j)];
            missing.push_back(v.isNull());
            cells.push_back(v.toString().toStdString());
        }
        columns.push_back(categoricalFrom(categoricalNames[j], cells, missing));
    }
    columns.push_back(Column::numeric("target", std::vector<double>(numeric.size(), kNan),
                                      ColumnRole::Target));
    Table t(std::move(columns));
    t.startLineage();
    return t;
}

bool close(double actual, double expected) {
    if (std::isnan(expected)) return std::isnan(actual);
    return std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
}

void expectError(const std::function<void()>& f, const std::string& fragment) {
    try {
        f();
        QFAIL(("expected an Error containing: " + fragment).c_str());
    } catch (const Error& e) {
        QVERIFY2(e.message().english().find(fragment) != std::string::npos, e.what());
    }
}

} // namespace

class TestImputer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::cases(kFixture)) {
            const QJsonObject c = v.toObject();
            QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData()) << c;
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const Table table = fixtureTable();
        const std::string strategy =
            testCase.value(QLatin1String("strategy")).toString().toStdString();
        const bool withCategorical = testCase.contains(QLatin1String("categorical_out"));
        ImputerOptions options;
        options.strategy = strategy == "mean"     ? ImputeStrategy::Mean
                           : strategy == "median" ? ImputeStrategy::Median
                           : strategy == "constant" ? ImputeStrategy::Constant
                                                    : ImputeStrategy::MostFrequent;
        options.fillValue = testCase.value(QLatin1String("fill_value")).toString().toStdString();
        const QJsonObject data =
            fixture::read(kFixture).object().value(QLatin1String("data")).toObject();
        // The numeric part (sklearn ran it on a float array).
        options.columns = fixture::strings(data.value(QLatin1String("numeric_names")));
        const auto step = fitImputer(table, options);
        const auto kept = fixture::strings(testCase.value(QLatin1String("numeric_kept")));
        QCOMPARE(step->columns().size(), kept.size());
        const std::vector<double> statistics =
            fixture::numbers(testCase.value(QLatin1String("statistics")));
        for (const std::string& name : options.columns)
            if (std::find(kept.begin(), kept.end(), name) == kept.end())
                QVERIFY(std::find(step->dropped().begin(), step->dropped().end(), name) !=
                        step->dropped().end());
        for (size_t j = 0; j < step->columns().size(); ++j) {
            const size_t at = size_t(std::find(options.columns.begin(), options.columns.end(),
                                               step->columns()[j].name) -
                                     options.columns.begin());
            QVERIFY2(close(step->columns()[j].number, statistics[at]),
                     step->columns()[j].name.c_str());
        }
        const Table out = applyStep(step, table);
        const QJsonArray expected = testCase.value(QLatin1String("numeric_out")).toArray();
        for (size_t j = 0; j < kept.size(); ++j) {
            const Column& column = out.column(kept[j]);
            for (size_t i = 0; i < column.size(); ++i) {
                const double want =
                    fixture::number(expected[qsizetype(i)].toArray()[qsizetype(j)]);
                if (!close(column.values()[i], want))
                    QFAIL(qPrintable(QStringLiteral("%1 row %2: %3 vs %4")
                                         .arg(QString::fromStdString(kept[j]))
                                         .arg(i)
                                         .arg(column.values()[i], 0, 'g', 17)
                                         .arg(want, 0, 'g', 17)));
            }
        }
        if (strategy != "constant") QVERIFY(out.find("empty_num") == nullptr);
        QCOMPARE(out.column("tie_num").missingCount(), size_t(0));
        if (!withCategorical) return;

        // The categorical part (sklearn ran it on an object array).
        ImputerOptions categorical = options;
        categorical.fillValue =
            testCase.value(QLatin1String("fill_value_categorical")).toString().toStdString();
        categorical.columns = fixture::strings(data.value(QLatin1String("categorical_names")));
        const auto catStep = fitImputer(table, categorical);
        const auto catKept = fixture::strings(testCase.value(QLatin1String("categorical_kept")));
        QCOMPARE(catStep->columns().size(), catKept.size());
        const auto catStatistics =
            fixture::strings(testCase.value(QLatin1String("categorical_statistics")));
        for (size_t j = 0; j < catKept.size(); ++j) {
            QCOMPARE(catStep->columns()[j].name, catKept[j]);
            QCOMPARE(catStep->columns()[j].label, catStatistics[j]);
        }
        const Table catOut = applyStep(catStep, table);
        const QJsonArray catExpected = testCase.value(QLatin1String("categorical_out")).toArray();
        for (size_t j = 0; j < catKept.size(); ++j) {
            const Column& column = catOut.column(catKept[j]);
            QVERIFY(!column.isNumeric());
            for (size_t i = 0; i < column.size(); ++i)
                QCOMPARE(column.cellText(i), catExpected[qsizetype(i)]
                                                 .toArray()[qsizetype(j)]
                                                 .toString()
                                                 .toStdString());
        }
    }

    void tiesGoToTheSmallestValue() {
        const Table t({Column::numeric("n", {3, 1, 3, 1, kNan}),
                       Column::categorical("c", {1, 0, 1, 0, -1}, {"pear", "apple"})});
        const auto step = fitImputer(t, {.strategy = ImputeStrategy::MostFrequent});
        QCOMPARE(step->columns()[0].number, 1.0);
        QCOMPARE(step->columns()[1].label, std::string("apple"));
    }

    void newRowsGetTheTrainingFill() {
        const Table train({Column::numeric("x", {1, 2, 6, kNan}),
                           Column::categorical("c", {0, 0, 1, -1}, {"a", "b"})});
        const auto step = fitImputer(train, {.strategy = ImputeStrategy::Constant,
                                             .fillValue = "7"});
        // Categorical constant "7" is a new category; numeric 7.
        const Table fresh({Column::numeric("x", {kNan, 5}),
                           Column::categorical("c", {-1, 0}, {"z"})});
        const Table out = step->apply(fresh);
        QCOMPARE(out.column("x").values(), (std::vector<double>{7, 5}));
        QCOMPARE(out.column("c").cellText(0), std::string("7"));
        QCOMPARE(out.column("c").cellText(1), std::string("z"));

        const auto mean = fitImputer(train);
        QCOMPARE(mean->columns().size(), size_t(1));  // mean leaves categorical columns alone
        QCOMPARE(mean->apply(fresh).column("x").values()[0], 3.0);
        QCOMPARE(mean->refit(fresh)->apply(fresh).column("x").values()[0], 5.0);
    }

    void errorsNameTheColumn() {
        const Table t({Column::numeric("x", {1, kNan}),
                       Column::categorical("c", {0, -1}, {"a"})});
        expectError([&] { (void)fitImputer(t, {.strategy = ImputeStrategy::Median,
                                               .columns = {"c"}}); },
                    "column 'c' is categorical");
        expectError([&] { (void)fitImputer(t, {.strategy = ImputeStrategy::Constant,
                                               .fillValue = "high"}); },
                    "column 'x' is numeric, but the fill value 'high'");
        const auto step = fitImputer(t);
        expectError([&] { (void)step->apply(Table({Column::numeric("y", {1})})); },
                    "column 'x'");
        expectError([&] { (void)step->apply(Table({Column::categorical("x", {0}, {"q"})})); },
                    "column 'x' is categorical here");
    }

    void nodeWarnsAboutDroppedColumns() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {});
        const NodeSpec* spec = registry.find("oficina.impute.simple");
        QVERIFY(spec);
        QCOMPARE(spec->category, Category::Features);
        ParamValues params = spec->defaults();
        QCOMPARE(params.text("strategy"), std::string("mean"));
        params.set("strategy", std::string("median"));
        RunContext ctx;
        ctx.beginNode("impute");
        const Table table = fixtureTable();
        const PortValues out = spec->run(NodeInputs({{"data", tableValue(table)}}), params, ctx);
        const Table& imputed = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        const auto warnings = ctx.takeWarnings();
        QCOMPARE(warnings.size(), size_t(1));
        QCOMPARE(warnings[0].args(), std::vector<std::string>{"empty_num"});
        QVERIFY(!imputed.find("empty_num"));
        QCOMPARE(imputed.column("alcohol").missingCount(), size_t(0));
        QVERIFY(imputed.column("cultivar").missingCount() > 0);  // median: numeric only
        QCOMPARE(imputed.lineage().steps.size(), size_t(1));
        QCOMPARE(imputed.lineage().steps[0]->typeId(), std::string("oficina.impute.simple"));
    }
};

QTEST_APPLESS_MAIN(TestImputer)
#include "tst_imputer.moc"

// Row filters against pandas 1.5 (dropna, drop_duplicates, boolean masks) and numpy's outlier
// rules on iris with missing cells and repeated rows (tests/data/make_clean_fixtures.py), and
// the four filter nodes run through their NodeSpec.
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/RowFilters.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

const QString kFixture = QStringLiteral("sklearn/row_filters.json");

Table fixtureTable() {
    const QJsonObject data =
        fixture::read(kFixture).object().value(QLatin1String("data")).toObject();
    const std::vector<std::string> names = fixture::strings(data.value(QLatin1String("features")));
    const QJsonArray rows = data.value(QLatin1String("X")).toArray();
    std::vector<Column> columns;
    for (size_t j = 0; j < names.size(); ++j) {
        std::vector<double> values;
        for (const QJsonValue& row : rows)
            values.push_back(fixture::number(row.toArray()[qsizetype(j)]));
        columns.push_back(Column::numeric(names[j], std::move(values)));
    }
    std::vector<std::string> categories{"setosa", "versicolor", "virginica"};
    std::vector<int32_t> codes;
    for (const QJsonValue& v : data.value(QLatin1String("species")).toArray()) {
        if (v.isNull()) {
            codes.push_back(Column::kMissingCode);
            continue;
        }
        const auto it =
            std::find(categories.begin(), categories.end(), v.toString().toStdString());
        codes.push_back(int32_t(it - categories.begin()));
    }
    columns.push_back(Column::categorical("species", std::move(codes), categories));
    Table table(std::move(columns));
    table.startLineage();
    return table;
}

// Row i of the fixture table carries its index in an extra column, so kept rows are traceable.
std::vector<size_t> keptIndices(const Table& filtered) {
    std::vector<size_t> out;
    for (double v : filtered.column("row").values()) out.push_back(size_t(v));
    return out;
}

Table withRowIndex(const Table& table) {
    std::vector<double> index(table.rowCount());
    for (size_t i = 0; i < index.size(); ++i) index[i] = double(i);
    Table out = table.withColumn(Column::numeric("row", std::move(index), ColumnRole::Ignored));
    out.setLineage(table.lineage());
    return out;
}

const NodeSpec& spec(const NodeRegistry& registry, const std::string& type) {
    const NodeSpec* s = registry.find(type);
    if (!s) qFatal("node type %s is not registered", type.c_str());
    return *s;
}

} // namespace

class TestRowFilters : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

    PortValues runNode(const std::string& type, const Table& input,
                       std::initializer_list<std::pair<const char*, Value>> params,
                       std::vector<Message>* warnings = nullptr) {
        const NodeSpec& s = spec(m_registry, type);
        ParamValues values = s.defaults();
        for (const auto& [key, value] : params) values.set(key, value);
        RunContext ctx;
        ctx.beginNode("n");
        PortValues out = s.run(NodeInputs({{"data", tableValue(input)}}), values, ctx);
        if (warnings) *warnings = ctx.takeWarnings();
        return out;
    }

private Q_SLOTS:
    void initTestCase() { registerBuiltinNodes(m_registry, {}); }

    void matchesPandas_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::cases(kFixture)) {
            const QJsonObject c = v.toObject();
            QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData()) << c;
        }
    }

    void matchesPandas() {
        QFETCH(QJsonObject, testCase);
        const Table table = withRowIndex(fixtureTable());
        const std::string kind = testCase.value(QLatin1String("kind")).toString().toStdString();
        const auto list = [&](const char* key) {
            return fixture::strings(testCase.value(QLatin1String(key)));
        };
        const auto text = [&](const char* key) {
            return testCase.value(QLatin1String(key)).toString().toStdString();
        };
        // The row index column is Ignored, so "all columns" must mean the fixture's columns.
        std::vector<std::string> all = table.columnNames();
        all.pop_back();
        FilteredRows result;
        if (kind == "dropna") {
            DropMissingOptions o;
            o.how = text("how") == "all" ? MissingHow::All : MissingHow::Any;
            o.threshold = size_t(testCase.value(QLatin1String("thresh")).toInt());
            o.subset = list("subset").empty() ? all : list("subset");
            result = dropMissingRows(table, o);
        } else if (kind == "duplicates") {
            DropDuplicatesOptions o;
            o.subset = list("subset").empty() ? all : list("subset");
            o.keep = text("keep") == "last"   ? KeepDuplicate::Last
                     : text("keep") == "none" ? KeepDuplicate::None
                                              : KeepDuplicate::First;
            result = dropDuplicateRows(table, o);
        } else if (kind == "outliers") {
            OutlierOptions o;
            o.method = text("method") == "iqr" ? OutlierMethod::Iqr : OutlierMethod::ZScore;
            o.threshold = o.factor = testCase.value(QLatin1String("cut")).toDouble();
            o.columns = list("columns");
            result = removeOutliers(table, o);
        } else {
            static const std::map<std::string, CompareOp> ops = {
                {"eq", CompareOp::Equal},          {"ne", CompareOp::NotEqual},
                {"lt", CompareOp::Less},           {"le", CompareOp::LessEqual},
                {"gt", CompareOp::Greater},        {"ge", CompareOp::GreaterEqual},
                {"is_missing", CompareOp::IsMissing}, {"not_missing", CompareOp::IsNotMissing},
                {"contains", CompareOp::Contains}};
            result = filterRows(table, {text("column"), ops.at(text("operator")), text("value")});
        }
        const auto expected = fixture::integers<size_t>(testCase.value(QLatin1String("kept")));
        QVERIFY(expected.size() < table.rowCount());  // every case removes something
        QCOMPARE(keptIndices(result.table), expected);
        QCOMPARE(result.removed, table.rowCount() - expected.size());
        QCOMPARE(result.table.lineage().source.size(), table.lineage().source.size());
        QVERIFY(result.table.lineage().steps.empty());
    }

    void filtersPassLineageThrough() {
        const Table raw = fixtureTable();
        const Table scaled = applyStep(fitStandardScaler(raw), raw);
        const FilteredRows kept = dropMissingRows(scaled);
        QCOMPARE(kept.table.lineage().steps.size(), size_t(1));
        QCOMPARE(kept.table.lineage().steps[0], scaled.lineage().steps[0]);
    }

    void conditionErrorsNameTheColumn_data() {
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a number") << "petal width (cm)" << int(CompareOp::Greater) << "wide"
                                      << "column 'petal width (cm)' is numeric, but 'wide'";
        QTest::newRow("order on labels") << "species" << int(CompareOp::Less) << "b"
                                         << "column 'species' is categorical";
        QTest::newRow("contains on numbers") << "petal width (cm)" << int(CompareOp::Contains)
                                             << "1" << "but 'petal width (cm)' is numeric";
        QTest::newRow("unknown column") << "petal" << int(CompareOp::Equal) << "1"
                                        << "no column named 'petal'";
    }

    void conditionErrorsNameTheColumn() {
        QFETCH(QString, column);
        QFETCH(int, op);
        QFETCH(QString, value);
        QFETCH(QString, message);
        try {
            (void)filterRows(fixtureTable(),
                             {column.toStdString(), CompareOp(op), value.toStdString()});
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.message().english()).contains(message), e.what());
        }
    }

    void outliersRefuseCategoricalColumns() {
        try {
            (void)removeOutliers(fixtureTable(), {.columns = {"species"}});
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("'species' is categorical") != std::string::npos,
                     e.what());
        }
    }

    void constantColumnHasNoOutliers() {
        const Table t({Column::numeric("c", {2, 2, 2, 2})});
        QCOMPARE(removeOutliers(t).removed, size_t(0));
        QCOMPARE(removeOutliers(t, {.method = OutlierMethod::Iqr}).removed, size_t(0));
    }

    void nodesFilterAndWarn() {
        const Table table = fixtureTable();
        std::vector<Message> warnings;
        auto out = runNode("oficina.clean.drop_missing", table, {}, &warnings);
        const Table& dropped = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        QCOMPARE(dropped.rowCount(), size_t(146));  // pandas: see dropna_any
        QCOMPARE(warnings.size(), size_t(1));
        QCOMPARE(warnings[0].args(), (std::vector<std::string>{"9", "155"}));

        out = runNode("oficina.clean.drop_duplicates", table, {{"keep", std::string("none")}});
        QCOMPARE(std::get<std::shared_ptr<const Table>>(out.at("data"))->rowCount(),
                 size_t(146));

        out = runNode("oficina.clean.outliers", table, {{"method", std::string("iqr")}});
        QVERIFY(std::get<std::shared_ptr<const Table>>(out.at("data"))->rowCount() < 155);

        out = runNode("oficina.clean.filter_rows", table,
                      {{"column", std::string("species")},
                       {"operator", std::string("eq")},
                       {"value", std::string("virginica")}});
        const Table& virginica = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        QCOMPARE(virginica.rowCount(), size_t(51));
        for (size_t i = 0; i < virginica.rowCount(); ++i)
            QCOMPARE(virginica.column("species").cellText(i), std::string("virginica"));
    }

    void nodeRefusesToRemoveEveryRow() {
        try {
            (void)runNode("oficina.clean.filter_rows", fixtureTable(),
                          {{"column", std::string("species")},
                           {"operator", std::string("eq")},
                           {"value", std::string("rose")}});
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("no rows are left") != std::string::npos,
                     e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestRowFilters)
#include "tst_rowfilters.moc"

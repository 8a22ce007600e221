// One-hot and ordinal encoders against scikit-learn 1.2 (tests/data/make_clean_fixtures.py):
// categorical features derived from wine, fitted on a train split and applied to test rows with
// unseen categories; drop none/first/if_binary, use_encoded_value; errors; the nodes.
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/Encoders.h"
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

const QString kFixture = QStringLiteral("sklearn/encoders.json");

Column categoricalFrom(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::string> categories = cells;
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    // Reverse the dictionary so the encoder cannot rely on it being sorted.
    std::reverse(categories.begin(), categories.end());
    std::vector<int32_t> codes;
    for (const auto& c : cells)
        codes.push_back(int32_t(std::find(categories.begin(), categories.end(), c) -
                                categories.begin()));
    return Column::categorical(name, std::move(codes), std::move(categories));
}

Table fixtureTable(const char* part) {
    const QJsonObject data =
        fixture::read(kFixture).object().value(QLatin1String("data")).toObject();
    const auto names = fixture::strings(data.value(QLatin1String("names")));
    const QJsonArray labels = data.value(QLatin1String(part) + QLatin1String("_labels")).toArray();
    const QJsonArray numbers =
        data.value(QLatin1String(part) + QLatin1String("_numbers")).toArray();
    std::vector<Column> columns;
    for (size_t j = 0; j < 3; ++j) {
        std::vector<std::string> cells;
        for (const QJsonValue& row : labels)
            cells.push_back(row.toArray()[qsizetype(j)].toString().toStdString());
        columns.push_back(categoricalFrom(names[j], cells));
    }
    for (size_t j = 0; j < 2; ++j) {
        std::vector<double> values;
        for (const QJsonValue& row : numbers)
            values.push_back(fixture::number(row.toArray()[qsizetype(j)]));
        columns.push_back(Column::numeric(names[3 + j], std::move(values)));
    }
    columns.push_back(Column::numeric("quality", std::vector<double>(labels.size(), 1.0),
                                      ColumnRole::Target));
    Table t(std::move(columns));
    t.startLineage();
    return t;
}

void compareMatrix(const Table& out, const std::vector<std::string>& names,
                   const QJsonArray& expected) {
    QCOMPARE(size_t(expected.size()), out.rowCount());
    for (size_t j = 0; j < names.size(); ++j) {
        const Column& column = out.column(names[j]);
        QVERIFY(column.isNumeric());
        for (size_t i = 0; i < column.size(); ++i) {
            const double want = fixture::number(expected[qsizetype(i)].toArray()[qsizetype(j)]);
            const double got = column.values()[i];
            if (!(got == want || (std::isnan(got) && std::isnan(want))))
                QFAIL(qPrintable(QStringLiteral("%1 row %2: %3 vs %4")
                                     .arg(QString::fromStdString(names[j]))
                                     .arg(i)
                                     .arg(got)
                                     .arg(want)));
        }
    }
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

class TestEncoders : public QObject {
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
        const Table train = fixtureTable("train");
        const Table test = fixtureTable("test");
        if (testCase.value(QLatin1String("encoder")).toString() == QLatin1String("one_hot")) {
            const QString drop = testCase.value(QLatin1String("drop")).toString();
            OneHotOptions options;
            options.drop = drop == QLatin1String("first")       ? OneHotDrop::First
                           : drop == QLatin1String("if_binary") ? OneHotDrop::IfBinary
                                                                : OneHotDrop::None;
            const auto step = fitOneHotEncoder(train, options);
            QCOMPARE(step->columns().size(), size_t(3));  // the categorical features only
            const auto names = fixture::strings(testCase.value(QLatin1String("feature_names")));
            const Table trainOut = applyStep(step, train);
            std::vector<std::string> expectedColumns = names;
            for (const char* rest : {"ash", "hue", "quality"}) expectedColumns.push_back(rest);
            QCOMPARE(trainOut.columnNames(), expectedColumns);
            compareMatrix(trainOut, names, testCase.value(QLatin1String("train_out")).toArray());
            const Table testOut = step->apply(test);  // unseen categories: all zeros
            compareMatrix(testOut, names, testCase.value(QLatin1String("test_out")).toArray());
            QCOMPARE(testOut.column("ash").dataIdentity(), test.column("ash").dataIdentity());
            return;
        }
        const auto step = fitOrdinalEncoder(train, {.useEncodedValue = true, .unknownValue = -1});
        const QJsonArray categories = testCase.value(QLatin1String("categories")).toArray();
        for (size_t j = 0; j < 3; ++j)
            QCOMPARE(step->columns()[j].labels, fixture::strings(categories[qsizetype(j)]));
        const std::vector<std::string> names{"cultivar", "alcohol_level", "proline_high"};
        compareMatrix(applyStep(step, train), names,
                      testCase.value(QLatin1String("train_out")).toArray());
        compareMatrix(step->apply(test), names,
                      testCase.value(QLatin1String("test_out")).toArray());
    }

    void unknownCategoryCanBeAnError() {
        const Table train = fixtureTable("train");
        const Table test = fixtureTable("test");
        const auto oneHot = fitOneHotEncoder(train, {.ignoreUnknown = false});
        expectError([&] { (void)oneHot->apply(test); },
                    "column 'cultivar', row 1: category 'class_9' was not seen");
        const auto ordinal = fitOrdinalEncoder(train);
        expectError([&] { (void)ordinal->apply(test); }, "column 'cultivar', row 1");
    }

    void numericColumnsAreEncodedByValue() {
        const Table t({Column::numeric("sex", {2, 1, 1, 2}),
                       Column::numeric("age", {30, 40, 50, 60})});
        const auto step = fitOneHotEncoder(t, {.columns = {"sex"}, .drop = OneHotDrop::IfBinary});
        const Table out = applyStep(step, t);
        QCOMPARE(out.columnNames(), (std::vector<std::string>{"sex_2", "age"}));
        QCOMPARE(out.column("sex_2").values(), (std::vector<double>{1, 0, 0, 1}));
        const auto ordinal = fitOrdinalEncoder(t, {.columns = {"age"}});
        QCOMPARE(applyStep(ordinal, t).column("age").values(), (std::vector<double>{0, 1, 2, 3}));
    }

    void missingValues() {
        const Table t({Column::categorical("c", {0, -1, 1}, {"a", "b"})});
        expectError([&] { (void)fitOneHotEncoder(t); },
                    "column 'c' has missing values; impute them");
        const Table out = applyStep(fitOrdinalEncoder(t), t);
        QCOMPARE(out.column("c").values()[0], 0.0);
        QVERIFY(std::isnan(out.column("c").values()[1]));
        // At prediction time a missing cell is an unknown category: all zeros.
        const Table clean({Column::categorical("c", {0, 1}, {"a", "b"})});
        const Table encoded = fitOneHotEncoder(clean)->apply(t);
        QCOMPARE(encoded.column("c_a").values(), (std::vector<double>{1, 0, 0}));
        QCOMPARE(encoded.column("c_b").values(), (std::vector<double>{0, 0, 1}));
    }

    void errorsNameTheColumn() {
        const Table clash({Column::categorical("c", {0, 1}, {"a", "b"}),
                           Column::numeric("c_a", {1, 2})});
        expectError([&] { (void)fitOneHotEncoder(clash); }, "makes a column 'c_a'");
        const Table t({Column::categorical("c", {0, 1}, {"a", "b"})});
        expectError([&] { (void)fitOrdinalEncoder(t, {.useEncodedValue = true,
                                                      .unknownValue = 1}); },
                    "category of column 'c'");
        const auto step = fitOneHotEncoder(t);
        expectError([&] { (void)step->apply(Table({Column::numeric("c", {1.0})})); },
                    "column 'c' is numeric here");
        expectError([&] { (void)step->apply(Table({Column::numeric("d", {1.0})})); },
                    "column 'c', which this table does not have");
    }

    void nodes() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {});
        const Table train = fixtureTable("train");
        for (const char* type : {"oficina.encode.one_hot", "oficina.encode.ordinal"}) {
            const NodeSpec* spec = registry.find(type);
            QVERIFY(spec);
            QCOMPARE(spec->category, Category::Features);
            RunContext ctx;
            ctx.beginNode("encode");
            const PortValues out =
                spec->run(NodeInputs({{"data", tableValue(train)}}), spec->defaults(), ctx);
            const Table& encoded = *std::get<std::shared_ptr<const Table>>(out.at("data"));
            QCOMPARE(encoded.lineage().steps.size(), size_t(1));
            QCOMPARE(encoded.lineage().steps[0]->typeId(), std::string(type));
            for (const Column& c : encoded.columns()) QVERIFY2(c.isNumeric(), c.name().c_str());
            QVERIFY(ctx.takeWarnings().empty());
        }
        // Wrong choice of unknown handling through the node's parameters.
        const NodeSpec* ordinal = registry.find("oficina.encode.ordinal");
        ParamValues params = ordinal->defaults();
        params.set("handle_unknown", std::string("use_encoded_value"));
        params.set("unknown_value", 0.0);
        RunContext ctx;
        expectError([&] {
            (void)ordinal->run(NodeInputs({{"data", tableValue(train)}}), params, ctx);
        }, "already the code");
    }
};

QTEST_APPLESS_MAIN(TestEncoders)
#include "tst_encoders.moc"

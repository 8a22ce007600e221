// Standard scaler against scikit-learn 1.2's StandardScaler: wine with NaN injected and a
// constant column (tests/data/make_sklearn_fixtures.py), every with_mean/with_std combination.
#include "data/Table.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

// The fixture's X as numeric feature columns, plus a categorical feature and a numeric target
// that the scaler must leave alone.
Table wineTable(const QJsonObject& data) {
    const QJsonArray names = data.value(QLatin1String("features")).toArray();
    const QJsonArray rows = data.value(QLatin1String("X")).toArray();
    std::vector<Column> columns;
    for (qsizetype j = 0; j < names.size(); ++j) {
        std::vector<double> values;
        for (const QJsonValue& row : rows)
            values.push_back(fixture::number(row.toArray()[j]));
        columns.push_back(Column::numeric(names[j].toString().toStdString(), std::move(values)));
    }
    std::vector<int32_t> codes(size_t(rows.size()));
    for (size_t i = 0; i < codes.size(); ++i)
        codes[i] = int32_t(i % 2);
    columns.push_back(Column::categorical("colour", codes, {"red", "white"}));
    std::vector<double> target(size_t(rows.size()), 7.0);
    columns.push_back(Column::numeric("quality", std::move(target), ColumnRole::Target));
    return Table(std::move(columns));
}

bool close(double actual, double expected, double tolerance) {
    if (std::isnan(expected)) return std::isnan(actual);
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

} // namespace

class TestStandardScaler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v : fixture::cases(QStringLiteral("sklearn/standard_scaler.json"))) {
            const QJsonObject c = v.toObject();
            QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData()) << c;
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const QJsonObject data =
            fixture::read(QStringLiteral("sklearn/standard_scaler.json")).object();
        const Table table = wineTable(data);
        const bool withMean = testCase.value(QLatin1String("with_mean")).toBool();
        const bool withStd = testCase.value(QLatin1String("with_std")).toBool();
        const auto step = fitStandardScaler(table, {.withMean = withMean, .withStd = withStd});

        const QJsonArray names = data.value(QLatin1String("features")).toArray();
        QCOMPARE(step->columns().size(), size_t(names.size())); // not colour, not quality
        const std::vector<double> mean = fixture::numbers(testCase.value(QLatin1String("mean")));
        const std::vector<double> scale = fixture::numbers(testCase.value(QLatin1String("scale")));
        for (size_t j = 0; j < step->columns().size(); ++j) {
            QCOMPARE(step->columns()[j], names[qsizetype(j)].toString().toStdString());
            QVERIFY2(close(step->mean()[j], withMean ? mean[j] : 0.0, 1e-12),
                     step->columns()[j].c_str());
            QVERIFY2(close(step->scale()[j], withStd ? scale[j] : 1.0, 1e-12),
                     step->columns()[j].c_str());
        }

        const Table scaled = applyStep(step, table);
        QCOMPARE(scaled.lineage().steps.size(), size_t(1));
        const QJsonArray expected = testCase.value(QLatin1String("transformed")).toArray();
        for (size_t j = 0; j < step->columns().size(); ++j) {
            const Column& column = scaled.column(step->columns()[j]);
            QCOMPARE(column.role(), ColumnRole::Feature);
            for (size_t i = 0; i < column.size(); ++i) {
                const double want = fixture::number(expected[qsizetype(i)].toArray()[qsizetype(j)]);
                if (!close(column.values()[i], want, 1e-12))
                    QFAIL(qPrintable(QStringLiteral("%1 row %2: %3 vs %4")
                                         .arg(QString::fromStdString(column.name()))
                                         .arg(i)
                                         .arg(column.values()[i], 0, 'g', 17)
                                         .arg(want, 0, 'g', 17)));
            }
        }
        QCOMPARE(scaled.column("colour").dataIdentity(), table.column("colour").dataIdentity());
        QCOMPARE(scaled.column("quality").dataIdentity(), table.column("quality").dataIdentity());
        QCOMPARE(scaled.columnNames(), table.columnNames());
    }

    void constantColumnGetsScaleOne() {
        const Table table({Column::numeric("c", {4.0, 4.0, 4.0})});
        const auto step = fitStandardScaler(table);
        QCOMPARE(step->scale()[0], 1.0);
        QCOMPARE(applyStep(step, table).column("c").values(), (std::vector<double>{0, 0, 0}));
    }

    void allMissingColumnStaysMissing() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Table table({Column::numeric("m", {nan, nan})});
        const auto step = fitStandardScaler(table);
        QCOMPARE(step->mean()[0], 0.0);
        QCOMPARE(step->scale()[0], 1.0);
        QVERIFY(std::isnan(applyStep(step, table).column("m").values()[1]));
    }

    void identity() {
        const auto step = fitStandardScaler(Table({Column::numeric("a", {1.0, 2.0})}));
        QCOMPARE(step->typeId(), std::string("oficina.scale.standard"));
        QCOMPARE(step->title(), "Standard scaler");
        QVERIFY(step->learnsFromData());
    }

    void applyRejectsMissingColumn() {
        const auto step = fitStandardScaler(Table({Column::numeric("age", {1.0, 2.0})}));
        try {
            (void)step->apply(Table({Column::numeric("height", {1.0, 2.0})}));
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("'age'") != std::string::npos, e.what());
        }
    }

    void applyRejectsCategoricalColumn() {
        const auto step = fitStandardScaler(Table({Column::numeric("age", {1.0, 2.0})}));
        try {
            (void)step->apply(Table({Column::categorical("age", {0, 1}, {"old", "young"})}));
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("'age'") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestStandardScaler)
#include "tst_standardscaler.moc"

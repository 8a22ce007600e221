// Time-series windows: exact lags and targets on a small series, missing values, too-short
// series, and the Sunspots dataset through the "Time-series windows" node.
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "transform/TimeWindows.h"
#include "util/Error.h"

#include "GraphBuilder.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Table seriesTable(std::vector<double> values) {
    std::vector<double> time(values.size());
    for (size_t i = 0; i < time.size(); ++i) time[i] = double(2000 + i);
    return Table({Column::numeric("year", std::move(time)),
                  Column::numeric("y", std::move(values), ColumnRole::Target)});
}

std::vector<double> row(const Table& t, size_t r) {
    std::vector<double> out;
    for (const auto& c : t.columns()) out.push_back(c.values()[r]);
    return out;
}

/// SUNACTIVITY read straight from the CSV, independently of Oficina's reader.
std::vector<double> sunspotsFromCsv() {
    QFile f(QStringLiteral(OFICINA_SOURCE_DIR "/resources/datasets/sunspots.csv"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot open sunspots.csv");
    std::vector<double> values;
    f.readLine();  // "YEAR","SUNACTIVITY"
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (!line.isEmpty()) values.push_back(line.split(',').at(1).toDouble());
    }
    return values;
}

} // namespace

class TestTimeWindows : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void lagsOldestFirstAndTargetAfterTheHorizon() {
        const Table input = seriesTable({1, 2, 3, 4, 5, 6, 7});
        const TimeWindows w = timeWindows(input, {.column = "y", .lookback = 3, .horizon = 2});
        QCOMPARE(w.table.columnNames(),
                 (std::vector<std::string>{"lag_3", "lag_2", "lag_1", "y_t+2"}));
        // Windows 7 − 3 − 2 + 1 = 3: lags at t−3…t−1, target at t−1+2.
        QCOMPARE(w.table.rowCount(), size_t(3));
        QCOMPARE(row(w.table, 0), (std::vector<double>{1, 2, 3, 5}));
        QCOMPARE(row(w.table, 1), (std::vector<double>{2, 3, 4, 6}));
        QCOMPARE(row(w.table, 2), (std::vector<double>{3, 4, 5, 7}));
        QCOMPARE(w.dropped, size_t(0));
        QCOMPARE(w.table.namesWithRole(ColumnRole::Target), std::vector<std::string>{"y_t+2"});
        QCOMPARE(w.table.namesWithRole(ColumnRole::Feature),
                 (std::vector<std::string>{"lag_3", "lag_2", "lag_1"}));
        QVERIFY(w.table.lineage().steps.empty());
        QCOMPARE(w.table.lineage().source.size(), size_t(4));

        // Empty column = the target; the shortest series that makes one window.
        const TimeWindows one = timeWindows(seriesTable({1, 2}), {.lookback = 1, .horizon = 1});
        QCOMPARE(one.table.columnNames(), (std::vector<std::string>{"lag_1", "y_t+1"}));
        QCOMPARE(row(one.table, 0), (std::vector<double>{1, 2}));
    }

    void windowsWithAMissingValueAreDropped() {
        // Lookback 3, horizon 1: window s has lags v[s…s+2] and target v[s+3]. The gaps at 3
        // and 8 spoil windows 0…3 and 5…8; windows 4 and 9 are complete.
        const Table input = seriesTable({0, 1, 2, kNaN, 4, 5, 6, 7, kNaN, 9, 10, 11, 12});
        const TimeWindows w = timeWindows(input, {.lookback = 3, .horizon = 1});
        QCOMPARE(w.dropped, size_t(8));
        QCOMPARE(w.table.rowCount(), size_t(2));
        QCOMPARE(row(w.table, 0), (std::vector<double>{4, 5, 6, 7}));
        QCOMPARE(row(w.table, 1), (std::vector<double>{9, 10, 11, 12}));

        try {
            (void)timeWindows(seriesTable({kNaN, 1, 2, kNaN}), {.lookback = 2, .horizon = 1});
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.message().english(),
                     std::string("every window of column 'y' has a missing value"));
        }
    }

    void errors_data() {
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("lookback");
        QTest::addColumn<int>("horizon");
        QTest::addColumn<QString>("message");
        QTest::newRow("too short") << "y" << 4 << 2
                                   << "column 'y' has 5 values, but 4 lagged values and a "
                                      "horizon of 2 need at least 6";
        QTest::newRow("categorical") << "kind" << 1 << 1
                                     << "column 'kind' is categorical; time windows need a "
                                        "numeric series";
        QTest::newRow("absent") << "z" << 1 << 1 << "";
    }

    void errors() {
        QFETCH(QString, column);
        QFETCH(int, lookback);
        QFETCH(int, horizon);
        QFETCH(QString, message);
        const Table input = seriesTable({1, 2, 3, 4, 5}).withColumn(
            Column::categorical("kind", {0, 1, 0, 1, 0}, {"a", "b"}));
        try {
            (void)timeWindows(input, {.column = column.toStdString(),
                                      .lookback = size_t(lookback),
                                      .horizon = size_t(horizon)});
            QFAIL("no error");
        } catch (const Error& e) {
            if (message.isEmpty())
                QVERIFY(e.message().english().find("'z'") != std::string::npos);
            else
                QCOMPARE(QString::fromStdString(e.message().english()), message);
        }
    }

    void sunspotsThroughTheNode() {
        const std::vector<double> csv = sunspotsFromCsv();
        QCOMPARE(csv.size(), size_t(309));
        Builder b;
        b.node("sun", "oficina.data.sample", {{"dataset", std::string("sunspots")}})
            .node("windows", "oficina.data.time_windows",
                  {{"column", std::string("SUNACTIVITY")}})
            .link("sun.data", "windows.data");
        RunContext ctx;
        const RunResult r = Executor(m_registry).run(b.graph, ctx);
        QVERIFY(!r.anyFailed());
        QVERIFY(r.nodes.at("windows").warnings.empty());
        const Table& t = output<Table>(r, "windows", "data");
        QCOMPARE(t.rowCount(), size_t(309 - 12));
        QCOMPARE(t.columnCount(), size_t(13));
        QCOMPARE(t.column(0).name(), std::string("lag_12"));
        QCOMPARE(t.column(11).name(), std::string("lag_1"));
        QCOMPARE(t.column(12).name(), std::string("SUNACTIVITY_t+1"));
        // First window: 1700…1711 → 1712; last: 1996…2007 → 2008.
        for (size_t k = 0; k < 13; ++k) {
            QCOMPARE(t.column(k).values().front(), csv[k]);
            QCOMPARE(t.column(k).values().back(), csv[296 + k]);
        }
        QCOMPARE(t.column(0).values().front(), 5.0);
        QCOMPARE(t.column(12).values().back(), 2.9);
    }

    void nodeWarnsAboutDroppedWindowsAndEarlierFits() {
        Builder b;
        b.node("co2", "oficina.data.sample", {{"dataset", std::string("co2")}})
            .node("windows", "oficina.data.time_windows",
                  {{"lookback", int64_t(4)}, {"horizon", int64_t(3)}})
            .node("scale", "oficina.scale.standard")
            .node("scaled_windows", "oficina.data.time_windows")
            .link("co2.data", "windows.data")
            .link("co2.data", "scale.data")
            .link("scale.data", "scaled_windows.data");
        RunContext ctx;
        const RunResult r = Executor(m_registry).run(b.graph, ctx);
        QVERIFY(!r.anyFailed());
        // pandas on co2.csv: 2284 values, 59 missing; 2278 windows of 4 + 3, 149 with a gap.
        const auto& warnings = r.nodes.at("windows").warnings;
        QCOMPARE(warnings.size(), size_t(1));
        QCOMPARE(warnings[0].english(),
                 std::string("149 of 2278 windows held a missing value and were dropped"));
        QCOMPARE(output<Table>(r, "windows", "data").rowCount(), size_t(2129));
        QCOMPARE(output<Table>(r, "windows", "data").column(4).name(), std::string("co2_t+3"));
        const auto& scaled = r.nodes.at("scaled_windows").warnings;
        QVERIFY(std::any_of(scaled.begin(), scaled.end(), [](const Message& m) {
            return m.english().find("data leakage") != std::string::npos;
        }));
    }
};

QTEST_GUILESS_MAIN(TestTimeWindows)
#include "tst_timewindows.moc"

// The window of recent rows a served model keeps for live drift: order, wrap-around, labels of
// categorical columns across requests, a schema change, and adds from several threads.
#include "monitor/RecentRows.h"

#include <QTest>

#include <thread>

using namespace oficina::core;
using namespace oficina::core::monitor;

namespace {

Table rows(std::vector<double> x, std::vector<std::string> colour) {
    std::vector<std::string> categories = colour;
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    std::vector<int32_t> codes;
    for (const auto& c : colour)
        codes.push_back(c.empty() ? Column::kMissingCode
                                  : int32_t(std::find(categories.begin(), categories.end(), c) -
                                            categories.begin()));
    return Table({Column::numeric("x", std::move(x)),
                  Column::categorical("colour", std::move(codes), std::move(categories))});
}

std::vector<std::string> labels(const Table& table) {
    std::vector<std::string> out;
    const Column& column = table.columns()[1];
    for (size_t row = 0; row < column.size(); ++row) out.push_back(column.cellText(row));
    return out;
}

} // namespace

class RecentRowsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsTheLastRowsInOrder() {
        RecentRows window(5);
        QCOMPARE(window.snapshot().rowCount(), size_t(0));
        window.add(rows({1, 2}, {"red", "blue"}));
        window.add(rows({3, 4, 5}, {"green", "", "red"}));
        window.add(rows({6, 7}, {"blue", "teal"}));
        const Table recent = window.snapshot();
        QCOMPARE(recent.rowCount(), size_t(5));
        QCOMPARE(recent.columns()[0].values(), (std::vector<double>{3, 4, 5, 6, 7}));
        QCOMPARE(labels(recent), (std::vector<std::string>{"green", "", "red", "blue", "teal"}));
        QVERIFY(recent.columns()[1].isMissing(1));
        QCOMPARE(window.rowsAdded(), uint64_t(7));
    }

    void aRequestLargerThanTheWindowKeepsItsEnd() {
        RecentRows window(3);
        window.add(rows({1}, {"a"}));
        window.add(rows({2, 3, 4, 5, 6}, {"b", "c", "d", "e", "f"}));
        QCOMPARE(window.snapshot().columns()[0].values(), (std::vector<double>{4, 5, 6}));
        QCOMPARE(labels(window.snapshot()), (std::vector<std::string>{"d", "e", "f"}));
    }

    // A column of ids: the label list stays bounded by the rows held, the labels right.
    void manyDistinctLabelsStayBounded() {
        RecentRows window(4);
        for (int i = 0; i < 100; ++i) window.add(rows({double(i)}, {"id" + std::to_string(i)}));
        const Table recent = window.snapshot();
        QCOMPARE(labels(recent), (std::vector<std::string>{"id96", "id97", "id98", "id99"}));
        QVERIFY(recent.columns()[1].categories().size() <= 8);
    }

    void anotherSchemaStartsAfresh() {
        RecentRows window(4);
        window.add(rows({1, 2}, {"a", "b"}));
        window.add(Table({Column::numeric("y", {9})}));
        const Table recent = window.snapshot();
        QCOMPARE(recent.columnCount(), size_t(1));
        QCOMPARE(recent.columns()[0].name(), std::string("y"));
        QCOMPARE(recent.rowCount(), size_t(1));
    }

    // Adds never wait: each one lands or is counted as skipped, and the window holds what
    // landed, up to its size.
    void severalThreadsAdd() {
        RecentRows window(100);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&window, t] {
                for (int i = 0; i < 2000; ++i) window.add(rows({double(t)}, {"t" + std::to_string(t)}));
            });
        for (auto& thread : threads) thread.join();
        QCOMPARE(window.rowsAdded() + window.rowsSkipped(), uint64_t(8000));
        const Table recent = window.snapshot();
        QCOMPARE(recent.rowCount(), size_t(std::min<uint64_t>(100, window.rowsAdded())));
        for (size_t row = 0; row < recent.rowCount(); ++row)
            QCOMPARE(recent.columns()[1].cellText(row),
                     "t" + std::to_string(int(recent.columns()[0].number(row))));
    }
};

QTEST_GUILESS_MAIN(RecentRowsTest)
#include "tst_recentrows.moc"

// A table's lineage knows the raw rows behind it (SourceRows): a model keeps its training rows
// this way, for its card's example, fingerprint and float32 count, without copying them.
#include "data/Table.h"
#include "models/Model.h"
#include "transform/StandardScaler.h"
#include "util/RunContext.h"

#include <QTest>

#include <thread>

using namespace oficina::core;

namespace {

Table raw() {
    Table t({Column::numeric("x", {10, 11, 12, 13, 14, 15}),
             Column::categorical("c", {0, 1, 0, 1, Column::kMissingCode, 0}, {"a", "b"}),
             Column::numeric("y", {0, 1, 2, 3, 4, 5}, ColumnRole::Target)});
    t.startLineage();
    return t;
}

/// The raw "x" of each row of `t`, read through its lineage.
std::vector<double> rawX(const Table& t) {
    const SourceRows* source = t.lineage().rowsFor(t.rowCount());
    if (!source) return {};
    std::vector<double> out;
    for (size_t r = 0; r < t.rowCount(); ++r)
        out.push_back(source->columns.front().values()[source->at(r)]);
    return out;
}

} // namespace

class LineageTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loadedTableIsItsOwnSource() {
        const Table t = raw();
        QCOMPARE(rawX(t), (std::vector<double>{10, 11, 12, 13, 14, 15}));
        QVERIFY(!t.lineage().sourceRows->rows); // all rows, no index kept
    }

    void takenRowsComposeAcrossSplitsAndFilters() {
        const Table split = raw().takeRows({5, 1, 3, 0});
        QCOMPARE(rawX(split), (std::vector<double>{15, 11, 13, 10}));
        const Table filtered = split.takeRows({2, 0});
        QCOMPARE(rawX(filtered), (std::vector<double>{13, 15}));
        QCOMPARE(rawX(raw().takeRows({})), std::vector<double>{});
    }

    /// Taken rows are views of the loaded columns, not copies: one index per table, shared by
    /// its columns and its source rows, composed (not stacked) when rows are taken again.
    void takenRowsViewTheLoadedColumns() {
        const Table loaded = raw();
        const Table split = loaded.takeRows({5, 1, 3, 0});
        const auto& index = split.column("x").viewedRows();
        QVERIFY(index);
        QCOMPARE(*index, (std::vector<size_t>{5, 1, 3, 0}));
        QCOMPARE(split.column("c").viewedRows(), index);
        QCOMPARE(split.lineage().sourceRows->rows, index);
        QCOMPARE(split.column("x").number(0), 15.0);
        QCOMPARE(split.column("c").code(1), 1);
        QVERIFY(split.column("c").isMissing(2) == false && split.column("c").cellText(3) == "a");

        const Table filtered = split.takeRows({2, 0});
        QCOMPARE(*filtered.column("y").viewedRows(), (std::vector<size_t>{3, 5}));
        QCOMPARE(filtered.column("y").values(), (std::vector<double>{3, 5}));
        QCOMPARE(filtered.column("c").codes(), (std::vector<int32_t>{1, 0}));
        QCOMPARE(filtered.column("c").missingCount(), size_t(0));
        QCOMPARE(loaded.takeRows({4}).column("c").missingCount(), size_t(1));
        QCOMPARE(filtered.column("x").take({1, 0}).values(), (std::vector<double>{15, 13}));
        // A view and its source are different data for "same column" checks.
        QVERIFY(split.column("x").dataIdentity() != loaded.column("x").dataIdentity());
        double copied[2];
        filtered.column("x").copyNumbers(copied);
        QCOMPARE(copied[0], 13.0);
        QCOMPARE(copied[1], 15.0);
    }

    /// values() gathers a view once, whichever of many threads asks first.
    void gatheringAViewIsThreadSafe() {
        std::vector<double> x(100000);
        std::vector<size_t> rows(x.size());
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = double(i);
            rows[i] = x.size() - 1 - i;
        }
        const Table view = Table({Column::numeric("x", x)}).takeRows(rows);
        std::vector<const double*> seen(8);
        {
            std::vector<std::jthread> readers;
            for (size_t t = 0; t < seen.size(); ++t)
                readers.emplace_back([&, t] { seen[t] = view.column("x").values().data(); });
        }
        for (const double* data : seen) QCOMPARE(data, seen.front());
        QCOMPARE(view.column("x").values().front(), double(x.size() - 1));
        QCOMPARE(view.column("x").values().back(), 0.0);
    }

    void transformsKeepThemAndStrangersLoseThem() {
        const Table t = raw().takeRows({4, 2, 0});
        const Table scaled = applyStep(fitStandardScaler(t, {}), t);
        QCOMPARE(rawX(scaled), (std::vector<double>{14, 12, 10}));
        // A table of other rows that took this one's lineage must not claim its raw rows.
        Table stranger({Column::numeric("x", {1, 2})});
        stranger.setLineage(scaled.lineage());
        QVERIFY(!stranger.lineage().rowsFor(stranger.rowCount()));
    }

    void modelKeepsItsTrainingRows() {
        const Table train = raw().takeRows({1, 2, 3, 5});
        const auto mean = makeLearner("Mean", Task::Regression,
                                      [](const Table&, const std::string&, RunContext&) {
                                          return Fitted{};
                                      });
        RunContext ctx;
        const Model model = trainModel(train, mean, ctx);
        QVERIFY(model.lineage.sourceRows);
        QCOMPARE(model.lineage.sourceRows->rowCount(), size_t(4));
        QCOMPARE(model.lineage.sourceRows->at(3), size_t(5));
        // Trained on a table whose lineage does not describe its rows: none kept.
        Table odd({Column::numeric("x", {1, 2}), Column::numeric("y", {3, 4}, ColumnRole::Target)});
        odd.setLineage(train.lineage());
        QVERIFY(!trainModel(odd, mean, ctx).lineage.sourceRows);
    }
};

QTEST_GUILESS_MAIN(LineageTest)
#include "tst_lineage.moc"

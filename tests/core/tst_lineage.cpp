// A table's lineage knows the raw rows behind it (SourceRows): a model keeps its training rows
// this way, for its card's example, fingerprint and float32 count, without copying them.
#include "data/Table.h"
#include "models/Model.h"
#include "pipeline/RunContext.h"
#include "transform/StandardScaler.h"

#include <QTest>

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
        QVERIFY(t.lineage().sourceRows->rows.empty()); // all rows, no index kept
    }

    void takenRowsComposeAcrossSplitsAndFilters() {
        const Table split = raw().takeRows({5, 1, 3, 0});
        QCOMPARE(rawX(split), (std::vector<double>{15, 11, 13, 10}));
        const Table filtered = split.takeRows({2, 0});
        QCOMPARE(rawX(filtered), (std::vector<double>{13, 15}));
        QCOMPARE(rawX(raw().takeRows({})), std::vector<double>{});
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

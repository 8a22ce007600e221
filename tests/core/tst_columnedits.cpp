// Column edits as lineage steps: cast (dictionary learned from the data, parse errors naming
// column, row and value), rename and drop, re-applied to raw rows by Predict and refitted by
// Lineage::refitOn; the three nodes end to end through the executor on Iris.
#include "data/Table.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "transform/ColumnEdits.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

const double kNan = std::numeric_limits<double>::quiet_NaN();

void expectError(const std::function<void()>& f, const std::string& fragment) {
    try {
        f();
        QFAIL(("expected an Error containing: " + fragment).c_str());
    } catch (const Error& e) {
        QVERIFY2(e.message().english().find(fragment) != std::string::npos, e.what());
    }
}

Table raw(std::vector<Column> columns) {
    Table t(std::move(columns));
    t.startLineage();
    return t;
}

} // namespace

class TestColumnEdits : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void numericToCategoricalLearnsTheDictionary() {
        const Table train = raw({Column::numeric("grade", {10, 2, kNan, 2, -0.0, 7.5}),
                                 Column::numeric("y", {1, 2, 3, 4, 5, 6}, ColumnRole::Target)});
        const auto step = fitCastColumns(train, {"grade"}, ColumnType::Categorical);
        QVERIFY(step->learnsFromData());
        const Table cast = applyStep(step, train);
        const Column& grade = cast.column("grade");
        QVERIFY(!grade.isNumeric());
        QCOMPARE(grade.categories(), (std::vector<std::string>{"0", "2", "7.5", "10"}));
        QCOMPARE(grade.codes(), (std::vector<int32_t>{3, 1, -1, 1, 0, 2}));
        QCOMPARE(grade.role(), ColumnRole::Feature);

        // New rows: an unseen value becomes missing; the dictionary is the training one.
        const Table fresh = raw({Column::numeric("grade", {7.5, 3, 10})});
        const Table again = step->apply(fresh);
        QCOMPARE(again.column("grade").codes(), (std::vector<int32_t>{2, -1, 3}));
        QCOMPARE(again.column("grade").categories().size(), size_t(4));

        // Refitting (cross-validation) learns the new rows' dictionary.
        const auto refitted = std::dynamic_pointer_cast<const CastColumnsStep>(step->refit(fresh));
        QVERIFY(refitted);
        QCOMPARE(refitted->casts()[0].dictionary, (std::vector<double>{3, 7.5, 10}));
    }

    void categoricalToNumericParsesLabels() {
        const Table t = raw({Column::categorical("v", {0, 1, -1, 2, 0}, {" 1.5", "-2", "+3e2"})});
        const auto step = fitCastColumns(t, {"v"}, ColumnType::Numeric);
        QVERIFY(!step->learnsFromData());
        const Table out = applyStep(step, t);
        const Column& v = out.column("v");
        QVERIFY(v.isNumeric());
        QCOMPARE(v.values()[0], 1.5);
        QCOMPARE(v.values()[1], -2.0);
        QVERIFY(std::isnan(v.values()[2]));
        QCOMPARE(v.values()[3], 300.0);
    }

    void unparseableLabelNamesColumnRowAndValue() {
        const Table t = raw({Column::categorical("price", {0, 0, 1, 2}, {"10", "n/a", "cheap"})});
        const auto step = fitCastColumns(t, {"price"}, ColumnType::Numeric);
        expectError([&] { (void)applyStep(step, t); }, "column 'price', row 3: 'n/a'");
    }

    void castOfAColumnAlreadyOfThatTypeChangesNothing() {
        const Table t = raw({Column::numeric("x", {1, 2})});
        const Table out = applyStep(fitCastColumns(t, {"x"}, ColumnType::Numeric), t);
        QCOMPARE(out.column("x").dataIdentity(), t.column("x").dataIdentity());
    }

    void renameAndDrop() {
        const Table t = raw({Column::numeric("a", {1, 2}), Column::numeric("b", {3, 4}),
                             Column::numeric("t", {0, 1}, ColumnRole::Target)});
        const auto rename = makeRenameColumns(t, {{"a", "alpha"}, {"t", "label"}});
        QVERIFY(!rename->learnsFromData());
        const Table renamed = applyStep(rename, t);
        QCOMPARE(renamed.columnNames(), (std::vector<std::string>{"alpha", "b", "label"}));
        QCOMPARE(renamed.column("label").role(), ColumnRole::Target);
        QCOMPARE(renamed.column("alpha").dataIdentity(), t.column("a").dataIdentity());
        // At prediction time the target may be absent.
        const Table noTarget = raw({Column::numeric("a", {5}), Column::numeric("b", {6})});
        QCOMPARE(rename->apply(noTarget).columnNames(),
                 (std::vector<std::string>{"alpha", "b"}));
        expectError([&] { (void)rename->apply(raw({Column::numeric("b", {6})})); },
                    "column 'a' is missing");

        const auto drop = makeDropColumns(t, {"b"});
        QCOMPARE(applyStep(drop, t).columnNames(), (std::vector<std::string>{"a", "t"}));
        QCOMPARE(drop->apply(raw({Column::numeric("a", {1})})).columnNames(),
                 std::vector<std::string>{"a"});
        QCOMPARE(drop->refit(t), std::shared_ptr<const FittedStep>(drop));
    }

    void editErrorsNameTheColumn() {
        const Table t = raw({Column::numeric("a", {1}), Column::numeric("b", {2})});
        expectError([&] { (void)makeRenameColumns(t, {{"a", "b"}}); },
                    "column name 'b' appears twice");
        expectError([&] { (void)makeRenameColumns(t, {{"z", "y"}}); }, "no column named 'z'");
        expectError([&] { (void)makeRenameColumns(t, {{"a", ""}}); }, "column 'a' is empty");
        expectError([&] { (void)makeDropColumns(t, {"c"}); }, "no column named 'c'");
        expectError([&] { (void)fitCastColumns(t, {"q"}, ColumnType::Numeric); },
                    "no column named 'q'");
    }

    void nodesAreReappliedByPredict() {
        // Iris → rename → drop → cast numeric→categorical→numeric → logistic regression; Predict
        // on the raw rows must go through the same edits and give the training predictions.
        Graph g;
        const auto node = [&](const std::string& id, const std::string& type,
                              std::initializer_list<std::pair<const char*, Value>> params = {}) {
            g.addNode({id, type, "", {}, {}});
            for (const auto& [key, value] : params) g.setParameter(id, key, value);
        };
        const auto link = [&](const std::string& from, const std::string& to) {
            g.connect({*PortRef::parse(from), *PortRef::parse(to)});
        };
        node("iris", "oficina.data.sample");
        node("rename", "oficina.clean.rename",
             {{"columns", std::vector<std::string>{"petal width (cm)", "species"}},
              {"new_names", std::string("pw, kind")}});
        node("drop", "oficina.clean.drop_columns",
             {{"columns", std::vector<std::string>{"sepal width (cm)"}}});
        node("to_cat", "oficina.clean.cast",
             {{"columns", std::vector<std::string>{"pw"}}, {"to", std::string("categorical")}});
        node("to_num", "oficina.clean.cast",
             {{"columns", std::vector<std::string>{"pw"}}, {"to", std::string("numeric")}});
        node("lr", "oficina.model.logistic_regression");
        node("predict", "oficina.model.predict");
        link("iris.data", "rename.data");
        link("rename.data", "drop.data");
        link("drop.data", "to_cat.data");
        link("to_cat.data", "to_num.data");
        link("to_num.data", "lr.data");
        link("lr.model", "predict.model");
        link("iris.data", "predict.data");
        Executor executor(m_registry);
        RunContext ctx;
        const RunResult r = executor.run(g, ctx);
        for (const auto& [id, status] : r.nodes)
            QVERIFY2(status.state == NodeState::Done, (id + ": " + describeError(status)).c_str());
        const Model& model =
            *std::get<std::shared_ptr<const Model>>(r.nodes.at("lr").outputs.at("model"));
        QCOMPARE(model.lineage.steps.size(), size_t(4));
        QCOMPARE(model.targetName, std::string("kind"));
        QCOMPARE(model.estimator->featureNames(),
                 (std::vector<std::string>{"sepal length (cm)", "petal length (cm)", "pw"}));
        const PortValue& predictions = r.nodes.at("predict").outputs.at("predictions");
        const Table& predicted = *std::get<std::shared_ptr<const Table>>(predictions);
        QCOMPARE(predicted.rowCount(), size_t(150));
        size_t correct = 0;
        for (size_t i = 0; i < 150; ++i)
            correct += predicted.column(kPredictionColumn).cellText(i) ==
                       predicted.column("species").cellText(i);
        QVERIFY2(correct >= 140, std::to_string(correct).c_str());  // a real fit, not noise
        // The cast learned its dictionary from the data: a split after it would warn.
        QVERIFY(model.lineage.steps[2]->learnsFromData());
        QVERIFY(!model.lineage.steps[0]->learnsFromData());
    }
};

QTEST_APPLESS_MAIN(TestColumnEdits)
#include "tst_columnedits.moc"

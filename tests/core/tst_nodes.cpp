// The built-in nodes end to end through the executor: lineage re-applied by Predict, leakage
// warning, clear errors naming columns, file loading.
#include "data/Table.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"

#include "GraphBuilder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace oficina::core;

class NodesTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

    RunResult run(const Graph& g) {
        Executor executor(m_registry);
        RunContext ctx;
        return executor.run(g, ctx);
    }

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void sampleDatasetMarksTheTarget() {
        Builder b;
        b.node("wine", "oficina.data.sample", {{"dataset", std::string("wine")}});
        const RunResult r = run(b.graph);
        const Table& t = output<Table>(r, "wine", "data");
        QCOMPARE(t.rowCount(), size_t(178));
        QCOMPARE(t.namesWithRole(ColumnRole::Target), std::vector<std::string>{"cultivar"});
        QCOMPARE(t.column("cultivar").categories().size(), size_t(3));
    }

    void predictReappliesTheTrainingFit() {
        // Scaler fitted on the training rows only; Predict on the raw test rows must scale them
        // with the training mean/std: predicting on the full raw table reproduces that.
        Builder b;
        b.node("iris", "oficina.data.sample")
            .node("split", "oficina.data.split")
            .node("scale", "oficina.scale.standard")
            .node("lr", "oficina.model.logistic_regression")
            .node("predict_test", "oficina.model.predict")
            .node("predict_all", "oficina.model.predict")
            .link("iris.data", "split.data")
            .link("split.train", "scale.data")
            .link("scale.data", "lr.data")
            .link("lr.model", "predict_test.model")
            .link("split.test", "predict_test.data")
            .link("lr.model", "predict_all.model")
            .link("iris.data", "predict_all.data");
        const RunResult r = run(b.graph);
        QVERIFY(!r.anyFailed());
        const Table& test = output<Table>(r, "predict_test", "predictions");
        const Table& all = output<Table>(r, "predict_all", "predictions");
        QCOMPARE(test.rowCount(), size_t(38));
        const Column& p = test.column(kPredictionColumn);
        QCOMPARE(p.role(), ColumnRole::Prediction);
        // Row order of the split is scikit-learn's; find each test row in the full table.
        const Column& lengthTest = test.column("sepal length (cm)");
        const Column& widthTest = test.column("petal width (cm)");
        for (size_t i = 0; i < test.rowCount(); ++i)
            for (size_t j = 0; j < all.rowCount(); ++j)
                if (all.column("sepal length (cm)").values()[j] == lengthTest.values()[i] &&
                    all.column("petal width (cm)").values()[j] == widthTest.values()[i] &&
                    all.column("sepal width (cm)").values()[j] ==
                        test.column("sepal width (cm)").values()[i] &&
                    all.column("petal length (cm)").values()[j] ==
                        test.column("petal length (cm)").values()[i]) {
                    QCOMPARE(all.column(kPredictionColumn).cellText(j), p.cellText(i));
                    QCOMPARE(all.column("P(setosa)").values()[j], test.column("P(setosa)").values()[i]);
                }
        const Model& model = output<Model>(r, "lr", "model");
        QCOMPARE(model.lineage.steps.size(), size_t(1));
        QCOMPARE(model.lineage.steps[0]->typeId(), std::string("oficina.scale.standard"));
        QVERIFY(r.nodes.at("split").warnings.empty());
    }

    void scalingBeforeTheSplitIsFlaggedAsLeakage() {
        Builder b;
        b.node("iris", "oficina.data.sample")
            .node("scale", "oficina.scale.standard")
            .node("split", "oficina.data.split")
            .link("iris.data", "scale.data")
            .link("scale.data", "split.data");
        const RunResult r = run(b.graph);
        QCOMPARE(r.nodes.at("split").state, NodeState::Done);
        QCOMPARE(r.nodes.at("split").warnings.size(), size_t(1));
        QVERIFY(r.nodes.at("split").warnings[0].english().find("leakage") != std::string::npos);
    }

    void splitWithoutShufflingTestsTheLastRows() {
        Builder b;
        b.node("sun", "oficina.data.sample", {{"dataset", std::string("sunspots")}})
            .node("split", "oficina.data.split", {{"shuffle", false}, {"test_size", 0.2}})
            .link("sun.data", "split.data");
        const RunResult r = run(b.graph);
        QVERIFY(!r.anyFailed());
        const auto& train = output<Table>(r, "split", "train").column("YEAR").values();
        const auto& test = output<Table>(r, "split", "test").column("YEAR").values();
        QCOMPARE(test.size(), size_t(62));  // ceil(0.2 × 309), as train_test_split(shuffle=False)
        QCOMPARE(train.size(), size_t(247));
        QCOMPARE(train.front(), 1700.0);
        QCOMPARE(train.back(), 1946.0);
        QCOMPARE(test.front(), 1947.0);
        QCOMPARE(test.back(), 2008.0);

        b.graph.setParameter("split", "stratify", true);
        QCOMPARE(run(b.graph).nodes.at("split").state, NodeState::Failed);
    }

    void predictRefusesDataTransformedDifferently() {
        Builder b;
        b.node("iris", "oficina.data.sample")
            .node("scale_a", "oficina.scale.standard")
            .node("scale_b", "oficina.scale.standard", {{"with_mean", false}})
            .node("lr", "oficina.model.logistic_regression")
            .node("predict", "oficina.model.predict")
            .link("iris.data", "scale_a.data")
            .link("scale_a.data", "lr.data")
            .link("iris.data", "scale_b.data")
            .link("scale_b.data", "predict.data")
            .link("lr.model", "predict.model");
        const RunResult r = run(b.graph);
        QCOMPARE(r.nodes.at("predict").state, NodeState::Failed);
        QVERIFY(r.nodes.at("predict").error->english().find("Standard scaler") != std::string::npos);
    }

    void selectColumnsErrorsNameTheColumn_data() {
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown feature") << QStringList{"petal"} << "species"
                                         << "there is no column 'petal'";
        QTest::newRow("unknown target") << QStringList{} << "kind"
                                        << "there is no column 'kind'";
        QTest::newRow("target is a feature") << QStringList{"species"} << "species"
                                             << "'species' cannot be both a feature and the target";
    }

    void selectColumnsErrorsNameTheColumn() {
        QFETCH(QStringList, features);
        QFETCH(QString, target);
        QFETCH(QString, message);
        std::vector<std::string> names;
        for (const auto& f : features) names.push_back(f.toStdString());
        Builder b;
        b.node("iris", "oficina.data.sample")
            .node("select", "oficina.data.select_columns",
                  {{"features", names}, {"target", target.toStdString()}})
            .link("iris.data", "select.data");
        const RunResult r = run(b.graph);
        QCOMPARE(r.nodes.at("select").state, NodeState::Failed);
        const std::string error = describeError(r.nodes.at("select"));
        QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
    }

    void modelWithoutTargetExplainsWhatToDo() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/points.csv").toStdString();
        std::ofstream(path) << "x;y;label\n1,5;2;a\n2,5;1;b\n3,0;4;a\n";
        Builder b;
        b.node("load", "oficina.data.load_file", {{"file", path}})
            .node("lr", "oficina.model.logistic_regression")
            .link("load.data", "lr.data");
        const RunResult r = run(b.graph);
        const Table& t = output<Table>(r, "load", "data");
        QCOMPARE(t.column("x").values()[0], 1.5);  // decimal comma detected
        QCOMPARE(r.nodes.at("lr").state, NodeState::Failed);
        QVERIFY(r.nodes.at("lr").error->english().find("no target column") != std::string::npos);
    }

    void categoricalFeatureIsRefusedByName() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/mixed.csv").toStdString();
        std::ofstream(path) << "size,colour,label\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n";
        Builder b;
        b.node("load", "oficina.data.load_file", {{"file", path}})
            .node("select", "oficina.data.select_columns", {{"target", std::string("label")}})
            .node("lr", "oficina.model.logistic_regression")
            .link("load.data", "select.data")
            .link("select.data", "lr.data");
        const RunResult r = run(b.graph);
        QCOMPARE(r.nodes.at("lr").state, NodeState::Failed);
        QVERIFY(r.nodes.at("lr").error->english().find("'colour' is categorical") != std::string::npos);
    }

    void loadErrorsCarryTheLocation() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/ragged.csv").toStdString();
        std::ofstream(path) << "a,b\n1,2\n3,4,5\n";
        Builder b;
        b.node("load", "oficina.data.load_file", {{"file", path}});
        const RunResult r = run(b.graph);
        QCOMPARE(r.nodes.at("load").state, NodeState::Failed);
        QVERIFY2(r.nodes.at("load").errorWhere.find("ragged.csv:3:") != std::string::npos,
                 describeError(r.nodes.at("load")).c_str());
    }
};

QTEST_GUILESS_MAIN(NodesTest)
#include "tst_nodes.moc"

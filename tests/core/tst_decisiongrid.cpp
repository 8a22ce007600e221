// The decision-boundary grid: a classifier with two numeric raw inputs predicted on a regular
// grid, each cell equal to the model's own prediction at the cell centre (lineage re-applied).
#include "data/Table.h"
#include "eval/DecisionGrid.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"

#include <QtTest>

#include <set>

using namespace oficina::core;

namespace {

const std::string kLength = "petal length (cm)";
const std::string kWidth = "petal width (cm)";

struct Trained {
    std::shared_ptr<const Model> model;
    std::shared_ptr<const Table> data;
};

Trained trainIris(const NodeRegistry& registry, std::vector<std::string> features) {
    Graph g;
    g.addNode({"iris", "oficina.data.sample", "", {}, {}});
    g.addNode({"select", "oficina.data.select_columns", "", {}, {}});
    g.addNode({"scale", "oficina.scale.standard", "", {}, {}});
    g.addNode({"lr", "oficina.model.logistic_regression", "", {}, {}});
    g.setParameter("select", "features", std::move(features));
    g.setParameter("select", "target", std::string("species"));
    g.connect({{"iris", "data"}, {"select", "data"}});
    g.connect({{"select", "data"}, {"scale", "data"}});
    g.connect({{"scale", "data"}, {"lr", "data"}});
    Executor executor(registry);
    RunContext ctx;
    const RunResult r = executor.run(g, ctx);
    if (r.anyFailed()) qFatal("%s", describeError(r.nodes.at("lr")).c_str());
    return {std::get<std::shared_ptr<const Model>>(r.nodes.at("lr").outputs.at("model")),
            std::get<std::shared_ptr<const Table>>(r.nodes.at("iris").outputs.at("data"))};
}

std::string predictOne(const Model& model, double x, double y) {
    const Table one({Column::numeric(kLength, {x}), Column::numeric(kWidth, {y})});
    return model.predict(one).column(kPredictionColumn).cellText(0);
}

} // namespace

class DecisionGridTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void findsTheTwoRawInputs() {
        const Trained two = trainIris(m_registry, {kLength, kWidth});
        const auto inputs = twoNumericInputs(*two.model);
        QVERIFY(inputs.has_value());
        QCOMPARE(inputs->first, kLength);
        QCOMPARE(inputs->second, kWidth);
        const Trained four = trainIris(m_registry, {});
        QVERIFY(!twoNumericInputs(*four.model).has_value());
    }

    void cellsEqualTheModelsPrediction() {
        const Trained t = trainIris(m_registry, {kLength, kWidth});
        const DecisionGrid grid = computeDecisionGrid(*t.model, kLength, kWidth, 0, 8, 0, 3, 40);
        QCOMPARE(grid.resolution, 40);
        QCOMPARE(grid.classes.size(), size_t(1600));
        QCOMPARE(grid.labels, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        // Every 7th cell against a one-row prediction at its centre (0.2 × 0.075 cells).
        for (int row = 0; row < 40; row += 7)
            for (int col = 0; col < 40; col += 7) {
                const double x = (col + 0.5) * 0.2, y = (row + 0.5) * 0.075;
                QCOMPARE(grid.labels[size_t(grid.at(row, col))], predictOne(*t.model, x, y));
            }
        // Short, narrow petals are setosa; long, wide ones virginica; in between versicolor.
        QCOMPARE(grid.labels[size_t(grid.at(0, 0))], std::string("setosa"));
        QCOMPARE(grid.labels[size_t(grid.at(39, 39))], std::string("virginica"));
        QCOMPARE(predictOne(*t.model, 4.2, 1.3), std::string("versicolor"));
        // All three classes own part of the plane.
        std::set<int32_t> seen(grid.classes.begin(), grid.classes.end());
        QCOMPARE(seen.size(), size_t(3));
    }

    void rangesFromTheDataAgreeWithTheTrainingPredictions() {
        const Trained t = trainIris(m_registry, {kLength, kWidth});
        const DecisionGrid grid = computeDecisionGrid(*t.model, *t.data, kLength, kWidth, 100);
        // Petal length spans 1.0–6.9 and width 0.1–2.5 in Iris: 5% padding each side.
        QVERIFY(qAbs(grid.xMin - (1.0 - 0.295)) < 1e-9);
        QVERIFY(qAbs(grid.xMax - (6.9 + 0.295)) < 1e-9);
        QVERIFY(qAbs(grid.yMin - (0.1 - 0.12)) < 1e-9);
        QVERIFY(qAbs(grid.yMax - (2.5 + 0.12)) < 1e-9);
        // The cell under each flower predicts what the model predicts for the flower, except
        // where the boundary crosses that cell.
        const Table predicted = t.model->predict(*t.data);
        const Column& x = t.data->column(kLength);
        const Column& y = t.data->column(kWidth);
        int agree = 0;
        for (size_t r = 0; r < t.data->rowCount(); ++r) {
            const int col = int((x.values()[r] - grid.xMin) / (grid.xMax - grid.xMin) * 100);
            const int row = int((y.values()[r] - grid.yMin) / (grid.yMax - grid.yMin) * 100);
            agree += grid.labels[size_t(grid.at(row, col))] ==
                     predicted.column(kPredictionColumn).cellText(r);
        }
        QVERIFY2(agree >= 145, qPrintable(QString::number(agree)));
    }

    void rejectsWhatItCannotDraw() {
        const Trained t = trainIris(m_registry, {kLength, kWidth});
        QVERIFY_THROWS_EXCEPTION(Error, computeDecisionGrid(*t.model, kLength, kWidth, 0, 1, 0, 1, 1));
        QVERIFY_THROWS_EXCEPTION(Error, computeDecisionGrid(*t.model, kLength, kWidth, 1, 1, 0, 1, 10));
        QVERIFY_THROWS_EXCEPTION(Error, computeDecisionGrid(*t.model, *t.data, "species", kWidth, 10));
    }
};

QTEST_GUILESS_MAIN(DecisionGridTest)
#include "tst_decisiongrid.moc"

// The Drift check node: iris against a copy with the petal length shifted and a species the
// reference never had flags exactly that column, warns of the new value, and gives the
// largest PSI the gates read as drift.max_psi.
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/RunContext.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace oficina::core;

class DriftNodeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void flagsTheShiftedColumn() {
        QTemporaryDir dir;
        std::ifstream in(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv");
        std::ofstream reference(dir.filePath("reference.csv").toStdString());
        std::ofstream current(dir.filePath("current.csv").toStdString());
        std::string line;
        std::getline(in, line);
        reference << line << "\n";
        current << line << "\n";
        for (int row = 0; std::getline(in, line); ++row) {
            reference << line << "\n";
            std::stringstream cells(line);
            std::vector<std::string> cell(5);
            for (auto& c : cell) std::getline(cells, c, ',');
            cell[2] = std::to_string(std::stod(cell[2]) + 1.5);  // petal length
            if (row == 0) cell[4] = "hybrid";
            current << cell[0] << "," << cell[1] << "," << cell[2] << "," << cell[3] << ","
                    << cell[4] << "\n";
        }
        reference.close();
        current.close();

        NodeRegistry registry;
        registerBuiltinNodes(registry, {});
        Graph graph = parsePipeline(R"({"format": "oficina-pipeline", "version": 1, "nodes": [
            {"id": "ref", "type": "oficina.data.load_file", "params": {"file": "reference.csv"}},
            {"id": "cur", "type": "oficina.data.load_file", "params": {"file": "current.csv"}},
            {"id": "drift", "type": "oficina.monitor.drift_check"}],
           "links": [{"from": "ref.data", "to": "drift.reference"},
                     {"from": "cur.data", "to": "drift.current"}]})",
                                    registry, "test");
        graph.setBaseDirectory(dir.path().toStdString());
        Executor executor(registry);
        RunContext context;
        const RunResult result = executor.run(graph, context);
        const NodeResult& node = result.nodes.at("drift");
        QVERIFY2(node.state == NodeState::Done, describeError(node).c_str());
        const auto& metrics = *std::get<std::shared_ptr<const Metrics>>(node.outputs.at("metrics"));
        QCOMPARE(*metrics.scalar("drifted_columns"), 1.0);
        QCOMPARE(*metrics.scalar("columns_compared"), 5.0);
        QVERIFY(*metrics.scalar("max_psi") > 0.25);
        const LabeledMatrix& table = metrics.matrices.front();
        QCOMPARE(table.name, std::string("drift_by_column"));
        for (size_t row = 0; row < table.rowLabels.size(); ++row)
            QCOMPARE(table.at(row, 3), table.rowLabels[row] == "petal length (cm)" ? 1.0 : 0.0);
        QCOMPARE(node.warnings.size(), size_t(1));
        QVERIFY2(node.warnings.front().english().find("\"hybrid\"") != std::string::npos,
                 node.warnings.front().english().c_str());
    }
};

QTEST_GUILESS_MAIN(DriftNodeTest)
#include "tst_driftnode.moc"

// The Gate node (issue 16): the rules of `oficina-cli run --require` checked in the editor
// against the metrics wired into it. Passing and failing rules on a real Iris run, several
// inputs and a node that is not wired in, a baseline report found beside the pipeline,
// drift.max_psi as the largest max_psi of the inputs, malformed rules named by number and
// column, and a cache that follows which node feeds the gate.
#include "GraphBuilder.h"

#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/RunReport.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace oficina::core;

namespace {

/// Iris → split → logistic regression → predict → score → gate.
Builder irisGate(const std::string& rules) {
    Builder b = trainPredictScore("oficina.model.logistic_regression");
    b.node("gate", "oficina.monitor.gate", {{"rules", rules}})
        .link("score.metrics", "gate.metrics");
    return b;
}

const Metrics& gateOutput(const RunResult& r) {
    return output<Metrics>(r, "gate", "metrics");
}

double scalar(const Metrics& m, const char* name) {
    const double* v = m.scalar(name);
    return v ? *v : std::nan("");
}

/// A cell of the gates table: row `rule`, column "value", "baseline", "bound" or "passed".
double cell(const Metrics& m, size_t rule, const std::string& column) {
    const LabeledMatrix& gates = *m.matrix("gates");
    const auto it = std::find(gates.columnLabels.begin(), gates.columnLabels.end(), column);
    return gates.at(rule, size_t(it - gates.columnLabels.begin()));
}

std::vector<std::string> englishWarnings(const NodeResult& node) {
    std::vector<std::string> out;
    for (const Message& m : node.warnings)
        out.push_back(m.english());
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& text) {
    return std::find(list.begin(), list.end(), text) != list.end();
}

} // namespace

class GateNodeTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        // What a Drift check node sends: its largest PSI.
        m_registry.add({.type = "test.drift",
                        .title = "Drift",
                        .outputs = {{"metrics", PortType::Metrics, "Metrics"}},
                        .params = {Parameter::real("psi", "PSI", 0.0)},
                        .run = [](const NodeInputs&, const ParamValues& p, RunContext&) {
                            Metrics m;
                            m.scalars = {{"max_psi", p.real("psi")}, {"drifted_columns", 1}};
                            return PortValues{{"metrics", metricsValue(std::move(m))}};
                        }});
    }

    void rulesPassAndFail() {
        const RunResult r =
            runGraph(m_registry, irisGate("score.accuracy >= 0.5\nscore.accuracy > 1\n\n"
                                          "  score.log_loss < 0 ; score.f1_macro >= score_floor\n")
                                     .graph);
        QCOMPARE(r.nodes.at("gate").state, NodeState::Failed); // `score_floor` is no value
        QCOMPARE(r.nodes.at("gate").errorWhere, std::string("rule 4, gate 'score.f1_macro >= "
                                                            "score_floor'"));

        const RunResult ok =
            runGraph(m_registry,
                     irisGate("score.accuracy >= 0.5\nscore.accuracy > 1\n\n  score.log_loss < 0 ;"
                              "score.f1_macro >= 0.5\r\n")
                         .graph);
        QCOMPARE(ok.nodes.at("gate").state, NodeState::Done);
        const Metrics& gate = gateOutput(ok);
        const double accuracy = *output<Metrics>(ok, "score", "metrics").scalar("accuracy");
        QVERIFY(accuracy > 0.5 && accuracy <= 1);
        const LabeledMatrix& gates = *gate.matrix("gates");
        QCOMPARE(gates.rowLabels,
                 (std::vector<std::string>{"score.accuracy >= 0.5", "score.accuracy > 1",
                                           "score.log_loss < 0", "score.f1_macro >= 0.5"}));
        QCOMPARE(gates.columnLabels,
                 (std::vector<std::string>{"value", "baseline", "bound", "passed"}));
        QCOMPARE(cell(gate, 0, "value"), accuracy);
        QVERIFY(std::isnan(cell(gate, 0, "baseline")));
        QCOMPARE(cell(gate, 0, "bound"), 0.5);
        QCOMPARE(cell(gate, 0, "passed"), 1.0);
        QCOMPARE(cell(gate, 1, "bound"), 1.0);
        QCOMPARE(cell(gate, 1, "passed"), 0.0); // strict: even a perfect score fails
        QCOMPARE(cell(gate, 2, "passed"), 0.0);
        QCOMPARE(cell(gate, 3, "passed"), 1.0);
        QCOMPARE(scalar(gate, "gates_passed"), 2.0);
        QCOMPARE(scalar(gate, "gates_failed"), 2.0);
        QCOMPARE(scalar(gate, "passed"), 0.0);
        // Every rule was evaluated: no reasons, no warnings.
        QCOMPARE(gates.rowNotes.size(), size_t(4));
        for (const Message& note : gates.rowNotes)
            QVERIFY(note.textTemplate().empty());
        QVERIFY(ok.nodes.at("gate").warnings.empty());

        const RunResult all =
            runGraph(m_registry, irisGate("score.accuracy >= 0.5; score.log_loss <= 10").graph);
        QCOMPARE(scalar(gateOutput(all), "passed"), 1.0);
        QCOMPARE(scalar(gateOutput(all), "gates_failed"), 0.0);
    }

    /// A second model on metrics_2, drift figures on metrics_3 and metrics_4: each rule names
    /// the node that measured its metric; a node not wired in is said to be so.
    void severalInputs() {
        Builder b = irisGate("score.accuracy >= 0.5\ntreescore.accuracy >= 0.5\n"
                             "drift.max_psi < 0.25\nquiet.max_psi <= 0.1\n"
                             "other.accuracy >= 0\nscore.roc_auc_ovr >= baseline");
        b.node("tree", "oficina.model.decision_tree_classifier")
            .node("treepredict", "oficina.model.predict")
            .node("treescore", "oficina.eval.score")
            .node("quiet", "test.drift", {{"psi", 0.05}})
            .node("shifted", "test.drift", {{"psi", 0.4}})
            .link("split.train", "tree.data")
            .link("tree.model", "treepredict.model")
            .link("split.test", "treepredict.data")
            .link("treepredict.predictions", "treescore.predictions")
            .link("treescore.metrics", "gate.metrics_2")
            .link("quiet.metrics", "gate.metrics_3")
            .link("shifted.metrics", "gate.metrics_4");
        const RunResult r = runGraph(m_registry, b.graph);
        QCOMPARE(r.nodes.at("gate").state, NodeState::Done);
        const Metrics& gate = gateOutput(r);
        QCOMPARE(cell(gate, 1, "value"),
                 *output<Metrics>(r, "treescore", "metrics").scalar("accuracy"));
        QCOMPARE(cell(gate, 1, "passed"), 1.0);
        QCOMPARE(cell(gate, 2, "value"), 0.4); // the larger of 0.05 and 0.4
        QCOMPARE(cell(gate, 2, "passed"), 0.0);
        QCOMPARE(cell(gate, 3, "value"), 0.05);
        QCOMPARE(cell(gate, 3, "passed"), 1.0);
        QVERIFY(std::isnan(cell(gate, 4, "value")));
        QCOMPARE(cell(gate, 4, "passed"), 0.0);
        QCOMPARE(scalar(gate, "gates_passed"), 3.0);

        const LabeledMatrix& gates = *gate.matrix("gates");
        QCOMPARE(gates.rowNotes[4].english(),
                 std::string("node other is not connected to this gate: connect its metrics to "
                             "one of the gate's inputs"));
        QCOMPARE(gates.rowNotes[5].english(),
                 std::string("the rule needs a baseline, and none was given"));
        QVERIFY(gates.rowNotes[0].textTemplate().empty());
        const auto warnings = englishWarnings(r.nodes.at("gate"));
        QCOMPARE(warnings.size(), size_t(2));
        QVERIFY(contains(warnings, gates.rowNotes[4].english()));
        QVERIFY(contains(warnings, gates.rowNotes[5].english()));
    }

    /// The baseline is a run report, found relative to the pipeline's folder; editing the file
    /// reruns the gate.
    void baselineReport() {
        QTemporaryDir dir;
        Builder b = irisGate("score.accuracy >= baseline\nscore.accuracy >= baseline+0.25\n"
                             "score.accuracy >= baseline*0.9\nscore.nothing >= baseline\n"
                             "score.log_loss <= baseline-0.001");
        b.graph.setBaseDirectory(dir.path().toStdString());
        b.graph.setParameter("gate", "baseline", std::string("reports/main.json"));

        Executor executor(m_registry);
        RunContext first;
        RunResult r = executor.run(b.graph, first);
        QCOMPARE(r.nodes.at("gate").state, NodeState::Failed);
        QVERIFY(r.nodes.at("gate").errorWhere.ends_with("reports/main.json"));

        // The baseline: this run's report, with a lower accuracy than the run will have.
        nlohmann::ordered_json report = runReport(b.graph, m_registry, r);
        const double accuracy = *output<Metrics>(r, "score", "metrics").scalar("accuracy");
        const double logLoss = *output<Metrics>(r, "score", "metrics").scalar("log_loss");
        for (auto& node : report["nodes"])
            if (node["id"] == "score") node["metrics"]["accuracy"] = accuracy - 0.1;
        QVERIFY(QDir(dir.path()).mkpath("reports"));
        std::ofstream(dir.filePath("reports/main.json").toStdString()) << report.dump(2);

        RunContext second;
        r = executor.run(b.graph, second);
        QVERIFY(r.nodes.at("score").fromCache);
        QCOMPARE(r.nodes.at("gate").state, NodeState::Done);
        QVERIFY(!r.nodes.at("gate").fromCache);
        const Metrics& gate = gateOutput(r);
        QCOMPARE(cell(gate, 0, "baseline"), accuracy - 0.1);
        QCOMPARE(cell(gate, 0, "bound"), accuracy - 0.1);
        QCOMPARE(cell(gate, 0, "passed"), 1.0);
        QCOMPARE(cell(gate, 1, "bound"), accuracy - 0.1 + 0.25);
        QCOMPARE(cell(gate, 1, "passed"), 0.0);
        QCOMPARE(cell(gate, 2, "bound"), (accuracy - 0.1) * 0.9);
        QCOMPARE(cell(gate, 2, "passed"), 1.0);
        QCOMPARE(gate.matrix("gates")->rowNotes[3].english(),
                 std::string("the run has no metric score.nothing"));
        QCOMPARE(cell(gate, 4, "baseline"), logLoss);
        QCOMPARE(cell(gate, 4, "passed"), 0.0); // the same log loss is not 0.001 better
        QCOMPARE(scalar(gate, "gates_passed"), 2.0);
    }

    void malformedRules_data() {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("error");
        QTest::newRow("operator") << "score.accuracy >= 0.9\nscore.f1_macro >> 0.5"
                                  << "rule 2, gate 'score.f1_macro >> 0.5'"
                                  << "column 17: expected a number, baseline+D, baseline-D or "
                                     "baseline*R";
        // Columns count in the rule as shown, leading spaces left out.
        QTest::newRow("indented") << "   score accuracy >= 0.9"
                                  << "rule 1, gate 'score accuracy >= 0.9'"
                                  << "column 6: expected '.' and a metric after the node id";
        QTest::newRow("after semicolon") << "score.accuracy >= 0.9;score.r2 >= baseline/2"
                                         << "rule 2, gate 'score.r2 >= baseline/2'"
                                         << "column 21: expected +D, -D or *R after baseline, "
                                            "or the end of the rule";
        QTest::newRow("no rule") << " ;\n ; "
                                 << ""
                                 << "write at least one rule, such as score.accuracy >= 0.9";
        QTest::newRow("unset") << ""
                               << ""
                               << "rules is required";
    }

    void malformedRules() {
        QFETCH(QString, rules);
        QFETCH(QString, where);
        QFETCH(QString, error);
        const RunResult r = runGraph(m_registry, irisGate(rules.toStdString()).graph);
        const NodeResult& gate = r.nodes.at("gate");
        QCOMPARE(gate.state, NodeState::Failed);
        QCOMPARE(QString::fromStdString(gate.errorWhere), where);
        QCOMPARE(QString::fromStdString(gate.error->english()), error);
        QCOMPARE(r.nodes.at("score").state, NodeState::Done);
    }

    /// Unchanged, the gate comes from the cache. Fed by another node that sends the very same
    /// metrics (two identical Score nodes share a cache key), it reruns: its output names them.
    void cacheFollowsTheFeedingNode() {
        Builder b = irisGate("scoreb.accuracy >= 0.5");
        b.node("scoreb", "oficina.eval.score").link("predict.predictions", "scoreb.predictions");
        Executor executor(m_registry);
        RunContext first;
        RunResult r = executor.run(b.graph, first);
        QCOMPARE(scalar(gateOutput(r), "passed"), 0.0); // scoreb is not wired in
        const auto before = nodeHashes(b.graph, m_registry);
        QCOMPARE(before.at("score"), before.at("scoreb"));

        RunContext again;
        r = executor.run(b.graph, again);
        QVERIFY(r.nodes.at("gate").fromCache);
        QCOMPARE(scalar(gateOutput(r), "passed"), 0.0);

        const Link old = *b.graph.linkInto({"gate", "metrics"});
        b.graph.disconnect(old);
        b.link("scoreb.metrics", "gate.metrics");
        const auto after = nodeHashes(b.graph, m_registry);
        QVERIFY(after.at("gate") != before.at("gate"));
        QCOMPARE(after.at("score"), before.at("score"));
        RunContext third;
        r = executor.run(b.graph, third);
        QVERIFY(!r.nodes.at("gate").fromCache);
        QCOMPARE(scalar(gateOutput(r), "passed"), 1.0);
    }
};

QTEST_MAIN(GateNodeTest)
#include "tst_gatenode.moc"

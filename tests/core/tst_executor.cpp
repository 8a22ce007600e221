// Executor: caching keyed by (type, params, inputs), failure isolation, cancellation, metrics.
#include "FakeNodes.h"

#include "pipeline/Executor.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace oficina::core;

namespace {

void link(Graph& g, const std::string& from, const std::string& to) {
    g.connect({*PortRef::parse(from), *PortRef::parse(to)});
}

/// src → a → b, with a's delta 1 and b's delta 10.
Graph chain() {
    Graph g;
    g.addNode({"src", "test.source", "", {}, {}});
    g.addNode({"a", "test.add", "", {}, {}});
    g.addNode({"b", "test.add", "", {}, {}});
    g.setParameter("b", "delta", 10.0);
    link(g, "src.out", "a.in");
    link(g, "a.out", "b.in");
    return g;
}

double firstValue(const RunResult& r, const std::string& node) {
    const auto& out = std::get<std::shared_ptr<const Table>>(r.nodes.at(node).outputs.at("out"));
    return out->column(size_t(0)).values().at(0);
}

} // namespace

class ExecutorTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;
    fake::RunCounter m_counter;

private Q_SLOTS:
    void initTestCase() { fake::registerFakeNodes(m_registry, m_counter); }

    void runsInOrderAndCaches() {
        Executor executor(m_registry);
        const Graph g = chain();
        RunContext ctx;
        const RunResult first = executor.run(g, ctx);
        QCOMPARE(first.order, (std::vector<std::string>{"src", "a", "b"}));
        QVERIFY(!first.anyFailed());
        QCOMPARE(firstValue(first, "b"), 12.0);
        QVERIFY(!first.nodes.at("b").fromCache);

        const int sourceRuns = m_counter.of("source:1.000000");
        RunContext again;
        const RunResult second = executor.run(g, again);
        for (const auto& id : second.order) {
            QCOMPARE(second.nodes.at(id).state, NodeState::Done);
            QVERIFY(second.nodes.at(id).fromCache);
        }
        QCOMPARE(m_counter.of("source:1.000000"), sourceRuns);
        QCOMPARE(firstValue(second, "b"), 12.0);
    }

    void editRerunsOnlyDownstream() {
        Executor executor(m_registry);
        Graph g = chain();
        RunContext ctx;
        executor.run(g, ctx);
        g.setParameter("b", "delta", 20.0);
        RunContext ctx2;
        const RunResult r = executor.run(g, ctx2);
        QVERIFY(r.nodes.at("src").fromCache);
        QVERIFY(r.nodes.at("a").fromCache);
        QVERIFY(!r.nodes.at("b").fromCache);
        QCOMPARE(firstValue(r, "b"), 22.0);

        g.setParameter("a", "delta", 5.0);
        RunContext ctx3;
        const RunResult r3 = executor.run(g, ctx3);
        QVERIFY(r3.nodes.at("src").fromCache);
        QVERIFY(!r3.nodes.at("a").fromCache);
        QVERIFY(!r3.nodes.at("b").fromCache);
        QCOMPARE(firstValue(r3, "b"), 26.0);

        // Back to an earlier state: the hashes differ from the last run, so it recomputes.
        const auto before = nodeHashes(g, m_registry);
        g.setParameter("a", "delta", 1.0);
        QVERIFY(nodeHashes(g, m_registry).at("a") != before.at("a"));
        QCOMPARE(nodeHashes(g, m_registry).at("src"), before.at("src"));
    }

    void failureDoesNotStopIndependentBranches() {
        Graph g;
        g.addNode({"bad", "test.fail", "", {}, {}});
        g.addNode({"after", "test.add", "", {}, {}});
        g.addNode({"src", "test.source", "", {}, {}});
        g.addNode({"ok", "test.add", "", {}, {}});
        link(g, "bad.out", "after.in");
        link(g, "src.out", "ok.in");
        Executor executor(m_registry);
        RunContext ctx;
        const RunResult r = executor.run(g, ctx);
        QVERIFY(r.anyFailed());
        QCOMPARE(r.nodes.at("bad").state, NodeState::Failed);
        QCOMPARE(describeError(r.nodes.at("bad")), std::string("data.csv:3:7: this node always fails"));
        QCOMPARE(r.nodes.at("after").state, NodeState::Stale);
        QVERIFY(r.nodes.at("after").error->english().find("'bad'") != std::string::npos);
        QCOMPARE(r.nodes.at("ok").state, NodeState::Done);
        QCOMPARE(firstValue(r, "ok"), 2.0);
    }

    void cancellationEndsTheRunEarly() {
        Graph g;
        g.addNode({"slow", "test.slow", "", {}, {}});
        g.addNode({"after", "test.add", "", {}, {}});
        link(g, "slow.out", "after.in");
        Executor executor(m_registry);
        std::stop_source stop;
        RunContext ctx(stop.get_token());
        // Stopped from inside the slow node's loop once it is under way: counted, not timed, so
        // a loaded machine cannot fail it. Unstopped, the node would finish its 10000 steps.
        double stoppedAt = -1;
        ctx.setProgressHandler([&](const std::string&, double fraction, const std::string&) {
            if (fraction > 0 && !stop.stop_requested()) {
                stoppedAt = fraction;
                stop.request_stop();
            }
        });
        const RunResult r = executor.run(g, ctx);
        QVERIFY(stoppedAt > 0 && stoppedAt < 1);
        QVERIFY(r.cancelled);
        QCOMPARE(r.nodes.at("slow").state, NodeState::Stale);
        QCOMPARE(r.nodes.at("after").state, NodeState::Stale);
        // A stopped node is not cached: the next run computes it for real.
        g.setParameter("slow", "steps", int64_t(5));
        RunContext fresh;
        QCOMPARE(executor.run(g, fresh).nodes.at("after").state, NodeState::Done);
    }

    void metricsAndWarningsAreRecorded() {
        Executor executor(m_registry);
        RunContext ctx;
        size_t cursor = 0;
        const RunResult r = executor.run(chain(), ctx);
        const auto points = ctx.takeMetrics(cursor);
        QCOMPARE(points.size(), size_t(2));
        QCOMPARE(points[0].node, std::string("a"));
        QCOMPARE(points[0].series, std::string("sum"));
        QCOMPARE(points[1].value, 12.0);
        QVERIFY(ctx.takeMetrics(cursor).empty());
        QCOMPARE(r.nodes.at("b").metrics.size(), size_t(1));
        QCOMPARE(r.nodes.at("a").warnings.size(), size_t(1));
        QCOMPARE(r.nodes.at("a").warnings[0].english(), std::string("added 1.000000"));
        // Cached results keep their metrics and warnings.
        RunContext again;
        const RunResult cached = executor.run(chain(), again);
        QVERIFY(cached.nodes.at("a").fromCache);
        QCOMPARE(cached.nodes.at("a").warnings.size(), size_t(1));
        QCOMPARE(cached.nodes.at("b").metrics.size(), size_t(1));
    }

    void targetsRunOnlyWhatTheyNeed() {
        Graph g = chain();
        g.addNode({"other", "test.source", "", {}, {}});
        g.setParameter("other", "value", 7.0);
        Executor executor(m_registry);
        RunContext ctx;
        const RunResult r = executor.run(g, ctx, {"a"});
        QCOMPARE(r.order, (std::vector<std::string>{"src", "a"}));
    }

    void unknownColumnIsReportedWithTheNode() {
        Graph g = chain();
        g.setParameter("a", "column", std::string("sepal_lenght"));
        Executor executor(m_registry);
        RunContext ctx;
        const RunResult r = executor.run(g, ctx);
        QCOMPARE(r.nodes.at("a").state, NodeState::Failed);
        const std::string message = r.nodes.at("a").error->english();
        QVERIFY2(message.find("'sepal_lenght'") != std::string::npos, message.c_str());
        QVERIFY2(message.find("columns are: x") != std::string::npos, message.c_str());
    }

    void changedInputFileInvalidatesCache() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/data.csv").toStdString();
        std::ofstream(path) << "x\n1\n";
        Graph g = chain();
        g.setParameter("src", "path", path);
        Executor executor(m_registry);
        RunContext ctx;
        executor.run(g, ctx);
        RunContext again;
        QVERIFY(executor.run(g, again).nodes.at("src").fromCache);
        std::ofstream(path) << "x\n1\n2\n";
        RunContext third;
        QVERIFY(!executor.run(g, third).nodes.at("src").fromCache);
    }

    void cycleIsAGraphIssue() {
        Graph g = chain();
        link(g, "b.out", "a.in");
        Executor executor(m_registry);
        RunContext ctx;
        const RunResult r = executor.run(g, ctx);
        QVERIFY(r.anyFailed());
        QCOMPARE(r.issues.size(), size_t(1));
        QVERIFY(r.nodes.empty());
    }
};

QTEST_GUILESS_MAIN(ExecutorTest)
#include "tst_executor.moc"

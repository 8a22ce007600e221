// "Finish training and continue" (RunContext::finishTrainingRequested): the learner under way
// ends with the model it has, and the nodes after it still run; Stop still ends the run.
#include "eval/Metrics.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"

#include "GraphBuilder.h"

#include <QtTest>

using namespace oficina::core;

namespace {

double valueOf(const std::vector<std::pair<std::string, double>>& figures,
               const std::string& name) {
    for (const auto& [key, value] : figures)
        if (key == name) return value;
    return std::nan("");
}

} // namespace

class FinishTrainingTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void learnersFinishAndTheRunGoesOn_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("lengthKey"); // how long it would train unasked
        QTest::addColumn<QString>("countKey");  // how long it trained, in its metrics
        QTest::newRow("network") << "oficina.nn.network" << "epochs" << "epochs";
        QTest::newRow("xgboost") << "oficina.model.xgboost_classifier" << "n_estimators"
                                 << "iterations";
    }

    // Asked before the run starts, so the learner finishes at its first check: after one epoch
    // or one round, never before (there would be no model to go on with).
    void learnersFinishAndTheRunGoesOn() {
        QFETCH(QString, type);
        QFETCH(QString, lengthKey);
        QFETCH(QString, countKey);
        const std::string length = lengthKey.toStdString();
        const Builder b = trainPredictScore(type.toStdString(), {{length.c_str(), int64_t(500)}});
        std::stop_source stop, finish;
        finish.request_stop();
        RunContext ctx(stop.get_token(), finish.get_token());
        Executor executor(m_registry);
        const RunResult result = executor.run(b.graph, ctx);
        QVERIFY(!result.cancelled);
        for (const char* node : {"model", "predict", "score"}) {
            const NodeResult& r = result.nodes.at(node);
            QVERIFY2(r.state == NodeState::Done, r.error ? r.error->english().c_str() : node);
        }
        const NodeResult& model = result.nodes.at("model");
        QCOMPARE(model.warnings.size(), size_t(1));
        const Model& trained = output<Model>(result, "model", "model");
        QCOMPARE(valueOf(trained.trainingMetrics, countKey.toStdString()), 1.0);
        const double accuracy =
            valueOf(output<Metrics>(result, "score", "metrics").scalars, "accuracy");
        QVERIFY(accuracy >= 0 && accuracy <= 1);
    }

    void stopStillEndsTheRun() {
        const Builder b = trainPredictScore("oficina.nn.network", {{"epochs", int64_t(500)}});
        std::stop_source stop, finish;
        finish.request_stop();
        stop.request_stop();
        RunContext ctx(stop.get_token(), finish.get_token());
        Executor executor(m_registry);
        const RunResult result = executor.run(b.graph, ctx);
        QVERIFY(result.cancelled);
        QVERIFY(result.nodes.at("score").state != NodeState::Done);
    }
};

QTEST_GUILESS_MAIN(FinishTrainingTest)
#include "tst_finishtraining.moc"

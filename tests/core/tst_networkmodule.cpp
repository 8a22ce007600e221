// LibTorch lives in the network module (core/nn/NetworkModule.h): a run without a network never
// maps it, the first network fit loads it, and the module is the one built with this core.
#include "nn/NetworkModule.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"

#include "GraphBuilder.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace oficina::core;

namespace {

/// The shared objects this process has mapped, one path per line (/proc/self/maps).
std::string mappedFiles() {
    std::ifstream maps("/proc/self/maps");
    std::stringstream text;
    text << maps.rdbuf();
    return text.str();
}

bool mapped(const std::string& library) {
    return mappedFiles().find(library) != std::string::npos;
}

NodeRegistry builtinNodes() {
    NodeRegistry registry;
    registerBuiltinNodes(registry, {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    return registry;
}

/// Trains and scores `model` on Iris (GraphBuilder.h).
RunResult trainAndPredict(const NodeRegistry& registry, const std::string& modelType,
                          std::initializer_list<std::pair<const char*, Value>> params = {}) {
    return runGraph(registry, trainPredictScore(modelType, params).graph);
}

} // namespace

class NetworkModuleTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // One function: the order matters, since nothing unloads the module once it is loaded.
    void libTorchIsMappedOnlyOnceANetworkTrains() {
        QVERIFY(mapped("liboficina_core.so")); // the check itself reads the maps
        QVERIFY(!mapped("libtorch"));
        QVERIFY(!mapped("libc10"));

        const NodeRegistry registry = builtinNodes();
        for (const char* type : {"oficina.model.logistic_regression",
                                 "oficina.model.random_forest_classifier",
                                 "oficina.model.xgboost_classifier", "oficina.model.svc"}) {
            const RunResult result = trainAndPredict(registry, type);
            QVERIFY2(!result.anyFailed(), type);
            QVERIFY2(!mapped("libtorch"), type);
            QVERIFY2(!mapped(nn::kNetworkModuleFile), type);
        }

        const RunResult result =
            trainAndPredict(registry, "oficina.nn.network",
                            {{"layers", std::vector<std::string>{"Dense(units=4)"}},
                             {"epochs", int64_t(2)}});
        const NodeResult& network = result.nodes.at("model");
        QVERIFY2(network.state == NodeState::Done,
                 network.error ? network.error->english().c_str() : "");
        QVERIFY(mapped(nn::kNetworkModuleFile));
        QVERIFY(mapped("libtorch_cpu.so"));
        QCOMPARE(std::string(nn::networkModule().version), std::string(OFICINA_VERSION));
    }
};

QTEST_GUILESS_MAIN(NetworkModuleTest)
#include "tst_networkmodule.moc"

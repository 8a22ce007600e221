#pragma once

// A run store for the MLflow export's tests, every field set by hand so that each exported
// value can be checked: the trained Iris logistic regression kept as a model package (with and
// without its ONNX form) and as an ONNX file, runs of each status, a registered model with two
// versions and an alias. Header-only, test-only.

#include "deploy/ModelPackage.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "track/RunStore.h"
#include "util/RunContext.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace oficina::tests {

// 2024-05-01 12:00:00.123 UTC; the first run ends 5.333 s later.
inline constexpr int64_t kMlflowStart = 1714564800123;
inline constexpr int64_t kMlflowEnd = kMlflowStart + 5333;

struct MlflowFixture {
    std::unique_ptr<core::track::RunStore> store;
    /// As the store reads them back: iris (finished), iris (failed), wine (stopped), an
    /// unsaved pipeline (crashed), wine (finished, a damaged package).
    std::vector<core::track::RunRecord> runs;
    core::deploy::ModelPackage package; ///< the Iris model's, with its ONNX form
    std::string packageFile;            ///< that package as written, model.ofmodel
};

/// The Iris example's logistic regression, trained (its Export nodes left out).
inline core::Model trainIrisLogistic(const core::NodeRegistry& registry) {
    core::Graph graph = core::loadPipeline(
        OFICINA_SOURCE_DIR "/resources/examples/iris_classification.oficina", registry);
    std::vector<std::string> exports;
    for (const core::Node& n : graph.nodes())
        if (n.type.starts_with("oficina.export.")) exports.push_back(n.id);
    for (const std::string& id : exports)
        graph.removeNode(id);
    core::Executor executor(registry);
    core::RunContext context;
    const core::RunResult result = executor.run(graph, context);
    return *std::get<std::shared_ptr<const core::Model>>(
        result.nodes.at("logreg").outputs.at("model"));
}

/// Builds the store in `folder`/.oficina with the packages beside it.
inline MlflowFixture makeMlflowFixture(const std::string& folder,
                                       const core::NodeRegistry& registry) {
    using namespace core::track;
    MlflowFixture f;
    f.package = core::deploy::packageModel(trainIrisLogistic(registry), {.pipelineName = "iris"});
    f.packageFile = folder + "/model.ofmodel";
    core::deploy::writePackage(f.package, f.packageFile);
    // The same model without its ONNX form: how a model with no ONNX export is packaged.
    core::deploy::ModelPackage plain = f.package;
    plain.onnx.clear();
    plain.manifest.hasOnnx = false;
    std::filesystem::create_directories(folder + "/plain");
    core::deploy::writePackage(plain, folder + "/plain/model.ofmodel");

    f.store = std::make_unique<RunStore>(folder + "/.oficina/runs.db");
    RunStore& store = *f.store;
    const auto begin = [&](RunRecord& r, const std::string& experiment) {
        r.experiment = experiment;
        r.source = "cli";
        r.startMs = kMlflowStart + int64_t(f.runs.size()) * 60000;
        store.beginRun(r);
    };
    const auto finish = [&](RunRecord& r, RunStatus status) {
        r.status = status;
        r.endMs = f.runs.empty() ? kMlflowEnd : r.startMs + 1000;
        store.finishRun(r);
        f.runs.push_back(store.run(r.id));
    };

    RunRecord a; // what beginRun records first, then what finishRun adds
    a.pipelineText = "{\"format\": \"oficina-pipeline\"}\n";
    a.pipelinePath = "/work/iris.oficina";
    a.pipelineHash = std::string(64, 'b');
    a.overrides = {"logreg.max_iter=200"};
    a.versions = {{"oficina", "0.1.0"}};
    begin(a, "iris");
    a.params = {{"logreg.max_iter", "200"}, {"split.test_size", "0.3"}, {"odd/key(1)", "x"}};
    a.metrics = {{"evaluate.accuracy", 0.95, 0, kMlflowEnd - 10, false},
                 {"logreg.loss", 0.9, 0, kMlflowStart + 1000, true},
                 {"logreg.loss", 0.5, 1, kMlflowStart + 2000, true},
                 {"logreg.loss", 0.25, 2, kMlflowStart + 3000, true},
                 {"evaluate.r2", 1.0, 0, 0, false}};
    a.tags = {"baseline", "v1"};
    a.note = "first try\nwith **markdown**";
    a.inputs = {{"load", "/data/iris.csv", 4551, 1, std::string(64, 'a'), 150, 5, {}}};
    a.seeds = {{"split.seed", 7}};
    a.report = R"({"nodes": {}})";
    store.addArtifactFile(a.id, f.packageFile, "model_package", "logreg");
    store.addArtifact(a.id, "iris.onnx", f.package.onnx, "onnx", "export");
    store.addArtifact(a.id, "iris.md", "# Iris\n", "card", "export");
    finish(a, RunStatus::Finished);

    RunRecord b;
    begin(b, "iris");
    b.failedNode = "score";
    b.message = "the target column is missing";
    store.addArtifactFile(b.id, folder + "/plain/model.ofmodel", "model_package", "logreg");
    finish(b, RunStatus::Failed);

    RunRecord c;
    begin(c, "wine");
    c.params = {{"scale.method", "standard"}};
    finish(c, RunStatus::Stopped);

    RunRecord d;
    begin(d, "");
    finish(d, RunStatus::Crashed);

    RunRecord e;
    begin(e, "wine");
    store.addArtifact(e.id, "broken.ofmodel", "not a zip file", "model_package", "train");
    finish(e, RunStatus::Finished);

    store.registerModel("iris-classifier", a.id, "logreg", "first try");
    store.registerModel("iris-classifier", b.id, "logreg");
    store.setAlias("iris-classifier", "champion", 2);
    store.setModelDescription("iris-classifier", "Iris species");
    return f;
}

} // namespace oficina::tests

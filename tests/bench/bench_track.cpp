// The run store's costs (issue: recording adds ≤ 2 % to a 10-second run and ≤ 50 ms to a
// sub-second one; the runs list of 10,000 runs loads and filters in ≤ 100 ms).
//
//   bench_track DATA_DIR [ROUNDS]
//
// 1. The same pipeline run with and without recording, alternating, ROUNDS times each (a fresh
//    executor every time, so nothing comes from a cache): iris with a logistic regression
//    (sub-second) and make_data.py's clf_200k.csv (38 MB) with a random forest (about ten
//    seconds on two cores). Both save their model, so the recorded runs keep a package.
//    Recording here is what `oficina-cli run` does: open the store, begin the run, hash the
//    data while the nodes read it, write the record and copy the package into the store.
// 2. A store filled with 10,000 runs (20 parameters, 8 metrics, a data file each): the full
//    list (RunStore::listRuns) and a text filter, median of ROUNDS.
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "track/RunRecorder.h"
#include "track/RunStore.h"
#include "util/RunContext.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace oficina::core;

namespace {

double seconds(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::string pipelineText(const std::string& data, const std::string& target,
                         const std::string& learner) {
    return R"({"format": "oficina-pipeline", "version": 1, "nodes": [
      {"id": "load", "type": "oficina.data.load_file", "params": {"file": ")" + data + R"("}},
      {"id": "select", "type": "oficina.data.select_columns", "params": {"target": ")" + target +
           R"("}},
      {"id": "split", "type": "oficina.data.split", "params": {"test_size": 0.2, "seed": 1}},
      {"id": "model", )" + learner + R"(},
      {"id": "predict", "type": "oficina.model.predict"},
      {"id": "score", "type": "oficina.eval.score"},
      {"id": "save", "type": "oficina.export.model_package", "params": {"path": "model.ofmodel"}}],
     "links": [
      {"from": "load.data", "to": "select.data"}, {"from": "select.data", "to": "split.data"},
      {"from": "split.train", "to": "model.data"}, {"from": "model.model", "to": "predict.model"},
      {"from": "split.test", "to": "predict.data"},
      {"from": "predict.predictions", "to": "score.predictions"},
      {"from": "model.model", "to": "save.model"}]})";
}

/// Runs the pipeline; returns the seconds the recording itself took on the running thread
/// (opening the store, beginning, finishing and committing the record).
double runOnce(const NodeRegistry& registry, const std::string& pipeline, bool record) {
    Graph graph = loadPipeline(pipeline, registry);
    std::unique_ptr<track::RunStore> store;
    std::unique_ptr<track::RunRecorder> recorder;
    double recording = 0;
    if (record)
        recording += seconds([&] {
            store = std::make_unique<track::RunStore>(track::defaultStorePath(pipeline));
            recorder = std::make_unique<track::RunRecorder>(*store, graph, registry);
        });
    Executor executor(registry);
    RunContext context;
    const RunResult result = executor.run(graph, context);
    if (result.anyFailed()) throw std::runtime_error("the bench pipeline failed");
    if (recorder)
        recording += seconds([&] {
            recorder->finish(result);
            recorder->commit();
        });
    return recording;
}

void overhead(const NodeRegistry& registry, const std::string& name, const std::string& pipeline,
              int rounds) {
    runOnce(registry, pipeline, true);  // warm the page cache and the store's file
    std::vector<double> plain, recorded, own;
    const auto recordedRun = [&] {
        double mine = 0;
        recorded.push_back(seconds([&] { mine = runOnce(registry, pipeline, true); }));
        own.push_back(mine);
    };
    for (int round = 0; round < rounds; ++round) {
        // Alternate which goes first, so that drift in the machine's load hits both.
        if (round % 2 == 0) {
            plain.push_back(seconds([&] { runOnce(registry, pipeline, false); }));
            recordedRun();
        } else {
            recordedRun();
            plain.push_back(seconds([&] { runOnce(registry, pipeline, false); }));
        }
    }
    const double p = median(plain), r = median(recorded), o = median(own);
    std::printf("%-18s not recorded %8.3f s  recorded %8.3f s  %+7.1f ms (%+.2f %%); the "
                "recording's own time %6.1f ms (%.2f %%)\n",
                name.c_str(), p, r, (r - p) * 1000, 100 * (r - p) / p, o * 1000, 100 * o / p);
    std::fflush(stdout);
}

void listing(const std::string& folder, int rounds) {
    const std::string file = folder + "/many/runs.db";
    std::error_code error;
    fs::remove_all(folder + "/many", error);
    track::RunStore store(file);
    const double fill = seconds([&] {
        for (int i = 0; i < 10000; ++i) {
            track::RunRecord r{.experiment = "churn_" + std::to_string(i % 7), .source = "cli"};
            store.beginRun(r);
            for (int p = 0; p < 20; ++p)
                r.params["node" + std::to_string(p % 5) + ".param" + std::to_string(p)] =
                    std::to_string((i * 31 + p) % 97);
            for (int m = 0; m < 8; ++m)
                r.metrics.push_back({"score.metric" + std::to_string(m), double(i % 1000) / 1000,
                                     0, r.startMs, false});
            r.inputs.push_back({.node = "load", .path = "/data/customers_" + std::to_string(i % 13) +
                                                     ".csv", .sha256 = std::string(64, 'a')});
            r.status = track::RunStatus::Finished;
            store.finishRun(r);
        }
    });
    std::vector<double> all, filtered;
    size_t listed = 0, matched = 0;
    for (int round = 0; round < rounds; ++round) {
        all.push_back(seconds([&] { listed = store.listRuns().size(); }));
        filtered.push_back(seconds([&] { matched = store.listRuns({.text = "customers_12"}).size(); }));
    }
    std::printf("10,000 runs: filled in %.1f s; list %zu runs %.1f ms; filter to %zu runs %.1f ms "
                "(median of %d)\n",
                fill, listed, median(all) * 1000, matched, median(filtered) * 1000, rounds);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA_DIR [ROUNDS]\n", argv[0]);
        return 2;
    }
    const std::string data = fs::absolute(argv[1]).string();
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const std::string work = data + "/track-bench";
    fs::create_directories(work);
    // The store beside the pipelines, as for a user: not a test suite's shared one.
    ::unsetenv("OFICINA_RUN_STORE");

    NodeRegistry registry;
    registerBuiltinNodes(registry, {});
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(work + "/" + name) << text;
        return work + "/" + name;
    };
    fs::copy_file(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv", work + "/iris.csv",
                  fs::copy_options::overwrite_existing);
    const std::string small = write(
        "iris.oficina", pipelineText("iris.csv", "species",
                                     R"("type": "oficina.model.logistic_regression")"));
    const std::string large = write(
        "clf.oficina", pipelineText(data + "/clf_200k.csv", "label",
                                    R"("type": "oficina.model.random_forest_classifier",
                                       "params": {"n_estimators": 24, "max_depth": 14, "seed": 3})"));
    try {
        overhead(registry, "iris, logistic", small, rounds * 4);
        overhead(registry, "clf_200k, forest", large, rounds);
        listing(work, rounds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_track: %s\n", e.what());
        return 1;
    }
    return 0;
}

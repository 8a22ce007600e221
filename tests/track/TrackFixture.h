#pragma once

// Pipelines for the run store's tests: iris read from a CSV file in a temporary folder (so the
// run has an input file to fingerprint), a split, a learner, a score and a Save model node.

#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "track/RunRecorder.h"
#include "util/RunContext.h"

#include <QFile>
#include <QString>

#include <string>

namespace oficina::tests {

inline const std::string kTrackDatasets = OFICINA_SOURCE_DIR "/resources/datasets/";

/// `learner` is a node JSON object without its id ("model"); `shuffle` seeds the split.
inline std::string irisPipelineText(const std::string& learner, bool shuffle) {
    return R"({"format": "oficina-pipeline", "version": 1, "nodes": [
      {"id": "load", "type": "oficina.data.load_file", "params": {"file": "iris.csv"}},
      {"id": "select", "type": "oficina.data.select_columns", "params": {"target": "species"}},
      {"id": "split", "type": "oficina.data.split",
       "params": {"test_size": 0.3, "shuffle": )" +
           std::string(shuffle ? "true" : "false") + R"(, "stratify": false, "seed": 7}},
      {"id": "model", )" + learner + R"(},
      {"id": "predict", "type": "oficina.model.predict"},
      {"id": "score", "type": "oficina.eval.score"},
      {"id": "save", "type": "oficina.export.model_package", "params": {"path": "iris.ofmodel"}}],
     "links": [
      {"from": "load.data", "to": "select.data"}, {"from": "select.data", "to": "split.data"},
      {"from": "split.train", "to": "model.data"}, {"from": "model.model", "to": "predict.model"},
      {"from": "split.test", "to": "predict.data"},
      {"from": "predict.predictions", "to": "score.predictions"},
      {"from": "model.model", "to": "save.model"}]})";
}

inline const std::string kLogisticLearner =
    R"("type": "oficina.model.logistic_regression", "params": {"max_iter": 200})";
inline const std::string kForestLearner =
    R"("type": "oficina.model.random_forest_classifier",
       "params": {"n_estimators": 15, "seed": 11, "max_depth": 4})";

/// Writes iris.csv and the pipeline file into `folder`; returns the pipeline's path.
inline std::string writeIrisPipeline(const QString& folder, const std::string& learner,
                                     bool shuffle, const std::string& name = "iris") {
    QFile::copy(QString::fromStdString(kTrackDatasets + "iris.csv"), folder + "/iris.csv");
    const QString path = folder + "/" + QString::fromStdString(name) + ".oficina";
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QByteArray::fromStdString(irisPipelineText(learner, shuffle)));
    return path.toStdString();
}

/// Runs the pipeline at `path` and records it in `store`; returns the committed record.
inline core::track::RunRecord recordRun(core::track::RunStore& store,
                                        const core::NodeRegistry& registry,
                                        const std::string& path,
                                        core::track::RecordOptions options = {}) {
    core::Graph graph = core::loadPipeline(path, registry);
    core::track::RunRecorder recorder(store, graph, registry, std::move(options));
    core::Executor executor(registry);
    core::RunContext context;
    const core::RunResult result = executor.run(graph, context);
    core::track::RunRecord record = recorder.finish(result);
    recorder.commit();
    return record;
}

} // namespace oficina::tests

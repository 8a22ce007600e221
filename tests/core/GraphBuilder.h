// Building small graphs in node tests, and reading a node's output from a run. Test-only.
#pragma once

#include "pipeline/Executor.h"
#include "pipeline/Graph.h"
#include "util/RunContext.h"

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <variant>

/// Example: Builder b; b.node("load", "oficina.data.sample", {{"dataset", std::string("iris")}})
///              .node("split", "oficina.data.split").link("load.data", "split.data");
class Builder {
public:
    oficina::core::Graph graph;
    Builder& node(const std::string& id, const std::string& type,
                  std::initializer_list<std::pair<const char*, oficina::core::Value>> params = {}) {
        graph.addNode({id, type, "", {}, {}});
        for (const auto& [key, value] : params) graph.setParameter(id, key, value);
        return *this;
    }
    Builder& link(const std::string& from, const std::string& to) {
        graph.connect({*oficina::core::PortRef::parse(from), *oficina::core::PortRef::parse(to)});
        return *this;
    }
};

/// Iris (the bundled sample) split in two, `modelType` trained on one part ("model") and
/// predicting the other ("predict"), scored ("score").
inline Builder trainPredictScore(const std::string& modelType,
                                 std::initializer_list<std::pair<const char*, oficina::core::Value>>
                                     params = {}) {
    Builder b;
    b.node("iris", "oficina.data.sample", {{"dataset", std::string("iris")}})
        .node("split", "oficina.data.split")
        .node("model", modelType, params)
        .node("predict", "oficina.model.predict")
        .node("score", "oficina.eval.score")
        .link("iris.data", "split.data")
        .link("split.train", "model.data")
        .link("model.model", "predict.model")
        .link("split.test", "predict.data")
        .link("predict.predictions", "score.predictions");
    return b;
}

/// The value a node of the run put on one of its ports (a Table, Model or Metrics).
template <typename T>
const T& output(const oficina::core::RunResult& r, const std::string& node,
                const std::string& port) {
    return *std::get<std::shared_ptr<const T>>(r.nodes.at(node).outputs.at(port));
}

/// Runs `graph` to the end with a fresh context.
inline oficina::core::RunResult runGraph(const oficina::core::NodeRegistry& registry,
                                         const oficina::core::Graph& graph) {
    oficina::core::Executor executor(registry);
    oficina::core::RunContext ctx;
    return executor.run(graph, ctx);
}

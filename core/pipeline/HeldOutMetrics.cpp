#include "pipeline/HeldOutMetrics.h"

#include "pipeline/NodeRegistry.h"

#include <memory>
#include <variant>

namespace oficina::core {

namespace {

/// The node whose output feeds input `port` of `node`, or null.
const Link* feeding(const Graph& graph, const std::string& node, const char* port) {
    return graph.linkInto({node, port});
}

const Metrics* finishedMetrics(const NodeResult* result) {
    if (!result || result->state != NodeState::Done) return nullptr;
    const auto out = result->outputs.find("metrics");
    if (out == result->outputs.end()) return nullptr;
    const auto* metrics = std::get_if<std::shared_ptr<const Metrics>>(&out->second);
    return metrics && *metrics ? metrics->get() : nullptr;
}

} // namespace

std::vector<HeldOutMetrics> heldOutMetrics(const Graph& graph, const NodeRegistry& registry,
                                           const NodeResultLookup& resultOf,
                                           const std::string& modelNode) {
    std::vector<HeldOutMetrics> out;
    for (const Node& node : graph.nodes()) {
        std::string source;
        if (node.type == "oficina.eval.cross_validation") {
            const Link* model = feeding(graph, node.id, "model");
            if (!model || model->from.node != modelNode) continue;
            source = "cross-validation — " + nodeLabel(node, registry);
        } else if (node.type == "oficina.eval.score") {
            const Link* predictions = feeding(graph, node.id, "predictions");
            const Node* predict = predictions ? graph.node(predictions->from.node) : nullptr;
            if (!predict || predict->type != "oficina.model.predict") continue;
            const Link* model = feeding(graph, predict->id, "model");
            const Link* data = feeding(graph, predict->id, "data");
            // Only a split's test rows are held out for sure.
            if (!model || model->from.node != modelNode || !data || data->from.port != "test")
                continue;
            source = "test rows — " + nodeLabel(node, registry);
        } else {
            continue;
        }
        if (const Metrics* metrics = finishedMetrics(resultOf(node.id)))
            out.push_back({std::move(source), metrics->scalars});
    }
    return out;
}

std::vector<HeldOutMetrics> heldOutMetrics(const Graph& graph, const NodeRegistry& registry,
                                           const RunResult& result, const std::string& modelNode) {
    return heldOutMetrics(
        graph, registry,
        [&](const std::string& node) -> const NodeResult* {
            const auto it = result.nodes.find(node);
            return it == result.nodes.end() ? nullptr : &it->second;
        },
        modelNode);
}

} // namespace oficina::core

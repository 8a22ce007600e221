#pragma once

#include "eval/Metrics.h"
#include "pipeline/Executor.h"
#include "pipeline/Graph.h"

#include <functional>
#include <string>
#include <vector>

namespace oficina::core {

class NodeRegistry;

/// What a run measured of the model trained by node `modelNode` on rows it was not trained on:
/// each Score node fed by a Predict node of that model on a split's test rows, and each
/// Cross-validation node of that model, in graph order, with their scalar metrics. Nodes that
/// did not finish are left out. `resultOf` gives a node's last result, or null.
using NodeResultLookup = std::function<const NodeResult*(const std::string& node)>;
std::vector<HeldOutMetrics> heldOutMetrics(const Graph& graph, const NodeRegistry& registry,
                                           const NodeResultLookup& resultOf,
                                           const std::string& modelNode);
/// The same over a whole run's results.
std::vector<HeldOutMetrics> heldOutMetrics(const Graph& graph, const NodeRegistry& registry,
                                           const RunResult& result, const std::string& modelNode);

} // namespace oficina::core

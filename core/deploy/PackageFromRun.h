#pragma once

// What a pipeline run knows about a model beside the model itself — the pipeline, the data
// files it read, the held-out metrics — gathered for its package by every front end (the CLI's
// --save-model, the editor's Export model…).

#include "deploy/ModelPackage.h"
#include "pipeline/Graph.h"
#include "pipeline/HeldOutMetrics.h"

#include <string>

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::core::deploy {

/// PackageOptions for the model that node `modelNode` trained in a run whose results `resultOf`
/// gives: the pipeline's file name (`pipelinePath`, may be empty) and canonical hash, the files
/// read by the nodes upstream of it, and its held-out metrics.
PackageOptions packageOptionsFromRun(const Graph& graph, const NodeRegistry& registry,
                                     const NodeResultLookup& resultOf,
                                     const std::string& modelNode,
                                     const std::string& pipelinePath);

} // namespace oficina::core::deploy

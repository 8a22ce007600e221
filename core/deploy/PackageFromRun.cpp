#include "deploy/PackageFromRun.h"

#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/Sha256.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace oficina::core::deploy {

namespace {

/// The files the nodes upstream of `node` (and it) read, in graph order, each once.
std::vector<std::string> filesReadUpstream(const Graph& graph, const NodeRegistry& registry,
                                           const std::string& node) {
    std::set<std::string> upstream{node};
    for (std::vector<std::string> frontier{node}; !frontier.empty();) {
        const std::string id = frontier.back();
        frontier.pop_back();
        for (const Link& link : graph.linksOf(id))
            if (link.to.node == id && upstream.insert(link.from.node).second)
                frontier.push_back(link.from.node);
    }
    std::vector<std::string> files;
    for (const Node& n : graph.nodes()) {
        const NodeSpec* spec = registry.find(n.type);
        if (!spec || !upstream.contains(n.id)) continue;
        for (const Parameter& p : spec->params) {
            if (p.kind != ParamKind::File || p.writesFile || !n.params.contains(p.key)) continue;
            const std::string& value = n.params.text(p.key);
            if (value.empty()) continue;
            const std::string path = resolvePath(graph, value);
            std::error_code error;
            if (std::filesystem::is_regular_file(path, error) &&
                std::find(files.begin(), files.end(), path) == files.end())
                files.push_back(path);
        }
    }
    return files;
}

} // namespace

PackageOptions packageOptionsFromRun(const Graph& graph, const NodeRegistry& registry,
                                     const NodeResultLookup& resultOf,
                                     const std::string& modelNode,
                                     const std::string& pipelinePath) {
    PackageOptions options;
    options.pipelineName = std::filesystem::path(pipelinePath).filename().string();
    options.pipelineHash = sha256Hex(serializePipeline(graph, registry));
    options.dataFiles = filesReadUpstream(graph, registry, modelNode);
    options.heldOut = heldOutMetrics(graph, registry, resultOf, modelNode);
    return options;
}

} // namespace oficina::core::deploy

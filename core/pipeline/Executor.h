#pragma once

#include "pipeline/Graph.h"
#include "pipeline/NodeSpec.h"
#include "util/RunContext.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace oficina::core {

class NodeRegistry;

enum class NodeState { Idle, Stale, Running, Done, Failed };
const char* toString(NodeState state);

struct NodeResult {
    NodeState state = NodeState::Idle;
    std::optional<Message> error;  ///< why it failed or did not run
    std::string errorWhere;        ///< where in the node's data, e.g. "data.csv:12:7"
    std::vector<Message> warnings;
    /// Files this run of the node wrote (RunContext::wroteFile); none when it came from cache.
    std::vector<std::string> writtenFiles;
    std::vector<MetricPoint> metrics;
    PortValues outputs;
    double seconds = 0;  ///< time of the run that produced the outputs
    bool fromCache = false;
    uint64_t hash = 0;
};

struct RunResult {
    std::map<std::string, NodeResult> nodes;
    std::vector<std::string> order;  ///< the nodes considered, in execution order
    std::vector<GraphIssue> issues;  ///< graph-level problems that prevented the run
    bool cancelled = false;

    [[nodiscard]] bool anyFailed() const;
};

/// "where: message" in English, for logs and the CLI.
std::string describeError(const NodeResult& result);

/// Runs a graph synchronously and deterministically, in topological order, on the calling
/// thread. Keeps each node's outputs keyed by a hash of (type, version, parameters, input
/// hashes, stamps of input files), so a second run after an edit re-runs only what is
/// downstream of it. A failed node stops only the nodes that depend on it. Not thread-safe:
/// one run at a time per Executor.
class Executor {
public:
    using NodeEventFn = std::function<void(const std::string& node, const NodeResult& result)>;

    explicit Executor(const NodeRegistry& registry) : m_registry(registry) {}

    /// Runs `targets` and what they depend on; all nodes when `targets` is empty.
    RunResult run(const Graph& graph, RunContext& context,
                  const std::vector<std::string>& targets = {});
    /// Called on the running thread when a node starts (state Running) and when it ends.
    void setNodeEventHandler(NodeEventFn handler) { m_onNodeEvent = std::move(handler); }
    void clearCache() { m_cache.clear(); }

private:
    struct CacheEntry {
        PortValues outputs;
        std::vector<Message> warnings;
        std::vector<MetricPoint> metrics;
        double seconds = 0;
    };

    NodeResult runNode(const Graph& graph, const Node& node, const NodeSpec& spec,
                       const RunResult& done, RunContext& context, uint64_t hash);

    const NodeRegistry& m_registry;
    NodeEventFn m_onNodeEvent;
    std::unordered_map<uint64_t, CacheEntry> m_cache;
};

/// The cache key of every node as the graph stands now: a hash of its type, version,
/// parameters, the stamps of the files it reads and the keys of its inputs, with the ids of
/// the nodes feeding it for a node that needsInputSources (cycles give no keys). Equal keys,
/// equal outputs: the executor's cache and the editor's stale marks use it.
std::map<std::string, uint64_t> nodeHashes(const Graph& graph, const NodeRegistry& registry);

/// The value of a file parameter resolved against the graph's base directory.
std::string resolvePath(const Graph& graph, const std::string& path);

} // namespace oficina::core

#include "pipeline/Executor.h"

#include "data/Table.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/Error.h"
#include "util/Sha256.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <new>
#include <set>

namespace oficina::core {

const char* toString(NodeState state) {
    switch (state) {
    case NodeState::Idle: return "idle";
    case NodeState::Stale: return "stale";
    case NodeState::Running: return "running";
    case NodeState::Done: return "done";
    case NodeState::Failed: return "failed";
    }
    return "idle";
}

bool RunResult::anyFailed() const {
    return !issues.empty() || std::any_of(nodes.begin(), nodes.end(), [](const auto& entry) {
               return entry.second.state == NodeState::Failed;
           });
}

std::string describeError(const NodeResult& result) {
    if (!result.error) return {};
    const std::string text = result.error->english();
    return result.errorWhere.empty() ? text : result.errorWhere + ": " + text;
}

std::string resolvePath(const Graph& graph, const std::string& path) {
    if (path.empty() || graph.baseDirectory().empty()) return path;
    const std::filesystem::path p(path);
    return p.is_absolute() ? path : (std::filesystem::path(graph.baseDirectory()) / p).string();
}

namespace {

// A model remembers the user's title of the node that trained it, for the tables that list
// several (model comparison). The title is not part of the cache key, so renaming reruns nothing.
void nameModels(PortValues& outputs, const std::string& title) {
    for (auto& [port, value] : outputs) {
        auto* model = std::get_if<std::shared_ptr<const Model>>(&value);
        if (!model || !*model || (*model)->name == title) continue;
        auto named = std::make_shared<Model>(**model);
        named->name = title;
        *model = std::move(named);
    }
}

uint64_t fnv1a(std::string_view bytes, uint64_t hash = 1469598103934665603ull) {
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

/// Size and modification time, so editing a data file on disk invalidates the loader's cache.
std::string fileStamp(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return "missing";
    const auto time = std::filesystem::last_write_time(path, ec);
    return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

/// Parameter values with defaults filled in and file paths resolved: what the node sees.
ParamValues effectiveParams(const Graph& graph, const Node& node, const NodeSpec& spec) {
    ParamValues values = spec.defaults();
    for (const auto& [key, value] : node.params.all()) values.set(key, value);
    for (const auto& p : spec.params)
        if (p.kind == ParamKind::File)
            values.set(p.key, resolvePath(graph, values.text(p.key)));
    return values;
}

std::optional<Message> checkColumns(const NodeSpec& spec, const ParamValues& params,
                                    const NodeInputs& inputs) {
    for (const auto& p : spec.params) {
        if (p.kind != ParamKind::Column && p.kind != ParamKind::Columns) continue;
        std::string port = p.columnsFrom;
        if (port.empty())
            for (const auto& in : spec.inputs)
                if (in.type == PortType::Table) {
                    port = in.name;
                    break;
                }
        if (port.empty() || !inputs.has(port)) continue;
        const Table& table = inputs.table(port);
        const std::vector<std::string> names =
            p.kind == ParamKind::Column ? std::vector<std::string>{params.text(p.key)}
                                        : params.list(p.key);
        for (const auto& name : names) {
            if (name.empty() || table.find(name)) continue;
            return Message(OFICINA_TR_NOOP("%1: there is no column '%2' in the input (its "
                                           "columns are: %3)"),
                           {p.key, name, joinList(table.columnNames())});
        }
    }
    return std::nullopt;
}

} // namespace

std::map<std::string, uint64_t> nodeHashes(const Graph& graph, const NodeRegistry& registry) {
    std::map<std::string, uint64_t> out;
    const auto order = graph.topologicalOrder();
    if (!order) return out;
    for (const auto& id : *order) {
        const Node& node = *graph.node(id);
        const NodeSpec* spec = registry.find(node.type);
        std::string key = node.type;
        if (spec) {
            key = spec->type + "#" + std::to_string(spec->version);
            const ParamValues params = effectiveParams(graph, node, *spec);
            for (const auto& p : spec->params) {
                key.append("|").append(p.key).append("=");
                key.append(p.toJson(params.at(p.key)).dump());
                if (p.kind == ParamKind::File) key.append("@").append(fileStamp(params.text(p.key)));
            }
            for (const auto& in : spec->inputs)
                if (const Link* link = graph.linkInto({id, in.name}))
                    key += "|<" + in.name + "=" +
                           (spec->needsInputSources ? link->from.node + "." : std::string()) +
                           link->from.port + "@" + std::to_string(out[link->from.node]);
        }
        out[id] = fnv1a(key);
    }
    return out;
}

RunResult Executor::run(const Graph& graph, RunContext& context,
                        const std::vector<std::string>& targets) {
    RunResult result;
    const auto order = graph.topologicalOrder();
    if (!order) {
        result.issues.push_back({{}, Message(OFICINA_TR_NOOP("the pipeline has a cycle"))});
        return result;
    }

    std::set<std::string> wanted(targets.begin(), targets.end());
    if (!targets.empty())
        for (auto it = order->rbegin(); it != order->rend(); ++it)
            if (wanted.count(*it))
                for (const auto& l : graph.links())
                    if (l.to.node == *it) wanted.insert(l.from.node);

    context.setPipelineName(graph.fileName());
    try {
        context.setPipelineHash(sha256Hex(serializePipeline(graph, m_registry)));
    } catch (const std::exception&) { // text that is not UTF-8: the run goes on without a hash
        context.setPipelineHash({});
    }
    const auto hashes = nodeHashes(graph, m_registry);
    for (const auto& id : *order) {
        if (!targets.empty() && !wanted.count(id)) continue;
        result.order.push_back(id);
        NodeResult& slot = result.nodes[id];
        if (context.stopRequested()) {
            result.cancelled = true;
            slot.state = NodeState::Stale;
            slot.error = Message(OFICINA_TR_NOOP("not run: the run was stopped"));
            continue;
        }
        const Node& node = *graph.node(id);
        const NodeSpec* spec = m_registry.find(node.type);
        if (!spec) {
            slot.state = NodeState::Failed;
            slot.error = Message(OFICINA_TR_NOOP("unknown node type '%1'"), {node.type});
        } else {
            slot = runNode(graph, node, *spec, result, context, hashes.at(id));
            if (slot.state == NodeState::Stale && context.stopRequested()) result.cancelled = true;
        }
        if (m_onNodeEvent) m_onNodeEvent(id, slot);
    }

    // Keep only what the graph as it stands can still use.
    std::set<uint64_t> live;
    for (const auto& [id, hash] : hashes) live.insert(hash);
    std::erase_if(m_cache, [&](const auto& entry) { return !live.count(entry.first); });
    return result;
}

NodeResult Executor::runNode(const Graph& graph, const Node& node, const NodeSpec& spec,
                             const RunResult& done, RunContext& context, uint64_t hash) {
    NodeResult result;
    result.hash = hash;

    PortValues inputValues;
    std::map<std::string, std::string> sources;
    for (const auto& in : spec.inputs) {
        const Link* link = graph.linkInto({node.id, in.name});
        if (!link) {
            if (in.optional) continue;
            result.state = NodeState::Failed;
            result.error = Message(OFICINA_TR_NOOP("input '%1' is not connected"), {in.name});
            return result;
        }
        const NodeResult& upstream = done.nodes.at(link->from.node);
        const auto value = upstream.outputs.find(link->from.port);
        if (upstream.state != NodeState::Done || value == upstream.outputs.end()) {
            result.state = NodeState::Stale;
            result.error = Message(OFICINA_TR_NOOP("not run: input '%1' comes from '%2', which "
                                                   "did not finish"),
                                   {in.name, link->from.node});
            return result;
        }
        inputValues[in.name] = value->second;
        if (spec.needsInputSources) sources[in.name] = link->from.node;
    }

    if (const auto cached = m_cache.find(hash); cached != m_cache.end()) {
        result.state = NodeState::Done;
        result.fromCache = true;
        result.outputs = cached->second.outputs;
        nameModels(result.outputs, node.title);
        result.warnings = cached->second.warnings;
        result.metrics = cached->second.metrics;
        result.seconds = cached->second.seconds;
        return result;
    }

    const ParamValues params = effectiveParams(graph, node, spec);
    for (const auto& p : spec.params)
        if (auto why = p.rejects(params.at(p.key))) {
            result.state = NodeState::Failed;
            result.error = *why;
            return result;
        }
    const NodeInputs inputs(std::move(inputValues));
    if (auto why = checkColumns(spec, params, inputs)) {
        result.state = NodeState::Failed;
        result.error = *why;
        return result;
    }

    context.beginNode(node.id, std::move(sources));
    if (m_onNodeEvent) {
        NodeResult running;
        running.state = NodeState::Running;
        m_onNodeEvent(node.id, running);
    }
    context.progress(0.0);
    const auto start = std::chrono::steady_clock::now();
    try {
        result.outputs = spec.run(inputs, params, context);
        for (const auto& out : spec.outputs)
            if (!result.outputs.count(out.name))
                throw Error(Message(OFICINA_TR_NOOP("internal error: output '%1' was not "
                                                    "produced"),
                                    {out.name}));
        nameModels(result.outputs, node.title);
        result.state = NodeState::Done;
        context.progress(1.0);
    } catch (const Cancelled&) {
        result.state = NodeState::Stale;
        result.error = Message(OFICINA_TR_NOOP("stopped before it finished"));
    } catch (const Error& e) {
        result.state = NodeState::Failed;
        result.error = e.message();
        result.errorWhere = e.where();
    } catch (const std::bad_alloc&) {
        result.state = NodeState::Failed;
        result.error = Message(OFICINA_TR_NOOP("out of memory"));
    } catch (const std::exception& e) {
        result.state = NodeState::Failed;
        result.error = Message(OFICINA_TR_NOOP("internal error: %1"), {e.what()});
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.warnings = context.takeWarnings();
    result.writtenFiles = context.takeWrittenFiles();
    result.metrics = context.metricsOf(node.id);
    // A node that finished while Stop was pending may have cut its work short (a network keeps
    // the weights it has so far): show its result, but train afresh next time.
    if (result.state == NodeState::Done && !context.stopRequested())
        m_cache[hash] = {result.outputs, result.warnings, result.metrics, result.seconds};
    return result;
}

} // namespace oficina::core

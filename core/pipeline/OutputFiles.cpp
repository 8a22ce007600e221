#include "pipeline/OutputFiles.h"

#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"

#include <filesystem>
#include <set>
#include <variant>

namespace oficina::core {

namespace fs = std::filesystem;

namespace {

/// `targets` and every node they depend on, as Executor::run runs them; all when empty.
std::set<std::string> nodesToRun(const Graph& graph, const std::vector<std::string>& targets) {
    std::set<std::string> wanted;
    if (targets.empty()) {
        for (const Node& node : graph.nodes()) wanted.insert(node.id);
        return wanted;
    }
    std::vector<std::string> pending(targets.begin(), targets.end());
    while (!pending.empty()) {
        const std::string id = pending.back();
        pending.pop_back();
        if (!wanted.insert(id).second) continue;
        for (const Link& link : graph.links())
            if (link.to.node == id) pending.push_back(link.from.node);
    }
    return wanted;
}

/// The path with symlinks resolved as far as it exists, absolute and normalised.
fs::path realPath(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) return path.lexically_normal();
    fs::path real = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : real;
}

bool isInside(const fs::path& file, const fs::path& folder) {
    const fs::path relative = realPath(file).lexically_relative(realPath(folder));
    return !relative.empty() && *relative.begin() != "..";
}

} // namespace

std::vector<OutputFile> outputFiles(const Graph& graph, const NodeRegistry& registry,
                                    const std::vector<std::string>& targets) {
    std::vector<OutputFile> out;
    const std::set<std::string> wanted = nodesToRun(graph, targets);
    for (const Node& node : graph.nodes()) {
        const NodeSpec* spec = registry.find(node.type);
        if (!spec || !wanted.count(node.id)) continue;
        for (const Parameter& p : spec->params) {
            if (p.kind != ParamKind::File || !p.writesFile) continue;
            const Value& value = node.params.contains(p.key) ? node.params.at(p.key)
                                                             : p.defaultValue;
            const auto* text = std::get_if<std::string>(&value);
            if (!text || text->empty()) continue;
            const fs::path path = resolvePath(graph, *text);
            out.push_back({node.id, path.string()});
            for (const std::string& extension : spec->companionExtensions)
                out.push_back({node.id, fs::path(path).replace_extension(extension).string()});
        }
    }
    return out;
}

std::vector<OutputFile> overwritesOutsideFolder(const Graph& graph, const NodeRegistry& registry,
                                                const std::vector<std::string>& targets) {
    std::vector<OutputFile> out;
    if (graph.baseDirectory().empty()) return out;
    for (OutputFile& file : outputFiles(graph, registry, targets)) {
        std::error_code ec;
        if (!fs::exists(file.path, ec) || isInside(file.path, graph.baseDirectory())) continue;
        file.path = fs::path(file.path).lexically_normal().string();  // no "folder/../" to read
        out.push_back(std::move(file));
    }
    return out;
}

} // namespace oficina::core

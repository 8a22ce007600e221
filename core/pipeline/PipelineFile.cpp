#include "pipeline/PipelineFile.h"

#include "pipeline/JsonText.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>

namespace oficina::core {

using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kFormatName = "oficina-pipeline";

/// The integer a JSON number holds, exactly; nothing for another type or a value beyond int64
/// (nlohmann would wrap 4294967297 to 1 in an int and 18446744073709551615 to -1 in an int64).
std::optional<int64_t> wholeNumber(const Json& json) {
    if (json.is_number_unsigned()) {
        const uint64_t v = json.get<uint64_t>();
        if (v > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return int64_t(v);
    }
    if (json.is_number_integer()) return json.get<int64_t>();
    return std::nullopt;
}

const Json& member(const Json& object, const char* key, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end())
        throw Error(Message(OFICINA_TR_NOOP("missing \"%1\""), {key}), where);
    return *it;
}

PortRef parsePortRef(const Json& json, const std::string& where) {
    auto ref = json.is_string() ? PortRef::parse(json.get<std::string>()) : std::nullopt;
    if (!ref)
        throw Error(Message(OFICINA_TR_NOOP("link end %1 is not of the form \"node.port\""),
                            {jsonExcerpt(json)}),
                    where);
    return *ref;
}

Node parseNode(const Json& json, const NodeRegistry& registry, const std::string& where) {
    if (!json.is_object()) throw Error(Message(OFICINA_TR_NOOP("a node must be an object")), where);
    Node node;
    const Json& id = member(json, "id", where);
    if (!id.is_string()) throw Error(Message(OFICINA_TR_NOOP("node id must be text")), where);
    node.id = id.get<std::string>();
    const std::string nodeWhere = where + ": node '" + node.id + "'";
    const Json& type = member(json, "type", nodeWhere);
    const NodeSpec* spec = type.is_string() ? registry.find(type.get<std::string>()) : nullptr;
    if (!spec)
        throw Error(Message(OFICINA_TR_NOOP("unknown node type %1 (is this file from a newer "
                                            "Oficina?)"),
                            {jsonExcerpt(type)}),
                    nodeWhere);
    node.type = spec->type;  // an alias is migrated to the current id
    int fileVersion = 1;  // files from before node versions were written
    if (const auto version = json.find("version"); version != json.end()) {
        const auto number = wholeNumber(*version);
        if (number && *number > spec->version)
            throw Error(Message(OFICINA_TR_NOOP("node version %1 is newer than this Oficina "
                                                "supports (%2)"),
                                {jsonExcerpt(*version), std::to_string(spec->version)}),
                        nodeWhere);
        if (!number || *number < 1)
            throw Error(Message(OFICINA_TR_NOOP("node version must be a whole number from 1 to "
                                                "%1, not %2"),
                                {std::to_string(spec->version), jsonExcerpt(*version)}),
                        nodeWhere);
        fileVersion = int(*number);
    }
    if (const auto title = json.find("title"); title != json.end() && title->is_string())
        node.title = title->get<std::string>();
    if (const auto pos = json.find("position"); pos != json.end()) {
        if (!pos->is_array() || pos->size() != 2 || !(*pos)[0].is_number() ||
            !(*pos)[1].is_number())
            throw Error(Message(OFICINA_TR_NOOP("position must be [x, y]")), nodeWhere);
        node.position = {(*pos)[0].get<double>(), (*pos)[1].get<double>()};
    }
    node.params = spec->defaults();
    if (const auto params = json.find("params"); params != json.end()) {
        if (!params->is_object())
            throw Error(Message(OFICINA_TR_NOOP("params must be an object")), nodeWhere);
        std::set<std::string> seen;
        for (const auto& [key, value] : params->items()) {
            const Parameter* p = spec->paramOrFormer(key);
            if (!p)
                throw Error(Message(OFICINA_TR_NOOP("unknown parameter '%1' for %2"),
                                    {key, spec->type}),
                            nodeWhere);
            if (!seen.insert(p->key).second)
                throw Error(Message(OFICINA_TR_NOOP("parameter '%1' is given twice (under its "
                                                    "current and a former name)"),
                                    {p->key}),
                            nodeWhere);
            try {
                Value v = p->fromJson(value);
                // A required parameter left empty is how the editor holds an unconfigured node
                // (and saves it): it reopens, and the run reports it.
                if (auto why = p->rejects(v); why && !p->isUnset(v)) throw Error(*why);
                node.params.set(p->key, std::move(v));
            } catch (const Error& e) {
                throw Error(e.message(), nodeWhere);
            }
        }
    }
    if (fileVersion < spec->version && spec->migrate) {
        try {
            spec->migrate(node.params, fileVersion);
        } catch (const Error& e) {
            throw Error(e.message(), nodeWhere);
        }
    }
    return node;
}

// A link written before a port was renamed names the port as it was then.
void currentPortNames(const Graph& graph, const NodeRegistry& registry, Link& link) {
    const auto spec = [&](const std::string& id) {
        const Node* node = graph.node(id);
        return node ? registry.find(node->type) : nullptr;
    };
    if (const NodeSpec* from = spec(link.from.node))
        if (const PortSpec* port = from->outputOrFormer(link.from.port)) link.from.port = port->name;
    if (const NodeSpec* to = spec(link.to.node))
        if (const PortSpec* port = to->inputOrFormer(link.to.port)) link.to.port = port->name;
}

Comment parseComment(const Json& json, const std::string& where) {
    if (!json.is_object())
        throw Error(Message(OFICINA_TR_NOOP("a comment must be an object")), where);
    Comment comment;
    const Json& id = member(json, "id", where);
    if (!id.is_string()) throw Error(Message(OFICINA_TR_NOOP("comment id must be text")), where);
    comment.id = id.get<std::string>();
    const std::string commentWhere = where + ": comment '" + comment.id + "'";
    if (const auto text = json.find("text"); text != json.end()) {
        if (!text->is_string())
            throw Error(Message(OFICINA_TR_NOOP("comment text must be text")), commentWhere);
        comment.text = text->get<std::string>();
    }
    const auto pair = [&](const char* key, double& a, double& b) {
        const auto it = json.find(key);
        if (it == json.end()) return;
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
            throw Error(Message(OFICINA_TR_NOOP("%1 must be [x, y]"), {key}), commentWhere);
        a = (*it)[0].get<double>();
        b = (*it)[1].get<double>();
    };
    pair("position", comment.position.x, comment.position.y);
    pair("size", comment.width, comment.height);
    return comment;
}

Graph parseRoot(const Json& root, const NodeRegistry& registry, const std::string& where) {
    const auto format = root.is_object() ? root.find("format") : root.end();
    if (!root.is_object() || format == root.end())
        throw Error(Message(OFICINA_TR_NOOP("not an Oficina pipeline (\"format\" must be \"%1\")"),
                            {kFormatName}),
                    where);
    if (!format->is_string() || format->get<std::string>() != kFormatName)
        throw Error(Message(OFICINA_TR_NOOP("not an Oficina pipeline: \"format\" is %1, not "
                                            "\"%2\""),
                            {jsonExcerpt(*format), kFormatName}),
                    where);
    const Json& version = member(root, "version", where);
    const auto number = wholeNumber(version);
    if (!number || *number < 1 || *number > kPipelineFormatVersion)
        throw Error(Message(OFICINA_TR_NOOP("pipeline format version %1 is not supported; this "
                                            "Oficina reads version %2"),
                            {jsonExcerpt(version), std::to_string(kPipelineFormatVersion)}),
                    where);

    Graph graph;
    const Json& nodes = member(root, "nodes", where);
    if (!nodes.is_array()) throw Error(Message(OFICINA_TR_NOOP("\"nodes\" must be a list")), where);
    for (const auto& n : nodes) {
        Node node = parseNode(n, registry, where);
        try {
            graph.addNode(std::move(node));
        } catch (const Error& e) {
            throw Error(e.message(), where);
        }
    }
    if (const auto links = root.find("links"); links != root.end()) {
        if (!links->is_array())
            throw Error(Message(OFICINA_TR_NOOP("\"links\" must be a list")), where);
        for (const auto& l : *links) {
            if (!l.is_object()) throw Error(Message(OFICINA_TR_NOOP("a link must be an object")), where);
            Link link{parsePortRef(member(l, "from", where), where),
                      parsePortRef(member(l, "to", where), where)};
            currentPortNames(graph, registry, link);
            if (auto why = connectRejects(graph, registry, link))
                throw Error(Message(OFICINA_TR_NOOP("link %1 → %2: %3"),
                                    {link.from.text(), link.to.text(), why->english()}),
                            where);
            graph.connect(std::move(link));
        }
    }
    // Optional, so files written before comments existed still load.
    if (const auto comments = root.find("comments"); comments != root.end()) {
        if (!comments->is_array())
            throw Error(Message(OFICINA_TR_NOOP("\"comments\" must be a list")), where);
        for (const auto& c : *comments) {
            try {
                graph.addComment(parseComment(c, where));
            } catch (const Error& e) {
                throw Error(e.message(), e.where().empty() ? where : e.where());
            }
        }
    }
    if (const auto record = root.find("record_runs"); record != root.end()) {
        if (!record->is_boolean())
            throw Error(Message(OFICINA_TR_NOOP("\"record_runs\" must be true or false")), where);
        graph.setRecordRuns(record->get<bool>());
    }
    return graph;
}

/// The one catch-all of the pipeline reader: every precise case above throws Error; anything
/// else still becomes an Error naming the source rather than escaping to abort the program.
template <typename F>
auto readingPipeline(const std::string& where, F&& read) {
    try {
        return read();
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw Error(Message(OFICINA_TR_NOOP("out of memory")), where);
    } catch (const std::exception& e) {
        throw Error(Message(OFICINA_TR_NOOP("cannot read this pipeline: %1"), {e.what()}), where);
    }
}

} // namespace

Graph parsePipeline(std::string_view text, const NodeRegistry& registry, const std::string& where) {
    return readingPipeline(where,
                           [&] { return parseRoot(parseJsonText(text, where), registry, where); });
}

Graph loadPipeline(const std::string& path, const NodeRegistry& registry) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(Message(OFICINA_TR_NOOP("this is a folder, not a pipeline file")), path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(Message(OFICINA_TR_NOOP("cannot open the file: %1"), {std::strerror(errno)}),
                    path);
    const std::string text = readingPipeline(path, [&] {
        std::ostringstream buffer;
        buffer << in.rdbuf();
        return std::move(buffer).str();
    });
    Graph graph = parsePipeline(text, registry, path);
    graph.setBaseDirectory(std::filesystem::absolute(path).parent_path().string());
    graph.setFileName(std::filesystem::path(path).filename().string());
    return graph;
}

std::string serializePipeline(const Graph& graph, const NodeRegistry& registry) {
    Json root;
    root["format"] = kFormatName;
    root["version"] = kPipelineFormatVersion;
    Json nodes = Json::array();
    for (const auto& node : graph.nodes()) {
        const NodeSpec* spec = registry.find(node.type);
        Json n;
        n["id"] = node.id;
        n["type"] = node.type;
        n["version"] = spec ? spec->version : 1;
        n["title"] = node.title;
        n["position"] = Json::array({node.position.x, node.position.y});
        Json params = Json::object();
        if (spec)
            for (const auto& p : spec->params)
                params[p.key] = p.toJson(node.params.contains(p.key) ? node.params.at(p.key)
                                                                     : p.defaultValue);
        n["params"] = std::move(params);
        nodes.push_back(std::move(n));
    }
    root["nodes"] = std::move(nodes);
    Json links = Json::array();
    for (const auto& l : graph.links())
        links.push_back(Json{{"from", l.from.text()}, {"to", l.to.text()}});
    root["links"] = std::move(links);
    // Written only when there are some, so a pipeline without comments keeps its old bytes.
    if (!graph.comments().empty()) {
        Json comments = Json::array();
        for (const auto& c : graph.comments())
            comments.push_back(Json{{"id", c.id},
                                    {"text", c.text},
                                    {"position", Json::array({c.position.x, c.position.y})},
                                    {"size", Json::array({c.width, c.height})}});
        root["comments"] = std::move(comments);
    }
    // Likewise written only when turned off.
    if (!graph.recordRuns()) root["record_runs"] = false;
    return root.dump(2) + "\n";
}

void savePipeline(const Graph& graph, const NodeRegistry& registry, const std::string& path) {
    writeFileAtomically(path, serializePipeline(graph, registry));
}

} // namespace oficina::core

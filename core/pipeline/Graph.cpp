#include "pipeline/Graph.h"

#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace oficina::core {

namespace {
bool validId(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-';
    });
}

template <typename T>
void insertAt(std::vector<T>& items, T item, int index) {
    if (index < 0 || size_t(index) >= items.size())
        items.push_back(std::move(item));
    else
        items.insert(items.begin() + index, std::move(item));
}
} // namespace

std::optional<PortRef> PortRef::parse(std::string_view text) {
    const size_t dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return std::nullopt;
    return PortRef{std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))};
}

const Node* Graph::node(const std::string& id) const {
    const auto it = std::find_if(m_nodes.begin(), m_nodes.end(),
                                 [&](const Node& n) { return n.id == id; });
    return it == m_nodes.end() ? nullptr : &*it;
}

Node* Graph::node(const std::string& id) {
    return const_cast<Node*>(std::as_const(*this).node(id));
}

void Graph::addNode(Node node, int index) {
    if (!validId(node.id))
        throw Error(Message(OFICINA_TR_NOOP("node id '%1' may only hold letters, digits, '_' "
                                            "and '-'"),
                            {node.id}));
    if (this->node(node.id) || comment(node.id))
        throw Error(Message(OFICINA_TR_NOOP("node id '%1' is used twice"), {node.id}));
    insertAt(m_nodes, std::move(node), index);
}

int Graph::removeNode(const std::string& id) {
    const auto it = std::find_if(m_nodes.begin(), m_nodes.end(),
                                 [&](const Node& n) { return n.id == id; });
    if (it == m_nodes.end()) return -1;
    const int index = int(it - m_nodes.begin());
    m_nodes.erase(it);
    std::erase_if(m_links, [&](const Link& l) { return l.from.node == id || l.to.node == id; });
    return index;
}

void Graph::connect(Link link, int index) { insertAt(m_links, std::move(link), index); }

int Graph::disconnect(const Link& link) {
    const auto it = std::find(m_links.begin(), m_links.end(), link);
    if (it == m_links.end()) return -1;
    const int index = int(it - m_links.begin());
    m_links.erase(it);
    return index;
}

const Comment* Graph::comment(const std::string& id) const {
    const auto it = std::find_if(m_comments.begin(), m_comments.end(),
                                 [&](const Comment& c) { return c.id == id; });
    return it == m_comments.end() ? nullptr : &*it;
}

Comment* Graph::comment(const std::string& id) {
    return const_cast<Comment*>(std::as_const(*this).comment(id));
}

void Graph::addComment(Comment comment, int index) {
    if (!validId(comment.id))
        throw Error(Message(OFICINA_TR_NOOP("node id '%1' may only hold letters, digits, '_' "
                                            "and '-'"),
                            {comment.id}));
    if (node(comment.id) || this->comment(comment.id))
        throw Error(Message(OFICINA_TR_NOOP("node id '%1' is used twice"), {comment.id}));
    insertAt(m_comments, std::move(comment), index);
}

int Graph::removeComment(const std::string& id) {
    const auto it = std::find_if(m_comments.begin(), m_comments.end(),
                                 [&](const Comment& c) { return c.id == id; });
    if (it == m_comments.end()) return -1;
    const int index = int(it - m_comments.begin());
    m_comments.erase(it);
    return index;
}

Value Graph::setParameter(const std::string& nodeId, const std::string& key, Value value) {
    Node* n = node(nodeId);
    if (!n) throw Error(Message(OFICINA_TR_NOOP("no node '%1'"), {nodeId}));
    Value old = n->params.contains(key) ? n->params.at(key) : Value{};
    n->params.set(key, std::move(value));
    return old;
}

std::vector<Link> Graph::linksOf(const std::string& nodeId) const {
    std::vector<Link> out;
    for (const auto& l : m_links)
        if (l.from.node == nodeId || l.to.node == nodeId) out.push_back(l);
    return out;
}

const Link* Graph::linkInto(const PortRef& input) const {
    const auto it = std::find_if(m_links.begin(), m_links.end(),
                                 [&](const Link& l) { return l.to == input; });
    return it == m_links.end() ? nullptr : &*it;
}

std::string Graph::uniqueId(const std::string& base) const {
    std::string stem;
    for (unsigned char c : base) stem += std::isalnum(c) || c == '_' || c == '-' ? char(c) : '_';
    if (stem.empty()) stem = "node";
    const auto taken = [&](const std::string& id) { return node(id) || comment(id); };
    if (!taken(stem)) return stem;
    for (int i = 2;; ++i)
        if (!taken(stem + "_" + std::to_string(i))) return stem + "_" + std::to_string(i);
}

std::vector<std::string> Graph::downstreamOf(const std::vector<std::string>& ids) const {
    std::set<std::string> found;
    std::vector<std::string> pending;
    for (const auto& id : ids)
        if (node(id)) pending.push_back(id);
    while (!pending.empty()) {
        const std::string id = pending.back();
        pending.pop_back();
        if (!found.insert(id).second) continue;
        for (const auto& link : m_links)
            if (link.from.node == id) pending.push_back(link.to.node);
    }
    return {found.begin(), found.end()};
}

std::optional<std::vector<std::string>> Graph::topologicalOrder() const {
    // Kahn's algorithm, taking ready nodes in insertion order so the order is deterministic.
    std::map<std::string, int> pending;
    for (const auto& n : m_nodes) pending[n.id] = 0;
    for (const auto& l : m_links)
        if (pending.count(l.from.node) && pending.count(l.to.node)) ++pending[l.to.node];
    std::vector<std::string> order;
    std::set<std::string> done;
    while (order.size() < m_nodes.size()) {
        const auto ready = std::find_if(m_nodes.begin(), m_nodes.end(), [&](const Node& n) {
            return !done.count(n.id) && pending[n.id] == 0;
        });
        if (ready == m_nodes.end()) return std::nullopt;
        order.push_back(ready->id);
        done.insert(ready->id);
        for (const auto& l : m_links)
            if (l.from.node == ready->id && pending.count(l.to.node)) --pending[l.to.node];
    }
    return order;
}

namespace {
bool reaches(const Graph& graph, const std::string& from, const std::string& to) {
    std::vector<std::string> stack{from};
    std::set<std::string> seen;
    while (!stack.empty()) {
        const std::string current = stack.back();
        stack.pop_back();
        if (current == to) return true;
        if (!seen.insert(current).second) continue;
        for (const auto& l : graph.links())
            if (l.from.node == current) stack.push_back(l.to.node);
    }
    return false;
}
} // namespace

std::optional<Message> connectRejects(const Graph& graph, const NodeRegistry& registry,
                                      const Link& link) {
    const Node* from = graph.node(link.from.node);
    const Node* to = graph.node(link.to.node);
    if (!from) return Message(OFICINA_TR_NOOP("no node '%1'"), {link.from.node});
    if (!to) return Message(OFICINA_TR_NOOP("no node '%1'"), {link.to.node});
    const NodeSpec* fromSpec = registry.find(from->type);
    const NodeSpec* toSpec = registry.find(to->type);
    if (!fromSpec || !toSpec) return Message(OFICINA_TR_NOOP("unknown node type"));
    const PortSpec* out = fromSpec->output(link.from.port);
    const PortSpec* in = toSpec->input(link.to.port);
    if (!out)
        return Message(OFICINA_TR_NOOP("'%1' has no output named '%2'"),
                       {from->id, link.from.port});
    if (!in)
        return Message(OFICINA_TR_NOOP("'%1' has no input named '%2'"), {to->id, link.to.port});
    if (out->type != in->type)
        return Message(OFICINA_TR_NOOP("a %1 output cannot feed a %2 input"),
                       {toString(out->type), toString(in->type)});
    if (from->id == to->id || reaches(graph, to->id, from->id))
        return Message(OFICINA_TR_NOOP("this link would make a cycle"));
    if (graph.linkInto(link.to))
        return Message(OFICINA_TR_NOOP("input '%1' of '%2' is already connected"),
                       {link.to.port, to->id});
    return std::nullopt;
}

std::vector<GraphIssue> validateGraph(const Graph& graph, const NodeRegistry& registry) {
    std::vector<GraphIssue> issues;
    for (const auto& n : graph.nodes()) {
        const NodeSpec* spec = registry.find(n.type);
        if (!spec) {
            issues.push_back({n.id, Message(OFICINA_TR_NOOP("unknown node type '%1'"), {n.type})});
            continue;
        }
        for (const auto& [key, value] : n.params.all()) {
            const Parameter* p = spec->param(key);
            if (!p)
                issues.push_back({n.id, Message(OFICINA_TR_NOOP("unknown parameter '%1'"), {key})});
            else if (auto why = p->rejects(value))
                issues.push_back({n.id, *why});
        }
        for (const auto& in : spec->inputs)
            if (!in.optional && !graph.linkInto({n.id, in.name}))
                issues.push_back(
                    {n.id, Message(OFICINA_TR_NOOP("input '%1' is not connected"), {in.name})});
    }
    std::set<std::string> fedInputs;
    for (const auto& l : graph.links()) {
        Graph without = graph;
        without.disconnect(l);
        if (auto why = connectRejects(without, registry, l))
            issues.push_back({l.to.node, *why});
        if (!fedInputs.insert(l.to.text()).second)
            issues.push_back({l.to.node, Message(OFICINA_TR_NOOP("input '%1' is fed twice"),
                                                 {l.to.port})});
    }
    if (!graph.topologicalOrder())
        issues.push_back({{}, Message(OFICINA_TR_NOOP("the pipeline has a cycle"))});
    return issues;
}

std::string nodeLabel(const Node& node, const NodeRegistry& registry) {
    std::string title = node.title;
    if (title.empty())
        if (const NodeSpec* spec = registry.find(node.type)) title = spec->title;
    return title.empty() ? node.id : title + " (" + node.id + ")";
}

} // namespace oficina::core

#include "run/RunResults.h"

#include "pipeline/Graph.h"
#include "pipeline/NodeRegistry.h"

namespace oficina::ui {

const core::NodeResult* RunResults::find(const QString& node) const {
    const auto found = m_results.find(node);
    return found == m_results.end() ? nullptr : &found->second;
}

RunResults::Fit RunResults::fitTo(const core::Graph& graph) const {
    Fit fit;
    if (m_results.empty()) return fit;
    const auto hashes = core::nodeHashes(graph, m_registry);
    for (const auto& [id, result] : m_results) {
        const auto it = hashes.find(id.toStdString());
        (it == hashes.end() || it->second != result.hash ? fit.stale : fit.fitting) << id;
    }
    return fit;
}

bool RunResults::fits(const core::Graph& graph, const QString& node) const {
    const core::NodeResult* result = find(node);
    if (!result) return false;
    const auto hashes = core::nodeHashes(graph, m_registry);
    const auto it = hashes.find(node.toStdString());
    return it != hashes.end() && it->second == result->hash;
}

std::shared_ptr<const core::Table> RunResults::inputTable(const core::Graph& graph,
                                                          const QString& node,
                                                          const QString& inputPort) const {
    const core::Node* n = graph.node(node.toStdString());
    const core::NodeSpec* spec = n ? m_registry.find(n->type) : nullptr;
    if (!spec) return {};
    std::string port = inputPort.toStdString();
    if (port.empty())
        for (const auto& in : spec->inputs)
            if (in.type == core::PortType::Table) {
                port = in.name;
                break;
            }
    const core::Link* link = graph.linkInto({n->id, port});
    const core::NodeResult* source = link ? find(QString::fromStdString(link->from.node)) : nullptr;
    if (!source) return {};
    // The linked port's table; a source whose ports changed since offers its first table.
    const auto tableOf = [](const core::PortValue& value) {
        const auto* table = std::get_if<std::shared_ptr<const core::Table>>(&value);
        return table ? *table : nullptr;
    };
    if (const auto out = source->outputs.find(link->from.port); out != source->outputs.end())
        if (auto table = tableOf(out->second)) return table;
    for (const auto& [name, value] : source->outputs)
        if (auto table = tableOf(value)) return table;
    return {};
}

std::shared_ptr<const core::Model> RunResults::trainedModel(const QString& node) const {
    const core::NodeResult* result = find(node);
    if (!result || result->state != core::NodeState::Done) return nullptr;
    for (const auto& [port, value] : result->outputs)
        if (const auto* model = std::get_if<std::shared_ptr<const core::Model>>(&value))
            return *model;
    return nullptr;
}

} // namespace oficina::ui

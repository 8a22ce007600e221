#pragma once

#include "pipeline/Executor.h"

#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace oficina::core {
class Graph;
class NodeRegistry;
class Table;
struct Model;
} // namespace oficina::core

namespace oficina::ui {

/// The latest result of each node, from the runs so far, and what they mean for the graph as it
/// is now: which no longer fit it (stale: an edit changed the node's cache key), the table on a
/// node's input, a node's trained model. The main window shows them; this owns them.
class RunResults {
public:
    explicit RunResults(const core::NodeRegistry& registry) : m_registry(registry) {}

    void clear() { m_results.clear(); }
    void erase(const QString& node) { m_results.erase(node); }
    void set(const QString& node, core::NodeResult result) { m_results[node] = std::move(result); }
    [[nodiscard]] bool empty() const { return m_results.empty(); }
    /// By node id.
    [[nodiscard]] const std::map<QString, core::NodeResult>& all() const { return m_results; }
    [[nodiscard]] const core::NodeResult* find(const QString& node) const;

    /// Nodes whose results were made from another graph than `graph` (an edit since, upstream
    /// included), and those whose results fit it.
    struct Fit {
        QStringList stale;
        QStringList fitting;
    };
    [[nodiscard]] Fit fitTo(const core::Graph& graph) const;
    /// Whether `node`'s result was made from `graph` as it is.
    [[nodiscard]] bool fits(const core::Graph& graph, const QString& node) const;

    /// The table the last run fed into `node`'s `inputPort` ("" = its first table input), or
    /// null when that input is not connected or its source has no table.
    [[nodiscard]] std::shared_ptr<const core::Table> inputTable(const core::Graph& graph,
                                                                const QString& node,
                                                                const QString& inputPort) const;
    /// The model `node` trained in a finished run, or null.
    [[nodiscard]] std::shared_ptr<const core::Model> trainedModel(const QString& node) const;

private:
    const core::NodeRegistry& m_registry;
    std::map<QString, core::NodeResult> m_results;
};

} // namespace oficina::ui

#pragma once

#include "pipeline/Executor.h"
#include "pipeline/Graph.h"

#include <QGraphicsScene>
#include <QHash>

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::ui {

class NodeItem;

/// Draws a pipeline: nodes as cards with their ports and run status, links as curves.
/// Follows the graph it is given; editing arrives with the document layer.
class PipelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit PipelineScene(const core::NodeRegistry& registry, QObject* parent = nullptr);

    void setGraph(const core::Graph& graph);
    void setNodeResult(const QString& node, const core::NodeResult& result);
    void setNodeProgress(const QString& node, double fraction);
    void clearResults();

private:
    const core::NodeRegistry& m_registry;
    QHash<QString, NodeItem*> m_items;
};

} // namespace oficina::ui

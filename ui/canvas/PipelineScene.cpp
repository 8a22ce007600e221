#include "canvas/PipelineScene.h"

#include "canvas/NodeItem.h"
#include "pipeline/NodeRegistry.h"

#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QPen>

namespace oficina::ui {

PipelineScene::PipelineScene(const core::NodeRegistry& registry, QObject* parent)
    : QGraphicsScene(parent), m_registry(registry) {
    setBackgroundBrush(QColor(0xf4, 0xf5, 0xf7));
}

void PipelineScene::setGraph(const core::Graph& graph) {
    clear();
    m_items.clear();
    for (const auto& node : graph.nodes()) {
        auto* item = new NodeItem(node, m_registry.find(node.type));
        addItem(item);
        m_items.insert(QString::fromStdString(node.id), item);
    }
    for (const auto& link : graph.links()) {
        const NodeItem* from = m_items.value(QString::fromStdString(link.from.node));
        const NodeItem* to = m_items.value(QString::fromStdString(link.to.node));
        if (!from || !to) continue;
        const QPointF a = from->portPosition(link.from.port, true);
        const QPointF b = to->portPosition(link.to.port, false);
        const qreal bend = std::max<qreal>(40, std::abs(b.x() - a.x()) / 2);
        QPainterPath path(a);
        path.cubicTo(a + QPointF(bend, 0), b - QPointF(bend, 0), b);
        auto* curve = addPath(path, QPen(QColor(0x70, 0x70, 0x70), 1.6));
        curve->setZValue(-1);
    }
}

void PipelineScene::setNodeResult(const QString& node, const core::NodeResult& result) {
    if (NodeItem* item = m_items.value(node)) item->setResult(result);
}

void PipelineScene::setNodeProgress(const QString& node, double fraction) {
    if (NodeItem* item = m_items.value(node)) item->setProgress(fraction);
}

void PipelineScene::clearResults() {
    for (NodeItem* item : std::as_const(m_items)) item->clearResult();
}

} // namespace oficina::ui

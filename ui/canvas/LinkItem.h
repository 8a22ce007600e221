#pragma once

#include "pipeline/Graph.h"
#include "pipeline/NodeSpec.h"

#include <QGraphicsPathItem>

namespace oficina::ui {

/// A link between an output and an input port, drawn as a curve in the port type's colour.
/// Selectable, so Delete disconnects it.
class LinkItem : public QGraphicsPathItem {
public:
    LinkItem(core::Link link, core::PortType type);

    [[nodiscard]] const core::Link& link() const { return m_link; }
    /// Redraws the curve between two scene points.
    void setEnds(QPointF from, QPointF to);
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    /// The curve used for links and for the link being dragged.
    static QPainterPath curve(QPointF from, QPointF to);

    static constexpr int Type = UserType + 3;
    [[nodiscard]] int type() const override { return Type; }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    core::Link m_link;
    QColor m_color;
    bool m_hovered = false;
};

} // namespace oficina::ui

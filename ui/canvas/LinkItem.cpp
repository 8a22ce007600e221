#include "canvas/LinkItem.h"

#include "canvas/PortItem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace oficina::ui {

LinkItem::LinkItem(core::Link link, core::PortType type)
    : m_link(std::move(link)), m_color(portColor(type).darker(115)) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(-1);
}

QPainterPath LinkItem::curve(QPointF from, QPointF to) {
    const qreal bend = std::max<qreal>(40, std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    return path;
}

void LinkItem::setEnds(QPointF from, QPointF to) { setPath(curve(from, to)); }

QPainterPath LinkItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10);  // easy to click
    return stroker.createStroke(path());
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = isSelected();
    if (selected) {
        painter->setPen(QPen(QColor(0x30, 0x80, 0xe0, 110), 7, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(path());
    }
    painter->setPen(QPen(m_color, m_hovered || selected ? 3 : 2, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

void LinkItem::hoverEnterEvent(QGraphicsSceneHoverEvent*) {
    m_hovered = true;
    update();
}

void LinkItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    m_hovered = false;
    update();
}

} // namespace oficina::ui

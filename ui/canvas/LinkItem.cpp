#include "canvas/LinkItem.h"

#include "canvas/PortItem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <vector>

namespace oficina::ui {

LinkItem::LinkItem(core::Link link, core::PortType type)
    : m_link(std::move(link)), m_color(portColor(type).darker(115)) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(-1);
}

namespace {

/// Straight segments through `points` with their corners rounded (radius at most `radius`).
QPainterPath roundedPolyline(const std::vector<QPointF>& points, qreal radius) {
    QPainterPath path(points.front());
    for (size_t i = 1; i + 1 < points.size(); ++i) {
        const QPointF in = points[i] - points[i - 1];
        const QPointF out = points[i + 1] - points[i];
        const qreal lengthIn = std::hypot(in.x(), in.y());
        const qreal lengthOut = std::hypot(out.x(), out.y());
        const qreal r = std::min({radius, lengthIn / 2, lengthOut / 2});
        if (r <= 0) continue;
        path.lineTo(points[i] - in / lengthIn * r);
        path.quadTo(points[i], points[i] + out / lengthOut * r);
    }
    path.lineTo(points.back());
    return path;
}

} // namespace

QPainterPath LinkItem::curve(QPointF from, QPointF to) {
    const qreal dx = to.x() - from.x();
    const qreal dy = to.y() - from.y();
    if (dx >= 0 || std::abs(dy) < 60) {
        const qreal bend = std::max<qreal>(40, std::abs(dx) / 2);
        QPainterPath path(from);
        path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
        return path;
    }
    // Backwards, onto another row (a pipeline wrapped to fit the view): out of the port, along
    // the gap between the rows, into the port. A curve would run behind the cards. The longer
    // the way back, the wider the first turn, so two links leaving one card do not overlap.
    const qreal out = from.x() + 14 + std::min<qreal>(16, -dx / 40);
    const qreal in = to.x() - 12;
    const qreal middle = from.y() + dy / 2;
    return roundedPolyline(
        {from, {out, from.y()}, {out, middle}, {in, middle}, {in, to.y()}, to}, 12);
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

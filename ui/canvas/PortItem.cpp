#include "canvas/PortItem.h"

#include "Translate.h"

#include <QCoreApplication>
#include <QCursor>
#include <QPainter>
#include <QPainterPath>

namespace oficina::ui {

namespace {
constexpr qreal kRadius = 6;
}

QColor portColor(core::PortType type) {
    switch (type) {
    case core::PortType::Table: return QColor(0x4e, 0x79, 0xa7);
    case core::PortType::Model: return QColor(0xe1, 0x57, 0x59);
    case core::PortType::Metrics: return QColor(0xf2, 0x8e, 0x2b);
    }
    return Qt::gray;
}

QString portTypeName(core::PortType type) {
    switch (type) {
    case core::PortType::Table: return QCoreApplication::translate("PortItem", "table");
    case core::PortType::Model: return QCoreApplication::translate("PortItem", "model");
    case core::PortType::Metrics: return QCoreApplication::translate("PortItem", "metrics");
    }
    return {};
}

PortItem::PortItem(QString node, core::PortSpec spec, bool output, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_node(std::move(node)), m_spec(std::move(spec)), m_output(output) {
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(1);
    updateToolTip();
}

QRectF PortItem::boundingRect() const {
    const qreal r = kRadius + 4;
    return QRectF(-r, -r, 2 * r, 2 * r);
}

QPainterPath PortItem::shape() const {
    // A generous hit area: ports are small targets.
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), kRadius + 4, kRadius + 4);
    return path;
}

void PortItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool big = m_hovered || m_highlight == Highlight::Compatible;
    const qreal r = big ? kRadius + 2 : kRadius;
    QColor fill = portColor(m_spec.type);
    if (m_highlight == Highlight::Incompatible) fill.setAlpha(60);
    QPen pen(m_highlight == Highlight::Compatible ? QColor(0x20, 0xa0, 0x40) : QColor(0x50, 0x50, 0x50),
             m_highlight == Highlight::Compatible ? 2.5 : 1);
    if (m_highlight == Highlight::Incompatible) pen.setColor(QColor(0xb0, 0xb0, 0xb0));
    painter->setPen(pen);
    painter->setBrush(fill);
    switch (m_spec.type) {
    case core::PortType::Table: painter->drawEllipse(QPointF(0, 0), r, r); break;
    case core::PortType::Model: {
        const QPointF diamond[] = {{0, -r - 1}, {r + 1, 0}, {0, r + 1}, {-r - 1, 0}};
        painter->drawPolygon(diamond, 4);
        break;
    }
    case core::PortType::Metrics: painter->drawRect(QRectF(-r + 1, -r + 1, 2 * r - 2, 2 * r - 2)); break;
    }
}

void PortItem::setHighlight(Highlight highlight, const QString& reason) {
    m_highlight = highlight;
    m_reason = reason;
    updateToolTip();
    update();
}

namespace {

// What a port carries and what may connect to it, beyond its label.
QString portExplanation(core::PortType type, bool output) {
    QString carries;
    switch (type) {
    case core::PortType::Table:
        carries = QCoreApplication::translate("PortItem", "Rows and columns of data.");
        break;
    case core::PortType::Model:
        carries = QCoreApplication::translate(
            "PortItem", "A trained model, with the steps that prepared its training data.");
        break;
    case core::PortType::Metrics:
        carries =
            QCoreApplication::translate("PortItem", "Scores, tables and curves of an evaluation.");
        break;
    }
    const QString connects =
        output ? QCoreApplication::translate(
                     "PortItem", "Drag it to a %1 input; an output may feed several nodes.")
               : QCoreApplication::translate("PortItem",
                                             "Takes one link, from a %1 output: drag one here.");
    return carries + "\n" + connects.arg(portTypeName(type));
}

} // namespace

void PortItem::updateToolTip() {
    QString tip = QCoreApplication::translate("PortItem", "%1 (%2 %3)")
                      .arg(trCore(m_spec.label), portTypeName(m_spec.type),
                           m_output ? QCoreApplication::translate("PortItem", "output")
                                    : QCoreApplication::translate("PortItem", "input"));
    tip += "\n" + portExplanation(m_spec.type, m_output);
    if (!m_reason.isEmpty()) tip += "\n" + m_reason;
    setToolTip(tip);
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent*) {
    m_hovered = true;
    update();
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
    m_hovered = false;
    update();
}

} // namespace oficina::ui

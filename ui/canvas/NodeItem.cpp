#include "canvas/NodeItem.h"

#include "Translate.h"
#include "pipeline/Graph.h"

#include <QPainter>
#include <QPainterPath>

namespace oficina::ui {

namespace {
constexpr qreal kHeaderHeight = 40;
constexpr qreal kPortSpacing = 20;
constexpr qreal kPortRadius = 5;

QColor stateColor(core::NodeState state) {
    switch (state) {
    case core::NodeState::Idle: return QColor(0xb0, 0xb0, 0xb0);
    case core::NodeState::Stale: return QColor(0xe0, 0xa0, 0x20);
    case core::NodeState::Running: return QColor(0x30, 0x80, 0xe0);
    case core::NodeState::Done: return QColor(0x30, 0xa0, 0x50);
    case core::NodeState::Failed: return QColor(0xd0, 0x30, 0x30);
    }
    return Qt::gray;
}
} // namespace

QColor categoryColor(core::Category category) {
    switch (category) {
    case core::Category::Data: return QColor(0x4e, 0x79, 0xa7);
    case core::Category::Clean: return QColor(0x76, 0xb7, 0xb2);
    case core::Category::Features: return QColor(0x59, 0xa1, 0x4f);
    case core::Category::Reduce: return QColor(0xed, 0xc9, 0x48);
    case core::Category::Models: return QColor(0xe1, 0x57, 0x59);
    case core::Category::Cluster: return QColor(0xb0, 0x7a, 0xa1);
    case core::Category::NeuralNets: return QColor(0xff, 0x9d, 0xa7);
    case core::Category::Evaluate: return QColor(0xf2, 0x8e, 0x2b);
    case core::Category::Export: return QColor(0x9c, 0x75, 0x5f);
    }
    return Qt::gray;
}

NodeItem::NodeItem(const core::Node& node, const core::NodeSpec* spec, QGraphicsItem* parent)
    : QGraphicsObject(parent) {
    m_typeTitle = spec ? trCore(spec->title) : QString::fromStdString(node.type);
    m_title = node.title.empty() ? m_typeTitle : QString::fromStdString(node.title);
    if (spec) {
        m_category = spec->category;
        m_inputs = spec->inputs;
        m_outputs = spec->outputs;
    }
    setPos(node.position.x, node.position.y);
    setToolTip(QString::fromStdString(node.id));
}

qreal NodeItem::height() const {
    const size_t ports = std::max(m_inputs.size(), m_outputs.size());
    return kHeaderHeight + kPortSpacing * qreal(std::max<size_t>(ports, 1)) + 8;
}

QRectF NodeItem::boundingRect() const {
    return QRectF(-kPortRadius - 1, -1, kWidth + 2 * kPortRadius + 2, height() + 2);
}

QPointF NodeItem::portPosition(const std::string& port, bool output) const {
    const auto& ports = output ? m_outputs : m_inputs;
    for (size_t i = 0; i < ports.size(); ++i)
        if (ports[i].name == port)
            return mapToScene(QPointF(output ? kWidth : 0,
                                      kHeaderHeight + kPortSpacing * (qreal(i) + 0.5)));
    return mapToScene(QPointF(output ? kWidth : 0, kHeaderHeight / 2));
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(0, 0, kWidth, height());
    painter->setPen(QPen(stateColor(m_state), m_state == core::NodeState::Idle ? 1 : 2));
    painter->setBrush(QColor(0xfc, 0xfc, 0xfc));
    painter->drawRoundedRect(card, 6, 6);

    QPainterPath band;
    band.addRoundedRect(QRectF(0, 0, kWidth, 6), 3, 3);
    painter->fillPath(band, categoryColor(m_category));

    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::black);
    const QFontMetricsF metrics(font);
    painter->drawText(QRectF(8, 8, kWidth - 30, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(m_title, Qt::ElideRight, kWidth - 30));
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(QColor(0x60, 0x60, 0x60));
    if (m_title != m_typeTitle)
        painter->drawText(QRectF(8, 24, kWidth - 16, 14), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(font).elidedText(m_typeTitle, Qt::ElideRight, kWidth - 16));

    painter->setBrush(stateColor(m_state));
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(QPointF(kWidth - 14, 16), 5, 5);
    if (m_state == core::NodeState::Running && m_progress >= 0) {
        painter->setPen(QPen(stateColor(m_state), 3));
        painter->drawLine(QPointF(4, height() - 3),
                          QPointF(4 + (kWidth - 8) * m_progress, height() - 3));
    }

    const auto drawPorts = [&](const std::vector<core::PortSpec>& ports, bool output) {
        for (size_t i = 0; i < ports.size(); ++i) {
            const qreal y = kHeaderHeight + kPortSpacing * (qreal(i) + 0.5);
            const QPointF centre(output ? kWidth : 0, y);
            painter->setPen(QPen(Qt::darkGray, 1));
            painter->setBrush(ports[i].type == core::PortType::Table   ? QColor(0x4e, 0x79, 0xa7)
                              : ports[i].type == core::PortType::Model ? QColor(0xe1, 0x57, 0x59)
                                                                       : QColor(0xf2, 0x8e, 0x2b));
            painter->drawEllipse(centre, kPortRadius, kPortRadius);
            painter->setPen(QColor(0x40, 0x40, 0x40));
            // Inputs and outputs share the card's width; long (translated) labels are elided.
            const QRectF label(output ? kWidth / 2 + 2 : 10, y - 8, kWidth / 2 - 12, 16);
            const QString text = QFontMetricsF(painter->font())
                                     .elidedText(trCore(ports[i].label), Qt::ElideRight,
                                                 label.width());
            painter->drawText(label, (output ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                              text);
        }
    };
    drawPorts(m_inputs, false);
    drawPorts(m_outputs, true);
}

void NodeItem::setResult(const core::NodeResult& result) {
    m_state = result.state;
    m_progress = -1;
    const QString id = toolTip().section('\n', 0, 0);
    setToolTip(result.error ? id + "\n" + trNodeError(result) : id);
    update();
}

void NodeItem::setProgress(double fraction) {
    m_state = core::NodeState::Running;
    m_progress = fraction;
    update();
}

void NodeItem::clearResult() {
    m_state = core::NodeState::Idle;
    m_progress = -1;
    update();
}

} // namespace oficina::ui

#include "canvas/NodeItem.h"

#include "Translate.h"
#include "canvas/PipelineScene.h"
#include "canvas/PortItem.h"
#include "data/Table.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "pipeline/Graph.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace oficina::ui {

namespace {
constexpr qreal kHeaderHeight = 46;
constexpr qreal kPortSpacing = 22;
constexpr qreal kSummaryHeight = 20;

QColor stateColor(core::NodeState state) {
    switch (state) {
    case core::NodeState::Idle: return QColor(0xb0, 0xb0, 0xb0);
    case core::NodeState::Stale: return QColor(0xc8, 0x8a, 0x10);
    case core::NodeState::Running: return QColor(0x30, 0x80, 0xe0);
    case core::NodeState::Done: return QColor(0x2e, 0x9a, 0x4c);
    case core::NodeState::Failed: return QColor(0xd0, 0x30, 0x30);
    }
    return Qt::gray;
}

QString number(double value) { return QString::number(value, 'g', 3); }
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

QIcon categoryIcon(core::Category category) {
    return QIcon(QStringLiteral(":/icons/category/%1.svg").arg(core::toString(category)));
}

QString resultSummary(const core::NodeResult& result) {
    if (result.state != core::NodeState::Done && result.state != core::NodeState::Stale) return {};
    // Metrics say the most; then a model's fit figures; then the first table's size.
    for (const auto& [port, value] : result.outputs)
        if (const auto* m = std::get_if<std::shared_ptr<const core::Metrics>>(&value)) {
            const core::Metrics& metrics = **m;
            const auto scalar = [&](const char* name) { return metrics.scalar(name); };
            if (const double* k = scalar("n_clusters")) {
                QString text = NodeItem::tr("k = %1").arg(number(*k));
                if (const double* s = scalar("silhouette"); s && std::isfinite(*s))
                    text += NodeItem::tr(", silhouette %1").arg(QString::number(*s, 'f', 2));
                return text;
            }
            if (const double* a = scalar("accuracy"))
                return NodeItem::tr("accuracy %1").arg(QString::number(*a, 'f', 3));
            if (const double* r2 = scalar("r2"))
                return NodeItem::tr("R² %1").arg(QString::number(*r2, 'f', 3));
            if (const double* k = scalar("suggested_k"))
                return NodeItem::tr("suggested k = %1").arg(number(*k));
            if (const double* eps = scalar("suggested_eps"))
                return NodeItem::tr("suggested eps = %1").arg(number(*eps));
            if (const auto* variance = metrics.matrix("explained_variance");
                variance && !variance->rowLabels.empty() && variance->columnLabels.size() >= 3) {
                const size_t last = variance->rowLabels.size() - 1;
                return NodeItem::tr("%n components, %1% variance", nullptr, int(last + 1))
                    .arg(QString::number(variance->at(last, 2) * 100, 'f', 1));
            }
            if (!metrics.scalars.empty())
                return QStringLiteral("%1 %2").arg(QString::fromStdString(metrics.scalars[0].first),
                                                   number(metrics.scalars[0].second));
        }
    for (const auto& [port, value] : result.outputs)
        if (const auto* m = std::get_if<std::shared_ptr<const core::Model>>(&value)) {
            for (const auto& [name, v] : (*m)->trainingMetrics)
                if (name == "iterations" || name == "n_iter")
                    return NodeItem::tr("trained in %n iterations", nullptr, int(v));
            if (!(*m)->trainingMetrics.empty())
                return QStringLiteral("%1 %2").arg(
                    QString::fromStdString((*m)->trainingMetrics[0].first),
                    number((*m)->trainingMetrics[0].second));
            return NodeItem::tr("trained");
        }
    for (const auto& [port, value] : result.outputs)
        if (const auto* t = std::get_if<std::shared_ptr<const core::Table>>(&value))
            return NodeItem::tr("%1 rows × %2 columns")
                .arg(QLocale().toString(qulonglong((*t)->rowCount())))
                .arg((*t)->columnCount());
    return {};
}

NodeItem::NodeItem(const core::Node& node, const core::NodeSpec* spec, QGraphicsItem* parent)
    : QGraphicsObject(parent), m_id(QString::fromStdString(node.id)) {
    m_typeTitle = spec ? trCore(spec->title) : QString::fromStdString(node.type);
    if (spec) {
        m_category = spec->category;
        m_inputs = spec->inputs;
        m_outputs = spec->outputs;
        m_help = trCore(spec->help);
    }
    m_icon = categoryIcon(m_category);
    setTitle(QString::fromStdString(node.title));
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    for (const auto& in : m_inputs) m_ports.push_back(new PortItem(m_id, in, false, this));
    for (const auto& out : m_outputs) m_ports.push_back(new PortItem(m_id, out, true, this));
    layoutPorts();
    setModelPosition({node.position.x, node.position.y});
}

void NodeItem::layoutPorts() {
    int in = 0, out = 0;
    for (PortItem* port : m_ports) {
        const int row = port->isOutput() ? out++ : in++;
        port->setPos(port->isOutput() ? kWidth : 0, kHeaderHeight + kPortSpacing * (row + 0.5));
    }
}

void NodeItem::setTitle(const QString& userTitle) {
    m_title = userTitle.isEmpty() ? m_typeTitle : userTitle;
    updateToolTip();
    update();
}

void NodeItem::setModelPosition(QPointF position) {
    m_fromModel = true;
    setPos(position);
    m_fromModel = false;
}

qreal NodeItem::height() const {
    const size_t ports = std::max(m_inputs.size(), m_outputs.size());
    return kHeaderHeight + kPortSpacing * qreal(std::max<size_t>(ports, 1)) +
           (m_summary.isEmpty() ? 6 : kSummaryHeight + 2);
}

QRectF NodeItem::boundingRect() const { return QRectF(-2, -2, kWidth + 4, height() + 4); }

PortItem* NodeItem::port(const std::string& name, bool output) const {
    for (PortItem* p : m_ports)
        if (p->isOutput() == output && p->spec().name == name) return p;
    return nullptr;
}

QPointF NodeItem::portPosition(const std::string& name, bool output) const {
    if (const PortItem* p = port(name, output)) return p->scenePos();
    return mapToScene(QPointF(output ? kWidth : 0, kHeaderHeight / 2));
}

QString NodeItem::badgeText() const {
    switch (m_state) {
    case core::NodeState::Stale: return tr("stale");
    case core::NodeState::Running:
        return m_progress >= 0 ? tr("running %1%").arg(int(std::round(m_progress * 100)))
                               : tr("running");
    case core::NodeState::Done: return tr("done");
    case core::NodeState::Failed: return tr("failed");
    case core::NodeState::Idle: break;
    }
    return {};
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(0, 0, kWidth, height());
    const QColor band = categoryColor(m_category);
    // Shadow, card, then the selection outline.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 28));
    painter->drawRoundedRect(card.translated(1.5, 2), 7, 7);
    painter->setBrush(QColor(0xfd, 0xfd, 0xfd));
    painter->setPen(isSelected() ? QPen(QColor(0x30, 0x80, 0xe0), 2.5)
                                 : QPen(QColor(0xb8, 0xbc, 0xc4), 1));
    painter->drawRoundedRect(card, 7, 7);

    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, kWidth, kHeaderHeight - 6), 7, 7);
    header.addRect(QRectF(0, 10, kWidth, kHeaderHeight - 16));
    QColor tint = band;
    tint.setAlpha(40);
    painter->fillPath(header.simplified(), tint);
    painter->fillRect(QRectF(0, kHeaderHeight - 6, kWidth, 1), QColor(0xd8, 0xdb, 0xe0));
    m_icon.paint(painter, QRect(8, 9, 22, 22));

    // Badge at the top right; the title gets what is left.
    QFont small = painter->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QString badge = badgeText();
    qreal badgeWidth = 0;
    if (!badge.isEmpty()) {
        const QFontMetricsF fm(small);
        badgeWidth = fm.horizontalAdvance(badge) + 12;
        const QRectF pill(kWidth - 6 - badgeWidth, 4, badgeWidth, fm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColor(m_state));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(small);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, badge);
    }
    QFont bold = painter->font();
    bold.setPointSizeF(small.pointSizeF() / 0.85);
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const qreal titleLeft = 36;
    const bool renamed = m_title != m_typeTitle;
    const qreal firstLineWidth = kWidth - titleLeft - 6 - (badgeWidth > 0 ? badgeWidth + 4 : 0);
    const QRectF titleRect(titleLeft, renamed ? 5 : 0, firstLineWidth,
                           renamed ? 18 : kHeaderHeight - 6);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(bold).elidedText(m_title, Qt::ElideRight, titleRect.width()));
    if (renamed) {
        painter->setFont(small);
        painter->setPen(QColor(0x60, 0x60, 0x60));
        const QRectF sub(titleLeft, 22, kWidth - titleLeft - 6, 14);
        painter->drawText(sub, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(small).elidedText(m_typeTitle, Qt::ElideRight, sub.width()));
    }

    // Port labels: the name, then its type in grey when there is room.
    painter->setFont(small);
    const QFontMetricsF fm(small);
    for (const PortItem* port : m_ports) {
        const bool out = port->isOutput();
        const qreal y = port->pos().y();
        const QRectF area(out ? kWidth / 2 : 11, y - 9, kWidth / 2 - 11 - (out ? 0 : 0), 18);
        const QString label = trCore(port->spec().label);
        const QString type = portTypeName(port->spec().type);
        const qreal labelWidth = fm.horizontalAdvance(label);
        const qreal typeWidth = fm.horizontalAdvance(type) + 5;
        const bool withType = labelWidth + typeWidth <= area.width();
        const QString shown = fm.elidedText(label, Qt::ElideRight, area.width());
        painter->setPen(QColor(0x30, 0x30, 0x30));
        if (out) {
            const QRectF labelRect = area.adjusted(0, 0, -11, 0);
            painter->drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, shown);
            if (withType) {
                painter->setPen(QColor(0x90, 0x90, 0x90));
                painter->drawText(labelRect.adjusted(0, 0, -labelWidth - 5, 0),
                                  Qt::AlignRight | Qt::AlignVCenter, type);
            }
        } else {
            painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, shown);
            if (withType) {
                painter->setPen(QColor(0x90, 0x90, 0x90));
                painter->drawText(area.adjusted(labelWidth + 5, 0, 0, 0),
                                  Qt::AlignLeft | Qt::AlignVCenter, type);
            }
        }
    }

    if (m_state == core::NodeState::Running && m_progress >= 0) {
        painter->setPen(QPen(stateColor(m_state), 3, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(QPointF(6, height() - 3),
                          QPointF(6 + (kWidth - 12) * m_progress, height() - 3));
    }
    if (!m_summary.isEmpty()) {
        const QRectF area(8, height() - kSummaryHeight - 2, kWidth - 16, kSummaryHeight);
        painter->setPen(QColor(0xe4, 0xe6, 0xea));
        painter->drawLine(area.topLeft(), area.topRight());
        QFont summaryFont = small;
        summaryFont.setBold(true);
        painter->setFont(summaryFont);
        painter->setPen(m_state == core::NodeState::Stale ? QColor(0x90, 0x90, 0x90)
                                                          : QColor(0x1f, 0x6f, 0x3a));
        painter->drawText(area, Qt::AlignCenter,
                          QFontMetricsF(summaryFont).elidedText(m_summary, Qt::ElideRight,
                                                                area.width()));
    }
}

void NodeItem::updateToolTip() {
    QString tip = QStringLiteral("<b>%1</b> (%2)").arg(m_title.toHtmlEscaped(), m_id);
    if (!m_help.isEmpty()) tip += "<br>" + m_help.toHtmlEscaped();
    if (!m_error.isEmpty())
        tip += QStringLiteral("<br><span style='color:#c03030'>%1</span>")
                   .arg(m_error.toHtmlEscaped());
    setToolTip(tip);
}

void NodeItem::setResult(const core::NodeResult& result) {
    prepareGeometryChange();
    m_state = result.state;
    m_progress = -1;
    m_error = result.error ? trNodeError(result) : QString();
    if (result.state == core::NodeState::Done) m_summary = resultSummary(result);
    else if (result.state != core::NodeState::Running) m_summary.clear();
    updateToolTip();
    update();
}

void NodeItem::setProgress(double fraction) {
    m_state = core::NodeState::Running;
    m_progress = fraction;
    update();
}

void NodeItem::setStale() {
    if (m_state == core::NodeState::Idle || m_state == core::NodeState::Stale) return;
    m_state = core::NodeState::Stale;
    m_progress = -1;
    update();
}

void NodeItem::clearResult() {
    prepareGeometryChange();
    m_state = core::NodeState::Idle;
    m_progress = -1;
    m_error.clear();
    m_summary.clear();
    updateToolTip();
    update();
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange && !m_fromModel) {
        const auto* pipeline = qobject_cast<PipelineScene*>(scene());
        if (pipeline && pipeline->snapToGrid()) {
            const qreal grid = PipelineScene::kGrid;
            const QPointF p = value.toPointF();
            return QPointF(std::round(p.x() / grid) * grid, std::round(p.y() / grid) * grid);
        }
    }
    if (change == ItemPositionHasChanged) Q_EMIT moved();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace oficina::ui

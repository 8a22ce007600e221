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
constexpr qreal kBadgeOverhang = 14;

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

QString number(double value) { return localNumber(value, 'g', 3); }
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
            if (const double *passed = scalar("gates_passed"), *failed = scalar("gates_failed");
                passed && failed)
                return NodeItem::tr("%1 of %n gates passed", nullptr, int(*passed + *failed))
                    .arg(int(*passed));
            if (const double* k = scalar("n_clusters")) {
                QString text = NodeItem::tr("k = %1").arg(number(*k));
                if (const double* s = scalar("silhouette"); s && std::isfinite(*s))
                    text += NodeItem::tr(", silhouette %1").arg(localNumber(*s, 'f', 2));
                return text;
            }
            if (const double* a = scalar("accuracy"))
                return NodeItem::tr("accuracy %1").arg(localNumber(*a, 'f', 3));
            if (const double* r2 = scalar("r2"))
                return NodeItem::tr("R² %1").arg(localNumber(*r2, 'f', 3));
            if (const double* kb = scalar("file_size_kb"))
                return NodeItem::tr("ONNX written, %1 KB").arg(localNumber(*kb, 'f', 1));
            if (const double* k = scalar("suggested_k"))
                return NodeItem::tr("suggested k = %1").arg(number(*k));
            if (const double* eps = scalar("suggested_eps"))
                return NodeItem::tr("suggested eps = %1").arg(number(*eps));
            if (const auto* variance = metrics.matrix("explained_variance");
                variance && !variance->rowLabels.empty() && variance->columnLabels.size() >= 3) {
                const size_t last = variance->rowLabels.size() - 1;
                return NodeItem::tr("%n components, %1% variance", nullptr, int(last + 1))
                    .arg(localNumber(variance->at(last, 2) * 100, 'f', 1));
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
                else if (name == "epochs")
                    return NodeItem::tr("trained for %n epochs", nullptr, int(v));
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

bool resultSummaryFails(const core::NodeResult& result) {
    for (const auto& [port, value] : result.outputs)
        if (const auto* m = std::get_if<std::shared_ptr<const core::Metrics>>(&value))
            if (const double* passed = (*m)->scalar("passed");
                passed && (*m)->scalar("gates_passed"))
                return *passed == 0;
    return false;
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

qreal NodeItem::heightFor(size_t ports, bool withSummary) {
    return kHeaderHeight + kPortSpacing * qreal(std::max<size_t>(ports, 1)) +
           (withSummary ? kSummaryHeight + 2 : 6);
}

qreal NodeItem::height() const {
    return heightFor(std::max(m_inputs.size(), m_outputs.size()), !m_summary.isEmpty());
}

QRectF NodeItem::boundingRect() const {
    // The status badge overhangs the top edge.
    return QRectF(-2, -kBadgeOverhang, kWidth + 4, height() + kBadgeOverhang + 2);
}

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

NodeItem::Fonts NodeItem::fonts(const QFont& base) {
    // Sized from the view's font so the cards follow the desktop's text size; the smallest
    // text stays at 90 % (about 11 px on a 9 pt desktop), readable at 100 % zoom.
    Fonts f{base, base, base, base};
    f.title.setBold(true);
    f.port.setPointSizeF(base.pointSizeF() * 0.9);
    f.summary = f.port;
    f.summary.setBold(true);
    f.badge.setPointSizeF(base.pointSizeF() * 0.8);
    f.badge.setBold(true);
    return f;
}

QRectF NodeItem::badgeRect(const QFont& badgeFont) const {
    const QString badge = badgeText();
    if (badge.isEmpty()) return {};
    const QFontMetricsF fm(badgeFont);
    const qreal width = fm.horizontalAdvance(badge) + 14;
    const qreal height = fm.height() + 2;
    // Straddles the card's top edge, so the title keeps the header's whole width.
    return {kWidth - 10 - width, -height / 2, width, height};
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const Fonts font = fonts(painter->font());
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
    paintTitle(painter, font);
    paintPorts(painter, font.port);

    if (const QRectF pill = badgeRect(font.badge); !pill.isEmpty()) {
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(stateColor(m_state));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(font.badge);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, badgeText());
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
        painter->setFont(font.summary);
        painter->setPen(summaryColor());
        painter->drawText(area, Qt::AlignCenter,
                          QFontMetricsF(font.summary)
                              .elidedText(m_summary, Qt::ElideRight, area.width()));
    }
}

QColor NodeItem::summaryColor() const {
    if (m_state == core::NodeState::Stale) return QColor(0x90, 0x90, 0x90);
    return m_summaryFails ? QColor(0xb0, 0x24, 0x24) : QColor(0x1f, 0x6f, 0x3a);
}

void NodeItem::paintTitle(QPainter* painter, const Fonts& font) const {
    constexpr qreal left = 36;
    const qreal width = kWidth - left - 8;
    painter->setFont(font.title);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const QFontMetricsF titleMetrics(font.title);
    if (m_title != m_typeTitle) {
        // Renamed: the user's name, and the node type's underneath.
        const QRectF titleRect(left, 3, width, 19);
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          titleMetrics.elidedText(m_title, Qt::ElideRight, width));
        painter->setFont(font.port);
        painter->setPen(QColor(0x60, 0x60, 0x60));
        const QRectF sub(left, 21, width, 16);
        painter->drawText(sub, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(font.port).elidedText(m_typeTitle, Qt::ElideRight, width));
        return;
    }
    // A long type name ("Select columns & set target") wraps onto a second line before eliding.
    const QRectF titleRect(left, 0, width, kHeaderHeight - 6);
    const QRectF wrapped = titleMetrics.boundingRect(titleRect, Qt::TextWordWrap, m_title);
    if (titleMetrics.horizontalAdvance(m_title) > width &&
        wrapped.height() <= 2 * titleMetrics.lineSpacing() + 1 && wrapped.width() <= width)
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_title);
    else
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          titleMetrics.elidedText(m_title, Qt::ElideRight, width));
}

void NodeItem::paintPorts(QPainter* painter, const QFont& portFont) const {
    // An input and an output on one row share the card's width by need: each label gets what
    // the other leaves (at least half), and the grey type names show only where both fit.
    painter->setFont(portFont);
    const QFontMetricsF fm(portFont);
    constexpr qreal inset = 11, gap = 8;
    const qreal total = kWidth - 2 * inset - gap;
    const auto label = [](const PortItem* p) { return trCore(p->spec().label); };
    const auto type = [&](const PortItem* p) {
        const QString name = portTypeName(p->spec().type);
        return label(p).compare(name, Qt::CaseInsensitive) == 0 ? QString() : name;
    };
    const auto need = [&](const PortItem* p, bool withType) {
        const QString t = type(p);
        return fm.horizontalAdvance(label(p)) +
               (withType && !t.isEmpty() ? fm.horizontalAdvance(t) + 5 : 0);
    };
    for (const PortItem* port : m_ports) {
        const bool out = port->isOutput();
        const qreal y = port->pos().y();
        const PortItem* partner = nullptr;
        for (const PortItem* other : m_ports)
            if (other->isOutput() != out && qFuzzyCompare(other->pos().y(), y)) partner = other;
        const qreal room =
            partner ? std::max(total / 2, total - need(partner, false)) : total;
        const bool withType = !type(port).isEmpty() &&
                              need(port, true) + (partner ? need(partner, true) : 0) <= total;
        const QRectF area(out ? kWidth - inset - room : inset, y - 9, room, 18);
        const Qt::Alignment align = (out ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
        painter->setPen(QColor(0x30, 0x30, 0x30));
        painter->drawText(area, align, fm.elidedText(label(port), Qt::ElideRight, room));
        if (withType) {
            painter->setPen(QColor(0x80, 0x80, 0x80));
            const qreal skip = fm.horizontalAdvance(label(port)) + 5;
            painter->drawText(out ? area.adjusted(0, 0, -skip, 0) : area.adjusted(skip, 0, 0, 0),
                              align, type(port));
        }
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
    if (result.state == core::NodeState::Done) {
        m_summary = resultSummary(result);
        m_summaryFails = resultSummaryFails(result);
    } else if (result.state != core::NodeState::Running) {
        m_summary.clear();
    }
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
        if (pipeline && pipeline->snapToGrid()) return PipelineScene::snapped(value.toPointF());
    }
    if (change == ItemPositionHasChanged) Q_EMIT moved();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace oficina::ui

#pragma once

#include "pipeline/Executor.h"
#include "pipeline/NodeSpec.h"

#include <QGraphicsObject>
#include <QFont>
#include <QIcon>

namespace oficina::core {
struct Node;
}

namespace oficina::ui {

class PortItem;

/// A node card: category colour band and icon, title, typed ports, a status badge (stale,
/// running with %, done, failed with the message as tooltip) and a one-line result summary.
/// Movable and selectable; snaps to the scene's grid while dragged.
class NodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    NodeItem(const core::Node& node, const core::NodeSpec* spec, QGraphicsItem* parent = nullptr);

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    [[nodiscard]] const QString& id() const { return m_id; }
    [[nodiscard]] const QString& title() const { return m_title; }
    /// The port item, or nullptr.
    [[nodiscard]] PortItem* port(const std::string& name, bool output) const;
    [[nodiscard]] const std::vector<PortItem*>& ports() const { return m_ports; }
    /// Scene position of a port's connection point.
    [[nodiscard]] QPointF portPosition(const std::string& port, bool output) const;

    void setTitle(const QString& userTitle);
    /// Moves the card to the model's position, without snapping.
    void setModelPosition(QPointF position);
    void setResult(const core::NodeResult& result);
    void setProgress(double fraction);
    /// Marks the results as out of date (the graph changed since they were computed).
    void setStale();
    void clearResult();
    [[nodiscard]] core::NodeState state() const { return m_state; }
    [[nodiscard]] const QString& summary() const { return m_summary; }
    /// The summary's colour: green, red when it reports failed gates, grey when stale.
    [[nodiscard]] QColor summaryColor() const;
    [[nodiscard]] QString badgeText() const;

    static constexpr qreal kWidth = 200;
    static constexpr int Type = UserType + 1;
    /// The height of a card with `ports` rows of ports (the larger side), and a summary line or
    /// not.
    [[nodiscard]] static qreal heightFor(size_t ports, bool withSummary);
    [[nodiscard]] int type() const override { return Type; }

Q_SIGNALS:
    /// While the user drags it (for the links to follow).
    void moved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    struct Fonts {
        QFont title, port, summary, badge;
    };
    [[nodiscard]] static Fonts fonts(const QFont& base);
    [[nodiscard]] QRectF badgeRect(const QFont& badgeFont) const;
    void paintTitle(QPainter* painter, const Fonts& font) const;
    void paintPorts(QPainter* painter, const QFont& portFont) const;
    [[nodiscard]] qreal height() const;
    void layoutPorts();
    void updateToolTip();

    QString m_id;
    QString m_title;
    QString m_typeTitle;
    QString m_help;
    QIcon m_icon;
    core::Category m_category = core::Category::Data;
    std::vector<core::PortSpec> m_inputs;
    std::vector<core::PortSpec> m_outputs;
    std::vector<PortItem*> m_ports;
    core::NodeState m_state = core::NodeState::Idle;
    double m_progress = -1;
    QString m_error;
    QString m_summary;
    bool m_summaryFails = false;
    bool m_fromModel = false;
};

QColor categoryColor(core::Category category);
/// The category's icon from the resources (":/icons/category/<key>.svg").
QIcon categoryIcon(core::Category category);
/// A short line about a node's outputs for its card: "accuracy 0.953", "k = 3, silhouette
/// 0.55", "R² 0.91", "2 of 3 gates passed", "150 rows × 5 columns"; empty when there is
/// nothing to say.
QString resultSummary(const core::NodeResult& result);
/// Whether that line reports a failure: a Gate whose rules did not all pass.
bool resultSummaryFails(const core::NodeResult& result);

} // namespace oficina::ui

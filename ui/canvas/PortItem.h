#pragma once

#include "pipeline/NodeSpec.h"

#include <QGraphicsItem>

namespace oficina::ui {

/// A port's connection point on a node card. Its shape tells the port's type (circle: table,
/// diamond: model, square: metrics); while a link is dragged it shows whether it may take it.
class PortItem : public QGraphicsItem {
public:
    enum class Highlight { None, Compatible, Incompatible };

    PortItem(QString node, core::PortSpec spec, bool output, QGraphicsItem* parent);

    [[nodiscard]] QRectF boundingRect() const override;
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    [[nodiscard]] const QString& node() const { return m_node; }
    [[nodiscard]] const core::PortSpec& spec() const { return m_spec; }
    [[nodiscard]] bool isOutput() const { return m_output; }
    /// Scene position of the point where links attach.
    [[nodiscard]] QPointF anchor() const { return scenePos(); }
    void setHighlight(Highlight highlight, const QString& reason = {});
    [[nodiscard]] Highlight highlight() const { return m_highlight; }

    static constexpr int Type = UserType + 2;
    [[nodiscard]] int type() const override { return Type; }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void updateToolTip();

    QString m_node;
    core::PortSpec m_spec;
    bool m_output;
    bool m_hovered = false;
    Highlight m_highlight = Highlight::None;
    QString m_reason;
};

/// Fill colour of a port type, shared by ports and links.
QColor portColor(core::PortType type);
/// "table", "model", "metrics", translated.
QString portTypeName(core::PortType type);

} // namespace oficina::ui

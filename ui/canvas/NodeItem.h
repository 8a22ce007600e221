#pragma once

#include "pipeline/Executor.h"
#include "pipeline/NodeSpec.h"

#include <QGraphicsObject>

namespace oficina::core {
struct Node;
}

namespace oficina::ui {

/// A node card: category colour band, title, typed ports, and a status badge.
class NodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    NodeItem(const core::Node& node, const core::NodeSpec* spec, QGraphicsItem* parent = nullptr);

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    /// Scene position of a port's connection point.
    [[nodiscard]] QPointF portPosition(const std::string& port, bool output) const;
    void setResult(const core::NodeResult& result);
    void setProgress(double fraction);
    void clearResult();

    static constexpr qreal kWidth = 170;

private:
    [[nodiscard]] qreal height() const;

    QString m_title;
    QString m_typeTitle;
    core::Category m_category = core::Category::Data;
    std::vector<core::PortSpec> m_inputs;
    std::vector<core::PortSpec> m_outputs;
    core::NodeState m_state = core::NodeState::Idle;
    double m_progress = -1;
};

QColor categoryColor(core::Category category);

} // namespace oficina::ui

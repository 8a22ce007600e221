#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QScatterSeries>

#include <vector>

class QChart;
class QValueAxis;

namespace oficina::ui {

/// Many scatter points painted by one graphics item inside a chart's plot area. Qt Charts'
/// plain (non-OpenGL) scatter series makes one graphics item per point, which takes seconds
/// for 20,000 points; this paints 100,000 in tens of milliseconds. The chart's (empty) series
/// still provide the legend and the axes.
class PointCloudItem final : public QGraphicsItem {
public:
    struct Group {
        QColor color;
        QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeCircle;
        qreal size = 6;
        QList<QPointF> points;
        QString name;
    };

    PointCloudItem(QChart* chart, QValueAxis* x, QValueAxis* y);
    ~PointCloudItem() override;

    void setGroups(std::vector<Group> groups);
    [[nodiscard]] int pointCount() const;
    /// Points of the group called `name` (0 if none).
    [[nodiscard]] int pointCount(const QString& name) const;
    /// Call when the plot area or the axis ranges changed.
    void relayout();

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    QChart* m_chart;
    QValueAxis* m_x;
    QValueAxis* m_y;
    std::vector<Group> m_groups;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace oficina::ui

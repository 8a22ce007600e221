#include "charts/PointCloudItem.h"

#include <QChart>
#include <QImage>
#include <QPainter>
#include <QPixmap>

#include <cmath>
#include <QPolygonF>
#include <QValueAxis>

namespace oficina::ui {

PointCloudItem::PointCloudItem(QChart* chart, QValueAxis* x, QValueAxis* y)
    : QGraphicsItem(chart), m_chart(chart), m_x(x), m_y(y) {
    setZValue(10);  // above the plot area's background and grid
    m_connections << QObject::connect(chart, &QChart::plotAreaChanged, chart,
                                      [this] { relayout(); })
                  << QObject::connect(x, &QValueAxis::rangeChanged, chart, [this] { relayout(); })
                  << QObject::connect(y, &QValueAxis::rangeChanged, chart, [this] { relayout(); });
}

PointCloudItem::~PointCloudItem() {
    // Not a QObject: the lambdas would outlive the item without this.
    for (const auto& c : m_connections) QObject::disconnect(c);
}

int PointCloudItem::pointCount(const QString& name) const {
    int n = 0;
    for (const Group& g : m_groups) n += g.name == name ? int(g.points.size()) : 0;
    return n;
}

void PointCloudItem::setGroups(std::vector<Group> groups) {
    m_groups = std::move(groups);
    relayout();
}

int PointCloudItem::pointCount() const {
    int n = 0;
    for (const Group& g : m_groups) n += int(g.points.size());
    return n;
}

void PointCloudItem::relayout() {
    prepareGeometryChange();
    update();
}

QRectF PointCloudItem::boundingRect() const { return m_chart->plotArea(); }

void PointCloudItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF area = m_chart->plotArea();
    const double xSpan = m_x->max() - m_x->min(), ySpan = m_y->max() - m_y->min();
    if (area.isEmpty() || !(xSpan > 0) || !(ySpan > 0)) return;
    painter->save();
    painter->setClipRect(area);
    // Small markers need no antialiasing, and without it painting is several times faster.
    painter->setRenderHint(QPainter::Antialiasing, pointCount() < 5000);
    const double sx = area.width() / xSpan, sy = area.height() / ySpan;
    QPolygonF mapped;
    for (const Group& g : m_groups) {
        const qreal r = g.size / 2;
        mapped.resize(g.points.size());
        for (qsizetype i = 0; i < g.points.size(); ++i)
            mapped[i] = QPointF(area.left() + (g.points[i].x() - m_x->min()) * sx,
                                area.bottom() - (g.points[i].y() - m_y->min()) * sy);
        if (g.shape == QScatterSeries::MarkerShapeCircle ||
            g.shape == QScatterSeries::MarkerShapeRectangle) {
            // A marker drawn once and blitted per point: painting each one is ~50× slower.
            const int side = int(std::ceil(g.size)) + 1;
            QImage sprite(side, side, QImage::Format_ARGB32_Premultiplied);
            sprite.fill(Qt::transparent);
            {
                QPainter sp(&sprite);
                sp.setRenderHint(QPainter::Antialiasing);
                sp.setPen(Qt::NoPen);
                sp.setBrush(g.color);
                if (g.shape == QScatterSeries::MarkerShapeCircle)
                    sp.drawEllipse(QRectF(0.5, 0.5, g.size, g.size));
                else
                    sp.fillRect(QRectF(0.5, 0.5, g.size, g.size), g.color);
            }
            const QPixmap pixmap = QPixmap::fromImage(sprite);
            const qreal half = side / 2.0;
            for (const QPointF& c : mapped)
                painter->drawPixmap(QPointF(std::round(c.x() - half), std::round(c.y() - half)),
                                    pixmap);
            continue;
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(g.color);
        for (const QPointF& c : mapped) {
            if (g.shape == QScatterSeries::MarkerShapeTriangle)
                painter->drawPolygon(QPolygonF{{c.x(), c.y() - r}, {c.x() + r, c.y() + r},
                                               {c.x() - r, c.y() + r}});
            else
                painter->drawPolygon(QPolygonF{{c.x(), c.y() - r}, {c.x() + r, c.y()},
                                               {c.x(), c.y() + r}, {c.x() - r, c.y()}});
        }
    }
    painter->restore();
}

} // namespace oficina::ui

#include "teach/KMeansStepView.h"

#include "Translate.h"
#include "charts/ChartColors.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

class KMeansStepView::Canvas final : public QWidget {
public:
    explicit Canvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(320, 280);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }
    QSize sizeHint() const override { return {560, 460}; }

    QList<QPointF> points;
    std::vector<int32_t> labels;
    QList<QList<QPointF>> paths; // per centre, its positions after each move; last = now
    qsizetype stride = 1;        // one row drawn in every `stride`
    QString xTitle, yTitle;
    QRectF range; // data bounds, padded

    void updateRange() {
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        const auto widen = [&](QPointF p) {
            x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
        };
        for (const QPointF& p : points)
            widen(p);
        for (const auto& path : paths)
            for (const QPointF& p : path)
                widen(p);
        if (!(x0 <= x1)) x0 = 0, x1 = 1, y0 = 0, y1 = 1;
        const double padX = x1 > x0 ? (x1 - x0) * 0.05 : 1.0;
        const double padY = y1 > y0 ? (y1 - y0) * 0.05 : 1.0;
        range = QRectF(QPointF(x0 - padX, y0 - padY), QPointF(x1 + padX, y1 + padY));
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFontMetrics fm = fontMetrics();
        const int line = fm.height();
        const auto number = [](double v) { return localNumber(v, 'g', 4); };
        const int axis = std::max(fm.horizontalAdvance(number(range.bottom())),
                                  fm.horizontalAdvance(number(range.top()))) +
                         8;
        const QRectF plot(axis + line, 4, width() - axis - line - 8, height() - 2 * line - 10);
        const auto map = [&](QPointF v) {
            return QPointF(plot.left() + (v.x() - range.left()) / range.width() * plot.width(),
                           plot.bottom() - (v.y() - range.top()) / range.height() * plot.height());
        };
        p.setPen(QPen(QColor(60, 60, 60), 0.6));
        for (qsizetype i = 0; i < points.size(); ++i) {
            const int32_t label = size_t(i) < labels.size() ? labels[size_t(i)] : -1;
            p.setBrush(label < 0 ? noiseColor() : categoryColor(label));
            p.drawEllipse(map(points[i]), 3.5, 3.5);
        }
        // Paths first, then the markers on top of every path.
        for (qsizetype c = 0; c < paths.size(); ++c) {
            const auto& path = paths[c];
            const QColor colour = categoryColor(int(c)).darker(140);
            if (path.size() >= 2) {
                p.setPen(QPen(colour, 1.5, Qt::DashLine));
                for (qsizetype i = 0; i + 2 < path.size(); ++i)
                    p.drawLine(map(path[i]), map(path[i + 1]));
                // The latest move, solid, with an arrow head at the new position.
                const QPointF from = map(path[path.size() - 2]), to = map(path.back());
                p.setPen(QPen(colour, 2.5));
                p.drawLine(from, to);
                const QPointF d = to - from;
                const double length = std::hypot(d.x(), d.y());
                if (length > 12) {
                    const QPointF u = d / length, n(-u.y(), u.x());
                    const QPointF tip = to - u * 11;
                    p.setBrush(colour);
                    p.drawPolygon(QPolygonF{tip, tip - u * 9 + n * 5, tip - u * 9 - n * 5});
                }
            }
        }
        for (qsizetype c = 0; c < paths.size(); ++c) {
            if (paths[c].isEmpty()) continue;
            const QPointF at = map(paths[c].back());
            p.setPen(QPen(Qt::black, 2));
            p.setBrush(categoryColor(int(c)));
            QPainterPath star; // a large diamond: unlike any data point
            star.moveTo(at + QPointF(0, -11));
            star.lineTo(at + QPointF(11, 0));
            star.lineTo(at + QPointF(0, 11));
            star.lineTo(at + QPointF(-11, 0));
            star.closeSubpath();
            p.drawPath(star);
            p.setPen(QPen(Qt::white, 2));
            p.drawLine(at + QPointF(-4, 0), at + QPointF(4, 0));
            p.drawLine(at + QPointF(0, -4), at + QPointF(0, 4));
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(palette().color(QPalette::Text));
        p.drawRect(plot);
        const QRectF below(plot.left(), plot.bottom() + 2, plot.width(), line);
        p.drawText(below, Qt::AlignLeft, number(range.left()));
        p.drawText(below, Qt::AlignRight, number(range.right()));
        p.drawText(below.translated(0, line), Qt::AlignHCenter, xTitle);
        p.drawText(QRectF(line, plot.top(), axis - 4, line), Qt::AlignRight,
                   number(range.bottom()));
        p.drawText(QRectF(line, plot.bottom() - line, axis - 4, line), Qt::AlignRight,
                   number(range.top()));
        p.save();
        p.translate(line / 2.0 + 2, plot.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-plot.height() / 2, -line / 2.0, plot.height(), line), Qt::AlignCenter,
                   yTitle);
        p.restore();
    }
};

KMeansStepView::KMeansStepView(QWidget* parent) : ChartView(parent) {
    setTitle(tr("K-Means, step by step"));
    m_canvas = new Canvas(this);
    useCanvas(m_canvas);
}

KMeansStepView::~KMeansStepView() = default;

void KMeansStepView::setPoints(QList<QPointF> points, const QString& xTitle,
                               const QString& yTitle) {
    // The view is for data a person can follow; a few thousand points are plenty to read it,
    // and painting more each step would slow the animation.
    m_canvas->stride = std::max<qsizetype>(1, points.size() / 5000);
    if (m_canvas->stride > 1) {
        QList<QPointF> sampled;
        for (qsizetype i = 0; i < points.size(); i += m_canvas->stride)
            sampled.append(points[i]);
        points = std::move(sampled);
    }
    m_canvas->points = std::move(points);
    m_canvas->labels.clear();
    m_canvas->paths.clear();
    m_canvas->xTitle = xTitle;
    m_canvas->yTitle = yTitle;
    m_canvas->updateRange();
    m_canvas->update();
}

void KMeansStepView::setState(const std::vector<int32_t>& labels, const QList<QPointF>& centers) {
    m_canvas->labels.clear();
    for (size_t i = 0; i < labels.size(); i += size_t(m_canvas->stride))
        m_canvas->labels.push_back(labels[i]);
    auto& paths = m_canvas->paths;
    paths.resize(centers.size());
    for (qsizetype c = 0; c < centers.size(); ++c)
        if (paths[c].isEmpty() || paths[c].back() != centers[c]) paths[c].append(centers[c]);
    m_canvas->updateRange();
    m_canvas->update();
}

void KMeansStepView::clearPaths() {
    m_canvas->paths.clear();
    m_canvas->labels.clear();
    m_canvas->update();
}

QList<QPointF> KMeansStepView::centers() const {
    QList<QPointF> out;
    for (const auto& path : m_canvas->paths)
        out.append(path.isEmpty() ? QPointF() : path.back());
    return out;
}

QList<QPointF> KMeansStepView::path(int cluster) const {
    return cluster >= 0 && cluster < m_canvas->paths.size() ? m_canvas->paths[cluster]
                                                            : QList<QPointF>{};
}

int KMeansStepView::drawnPoints() const {
    return int(m_canvas->points.size());
}

} // namespace oficina::ui

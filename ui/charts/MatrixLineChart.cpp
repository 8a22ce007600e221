#include "charts/MatrixLineChart.h"

#include "charts/ChartColors.h"
#include "charts/MetricNames.h"
#include "eval/Metrics.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

MatrixLineChart::MatrixLineChart(const QString& title, QWidget* parent) : ChartView(parent) {
    setTitle(title);
    useChart();
}

MatrixLineChart::~MatrixLineChart() = default;

void MatrixLineChart::setMatrix(const core::LabeledMatrix& matrix, const char* xColumn,
                                const QStringList& left, const QStringList& right) {
    resetChart();
    QChart* c = chart();
    const auto index = [&](const std::string& name) {
        const auto it = std::find(matrix.columnLabels.begin(), matrix.columnLabels.end(), name);
        return it == matrix.columnLabels.end() ? -1 : int(it - matrix.columnLabels.begin());
    };
    const int xi = index(xColumn);
    if (xi < 0) return;
    auto* x = new QValueAxis;
    x->setTitleText(metricDisplayName(std::string(xColumn)));
    x->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(x, Qt::AlignBottom);
    double x0 = INFINITY, x1 = -INFINITY;
    int colour = 0;
    for (int side = 0; side < 2; ++side) {
        const QStringList& names = side == 0 ? left : right;
        QValueAxis* y = nullptr;
        double y0 = INFINITY, y1 = -INFINITY;
        for (const QString& name : names) {
            const int yi = index(name.toStdString());
            if (yi < 0) continue;
            if (!y) {
                y = new QValueAxis;
                y->setLabelFormat(QStringLiteral("%.6g"));
                y->setTitleText(names.size() == 1 ? metricDisplayName(name.toStdString()) : QString());
                c->addAxis(y, side == 0 ? Qt::AlignLeft : Qt::AlignRight);
            }
            auto* line = new QLineSeries;
            line->setName(metricDisplayName(name.toStdString()));
            QPen pen(categoryColor(colour++));
            pen.setWidthF(2);
            line->setPen(pen);
            line->setPointsVisible(matrix.rowLabels.size() <= 40);
            for (size_t r = 0; r < matrix.rowLabels.size(); ++r) {
                const double xv = matrix.at(r, size_t(xi)), yv = matrix.at(r, size_t(yi));
                if (std::isnan(xv) || std::isnan(yv)) continue;
                line->append(xv, yv);
                x0 = std::min(x0, xv), x1 = std::max(x1, xv);
                y0 = std::min(y0, yv), y1 = std::max(y1, yv);
            }
            c->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
        if (y && y0 <= y1) {
            const double pad = y1 > y0 ? (y1 - y0) * 0.05 : 1;
            y->setRange(y0 - pad, y1 + pad);
            y->applyNiceNumbers();
        }
    }
    if (x0 <= x1) x->setRange(x0, x1 > x0 ? x1 : x0 + 1);
}

namespace {

QValueAxis* axisAt(QChart* chart, Qt::Alignment where) {
    const auto axes = chart->axes(where == Qt::AlignBottom ? Qt::Horizontal : Qt::Vertical);
    for (QAbstractAxis* a : axes)
        if (a->alignment() == where) return qobject_cast<QValueAxis*>(a);
    return nullptr;
}

void addMarker(QChart* chart, QPointF a, QPointF b, const QString& name) {
    QValueAxis* x = axisAt(chart, Qt::AlignBottom);
    QValueAxis* y = axisAt(chart, Qt::AlignLeft);
    if (!x || !y) return;
    auto* line = new QLineSeries;
    line->setName(name);
    QPen pen(QColor(0x55, 0x55, 0x55));
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    line->append(a);
    line->append(b);
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
}

} // namespace

void MatrixLineChart::markX(double x, const QString& name) {
    if (QValueAxis* y = axisAt(chart(), Qt::AlignLeft))
        addMarker(chart(), {x, y->min()}, {x, y->max()}, name);
}

void MatrixLineChart::markY(double y, const QString& name) {
    if (QValueAxis* x = axisAt(chart(), Qt::AlignBottom))
        addMarker(chart(), {x->min(), y}, {x->max(), y}, name);
}

int MatrixLineChart::lineCount() const { return int(chart()->series().size()); }

} // namespace oficina::ui

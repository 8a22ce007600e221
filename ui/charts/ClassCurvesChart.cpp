#include "charts/ClassCurvesChart.h"

#include "charts/ChartColors.h"
#include "charts/MatrixColumn.h"
#include "eval/Metrics.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace oficina::ui {

double areaUnderCurve(const QList<QPointF>& points) {
    double area = 0;
    for (qsizetype i = 1; i < points.size(); ++i)
        area += (points[i].x() - points[i - 1].x()) * (points[i].y() + points[i - 1].y()) / 2;
    return area;
}

namespace {

QValueAxis* unitAxis(const QString& title) {
    auto* axis = new QValueAxis;
    axis->setRange(0, 1.02);  // a curve along 1.0 stays visible above the frame
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%.1f"));
    axis->setTitleText(title);
    return axis;
}

} // namespace

ClassCurvesChart::ClassCurvesChart(QWidget* parent) : ChartView(parent) { useChart(); }

ClassCurvesChart::~ClassCurvesChart() = default;

QStringList ClassCurvesChart::curveNames() const {
    QStringList names;
    const auto series = chart()->series();
    for (qsizetype i = 0; i < m_curves && i < series.size(); ++i) names << series[i]->name();
    return names;
}

int ClassCurvesChart::drawCurves(const core::Metrics& metrics, const std::string& prefix,
                                 const char* xColumn, const char* yColumn, const QString& xTitle,
                                 const QString& yTitle, const CurveName& name) {
    resetChart();
    QChart* c = chart();
    QValueAxis* x = unitAxis(xTitle);
    QValueAxis* y = unitAxis(yTitle);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    m_curves = 0;
    for (const auto& m : metrics.matrices) {
        if (m.name.rfind(prefix, 0) != 0) continue;
        const int xi = matrixColumn(m, xColumn), yi = matrixColumn(m, yColumn);
        if (xi < 0 || yi < 0) continue;
        QList<QPointF> points;
        points.reserve(qsizetype(m.rowLabels.size()));
        for (size_t r = 0; r < m.rowLabels.size(); ++r)
            points.append(QPointF(m.at(r, size_t(xi)), m.at(r, size_t(yi))));
        auto* series = new QLineSeries;
        series->setName(name(QString::fromStdString(m.name.substr(prefix.size())), points,
                             m_curves));
        QPen pen(categoryColor(m_curves));
        pen.setWidthF(2);
        series->setPen(pen);
        series->replace(points);
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        ++m_curves;
    }
    return m_curves;
}

void ClassCurvesChart::addReference(const QList<QPointF>& points, const QString& name) {
    auto* line = new QLineSeries;
    line->setName(name);
    line->replace(points);
    QPen dashed(QColor(0x88, 0x88, 0x88));
    dashed.setStyle(Qt::DashLine);
    line->setPen(dashed);
    chart()->addSeries(line);
    for (QAbstractAxis* axis : chart()->axes()) line->attachAxis(axis);
}

} // namespace oficina::ui

#include "charts/RunCurvesChart.h"

#include "charts/LossChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace oficina::ui {

RunCurvesChart::RunCurvesChart(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Curves"));
    QChart* c = useChart();
    m_stepAxis = new QValueAxis;
    m_stepAxis->setTitleText(tr("Step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(m_stepAxis, Qt::AlignBottom);
    m_valueAxis = new QValueAxis;
    m_valueAxis->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(m_valueAxis, Qt::AlignLeft);
}

RunCurvesChart::~RunCurvesChart() = default;

void RunCurvesChart::clear() {
    chart()->removeAllSeries();
}

void RunCurvesChart::addLine(const QString& name, const QColor& color, bool dashed,
                             const std::vector<QPointF>& points) {
    auto* line = new QLineSeries;
    line->setName(name);
    QPen pen(color);
    pen.setWidthF(1.5);
    if (dashed) pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    const std::vector<QPointF> shown = decimateForDisplay(points, LossChart::kMaxDrawn);
    line->replace(QList<QPointF>(shown.begin(), shown.end()));
    chart()->addSeries(line);
    line->attachAxis(m_stepAxis);
    line->attachAxis(m_valueAxis);
}

void RunCurvesChart::finish(const QString& valueTitle) {
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin;
    for (QAbstractSeries* series : chart()->series())
        for (const QPointF& p : static_cast<QLineSeries*>(series)->points()) {
            if (!std::isfinite(p.y())) continue;
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
    m_valueAxis->setTitleText(valueTitle);
    if (xMin > xMax) return;
    m_stepAxis->setRange(xMin, xMax > xMin ? xMax : xMin + 1);
    m_stepAxis->applyNiceNumbers();
    const double pad = yMax > yMin ? (yMax - yMin) * 0.05 : std::max(1e-9, std::abs(yMax) * 0.05);
    m_valueAxis->setRange(yMin >= 0 && yMin - pad < 0 ? 0 : yMin - pad, yMax + pad);
    m_valueAxis->applyNiceNumbers();
    applyPresentationScale();
}

QStringList RunCurvesChart::lineNames() const {
    QStringList names;
    for (QAbstractSeries* series : chart()->series())
        names << series->name();
    return names;
}

} // namespace oficina::ui

#include "charts/ServeTrafficChart.h"

#include "charts/ChartColors.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

namespace {

QLineSeries* line(QChart* chart, const QString& name, const QColor& color, Qt::PenStyle style) {
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(1.5);
    pen.setStyle(style);
    series->setPen(pen);
    chart->addSeries(series);
    return series;
}

/// A round upper bound for an axis: 1, 2, 5 × 10^k at or above `value` (and at least `least`).
double niceCeiling(double value, double least) {
    value = std::max(value, least);
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= value) return step * power;
    return 10 * power;
}

} // namespace

ServeTrafficChart::ServeTrafficChart(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Traffic"));
    QChart* c = useChart();
    m_timeAxis = new QValueAxis;
    m_timeAxis->setTitleText(tr("Seconds ago"));
    m_timeAxis->setRange(-kWindowSeconds, 0);
    m_timeAxis->setTickCount(7);
    m_timeAxis->setLabelFormat(QStringLiteral("%.0f"));
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    m_rateAxis = new QValueAxis;
    m_rateAxis->setTitleText(tr("Requests/s"));
    m_rateAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_rateAxis->setRange(0, 1);
    m_rateAxis->setTickCount(6); // with the 1-2-5 ranges below: round steps
    c->addAxis(m_rateAxis, Qt::AlignLeft);
    m_latencyAxis = new QValueAxis;
    m_latencyAxis->setTitleText(tr("Latency (ms)"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_latencyAxis->setRange(0, 1);
    m_latencyAxis->setTickCount(6);
    m_latencyAxis->setGridLineVisible(false); // the rate axis draws the grid
    c->addAxis(m_latencyAxis, Qt::AlignRight);

    m_rate = line(c, tr("Requests per second"), categoryColor(0), Qt::SolidLine);
    m_mean = line(c, tr("Mean latency"), categoryColor(1), Qt::SolidLine);
    m_p99 = line(c, tr("99th percentile latency"), categoryColor(3), Qt::DashLine);
    m_rate->attachAxis(m_timeAxis);
    m_rate->attachAxis(m_rateAxis);
    for (QLineSeries* s : {m_mean, m_p99}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_latencyAxis);
    }
    // Each axis title in its line's colour, so the two scales are told apart at a glance.
    m_rateAxis->setTitleBrush(categoryColor(0).darker(120));
    m_latencyAxis->setTitleBrush(categoryColor(1).darker(120));
}

ServeTrafficChart::~ServeTrafficChart() = default;

void ServeTrafficChart::addSample(double time, double requestsPerSecond, double meanMs,
                                  double p99Ms) {
    m_samples.push_back({time, requestsPerSecond, meanMs, p99Ms});
    while (!m_samples.empty() && m_samples.front().time < time - kWindowSeconds)
        m_samples.pop_front();
    redraw();
}

void ServeTrafficChart::clear() {
    m_samples.clear();
    redraw();
}

double ServeTrafficChart::lastRate() const {
    return m_samples.empty() ? 0.0 : m_samples.back().rate;
}

int ServeTrafficChart::drawnRatePoints() const {
    return int(m_rate->count());
}

void ServeTrafficChart::redraw() {
    QList<QPointF> rate, mean, p99;
    double topRate = 0, topLatency = 0;
    const double now = m_samples.empty() ? 0.0 : m_samples.back().time;
    for (const Sample& s : m_samples) {
        const double x = s.time - now;
        rate.append({x, s.rate});
        topRate = std::max(topRate, s.rate);
        if (std::isfinite(s.meanMs)) {
            mean.append({x, s.meanMs});
            topLatency = std::max(topLatency, s.meanMs);
        }
        if (std::isfinite(s.p99Ms)) {
            p99.append({x, s.p99Ms});
            topLatency = std::max(topLatency, s.p99Ms);
        }
    }
    m_rate->replace(rate);
    m_mean->replace(mean);
    m_p99->replace(p99);
    m_rateAxis->setRange(0, niceCeiling(topRate * 1.1, 1));
    m_latencyAxis->setRange(0, niceCeiling(topLatency * 1.1, 1));
}

} // namespace oficina::ui

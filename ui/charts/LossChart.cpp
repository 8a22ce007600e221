#include "charts/LossChart.h"

#include "charts/MetricNames.h"

#include <QChart>
#include <QCheckBox>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace oficina::ui {

std::vector<QPointF> decimateForDisplay(const std::vector<QPointF>& points, size_t maxPoints) {
    if (points.size() <= maxPoints || maxPoints < 3) return points;
    std::vector<QPointF> out;
    out.reserve(maxPoints + 3);
    const size_t buckets = maxPoints / 3;
    for (size_t b = 0; b < buckets; ++b) {
        const size_t lo = points.size() * b / buckets;
        const size_t hi = points.size() * (b + 1) / buckets;
        if (lo >= hi) continue;
        size_t iMin = lo, iMax = lo;
        for (size_t i = lo; i < hi; ++i) {
            if (points[i].y() < points[iMin].y()) iMin = i;
            if (points[i].y() > points[iMax].y()) iMax = i;
        }
        // In x order, so the line does not double back.
        size_t picks[3] = {lo, std::min(iMin, iMax), std::max(iMin, iMax)};
        for (size_t k = 0; k < 3; ++k)
            if (k == 0 || picks[k] != picks[k - 1]) out.push_back(points[picks[k]]);
    }
    if (out.back() != points.back()) out.push_back(points.back());
    return out;
}

namespace {

bool isAccuracy(const QString& name) { return name.contains(QLatin1String("accuracy")); }

QColor colorFor(const QString& name) {
    if (name == QLatin1String("loss")) return QColor(0x1f, 0x77, 0xb4);
    if (name == QLatin1String("val_loss")) return QColor(0xff, 0x7f, 0x0e);
    if (name == QLatin1String("accuracy")) return QColor(0x2c, 0xa0, 0x2c);
    if (name == QLatin1String("val_accuracy")) return QColor(0xd6, 0x27, 0x28);
    return QColor(0x94, 0x67, 0xbd);
}

} // namespace

LossChart::LossChart(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Training"));
    QChart* c = useChart();
    m_logBox = new QCheckBox(tr("Log scale"), this);
    m_logBox->setObjectName(QStringLiteral("logScale"));
    addControl(m_logBox);
    connect(m_logBox, &QCheckBox::toggled, this, &LossChart::setLogScale);
    m_stepAxis = new QValueAxis;
    m_stepAxis->setTitleText(tr("Step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%g"));
    c->addAxis(m_stepAxis, Qt::AlignBottom);
    m_accuracyAxis = new QValueAxis;
    m_accuracyAxis->setRange(0, 1);
    m_accuracyAxis->setTitleText(tr("Accuracy"));
    m_accuracyAxis->hide();
    c->addAxis(m_accuracyAxis, Qt::AlignRight);
    rebuildLossAxis();
}

LossChart::~LossChart() = default;

LossChart::Series& LossChart::series(const QString& name) {
    auto it = m_series.find(name);
    if (it != m_series.end()) return it->second;
    Series& s = m_series[name];
    s.rightAxis = isAccuracy(name);
    addRun(name, s);
    m_lossAxis->setTitleText(leftAxisTitle());
    if (s.rightAxis) m_accuracyAxis->show();
    return s;
}

void LossChart::addRun(const QString& name, Series& s) {
    QColor color = colorFor(name);
    for (Run& earlier : s.runs) {  // fade the runs before; the legend shows the latest
        QPen faded = earlier.line->pen();
        color.setAlpha(70);
        faded.setColor(color);
        faded.setWidthF(1.0);
        earlier.line->setPen(faded);
        for (QLegendMarker* marker : chart()->legend()->markers(earlier.line))
            marker->setVisible(false);
    }
    auto* line = new QLineSeries;
    line->setName(metricDisplayName(name.toStdString()));
    QPen pen(colorFor(name));
    pen.setWidthF(1.5);
    if (name.startsWith(QLatin1String("val_"))) pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    chart()->addSeries(line);
    line->attachAxis(m_stepAxis);
    line->attachAxis(s.rightAxis ? static_cast<QAbstractAxis*>(m_accuracyAxis) : m_lossAxis);
    s.runs.push_back({{}, line});
}

void LossChart::append(const QString& name, double step, double value) {
    Series& s = series(name);
    if (!s.runs.back().points.empty() && step <= s.runs.back().points.back().x()) addRun(name, s);
    s.runs.back().points.emplace_back(step, value);
}

void LossChart::refresh() {
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin;
    for (auto& [name, s] : m_series)
        for (Run& run : s.runs) {
            std::vector<QPointF> shown = decimateForDisplay(run.points, kMaxDrawn);
            if (m_log && !s.rightAxis)  // a log axis cannot show zero or negative values
                std::erase_if(shown, [](const QPointF& p) { return !(p.y() > 0); });
            for (const QPointF& p : shown) {
                xMin = std::min(xMin, p.x());
                xMax = std::max(xMax, p.x());
                if (!s.rightAxis && std::isfinite(p.y())) {
                    yMin = std::min(yMin, p.y());
                    yMax = std::max(yMax, p.y());
                }
            }
            run.line->replace(QList<QPointF>(shown.begin(), shown.end()));
        }
    if (xMin <= xMax) {
        m_stepAxis->setRange(xMin, xMax > xMin ? xMax : xMin + 1);
        m_stepAxis->applyNiceNumbers();  // ticks at 0, 2000, 4000… rather than 2999.75
    }
    if (yMin <= yMax) {
        if (m_log) {
            static_cast<QLogValueAxis*>(m_lossAxis)->setRange(yMin * 0.9, yMax * 1.1);
        } else {
            const double pad = yMax > yMin ? (yMax - yMin) * 0.05 : std::max(1e-9, yMax * 0.05);
            double lo = yMin - pad;
            if (yMin >= 0 && lo < 0) lo = 0;  // a loss is not negative: do not suggest it
            auto* axis = static_cast<QValueAxis*>(m_lossAxis);
            axis->setRange(lo, yMax + pad);
            axis->applyNiceNumbers();
        }
    }
}

void LossChart::clear() {
    for (auto& [name, s] : m_series)
        for (Run& run : s.runs) {
            chart()->removeSeries(run.line);
            delete run.line;
        }
    m_series.clear();
    m_accuracyAxis->hide();
}

void LossChart::setLogScale(bool on) {
    if (on == m_log) return;
    m_log = on;
    if (m_logBox->isChecked() != on) m_logBox->setChecked(on);
    rebuildLossAxis();
    refresh();
}

// "Loss", or the name of the one series drawn when it is something else (K-Means' inertia).
QString LossChart::leftAxisTitle() const {
    if (m_series.size() == 1) {
        const auto& [name, s] = *m_series.begin();
        if (!s.rightAxis && !name.endsWith(QLatin1String("loss")))
            return metricDisplayName(name.toStdString());
    }
    return tr("Loss");
}

void LossChart::rebuildLossAxis() {
    QAbstractAxis* axis = nullptr;
    if (m_log) {
        auto* log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat(QStringLiteral("%g"));
        log->setMinorTickCount(-1);
        axis = log;
    } else {
        auto* linear = new QValueAxis;
        linear->setLabelFormat(QStringLiteral("%g"));
        axis = linear;
    }
    axis->setTitleText(leftAxisTitle());
    chart()->addAxis(axis, Qt::AlignLeft);
    for (auto& [name, s] : m_series) {
        if (s.rightAxis) continue;
        for (Run& run : s.runs) {
            if (m_lossAxis) run.line->detachAxis(m_lossAxis);
            run.line->attachAxis(axis);
        }
    }
    if (m_lossAxis) {
        chart()->removeAxis(m_lossAxis);
        delete m_lossAxis;
    }
    m_lossAxis = axis;
}

size_t LossChart::pointCount(const QString& name) const {
    const auto it = m_series.find(name);
    size_t total = 0;
    if (it != m_series.end())
        for (const Run& run : it->second.runs) total += run.points.size();
    return total;
}

int LossChart::drawnCount(const QString& name) const {
    const auto it = m_series.find(name);
    return it == m_series.end() ? 0 : int(it->second.runs.back().line->count());
}

int LossChart::runCount(const QString& name) const {
    const auto it = m_series.find(name);
    return it == m_series.end() ? 0 : int(it->second.runs.size());
}

QStringList LossChart::seriesNames() const {
    QStringList names;
    for (const auto& [name, s] : m_series) names << name;
    return names;
}

} // namespace oficina::ui

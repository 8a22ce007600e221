#include "charts/LossChart.h"

#include "charts/MetricNames.h"
#include "eval/MetricCatalog.h"

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
const QLatin1String kValidationPrefix(core::kValidationPrefix.data(),
                                      qsizetype(core::kValidationPrefix.size()));
bool isValidation(const QString& name) { return name.startsWith(kValidationPrefix); }
/// "loss" for "val_loss": a validation series is drawn like its training series, dashed.
QString trainingSeriesOf(const QString& name) {
    return isValidation(name) ? name.mid(kValidationPrefix.size()) : name;
}
bool isR2(const QString& name) { return trainingSeriesOf(name) == QLatin1String("r2"); }
bool isBatch(const QString& name) { return name == QLatin1String("batch_loss"); }
const QLatin1String kLearningRate("lr");

QColor colorFor(const QString& name) {
    const QString series = trainingSeriesOf(name);
    const bool validation = isValidation(name);
    if (series == QLatin1String("loss") || isBatch(name))
        return validation ? QColor(0xff, 0x7f, 0x0e) : QColor(0x1f, 0x77, 0xb4);
    if (series == QLatin1String("accuracy") || series == QLatin1String("r2"))
        return validation ? QColor(0xd6, 0x27, 0x28) : QColor(0x2c, 0xa0, 0x2c);
    return QColor(0x94, 0x67, 0xbd);
}

/// A series' line: batch losses thin and faint under the epoch curves, validation dashed.
QPen penFor(const QString& name, bool earlierRun) {
    QColor color = colorFor(name);
    QPen pen;
    if (isBatch(name)) {
        color.setAlpha(earlierRun ? 30 : 80);
        pen.setWidthF(1.0);
    } else {
        if (earlierRun) color.setAlpha(70);
        pen.setWidthF(earlierRun ? 1.0 : 1.5);
        if (!earlierRun && isValidation(name)) pen.setStyle(Qt::DashLine);
    }
    pen.setColor(color);
    return pen;
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
    m_stepAxis->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(m_stepAxis, Qt::AlignBottom);
    m_accuracyAxis = new QValueAxis;
    m_accuracyAxis->setRange(0, 1);
    m_accuracyAxis->setTitleText(tr("Accuracy"));
    m_accuracyAxis->setGridLineVisible(false);  // the loss axis draws the grid
    m_accuracyAxis->hide();
    c->addAxis(m_accuracyAxis, Qt::AlignRight);
    rebuildLossAxis();
}

LossChart::~LossChart() = default;

LossChart::Series& LossChart::series(const QString& name) {
    auto it = m_series.find(name);
    if (it != m_series.end()) return it->second;
    Series& s = m_series[name];
    s.rightAxis = isAccuracy(name) || isR2(name);
    if (isBatch(name)) m_stepAxis->setTitleText(tr("Epoch"));  // a network: steps are epochs
    addRun(name, s);
    m_lossAxis->setTitleText(leftAxisTitle());
    if (s.rightAxis) {
        m_accuracyAxis->setTitleText(rightAxisTitle());
        m_accuracyAxis->show();
    }
    return s;
}

void LossChart::addRun(const QString& name, Series& s) {
    for (Run& earlier : s.runs) {  // fade the runs before; the legend shows the latest
        earlier.line->setPen(penFor(name, true));
        for (QLegendMarker* marker : chart()->legend()->markers(earlier.line))
            marker->setVisible(false);
    }
    auto* line = new QLineSeries;
    line->setName(metricDisplayName(name.toStdString()));
    line->setPen(penFor(name, false));
    chart()->addSeries(line);
    line->attachAxis(m_stepAxis);
    line->attachAxis(s.rightAxis ? static_cast<QAbstractAxis*>(m_accuracyAxis) : m_lossAxis);
    s.runs.push_back({{}, line});
}

void LossChart::append(const QString& name, double step, double value) {
    if (name == kLearningRate) {  // a refit starts its schedule again
        if (!m_learningRate.empty() && step <= m_learningRate.back().x()) m_learningRate.clear();
        m_learningRate.emplace_back(step, value);
        ++m_learningRateTotal;
        return;
    }
    Series& s = series(name);
    if (!s.runs.back().points.empty() && step <= s.runs.back().points.back().x()) addRun(name, s);
    s.runs.back().points.emplace_back(step, value);
}

void LossChart::refresh() {
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin, rightMin = xMin, batchMax = -xMin;
    for (auto& [name, s] : m_series)
        for (Run& run : s.runs) {
            std::vector<QPointF> shown = decimateForDisplay(run.points, kMaxDrawn);
            if (m_log && !s.rightAxis)  // a log axis cannot show zero or negative values
                std::erase_if(shown, [](const QPointF& p) { return !(p.y() > 0); });
            for (const QPointF& p : shown) {
                xMin = std::min(xMin, p.x());
                xMax = std::max(xMax, p.x());
                if (!std::isfinite(p.y())) continue;
                if (s.rightAxis) {
                    rightMin = std::min(rightMin, p.y());
                } else if (isBatch(name)) {
                    yMin = std::min(yMin, p.y());
                    batchMax = std::max(batchMax, p.y());
                } else {
                    yMin = std::min(yMin, p.y());
                    yMax = std::max(yMax, p.y());
                }
            }
            run.line->replace(QList<QPointF>(shown.begin(), shown.end()));
        }
    updateRightAxis(rightMin);
    updateNote(rightMin);
    if (xMin <= xMax) {
        m_stepAxis->setRange(xMin, xMax > xMin ? xMax : xMin + 1);
        m_stepAxis->applyNiceNumbers();  // ticks at 0, 2000, 4000… rather than 2999.75
    }
    // The first batches of a network lose far more than any epoch's mean: let them reach
    // half as high again as the epoch curves, and run off the top beyond, so the curves that
    // matter keep the height of the chart.
    if (batchMax > -std::numeric_limits<double>::infinity())
        yMax = yMax >= yMin ? std::max(yMax, std::min(batchMax, yMax * 1.5)) : batchMax;
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
    m_learningRate.clear();
    m_learningRateTotal = 0;
    m_accuracyAxis->hide();
    m_accuracyAxis->setRange(0, 1);
    m_stepAxis->setTitleText(tr("Step"));
    setNote({});
}

// Accuracy lives in [0, 1]; R² is at most 1 but has no floor (a model worse than the mean is
// negative, early epochs often are). The axis reaches down to the lowest value, but not below
// -1: lower values run off the bottom edge, as the note says, so they do not squash the rest.
void LossChart::updateRightAxis(double lowest) {
    double lo = 0;
    int ticks = 5;
    if (lowest < 0) {
        if (lowest >= -0.25) {
            lo = -0.25;
            ticks = 6;
        } else if (lowest >= -0.5) {
            lo = -0.5;
            ticks = 4;
        } else {
            lo = -1;
        }
    }
    m_accuracyAxis->setRange(lo, 1);
    m_accuracyAxis->setTickCount(ticks);
}

void LossChart::updateNote(double rightLowest) {
    QStringList parts;
    if (!m_learningRate.empty()) {
        const QLocale locale;
        const double first = m_learningRate.front().y(), last = m_learningRate.back().y();
        const QString now = locale.toString(last, 'g', 3);
        parts << metricDisplayName("lr") + QLatin1Char(' ') +
                     (first == last ? now : locale.toString(first, 'g', 3) + " → " + now);
    }
    if (rightLowest < -1)
        parts << tr("%1 below −1 (lowest %2) runs off the axis")
                     .arg(metricDisplayName("r2"), QLocale().toString(rightLowest, 'g', 3));
    setNote(parts.join(QStringLiteral(" · ")));
}

QString LossChart::rightAxisTitle() const {
    for (const auto& [name, s] : m_series)
        if (isAccuracy(name)) return tr("Accuracy");
    return metricDisplayName("r2");
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
        log->setLabelFormat(QStringLiteral("%.6g"));
        log->setMinorTickCount(-1);
        axis = log;
    } else {
        auto* linear = new QValueAxis;
        linear->setLabelFormat(QStringLiteral("%.6g"));
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
    if (name == kLearningRate) return m_learningRateTotal;
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

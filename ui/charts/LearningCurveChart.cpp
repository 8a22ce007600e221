#include "charts/LearningCurveChart.h"

#include "charts/ChartColors.h"
#include "charts/MatrixColumn.h"
#include "charts/MetricNames.h"
#include "eval/Metrics.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

LearningCurveChart::LearningCurveChart(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Learning curve"));
    useChart();
}

LearningCurveChart::~LearningCurveChart() = default;

void LearningCurveChart::setMatrix(const core::LabeledMatrix& matrix, const QString& metric,
                                   const QString& parameter) {
    resetChart();
    m_train.clear();
    m_validation.clear();
    m_bands = 0;
    const auto index = [&](const char* name) { return matrixColumn(matrix, name); };
    const bool validation = matrix.name == "validation_curve";
    setTitle(validation ? tr("Validation curve") : tr("Learning curve"));
    const int size = validation ? 0 : index("train_size");
    if (size < 0 || matrix.columnLabels.empty()) return;
    QChart* c = chart();
    auto* x = new QValueAxis;
    x->setTitleText(validation ? parameter : tr("Training rows"));
    x->setLabelFormat(QStringLiteral("%.6g"));
    auto* y = new QValueAxis;
    y->setTitleText(metric.isEmpty() ? tr("Score") : metricDisplayName(metric.toStdString()));
    y->setLabelFormat(QStringLiteral("%.2f"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;

    const auto draw = [&](const char* meanColumn, const char* stdColumn, const QString& name,
                          QColor colour, QList<QPointF>& mean) {
        const int mi = index(meanColumn), si = index(stdColumn);
        if (mi < 0) return;
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        for (size_t r = 0; r < matrix.rowLabels.size(); ++r) {
            const double n = matrix.at(r, size_t(size)), m = matrix.at(r, size_t(mi));
            if (std::isnan(n) || std::isnan(m)) continue;
            const double s = si >= 0 && std::isfinite(matrix.at(r, size_t(si)))
                                 ? matrix.at(r, size_t(si)) : 0.0;
            mean.append(QPointF(n, m));
            upper->append(n, m + s);
            lower->append(n, m - s);
            x0 = std::min(x0, n), x1 = std::max(x1, n);
            y0 = std::min(y0, m - s), y1 = std::max(y1, m + s);
        }
        if (si >= 0 && !mean.isEmpty()) {
            auto* band = new QAreaSeries(upper, lower);
            upper->setParent(band);  // the area series does not own its edges
            lower->setParent(band);
            QColor fill = colour;
            fill.setAlpha(50);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            band->setName(tr("± 1 standard deviation"));
            c->addSeries(band);
            band->attachAxis(x);
            band->attachAxis(y);
            ++m_bands;
        } else {
            delete upper;
            delete lower;
        }
        auto* line = new QLineSeries;
        line->setName(name);
        QPen pen(colour);
        pen.setWidthF(2.5);
        line->setPen(pen);
        line->setPointsVisible(true);
        line->replace(mean);
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    };
    draw("train_mean", "train_std", tr("Training score"), categoryColor(0), m_train);
    draw("test_mean", "test_std", tr("Validation score"), categoryColor(1), m_validation);
    // The bands only explain the shading: one legend entry would do, two crowd the legend.
    const auto series = c->series();
    for (QAbstractSeries* s : series)
        if (qobject_cast<QAreaSeries*>(s) && s != series.front())
            c->legend()->markers(s).first()->setVisible(false);
    if (x0 <= x1 && validation) {
        // Whole-number settings (depth, degree): a tick on each, half a step of margin.
        x->setRange(x0 - 0.5, x1 + 0.5);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(x0);
        x->setTickInterval(std::max(1.0, std::ceil((x1 - x0) / 15.0)));
        x->setLabelFormat(QStringLiteral("%.0f"));
    } else if (x0 <= x1) {
        x->setRange(0, x1 * 1.04);
        x->applyNiceNumbers();  // ticks at 0, 100, 200… rather than 118.3
    }
    if (x0 <= x1) {
        const double pad = y1 > y0 ? (y1 - y0) * 0.08 : 0.05;
        y->setRange(y0 - pad, y1 + pad);
    }
    if (validation)
        setNote(tr("Shaded: ± one standard deviation over the folds. Left, both scores are low: "
                   "the model is too simple (underfitting). Where the training score keeps "
                   "rising but the validation score stops rising or falls, the model has begun "
                   "to memorise its training rows (overfitting): the best value is near the "
                   "top of the validation line."));
    else
        setNote(tr("Shaded: ± one standard deviation over the folds. A wide gap between the two "
                   "lines means the model overfits (more data or a simpler model may help); two "
                   "low lines mean it underfits."));
}

} // namespace oficina::ui

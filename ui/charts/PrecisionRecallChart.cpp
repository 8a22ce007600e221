#include "charts/PrecisionRecallChart.h"

#include "Translate.h"
#include "eval/Metrics.h"

#include <numeric>

namespace oficina::ui {

double averagePrecision(const QList<QPointF>& recallPrecision) {
    double ap = 0;
    for (qsizetype i = 0; i + 1 < recallPrecision.size(); ++i)
        ap += (recallPrecision[i].x() - recallPrecision[i + 1].x()) * recallPrecision[i].y();
    return ap;
}

PrecisionRecallChart::PrecisionRecallChart(QWidget* parent) : ClassCurvesChart(parent) {
    setTitle(tr("Precision–recall curve"));
}

PrecisionRecallChart::~PrecisionRecallChart() = default;

void PrecisionRecallChart::setMetrics(const core::Metrics& metrics) {
    m_ap.clear();
    // Two classes: one curve, and core's average_precision is its AP.
    const double* binary = metrics.scalar("average_precision");
    const int curves = drawCurves(
        metrics, "pr:", "recall", "precision", tr("Recall"), tr("Precision"),
        [&](const QString& label, const QList<QPointF>& points, int index) {
            const double ap = binary && index == 0 ? *binary : averagePrecision(points);
            m_ap.append(ap);
            return tr("%1 (AP %2)").arg(label, localNumber(ap, 'f', 3));
        });
    setNote({});
    if (curves > 1)
        setNote(tr("Mean average precision over the classes: %1")
                    .arg(localNumber(std::accumulate(m_ap.begin(), m_ap.end(), 0.0) /
                                         double(curves),
                                     'f', 3)));
}

} // namespace oficina::ui

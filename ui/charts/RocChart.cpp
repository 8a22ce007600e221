#include "charts/RocChart.h"

#include "Translate.h"
#include "eval/Metrics.h"

namespace oficina::ui {

RocChart::RocChart(QWidget* parent) : ClassCurvesChart(parent) { setTitle(tr("ROC curve")); }

RocChart::~RocChart() = default;

void RocChart::setMetrics(const core::Metrics& metrics) {
    // One curve with two classes: its AUC is the metric's roc_auc, when present.
    const double* binary = metrics.scalar("roc_auc");
    const int curves = drawCurves(
        metrics, "roc:", "fpr", "tpr", tr("False positive rate"), tr("True positive rate"),
        [&](const QString& label, const QList<QPointF>& points, int index) {
            const double auc = binary && index == 0 ? *binary : areaUnderCurve(points);
            return tr("%1 (AUC %2)").arg(label, localNumber(auc, 'f', 3));
        });
    addReference({{0, 0}, {1, 1}}, tr("chance"));
    setNote({});
    if (curves > 1)
        if (const double* ovr = metrics.scalar("roc_auc_ovr"))
            setNote(tr("Macro one-vs-rest AUC: %1").arg(localNumber(*ovr, 'f', 3)));
}

} // namespace oficina::ui

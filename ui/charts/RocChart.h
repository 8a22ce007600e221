#pragma once

#include "charts/ChartView.h"

namespace oficina::core {
struct Metrics;
}

namespace oficina::ui {

/// ROC curves: one per "roc:<label>" matrix (columns fpr, tpr), the area under each in the
/// legend, and the chance diagonal.
class RocChart : public ChartView {
    Q_OBJECT
public:
    explicit RocChart(QWidget* parent = nullptr);
    ~RocChart() override;

    void setMetrics(const core::Metrics& metrics);
    /// Curves drawn (the diagonal not counted).
    [[nodiscard]] int curveCount() const;
    /// Legend names of the curves, e.g. "virginica (AUC 0.987)".
    [[nodiscard]] QStringList curveNames() const;
};

/// Area under a curve given as points sorted by x (trapezoids, as scikit-learn's auc()).
double areaUnderCurve(const QList<QPointF>& points);

} // namespace oficina::ui

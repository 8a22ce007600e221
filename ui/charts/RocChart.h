#pragma once

#include "charts/ClassCurvesChart.h"

namespace oficina::ui {

/// ROC curves: one per "roc:<label>" matrix (columns fpr, tpr), the area under each in the
/// legend, and the chance diagonal.
class RocChart : public ClassCurvesChart {
    Q_OBJECT
public:
    explicit RocChart(QWidget* parent = nullptr);
    ~RocChart() override;

    void setMetrics(const core::Metrics& metrics) override;
};

} // namespace oficina::ui

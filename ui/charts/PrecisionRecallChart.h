#pragma once

#include "charts/ClassCurvesChart.h"

namespace oficina::ui {

/// Precision–recall curves, one per class in one chart: a "pr:<label>" matrix each (columns
/// recall, precision), the average precision (AP) of each in the legend and their macro mean
/// in the note.
class PrecisionRecallChart : public ClassCurvesChart {
    Q_OBJECT
public:
    explicit PrecisionRecallChart(QWidget* parent = nullptr);
    ~PrecisionRecallChart() override;

    void setMetrics(const core::Metrics& metrics) override;
    /// The average precision of each curve, in curve order.
    [[nodiscard]] const QList<double>& averagePrecisions() const { return m_ap; }

private:
    QList<double> m_ap;
};

/// scikit-learn's average_precision_score from a precision–recall curve ordered by falling
/// recall, as core writes it: Σ (Rₙ − Rₙ₊₁) · Pₙ, a step sum rather than trapezoids (which
/// would be optimistic).
double averagePrecision(const QList<QPointF>& recallPrecision);

} // namespace oficina::ui

#pragma once

#include "charts/ChartView.h"

#include <QList>
#include <QPointF>

#include <functional>

namespace oficina::core {
struct Metrics;
}

namespace oficina::ui {

/// Base of the per-class curve charts (ROC, precision–recall): one line per class, read from
/// the metrics' "<prefix><label>" matrices, on 0–1 axes, its area in the legend.
class ClassCurvesChart : public ChartView {
    Q_OBJECT
public:
    ~ClassCurvesChart() override;

    virtual void setMetrics(const core::Metrics& metrics) = 0;
    /// Curves drawn (reference lines such as the chance diagonal not counted).
    [[nodiscard]] int curveCount() const { return m_curves; }
    /// Legend names of the curves, e.g. "virginica (AUC 0.987)".
    [[nodiscard]] QStringList curveNames() const;

protected:
    explicit ClassCurvesChart(QWidget* parent);

    /// Names a curve from its class label, its points and its position among the curves.
    using CurveName = std::function<QString(const QString& label, const QList<QPointF>& points,
                                            int index)>;
    /// Clears the chart and draws one line per matrix named `prefix` + label whose columns
    /// include `xColumn` and `yColumn`; returns how many.
    int drawCurves(const core::Metrics& metrics, const std::string& prefix, const char* xColumn,
                   const char* yColumn, const QString& xTitle, const QString& yTitle,
                   const CurveName& name);
    /// A dashed grey line for comparison (chance), drawn after the curves.
    void addReference(const QList<QPointF>& points, const QString& name);

private:
    int m_curves = 0;
};

/// Area under a curve given as points sorted by x (trapezoids, as scikit-learn's auc()).
double areaUnderCurve(const QList<QPointF>& points);

} // namespace oficina::ui

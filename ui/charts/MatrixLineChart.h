#pragma once

#include "charts/ChartView.h"

#include <optional>

namespace oficina::core {
struct LabeledMatrix;
}

namespace oficina::ui {

/// Lines from the columns of a metrics matrix against one of its columns: k scores (inertia
/// and silhouette against k), the sorted k-distance curve. Lines and axes are named by
/// metricDisplayName(). An optional
/// vertical or horizontal marker shows a suggestion (suggested k, suggested eps).
class MatrixLineChart : public ChartView {
    Q_OBJECT
public:
    explicit MatrixLineChart(const QString& title, QWidget* parent = nullptr);
    ~MatrixLineChart() override;

    /// `left` columns share the left axis, `right` ones the right axis. Missing columns are
    /// skipped.
    void setMatrix(const core::LabeledMatrix& matrix, const char* xColumn,
                   const QStringList& left, const QStringList& right = {});
    /// A dashed marker line at x (vertical) or y (horizontal, on the left axis).
    void markX(double x, const QString& name);
    void markY(double y, const QString& name);
    [[nodiscard]] int lineCount() const;
};

} // namespace oficina::ui

#pragma once

#include "charts/ChartView.h"
#include "eval/Metrics.h"

#include <vector>

class QComboBox;

namespace oficina::ui {

/// One score as horizontal bars, the metric chosen in the header: either a model comparison
/// (core's "comparison" matrix: a bar per model at its cross-validated mean, a whisker of
/// ± one standard deviation) or a cross-validation's "folds" matrix (a bar per fold and the
/// mean over the folds as a dashed line).
class ScoreBarsChart : public ChartView {
    Q_OBJECT
public:
    explicit ScoreBarsChart(QWidget* parent = nullptr);
    ~ScoreBarsChart() override;

    /// Rows: models; columns: "<metric>_mean" and "<metric>_std".
    void setComparison(const core::LabeledMatrix& comparison);
    /// Rows: folds "1", "2"…; columns: metrics.
    void setFolds(const core::LabeledMatrix& folds);
    /// Shows `metric` ("accuracy", "r2"…) when the matrix has it.
    void setMetric(const QString& metric);
    [[nodiscard]] QString metric() const;
    /// The metric keys offered, in the matrix's order.
    [[nodiscard]] QStringList metrics() const;

    /// What is drawn, in row order (for tests): bar names, bar values, whisker half-widths
    /// (empty for folds).
    [[nodiscard]] QStringList barNames() const { return m_names; }
    [[nodiscard]] const std::vector<double>& barValues() const { return m_values; }
    [[nodiscard]] const std::vector<double>& errors() const { return m_errors; }

private:
    void setMatrix(const core::LabeledMatrix& matrix, bool comparison);
    void redraw();

    core::LabeledMatrix m_matrix;
    bool m_comparison = false;
    QComboBox* m_metricBox = nullptr;
    QStringList m_names;
    std::vector<double> m_values, m_errors;
};

/// A compared model's name as core writes it (the learner's English title, " (2)" added when
/// two share it), translated.
QString comparedModelName(const std::string& title);

} // namespace oficina::ui

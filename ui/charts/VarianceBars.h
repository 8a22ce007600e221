#pragma once

#include "charts/ChartView.h"

namespace oficina::core {
struct LabeledMatrix;
}

namespace oficina::ui {

/// PCA's explained variance from the "explained_variance" matrix: one bar per component (its
/// ratio) and the cumulative ratio as a line.
class VarianceBars : public ChartView {
    Q_OBJECT
public:
    explicit VarianceBars(QWidget* parent = nullptr);
    ~VarianceBars() override;

    void setMatrix(const core::LabeledMatrix& matrix);
    [[nodiscard]] int barCount() const { return m_bars; }
    [[nodiscard]] int cumulativePoints() const { return m_cumulative; }

private:
    int m_bars = 0;
    int m_cumulative = 0;
};

} // namespace oficina::ui

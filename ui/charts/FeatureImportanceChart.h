#pragma once

#include "charts/ChartView.h"

#include <string>
#include <vector>

namespace oficina::ui {

/// A model's feature importances as horizontal bars, largest on top (at most kMaxBars).
class FeatureImportanceChart : public ChartView {
    Q_OBJECT
public:
    explicit FeatureImportanceChart(QWidget* parent = nullptr);
    ~FeatureImportanceChart() override;

    void setImportances(const std::vector<std::string>& features,
                        const std::vector<double>& importances);
    [[nodiscard]] int barCount() const { return m_bars; }

    static constexpr int kMaxBars = 25;

private:
    int m_bars = 0;
};

} // namespace oficina::ui

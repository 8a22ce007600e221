#pragma once

#include "charts/ChartView.h"

#include <vector>

class QComboBox;

namespace oficina::core {
struct LabeledMatrix;
}

namespace oficina::ui {

/// A regression's errors from the "residuals" matrix (columns actual, predicted, residual):
/// predicted against actual with the identity line, or residuals against predicted with the
/// zero line. Samples to ScatterPlot::kMaxPlainPoints without OpenGL, and says so.
class ResidualPlot : public ChartView {
    Q_OBJECT
public:
    enum class Mode { PredictedVsActual, ResidualsVsPredicted };

    explicit ResidualPlot(QWidget* parent = nullptr);
    ~ResidualPlot() override;

    void setMatrix(const core::LabeledMatrix& matrix);
    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return m_mode; }
    /// Points in the scatter series (for tests).
    [[nodiscard]] int drawnPoints() const;

protected:
    void beforeSave() override;
    void afterSave() override;

private:
    void redraw();

    std::vector<double> m_actual, m_predicted, m_residual;
    QComboBox* m_modeBox = nullptr;
    Mode m_mode = Mode::PredictedVsActual;
};

} // namespace oficina::ui

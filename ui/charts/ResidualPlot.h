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
/// zero line. Without OpenGL the points are painted by a PointCloudItem, sampled beyond
/// ScatterPlot::kMaxPlainPoints (with a note).
class PointCloudItem;

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
    /// The points drawn, in data order (for tests).
    [[nodiscard]] const QList<QPointF>& points() const { return m_points; }

protected:

private:
    void redraw();

    std::vector<double> m_actual, m_predicted, m_residual;
    QComboBox* m_modeBox = nullptr;
    Mode m_mode = Mode::PredictedVsActual;
    PointCloudItem* m_cloud = nullptr;
    QList<QPointF> m_points;
};

} // namespace oficina::ui

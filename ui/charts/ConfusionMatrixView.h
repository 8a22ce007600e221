#pragma once

#include "charts/ChartView.h"

#include <vector>

namespace oficina::core {
struct LabeledMatrix;
}

namespace oficina::ui {

/// The confusion matrix as a heatmap: rows are true labels, columns predicted ones, each cell
/// shows its count, coloured by the share of its row (so rare classes read as well as common
/// ones).
class ConfusionMatrixView : public ChartView {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);
    ~ConfusionMatrixView() override;

    /// From a "confusion_matrix" matrix (square, rows true, columns predicted).
    void setMatrix(const core::LabeledMatrix& matrix);
    [[nodiscard]] int classCount() const;
    [[nodiscard]] double count(int trueRow, int predictedColumn) const;

private:
    class Canvas;
    Canvas* m_canvas = nullptr;
};

} // namespace oficina::ui

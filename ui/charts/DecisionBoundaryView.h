#pragma once

#include "charts/ChartView.h"
#include "eval/DecisionGrid.h"

#include <memory>

namespace oficina::core {
class Table;
}

namespace oficina::ui {

/// The 2-D teaching view of a classifier with two numeric inputs: the class core predicts for
/// each cell of a grid (core::DecisionGrid), lightly coloured, with the training points on top
/// coloured by their true label.
class DecisionBoundaryView : public ChartView {
    Q_OBJECT
public:
    explicit DecisionBoundaryView(QWidget* parent = nullptr);
    ~DecisionBoundaryView() override;

    /// `points` holds the grid's two columns and, optionally, a categorical target.
    void setData(core::DecisionGrid grid, std::shared_ptr<const core::Table> points);
    [[nodiscard]] const core::DecisionGrid& grid() const;
    /// Points drawn (for tests).
    [[nodiscard]] int pointCount() const;

private:
    class Canvas;
    Canvas* m_canvas = nullptr;
};

} // namespace oficina::ui

#pragma once

#include "charts/ChartView.h"
#include "eval/DecisionGrid.h"

#include <functional>
#include <memory>

template <typename T>
class QFutureWatcher;

namespace oficina::core {
class Table;
}

namespace oficina::ui {

/// The 2-D teaching view of a classifier with two numeric inputs: the class core predicts for
/// each cell of a grid (core::DecisionGrid), lightly coloured, with the training points on top
/// coloured by their true label. UI thread only; the grid may be computed on a worker thread
/// (compute()).
class DecisionBoundaryView : public ChartView {
    Q_OBJECT
public:
    explicit DecisionBoundaryView(QWidget* parent = nullptr);
    ~DecisionBoundaryView() override;

    /// `points` holds the grid's two columns and, optionally, a categorical target.
    void setData(core::DecisionGrid grid, std::shared_ptr<const core::Table> points);
    /// Runs `job` on the global thread pool (a grid takes a model tens of thousands of
    /// predictions: not for the UI thread) and shows "Computing…" until it ends; then
    /// setData(its grid, points), or its error as the note. `job` must own what it reads
    /// (shared pointers): the view may be deleted meanwhile, and then its result is dropped.
    /// A newer compute() or setData() supersedes a running job.
    void compute(std::function<core::DecisionGrid()> job, std::shared_ptr<const core::Table> points);
    [[nodiscard]] bool computing() const;
    [[nodiscard]] const core::DecisionGrid& grid() const;
    /// Points drawn (for tests).
    [[nodiscard]] int pointCount() const;

Q_SIGNALS:
    /// The grid of the last compute() is drawn, or failed (see note()).
    void computed();

private:
    class Canvas;
    struct Outcome;
    Canvas* m_canvas = nullptr;
    QFutureWatcher<Outcome>* m_watcher = nullptr;  // the running compute(), if any
    std::shared_ptr<const core::Table> m_pendingPoints;
};

} // namespace oficina::ui

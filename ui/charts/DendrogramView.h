#pragma once

#include "charts/ChartView.h"

#include <vector>

namespace oficina::core {
struct LabeledMatrix;
}

namespace oficina::ui {

/// The tree of an agglomerative clustering from the "merge_tree" matrix (scipy's linkage
/// convention: columns left, right, distance, size; leaves 0…n−1, merge i makes cluster n+i).
/// Leaves are ordered so that no branches cross; heights are the merge distances.
class DendrogramView : public ChartView {
    Q_OBJECT
public:
    explicit DendrogramView(QWidget* parent = nullptr);
    ~DendrogramView() override;

    /// `leafLabels` names the leaves (row labels); leave empty for leaf numbers.
    void setMatrix(const core::LabeledMatrix& matrix, const QStringList& leafLabels = {});
    [[nodiscard]] int leafCount() const;
    /// Leaves in drawing order, left to right (for tests).
    [[nodiscard]] const std::vector<int>& leafOrder() const;

private:
    class Canvas;
    Canvas* m_canvas = nullptr;
};

} // namespace oficina::ui

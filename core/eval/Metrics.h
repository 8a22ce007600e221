#pragma once

#include "util/Message.h"

#include <string>
#include <utility>
#include <vector>

namespace oficina::core {

/// A labelled matrix inside Metrics (confusion matrix, per-class scores).
struct LabeledMatrix {
    std::string name;  ///< stable key, e.g. "confusion_matrix"
    std::vector<std::string> rowLabels;
    std::vector<std::string> columnLabels;
    std::vector<double> values;  ///< row-major, rows × columns
    /// None, or one per row: what front ends say beside the row's numbers (why a gate failed).
    /// Reports and the run store keep the numbers only.
    std::vector<Message> rowNotes;

    [[nodiscard]] double at(size_t row, size_t column) const {
        return values[row * columnLabels.size() + column];
    }
};

/// The output of an evaluation node: named scalars (in a stable order) and matrices.
struct Metrics {
    std::string task;  ///< "classification", "regression", "clustering"
    std::vector<std::pair<std::string, double>> scalars;
    std::vector<LabeledMatrix> matrices;

    [[nodiscard]] const double* scalar(const std::string& name) const;
    [[nodiscard]] const LabeledMatrix* matrix(const std::string& name) const;
};

/// Metrics a pipeline measured on rows a model was not trained on (a test split, the folds of a
/// cross-validation), for what describes the model: its card, its package.
struct HeldOutMetrics {
    std::string source; ///< what the rows were: "test rows — Score (score)"
    std::vector<std::pair<std::string, double>> metrics;
};

} // namespace oficina::core

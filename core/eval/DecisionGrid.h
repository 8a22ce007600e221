#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core {

struct Model;
class Table;

/// A classifier's prediction over a regular grid of two raw input columns: the data behind the
/// 2-D decision-boundary teaching view.
struct DecisionGrid {
    std::string xColumn, yColumn;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    int resolution = 0;  ///< cells per side
    /// Predicted class of each cell, row-major from (xMin, yMin): index = row * resolution +
    /// column, row along y, column along x, each cell's centre evaluated. -1 = no prediction.
    std::vector<int32_t> classes;
    /// The class labels that `classes` index.
    std::vector<std::string> labels;

    [[nodiscard]] int32_t at(int row, int column) const {
        return classes[size_t(row) * size_t(resolution) + size_t(column)];
    }
};

/// The two raw numeric columns a classifier reads, when it reads exactly two (its estimator has
/// two features, both numeric columns of the schema its lineage began with); nothing otherwise.
std::optional<std::pair<std::string, std::string>> twoNumericInputs(const Model& model);

/// Predicts `model` on a `resolution` × `resolution` grid spanning the given ranges of its raw
/// inputs `xColumn` and `yColumn` (the lineage is re-applied, as Predict does). Throws Error when
/// the model is not a classifier or needs other columns.
DecisionGrid computeDecisionGrid(const Model& model, const std::string& xColumn,
                                 const std::string& yColumn, double xMin, double xMax,
                                 double yMin, double yMax, int resolution);

/// The same over the range of `points`' two columns, widened by 5% on each side so the
/// outermost points do not sit on the edge.
DecisionGrid computeDecisionGrid(const Model& model, const Table& points,
                                 const std::string& xColumn, const std::string& yColumn,
                                 int resolution);

} // namespace oficina::core

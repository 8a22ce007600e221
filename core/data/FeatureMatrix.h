#pragma once

#include "data/Table.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace oficina::core {

/// The named columns as a dense matrix: one row per table row, one column per name, in the given
/// order. Throws Error naming the column if it is absent, categorical (models need an explicit
/// encoder), or has missing or infinite values.
Eigen::MatrixXd featureMatrix(const Table& table, const std::vector<std::string>& columns);

/// The same columns with the same checks, without a copy: each span views the column's values.
std::vector<std::span<const double>> featureColumns(const Table& table,
                                                    const std::vector<std::string>& columns);

/// A classification target as class indices: codes[i] indexes labels.
struct ClassLabels {
    std::vector<int32_t> codes;
    std::vector<std::string> labels;
};

/// Categorical targets keep their dictionary (every category, used or not); numeric targets with
/// integer values get one label per distinct value in ascending order ("0", "1", "7"). Throws
/// Error for missing values and for non-integer numbers (a regression target).
ClassLabels classLabels(const Column& target);

} // namespace oficina::core

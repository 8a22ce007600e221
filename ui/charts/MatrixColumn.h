#pragma once

#include "eval/Metrics.h"

#include <algorithm>
#include <string_view>

namespace oficina::ui {

/// The index of the column `name` of a metrics matrix, or -1.
inline int matrixColumn(const core::LabeledMatrix& m, std::string_view name) {
    const auto it = std::find(m.columnLabels.begin(), m.columnLabels.end(), name);
    return it == m.columnLabels.end() ? -1 : int(it - m.columnLabels.begin());
}

} // namespace oficina::ui

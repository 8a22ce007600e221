#pragma once

#include "data/Table.h"

#include <string>
#include <vector>

namespace oficina::core {

/// What `oficina-cli inspect` and the data preview show about one column.
struct ColumnSummary {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    ColumnRole role = ColumnRole::Feature;
    size_t missing = 0;
    // numeric (NaN when the column has no values)
    double min = 0, max = 0, mean = 0, std = 0;
    // categorical: categories with their counts, most frequent first
    std::vector<std::pair<std::string, size_t>> categoryCounts;
};

ColumnSummary summarizeColumn(const Column& column);
std::vector<ColumnSummary> summarizeTable(const Table& table);

} // namespace oficina::core

#pragma once

// What the training data looked like, kept in a model package so that drift checks can compare
// live or new rows against it without the training file: per column, a histogram on fixed bins
// or the category frequencies, and the missing rate; and the same for the predictions.

#include "data/Table.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace oficina::core::monitor {

/// Equal-width bins between the training minimum and maximum.
inline constexpr int kHistogramBins = 20;

struct ColumnProfile {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    uint64_t rows = 0;
    uint64_t missing = 0;
    // Numeric: kHistogramBins + 1 edges (fewer when every value is the same: one bin [v, v])
    // and a count per bin; the last bin includes its upper edge. Summary statistics too.
    std::vector<double> edges;
    std::vector<uint64_t> counts;
    double mean = 0, stddev = 0, min = 0, max = 0;
    // Categorical: each category and its count, in the column's category order.
    std::vector<std::string> categories;
    std::vector<uint64_t> categoryCounts;
};

struct DataProfile {
    uint64_t rows = 0;
    std::vector<ColumnProfile> columns;
    /// The model's predictions on the training rows ("prediction" or "cluster").
    ColumnProfile prediction;
};

/// The profile of column `column` (numbers or categories; missing cells counted apart).
ColumnProfile profileColumn(const Column& column);

/// Profiles of `table`'s columns named in `columns`, in that order, plus `prediction`.
DataProfile profileTable(const Table& table, const std::vector<std::string>& columns,
                         const Column& prediction);

nlohmann::ordered_json toJson(const DataProfile& profile);
/// Throws Error at `where` for a malformed profile.
DataProfile profileFromJson(const nlohmann::ordered_json& json, const std::string& where);

/// `count` row indices drawn uniformly without replacement from [0, rows), sorted, by reservoir
/// sampling (Algorithm R) seeded with `seed`: the same arguments give the same rows everywhere.
std::vector<size_t> reservoirSample(size_t rows, size_t count, uint64_t seed);

} // namespace oficina::core::monitor

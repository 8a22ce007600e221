#pragma once

#include "data/Table.h"

#include <cstddef>
#include <string>

namespace oficina::core {

/// Options of timeWindows.
///
/// Example: predict next year's sunspots from the 12 years before it:
///     timeWindows(sunspots, {.column = "SUNACTIVITY", .lookback = 12, .horizon = 1})
struct TimeWindowOptions {
    /// The series, a numeric column in time order; empty = the table's target column.
    std::string column;
    size_t lookback = 12;  ///< lagged values per window
    size_t horizon = 1;    ///< the target is the value this many steps after the last lag
};

struct TimeWindows {
    /// One row per complete window, in time order: features "lag_<lookback>" … "lag_1" (oldest
    /// first: the values at t − lookback … t − 1) and the numeric target timeWindowTarget(),
    /// the value at t − 1 + horizon. A new lineage starts here.
    Table table;
    size_t dropped = 0;  ///< windows left out because one of their values was missing
};

/// Sliding windows over one series, for forecasting with any regressor or a recurrent network
/// (whose input shape is then lookback × 1). Other columns are not carried. Throws Error naming
/// the column when it is absent, categorical, or shorter than lookback + horizon values. Pure.
TimeWindows timeWindows(const Table& input, const TimeWindowOptions& options);

/// The target's name: "<column>_t+<horizon>", e.g. "SUNACTIVITY_t+1".
std::string timeWindowTarget(const std::string& column, size_t horizon);

} // namespace oficina::core

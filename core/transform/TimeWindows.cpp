#include "transform/TimeWindows.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

std::string timeWindowTarget(const std::string& column, size_t horizon) {
    return column + "_t+" + std::to_string(horizon);
}

TimeWindows timeWindows(const Table& input, const TimeWindowOptions& options) {
    std::string name = options.column;
    if (name.empty()) {
        const auto targets = input.namesWithRole(ColumnRole::Target);
        if (targets.empty())
            throw Error(Message(OFICINA_TR_NOOP("choose the column holding the series: the table "
                                                "has no target column")));
        name = targets.front();
    }
    const Column& series = input.column(name);
    if (!series.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; time windows need a "
                                            "numeric series"),
                            {name}));
    const size_t lookback = std::max<size_t>(options.lookback, 1);
    const size_t horizon = std::max<size_t>(options.horizon, 1);
    const std::vector<double>& v = series.values();
    const size_t n = v.size();
    if (n < lookback + horizon)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 values, but %3 lagged values and "
                                            "a horizon of %4 need at least %5"),
                            {name, std::to_string(n), std::to_string(lookback),
                             std::to_string(horizon), std::to_string(lookback + horizon)}));

    // Window s: lags v[s] … v[s + lookback − 1], target v[s + lookback − 1 + horizon].
    const size_t windows = n - lookback - horizon + 1;
    std::vector<size_t> kept;
    kept.reserve(windows);
    // A window is complete when no value among its lags and target is missing: count the
    // missing values in the sliding lag range instead of rescanning each window.
    long missingInLags = 0;
    for (size_t k = 0; k < lookback; ++k) missingInLags += long(std::isnan(v[k]));
    for (size_t s = 0; s < windows; ++s) {
        if (s > 0)
            missingInLags += long(std::isnan(v[s + lookback - 1])) - long(std::isnan(v[s - 1]));
        if (missingInLags == 0 && !std::isnan(v[s + lookback - 1 + horizon])) kept.push_back(s);
    }
    if (kept.empty())
        throw Error(Message(OFICINA_TR_NOOP("every window of column '%1' has a missing value"),
                            {name}));

    std::vector<Column> columns;
    columns.reserve(lookback + 1);
    for (size_t lag = lookback; lag >= 1; --lag) {
        std::vector<double> values(kept.size());
        for (size_t r = 0; r < kept.size(); ++r) values[r] = v[kept[r] + lookback - lag];
        columns.push_back(Column::numeric("lag_" + std::to_string(lag), std::move(values)));
    }
    std::vector<double> target(kept.size());
    for (size_t r = 0; r < kept.size(); ++r) target[r] = v[kept[r] + lookback - 1 + horizon];
    columns.push_back(Column::numeric(timeWindowTarget(name, horizon), std::move(target),
                                      ColumnRole::Target));

    TimeWindows result{Table(std::move(columns)), windows - kept.size()};
    result.table.startLineage();
    return result;
}

} // namespace oficina::core

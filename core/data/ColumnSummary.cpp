#include "data/ColumnSummary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace oficina::core {

ColumnSummary summarizeColumn(const Column& column) {
    ColumnSummary s;
    s.name = column.name();
    s.type = column.type();
    s.role = column.role();
    if (column.isNumeric()) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo, sum = 0, sumSq = 0;
        size_t count = 0;
        for (double v : column.values()) {
            if (std::isnan(v)) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sum += v;
            ++count;
        }
        s.missing = column.size() - count;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        s.mean = count ? sum / double(count) : nan;
        for (double v : column.values())
            if (!std::isnan(v)) sumSq += (v - s.mean) * (v - s.mean);
        s.min = count ? lo : nan;
        s.max = count ? hi : nan;
        s.std = count ? std::sqrt(sumSq / double(count)) : nan;
        return s;
    }
    std::vector<size_t> counts(column.categories().size(), 0);
    for (int32_t code : column.codes()) {
        if (code == Column::kMissingCode)
            ++s.missing;
        else
            ++counts[size_t(code)];
    }
    for (size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) s.categoryCounts.emplace_back(column.categories()[i], counts[i]);
    std::stable_sort(s.categoryCounts.begin(), s.categoryCounts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return s;
}

std::vector<ColumnSummary> summarizeTable(const Table& table) {
    std::vector<ColumnSummary> out;
    out.reserve(table.columnCount());
    for (const auto& c : table.columns()) out.push_back(summarizeColumn(c));
    return out;
}

} // namespace oficina::core

#include "transform/RowFilters.h"

#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace oficina::core {

namespace {

FilteredRows keepRows(const Table& table, const std::vector<char>& keep) {
    std::vector<size_t> rows;
    rows.reserve(table.rowCount());
    for (size_t i = 0; i < keep.size(); ++i)
        if (keep[i]) rows.push_back(i);
    const size_t removed = table.rowCount() - rows.size();
    if (removed == 0) return {table, 0};
    return {table.takeRows(rows), removed};  // takeRows keeps the lineage
}

std::vector<const Column*> columnsOf(const Table& table, const std::vector<std::string>& names) {
    std::vector<const Column*> columns;
    if (names.empty()) {
        for (const Column& c : table.columns()) columns.push_back(&c);
        return columns;
    }
    for (const std::string& name : names) columns.push_back(&table.column(name));
    return columns;
}

// Bit pattern of a cell for hashing and equality: -0 equals 0 and every NaN equals every NaN,
// as pandas' duplicated() sees them.
uint64_t cellKey(const Column& column, size_t row) {
    if (!column.isNumeric()) return uint64_t(int64_t(column.codes()[row]));
    double v = column.values()[row];
    if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();
    if (v == 0.0) v = 0.0;
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

// numpy.percentile's default "linear" method, including its _lerp rounding rule.
double percentile(const std::vector<double>& sorted, double q) {
    const double position = q * double(sorted.size() - 1);
    const auto lo = size_t(std::floor(position));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double t = position - double(lo);
    const double a = sorted[lo], b = sorted[hi];
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

} // namespace

FilteredRows dropMissingRows(const Table& table, const DropMissingOptions& options) {
    const std::vector<const Column*> columns = columnsOf(table, options.subset);
    std::vector<size_t> present(table.rowCount(), 0);
    for (const Column* column : columns)
        for (size_t i = 0; i < present.size(); ++i) present[i] += column->isMissing(i) ? 0 : 1;
    std::vector<char> keep(present.size());
    for (size_t i = 0; i < present.size(); ++i) {
        if (options.threshold > 0)
            keep[i] = present[i] >= options.threshold;
        else if (options.how == MissingHow::Any)
            keep[i] = present[i] == columns.size();
        else
            keep[i] = present[i] > 0 || columns.empty();
    }
    return keepRows(table, keep);
}

FilteredRows dropDuplicateRows(const Table& table, const DropDuplicatesOptions& options) {
    const std::vector<const Column*> columns = columnsOf(table, options.subset);
    const size_t n = table.rowCount();
    const auto hashRow = [&](size_t row) {
        uint64_t h = 1469598103934665603ull;
        for (const Column* c : columns) {
            h ^= cellKey(*c, row) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
            h *= 1099511628211ull;
        }
        return h;
    };
    const auto sameRow = [&](size_t a, size_t b) {
        for (const Column* c : columns)
            if (cellKey(*c, a) != cellKey(*c, b)) return false;
        return true;
    };
    // Each row's group: the first row with the same cells.
    std::unordered_multimap<uint64_t, size_t> seen;
    seen.reserve(n);
    std::vector<size_t> group(n);
    std::vector<size_t> groupCount(n, 0);
    std::vector<size_t> groupLast(n, 0);
    for (size_t i = 0; i < n; ++i) {
        const uint64_t h = hashRow(i);
        size_t first = i;
        const auto range = seen.equal_range(h);
        for (auto it = range.first; it != range.second; ++it)
            if (sameRow(it->second, i)) {
                first = it->second;
                break;
            }
        if (first == i) seen.emplace(h, i);
        group[i] = first;
        ++groupCount[first];
        groupLast[first] = i;
    }
    std::vector<char> keep(n);
    for (size_t i = 0; i < n; ++i) {
        switch (options.keep) {
        case KeepDuplicate::First: keep[i] = group[i] == i; break;
        case KeepDuplicate::Last: keep[i] = groupLast[group[i]] == i; break;
        case KeepDuplicate::None: keep[i] = groupCount[group[i]] == 1; break;
        }
    }
    return keepRows(table, keep);
}

FilteredRows removeOutliers(const Table& table, const OutlierOptions& options) {
    std::vector<const Column*> columns;
    if (options.columns.empty()) {
        for (const Column& c : table.columns())
            if (c.role() == ColumnRole::Feature && c.isNumeric()) columns.push_back(&c);
    } else {
        for (const std::string& name : options.columns) {
            const Column& c = table.column(name);
            if (!c.isNumeric())
                throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; outliers are "
                                                    "found in numeric columns only"),
                                    {name}));
            columns.push_back(&c);
        }
    }
    std::vector<char> keep(table.rowCount(), 1);
    for (const Column* column : columns) {
        const std::vector<double>& x = column->values();
        std::vector<double> present;
        present.reserve(x.size());
        for (double v : x)
            if (!std::isnan(v)) present.push_back(v);
        if (present.empty()) continue;
        if (options.method == OutlierMethod::ZScore) {
            double sum = 0.0;
            for (double v : present) sum += v;
            const double mean = sum / double(present.size());
            double squares = 0.0;
            for (double v : present) squares += (v - mean) * (v - mean);
            const double sd = std::sqrt(squares / double(present.size()));
            if (!(sd > 0.0)) continue;  // a constant column has no outliers (scipy gives NaN)
            for (size_t i = 0; i < x.size(); ++i)
                if (!std::isnan(x[i]) && std::abs(x[i] - mean) / sd > options.threshold)
                    keep[i] = 0;
        } else {
            std::sort(present.begin(), present.end());
            const double q1 = percentile(present, 0.25);
            const double q3 = percentile(present, 0.75);
            const double iqr = q3 - q1;
            const double lo = q1 - options.factor * iqr;
            const double hi = q3 + options.factor * iqr;
            for (size_t i = 0; i < x.size(); ++i)
                if (!std::isnan(x[i]) && (x[i] < lo || x[i] > hi)) keep[i] = 0;
        }
    }
    return keepRows(table, keep);
}

FilteredRows filterRows(const Table& table, const RowCondition& condition) {
    const Column& column = table.column(condition.column);
    const size_t n = table.rowCount();
    std::vector<char> keep(n, 0);
    const CompareOp op = condition.op;
    if (op == CompareOp::IsMissing || op == CompareOp::IsNotMissing) {
        const bool wantMissing = op == CompareOp::IsMissing;
        for (size_t i = 0; i < n; ++i) keep[i] = column.isMissing(i) == wantMissing;
        return keepRows(table, keep);
    }
    if (column.isNumeric()) {
        if (op == CompareOp::Contains)
            throw Error(Message(OFICINA_TR_NOOP("'contains' needs a categorical column, but '%1' "
                                                "is numeric"),
                                {condition.column}));
        double value = 0.0;
        if (!parseNumber(condition.value, value))
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is numeric, but '%2' is not a "
                                                "number"),
                                {condition.column, condition.value}));
        const std::vector<double>& x = column.values();
        for (size_t i = 0; i < n; ++i) {
            const double v = x[i];
            switch (op) {
            case CompareOp::Equal: keep[i] = v == value; break;
            case CompareOp::NotEqual: keep[i] = !(v == value); break;  // NaN != value, as pandas
            case CompareOp::Less: keep[i] = v < value; break;
            case CompareOp::LessEqual: keep[i] = v <= value; break;
            case CompareOp::Greater: keep[i] = v > value; break;
            case CompareOp::GreaterEqual: keep[i] = v >= value; break;
            default: break;
            }
        }
        return keepRows(table, keep);
    }
    if (op != CompareOp::Equal && op != CompareOp::NotEqual && op != CompareOp::Contains)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; compare it with '=', "
                                            "'≠' or 'contains', or cast it to numeric first"),
                            {condition.column}));
    const std::vector<std::string>& labels = column.categories();
    std::vector<char> match(labels.size());
    for (size_t k = 0; k < labels.size(); ++k)
        match[k] = op == CompareOp::Contains
                       ? labels[k].find(condition.value) != std::string::npos
                       : labels[k] == condition.value;
    const std::vector<int32_t>& codes = column.codes();
    for (size_t i = 0; i < n; ++i) {
        const int32_t code = codes[i];
        const bool hit = code >= 0 && match[size_t(code)];
        keep[i] = op == CompareOp::NotEqual ? !hit : hit;
    }
    return keepRows(table, keep);
}

} // namespace oficina::core

#include "transform/Scalers.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace oficina::core {

std::vector<std::string> numericFeatureNames(const Table& table) {
    std::vector<std::string> names;
    for (const Column& column : table.columns())
        if (column.role() == ColumnRole::Feature && column.isNumeric())
            names.push_back(column.name());
    return names;
}

std::vector<std::string> allNumericFeatureNames(const Table& table) {
    std::vector<std::string> names;
    for (const Column& column : table.columns()) {
        if (column.role() != ColumnRole::Feature) continue;
        if (!column.isNumeric())
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; add an encoder "
                                                "before this step"),
                                {column.name()}));
        names.push_back(column.name());
    }
    return names;
}

void requireFinite(const Column& column) {
    const std::vector<double>& values = column.values();
    size_t missing = 0, infinite = 0;
    for (double v : values) {
        missing += std::isnan(v);
        infinite += std::isinf(v);
    }
    if (missing)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 missing values; add an "
                                            "imputer or drop rows with missing values"),
                            {column.name(), std::to_string(missing)}));
    if (infinite)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 infinite values; remove or "
                                            "replace them before this model"),
                            {column.name(), std::to_string(infinite)}));
}

const Column& fittedNumericColumn(const Table& input, const std::string& name) {
    const Column* column = input.find(name);
    if (!column)
        throw Error(Message(OFICINA_TR_NOOP("this step was fitted on column '%1', which this "
                                            "table does not have"),
                            {name}));
    if (!column->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("this step was fitted on numeric column '%1', which "
                                            "is categorical here"),
                            {name}));
    return *column;
}

Table replaceColumns(const Table& input, const std::vector<std::string>& replaced,
                     std::vector<Column> added) {
    std::vector<Column> columns;
    columns.reserve(input.columnCount() + added.size());
    bool inserted = false;
    for (const Column& column : input.columns()) {
        const bool isReplaced =
            std::find(replaced.begin(), replaced.end(), column.name()) != replaced.end();
        if (!isReplaced) {
            columns.push_back(column);
            continue;
        }
        if (inserted) continue;
        for (Column& c : added)
            columns.push_back(std::move(c));
        inserted = true;
    }
    if (!inserted)
        for (Column& c : added)
            columns.push_back(std::move(c));
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

double percentileOfSorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
    // numpy 1.24's "linear" method: virtual index (n − 1)·q, then _lerp, which computes from the
    // upper neighbour when the fraction is ≥ 0.5 so the result is monotonic and exact at ends.
    const double index = double(sorted.size() - 1) * (q / 100.0);
    const double below = std::floor(index);
    const double t = index - below;
    const size_t lo = size_t(below);
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double a = sorted[lo], b = sorted[hi];
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

double handleZeroScale(double scale) {
    return scale < 10 * std::numeric_limits<double>::epsilon() ? 1.0 : scale;
}

namespace {

std::vector<double> presentValues(const Column& column) {
    std::vector<double> out;
    out.reserve(column.size());
    for (double v : column.values())
        if (!std::isnan(v)) out.push_back(v);
    return out;
}

} // namespace

// ---- Min-max ----

MinMaxScalerStep::MinMaxScalerStep(std::vector<std::string> columns, std::vector<double> dataMin,
                                   std::vector<double> dataMax, MinMaxScalerOptions options)
    : m_columns(std::move(columns)), m_dataMin(std::move(dataMin)), m_dataMax(std::move(dataMax)),
      m_options(options) {
    const double lo = options.featureRange[0], hi = options.featureRange[1];
    for (size_t j = 0; j < m_columns.size(); ++j) {
        const double range = m_dataMax[j] - m_dataMin[j];
        // All-missing columns have NaN bounds: keep them NaN rather than inventing a scale.
        const double scale = std::isnan(range) ? 1.0 : (hi - lo) / handleZeroScale(range);
        m_scale.push_back(scale);
        m_min.push_back(std::isnan(range) ? 0.0 : lo - m_dataMin[j] * scale);
    }
}

std::string MinMaxScalerStep::typeId() const {
    return "oficina.scale.minmax";
}

const char* MinMaxScalerStep::title() const {
    return OFICINA_TR_NOOP("Min-max scaler");
}

std::shared_ptr<const FittedStep> MinMaxScalerStep::refit(const Table& input) const {
    return fitMinMaxScaler(input, m_options);
}

Table MinMaxScalerStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    const double lo = m_options.featureRange[0], hi = m_options.featureRange[1];
    for (size_t j = 0; j < m_columns.size(); ++j) {
        const Column& column = fittedNumericColumn(input, m_columns[j]);
        const std::vector<double>& in = column.values();
        std::vector<double> out(in.size());
        const double scale = m_scale[j], offset = m_min[j];
        // x·scale + min, in scikit-learn's order, so results agree to the last bit.
        for (size_t i = 0; i < in.size(); ++i)
            out[i] = in[i] * scale + offset;
        if (m_options.clip)
            for (double& v : out)
                if (!std::isnan(v)) v = std::clamp(v, lo, hi);
        columns[size_t(&column - input.columns().data())] =
            Column::numeric(column.name(), std::move(out), column.role());
    }
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

std::shared_ptr<const MinMaxScalerStep> fitMinMaxScaler(const Table& table,
                                                        const MinMaxScalerOptions& options) {
    if (!(options.featureRange[0] < options.featureRange[1]))
        throw Error(Message(
            OFICINA_TR_NOOP("the feature range's minimum (%1) must be smaller "
                            "than its maximum (%2)"),
            {formatNumber(options.featureRange[0]), formatNumber(options.featureRange[1])}));
    std::vector<std::string> names = numericFeatureNames(table);
    std::vector<double> lows, highs;
    for (const std::string& name : names) {
        // (v < lo ? v : lo) leaves lo as it is for NaN, so missing values need no test, and
        // four independent accumulators let the compiler use packed min/max.
        constexpr double inf = std::numeric_limits<double>::infinity();
        double lo4[4] = {inf, inf, inf, inf}, hi4[4] = {-inf, -inf, -inf, -inf};
        const std::vector<double>& values = table.column(name).values();
        size_t i = 0;
        for (; i + 4 <= values.size(); i += 4)
            for (size_t k = 0; k < 4; ++k) {
                const double v = values[i + k];
                lo4[k] = v < lo4[k] ? v : lo4[k];
                hi4[k] = v > hi4[k] ? v : hi4[k];
            }
        for (; i < values.size(); ++i) {
            lo4[0] = values[i] < lo4[0] ? values[i] : lo4[0];
            hi4[0] = values[i] > hi4[0] ? values[i] : hi4[0];
        }
        double lo = std::min({lo4[0], lo4[1], lo4[2], lo4[3]});
        double hi = std::max({hi4[0], hi4[1], hi4[2], hi4[3]});
        if (lo > hi) lo = hi = std::numeric_limits<double>::quiet_NaN();
        lows.push_back(lo);
        highs.push_back(hi);
    }
    return std::make_shared<const MinMaxScalerStep>(std::move(names), std::move(lows),
                                                    std::move(highs), options);
}

// ---- Robust ----

RobustScalerStep::RobustScalerStep(std::vector<std::string> columns, std::vector<double> center,
                                   std::vector<double> scale, RobustScalerOptions options)
    : m_columns(std::move(columns)), m_center(std::move(center)), m_scale(std::move(scale)),
      m_options(options) {}

std::string RobustScalerStep::typeId() const {
    return "oficina.scale.robust";
}

const char* RobustScalerStep::title() const {
    return OFICINA_TR_NOOP("Robust scaler");
}

std::shared_ptr<const FittedStep> RobustScalerStep::refit(const Table& input) const {
    return fitRobustScaler(input, m_options);
}

Table RobustScalerStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (size_t j = 0; j < m_columns.size(); ++j) {
        const Column& column = fittedNumericColumn(input, m_columns[j]);
        const std::vector<double>& in = column.values();
        std::vector<double> out(in.size());
        const double center = m_center[j], scale = m_scale[j];
        for (size_t i = 0; i < in.size(); ++i)
            out[i] = (in[i] - center) / scale;
        columns[size_t(&column - input.columns().data())] =
            Column::numeric(column.name(), std::move(out), column.role());
    }
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

std::shared_ptr<const RobustScalerStep> fitRobustScaler(const Table& table,
                                                        const RobustScalerOptions& options) {
    const double qLow = options.quantileRange[0], qHigh = options.quantileRange[1];
    if (!(0.0 <= qLow && qLow <= qHigh && qHigh <= 100.0))
        throw Error(Message(OFICINA_TR_NOOP("invalid quantile range %1–%2: it needs "
                                            "0 ≤ low ≤ high ≤ 100"),
                            {formatNumber(qLow), formatNumber(qHigh)}));
    std::vector<std::string> names = numericFeatureNames(table);
    std::vector<double> centers, scales;
    for (const std::string& name : names) {
        std::vector<double> values = presentValues(table.column(name));
        std::sort(values.begin(), values.end());
        double center = 0.0, scale = 1.0;
        if (!values.empty()) {
            const size_t n = values.size();
            // numpy's median: the mean of the two middle values.
            if (options.withCentering)
                center = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
            if (options.withScaling)
                scale = handleZeroScale(percentileOfSorted(values, qHigh) -
                                        percentileOfSorted(values, qLow));
        }
        centers.push_back(center);
        scales.push_back(scale);
    }
    return std::make_shared<const RobustScalerStep>(std::move(names), std::move(centers),
                                                    std::move(scales), options);
}

} // namespace oficina::core

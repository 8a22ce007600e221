#include "transform/StandardScaler.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <cmath>
#include <limits>

namespace oficina::core {

namespace {

struct MeanAndScale {
    double mean = 0.0;
    double scale = 1.0;
};

// scikit-learn's _incremental_mean_and_var on a first batch: the corrected two-pass variance
// (Chan, Golub & LeVeque), then _is_constant_feature to turn rounding noise into scale 1.
MeanAndScale meanAndScale(const std::vector<double>& values) {
    double sum = 0.0;
    size_t count = 0;
    for (double v : values)
        if (!std::isnan(v)) {
            sum += v;
            ++count;
        }
    if (count == 0) return {};
    const double n = double(count);
    const double mean = sum / n;
    double correction = 0.0;
    double squares = 0.0;
    for (double v : values)
        if (!std::isnan(v)) {
            const double d = v - mean;
            correction += d;
            squares += d * d;
        }
    const double variance = (squares - correction * correction / n) / n;
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double bound = n * eps * variance + (n * mean * eps) * (n * mean * eps);
    return {mean, variance <= bound ? 1.0 : std::sqrt(variance)};
}

} // namespace

StandardScalerStep::StandardScalerStep(std::vector<std::string> columns, std::vector<double> mean,
                                       std::vector<double> scale, StandardScalerOptions options)
    : m_columns(std::move(columns)), m_mean(std::move(mean)), m_scale(std::move(scale)),
      m_options(options) {}

std::string StandardScalerStep::typeId() const {
    return "oficina.scale.standard";
}

const char* StandardScalerStep::title() const {
    return OFICINA_TR_NOOP("Standard scaler");
}

std::shared_ptr<const FittedStep> StandardScalerStep::refit(const Table& input) const {
    return fitStandardScaler(input, m_options);
}

Table StandardScalerStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (size_t j = 0; j < m_columns.size(); ++j) {
        const Column* column = input.find(m_columns[j]);
        if (!column)
            throw Error(Message(OFICINA_TR_NOOP("the standard scaler was fitted on column '%1', "
                                                "which this table does not have"),
                                {m_columns[j]}));
        if (!column->isNumeric())
            throw Error(Message(OFICINA_TR_NOOP("the standard scaler was fitted on numeric "
                                                "column '%1', which is categorical here"),
                                {m_columns[j]}));
        const std::vector<double>& in = column->values();
        std::vector<double> scaled(in.size());
        const double mean = m_mean[j];
        const double scale = m_scale[j];
        // Subtract, then divide, as scikit-learn does, so results agree to the last bit.
        for (size_t i = 0; i < in.size(); ++i)
            scaled[i] = (in[i] - mean) / scale;
        columns[size_t(column - input.columns().data())] =
            Column::numeric(column->name(), std::move(scaled), column->role());
    }
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

std::shared_ptr<const StandardScalerStep> fitStandardScaler(const Table& table,
                                                            const StandardScalerOptions& options) {
    std::vector<std::string> columns;
    std::vector<double> means;
    std::vector<double> scales;
    for (const Column& column : table.columns()) {
        if (column.role() != ColumnRole::Feature || !column.isNumeric()) continue;
        const MeanAndScale fitted = meanAndScale(column.values());
        columns.push_back(column.name());
        means.push_back(options.withMean ? fitted.mean : 0.0);
        scales.push_back(options.withStd ? fitted.scale : 1.0);
    }
    return std::make_shared<const StandardScalerStep>(std::move(columns), std::move(means),
                                                      std::move(scales), options);
}

} // namespace oficina::core

#include "data/FeatureMatrix.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

Eigen::MatrixXd featureMatrix(const Table& table, const std::vector<std::string>& columns) {
    const auto rows = Eigen::Index(table.rowCount());
    Eigen::MatrixXd matrix(rows, Eigen::Index(columns.size()));
    for (size_t j = 0; j < columns.size(); ++j) {
        const Column& column = table.column(columns[j]);
        if (!column.isNumeric())
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; add an encoder "
                                                "before this model"),
                                {column.name()}));
        // Column-major storage: each column is one contiguous copy.
        auto out = matrix.col(Eigen::Index(j));
        out = Eigen::Map<const Eigen::VectorXd>(column.values().data(), rows);
        if (out.allFinite()) continue;
        if (const size_t missing = column.missingCount())
            throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 missing values; add an "
                                                "imputer or drop rows with missing values"),
                                {column.name(), std::to_string(missing)}));
        const auto infinite = out.array().isInf().count();
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 infinite values; remove or "
                                            "replace them before this model"),
                            {column.name(), std::to_string(infinite)}));
    }
    return matrix;
}

ClassLabels classLabels(const Column& target) {
    if (const size_t missing = target.missingCount())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' has %2 missing values; drop "
                                            "those rows before training"),
                            {target.name(), std::to_string(missing)}));
    if (!target.isNumeric()) return {target.codes(), target.categories()};

    const std::vector<double>& values = target.values();
    const auto fractional = std::find_if(values.begin(), values.end(), [](double v) {
        return !std::isfinite(v) || v != std::round(v);
    });
    if (fractional != values.end())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' has non-integer values such as "
                                            "%2; classification needs class labels, so use a "
                                            "regression model for a numeric target"),
                            {target.name(), formatNumber(*fractional)}));

    std::vector<double> distinct = values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

    ClassLabels out;
    out.labels.reserve(distinct.size());
    for (double v : distinct)
        out.labels.push_back(formatNumber(v == 0.0 ? 0.0 : v));
    out.codes.reserve(values.size());
    for (double v : values)
        out.codes.push_back(
            int32_t(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin()));
    return out;
}

} // namespace oficina::core

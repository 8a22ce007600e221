#include "data/FeatureMatrix.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

namespace {

// Sorted distinct values. Class targets have few, so a scan of the short list found so far beats
// sorting every row; many distinct values fall back to the sort.
std::vector<double> distinctValues(const std::vector<double>& values) {
    constexpr size_t kScanLimit = 64;
    std::vector<double> distinct;
    for (double v : values) {
        if (std::find(distinct.begin(), distinct.end(), v) != distinct.end()) continue;
        if (distinct.size() == kScanLimit) {
            distinct = values;
            break;
        }
        distinct.push_back(v);
    }
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    return distinct;
}

} // namespace

namespace {

const Column& numericFeature(const Table& table, const std::string& name) {
    const Column& column = table.column(name);
    if (!column.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; add an encoder "
                                            "before this model"),
                            {column.name()}));
    return column;
}

// Throws the user's message when `values` (the column's, in any order) are not all finite.
void requireFinite(const Column& column, std::span<const double> values) {
    if (std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }))
        return;
    if (const size_t missing = column.missingCount())
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 missing values; add an "
                                            "imputer or drop rows with missing values"),
                            {column.name(), std::to_string(missing)}));
    const auto infinite =
        std::count_if(values.begin(), values.end(), [](double v) { return std::isinf(v); });
    throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 infinite values; remove or "
                                        "replace them before this model"),
                        {column.name(), std::to_string(infinite)}));
}

} // namespace

std::vector<std::span<const double>> featureColumns(const Table& table,
                                                    const std::vector<std::string>& columns) {
    std::vector<std::span<const double>> out;
    out.reserve(columns.size());
    for (const std::string& name : columns) {
        const Column& column = numericFeature(table, name);
        out.emplace_back(column.values());
        requireFinite(column, out.back());
    }
    return out;
}

Eigen::MatrixXd featureMatrix(const Table& table, const std::vector<std::string>& columns) {
    Eigen::MatrixXd matrix(Eigen::Index(table.rowCount()), Eigen::Index(columns.size()));
    // Column-major storage: each column is one contiguous copy, gathered straight from a view.
    for (size_t j = 0; j < columns.size(); ++j) {
        const Column& column = numericFeature(table, columns[j]);
        double* out = matrix.col(Eigen::Index(j)).data();
        column.copyNumbers(out);
        requireFinite(column, {out, table.rowCount()});
    }
    return matrix;
}

MatrixRows::MatrixRows(const Eigen::MatrixXd& matrix) : m_matrix(matrix) {}

void MatrixRows::read(Eigen::Index first, Eigen::Ref<Eigen::MatrixXd> block) const {
    block = m_matrix.middleRows(first, block.rows());
}

FeatureRows::FeatureRows(const Table& table, const std::vector<std::string>& columns)
    : m_rows(Eigen::Index(table.rowCount())) {
    m_columns.reserve(columns.size());
    for (const std::string& name : columns) {
        const Column& column = numericFeature(table, name);
        // Cell by cell, so a view is gathered only to word the error.
        for (size_t i = 0; i < table.rowCount(); ++i)
            if (!std::isfinite(column.number(i))) requireFinite(column, column.values());
        m_columns.push_back(&column);
    }
}

void FeatureRows::read(Eigen::Index first, Eigen::Ref<Eigen::MatrixXd> block) const {
    for (Eigen::Index j = 0; j < block.cols(); ++j)
        for (Eigen::Index i = 0; i < block.rows(); ++i)
            block(i, j) = m_columns[size_t(j)]->number(size_t(first + i));
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

    std::vector<double> distinct = distinctValues(values);

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

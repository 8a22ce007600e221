#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

// ---- Helpers shared by the fitted transforms (scalers, polynomial, power, binning, PCA) ----

/// Names of the numeric feature columns, in table order.
std::vector<std::string> numericFeatureNames(const Table& table);

/// Names of every feature column; throws Error naming the first categorical one, for transforms
/// that combine features (polynomial, PCA) and so cannot pass a categorical one through.
std::vector<std::string> allNumericFeatureNames(const Table& table);

/// Throws Error naming the column if it holds a missing or infinite value.
void requireFinite(const Column& column);

/// The column a fitted step needs at apply time; throws Error naming it if it is absent or is
/// not numeric.
const Column& fittedNumericColumn(const Table& input, const std::string& name);

/// `input` with the `replaced` columns removed and `added` inserted where the first of them was
/// (other columns keep their order). Keeps the input's lineage; applyStep extends it.
Table replaceColumns(const Table& input, const std::vector<std::string>& replaced,
                     std::vector<Column> added);

/// numpy.percentile(values, q) with the default linear interpolation; `sorted` is ascending and
/// holds no NaN. q in [0, 100].
double percentileOfSorted(const std::vector<double>& sorted, double q);

/// scikit-learn's _handle_zeros_in_scale: a scale below 10·eps becomes 1.
double handleZeroScale(double scale);

// ---- Min-max scaler ----

/// Hyper-parameters of scikit-learn's MinMaxScaler.
///
/// Example:
///     const auto step = fitMinMaxScaler(train, {.featureRange = {-1, 1}, .clip = true});
///     const Table scaled = applyStep(step, test);
struct MinMaxScalerOptions {
    /// The range each column is mapped onto (`feature_range`); the first must be below the second.
    std::array<double, 2> featureRange{0.0, 1.0};
    /// Clip transformed values of new rows into `featureRange` (`clip`).
    bool clip = false;
};

/// A fitted min-max scaler: x → x·scale + min per column (scikit-learn's scale_ and min_),
/// matched by name. NaN stays NaN. Immutable; shareable across threads.
class MinMaxScalerStep final : public FittedStep {
public:
    MinMaxScalerStep(std::vector<std::string> columns, std::vector<double> dataMin,
                     std::vector<double> dataMax, MinMaxScalerOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    [[nodiscard]] const std::vector<double>& dataMin() const { return m_dataMin; }
    [[nodiscard]] const std::vector<double>& dataMax() const { return m_dataMax; }
    /// scikit-learn's scale_ and min_.
    [[nodiscard]] const std::vector<double>& scale() const { return m_scale; }
    [[nodiscard]] const std::vector<double>& offset() const { return m_min; }
    [[nodiscard]] const MinMaxScalerOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_columns;
    std::vector<double> m_dataMin, m_dataMax, m_scale, m_min;
    MinMaxScalerOptions m_options;
};

/// Fits on the numeric feature columns, ignoring missing values; categorical features and
/// other roles pass through. A constant column maps onto the range's lower end. Throws Error
/// for an empty or reversed feature range.
std::shared_ptr<const MinMaxScalerStep> fitMinMaxScaler(const Table& table,
                                                        const MinMaxScalerOptions& options = {});

// ---- Robust scaler ----

/// Hyper-parameters of scikit-learn's RobustScaler.
///
/// Example:
///     const auto step = fitRobustScaler(train, {.quantileRange = {10, 90}});
struct RobustScalerOptions {
    /// Subtract the median (`with_centering`).
    bool withCentering = true;
    /// Divide by the inter-quantile range (`with_scaling`).
    bool withScaling = true;
    /// The quantiles, in percent, whose difference is the scale (`quantile_range`), numpy's
    /// linear interpolation; 0 ≤ low < high ≤ 100.
    std::array<double, 2> quantileRange{25.0, 75.0};
};

/// A fitted robust scaler: x → (x − center) / scale, matched by name. Immutable.
class RobustScalerStep final : public FittedStep {
public:
    RobustScalerStep(std::vector<std::string> columns, std::vector<double> center,
                     std::vector<double> scale, RobustScalerOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    /// scikit-learn's center_ (0 without centering) and scale_ (1 without scaling).
    [[nodiscard]] const std::vector<double>& center() const { return m_center; }
    [[nodiscard]] const std::vector<double>& scale() const { return m_scale; }
    [[nodiscard]] const RobustScalerOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_columns;
    std::vector<double> m_center, m_scale;
    RobustScalerOptions m_options;
};

/// Fits on the numeric feature columns, ignoring missing values; an inter-quantile range of 0
/// gives scale 1. Throws Error for a bad quantile range.
std::shared_ptr<const RobustScalerStep> fitRobustScaler(const Table& table,
                                                        const RobustScalerOptions& options = {});

} // namespace oficina::core

#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

/// Hyper-parameters of the standard scaler (scikit-learn's StandardScaler).
///
/// Example:
///     const auto step = fitStandardScaler(train, {.withMean = true, .withStd = false});
///     const Table centred = applyStep(step, test);
struct StandardScalerOptions {
    /// Subtract each column's mean (`with_mean`).
    bool withMean = true;
    /// Divide by each column's population standard deviation, ddof = 0 (`with_std`); a column
    /// with (numerically) zero variance is divided by 1.
    bool withStd = true;
};

/// A fitted standard scaler: x → (x − mean) / scale on the columns it was fitted on, matched by
/// name. Missing values (NaN) stay missing. Immutable; shareable across threads.
class StandardScalerStep final : public FittedStep {
public:
    /// `mean` and `scale` hold one value per column; pass 0 and 1 for a disabled part.
    StandardScalerStep(std::vector<std::string> columns, std::vector<double> mean,
                       std::vector<double> scale, StandardScalerOptions options = {});

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    /// Throws Error naming a fitted column that is absent or not numeric.
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    /// The scaled columns, in the input table's order.
    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    /// What is subtracted: scikit-learn's mean_ when with_mean, else 0.
    [[nodiscard]] const std::vector<double>& mean() const { return m_mean; }
    /// What is divided by: scikit-learn's scale_ when with_std, else 1.
    [[nodiscard]] const std::vector<double>& scale() const { return m_scale; }
    [[nodiscard]] const StandardScalerOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_columns;
    std::vector<double> m_mean;
    std::vector<double> m_scale;
    StandardScalerOptions m_options;
};

/// Fits on the numeric feature columns of `table`, ignoring missing values; categorical features
/// and columns with other roles pass through untouched. A column with no values at all gets
/// mean 0 and scale 1 (it stays all-missing).
std::shared_ptr<const StandardScalerStep>
fitStandardScaler(const Table& table, const StandardScalerOptions& options = {});

} // namespace oficina::core

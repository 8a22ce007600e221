#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

enum class PowerMethod {
    Log1p,     ///< x → log(1 + x); nothing is learned; values ≤ −1 are an Error
    YeoJohnson ///< scikit-learn's PowerTransformer(method="yeo-johnson")
};

/// Hyper-parameters of the power transform.
///
/// Example:
///     const auto step = fitPowerTransform(train, {.method = PowerMethod::YeoJohnson});
struct PowerTransformOptions {
    PowerMethod method = PowerMethod::YeoJohnson;
    /// Yeo-Johnson only: standardise the transformed columns to zero mean, unit variance
    /// (`standardize`).
    bool standardize = true;
};

/// The Yeo-Johnson transform of one value for exponent `lambda`, as scikit-learn computes it.
double yeoJohnson(double x, double lambda);

/// scikit-learn's objective: the negative Gaussian log-likelihood of `x` (no NaN) after the
/// transform with `lambda`, summed in numpy's pairwise order.
double yeoJohnsonNegativeLogLikelihood(const std::vector<double>& x, double lambda);

/// The maximum-likelihood Yeo-Johnson exponent of `values` (NaN ignored), found as scipy's
/// optimize.brent(brack=(−2, 2)) does, step for step, so it equals scikit-learn's lambdas_ —
/// except where the likelihood is flat to rounding over a range wider than 1e-6 (a column far
/// from zero with a strongly negative exponent): numpy's SIMD pow and log1p round differently
/// from the C library in the last bit, and both answers are then equally optimal.
/// Throws Error naming `column` if the values are constant or fewer than two.
double yeoJohnsonLambda(const std::vector<double>& values, const std::string& column);

/// Scipy's Brent minimiser (optimize.brent with a two-point bracket, tol 1.48e-8, 500
/// iterations): the bracket search, then golden-section and parabolic steps.
double brentMinimize(const std::function<double(double)>& f, double xa, double xb);

/// A fitted power transform on the numeric feature columns it was fitted on (matched by name);
/// other columns pass through. Immutable.
class PowerTransformStep final : public FittedStep {
public:
    /// `lambdas`, `mean` and `scale` hold one value per column (Yeo-Johnson only; empty for
    /// log1p). Without standardisation pass mean 0 and scale 1.
    PowerTransformStep(std::vector<std::string> columns, PowerTransformOptions options,
                       std::vector<double> lambdas = {}, std::vector<double> mean = {},
                       std::vector<double> scale = {});

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] bool learnsFromData() const override;
    /// Throws Error naming the column if log1p meets a value ≤ −1.
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    /// scikit-learn's lambdas_.
    [[nodiscard]] const std::vector<double>& lambdas() const { return m_lambdas; }
    [[nodiscard]] const std::vector<double>& mean() const { return m_mean; }
    [[nodiscard]] const std::vector<double>& scale() const { return m_scale; }
    [[nodiscard]] const PowerTransformOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_columns;
    PowerTransformOptions m_options;
    std::vector<double> m_lambdas, m_mean, m_scale;
};

/// Fits on the numeric feature columns (missing values ignored, and kept missing).
/// `stopRequested`, when given, is polled between columns and ends the fit with Cancelled.
std::shared_ptr<const PowerTransformStep>
fitPowerTransform(const Table& table, const PowerTransformOptions& options = {},
                  const std::function<bool()>& stopRequested = {});

} // namespace oficina::core

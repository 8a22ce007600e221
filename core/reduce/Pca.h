#pragma once

#include "data/Lineage.h"
#include "data/Table.h"
#include "eval/Metrics.h"

#include <Eigen/Core>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

/// How the principal axes are computed. All give the same axes (up to rounding) and
/// scikit-learn's signs (svd_flip: the largest-magnitude entry of each score column positive).
enum class PcaSolver {
    /// covariance_eigh for big tall data (≤ 1,000 features, ≥ 10 rows per feature, as
    /// scikit-learn 1.5 chooses, and over a million cells); arpack for wide data (> 500
    /// features, fewer components than 80 % of the smaller dimension); full otherwise.
    Auto,
    /// Thin SVD (Eigen's BDCSVD) of the centred data: scikit-learn's "full", the most accurate;
    /// memory and time grow with rows × features².
    Full,
    /// Eigen-decomposition of the p × p covariance, accumulated over row blocks without
    /// copying the data: one pass, so the fastest for tall data, but eigenvalues below
    /// ~1e-16 of the largest lose their relative precision (the condition number is squared).
    CovarianceEigh,
    /// Lanczos (Spectra) for the leading components only, on products with the centred data:
    /// for wide data where a full decomposition would be wasteful (scikit-learn's "arpack").
    Arpack
};

/// Hyper-parameters of scikit-learn's PCA.
///
/// Example:
///     const PcaFit fit = fitPca(train, {.nComponents = 0.95});  // 95 % of the variance
///     const Table scores = applyStep(fit.step, test);
struct PcaOptions {
    /// `n_components`: 0 keeps min(rows, features) components; an integer ≥ 1 keeps that many;
    /// a value in (0, 1) keeps the fewest components whose explained-variance ratios add up
    /// past it.
    double nComponents = 0.0;
    /// Divide each component's scores by its standard deviation (`whiten`), so they have unit
    /// variance.
    bool whiten = false;
    PcaSolver solver = PcaSolver::Auto;
};

/// A fitted PCA: the feature columns it was fitted on are replaced, where the first of them
/// was, by the scores PC1, PC2… = (x − mean)·componentsᵀ (divided by √variance when
/// whitening); other columns pass through. Immutable; shareable across threads.
class PcaStep final : public FittedStep {
public:
    PcaStep(std::vector<std::string> columns, Eigen::VectorXd mean, Eigen::MatrixXd components,
            Eigen::VectorXd explainedVariance, PcaOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    /// scikit-learn's mean_, components_ (one row per component) and explained_variance_.
    [[nodiscard]] const Eigen::VectorXd& mean() const { return m_mean; }
    [[nodiscard]] const Eigen::MatrixXd& components() const { return m_components; }
    [[nodiscard]] const Eigen::VectorXd& explainedVariance() const { return m_variance; }
    [[nodiscard]] const PcaOptions& options() const { return m_options; }
    /// Scores of a dense matrix whose columns are columns(), in order.
    [[nodiscard]] Eigen::MatrixXd transform(const Eigen::MatrixXd& x) const;

private:
    std::vector<std::string> m_columns;
    Eigen::VectorXd m_mean;
    Eigen::MatrixXd m_components;
    Eigen::VectorXd m_variance;
    PcaOptions m_options;
};

struct PcaFit {
    std::shared_ptr<const PcaStep> step;
    /// Per kept component: variance (explained_variance_), ratio (explained_variance_ratio_)
    /// and cumulative ratio.
    Eigen::VectorXd explainedVarianceRatio;
    Eigen::VectorXd singularValues;
    /// scikit-learn's noise_variance_: mean variance of the dropped components.
    double noiseVariance = 0.0;
    PcaSolver solverUsed = PcaSolver::Full;
};

/// Fits on every feature column (all must be numeric and complete: Error naming the column
/// otherwise). Throws Error for fewer than 2 rows or more components than min(rows, features).
/// `stopRequested`, when given, is polled between row blocks and ends the fit with Cancelled.
PcaFit fitPca(const Table& table, const PcaOptions& options = {},
              const std::function<bool()>& stopRequested = {});

/// The "variance" port's contents: matrix "explained_variance", rows PC1…, columns variance,
/// ratio, cumulative.
Metrics explainedVarianceMetrics(const PcaFit& fit);

} // namespace oficina::core

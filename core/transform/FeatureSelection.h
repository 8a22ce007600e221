#pragma once

#include "data/Lineage.h"
#include "data/Table.h"
#include "eval/Metrics.h"
#include "util/Message.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace oficina::core {

// ---- Statistics ----

/// The regularised incomplete beta function I_x(a, b) (Numerical Recipes' continued fraction,
/// modified Lentz). `y` is 1 − x, passed separately so tiny tails keep their precision.
double regularizedIncompleteBeta(double a, double b, double x, double y);

/// Survival function of the F distribution, P(F > f) with (dfn, dfd) degrees of freedom:
/// scipy's stats.f.sf and special.fdtrc. 1 for f ≤ 0, 0 for f = inf, NaN for NaN.
double fSurvival(double f, double dfn, double dfd);

/// Univariate F statistics and their p-values, one per feature.
struct FTest {
    std::vector<double> f;
    std::vector<double> p;
};

/// scikit-learn's f_classif: one-way ANOVA F of each column of `x` across the classes present
/// in `y` (codes ≥ 0). A column constant within every class gives NaN (as scikit-learn).
FTest fClassif(const Eigen::MatrixXd& x, const std::vector<int32_t>& y);

/// scikit-learn's f_regression (center=True, force_finite=True): F of each column's correlation
/// with `y`; perfect correlation gives the largest double and p 0, a constant column 0 and p 1.
FTest fRegression(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

// ---- The fitted step ----

enum class ScoreFunction {
    Auto,       ///< f_classif for a categorical target, f_regression for a numeric one
    FClassif,   ///< ANOVA F (class target; a numeric target must hold integers)
    FRegression ///< correlation F (numeric target)
};

/// Hyper-parameters of scikit-learn's SelectKBest.
///
/// Example:
///     const FeatureSelection s = fitSelectKBest(train, {.k = 5});
struct SelectKBestOptions {
    /// Features to keep (`k`); 0 keeps all (scikit-learn's k="all"). A k above the number of
    /// features keeps them all, with a warning (scikit-learn raises).
    int k = 10;
    ScoreFunction scoreFunc = ScoreFunction::Auto;
};

/// Hyper-parameters of scikit-learn's VarianceThreshold.
struct VarianceThresholdOptions {
    double threshold = 0.0;
};

/// Which selector made a subset, with its hyper-parameters: they decide the step's type id and
/// how it refits.
using SelectionOptions = std::variant<VarianceThresholdOptions, SelectKBestOptions>;

/// Keeps the feature columns it was fitted to keep and drops the other features it saw in
/// training (when present); columns with other roles (the target) pass through. Immutable.
class FeatureSubsetStep final : public FittedStep {
public:
    FeatureSubsetStep(std::vector<std::string> dropped, std::vector<std::string> kept,
                      SelectionOptions options);

    /// "oficina.select.variance" or "oficina.select.k_best", after the options.
    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<std::string>& kept() const { return m_kept; }
    [[nodiscard]] const std::vector<std::string>& dropped() const { return m_dropped; }
    [[nodiscard]] const SelectionOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_dropped, m_kept;
    SelectionOptions m_options;
};

/// A fitted selection, the per-feature scores behind it, and a note for the user if any.
struct FeatureSelection {
    std::shared_ptr<const FeatureSubsetStep> step;
    /// Task "feature_selection", matrix "feature_scores": one row per scored feature, columns
    /// score, p_value, selected (1 or 0).
    Metrics scores;
    std::optional<Message> warning;
};

/// scikit-learn's VarianceThreshold: drops numeric features whose population variance (missing
/// values ignored) is not above `threshold`; with threshold 0 the peak-to-peak range decides
/// constancy, immune to rounding. Categorical features pass through. Throws Error when no
/// feature is left. Its scores have columns score (the variance) and selected, no p_value.
FeatureSelection fitVarianceThreshold(const Table& table, double threshold = 0.0);

/// Scores every feature against the target column and keeps the k best (ties: the later
/// feature wins, as scikit-learn's stable argsort). Throws Error naming a categorical feature,
/// a feature or target with missing values, or a missing target.
FeatureSelection fitSelectKBest(const Table& table, const SelectKBestOptions& options = {});

} // namespace oficina::core

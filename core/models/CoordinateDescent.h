#pragma once

#include "util/Message.h"

#include <Eigen/Core>

#include <functional>
#include <optional>
#include <stop_token>

namespace oficina::core {

/// Hyper-parameters of the elastic net fitted by cyclic coordinate descent: scikit-learn 1.2's
/// ElasticNet() names, meaning and defaults; lasso is l1Ratio = 1 (scikit-learn's Lasso()).
/// The objective is 1/(2n)·||y − Xw − b||² + alpha·l1Ratio·||w||₁
///                 + alpha·(1 − l1Ratio)/2·||w||².
///
/// Example:
///     ElasticNetOptions lasso;
///     lasso.l1Ratio = 1.0;    // pure L1: Lasso
///     lasso.alpha = 0.1;
///     const ElasticNetFit fit = fitElasticNet(X, y, lasso);
struct ElasticNetOptions {
    /// Penalty strength (`alpha`, ≥ 0).
    double alpha = 1.0;
    /// Share of the penalty that is L1 (`l1_ratio`, in [0, 1]); 1 is the lasso.
    double l1Ratio = 0.5;
    /// Learn an unpenalised intercept (`fit_intercept`) by centring X and y first.
    bool fitIntercept = true;
    /// Most passes over the features (`max_iter`, ≥ 1).
    int maxIter = 1000;
    /// Tolerance (`tol`, ≥ 0): once the largest coefficient update of a pass is below tol times
    /// the largest coefficient, the duality gap is computed, and the fit stops when it is below
    /// tol·||y||² (of the centred y).
    double tol = 1e-4;
    /// Constrain the coefficients to be ≥ 0 (`positive`).
    bool positive = false;
};

/// Called after each pass over the features with its number (1, 2, …) and the objective.
using PassCallback = std::function<void(int pass, double objective)>;

/// What coordinate descent found, shaped as scikit-learn's coef_, intercept_, n_iter_ and
/// dual_gap_.
struct ElasticNetFit {
    Eigen::VectorXd coefficients;
    double intercept = 0.0;
    int iterations = 0;
    /// Duality gap at the end, in the units of the objective scaled by n (as scikit-learn).
    double dualGap = 0.0;
    bool converged = false;
    /// Final objective (see ElasticNetOptions).
    double objective = 0.0;
    /// scikit-learn's ConvergenceWarning; empty when converged.
    std::optional<Message> warning;
};

/// Fits on `X` (rows = samples; finite) and `y` exactly as scikit-learn's cd_fast
/// enet_coordinate_descent: cyclic, from zero, with its duality-gap stopping rule. Runs on the
/// calling thread; throws Cancelled when `stop` is requested (checked every pass), Error for
/// empty or non-finite input and invalid options.
ElasticNetFit fitElasticNet(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                            const ElasticNetOptions& options = {},
                            const PassCallback& onPass = {}, std::stop_token stop = {});

} // namespace oficina::core

#pragma once

#include "data/FeatureMatrix.h"
#include "data/Table.h"
#include "models/Model.h"

#include <Eigen/Core>

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

/// Hyper-parameters of ordinary least squares and ridge regression: scikit-learn 1.2's
/// LinearRegression() (alpha = 0) and Ridge(solver="auto") names, meaning and defaults.
///
/// Example:
///     RidgeOptions options;
///     options.alpha = 10.0;   // stronger shrinkage
///     const LinearFit fit = fitRidge(X, y, options);
struct RidgeOptions {
    /// L2 penalty strength (`alpha`, ≥ 0): the objective is ||y − Xw − b||² + alpha·||w||².
    /// Zero is plain least squares.
    double alpha = 1.0;
    /// Learn an unpenalised intercept (`fit_intercept`) by centring X and y first.
    bool fitIntercept = true;
};

/// Coefficients of a linear regression, shaped as scikit-learn's coef_ and intercept_.
struct LinearFit {
    Eigen::VectorXd coefficients;  ///< one per feature
    double intercept = 0.0;        ///< zero without fit_intercept
    /// Numerical rank of the (centred) design matrix for least squares; -1 when not computed.
    int rank = -1;
};

/// Ordinary least squares on `X` (rows = samples; finite) and `y`: centres both when
/// `fitIntercept`, then solves the least-squares problem with a complete orthogonal
/// decomposition, giving the minimum-norm solution when X is rank deficient (as scipy's lstsq
/// that scikit-learn calls). X is read a block of rows at a time (memory: d × d plus a block,
/// whatever the rows). Throws Error for empty, mismatched or non-finite input.
LinearFit fitLinearRegression(const RowBlocks& X, const Eigen::VectorXd& y,
                              bool fitIntercept = true);
LinearFit fitLinearRegression(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                              bool fitIntercept = true);

/// Ridge regression as scikit-learn's "cholesky" solver (what "auto" picks for dense data):
/// Cholesky on XᵀX + αI when there are at least as many rows as features, on XXᵀ + αI (the dual)
/// otherwise; falls back to least squares when that matrix is singular (alpha = 0).
LinearFit fitRidge(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                   const RidgeOptions& options = {});

/// A fitted linear regressor: prediction = X·coefficients + intercept. One class for OLS, ridge,
/// lasso and elastic net, told apart by its type id. Immutable; safe to share across threads.
class LinearRegressor final : public Estimator {
public:
    /// `typeId` like "oficina.model.ridge"; `title` English, marked with OFICINA_TR_NOOP.
    LinearRegressor(std::string typeId, const char* title, std::vector<std::string> featureNames,
                    Eigen::VectorXd coefficients, double intercept);

    [[nodiscard]] std::string typeId() const override { return m_typeId; }
    [[nodiscard]] const char* title() const override { return m_title; }
    [[nodiscard]] Task task() const override { return Task::Regression; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// kPredictionColumn (numeric, role Prediction). Throws Error as featureMatrix() does.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;

    [[nodiscard]] const Eigen::VectorXd& coefficients() const { return m_coefficients; }
    [[nodiscard]] double intercept() const { return m_intercept; }
    [[nodiscard]] Eigen::VectorXd predictValues(const Eigen::MatrixXd& X) const;

private:
    std::string m_typeId;
    const char* m_title;
    std::vector<std::string> m_featureNames;
    Eigen::VectorXd m_coefficients;
    double m_intercept;
};

/// The numeric target of a regression as a vector. Throws Error naming the column when it is
/// categorical, has missing or infinite values, or the table has no rows.
Eigen::VectorXd regressionTarget(const Table& table, const std::string& target);

/// Checks what every regression fit needs: rows, as many targets as rows, finite values.
void checkRegressionInput(const Eigen::MatrixXd& X, const Eigen::VectorXd& y);

} // namespace oficina::core

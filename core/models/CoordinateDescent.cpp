#include "models/CoordinateDescent.h"

#include "models/LinearRegression.h"
#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

using Eigen::Index;

namespace {

void checkOptions(const ElasticNetOptions& options) {
    if (!(options.alpha >= 0.0) || !std::isfinite(options.alpha))
        throw Error(Message(OFICINA_TR_NOOP("alpha must not be negative, not %1"),
                            {formatNumber(options.alpha)}));
    if (!(options.l1Ratio >= 0.0 && options.l1Ratio <= 1.0))
        throw Error(Message(OFICINA_TR_NOOP("l1_ratio must be between 0 and 1, not %1"),
                            {formatNumber(options.l1Ratio)}));
    if (options.maxIter < 1)
        throw Error(Message(OFICINA_TR_NOOP("max_iter must be at least 1, not %1"),
                            {std::to_string(options.maxIter)}));
    if (!(options.tol >= 0.0))
        throw Error(Message(OFICINA_TR_NOOP("tol must not be negative, not %1"),
                            {formatNumber(options.tol)}));
}

double sign(double v) {
    return v > 0.0 ? 1.0 : (v < 0.0 ? -1.0 : 0.0);
}

} // namespace

ElasticNetFit fitElasticNet(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                            const ElasticNetOptions& options, const PassCallback& onPass,
                            std::stop_token stop) {
    checkOptions(options);
    checkRegressionInput(X, y);
    if (stop.stop_requested()) throw Cancelled{};
    const Index n = X.rows();
    const Index d = X.cols();

    // scikit-learn's _preprocess_data: centre X and y (a copy) when fitting an intercept.
    Eigen::RowVectorXd xMean = Eigen::RowVectorXd::Zero(d);
    double yMean = 0.0;
    Eigen::MatrixXd centred;
    Eigen::VectorXd target = y;
    const Eigen::MatrixXd* data = &X;
    if (options.fitIntercept) {
        xMean = X.colwise().mean();
        yMean = y.mean();
        centred = X.rowwise() - xMean;
        target.array() -= yMean;
        data = &centred;
    }
    const Eigen::MatrixXd& x = *data;

    // ElasticNet.fit scales the penalties by the row count before calling cd_fast.
    const double alpha = options.alpha * options.l1Ratio * double(n);
    const double beta = options.alpha * (1.0 - options.l1Ratio) * double(n);
    const Eigen::VectorXd columnNorms = x.colwise().squaredNorm().transpose();
    const double dwTol = options.tol;
    const double tol = options.tol * target.squaredNorm();

    Eigen::VectorXd w = Eigen::VectorXd::Zero(d);
    Eigen::VectorXd residual = target; // y − Xw with w = 0
    Eigen::VectorXd xta(d);
    ElasticNetFit fit;
    double gap = tol + 1.0;
    int pass = 0;
    for (; pass < options.maxIter; ++pass) {
        if (stop.stop_requested()) throw Cancelled{};
        double wMax = 0.0;
        double dwMax = 0.0;
        for (Index j = 0; j < d; ++j) {
            if (columnNorms(j) == 0.0) continue;
            const auto column = x.col(j);
            const double wj = w(j);
            if (wj != 0.0) residual.noalias() += wj * column;
            const double tmp = column.dot(residual);
            if (options.positive && tmp < 0.0)
                w(j) = 0.0;
            else
                w(j) = sign(tmp) * std::max(std::abs(tmp) - alpha, 0.0) / (columnNorms(j) + beta);
            if (w(j) != 0.0) residual.noalias() -= w(j) * column;
            dwMax = std::max(dwMax, std::abs(w(j) - wj));
            wMax = std::max(wMax, std::abs(w(j)));
        }
        const double residualNorm2 = residual.squaredNorm();
        if (onPass)
            onPass(pass + 1, 0.5 * residualNorm2 / double(n) +
                                 options.alpha * options.l1Ratio * w.lpNorm<1>() +
                                 0.5 * options.alpha * (1.0 - options.l1Ratio) * w.squaredNorm());
        if (wMax == 0.0 || dwMax / wMax < dwTol || pass == options.maxIter - 1) {
            // The duality gap, as cd_fast computes it.
            xta.noalias() = x.transpose() * residual;
            xta -= beta * w;
            const double dualNorm = options.positive ? xta.maxCoeff() : xta.cwiseAbs().maxCoeff();
            double scale = 1.0;
            if (dualNorm > alpha) {
                scale = alpha / dualNorm;
                gap = 0.5 * (residualNorm2 + residualNorm2 * scale * scale);
            } else {
                gap = residualNorm2;
            }
            gap += alpha * w.lpNorm<1>() - scale * residual.dot(target) +
                   0.5 * beta * (1.0 + scale * scale) * w.squaredNorm();
            if (gap < tol) {
                fit.converged = true;
                break;
            }
        }
    }
    fit.iterations = std::min(pass + 1, options.maxIter);
    fit.coefficients = std::move(w);
    fit.intercept = options.fitIntercept ? yMean - xMean.dot(fit.coefficients) : 0.0;
    fit.dualGap = gap / double(n);
    fit.objective = 0.5 * residual.squaredNorm() / double(n) +
                    options.alpha * options.l1Ratio * fit.coefficients.lpNorm<1>() +
                    0.5 * options.alpha * (1.0 - options.l1Ratio) * fit.coefficients.squaredNorm();
    if (!fit.converged)
        fit.warning = Message(OFICINA_TR_NOOP("coordinate descent did not converge in %1 "
                                              "iterations (duality gap %2, tolerance %3); "
                                              "increase max_iter or scale the features"),
                              {std::to_string(options.maxIter), formatNumber(gap),
                               formatNumber(tol)});
    return fit;
}

} // namespace oficina::core

#include "models/LinearRegression.h"

#include "data/FeatureMatrix.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>

namespace oficina::core {

using Eigen::Index;

namespace {

// Rows per block when a product over all rows is accumulated from centred slices: small
// enough to stay in cache, so X is read once and no centred copy of it is ever allocated.
constexpr Index kBlockRows = 2048;

// Xcᵀ·Xc and Xcᵀ·yc of the centred data, one cached block of rows at a time.
void centredProducts(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                     const Eigen::RowVectorXd& xMean, double yMean, Eigen::MatrixXd& gram,
                     Eigen::VectorXd& xty) {
    const Index d = X.cols();
    gram.setZero(d, d);
    xty.setZero(d);
    Eigen::MatrixXd block;
    for (Index begin = 0; begin < X.rows(); begin += kBlockRows) {
        const Index rows = std::min(kBlockRows, X.rows() - begin);
        block = X.middleRows(begin, rows).rowwise() - xMean;
        gram.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
        xty.noalias() += block.transpose() * (y.segment(begin, rows).array() - yMean).matrix();
    }
    gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
}

void requireRowsFor(Index rows, const Eigen::VectorXd& y) {
    if (rows == 0) throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    if (rows != y.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 target values for %2 rows"),
                            {std::to_string(y.size()), std::to_string(rows)}));
}

void requireFiniteFeatures(const Eigen::Ref<const Eigen::MatrixXd>& X) {
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the features have missing or infinite values")));
}

void requireFiniteTarget(const Eigen::VectorXd& y) {
    if (!y.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the target has missing or infinite values")));
}

} // namespace

void checkRegressionInput(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
    requireRowsFor(X.rows(), y);
    requireFiniteFeatures(X);
    requireFiniteTarget(y);
}

LinearFit fitLinearRegression(const RowBlocks& X, const Eigen::VectorXd& y, bool fitIntercept) {
    const Index n = X.rows();
    const Index d = X.cols();
    requireRowsFor(n, y);
    const Index blockRows = std::max(kBlockRows, 4 * d);
    Eigen::MatrixXd block;
    // Every row is read before the target is checked, so bad features are named first, as
    // checkRegressionInput does.
    auto readBlock = [&](Index first, Eigen::Ref<Eigen::MatrixXd> into) {
        X.read(first, into);
        requireFiniteFeatures(into);
    };
    Eigen::RowVectorXd xMean = Eigen::RowVectorXd::Zero(d);
    double yMean = 0.0;
    if (fitIntercept) {
        for (Index first = 0; first < n; first += blockRows) {
            block.resize(std::min(blockRows, n - first), d);
            readBlock(first, block);
            xMean += block.colwise().sum();
        }
        xMean /= double(n);
        yMean = y.mean();
    }
    // Least squares a block of rows at a time (a tall-skinny QR): X = QR with R upper
    // triangular, so ||Xb − y|| and ||Rb − Qᵀy|| have the same minimisers and the same
    // minimum-norm one. Each block is stacked under the R so far and factored again, so no
    // n × d copy of the table is ever made.
    Eigen::MatrixXd r(0, d);
    Eigen::VectorXd qty(0);
    Eigen::VectorXd rhs;
    for (Index first = 0; first < n; first += blockRows) {
        const Index rows = std::min(blockRows, n - first);
        block.resize(r.rows() + rows, d);
        block.topRows(r.rows()) = r;
        readBlock(first, block.bottomRows(rows));
        block.bottomRows(rows).rowwise() -= xMean;
        rhs.resize(block.rows());
        rhs.head(r.rows()) = qty;
        rhs.tail(rows) = y.segment(first, rows).array() - yMean;
        const Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(block);
        rhs.applyOnTheLeft(qr.householderQ().adjoint());
        const Index kept = std::min(block.rows(), d);
        r = block.topRows(kept).triangularView<Eigen::Upper>();
        qty = rhs.head(kept);
    }
    requireFiniteTarget(y);
    const Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(r);
    LinearFit fit;
    fit.coefficients = cod.solve(qty);
    fit.intercept = fitIntercept ? yMean - xMean.dot(fit.coefficients) : 0.0;
    fit.rank = int(cod.rank());
    return fit;
}

LinearFit fitLinearRegression(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                              bool fitIntercept) {
    return fitLinearRegression(MatrixRows(X), y, fitIntercept);
}

LinearFit fitRidge(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const RidgeOptions& options) {
    if (!(options.alpha >= 0.0) || !std::isfinite(options.alpha))
        throw Error(Message(OFICINA_TR_NOOP("alpha must not be negative, not %1"),
                            {formatNumber(options.alpha)}));
    checkRegressionInput(X, y);
    const Index n = X.rows();
    const Index d = X.cols();
    Eigen::RowVectorXd xMean = Eigen::RowVectorXd::Zero(d);
    double yMean = 0.0;
    if (options.fitIntercept) {
        xMean = X.colwise().mean();
        yMean = y.mean();
    }
    LinearFit fit;
    if (d <= n) {
        // Primal normal equations (XᵀX + αI) w = Xᵀy, by Cholesky as scipy's solve(assume_a=
        // "pos") in scikit-learn's _solve_cholesky.
        Eigen::MatrixXd gram;
        Eigen::VectorXd xty;
        centredProducts(X, y, xMean, yMean, gram, xty);
        gram.diagonal().array() += options.alpha;
        const Eigen::LLT<Eigen::MatrixXd> llt(gram);
        if (llt.info() == Eigen::Success) fit.coefficients = llt.solve(xty);
    } else {
        // More features than rows: the dual (XXᵀ + αI) a = y, w = Xᵀa (_solve_cholesky_kernel).
        const Eigen::MatrixXd centred = X.rowwise() - xMean;
        Eigen::MatrixXd kernel = centred * centred.transpose();
        kernel.diagonal().array() += options.alpha;
        const Eigen::LLT<Eigen::MatrixXd> llt(kernel);
        if (llt.info() == Eigen::Success)
            fit.coefficients = centred.transpose() * llt.solve((y.array() - yMean).matrix());
    }
    if (fit.coefficients.size() == 0 || !fit.coefficients.allFinite()) {
        // Singular (alpha = 0 on rank-deficient data): scikit-learn falls back to the SVD, whose
        // minimum-norm answer an orthogonal solver gives too. Rows √α·I appended to the centred
        // data pose the same ridge problem for alpha > 0, where only rounding gets here.
        Eigen::MatrixXd augmented(n + d, d);
        augmented.topRows(n) = X.rowwise() - xMean;
        augmented.bottomRows(d) = std::sqrt(options.alpha) * Eigen::MatrixXd::Identity(d, d);
        Eigen::VectorXd target = Eigen::VectorXd::Zero(n + d);
        target.head(n) = (y.array() - yMean).matrix();
        Eigen::CompleteOrthogonalDecomposition<Eigen::Ref<Eigen::MatrixXd>> cod(augmented);
        fit.coefficients = cod.solve(target);
    }
    fit.intercept = options.fitIntercept ? yMean - xMean.dot(fit.coefficients) : 0.0;
    return fit;
}

LinearRegressor::LinearRegressor(std::string typeId, const char* title,
                                 std::vector<std::string> featureNames,
                                 Eigen::VectorXd coefficients, double intercept)
    : m_typeId(std::move(typeId)), m_title(title), m_featureNames(std::move(featureNames)),
      m_coefficients(std::move(coefficients)), m_intercept(intercept) {}

Eigen::VectorXd LinearRegressor::predictValues(const Eigen::MatrixXd& X) const {
    Eigen::VectorXd values = X * m_coefficients;
    values.array() += m_intercept;
    return values;
}

std::vector<Column> LinearRegressor::predict(const Table& transformed) const {
    // Block by block through the table's views: no copy of the features.
    const FeatureRows X(transformed, m_featureNames);
    std::vector<double> values(size_t(X.rows()));
    Eigen::MatrixXd block;
    for (Index first = 0; first < X.rows(); first += kBlockRows) {
        block.resize(std::min(kBlockRows, X.rows() - first), X.cols());
        X.read(first, block);
        Eigen::Map<Eigen::VectorXd>(values.data() + first, block.rows()) =
            predictValues(block);
    }
    return {Column::numeric(kPredictionColumn, std::move(values), ColumnRole::Prediction)};
}

Eigen::VectorXd regressionTarget(const Table& table, const std::string& target) {
    const Column& column = table.column(target);
    if (!column.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' is categorical; a regression "
                                            "model needs a numeric target (use a classifier)"),
                            {target}));
    if (table.rowCount() == 0)
        throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    const size_t missing = column.missingCount();
    if (missing > 0)
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' has %2 missing values; drop "
                                            "those rows before training"),
                            {target, std::to_string(missing)}));
    Eigen::VectorXd y(Index(table.rowCount()));
    column.copyNumbers(y.data());
    if (!y.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' has infinite values"),
                            {target}));
    return y;
}

} // namespace oficina::core

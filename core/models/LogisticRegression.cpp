#include "models/LogisticRegression.h"

#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <LBFGS.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

namespace oficina::core {

namespace {

using Eigen::Index;

// Thrown from the iteration hook to leave LBFGS++, which has no stopping callback of its own.
struct Finished {
    bool converged;
};

using ParameterMap = Eigen::Map<const Eigen::MatrixXd>;

// Runs f(0) … f(count − 1) on up to hardware_concurrency() threads, the caller included.
template <class F> void forEachChunk(Index count, const F& f) {
    const Index threads = std::min<Index>(count, threadsFor(0));
    std::atomic<Index> next{0};
    const auto work = [&] {
        for (Index chunk = next++; chunk < count; chunk = next++)
            f(chunk);
    };
    std::vector<std::jthread> helpers;
    for (Index t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
}

// The objective scikit-learn 1.2 hands to scipy for lbfgs: the summed log-loss (HalfBinomialLoss
// for two classes, HalfMultinomialLoss otherwise) plus ||W||²/(2C), intercepts unpenalised.
// θ is a (features [+1]) × outputs column-major matrix, the intercepts in the last row.
//
// Rows are processed in fixed blocks small enough to stay in cache, so X is read from memory
// once per evaluation; blocks run in parallel and their partial sums are added in block order,
// which keeps results independent of the thread count. Buffers are sized once.
class Objective {
public:
    Objective(const Eigen::MatrixXd& x, const std::vector<int32_t>& y, int classCount,
              const LogisticRegressionOptions& options, const IterationCallback& onIteration,
              std::stop_token stop, const std::vector<double>& classWeight)
        : m_x(x), m_options(options), m_onIteration(onIteration), m_stop(std::move(stop)),
          m_outputs(classCount == 2 ? 1 : classCount),
          // About 128 KiB of X per block: it stays in L2 between the two products.
          m_blockRows(std::clamp<Index>(16384 / std::max<Index>(x.cols(), 1), 256, 4096)),
          m_blocks((x.rows() + m_blockRows - 1) / m_blockRows),
          m_targets(Eigen::MatrixXd::Zero(x.rows(), m_outputs)), m_raw(x.rows(), m_outputs),
          m_rowMax(x.rows()), m_rowSum(x.rows()),
          m_blockGradients(x.cols() + 1, m_outputs * m_blocks), m_blockLosses(m_blocks) {
        const int32_t offset = m_outputs == 1 ? 1 : 0; // binary: the target is "is class 1"
        for (size_t i = 0; i < y.size(); ++i)
            if (y[i] - offset >= 0) m_targets(Index(i), y[i] - offset) = 1.0;
        // class_weight becomes a weight per row, as scikit-learn's sample_weight; none: empty.
        if (std::any_of(classWeight.begin(), classWeight.end(), [](double w) { return w != 1.0; })) {
            m_weights.resize(x.rows());
            for (size_t i = 0; i < y.size(); ++i) m_weights(Index(i)) = classWeight[size_t(y[i])];
        }
    }

    [[nodiscard]] Index parameterRows() const { return m_x.cols() + (m_options.fitIntercept); }
    [[nodiscard]] Index outputs() const { return m_outputs; }
    [[nodiscard]] int iterations() const { return m_iterations; }
    [[nodiscard]] const Eigen::VectorXd& accepted() const { return m_accepted; }
    [[nodiscard]] double acceptedValue() const { return m_acceptedValue; }

    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        if (m_stop.stop_requested()) throw Cancelled{};
        const Index d = m_x.cols();
        const ParameterMap w(theta.data(), parameterRows(), m_outputs);
        Eigen::Map<Eigen::MatrixXd> g(gradient.data(), parameterRows(), m_outputs);

        if (m_blocks < 4) {
            for (Index block = 0; block < m_blocks; ++block)
                evaluateBlock(block, w);
        } else {
            forEachChunk(m_blocks, [&](Index block) { evaluateBlock(block, w); });
        }
        g.setZero();
        double loss = 0.0;
        for (Index block = 0; block < m_blocks; ++block) {
            g += m_blockGradients.block(0, block * m_outputs, parameterRows(), m_outputs);
            loss += m_blockLosses(block);
        }
        const double alpha = 1.0 / m_options.c;
        g.topRows(d) += alpha * w.topRows(d);
        const double value = loss + 0.5 * alpha * w.topRows(d).squaredNorm();

        if (m_evaluations++ == 0) {
            // LBFGS++ checks the start point against its own criterion; apply scikit-learn's.
            m_accepted = theta;
            m_acceptedValue = value;
            if (gradient.lpNorm<Eigen::Infinity>() <= m_options.tol) throw Finished{true};
            if (m_options.maxIter <= 0) throw Finished{false};
        }
        return value;
    }

    // Called once per finished L-BFGS iteration, after its line search.
    void iterationDone(double previous, double value, const Eigen::VectorXd& theta,
                       const Eigen::VectorXd& gradient) {
        ++m_iterations;
        m_accepted = theta;
        m_acceptedValue = value;
        if (m_onIteration) m_onIteration(m_iterations, value / double(m_x.rows()));
        if (m_stop.stop_requested()) throw Cancelled{};
        if (gradient.lpNorm<Eigen::Infinity>() <= m_options.tol) throw Finished{true};
        // scipy's relative-reduction test with ftol = 64·eps, as newer scikit-learn passes it:
        // it only fires once the loss stalls at rounding level. scikit-learn 1.2 leaves scipy's
        // default (2.2e-9), which stops short of tight tolerances.
        constexpr double ftol = 64 * std::numeric_limits<double>::epsilon();
        if (previous - value <= ftol * std::max({std::abs(previous), std::abs(value), 1.0}))
            throw Finished{true};
        if (m_iterations >= m_options.maxIter) throw Finished{false};
    }

private:
    using Rows = Eigen::Block<Eigen::MatrixXd>;
    using Segment = Eigen::VectorBlock<Eigen::VectorXd>;

    // Loss and gradient contributions of one block of rows.
    void evaluateBlock(Index block, const ParameterMap& w) {
        const Index begin = block * m_blockRows;
        const Index rows = std::min(m_blockRows, m_x.rows() - begin);
        forward(begin, rows, w);
        // Afterwards m_raw holds the residual: probability minus one-hot target.
        Rows raw = m_raw.middleRows(begin, rows);
        const Rows targets = m_targets.middleRows(begin, rows);
        const Segment rowSum = m_rowSum.segment(begin, rows);
        const Segment rowMax = m_rowMax.segment(begin, rows);
        const double* weights = m_weights.size() > 0 ? m_weights.data() + begin : nullptr;
        m_blockLosses(block) = m_outputs == 1
                                   ? binaryLossAndResidual(raw, targets, rowSum, rowMax, weights)
                                   : softmaxLossAndResidual(raw, targets, rowMax, rowSum, weights);
        backward(block, begin, rows);
    }

    // raw = x·w + b on a block. Eigen's GEMM is slow for a handful of outputs, so four rows by
    // up to four outputs accumulate in registers, reading each cached x value once per group.
    void forward(Index begin, Index rows, const ParameterMap& w) {
        const Index n = m_x.rows();
        const Index d = m_x.cols();
        const double* x = m_x.data() + begin;
        for (Index c0 = 0; c0 < m_outputs; c0 += 4) {
            const Index group = std::min<Index>(4, m_outputs - c0);
            const auto bias = [&](Index c) { return m_options.fitIntercept ? w(d, c) : 0.0; };
            Index i = 0;
            for (; i + 4 <= rows; i += 4) {
                Eigen::Array4d sum[4];
                for (Index c = 0; c < group; ++c)
                    sum[c].setConstant(bias(c0 + c));
                for (Index j = 0; j < d; ++j) {
                    const Eigen::Array4d xj = Eigen::Array4d::Map(x + j * n + i);
                    for (Index c = 0; c < group; ++c)
                        sum[c] += w(j, c0 + c) * xj;
                }
                for (Index c = 0; c < group; ++c)
                    m_raw.col(c0 + c).segment<4>(begin + i) = sum[c].matrix();
            }
            for (; i < rows; ++i)
                for (Index c = c0; c < c0 + group; ++c) {
                    double sum = bias(c);
                    for (Index j = 0; j < d; ++j)
                        sum += w(j, c) * x[j * n + i];
                    m_raw(begin + i, c) = sum;
                }
        }
    }

    // The block's share of Xᵀ·residual (and of the intercept gradient), laid out the same way.
    void backward(Index block, Index begin, Index rows) {
        const Index n = m_x.rows();
        const Index d = m_x.cols();
        const double* x = m_x.data() + begin;
        auto gradient = m_blockGradients.middleCols(block * m_outputs, m_outputs);
        for (Index c0 = 0; c0 < m_outputs; c0 += 4) {
            const Index group = std::min<Index>(4, m_outputs - c0);
            const double* r[4] = {};
            for (Index c = 0; c < group; ++c)
                r[c] = &m_raw(begin, c0 + c);
            for (Index j = 0; j < d; ++j) {
                const double* xj = x + j * n;
                Eigen::Array4d sum[4];
                for (Index c = 0; c < group; ++c)
                    sum[c].setZero();
                Index i = 0;
                for (; i + 4 <= rows; i += 4) {
                    const Eigen::Array4d xv = Eigen::Array4d::Map(xj + i);
                    for (Index c = 0; c < group; ++c)
                        sum[c] += xv * Eigen::Array4d::Map(r[c] + i);
                }
                for (Index c = 0; c < group; ++c) {
                    double total = sum[c].sum();
                    for (Index t = i; t < rows; ++t)
                        total += xj[t] * r[c][t];
                    gradient(j, c0 + c) = total;
                }
            }
        }
        for (Index c = 0; c < m_outputs; ++c)
            gradient(d, c) = m_raw.col(c).segment(begin, rows).sum();
    }

    // Σ log(1 + e^z) − t·z, written as max(z, 0) + log1p(e^−|z|) − t·z to stay finite.
    // With row weights, each row's loss and residual are scaled by its weight.
    static double binaryLossAndResidual(Rows raw, const Rows& targets, Segment scratch,
                                        Segment rowLoss, const double* weights) {
        auto z = raw.col(0).array();
        auto e = scratch.array();
        const auto t = targets.col(0).array();
        e = (-z.abs()).exp();
        double loss = 0.0;
        if (!weights) {
            loss = (z.max(0.0) + e.log1p() - t * z).sum();
        } else {
            rowLoss = (z.max(0.0) + e.log1p() - t * z).matrix();
            loss = rowLoss.dot(Eigen::Map<const Eigen::VectorXd>(weights, rowLoss.size()));
        }
        z = (z >= 0.0).select(1.0 / (1.0 + e), e / (1.0 + e)) - t;
        if (weights) z *= Eigen::Map<const Eigen::ArrayXd>(weights, z.size());
        return loss;
    }

    // Σ logsumexp(raw) − raw[y], shifted by the row maximum; column loops keep it vectorised.
    static double softmaxLossAndResidual(Rows raw, const Rows& targets, Segment rowMax,
                                         Segment rowSum, const double* weights) {
        rowMax = raw.col(0);
        for (Index c = 1; c < raw.cols(); ++c)
            rowMax = rowMax.cwiseMax(raw.col(c));
        double targetTerm = 0.0;
        const Eigen::Map<const Eigen::VectorXd> w(weights, weights ? raw.rows() : 0);
        for (Index c = 0; c < raw.cols(); ++c) {
            raw.col(c) -= rowMax;
            targetTerm += weights ? targets.col(c).cwiseProduct(w).dot(raw.col(c))
                                  : targets.col(c).dot(raw.col(c));
            raw.col(c) = raw.col(c).array().exp().matrix();
            if (c == 0)
                rowSum = raw.col(0);
            else
                rowSum += raw.col(c);
        }
        const double loss =
            (weights ? rowSum.array().log().matrix().dot(w) : rowSum.array().log().sum()) -
            targetTerm;
        for (Index c = 0; c < raw.cols(); ++c) {
            raw.col(c) = (raw.col(c).array() / rowSum.array()).matrix() - targets.col(c);
            if (weights) raw.col(c).array() *= w.array();
        }
        return loss;
    }

    const Eigen::MatrixXd& m_x;
    const LogisticRegressionOptions& m_options;
    const IterationCallback& m_onIteration;
    std::stop_token m_stop;
    Index m_outputs;
    Index m_blockRows;
    Index m_blocks;
    Eigen::MatrixXd m_targets;
    Eigen::MatrixXd m_raw;
    Eigen::VectorXd m_rowMax;
    Eigen::VectorXd m_rowSum;
    Eigen::VectorXd m_weights;        // per row; empty without class weights
    Eigen::MatrixXd m_blockGradients; // per block: (features + 1) × outputs, intercept last
    Eigen::VectorXd m_blockLosses;
    Eigen::VectorXd m_accepted;
    double m_acceptedValue = 0.0;
    int m_evaluations = 0;
    int m_iterations = 0;
};

// LBFGS++'s line search is a template parameter; wrapping it is the one place that sees every
// finished iteration (its loss and gradient), so progress, stop and convergence live here.
template <class Scalar> class IterationHook {
public:
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

    template <class Function>
    static void LineSearch(Function& f, Scalar& fx, Vector& x, Vector& grad, Scalar& step,
                           const Vector& drt, const Vector& xp,
                           const LBFGSpp::LBFGSParam<Scalar>& param) {
        const Scalar previous = fx;
        LBFGSpp::LineSearchBracketing<Scalar>::LineSearch(f, fx, x, grad, step, drt, xp, param);
        f.iterationDone(previous, fx, x, grad);
    }
};

void checkInput(const Eigen::MatrixXd& X, const std::vector<int32_t>& y, int classCount,
                const LogisticRegressionOptions& options) {
    if (!(options.c > 0.0) || !std::isfinite(options.c))
        throw Error(Message(OFICINA_TR_NOOP("C must be a positive number, not %1"),
                            {formatNumber(options.c)}));
    if (!(options.tol >= 0.0))
        throw Error(Message(OFICINA_TR_NOOP("tol must not be negative, not %1"),
                            {formatNumber(options.tol)}));
    if (options.maxIter < 0)
        throw Error(Message(OFICINA_TR_NOOP("max_iter must not be negative, not %1"),
                            {std::to_string(options.maxIter)}));
    checkClassInput(X, y, classCount);
}

// scikit-learn's _predict_proba_lr for one-vs-rest scores: sigmoids normalised per row.
Eigen::MatrixXd oneVsRestProbabilities(const Eigen::MatrixXd& scores) {
    Eigen::MatrixXd p = (1.0 + (-scores.array()).exp()).inverse().matrix();
    const Eigen::VectorXd rowSum = p.rowwise().sum();
    p.array().colwise() /= rowSum.array();
    return p;
}

LogisticRegressionFit fitWithLiblinear(const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                       int classCount, const LogisticRegressionOptions& options,
                                       std::stop_token stop) {
    LiblinearOptions liblinear;
    liblinear.solver = options.penalty == LogisticPenalty::L1 ? LiblinearSolver::L1Logistic
                                                               : LiblinearSolver::L2LogisticPrimal;
    liblinear.c = options.c;
    liblinear.tol = options.tol;
    liblinear.fitIntercept = options.fitIntercept;
    liblinear.interceptScaling = options.interceptScaling;
    liblinear.classWeight = options.classWeight;
    liblinear.seed = options.seed;
    LiblinearFit result = fitLiblinear(X, y, classCount, liblinear, std::move(stop));

    LogisticRegressionFit fit;
    fit.coefficients = std::move(result.coefficients);
    fit.intercepts = std::move(result.intercepts);
    fit.converged = result.converged;
    fit.warning = std::move(result.warning);
    fit.oneVsRest = true;
    // The mean log-loss of the fitted probabilities, for the run report.
    Eigen::MatrixXd scores = X * fit.coefficients.transpose();
    scores.rowwise() += fit.intercepts.transpose();
    double loss = 0.0;
    if (scores.cols() == 1) {
        for (Index i = 0; i < scores.rows(); ++i) {
            const double z = y[size_t(i)] == 1 ? scores(i, 0) : -scores(i, 0);
            loss += std::max(-z, 0.0) + std::log1p(std::exp(-std::abs(z)));
        }
    } else {
        const Eigen::MatrixXd p = oneVsRestProbabilities(scores);
        for (Index i = 0; i < scores.rows(); ++i)
            loss -= std::log(std::max(p(i, y[size_t(i)]), 1e-300));
    }
    fit.loss = loss / double(X.rows());
    return fit;
}

} // namespace

LogisticRegressionFit fitLogisticRegression(const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                            int classCount,
                                            const LogisticRegressionOptions& options,
                                            const IterationCallback& onIteration,
                                            std::stop_token stop) {
    checkInput(X, y, classCount, options);
    if (options.usesLiblinear()) return fitWithLiblinear(X, y, classCount, options, stop);
    Objective objective(X, y, classCount, options, onIteration, std::move(stop),
                        classWeights(y, classCount, options.classWeight));

    // scipy's L-BFGS-B defaults where LBFGS++ has the same knob: 10 corrections, and up to 50
    // line-search steps as newer scikit-learn asks. Stopping is decided in IterationHook.
    LBFGSpp::LBFGSParam<double> param;
    param.m = 10;
    param.epsilon = 0.0;
    param.epsilon_rel = 0.0;
    param.max_iterations = 0;
    param.max_linesearch = 50;
    param.linesearch = LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_WOLFE;
    LBFGSpp::LBFGSSolver<double, IterationHook> solver(param);

    LogisticRegressionFit fit;
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(objective.parameterRows() * objective.outputs());
    double value = 0.0;
    try {
        solver.minimize(objective, theta, value);
        fit.converged = true; // only an exactly zero gradient ends LBFGS++ with these settings
    } catch (const Finished& finished) {
        fit.converged = finished.converged;
    } catch (const std::exception&) {
        // LBFGS++ gives up when the line search cannot decrease the loss (rounding, or a
        // direction that is no longer downhill): keep the last accepted point, as scipy does.
        fit.warning = Message(OFICINA_TR_NOOP("logistic regression stopped after %1 iterations "
                                              "without converging: the line search could not "
                                              "reduce the loss further; scale the features"),
                              {std::to_string(objective.iterations())});
    }
    if (!fit.converged && !fit.warning)
        fit.warning = Message(OFICINA_TR_NOOP("logistic regression did not converge in %1 "
                                              "iterations; increase max_iter or scale the "
                                              "features"),
                              {std::to_string(options.maxIter)});

    const Index d = X.cols();
    const Eigen::Map<const Eigen::MatrixXd> w(objective.accepted().data(),
                                              objective.parameterRows(), objective.outputs());
    fit.coefficients = w.topRows(d).transpose();
    fit.intercepts = options.fitIntercept ? Eigen::VectorXd(w.row(d).transpose())
                                          : Eigen::VectorXd::Zero(objective.outputs());
    fit.iterations = objective.iterations();
    fit.loss = objective.acceptedValue() / double(X.rows());
    return fit;
}

LogisticRegression::LogisticRegression(std::vector<std::string> featureNames,
                                       std::vector<std::string> classLabels,
                                       Eigen::MatrixXd coefficients, Eigen::VectorXd intercepts,
                                       bool oneVsRest)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_coefficients(std::move(coefficients)), m_intercepts(std::move(intercepts)),
      m_oneVsRest(oneVsRest) {}

std::string LogisticRegression::typeId() const {
    return "oficina.model.logistic_regression";
}

const char* LogisticRegression::title() const {
    return OFICINA_TR_NOOP("Logistic regression");
}

Eigen::MatrixXd LogisticRegression::decisionFunction(const Eigen::MatrixXd& X) const {
    Eigen::MatrixXd scores = X * m_coefficients.transpose();
    scores.rowwise() += m_intercepts.transpose();
    return scores;
}

Eigen::MatrixXd LogisticRegression::predictProbabilities(const Eigen::MatrixXd& X) const {
    Eigen::MatrixXd scores = decisionFunction(X);
    if (scores.cols() == 1) {
        // scikit-learn's expit for one row of coefficients: P(class 1) = 1 / (1 + e^−z).
        Eigen::MatrixXd probabilities(X.rows(), 2);
        probabilities.col(1) = (1.0 + (-scores.col(0).array()).exp()).inverse().matrix();
        probabilities.col(0) = (1.0 - probabilities.col(1).array()).matrix();
        return probabilities;
    }
    if (m_oneVsRest) return oneVsRestProbabilities(scores);
    const Eigen::VectorXd rowMax = scores.rowwise().maxCoeff();
    scores.colwise() -= rowMax;
    scores = scores.array().exp();
    const Eigen::VectorXd rowSum = scores.rowwise().sum();
    scores.array().colwise() /= rowSum.array();
    return scores;
}

std::vector<int32_t> LogisticRegression::predictClasses(const Eigen::MatrixXd& X) const {
    const Eigen::MatrixXd scores = decisionFunction(X);
    std::vector<int32_t> classes(size_t(X.rows()));
    for (Index i = 0; i < scores.rows(); ++i) {
        if (scores.cols() == 1) {
            classes[size_t(i)] = scores(i, 0) > 0.0 ? 1 : 0;
            continue;
        }
        Index best = 0;
        scores.row(i).maxCoeff(&best);
        classes[size_t(i)] = int32_t(best);
    }
    return classes;
}

std::vector<Column> LogisticRegression::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    // predictClasses, not the argmax of the probabilities: a binary tie goes to class 0 there.
    return classificationColumns(predictProbabilities(X), m_classLabels, predictClasses(X));
}

LogisticRegressionTraining
trainLogisticRegression(const Table& table, const std::vector<std::string>& features,
                        const std::string& target, const LogisticRegressionOptions& options,
                        const IterationCallback& onIteration, std::stop_token stop) {
    const Eigen::MatrixXd X = featureMatrix(table, features);
    ClassLabels classes = presentClasses(table.column(target));
    LogisticRegressionTraining out;
    out.fit = fitLogisticRegression(X, classes.codes, int(classes.labels.size()), options,
                                    onIteration, std::move(stop));
    out.estimator = std::make_shared<const LogisticRegression>(
        features, std::move(classes.labels), out.fit.coefficients, out.fit.intercepts, out.fit.oneVsRest);
    return out;
}

} // namespace oficina::core

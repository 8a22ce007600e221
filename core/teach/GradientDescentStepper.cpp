#include "teach/GradientDescentStepper.h"

#include "models/LogisticRegression.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

GradientDescentStepper::GradientDescentStepper(const Eigen::MatrixXd& X, std::vector<int32_t> y,
                                               std::vector<std::string> classLabels,
                                               GradientDescentOptions options)
    : m_y(std::move(y)), m_labels(std::move(classLabels)), m_options(options) {
    if (X.rows() < 2 || X.cols() < 1)
        throw Error(Message(OFICINA_TR_NOOP("gradient descent needs at least two rows and one "
                                            "feature")));
    if (size_t(X.rows()) != m_y.size())
        throw Error(Message(OFICINA_TR_NOOP("there are %1 rows but %2 class labels"),
                            {std::to_string(X.rows()), std::to_string(m_y.size())}));
    if (m_labels.size() < 2)
        throw Error(Message(OFICINA_TR_NOOP("a classifier needs at least two classes")));
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the data has missing or infinite values; impute or "
                                            "drop them first")));
    for (int32_t c : m_y)
        if (c < 0 || size_t(c) >= m_labels.size())
            throw Error(Message(OFICINA_TR_NOOP("every row needs a known class")));
    if (!(options.learningRate > 0) || !std::isfinite(options.learningRate) || !(options.c > 0))
        throw Error(Message(OFICINA_TR_NOOP("the learning rate and C must be positive")));

    m_mean = X.colwise().mean();
    m_x = X.rowwise() - m_mean;
    m_scale = (m_x.colwise().squaredNorm() / double(X.rows())).cwiseSqrt();
    for (Eigen::Index j = 0; j < m_scale.size(); ++j)
        if (!(m_scale[j] > 0))
            throw Error(Message(OFICINA_TR_NOOP("feature %1 has the same value in every row"),
                                {std::to_string(j + 1)}));
    m_x.array().rowwise() /= m_scale.array();

    const Eigen::Index outputs = m_labels.size() == 2 ? 1 : Eigen::Index(m_labels.size());
    m_targets = Eigen::MatrixXd::Zero(X.rows(), outputs);
    for (size_t i = 0; i < m_y.size(); ++i) {
        if (outputs == 1)
            m_targets(Eigen::Index(i), 0) = m_y[i] == 1 ? 1.0 : 0.0;
        else
            m_targets(Eigen::Index(i), m_y[i]) = 1.0;
    }
    reset();
}

void GradientDescentStepper::reset() {
    m_w = Eigen::MatrixXd::Zero(m_targets.cols(), m_x.cols());
    m_b = Eigen::VectorXd::Zero(m_targets.cols());
    m_history.assign(1, evaluate());
}

void GradientDescentStepper::setLearningRate(double rate) {
    if (!(rate > 0) || !std::isfinite(rate))
        throw Error(Message(OFICINA_TR_NOOP("the learning rate and C must be positive")));
    m_options.learningRate = rate;
}

double GradientDescentStepper::step() {
    m_w -= m_options.learningRate * m_gradW;
    if (m_options.fitIntercept) m_b -= m_options.learningRate * m_gradB;
    m_history.push_back(evaluate());
    return m_history.back();
}

// The gradient of the mean loss: Xᵀ(P − Y)/n + W/(C·n), and the column means of P − Y for the
// intercepts; the log-loss is computed in log-sum-exp form so large scores do not overflow.
double GradientDescentStepper::evaluate() {
    const double n = double(m_x.rows());
    Eigen::MatrixXd scores = (m_x * m_w.transpose()).rowwise() + m_b.transpose();
    double loss = 0.0;
    if (scores.cols() == 1) {
        for (Eigen::Index i = 0; i < scores.rows(); ++i) {
            const double z = scores(i, 0);
            // log(1 + e^z) − t·z, and the residual σ(z) − t.
            loss += std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))) - m_targets(i, 0) * z;
            scores(i, 0) = 1.0 / (1.0 + std::exp(-z)) - m_targets(i, 0);
        }
    } else {
        for (Eigen::Index i = 0; i < scores.rows(); ++i) {
            auto row = scores.row(i);
            const double top = row.maxCoeff();
            const double logSum = top + std::log((row.array() - top).exp().sum());
            loss += logSum - row.dot(m_targets.row(i));
            row = (row.array() - logSum).exp().matrix() - m_targets.row(i);
        }
    }
    const double penalty = std::isinf(m_options.c) ? 0.0 : 1.0 / (m_options.c * n);
    m_gradW = scores.transpose() * m_x / n + penalty * m_w;
    m_gradB = m_options.fitIntercept ? Eigen::VectorXd(scores.colwise().sum().transpose() / n)
                                     : Eigen::VectorXd::Zero(m_b.size());
    m_gradientNorm = std::max(m_gradW.cwiseAbs().maxCoeff(), m_gradB.cwiseAbs().maxCoeff());
    return loss / n + 0.5 * penalty * m_w.squaredNorm();
}

Eigen::MatrixXd GradientDescentStepper::rawCoefficients() const {
    return m_w.array().rowwise() / m_scale.array();
}

Eigen::VectorXd GradientDescentStepper::rawIntercepts() const {
    return m_b - rawCoefficients() * m_mean.transpose();
}

std::vector<int32_t> GradientDescentStepper::predict(const Eigen::MatrixXd& rawX) const {
    // The app's own classifier on the equivalent raw weights: one rule for ties and classes.
    const LogisticRegression model({}, m_labels, rawCoefficients(), rawIntercepts());
    return model.predictClasses(rawX);
}

double GradientDescentStepper::accuracy() const {
    const LogisticRegression model({}, m_labels, m_w, m_b);
    const std::vector<int32_t> predicted = model.predictClasses(m_x);
    size_t right = 0;
    for (size_t i = 0; i < predicted.size(); ++i)
        right += predicted[i] == m_y[i];
    return double(right) / double(predicted.size());
}

DecisionGrid GradientDescentStepper::decisionGrid(const std::string& xColumn,
                                                  const std::string& yColumn, double xMin,
                                                  double xMax, double yMin, double yMax,
                                                  int resolution) const {
    if (m_x.cols() != 2)
        throw Error(Message(OFICINA_TR_NOOP("a decision boundary is drawn for two features")));
    if (resolution < 2 || resolution > 2000 || !(xMax > xMin) || !(yMax > yMin))
        throw Error(Message(OFICINA_TR_NOOP("the grid ranges must be finite and not empty")));
    const Eigen::Index n = resolution;
    Eigen::MatrixXd cells(n * n, 2);
    const double dx = (xMax - xMin) / double(n), dy = (yMax - yMin) / double(n);
    for (Eigen::Index row = 0; row < n; ++row)
        for (Eigen::Index col = 0; col < n; ++col)
            cells.row(row * n + col) << xMin + (double(col) + 0.5) * dx,
                yMin + (double(row) + 0.5) * dy;
    DecisionGrid grid{.xColumn = xColumn,
                      .yColumn = yColumn,
                      .xMin = xMin,
                      .xMax = xMax,
                      .yMin = yMin,
                      .yMax = yMax,
                      .resolution = resolution,
                      .classes = predict(cells),
                      .labels = m_labels};
    return grid;
}

} // namespace oficina::core

#include "teach/GradientDescentStepper.h"

#include "models/LogisticRegression.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

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
    if (options.hiddenUnits < 0 || options.hiddenUnits > 1000)
        throw Error(Message(OFICINA_TR_NOOP("the hidden layer needs between 0 and 1000 units")));
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
    const Eigen::Index outputs = m_targets.cols(), d = m_x.cols();
    const int h = m_options.hiddenUnits;
    m_w = Eigen::MatrixXd::Zero(outputs, h > 0 ? h : d);
    m_b = Eigen::VectorXd::Zero(outputs);
    if (h > 0) {
        // Glorot-uniform weights in both layers, drawn from the raw 32-bit stream (the same on
        // every platform). A zero output layer would sit on a saddle for symmetric data: with
        // both x and −x in each class, the odd tanh layer gets no gradient at all.
        std::mt19937 random(m_options.seed);
        const auto draw = [&](Eigen::MatrixXd& w, Eigen::Index rows, Eigen::Index cols) {
            const double limit = std::sqrt(6.0 / double(rows + cols));
            w.resize(rows, cols);
            for (Eigen::Index i = 0; i < w.size(); ++i)
                w.data()[i] = limit * (2.0 * double(random()) / 4294967296.0 - 1.0);
        };
        draw(m_hiddenW, h, d);
        draw(m_w, outputs, h);
        m_hiddenB = Eigen::VectorXd::Zero(h);
    }
    m_history.assign(1, evaluate());
}

void GradientDescentStepper::setLearningRate(double rate) {
    if (!(rate > 0) || !std::isfinite(rate))
        throw Error(Message(OFICINA_TR_NOOP("the learning rate and C must be positive")));
    m_options.learningRate = rate;
}

double GradientDescentStepper::step() {
    const double rate = m_options.learningRate;
    m_w -= rate * m_gradW;
    if (m_options.fitIntercept) m_b -= rate * m_gradB;
    if (m_options.hiddenUnits > 0) {
        m_hiddenW -= rate * m_gradHiddenW;
        m_hiddenB -= rate * m_gradHiddenB;
    }
    m_history.push_back(evaluate());
    return m_history.back();
}

Eigen::MatrixXd GradientDescentStepper::scores(const Eigen::MatrixXd& x,
                                               Eigen::MatrixXd* hidden) const {
    if (m_options.hiddenUnits == 0) return (x * m_w.transpose()).rowwise() + m_b.transpose();
    Eigen::MatrixXd h =
        ((x * m_hiddenW.transpose()).rowwise() + m_hiddenB.transpose()).array().tanh().matrix();
    Eigen::MatrixXd out = (h * m_w.transpose()).rowwise() + m_b.transpose();
    if (hidden) *hidden = std::move(h);
    return out;
}

// The gradient of the mean loss: Rᵀ·A/n + W/(C·n) for each layer, R = P − Y the output residual
// and A the layer's input, back through tanh' = 1 − h² for the hidden layer; the log-loss is
// computed in log-sum-exp form so large scores do not overflow.
double GradientDescentStepper::evaluate() {
    const double n = double(m_x.rows());
    Eigen::MatrixXd hidden;
    Eigen::MatrixXd residual = scores(m_x, &hidden);
    double loss = 0.0;
    if (residual.cols() == 1) {
        for (Eigen::Index i = 0; i < residual.rows(); ++i) {
            const double z = residual(i, 0);
            // log(1 + e^z) − t·z, and the residual σ(z) − t.
            loss += std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))) - m_targets(i, 0) * z;
            residual(i, 0) = 1.0 / (1.0 + std::exp(-z)) - m_targets(i, 0);
        }
    } else {
        for (Eigen::Index i = 0; i < residual.rows(); ++i) {
            auto row = residual.row(i);
            const double top = row.maxCoeff();
            const double logSum = top + std::log((row.array() - top).exp().sum());
            loss += logSum - row.dot(m_targets.row(i));
            row = (row.array() - logSum).exp().matrix() - m_targets.row(i);
        }
    }
    const double penalty = std::isinf(m_options.c) ? 0.0 : 1.0 / (m_options.c * n);
    const Eigen::MatrixXd& input = m_options.hiddenUnits > 0 ? hidden : m_x;
    m_gradW = residual.transpose() * input / n + penalty * m_w;
    m_gradB = m_options.fitIntercept ? Eigen::VectorXd(residual.colwise().sum().transpose() / n)
                                     : Eigen::VectorXd::Zero(m_b.size());
    m_gradientNorm = std::max(m_gradW.cwiseAbs().maxCoeff(), m_gradB.cwiseAbs().maxCoeff());
    double weights = m_w.squaredNorm();
    if (m_options.hiddenUnits > 0) {
        const Eigen::MatrixXd back =
            ((residual * m_w).array() * (1.0 - hidden.array().square())).matrix();
        m_gradHiddenW = back.transpose() * m_x / n + penalty * m_hiddenW;
        m_gradHiddenB = back.colwise().sum().transpose() / n;
        m_gradientNorm = std::max({m_gradientNorm, m_gradHiddenW.cwiseAbs().maxCoeff(),
                                   m_gradHiddenB.cwiseAbs().maxCoeff()});
        weights += m_hiddenW.squaredNorm();
    }
    return loss / n + 0.5 * penalty * weights;
}

Eigen::MatrixXd GradientDescentStepper::rawCoefficients() const {
    if (m_options.hiddenUnits > 0)
        throw std::logic_error("rawCoefficients: a network has no linear decision function");
    return m_w.array().rowwise() / m_scale.array();
}

Eigen::VectorXd GradientDescentStepper::rawIntercepts() const {
    return m_b - rawCoefficients() * m_mean.transpose();
}

std::vector<int32_t> GradientDescentStepper::classesOf(const Eigen::MatrixXd& x) const {
    // The app's own classifier on the output layer: one rule for ties and classes.
    const LogisticRegression output({}, m_labels, m_w, m_b);
    if (m_options.hiddenUnits == 0) return output.predictClasses(x);
    Eigen::MatrixXd hidden;
    (void)scores(x, &hidden);
    return output.predictClasses(hidden);
}

std::vector<int32_t> GradientDescentStepper::predict(const Eigen::MatrixXd& rawX) const {
    const Eigen::MatrixXd x =
        ((rawX.rowwise() - m_mean).array().rowwise() / m_scale.array()).matrix();
    return classesOf(x);
}

double GradientDescentStepper::accuracy() const {
    const std::vector<int32_t> predicted = classesOf(m_x);
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

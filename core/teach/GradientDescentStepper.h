#pragma once

#include "eval/DecisionGrid.h"

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace oficina::core {

/// Options of a step-through logistic regression.
///
/// Example:
///     GradientDescentStepper gd(X, y, {"setosa", "versicolor", "virginica"},
///                               {.learningRate = 0.5, .c = 1.0});
///     for (int i = 0; i < 100; ++i) gd.step();   // gd.loss() falls at every step
struct GradientDescentOptions {
    /// Step size on the standardised features (> 0). Up to about 1 the loss falls at every
    /// step; much larger rates overshoot, which is worth showing too.
    double learningRate = 0.5;
    /// Inverse regularisation strength as LogisticRegressionOptions::c (> 0; infinity = none):
    /// the loss is the mean log-loss + ||W||² / (2·C·n), the objective of the app's
    /// LogisticRegression divided by n, so both have the same optimum.
    double c = 1.0;
    bool fitIntercept = true;
    /// 0: logistic regression. More: a small neural network with one hidden layer of that many
    /// tanh units before the same sigmoid / softmax output (the TensorFlow Playground's
    /// picture), its weights drawn from `seed`; C then penalises both layers.
    int hiddenUnits = 0;
    uint32_t seed = 0;
};

/// Logistic regression (or a one-hidden-layer network) fitted by plain full-batch gradient
/// descent, one step() at a time, for teaching: the features are standardised (mean 0, variance 1)
/// so one learning rate suits all of them, two classes get one sigmoid score (as scikit-learn's
/// coef_ has one row), more get a softmax over one score per class. Starts from zero weights (a
/// network's first layer from small random ones). Not thread-safe.
class GradientDescentStepper {
public:
    /// `X`: rows × features (finite; no constant column); `y`: class indices into `classLabels`
    /// (at least two labels, one index per row). Throws Error for bad input or options.
    GradientDescentStepper(const Eigen::MatrixXd& X, std::vector<int32_t> y,
                           std::vector<std::string> classLabels, GradientDescentOptions options);

    /// One gradient step: weights -= learningRate · gradient. Returns the loss after it.
    double step();
    /// Back to zero weights, no step taken.
    void reset();
    /// Changes the learning rate for the following steps.
    void setLearningRate(double rate);

    [[nodiscard]] int stepCount() const { return int(m_history.size()) - 1; }
    /// The loss at the current weights (mean log-loss + penalty).
    [[nodiscard]] double loss() const { return m_history.back(); }
    /// loss() at the start and after every step.
    [[nodiscard]] const std::vector<double>& lossHistory() const { return m_history; }
    /// Largest absolute entry of the gradient at the current weights.
    [[nodiscard]] double gradientNorm() const { return m_gradientNorm; }
    /// Fraction of rows whose predicted class is their class.
    [[nodiscard]] double accuracy() const;

    /// One row per score (1 for two classes, else one per class), one column per feature (per
    /// hidden unit for a network), on the standardised features.
    [[nodiscard]] const Eigen::MatrixXd& coefficients() const { return m_w; }
    [[nodiscard]] const Eigen::VectorXd& intercepts() const { return m_b; }
    /// Logistic regression only: the same decision function on the original features, x·Wᵀ + b
    /// equal to the standardised one.
    [[nodiscard]] Eigen::MatrixXd rawCoefficients() const;
    [[nodiscard]] Eigen::VectorXd rawIntercepts() const;
    [[nodiscard]] int hiddenUnits() const { return m_options.hiddenUnits; }
    /// The features after standardisation (what the weights apply to).
    [[nodiscard]] const Eigen::MatrixXd& standardised() const { return m_x; }
    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_labels; }

    /// Predicted class indices for rows of original (unstandardised) features.
    [[nodiscard]] std::vector<int32_t> predict(const Eigen::MatrixXd& rawX) const;
    /// The current classifier over a grid of the two original features (two-feature data
    /// only; Error otherwise), as computeDecisionGrid lays it out.
    [[nodiscard]] DecisionGrid decisionGrid(const std::string& xColumn, const std::string& yColumn,
                                            double xMin, double xMax, double yMin, double yMax,
                                            int resolution) const;

private:
    // Loss at the current weights; fills the gradients.
    double evaluate();
    // Class scores of standardised rows (the hidden activations through `hidden` if not null).
    [[nodiscard]] Eigen::MatrixXd scores(const Eigen::MatrixXd& x,
                                         Eigen::MatrixXd* hidden = nullptr) const;
    // Predicted classes of standardised rows.
    [[nodiscard]] std::vector<int32_t> classesOf(const Eigen::MatrixXd& x) const;

    Eigen::MatrixXd m_x; // standardised
    Eigen::RowVectorXd m_mean, m_scale;
    Eigen::MatrixXd m_targets; // rows × outputs, one-hot (binary: "is class 1")
    std::vector<int32_t> m_y;
    std::vector<std::string> m_labels;
    GradientDescentOptions m_options;
    Eigen::MatrixXd m_w, m_gradW;
    Eigen::VectorXd m_b, m_gradB;
    Eigen::MatrixXd m_hiddenW, m_gradHiddenW; // network: hidden units × features
    Eigen::VectorXd m_hiddenB, m_gradHiddenB;
    std::vector<double> m_history;
    double m_gradientNorm = 0.0;
};

} // namespace oficina::core

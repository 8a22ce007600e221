#pragma once

#include "data/Table.h"
#include "models/Model.h"
#include "models/Svm.h"
#include "util/Message.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

enum class LogisticPenalty { L2, L1 };

/// lbfgs: multinomial (softmax) L2 fit by L-BFGS, scikit-learn's default. liblinear: one-vs-rest
/// binary fits by liblinear (scikit-learn's solver="liblinear"), the only one here for L1.
enum class LogisticSolver { Lbfgs, Liblinear };

/// Hyper-parameters of logistic regression: the names, meaning and defaults of scikit-learn
/// 1.2's LogisticRegression(). By default L2-penalised and fitted by L-BFGS (solver="lbfgs",
/// multi_class="auto"), i.e. softmax over all classes, or one coefficient row for two classes;
/// penalty L1 is fitted by liblinear one-vs-rest.
///
/// Example:
///     LogisticRegressionOptions options;
///     options.c = 0.1;        // stronger regularisation
///     options.maxIter = 500;
///     options.classWeight = ClassWeight::Balanced;
///     const LogisticRegressionFit fit = fitLogisticRegression(X, y, 3, options);
struct LogisticRegressionOptions {
    /// Inverse of the regularisation strength (`C`, > 0): the objective is the summed log-loss
    /// plus ||W||² / (2·C). Smaller values regularise more.
    double c = 1.0;
    /// Learn an intercept per coefficient row (`fit_intercept`); it is never penalised.
    bool fitIntercept = true;
    /// Most L-BFGS iterations (`max_iter`, ≥ 0); stopping there leaves a convergence warning.
    int maxIter = 100;
    /// Convergence tolerance (`tol`, ≥ 0): stop once no entry of the gradient of the summed
    /// objective exceeds it in absolute value (scipy's `gtol`, as scikit-learn 1.2 passes it).
    double tol = 1e-4;
    /// `penalty`: L1 zeroes the weights of unhelpful features; it needs (and selects) liblinear.
    LogisticPenalty penalty = LogisticPenalty::L2;
    /// `solver`; L1 always uses liblinear. liblinear ignores maxIter (it has its own limits)
    /// and, as in scikit-learn, penalises the intercept like a weight.
    LogisticSolver solver = LogisticSolver::Lbfgs;
    /// `class_weight`: balanced weighs each row by n / (classes · count of its class).
    ClassWeight classWeight = ClassWeight::None;
    /// liblinear's constant feature for the intercept (`intercept_scaling`, > 0).
    double interceptScaling = 1.0;
    /// liblinear's random coordinate order (`random_state`).
    unsigned seed = 0;

    [[nodiscard]] bool usesLiblinear() const {
        return solver == LogisticSolver::Liblinear || penalty == LogisticPenalty::L1;
    }
};

/// Called on the fitting thread after each L-BFGS iteration with its number (1, 2, …) and the
/// objective per row: mean log-loss + ||W||² / (2·C·n).
using IterationCallback = std::function<void(int iteration, double loss)>;

/// The parameters found, shaped as scikit-learn's coef_ and intercept_.
struct LogisticRegressionFit {
    /// One row per class and one column per feature; a single row (scoring class 1 against
    /// class 0) when there are two classes.
    Eigen::MatrixXd coefficients;
    /// One per row of `coefficients`; zeros without fit_intercept.
    Eigen::VectorXd intercepts;
    /// L-BFGS iterations run (n_iter_).
    int iterations = 0;
    bool converged = false;
    /// Final objective per row, as reported to the IterationCallback.
    double loss = 0.0;
    /// Why the result may be inaccurate (scikit-learn's ConvergenceWarning); empty if converged.
    std::optional<Message> warning;
    /// liblinear: the rows are independent one-vs-rest scores, normalised for probabilities.
    bool oneVsRest = false;
};

/// Fits on `X` (rows = samples; finite values) and class indices `y` in [0, classCount).
/// Starts from zero and is deterministic (liblinear: for a given seed). With liblinear,
/// `onIteration` is not called, `iterations` stays 0, `loss` is the mean log-loss and stopping
/// is only checked before and after the fit. Runs on the calling thread; `onIteration` is called
/// there. Throws Cancelled as soon as `stop` is requested (checked at every evaluation of the
/// objective), and Error for empty input, fewer than two classes present, non-finite X or
/// invalid options.
LogisticRegressionFit fitLogisticRegression(const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                            int classCount,
                                            const LogisticRegressionOptions& options = {},
                                            const IterationCallback& onIteration = {},
                                            std::stop_token stop = {});

/// A fitted logistic regression classifier. Immutable; safe to share across threads.
class LogisticRegression final : public Estimator {
public:
    /// `coefficients` and `intercepts` as in LogisticRegressionFit; `classLabels` has at least
    /// two entries and one per coefficient row (or two for a single row). `oneVsRest`: rows are
    /// independent binary scores (liblinear) whose sigmoids are normalised, not a softmax.
    LogisticRegression(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                       Eigen::MatrixXd coefficients, Eigen::VectorXd intercepts,
                       bool oneVsRest = false);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Classification; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// kPredictionColumn (categorical over classLabels()) and one probability column per class,
    /// all with role Prediction. Throws Error as featureMatrix() does.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;

    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    [[nodiscard]] const Eigen::MatrixXd& coefficients() const { return m_coefficients; }
    [[nodiscard]] const Eigen::VectorXd& intercepts() const { return m_intercepts; }
    /// Rows scored one-vs-rest (liblinear): probabilities are normalised sigmoids.
    [[nodiscard]] bool oneVsRest() const { return m_oneVsRest; }

    /// X·Wᵀ + b: rows × coefficient rows (decision_function).
    [[nodiscard]] Eigen::MatrixXd decisionFunction(const Eigen::MatrixXd& X) const;
    /// Class probabilities, rows × classes (predict_proba).
    [[nodiscard]] Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd& X) const;
    /// Predicted class indices into classLabels() (predict); ties go to the first class.
    [[nodiscard]] std::vector<int32_t> predictClasses(const Eigen::MatrixXd& X) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    Eigen::MatrixXd m_coefficients;
    Eigen::VectorXd m_intercepts;
    bool m_oneVsRest = false;
};

/// A trained classifier and how its fit went.
struct LogisticRegressionTraining {
    std::shared_ptr<const LogisticRegression> estimator;
    LogisticRegressionFit fit;
};

/// Fits on the `features` columns of `table` (numeric, no missing values) to predict `target`
/// (see classLabels()). As scikit-learn does, the classes are those present in the target, so a
/// category without rows is not a class of the model. Throws Error naming the offending column,
/// or the single class when only one is present; Cancelled as fitLogisticRegression().
LogisticRegressionTraining
trainLogisticRegression(const Table& table, const std::vector<std::string>& features,
                        const std::string& target, const LogisticRegressionOptions& options = {},
                        const IterationCallback& onIteration = {}, std::stop_token stop = {});

} // namespace oficina::core

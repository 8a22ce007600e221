#pragma once

#include "data/FeatureMatrix.h"
#include "data/Table.h"
#include "models/Model.h"
#include "util/Message.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

/// scikit-learn's class_weight: every class alike, or "balanced" (n / (classes · count)).
enum class ClassWeight { None, Balanced };

/// One weight per class index in [0, classCount): ones, or n / (classCount · count).
std::vector<double> classWeights(const std::vector<int32_t>& y, int classCount,
                                 ClassWeight mode);

// ---------------------------------------------------------------------------------------------
// liblinear: linear SVM and L1/L2 logistic regression, one-vs-rest.

/// liblinear's solvers that Oficina uses (scikit-learn's _get_liblinear_solver_type names).
enum class LiblinearSolver {
    L2LogisticPrimal,   ///< LogisticRegression(solver="liblinear", penalty="l2")
    L1Logistic,         ///< LogisticRegression(solver="liblinear", penalty="l1")
    L2SquaredHingeDual, ///< LinearSVC() default: squared hinge, L2, dual
    L1SquaredHinge,     ///< LinearSVC(penalty="l1", dual=False)
};

/// Hyper-parameters of a liblinear fit, with scikit-learn 1.2's LinearSVC() names and defaults.
///
/// Example:
///     LiblinearOptions options;
///     options.c = 0.1;
///     options.classWeight = ClassWeight::Balanced;
///     const LiblinearFit fit = fitLiblinear(X, y, 3, options);
struct LiblinearOptions {
    LiblinearSolver solver = LiblinearSolver::L2SquaredHingeDual;
    /// Inverse regularisation strength (`C`, > 0).
    double c = 1.0;
    /// Stopping tolerance (`tol`, > 0), liblinear's eps.
    double tol = 1e-4;
    /// Learn an intercept (`fit_intercept`): liblinear appends a constant feature of value
    /// interceptScaling whose weight is penalised like the others (scikit-learn's convention).
    bool fitIntercept = true;
    /// The constant feature's value (`intercept_scaling`, > 0).
    double interceptScaling = 1.0;
    ClassWeight classWeight = ClassWeight::None;
    /// Seeds liblinear's random coordinate order (srand, as scikit-learn seeds its copy).
    unsigned seed = 0;
};

/// Coefficients as scikit-learn's coef_ and intercept_: one row per class, or a single row
/// scoring class 1 against class 0 when there are two classes.
struct LiblinearFit {
    Eigen::MatrixXd coefficients;
    Eigen::VectorXd intercepts;
    bool converged = true;
    /// Set when liblinear reached its iteration limit (1000 passes for the dual solvers).
    std::optional<Message> warning;
};

/// Fits `X` (rows = samples; finite) against class indices `y` in [0, classCount) with
/// liblinear. liblinear cannot be interrupted: `stop` is checked before and after the fit.
/// Fits are serialised process-wide (liblinear draws from the C library's rand()). Throws Error
/// for empty input, fewer than two classes, non-finite X or invalid options.
LiblinearFit fitLiblinear(const Eigen::MatrixXd& X, const std::vector<int32_t>& y, int classCount,
                          const LiblinearOptions& options = {}, std::stop_token stop = {});

/// A linear classifier without probabilities (LinearSVC). Immutable; safe to share.
class LinearSvc final : public Estimator {
public:
    LinearSvc(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
              Eigen::MatrixXd coefficients, Eigen::VectorXd intercepts);

    [[nodiscard]] std::string typeId() const override { return "oficina.model.linear_svc"; }
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Classification; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// kPredictionColumn only: a linear SVM gives no probabilities.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;

    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    [[nodiscard]] const Eigen::MatrixXd& coefficients() const { return m_coefficients; }
    [[nodiscard]] const Eigen::VectorXd& intercepts() const { return m_intercepts; }
    /// X·Wᵀ + b (decision_function).
    [[nodiscard]] Eigen::MatrixXd decisionFunction(const Eigen::MatrixXd& X) const;
    /// Class indices into classLabels(); ties go to the first class.
    [[nodiscard]] std::vector<int32_t> predictClasses(const Eigen::MatrixXd& X) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    Eigen::MatrixXd m_coefficients;
    Eigen::VectorXd m_intercepts;
};

// ---------------------------------------------------------------------------------------------
// libsvm: kernel SVM classifier (SVC) and regressor (SVR).

enum class SvmKernel { Linear, Poly, Rbf, Sigmoid };

/// Kernel SVMs refuse more training rows than this: their cost grows with rows², and the
/// linear SVM is the tool for large data.
inline constexpr size_t kKernelSvmMaxRows = 20000;

/// Hyper-parameters of libsvm's C-SVC and ε-SVR with scikit-learn 1.2's SVC()/SVR() names and
/// defaults.
///
/// Example:
///     KernelSvmOptions options;
///     options.kernel = SvmKernel::Poly;
///     options.degree = 2;
///     auto model = fitSvc(X, y, {"a", "b"}, features, options);
struct KernelSvmOptions {
    /// Penalty of the error term (`C`, > 0).
    double c = 1.0;
    SvmKernel kernel = SvmKernel::Rbf;
    /// Kernel coefficient (`gamma`) for rbf, poly and sigmoid; 0 means "scale":
    /// 1 / (features · variance of all X values), or 1 when X is constant.
    double gamma = 0.0;
    /// Degree of the polynomial kernel (`degree`, ≥ 0).
    int degree = 3;
    /// Independent term of the poly and sigmoid kernels (`coef0`).
    double coef0 = 0.0;
    /// Stopping tolerance of SMO (`tol`, > 0).
    double tol = 1e-3;
    /// Kernel cache in MB (`cache_size`, > 0).
    double cacheSizeMb = 200.0;
    /// Use libsvm's shrinking heuristic (`shrinking`).
    bool shrinking = true;
    /// SVC: fit Platt scaling by internal 5-fold cross-validation (`probability`) so predictions
    /// carry P(class) columns; about five times the fitting cost.
    bool probability = false;
    /// SVC: `class_weight`, multiplying C per class.
    ClassWeight classWeight = ClassWeight::None;
    /// SVR: width of the insensitive tube (`epsilon`, ≥ 0).
    double epsilon = 0.1;
    /// Seeds the folds of the probability calibration (srand).
    unsigned seed = 0;
};

/// The decision functions of a fitted libsvm model, dense, for exporters. A classifier's classes
/// form libsvm's groups; pair (i, j), i < j, in the order (0,1), (0,2)…, (1,2)…, scores
/// Σ_{s in group i} coefficients(j−1, s)·K(x, s) + Σ_{s in group j} coefficients(i, s)·K(x, s)
/// − rho(pair) and votes for group i when that is positive. A regressor has one group.
struct KernelSvmParameters {
    SvmKernel kernel = SvmKernel::Rbf;
    int degree = 3;
    double gamma = 0.0;
    double coef0 = 0.0;
    /// Support vectors × features (the zeros libsvm leaves out filled in), grouped by class.
    Eigen::MatrixXd supportVectors;
    /// (groups − 1) × support vectors: libsvm's sv_coef.
    Eigen::MatrixXd coefficients;
    /// One per pair (classifier) or one (regressor).
    Eigen::VectorXd rho;
    /// Classifier: support vectors per group (nSV) and the class index of each group (label).
    std::vector<int> groupSizes;
    std::vector<int> groupClasses;
    /// Classifier fitted with probability: Platt's A and B per pair (probA, probB).
    Eigen::VectorXd probA;
    Eigen::VectorXd probB;
};

/// A fitted libsvm model: SVC (classification) or SVR (regression). Owns its support vectors.
/// Immutable; predictions are safe from several threads.
class KernelSvm final : public Estimator {
public:
    struct Impl;
    KernelSvm(std::unique_ptr<Impl> impl);
    ~KernelSvm() override;

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override;
    [[nodiscard]] const std::vector<std::string>& featureNames() const override;
    /// SVC: kPredictionColumn (categorical) plus P(class) columns when fitted with probability;
    /// SVR: kPredictionColumn (numeric).
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;

    /// SVC: classes in order; empty for SVR.
    [[nodiscard]] const std::vector<std::string>& classLabels() const;
    /// The gamma used (after resolving "scale").
    [[nodiscard]] double gamma() const;
    [[nodiscard]] int supportVectorCount() const;
    [[nodiscard]] bool hasProbabilities() const;
    /// The fitted decision functions, copied out of libsvm's model.
    [[nodiscard]] KernelSvmParameters parameters() const;
    /// SVC: one column per class pair (0,1), (0,2)…, (1,2)… as scikit-learn's
    /// decision_function_shape="ovo" (positive favours the pair's first class), or a single
    /// column favouring class 1 for two classes. SVR: the predicted values.
    [[nodiscard]] Eigen::MatrixXd decisionValues(const Eigen::MatrixXd& X) const;
    /// SVC: class indices by one-vs-one voting, as libsvm and scikit-learn predict.
    [[nodiscard]] std::vector<int32_t> predictClasses(const Eigen::MatrixXd& X) const;
    /// SVC with probability: rows × classes.
    [[nodiscard]] Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd& X) const;
    /// SVR: predicted values.
    [[nodiscard]] Eigen::VectorXd predictValues(const Eigen::MatrixXd& X) const;

private:
    std::unique_ptr<Impl> m_impl;
};

/// Fits libsvm's C-SVC on `X` and class indices `y` in [0, classLabels.size()). libsvm cannot be
/// interrupted: `stop` is checked before and after. Throws Error above kKernelSvmMaxRows rows
/// (suggesting the linear SVM), for fewer than two classes, non-finite X or invalid options.
std::shared_ptr<const KernelSvm> fitSvc(const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                        std::vector<std::string> classLabels,
                                        std::vector<std::string> featureNames,
                                        const KernelSvmOptions& options = {},
                                        std::stop_token stop = {});

/// Fits libsvm's ε-SVR on `X` and `y`; throws as fitSvc().
std::shared_ptr<const KernelSvm> fitSvr(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                        std::vector<std::string> featureNames,
                                        const KernelSvmOptions& options = {},
                                        std::stop_token stop = {});

/// A fitted SVC (`classLabels` not empty) or SVR rebuilt from the decision functions that
/// parameters() gave, e.g. read back from a model package: it predicts exactly as the model it
/// came from. The parameters must fit together, as the package reader checks: supportVectors
/// has one column per feature; a classifier has 2 or more groups whose sizes (≥ 0) sum to the
/// support vectors and whose classes are distinct indices into `classLabels`; coefficients is
/// (groups − 1) × support vectors (a regressor: 1 × support vectors); rho, and probA and probB
/// when not empty, hold one value per pair (a regressor: one rho, no probA/probB).
std::shared_ptr<const KernelSvm> restoreKernelSvm(std::vector<std::string> featureNames,
                                                  std::vector<std::string> classLabels,
                                                  const KernelSvmParameters& parameters);

} // namespace oficina::core

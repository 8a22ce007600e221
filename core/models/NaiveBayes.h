#pragma once

#include "data/FeatureMatrix.h"
#include "data/Table.h"
#include "models/Model.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

/// Hyper-parameters of scikit-learn 1.2's GaussianNB.
///
/// Example:
///     GaussianNaiveBayesOptions options;
///     options.varSmoothing = 1e-6;   // more stable on near-constant features
///     auto model = trainGaussianNaiveBayes(table, features, "species", options);
struct GaussianNaiveBayesOptions {
    /// `var_smoothing` (≥ 0): this fraction of the largest feature variance is added to every
    /// per-class variance, so a feature constant within a class does not divide by zero.
    double varSmoothing = 1e-9;
};

/// Gaussian naive Bayes: per class, each feature is normal with the class's mean and variance.
/// Immutable; safe to share across threads.
class GaussianNaiveBayes final : public Estimator {
public:
    /// theta and variance: classes × features; prior: one per class (sums to 1).
    GaussianNaiveBayes(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                       Eigen::MatrixXd theta, Eigen::MatrixXd variance, Eigen::VectorXd prior);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Classification; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// kPredictionColumn and one "P(<label>)" column per class. Throws Error as featureMatrix().
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;

    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    [[nodiscard]] const Eigen::MatrixXd& theta() const { return m_theta; }       ///< theta_
    [[nodiscard]] const Eigen::MatrixXd& variance() const { return m_variance; } ///< var_
    [[nodiscard]] const Eigen::VectorXd& prior() const { return m_prior; }       ///< class_prior_

    /// Per class: log P(class) − ½ Σ_j log(2π σ²_j), the part of the joint log likelihood that
    /// does not depend on the row.
    [[nodiscard]] Eigen::VectorXd logConstants() const;
    /// rows × classes: log P(class) + Σ log N(x | θ, σ²) (_joint_log_likelihood), as
    /// logConstants() − ½ Σ_j (x_j − θ_j)² / σ²_j with the sum taken feature by feature.
    [[nodiscard]] Eigen::MatrixXd jointLogLikelihood(const Eigen::MatrixXd& X) const;
    /// rows × classes (predict_proba).
    [[nodiscard]] Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd& X) const;
    /// Class indices into classLabels(); ties go to the first class (predict).
    [[nodiscard]] std::vector<int32_t> predictClasses(const Eigen::MatrixXd& X) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    Eigen::MatrixXd m_theta;
    Eigen::MatrixXd m_variance;
    Eigen::VectorXd m_prior;
};

/// Fits GaussianNB on the numeric `features` of `table` (no missing values) to predict `target`;
/// the classes are those present in the target, in scikit-learn's order. Throws Error naming the
/// offending column (categorical, missing values, all features constant), or when fewer than two
/// classes are present.
std::shared_ptr<const GaussianNaiveBayes>
trainGaussianNaiveBayes(const Table& table, const std::vector<std::string>& features,
                        const std::string& target, const GaussianNaiveBayesOptions& options = {});

/// Hyper-parameters of scikit-learn 1.2's CategoricalNB (fit_prior=True).
///
/// Example:
///     CategoricalNaiveBayesOptions options;
///     options.alpha = 0.5;
///     auto model = trainCategoricalNaiveBayes(table, features, "play", options);
struct CategoricalNaiveBayesOptions {
    /// Additive (Laplace/Lidstone) smoothing `alpha` (> 0) added to every category count.
    double alpha = 1.0;
};

/// Categorical naive Bayes on categorical columns directly or on ordinal codes (non-negative
/// integers). Immutable; safe to share across threads.
class CategoricalNaiveBayes final : public Estimator {
public:
    /// Per feature: the categories of a categorical training column (empty for an ordinal
    /// numeric one) and logProbability (classes × categories, feature_log_prob_).
    struct Feature {
        std::string name;
        std::vector<std::string> categories;
        Eigen::MatrixXd logProbability;
        /// log(alpha / (class count + alpha · categories)): a category never seen in training.
        Eigen::VectorXd unseenLogProbability;
    };

    CategoricalNaiveBayes(std::vector<Feature> features, std::vector<std::string> classLabels,
                          Eigen::VectorXd classLogPrior);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Classification; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// As GaussianNaiveBayes::predict. A category not seen in training counts as seen zero
    /// times (scikit-learn raises instead). Throws Error naming a column with missing values,
    /// negative or fractional codes.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;

    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    [[nodiscard]] const std::vector<Feature>& features() const { return m_features; }
    [[nodiscard]] const Eigen::VectorXd& classLogPrior() const { return m_classLogPrior; }
    /// rows × classes, for the rows of `table`.
    [[nodiscard]] Eigen::MatrixXd jointLogLikelihood(const Table& table) const;

private:
    std::vector<Feature> m_features;
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    Eigen::VectorXd m_classLogPrior;
};

/// Fits CategoricalNB on `features` (categorical columns, or numeric ones holding non-negative
/// integer codes; no missing values). As scikit-learn on ordinal codes, a feature has
/// max(code) + 1 categories. Throws Error naming the offending column.
std::shared_ptr<const CategoricalNaiveBayes>
trainCategoricalNaiveBayes(const Table& table, const std::vector<std::string>& features,
                           const std::string& target,
                           const CategoricalNaiveBayesOptions& options = {});

} // namespace oficina::core

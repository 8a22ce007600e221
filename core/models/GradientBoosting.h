#pragma once

#include "data/Table.h"
#include "models/Model.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

/// Hyper-parameters of gradient-boosted trees (XGBoost, `hist` tree method), with the names and
/// defaults of xgboost 1.7's XGBClassifier / XGBRegressor.
///
/// Example:
///     GradientBoostingOptions options;
///     options.nEstimators = 300;
///     options.learningRate = 0.1;
///     options.maxDepth = 4;
///     const auto training = trainGradientBoosting(table, features, "label", true, options);
struct GradientBoostingOptions {
    /// Boosting rounds (`n_estimators`, ≥ 1): one tree per round (per class for multi-class).
    int nEstimators = 100;
    /// Shrinkage of each tree's contribution (`learning_rate`, eta, in (0, 1]).
    double learningRate = 0.3;
    /// Deepest level of each tree (`max_depth`, ≥ 1).
    int maxDepth = 6;
    /// Fraction of rows sampled for each tree (`subsample`, in (0, 1]).
    double subsample = 1.0;
    /// Fraction of features sampled for each tree (`colsample_bytree`, in (0, 1]).
    double colsampleBytree = 1.0;
    /// L2 penalty on leaf weights (`reg_lambda`, ≥ 0).
    double regLambda = 1.0;
    /// Threads (`n_jobs` / nthread); 0 or less = every core.
    int nThread = 0;
    /// Seeds row and feature sampling (`random_state`).
    uint32_t seed = 0;
    /// Stop when the loss on a held-out `validationFraction` of the rows (the last ones) has not
    /// improved for this many rounds; 0 = no early stopping (train on every row).
    int earlyStoppingRounds = 0;
    double validationFraction = 0.1;
};

/// Called after each boosting round with its number (1, 2, …), the training loss and the
/// validation loss (NaN without early stopping). Without early stopping the losses are measured
/// on some 25 rounds only (every nEstimators / 25th and the last); other rounds get NaN.
using BoostingRoundCallback = std::function<void(int round, double loss, double validationLoss)>;

/// Fitted gradient-boosted trees. Holds XGBoost's model as a serialised buffer, so it is
/// immutable, copyable and safe to share across threads (each prediction loads its own booster).
class GradientBoosting final : public Estimator {
public:
    /// `classLabels` empty for a regressor. `model` is XGBoost's UBJSON model buffer.
    GradientBoosting(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                     std::vector<char> model, std::vector<double> importances, int rounds);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override;
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// As DecisionTree::predict.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    /// XGBoost's gain importances, normalised to sum 1.
    [[nodiscard]] std::vector<double> featureImportances() const override { return m_importances; }

    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    /// Boosting rounds kept (the best round with early stopping).
    [[nodiscard]] int rounds() const { return m_rounds; }
    /// XGBoost's serialised model (UBJSON), e.g. for saving or export.
    [[nodiscard]] const std::vector<char>& modelBuffer() const { return m_model; }
    /// The trees as XGBoost's JSON dump (an array of trees with split conditions, leaves and
    /// statistics), for tree plots and the ONNX exporter.
    [[nodiscard]] std::string treesJson() const;
    /// Rows × classes for classifiers (predict_proba); rows × 1 predicted values for regressors.
    [[nodiscard]] Eigen::MatrixXd predictMatrix(const Eigen::MatrixXd& X) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    std::vector<char> m_model;
    std::vector<double> m_importances;
    int m_rounds;
};

/// Checks an XGBoost model buffer that comes from outside, e.g. a model package, before XGBoost
/// reads it: XGBoost trusts its input, so a child index out of range, a cycle or an unknown
/// feature in a tree would crash or hang the first prediction. The buffer must be the UBJSON of
/// a gbtree booster with the objective for `classCount` classes (binary:logistic for 2,
/// multi:softprob for more, reg:squarederror for 0), `featureCount` features, `rounds` trees
/// per class (one per round for two classes and regressors), and trees of numeric splits on
/// known features whose nodes each have one parent, at most 1000 levels deep (the max_depth
/// limit). Then XGBoost loads it once. Throws Error saying what is wrong.
void checkBoosterModel(const std::vector<char>& model, size_t featureCount, size_t classCount,
                       int rounds);

/// A trained model and how its fit went.
struct GradientBoostingTraining {
    std::shared_ptr<const GradientBoosting> estimator;
    int rounds = 0;
    double loss = 0.0;  ///< final training loss (logloss, mlogloss or rmse)
    bool finishedEarly = false; ///< ended before nEstimators because `finish` was requested
};

/// Fits a classifier (binary:logistic or multi:softprob) or a regressor (reg:squarederror) on
/// the `features` columns of `table` (numeric, no missing values). Throws Error naming the
/// offending column or carrying XGBoost's message, Cancelled when `stop` is requested (checked
/// between rounds). When `finish` is requested the fit ends after the round under way and keeps
/// its trees (the best round's with early stopping).
GradientBoostingTraining trainGradientBoosting(const Table& table,
                                               const std::vector<std::string>& features,
                                               const std::string& target, bool classification,
                                               const GradientBoostingOptions& options = {},
                                               const BoostingRoundCallback& onRound = {},
                                               std::stop_token stop = {},
                                               std::stop_token finish = {});

/// The same on a dense matrix (rows × features) and targets (class indices for classifiers,
/// `classCount` ≥ 2; values for regressors, classCount 0). For benchmarks and tests.
GradientBoostingTraining fitGradientBoosting(const Eigen::MatrixXd& X, const std::vector<double>& y,
                                             int classCount, std::vector<std::string> featureNames,
                                             std::vector<std::string> classLabels,
                                             const GradientBoostingOptions& options = {},
                                             const BoostingRoundCallback& onRound = {},
                                             std::stop_token stop = {},
                                             std::stop_token finish = {});

} // namespace oficina::core

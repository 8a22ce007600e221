#pragma once

#include "models/DecisionTree.h"

#include <functional>
#include <optional>

namespace oficina::core {

/// Hyper-parameters of a random forest, with scikit-learn 1.2's names and defaults
/// (RandomForestClassifier / RandomForestRegressor). Each tree's seed derives from `seed` and
/// its index exactly as scikit-learn derives them, so results do not depend on `nJobs`.
///
/// Example:
///     RandomForestOptions options;
///     options.nEstimators = 300;
///     options.oobScore = true;
///     options.nJobs = 2;
///     const auto forest = trainRandomForest(table, features, "label", options);
struct RandomForestOptions {
    /// Trees in the forest (`n_estimators`, ≥ 1).
    int nEstimators = 100;
    /// Gini or Entropy (classifier), SquaredError (regressor).
    TreeCriterion criterion = TreeCriterion::Gini;
    /// As DecisionTreeOptions: 0 = grow until pure.
    int maxDepth = 0;
    int minSamplesSplit = 2;
    int minSamplesLeaf = 1;
    /// Features drawn per node: scikit-learn's default is sqrt for classifiers and 1.0 (all)
    /// for regressors; use defaultMaxFeatures().
    MaxFeatures maxFeatures{MaxFeatures::Kind::Sqrt, 0.0};
    /// Train each tree on a bootstrap sample of the rows (`bootstrap`).
    bool bootstrap = true;
    /// Score each row with the trees that did not see it (`oob_score`; needs bootstrap).
    bool oobScore = false;
    /// Threads growing trees (`n_jobs`); 0 or less = every core.
    int nJobs = 0;
    /// Seeds the bootstrap samples and feature draws (`random_state`).
    uint32_t seed = 0;

    /// scikit-learn's max_features default for the criterion's task.
    static MaxFeatures defaultMaxFeatures(TreeCriterion criterion);
};

/// A fitted random forest. Immutable; safe to share across threads.
class RandomForest final : public Estimator {
public:
    /// `classLabels` empty for a regressor.
    RandomForest(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                 std::vector<Tree> trees);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override;
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// As DecisionTree::predict; probabilities are the mean of the trees' leaf fractions.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    /// The mean of the trees' normalised importances, normalised (feature_importances_).
    [[nodiscard]] std::vector<double> featureImportances() const override;

    [[nodiscard]] const std::vector<Tree>& trees() const { return m_trees; }
    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    /// Rows × classes (predict_proba).
    [[nodiscard]] Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd& X) const;
    /// Regressor: mean of the trees. Classifier: most likely class index.
    [[nodiscard]] Eigen::VectorXd predictValues(const Eigen::MatrixXd& X) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    std::vector<Tree> m_trees;
};

/// A trained forest and its out-of-bag score (accuracy or R²) when asked for.
struct RandomForestTraining {
    std::shared_ptr<const RandomForest> estimator;
    std::optional<double> oobScore;
};

/// Called after each finished tree with the number finished so far; calls are serialised but
/// may come from any of the forest's threads.
using TreeDoneCallback = std::function<void(int treesDone)>;

/// Fits on the `features` columns of `table` (numeric, no missing values). Throws Error naming
/// the offending column, Cancelled when `stop` is requested (checked inside every tree).
RandomForestTraining trainRandomForest(const Table& table,
                                       const std::vector<std::string>& features,
                                       const std::string& target,
                                       const RandomForestOptions& options,
                                       const TreeDoneCallback& onTreeDone = {},
                                       std::stop_token stop = {});

/// The same on prepared data (`data.weights` must be null): for benchmarks and the node.
std::vector<Tree> growForest(const TreeData& data, const RandomForestOptions& options,
                             const TreeDoneCallback& onTreeDone = {}, std::stop_token stop = {});

/// The random_state of each tree, drawn from `seed` as scikit-learn's forest draws them.
std::vector<uint32_t> forestTreeSeeds(uint32_t seed, int count);
/// How often each row is drawn in the bootstrap sample of the tree seeded `treeSeed`.
std::vector<double> bootstrapCounts(uint32_t treeSeed, int64_t rows);

} // namespace oficina::core

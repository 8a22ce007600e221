#pragma once

#include "data/Table.h"
#include "models/Model.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

/// How a split's quality is measured (scikit-learn's `criterion`).
enum class TreeCriterion { Gini, Entropy, SquaredError };

/// How many features a node looks at (scikit-learn's `max_features`): all of them (None),
/// sqrt(d), log2(d), a count, or a fraction of d; at least one.
struct MaxFeatures {
    enum class Kind { All, Sqrt, Log2, Count, Fraction };
    Kind kind = Kind::All;
    double value = 0.0;  ///< the count (Count) or the fraction in (0, 1] (Fraction)

    /// The number of features per node for `featureCount` features, as scikit-learn computes it.
    [[nodiscard]] int resolve(int featureCount) const;
    /// Parses "" or "none" (all), "sqrt", "log2", an integer ("5") or a fraction ("0.5", "1.0").
    /// Throws Error saying what was expected.
    static MaxFeatures parse(const std::string& text);
};

/// Hyper-parameters of a CART tree, with scikit-learn 1.2's names and defaults
/// (DecisionTreeClassifier / DecisionTreeRegressor).
///
/// Example:
///     DecisionTreeOptions options;
///     options.maxDepth = 3;                      // a small tree to draw
///     options.criterion = TreeCriterion::Entropy;
///     auto tree = trainDecisionTree(table, features, "species", options);
struct DecisionTreeOptions {
    /// Split quality (`criterion`): Gini or Entropy for classifiers, SquaredError for regressors.
    TreeCriterion criterion = TreeCriterion::Gini;
    /// Deepest level (`max_depth`); 0 grows until leaves are pure (None).
    int maxDepth = 0;
    /// Fewest rows a node needs to be split (`min_samples_split`, ≥ 2).
    int minSamplesSplit = 2;
    /// Fewest rows each child must keep (`min_samples_leaf`, ≥ 1).
    int minSamplesLeaf = 1;
    /// Features drawn at each node (`max_features`).
    MaxFeatures maxFeatures;
    /// Seeds the order in which features are visited (`random_state`).
    uint32_t seed = 0;
};

/// One node of a fitted tree. Leaves have left == right == -1 and feature == -1.
struct TreeNode {
    int32_t left = -1;       ///< index of the child for feature value <= threshold
    int32_t right = -1;      ///< index of the child for feature value > threshold
    int32_t feature = -1;    ///< index into the estimator's featureNames()
    double threshold = 0.0;  ///< rows go left when value <= threshold
    double impurity = 0.0;   ///< Gini, entropy (bits) or variance of the node's rows
    int64_t samples = 0;     ///< training rows reaching the node (distinct rows when bootstrapped)
    double weightedSamples = 0.0;  ///< their total weight (bootstrap counts)
    int32_t depth = 0;
    [[nodiscard]] bool isLeaf() const { return left < 0; }
};

/// A fitted binary tree: nodes in depth-first order (root 0, left subtree before right) and one
/// value vector per node: class weights for classifiers (scikit-learn's tree_.value), the mean
/// target for regressors. Immutable once built; safe to share across threads.
class Tree {
public:
    Tree() = default;
    Tree(std::vector<TreeNode> nodes, std::vector<double> values, int valueWidth)
        : m_nodes(std::move(nodes)), m_values(std::move(values)), m_valueWidth(valueWidth) {}

    [[nodiscard]] const std::vector<TreeNode>& nodes() const { return m_nodes; }
    /// Entries per node in values(): the number of classes, or 1 for regression.
    [[nodiscard]] int valueWidth() const { return m_valueWidth; }
    /// valueWidth() entries for `node`.
    [[nodiscard]] const double* value(int32_t node) const {
        return m_values.data() + size_t(node) * size_t(m_valueWidth);
    }
    [[nodiscard]] int depth() const;
    [[nodiscard]] int leafCount() const;
    /// The leaf a row reaches; `row(j)` gives feature j, compared in single precision as
    /// scikit-learn does.
    template <class Row> [[nodiscard]] int32_t leafOf(const Row& row) const {
        int32_t node = 0;
        while (!m_nodes[size_t(node)].isLeaf()) {
            const TreeNode& n = m_nodes[size_t(node)];
            node = double(float(row(n.feature))) <= n.threshold ? n.left : n.right;
        }
        return node;
    }
    /// Unnormalised impurity decrease per feature (weighted by rows, over the root's weight).
    [[nodiscard]] std::vector<double> impurityDecrease(int featureCount) const;

private:
    std::vector<TreeNode> m_nodes;
    std::vector<double> m_values;
    int m_valueWidth = 1;
};

/// The training data of a tree in the layout the builder works on. Not owning.
struct TreeData {
    const float* x = nullptr;  ///< rows × features, column-major (feature j at x + j·rows)
    int64_t rows = 0;
    int features = 0;
    const int32_t* classes = nullptr;  ///< classification: class index per row, else null
    int classCount = 0;
    const double* y = nullptr;         ///< regression: target per row, else null
    const double* weights = nullptr;   ///< per-row weights (bootstrap counts) or null (all 1);
                                       ///< rows of weight 0 are left out
};

/// Reusable buffers of the builder: one per thread, sized on first use.
class TreeWorkspace;
struct TreeWorkspaceDeleter {
    void operator()(TreeWorkspace* workspace) const;
};
using TreeWorkspacePtr = std::unique_ptr<TreeWorkspace, TreeWorkspaceDeleter>;
TreeWorkspacePtr makeTreeWorkspace();

/// Grows one tree as scikit-learn 1.2's BestSplitter with DepthFirstTreeBuilder does: exact
/// splits at midpoints between consecutive distinct values, best by impurity decrease, features
/// visited in the order scikit-learn's own random stream draws them from `splitterSeed` (the
/// value its tree draws with random_state.randint(0, 2**31 - 1)). Throws Cancelled when `stop`
/// is requested.
Tree buildTree(const TreeData& data, const DecisionTreeOptions& options, uint32_t splitterSeed,
               TreeWorkspace& workspace, std::stop_token stop = {});

/// scikit-learn's splitter seed for `random_state` = seed: RandomState(seed).randint(0, 2**31-1).
uint32_t treeSplitterSeed(uint32_t seed);

/// The feature columns as the single-precision column-major block the builder reads (sklearn
/// trains trees on float32). Throws Error as featureMatrix() does.
std::vector<float> treeFeatureMatrix(const Table& table, const std::vector<std::string>& features);

/// A fitted decision tree (classifier or regressor). Immutable; safe to share across threads.
/// The tree itself is public for drawing and teaching: tree().nodes() and tree().value().
class DecisionTree final : public Estimator {
public:
    /// `classLabels` empty for a regressor.
    DecisionTree(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                 Tree tree, TreeCriterion criterion);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override;
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// Classifier: kPredictionColumn (categorical) and one probability column per class (the
    /// leaf's class fractions). Regressor: kPredictionColumn (numeric).
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    /// Normalised total impurity decrease per feature (scikit-learn's feature_importances_).
    [[nodiscard]] std::vector<double> featureImportances() const override;

    [[nodiscard]] const Tree& tree() const { return m_tree; }
    [[nodiscard]] TreeCriterion criterion() const { return m_criterion; }
    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    /// Rows × classes: the reached leaf's class fractions (predict_proba).
    [[nodiscard]] Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd& X) const;
    /// Regressor: the reached leaf's mean. Classifier: the most likely class index.
    [[nodiscard]] Eigen::VectorXd predictValues(const Eigen::MatrixXd& X) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    Tree m_tree;
    TreeCriterion m_criterion;
};

/// A regression target as numbers; Error naming the column when it is categorical or has
/// missing values.
std::vector<double> treeRegressionTarget(const Table& table, const std::string& target);

/// Fits a classifier (Gini/Entropy) or regressor (SquaredError) on the `features` columns of
/// `table` (numeric, no missing values). Throws Error naming the offending column.
std::shared_ptr<const DecisionTree> trainDecisionTree(const Table& table,
                                                      const std::vector<std::string>& features,
                                                      const std::string& target,
                                                      const DecisionTreeOptions& options,
                                                      std::stop_token stop = {});

} // namespace oficina::core

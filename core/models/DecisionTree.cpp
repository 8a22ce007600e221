#include "models/DecisionTree.h"

#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

using Eigen::Index;

int MaxFeatures::resolve(int featureCount) const {
    switch (kind) {
    case Kind::All: return featureCount;
    case Kind::Sqrt: return std::max(1, int(std::sqrt(double(featureCount))));
    case Kind::Log2: return std::max(1, int(std::log2(double(featureCount))));
    case Kind::Count: return std::clamp(int(value), 1, std::max(1, featureCount));
    case Kind::Fraction: return std::max(1, int(value * double(featureCount)));
    }
    return featureCount;
}

MaxFeatures MaxFeatures::parse(const std::string& text) {
    if (text.empty() || text == "none" || text == "None") return {};
    if (text == "sqrt" || text == "auto") return {Kind::Sqrt, 0.0};
    if (text == "log2") return {Kind::Log2, 0.0};
    double number = 0.0;
    if (parseNumber(text, number)) {
        const bool fraction = text.find_first_of(".eE") != std::string::npos;
        if (fraction && number > 0.0 && number <= 1.0) return {Kind::Fraction, number};
        if (!fraction && number >= 1.0) return {Kind::Count, number};
    }
    throw Error(Message(OFICINA_TR_NOOP("max_features must be empty (all features), 'sqrt', "
                                        "'log2', a whole number of features or a fraction in "
                                        "(0, 1], not '%1'"),
                        {text}));
}

int Tree::depth() const {
    int depth = 0;
    for (const TreeNode& node : m_nodes)
        depth = std::max(depth, node.depth);
    return depth;
}

int Tree::leafCount() const {
    return int(std::count_if(m_nodes.begin(), m_nodes.end(),
                             [](const TreeNode& n) { return n.isLeaf(); }));
}

std::vector<double> Tree::impurityDecrease(int featureCount) const {
    std::vector<double> out(size_t(featureCount), 0.0);
    if (m_nodes.empty()) return out;
    for (const TreeNode& node : m_nodes) {
        if (node.isLeaf()) continue;
        const TreeNode& l = m_nodes[size_t(node.left)];
        const TreeNode& r = m_nodes[size_t(node.right)];
        out[size_t(node.feature)] += node.weightedSamples * node.impurity -
                                     l.weightedSamples * l.impurity -
                                     r.weightedSamples * r.impurity;
    }
    for (double& v : out)
        v /= m_nodes[0].weightedSamples;
    return out;
}

std::vector<float> treeFeatureMatrix(const Table& table, const std::vector<std::string>& features) {
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no feature columns to train on")));
    const size_t rows = table.rowCount();
    std::vector<float> out(rows * features.size());
    for (size_t j = 0; j < features.size(); ++j) {
        const Column& column = table.column(features[j]);
        if (!column.isNumeric() || !std::all_of(column.values().begin(), column.values().end(),
                                                [](double v) { return std::isfinite(v); })) {
            (void)featureMatrix(table, {features[j]});  // throws the standard message
        }
        std::transform(column.values().begin(), column.values().end(), out.begin() + j * rows,
                       [](double v) { return float(v); });
    }
    return out;
}

DecisionTree::DecisionTree(std::vector<std::string> featureNames,
                           std::vector<std::string> classLabels, Tree tree,
                           TreeCriterion criterion)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_tree(std::move(tree)), m_criterion(criterion) {}

std::string DecisionTree::typeId() const {
    return task() == Task::Classification ? "oficina.model.decision_tree_classifier"
                                          : "oficina.model.decision_tree_regressor";
}

const char* DecisionTree::title() const {
    return task() == Task::Classification ? OFICINA_TR_NOOP("Decision tree classifier")
                                          : OFICINA_TR_NOOP("Decision tree regressor");
}

Task DecisionTree::task() const {
    return m_classLabels.empty() ? Task::Regression : Task::Classification;
}

std::vector<double> DecisionTree::featureImportances() const {
    std::vector<double> importances = m_tree.impurityDecrease(int(m_featureNames.size()));
    const double sum = std::accumulate(importances.begin(), importances.end(), 0.0);
    if (sum > 0.0)
        for (double& v : importances)
            v /= sum;
    return importances;
}

Eigen::MatrixXd DecisionTree::predictProbabilities(const Eigen::MatrixXd& X) const {
    const int width = m_tree.valueWidth();
    Eigen::MatrixXd out(X.rows(), width);
    for (Index i = 0; i < X.rows(); ++i) {
        const double* value = m_tree.value(m_tree.leafOf([&](int j) { return X(i, j); }));
        double sum = 0.0;
        for (int k = 0; k < width; ++k)
            sum += value[k];
        for (int k = 0; k < width; ++k)
            out(i, k) = sum > 0.0 ? value[k] / sum : 0.0;
    }
    return out;
}

Eigen::VectorXd DecisionTree::predictValues(const Eigen::MatrixXd& X) const {
    Eigen::VectorXd out(X.rows());
    for (Index i = 0; i < X.rows(); ++i) {
        const double* value = m_tree.value(m_tree.leafOf([&](int j) { return X(i, j); }));
        if (task() == Task::Regression) {
            out(i) = value[0];
        } else {
            out(i) = double(std::max_element(value, value + m_tree.valueWidth()) - value);
        }
    }
    return out;
}

std::vector<Column> DecisionTree::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    if (task() == Task::Regression) {
        const Eigen::VectorXd values = predictValues(X);
        return {Column::numeric(kPredictionColumn, {values.begin(), values.end()},
                                ColumnRole::Prediction)};
    }
    return classificationColumns(predictProbabilities(X), m_classLabels);
}

std::vector<double> treeRegressionTarget(const Table& table, const std::string& target) {
    const Column& column = table.column(target);
    if (!column.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' is categorical; a regression "
                                            "model needs a numeric target"),
                            {target}));
    if (const size_t missing = column.missingCount())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' has %2 missing values; drop "
                                            "those rows before training"),
                            {target, std::to_string(missing)}));
    for (double v : column.values())
        if (!std::isfinite(v))
            throw Error(Message(OFICINA_TR_NOOP("target column '%1' has infinite values"),
                                {target}));
    if (column.values().empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    return column.values();
}

std::shared_ptr<const DecisionTree> trainDecisionTree(const Table& table,
                                                      const std::vector<std::string>& features,
                                                      const std::string& target,
                                                      const DecisionTreeOptions& options,
                                                      std::stop_token stop) {
    const std::vector<float> x = treeFeatureMatrix(table, features);
    TreeData data{.x = x.data(), .rows = int64_t(table.rowCount()),
                  .features = int(features.size())};
    ClassLabels classes;
    std::vector<double> y;
    if (options.criterion == TreeCriterion::SquaredError) {
        y = treeRegressionTarget(table, target);
        data.y = y.data();
    } else {
        classes = presentClasses(table.column(target));
        data.classes = classes.codes.data();
        data.classCount = int(classes.labels.size());
    }
    auto workspace = makeTreeWorkspace();
    Tree tree = buildTree(data, options, treeSplitterSeed(options.seed), *workspace, stop);
    return std::make_shared<const DecisionTree>(features, std::move(classes.labels),
                                                std::move(tree), options.criterion);
}

} // namespace oficina::core

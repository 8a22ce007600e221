// The state of the tree models (docs/model-package.md): decision trees and random forests as
// parallel arrays of their nodes, gradient boosting as XGBoost's own binary model.
#include "deploy/EstimatorCodecParts.h"

#include "models/GradientBoosting.h"
#include "models/RandomForest.h"
#include "util/Error.h"

#include <limits>

namespace oficina::core::deploy {

namespace {

using namespace estimatorcodec;

// TreeCriterion's values in order.
constexpr const char* kCriteria[] = {"gini", "entropy", "squared_error"};

std::string indexPath(const std::string& path, const char* key, size_t index) {
    return memberPath(path, key) + "[" + std::to_string(index) + "]";
}

// ---- One tree: a node per array entry, its values nodes × width ----

StateJson saveTree(const Tree& tree, StateWriter& writer) {
    const std::vector<TreeNode>& nodes = tree.nodes();
    std::vector<int32_t> left, right, feature, depth;
    std::vector<int64_t> samples;
    std::vector<double> threshold, impurity, weighted;
    for (const TreeNode& node : nodes) {
        left.push_back(node.left);
        right.push_back(node.right);
        feature.push_back(node.feature);
        depth.push_back(node.depth);
        samples.push_back(node.samples);
        threshold.push_back(node.threshold);
        impurity.push_back(node.impurity);
        weighted.push_back(node.weightedSamples);
    }
    StateJson json = StateJson::object();
    json["left"] = writer.ints(left);
    json["right"] = writer.ints(right);
    json["feature"] = writer.ints(feature);
    json["threshold"] = writer.doubles(threshold);
    json["impurity"] = writer.doubles(impurity);
    json["samples"] = writer.int64s(samples);
    json["weighted_samples"] = writer.doubles(weighted);
    json["depth"] = writer.ints(depth);
    json["values"] = writer.doubles({tree.value(0), nodes.size() * size_t(tree.valueWidth())});
    return json;
}

// A prediction walks from the root until a leaf, so every split's children must come after it
// (as the builder numbers them, depth first): no walk can then loop or leave the tree.
Tree readTree(const StateJson& json, const std::string& path, size_t featureCount, size_t width,
              const StateReader& reader) {
    const std::vector<int32_t> left = reader.ints(json, path, "left");
    const size_t n = left.size();
    if (n == 0)
        reader.fail(memberPath(path, "left"), Message(OFICINA_TR_NOOP("the tree is empty")));
    const std::vector<int32_t> right = reader.ints(json, path, "right", n);
    const std::vector<int32_t> feature = reader.ints(json, path, "feature", n);
    const std::vector<double> threshold = reader.doubles(json, path, "threshold", n);
    const std::vector<double> impurity = reader.doubles(json, path, "impurity", n);
    const std::vector<int64_t> samples = reader.int64s(json, path, "samples", n);
    const std::vector<double> weighted = reader.doubles(json, path, "weighted_samples", n);
    const std::vector<int32_t> depth = reader.ints(json, path, "depth", n);
    std::vector<double> values = reader.doubles(json, path, "values", n * width);
    std::vector<TreeNode> nodes(n);
    for (size_t i = 0; i < n; ++i) {
        const bool leaf = left[i] == -1 && right[i] == -1;
        const auto after = [&](int32_t child) { return child > int64_t(i) && size_t(child) < n; };
        if (!leaf && !(after(left[i]) && after(right[i])))
            reader.fail(indexPath(path, after(left[i]) ? "right" : "left", i),
                        Message(OFICINA_TR_NOOP("node %1 has the children %2 and %3: expected "
                                                "two nodes after it among the %4, or -1 and -1 "
                                                "for a leaf"),
                                {std::to_string(i), std::to_string(left[i]),
                                 std::to_string(right[i]), std::to_string(n)}));
        if (leaf ? feature[i] != -1 : feature[i] < 0 || size_t(feature[i]) >= featureCount)
            reader.fail(indexPath(path, "feature", i),
                        Message(OFICINA_TR_NOOP("node %1 splits on feature %2: expected one of "
                                                "the %3 features, or -1 for a leaf"),
                                {std::to_string(i), std::to_string(feature[i]),
                                 std::to_string(featureCount)}));
        nodes[i] = {.left = left[i],
                    .right = right[i],
                    .feature = feature[i],
                    .threshold = threshold[i],
                    .impurity = impurity[i],
                    .samples = samples[i],
                    .weightedSamples = weighted[i],
                    .depth = depth[i]};
    }
    return Tree(std::move(nodes), std::move(values), int(width));
}

// ---- Decision tree ----

StateJson saveDecisionTree(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const DecisionTree&>(estimator);
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    if (model.task() == Task::Classification) state["classes"] = model.classLabels();
    state["criterion"] = enumName(model.criterion(), kCriteria);
    state["tree"] = saveTree(model.tree(), writer);
    return state;
}

std::shared_ptr<const Estimator> loadDecisionTree(const std::string& typeId, const StateJson& state,
                                                  const std::string& path,
                                                  const StateReader& reader) {
    const bool classifier = typeId == "oficina.model.decision_tree_classifier";
    std::vector<std::string> features = readFeatures(state, path, reader);
    std::vector<std::string> classes;
    if (classifier) classes = readClasses(state, path, reader);
    const auto criterion = readEnum<TreeCriterion>(state, path, "criterion", kCriteria, reader);
    if ((criterion == TreeCriterion::SquaredError) == classifier)
        reader.fail(memberPath(path, "criterion"),
                    classifier ? Message(OFICINA_TR_NOOP("a classifier's criterion is \"gini\" "
                                                         "or \"entropy\""))
                               : Message(OFICINA_TR_NOOP("a regressor's criterion is "
                                                         "\"squared_error\"")));
    Tree tree = readTree(reader.member(state, path, "tree"), memberPath(path, "tree"),
                         features.size(), classifier ? classes.size() : 1, reader);
    return std::make_shared<const DecisionTree>(std::move(features), std::move(classes),
                                                std::move(tree), criterion);
}

// ---- Random forest ----

StateJson saveRandomForest(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const RandomForest&>(estimator);
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    if (model.task() == Task::Classification) state["classes"] = model.classLabels();
    StateJson trees = StateJson::array();
    for (const Tree& tree : model.trees())
        trees.push_back(saveTree(tree, writer));
    state["trees"] = std::move(trees);
    return state;
}

std::shared_ptr<const Estimator> loadRandomForest(const std::string& typeId, const StateJson& state,
                                                  const std::string& path,
                                                  const StateReader& reader) {
    const bool classifier = typeId == "oficina.model.random_forest_classifier";
    std::vector<std::string> features = readFeatures(state, path, reader);
    std::vector<std::string> classes;
    if (classifier) classes = readClasses(state, path, reader);
    const StateJson& list = reader.member(state, path, "trees");
    if (!list.is_array() || list.empty())
        reader.fail(memberPath(path, "trees"),
                    Message(OFICINA_TR_NOOP("expected a list of one or more trees")));
    std::vector<Tree> trees;
    for (size_t t = 0; t < list.size(); ++t)
        trees.push_back(readTree(list[t], indexPath(path, "trees", t), features.size(),
                                 classifier ? classes.size() : 1, reader));
    return std::make_shared<const RandomForest>(std::move(features), std::move(classes),
                                                std::move(trees));
}

// ---- Gradient boosting: XGBoost's binary (UBJSON) model as XGBoost saved it ----

StateJson saveGradientBoosting(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const GradientBoosting&>(estimator);
    const std::vector<char>& buffer = model.modelBuffer();
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    if (model.task() == Task::Classification) state["classes"] = model.classLabels();
    state["rounds"] = model.rounds();
    state["importances"] = writer.doubles(model.featureImportances());
    state["model"] = writer.bytes({reinterpret_cast<const uint8_t*>(buffer.data()), buffer.size()});
    return state;
}

std::shared_ptr<const Estimator> loadGradientBoosting(const std::string& typeId,
                                                      const StateJson& state,
                                                      const std::string& path,
                                                      const StateReader& reader) {
    const bool classifier = typeId == "oficina.model.xgboost_classifier";
    std::vector<std::string> features = readFeatures(state, path, reader);
    std::vector<std::string> classes;
    if (classifier) classes = readClasses(state, path, reader);
    const auto rounds =
        int(reader.integer(state, path, "rounds", 1, std::numeric_limits<int32_t>::max()));
    std::vector<double> importances = reader.doubles(state, path, "importances", features.size());
    const std::vector<uint8_t> bytes = reader.bytes(state, path, "model");
    std::vector<char> model(bytes.begin(), bytes.end());
    try {
        checkBoosterModel(model, features.size(), classes.size(), rounds);
    } catch (const Error& e) {
        reader.fail(memberPath(path, "model"), e.message());
    }
    return std::make_shared<const GradientBoosting>(
        std::move(features), std::move(classes), std::move(model), std::move(importances), rounds);
}

} // namespace

std::vector<EstimatorCodec> treeEstimatorCodecs() {
    return {{{"oficina.model.decision_tree_classifier", "oficina.model.decision_tree_regressor"},
             saveDecisionTree,
             loadDecisionTree},
            {{"oficina.model.random_forest_classifier", "oficina.model.random_forest_regressor"},
             saveRandomForest,
             loadRandomForest},
            {{"oficina.model.xgboost_classifier", "oficina.model.xgboost_regressor"},
             saveGradientBoosting,
             loadGradientBoosting}};
}

} // namespace oficina::core::deploy

// Emitters for decision trees, random forests and gradient boosting (XGBoost).
//
// ai.onnx.ml's TreeEnsemble ops sum leaf weights in float (and ONNX Runtime in whatever order its
// threads finish), while the app averages leaf fractions in double (scikit-learn) or adds leaf
// values to the base margin tree by tree in float (XGBoost). So the graph uses the op only to
// find each tree's leaf: one target per tree whose weight is the leaf's number, exact in float.
// The leaves' values are then gathered from a table and added up tree by tree in the app's
// precision and order, which gives the app's numbers bit for bit and its argmax ties with them.
// Splits compare as the app does. Both convert the (double) features to float32 first, as
// scikit-learn and XGBoost do; scikit-learn's trees then compare them with double thresholds
// (the graph too: nodes_values_as_tensor), XGBoost's with float ones.
#include "export/Emitters.h"

#include "models/DecisionTree.h"
#include "models/GradientBoosting.h"
#include "models/RandomForest.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

namespace oficina::core::onnxexport {

namespace {

using nlohmann::json;

/// Leaves are numbered in float weights: integers stay exact up to 2^24.
constexpr int64_t kMaxLeavesPerTree = int64_t(1) << 24;

/// One node of a source tree, as the graph's tree op needs it.
struct SplitNode {
    bool leaf = true;
    int64_t left = -1;  ///< the child taken when the comparison holds
    int64_t right = -1; ///< the other child
    int64_t feature = 0;
    double threshold = 0.0;
    bool missingLeft = false; ///< NaN takes the left child
};

/// The attributes of one TreeEnsembleRegressor whose target t is tree t's leaf number.
class LeafEnsemble {
public:
    /// `mode`: BRANCH_LEQ (scikit-learn's x <= t) or BRANCH_LT (XGBoost's x < t).
    /// `thresholds`: Double (scikit-learn's), or Float (XGBoost's, floats already).
    LeafEnsemble(const char* mode, Elem thresholds, int64_t featureCount, const char* title)
        : m_mode(mode), m_thresholds(thresholds), m_featureCount(featureCount), m_title(title) {}

    /// Adds the tree whose node i of `count` (root 0) is node(i); returns the source index of
    /// each leaf, in the order of the leaf numbers. Throws Error naming the tree and node when a
    /// child or feature index is out of range or a node is reached twice.
    template <class NodeAt> std::vector<int64_t> add(int64_t count, const NodeAt& node) {
        const auto tree = int64_t(m_offsets.size());
        // Depth-first from the root, left before right, numbering the nodes reached: what the op
        // reads as node ids.
        std::vector<int64_t> id(size_t(count), -1), order, leaves;
        std::vector<int64_t> stack{0};
        while (!stack.empty()) {
            const int64_t i = stack.back();
            stack.pop_back();
            if (i < 0 || i >= count || id[size_t(i)] >= 0) malformed(tree, i);
            id[size_t(i)] = int64_t(order.size());
            order.push_back(i);
            const SplitNode n = node(i);
            if (n.leaf) continue;
            if (n.feature < 0 || n.feature >= m_featureCount) malformed(tree, i);
            stack.push_back(n.right);
            stack.push_back(n.left);
        }
        for (const int64_t i : order) {
            const SplitNode n = node(i);
            m_treeIds.push_back(tree);
            m_nodeIds.push_back(id[size_t(i)]);
            m_modes.emplace_back(n.leaf ? "LEAF" : m_mode);
            m_featureIds.push_back(n.leaf ? 0 : n.feature);
            m_values.push_back(n.leaf ? 0.0 : n.threshold);
            m_trueIds.push_back(n.leaf ? 0 : id[size_t(n.left)]);
            m_falseIds.push_back(n.leaf ? 0 : id[size_t(n.right)]);
            m_missingTrue.push_back(!n.leaf && n.missingLeft ? 1 : 0);
            if (!n.leaf) continue;
            if (int64_t(leaves.size()) == kMaxLeavesPerTree)
                throw Error(
                    Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: tree %2 "
                                            "has more than %3 leaves, more than the "
                                            "graph can number exactly"),
                            {m_title, std::to_string(tree), std::to_string(kMaxLeavesPerTree)}));
            m_targetTrees.push_back(tree);
            m_targetNodes.push_back(id[size_t(i)]);
            m_targetWeights.push_back(float(leaves.size()));
            leaves.push_back(i);
        }
        m_offsets.push_back(m_leafCount);
        m_leafCount += int64_t(leaves.size());
        return leaves;
    }

    [[nodiscard]] int64_t trees() const { return int64_t(m_offsets.size()); }
    /// Leaves of all trees so far: the rows of the value table.
    [[nodiscard]] int64_t leafCount() const { return m_leafCount; }

    /// [N, trees()] int64: the row of the value table each tree's leaf is for `x` ([N, k]
    /// double), converted to float32 as the app converts its features.
    [[nodiscard]] std::string leafRows(OnnxGraph& g, const std::string& x) const {
        const bool inDouble = m_thresholds == Elem::Double;
        std::vector<float> narrowed;
        onnx::TensorProto wide;
        if (inDouble) {
            wide.set_data_type(int32_t(Elem::Double));
            wide.add_dims(int64_t(m_values.size()));
            for (const double t : m_values)
                wide.add_double_data(t);
        } else {
            narrowed.assign(m_values.begin(), m_values.end()); // exact: they were floats
        }
        const std::string features = castTo(g, x, Elem::Float);
        std::vector<Attr> attributes{Attr("n_targets", trees()),
                                     Attr("nodes_treeids", m_treeIds),
                                     Attr("nodes_nodeids", m_nodeIds),
                                     Attr("nodes_modes", m_modes),
                                     Attr("nodes_featureids", m_featureIds),
                                     inDouble ? Attr("nodes_values_as_tensor", wide)
                                              : Attr("nodes_values", narrowed),
                                     Attr("nodes_truenodeids", m_trueIds),
                                     Attr("nodes_falsenodeids", m_falseIds),
                                     Attr("target_treeids", m_targetTrees),
                                     Attr("target_nodeids", m_targetNodes),
                                     Attr("target_ids", m_targetTrees),
                                     Attr("target_weights", m_targetWeights),
                                     Attr("post_transform", "NONE"),
                                     Attr("aggregate_function", "SUM")};
        if (std::find(m_missingTrue.begin(), m_missingTrue.end(), 1) != m_missingTrue.end())
            attributes.emplace_back("nodes_missing_value_tracks_true", m_missingTrue);
        const std::string leaf = g.mlNode("TreeEnsembleRegressor",
                                          {inDouble ? castTo(g, features, Elem::Double) : features},
                                          attributes, "leaf_numbers");
        return g.node(
            "Add",
            {castTo(g, leaf, Elem::Int64), g.int64s("leaf_offsets", m_offsets, {1, trees()})}, {},
            "leaf_rows");
    }

private:
    [[noreturn]] void malformed(int64_t tree, int64_t node) const {
        throw Error(Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: node %2 of tree %3 "
                                            "refers to a node or feature that does not exist, or "
                                            "is reached twice"),
                            {m_title, std::to_string(node), std::to_string(tree)}));
    }

    const char* m_mode;
    Elem m_thresholds;
    int64_t m_featureCount;
    const char* m_title;
    std::vector<int64_t> m_treeIds, m_nodeIds, m_featureIds, m_trueIds, m_falseIds, m_missingTrue;
    std::vector<std::string> m_modes;
    std::vector<double> m_values;
    std::vector<int64_t> m_targetTrees, m_targetNodes;
    std::vector<float> m_targetWeights;
    std::vector<int64_t> m_offsets;
    int64_t m_leafCount = 0;
};

/// `parts` added one after the other, left to right, as the app's loops add them.
std::string sumInOrder(OnnxGraph& g, const std::vector<std::string>& parts, std::string first) {
    std::string sum = std::move(first);
    for (const std::string& part : parts)
        sum = sum.empty() ? part : g.node("Add", {sum, part});
    return sum;
}

/// The values of [N, T, …] `perTree` for each tree t, as T tensors [N, 1, …].
std::vector<std::string> splitTrees(OnnxGraph& g, const std::string& perTree, int64_t trees) {
    if (trees == 1) return {perTree};
    return g.nodeWithOutputs("Split", {perTree}, size_t(trees), {Attr("axis", 1)}, "tree");
}

// ---- scikit-learn trees: the decision tree and the random forest ----------------------------

/// Each tree's leaf values summed in order, over the trees when `average`: the app's
/// DecisionTree::predictProbabilities/predictValues (one tree) and RandomForest's treeSum.
EstimatorOutputs emitCart(const std::vector<const Tree*>& trees,
                          const std::vector<std::string>& features,
                          const std::vector<std::string>& classLabels, const char* title,
                          const SymTable& in, OnnxGraph& g) {
    const bool classifier = !classLabels.empty();
    const auto width = int64_t(classifier ? classLabels.size() : 1);
    LeafEnsemble ensemble("BRANCH_LEQ", Elem::Double, int64_t(features.size()), title);
    std::vector<double> table; // leaf rows × width
    for (const Tree* tree : trees) {
        const auto& nodes = tree->nodes();
        const std::vector<int64_t> leaves = ensemble.add(int64_t(nodes.size()), [&](int64_t i) {
            const TreeNode& n = nodes[size_t(i)];
            return n.isLeaf() ? SplitNode{}
                              : SplitNode{.leaf = false,
                                          .left = n.left,
                                          .right = n.right,
                                          .feature = n.feature,
                                          .threshold = n.threshold};
        });
        if (tree->valueWidth() != width)
            throw Error(
                Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: its trees hold "
                                        "%2 values per leaf for %3 classes"),
                        {title, std::to_string(tree->valueWidth()), std::to_string(width)}));
        for (const int64_t leaf : leaves) {
            const double* value = tree->value(int32_t(leaf));
            if (!classifier) {
                table.push_back(value[0]);
                continue;
            }
            // The class fractions; a leaf without weight counts as zeros, as the app has it.
            double sum = 0.0;
            for (int64_t k = 0; k < width; ++k)
                sum += value[k];
            for (int64_t k = 0; k < width; ++k)
                table.push_back(sum > 0.0 ? value[k] / sum : 0.0);
        }
    }
    const std::string x = gatherColumns(g, in, features, title);
    const std::string values =
        g.node("Gather", {g.doubles("leaf_values", table, {ensemble.leafCount(), width}),
                          ensemble.leafRows(g, x)});
    std::string sum = sumInOrder(g, splitTrees(g, values, ensemble.trees()), {});
    if (ensemble.trees() > 1)
        sum = g.node("Div", {sum, g.scalar(double(ensemble.trees()))}, {}, "mean");
    if (!classifier)
        return {.label = g.node("Reshape", {sum, g.shape({-1})}, {}, "value"),
                .scores = {},
                .classLabels = {}};
    const std::string probabilities =
        g.node("Reshape", {sum, g.shape({-1, width})}, {}, "probabilities");
    // The most probable class, the first on ties: the app's rowArgmax.
    const std::string index =
        g.node("ArgMax", {probabilities}, {Attr("axis", 1), Attr("keepdims", 0)}, "class_index");
    return {.label = labelsAt(g, index, classLabels),
            .scores = probabilities,
            .classLabels = classLabels};
}

EstimatorOutputs emitDecisionTree(const DecisionTree& model, const SymTable& in, OnnxGraph& g) {
    return emitCart({&model.tree()}, model.featureNames(), model.classLabels(), model.title(), in,
                    g);
}

EstimatorOutputs emitRandomForest(const RandomForest& model, const SymTable& in, OnnxGraph& g) {
    std::vector<const Tree*> trees;
    for (const Tree& tree : model.trees())
        trees.push_back(&tree);
    return emitCart(trees, model.featureNames(), model.classLabels(), model.title(), in, g);
}

std::optional<Message> refuseRandomForest(const RandomForest& model) {
    if (!model.trees().empty()) return std::nullopt;
    return Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: it has no trees"),
                   {model.title()});
}

// ---- XGBoost --------------------------------------------------------------------------------

/// What the graph needs of XGBoost's model: the UBJSON the app saves (read with nlohmann::json,
/// which keeps its float32 numbers exact) or XGBoost's JSON text.
struct XgbModel {
    std::string objective;
    float baseMargin = 0.0f;
    int64_t groups = 1;              ///< margins per row: the classes of multi:softprob, else 1
    json trees;                      ///< in the order XGBoost adds them
    std::vector<int64_t> treeGroups; ///< the margin each tree adds to (tree_info)
};

[[noreturn]] void unreadable(const GradientBoosting& model, const std::string& what) {
    throw Error(Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: XGBoost's model has "
                                        "no valid '%2'"),
                        {model.title(), what}));
}

const json& field(const GradientBoosting& model, const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) unreadable(model, key);
    return object[key];
}

/// The numbers of array `key` of `object`; Error unless it is an array of `count` numbers.
std::vector<double> numbers(const GradientBoosting& model, const json& object, const char* key,
                            size_t count) {
    const json& array = field(model, object, key);
    if (!array.is_array() || array.size() != count) unreadable(model, key);
    std::vector<double> out;
    out.reserve(count);
    for (const json& v : array) {
        if (!v.is_number()) unreadable(model, key);
        out.push_back(v.get<double>());
    }
    return out;
}

/// XGBoost keeps learner parameters as text ("5E-1").
float parameter(const GradientBoosting& model, const json& params, const char* key) {
    const json& text = field(model, params, key);
    float value = 0.0f;
    const std::string s = text.is_string() ? text.get<std::string>() : std::string();
    const auto r = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) unreadable(model, key);
    return value;
}

/// Reads and checks the model; throws Error saying what the graph could not reproduce.
XgbModel readXgb(const GradientBoosting& model) {
    XgbModel m;
    json root;
    const std::vector<char>& buffer = model.modelBuffer();
    try {
        // XGBoost loads its JSON text as well as UBJSON; text starts as an object's first key.
        const auto key = std::find_if(buffer.begin() + (buffer.empty() ? 0 : 1), buffer.end(),
                                      [](char c) { return !std::isspace(uint8_t(c)); });
        const bool text = !buffer.empty() && buffer[0] == '{' && key != buffer.end() &&
                          (*key == '"' || *key == '}');
        root = text ? json::parse(buffer.begin(), buffer.end()) : json::from_ubjson(buffer);
    } catch (const json::exception&) {
        unreadable(model, "learner");
    }
    const json& learner = field(model, root, "learner");
    const json& objective = field(model, field(model, learner, "objective"), "name");
    if (!objective.is_string()) unreadable(model, "objective");
    m.objective = objective.get<std::string>();
    const size_t classes = model.classLabels().size();
    const bool known = (m.objective == "reg:squarederror" && classes == 0) ||
                       (m.objective == "binary:logistic" && classes == 2) ||
                       (m.objective == "multi:softprob" && classes > 2);
    if (!known)
        throw Error(Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: its XGBoost "
                                            "objective '%2' for %3 classes has no ONNX form in "
                                            "Oficina"),
                            {model.title(), m.objective, std::to_string(classes)}));
    m.groups = classes > 2 ? int64_t(classes) : 1;
    const json& booster = field(model, learner, "gradient_booster");
    if (field(model, booster, "name") != "gbtree")
        throw Error(Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: only XGBoost's "
                                            "gbtree booster has an ONNX form in Oficina"),
                            {model.title()}));

    // The margin every row starts from: base_score through the objective's ProbToMargin.
    const float base = parameter(model, field(model, learner, "learner_model_param"), "base_score");
    if (m.objective == "binary:logistic") {
        if (!(base > 0.0f && base < 1.0f)) unreadable(model, "base_score");
        m.baseMargin = -std::log(1.0f / base - 1.0f);
    } else {
        m.baseMargin = base;
    }

    const json& trees = field(model, field(model, booster, "model"), "trees");
    if (!trees.is_array() || trees.empty()) unreadable(model, "trees");
    const std::vector<double> info =
        numbers(model, field(model, booster, "model"), "tree_info", trees.size());
    for (size_t t = 0; t < trees.size(); ++t) {
        if (!(info[t] >= 0.0 && info[t] < double(m.groups))) unreadable(model, "tree_info");
        m.treeGroups.push_back(int64_t(info[t]));
        if (trees[t].contains("split_type"))
            for (const json& type : trees[t]["split_type"])
                if (type != 0)
                    throw Error(Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: tree "
                                                        "%2 has categorical splits"),
                                        {model.title(), std::to_string(t)}));
    }
    for (int64_t group = 0; group < m.groups; ++group)
        if (std::find(m.treeGroups.begin(), m.treeGroups.end(), group) == m.treeGroups.end())
            unreadable(model, "tree_info");
    m.trees = trees;
    return m;
}

std::optional<Message> refuseXgb(const GradientBoosting& model) {
    try {
        (void)readXgb(model);
    } catch (const Error& e) {
        return e.message();
    }
    return std::nullopt;
}

/// The smallest margin that XGBoost 1.7's float sigmoid (common::Sigmoid: 1 / (e^−x + 1 + ε) in
/// float) maps above one half, i.e. to the positive class: not 0, since e^−x rounds to 1 for
/// margins a little above it.
float positiveMargin() {
    const auto sigmoid = [](float x) {
        const float denominator = std::exp(std::min(-x, 88.7f)) + 1.0f + 1e-16f;
        return 1.0f / denominator;
    };
    // Positive floats are ordered as their bit patterns: bisect those between 0 and 1.
    auto low = std::bit_cast<uint32_t>(0.0f), high = std::bit_cast<uint32_t>(1.0f);
    while (high - low > 1) {
        const uint32_t middle = low + (high - low) / 2;
        (sigmoid(std::bit_cast<float>(middle)) > 0.5f ? high : low) = middle;
    }
    return std::bit_cast<float>(high);
}

EstimatorOutputs emitXgb(const GradientBoosting& model, const SymTable& in, OnnxGraph& g) {
    const XgbModel m = readXgb(model);
    LeafEnsemble ensemble("BRANCH_LT", Elem::Float, int64_t(model.featureNames().size()),
                          model.title());
    std::vector<float> table;
    for (const json& tree : m.trees) {
        const size_t count = field(model, tree, "left_children").size();
        const std::vector<double> left = numbers(model, tree, "left_children", count);
        const std::vector<double> right = numbers(model, tree, "right_children", count);
        const std::vector<double> feature = numbers(model, tree, "split_indices", count);
        // A leaf's value sits where a split keeps its condition.
        const std::vector<double> condition = numbers(model, tree, "split_conditions", count);
        const std::vector<double> defaultLeft = numbers(model, tree, "default_left", count);
        const std::vector<int64_t> leaves = ensemble.add(int64_t(count), [&](int64_t i) {
            const auto at = size_t(i);
            if (left[at] < 0) return SplitNode{};
            return SplitNode{.leaf = false,
                             .left = int64_t(left[at]),
                             .right = int64_t(right[at]),
                             .feature = int64_t(feature[at]),
                             .threshold = double(float(condition[at])),
                             .missingLeft = defaultLeft[at] != 0.0};
        });
        for (const int64_t leaf : leaves)
            table.push_back(float(condition[size_t(leaf)]));
    }
    const std::string x = gatherColumns(g, in, model.featureNames(), model.title());
    const std::string leafValues =
        g.node("Gather",
               {g.floats("leaf_values", table, {ensemble.leafCount()}), ensemble.leafRows(g, x)});
    // Each group's margin: the base margin, then every tree of the group in turn, in float, as
    // XGBoost's predictor adds them.
    const std::vector<std::string> parts = splitTrees(g, leafValues, ensemble.trees());
    const std::string base = g.floats("base_margin", {m.baseMargin}, {1, 1});
    std::vector<std::string> margins;
    for (int64_t group = 0; group < m.groups; ++group) {
        std::vector<std::string> own;
        for (size_t t = 0; t < parts.size(); ++t)
            if (m.treeGroups[t] == group) own.push_back(parts[t]);
        margins.push_back(sumInOrder(g, own, base));
    }
    const std::string margin =
        m.groups == 1 ? margins[0] : g.node("Concat", margins, {Attr("axis", 1)}, "margins");
    const std::string z = castTo(g, margin, Elem::Double);
    if (m.objective == "reg:squarederror")
        return {.label = g.node("Reshape", {z, g.shape({-1})}, {}, "value"),
                .scores = {},
                .classLabels = {}};
    std::string probabilities, index;
    if (m.objective == "binary:logistic") {
        const std::string p1 = g.node("Sigmoid", {z});
        probabilities = g.node("Concat", {g.node("Sub", {g.scalar(1.0), p1}), p1},
                               {Attr("axis", 1)}, "probabilities");
        // The app's argmax of (1 − p, p) picks class 1 when XGBoost's float p exceeds one half.
        const std::string positive =
            g.node("GreaterOrEqual", {margin, g.floats("positive_margin", {positiveMargin()}, {})});
        index = g.node("Reshape", {castTo(g, positive, Elem::Int64), g.shape({-1})});
    } else {
        probabilities = g.node("Softmax", {z}, {Attr("axis", 1)}, "probabilities");
        // Softmax keeps the order of the margins; ties go to the first class.
        index = g.node("ArgMax", {margin}, {Attr("axis", 1), Attr("keepdims", 0)}, "class_index");
    }
    return {.label = labelsAt(g, index, model.classLabels()),
            .scores = probabilities,
            .classLabels = model.classLabels()};
}

} // namespace

void registerTreeEmitters(EmitterRegistry& r) {
    r.addEstimator(emitDecisionTree);
    r.addEstimator(emitRandomForest, refuseRandomForest);
    r.addEstimator(emitXgb, refuseXgb);
}

} // namespace oficina::core::onnxexport

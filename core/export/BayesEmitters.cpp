// Emitters for naive Bayes: Gaussian and categorical. Both build the joint log likelihood in
// double with the additions in the app's order, so it is bitwise the app's and the predicted
// class (its first maximum) is the same; the probabilities are its softmax.
#include "export/Emitters.h"
#include "export/OrderedSums.h"

#include "models/NaiveBayes.h"

#include <numeric>

namespace oficina::core::onnxexport {

namespace {

/// A [1, k] double initializer.
std::string rowOf(OnnxGraph& g, std::string_view hint, const Eigen::VectorXd& v) {
    return g.doubles(hint, {v.begin(), v.end()}, {1, int64_t(v.size())});
}

/// Labels (first maximum, as rowArgmax) and probabilities exp(jll − logsumexp(jll)), computed
/// as the app's softmaxRows does.
EstimatorOutputs fromJointLogLikelihood(OnnxGraph& g, const std::string& jll,
                                        const std::vector<std::string>& classLabels) {
    const std::string top = g.node("ReduceMax", {jll}, {Attr("axes", std::vector<int64_t>{1})});
    const std::string sum =
        g.node("ReduceSum", {g.node("Exp", {g.node("Sub", {jll, top})}), g.shape({1})});
    const std::string logSum = g.node("Add", {top, g.node("Log", {sum})});
    const std::string probabilities =
        g.node("Exp", {g.node("Sub", {jll, logSum})}, {}, "probabilities");
    const std::string index =
        g.node("ArgMax", {jll}, {Attr("axis", 1), Attr("keepdims", 0)}, "class_index");
    return {.label = labelsAt(g, index, classLabels),
            .scores = probabilities,
            .classLabels = classLabels};
}

EstimatorOutputs emitGaussianNaiveBayes(const GaussianNaiveBayes& model, const SymTable& in,
                                        OnnxGraph& g) {
    std::vector<std::string> columns;
    for (const std::string& name : model.featureNames())
        columns.push_back(in.requireNumeric(name, model.title()).value);
    // Σ_j (x_j − θ_cj)² / σ²_cj per class, feature by feature as jointLogLikelihood adds them.
    const std::string squares =
        pairwiseSums(g, columns, model.theta(), PairTerm::SquaredDifference, &model.variance());
    const std::string jll = g.node(
        "Sub",
        {rowOf(g, "log_constants", model.logConstants()), g.node("Mul", {g.scalar(0.5), squares})},
        {}, "joint_log_likelihood");
    return fromJointLogLikelihood(g, jll, model.classLabels());
}

/// The [N] int64 category index of each row of feature `f`: its index among the training
/// categories (by label) or its ordinal code, and the number of categories for a category never
/// seen in training (or a value the app would reject: missing, negative, fractional).
std::string categoryIndex(OnnxGraph& g, const SymTable& in, const CategoricalNaiveBayes& model,
                          const CategoricalNaiveBayes::Feature& f) {
    const auto count = int64_t(f.logProbability.cols());
    std::string index;
    if (!f.categories.empty()) {
        const std::string value =
            in.requireType(f.name, ColumnType::Categorical, model.title()).value;
        std::vector<int64_t> ids(f.categories.size());
        std::iota(ids.begin(), ids.end(), int64_t(0));
        index = g.mlNode("LabelEncoder", {value},
                         {Attr("keys_strings", f.categories), Attr("values_int64s", ids),
                          Attr("default_int64", count)},
                         "category");
    } else {
        const std::string x = in.requireType(f.name, ColumnType::Numeric, model.title()).value;
        const std::string whole = g.node("Equal", {g.node("Floor", {x}), x});
        const std::string inRange = g.node("And", {g.node("GreaterOrEqual", {x, g.scalar(0.0)}),
                                                   g.node("Less", {x, g.scalar(double(count))})});
        const std::string valid = g.node("And", {whole, inRange});
        index = castTo(g, g.node("Where", {valid, x, g.scalar(double(count))}), Elem::Int64);
    }
    return g.node("Reshape", {index, g.shape({-1})});
}

EstimatorOutputs emitCategoricalNaiveBayes(const CategoricalNaiveBayes& model, const SymTable& in,
                                           OnnxGraph& g) {
    // Rows start at the class log prior and add each feature's log probability in feature
    // order, as jointLogLikelihood does.
    std::string jll = rowOf(g, "class_log_prior", model.classLogPrior());
    for (const CategoricalNaiveBayes::Feature& f : model.features()) {
        // [categories + 1, classes]: the training categories, then the unseen one.
        const auto classes = f.logProbability.rows(), count = f.logProbability.cols();
        std::vector<double> table;
        for (Eigen::Index c = 0; c <= count; ++c)
            for (Eigen::Index k = 0; k < classes; ++k)
                table.push_back(c < count ? f.logProbability(k, c) : f.unseenLogProbability(k));
        const std::string logProbability =
            g.doubles("log_probability", table, {int64_t(count + 1), int64_t(classes)});
        const std::string term =
            g.node("Gather", {logProbability, categoryIndex(g, in, model, f)}, {Attr("axis", 0)});
        jll = g.node("Add", {jll, term}, {}, "joint_log_likelihood");
    }
    return fromJointLogLikelihood(g, jll, model.classLabels());
}

} // namespace

void registerBayesEmitters(EmitterRegistry& r) {
    r.addEstimator(emitGaussianNaiveBayes);
    r.addEstimator(emitCategoricalNaiveBayes);
}

} // namespace oficina::core::onnxexport

// Naive Bayes and k-nearest-neighbour learners.
#include "nodes/BayesKnnNodes.h"
#include "nodes/Nodes.h"

#include "models/Knn.h"
#include "models/NaiveBayes.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

PortValues train(const NodeInputs& inputs, std::shared_ptr<const Learner> learner,
                 RunContext& ctx) {
    return {{"model", modelValue(trainModel(inputs.table("data"), std::move(learner), ctx))}};
}

PortValues runGaussianNb(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const GaussianNaiveBayesOptions options{.varSmoothing = params.real("var_smoothing")};
    return train(inputs,
                 makeLearner(OFICINA_TR_NOOP("Gaussian naive Bayes"), Task::Classification,
                             [options](const Table& t, const std::string& target, RunContext&) {
                                 return Fitted{trainGaussianNaiveBayes(
                                                   t, t.namesWithRole(ColumnRole::Feature),
                                                   target, options),
                                               {}};
                             }),
                 ctx);
}

PortValues runCategoricalNb(const NodeInputs& inputs, const ParamValues& params,
                            RunContext& ctx) {
    const CategoricalNaiveBayesOptions options{.alpha = params.real("alpha")};
    return train(inputs,
                 makeLearner(OFICINA_TR_NOOP("Categorical naive Bayes"), Task::Classification,
                             [options](const Table& t, const std::string& target, RunContext&) {
                                 return Fitted{trainCategoricalNaiveBayes(
                                                   t, t.namesWithRole(ColumnRole::Feature),
                                                   target, options),
                                               {}};
                             }),
                 ctx);
}

KnnOptions knnOptions(const ParamValues& params) {
    return {.nNeighbors = int(params.integer("n_neighbors")),
            .weights = params.text("weights") == "distance" ? KnnWeights::Distance
                                                            : KnnWeights::Uniform};
}

PortValues runKnnClassifier(const NodeInputs& inputs, const ParamValues& params,
                            RunContext& ctx) {
    const KnnOptions options = knnOptions(params);
    return train(inputs,
                 makeLearner(OFICINA_TR_NOOP("k-NN classifier"), Task::Classification,
                             [options](const Table& t, const std::string& target, RunContext&) {
                                 return Fitted{trainKnnClassifier(
                                                   t, t.namesWithRole(ColumnRole::Feature),
                                                   target, options),
                                               {}};
                             }),
                 ctx);
}

PortValues runKnnRegressor(const NodeInputs& inputs, const ParamValues& params,
                           RunContext& ctx) {
    const KnnOptions options = knnOptions(params);
    return train(inputs,
                 makeLearner(OFICINA_TR_NOOP("k-NN regressor"), Task::Regression,
                             [options](const Table& t, const std::string& target, RunContext&) {
                                 return Fitted{trainKnnRegressor(
                                                   t, t.namesWithRole(ColumnRole::Feature),
                                                   target, options),
                                               {}};
                             }),
                 ctx);
}

std::vector<Parameter> knnParameters() {
    return {Parameter::integer("n_neighbors", OFICINA_TR_NOOP("Neighbours"), 5)
                .range(1, 10000)
                .withHelp(OFICINA_TR_NOOP("How many of the nearest training rows decide")),
            Parameter::choice("weights", OFICINA_TR_NOOP("Weights"),
                              {{"uniform", OFICINA_TR_NOOP("Uniform")},
                               {"distance", OFICINA_TR_NOOP("By inverse distance")}},
                              "uniform")
                .withHelp(OFICINA_TR_NOOP("Whether nearer neighbours count more"))};
}

const std::vector<PortSpec> kTrainingInput = {
    {"data", PortType::Table, OFICINA_TR_NOOP("Training data")}};
const std::vector<PortSpec> kModelOutput = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}};

NodeSpec gaussianNbSpec() {
    return {
        .type = "oficina.model.gaussian_nb",
        .title = OFICINA_TR_NOOP("Gaussian naive Bayes"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("A fast probabilistic classifier that treats each numeric "
                                "feature, within a class, as an independent normal "
                                "distribution, as scikit-learn's GaussianNB."),
        .whenToUse = OFICINA_TR_NOOP("A quick baseline for classification with numeric features; "
                                     "it works even with few training rows."),
        .concepts = {"supervised", "classification", "algorithm", "training"},
        .inputs = kTrainingInput,
        .outputs = kModelOutput,
        .params = {Parameter::real("var_smoothing", OFICINA_TR_NOOP("Variance smoothing"), 1e-9)
                       .range(0.0, 1.0)
                       .withHelp(OFICINA_TR_NOOP("Share of the largest feature variance added "
                                                 "to every variance, for stability"))},
        .run = runGaussianNb,
    };
}

NodeSpec categoricalNbSpec() {
    return {
        .type = "oficina.model.categorical_nb",
        .title = OFICINA_TR_NOOP("Categorical naive Bayes"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("A probabilistic classifier for categorical features (or "
                                "ordinal-encoded integer codes), counting how often each "
                                "category occurs per class, as scikit-learn's CategoricalNB."),
        .whenToUse = OFICINA_TR_NOOP("For classification when the features are categories "
                                     "(survey answers, symptoms)."),
        .concepts = {"supervised", "classification", "algorithm", "training"},
        .inputs = kTrainingInput,
        .outputs = kModelOutput,
        .params = {Parameter::real("alpha", OFICINA_TR_NOOP("Smoothing (alpha)"), 1.0)
                       .range(1e-10, 1e6)
                       .withHelp(OFICINA_TR_NOOP("Added to every category count, so an unseen "
                                                 "combination is unlikely rather than "
                                                 "impossible"))},
        .run = runCategoricalNb,
    };
}

NodeSpec knnClassifierSpec() {
    return {
        .type = "oficina.model.knn_classifier",
        .title = OFICINA_TR_NOOP("k-NN classifier"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Predicts the class most common among the k nearest training "
                                "rows (Euclidean distance), as scikit-learn's "
                                "KNeighborsClassifier. Scale the features first."),
        .whenToUse = OFICINA_TR_NOOP("To classify by similarity with known examples on small "
                                     "data; easy to explain: most of your neighbours are of this "
                                     "class."),
        .concepts = {"supervised", "classification", "algorithm", "training"},
        .inputs = kTrainingInput,
        .outputs = kModelOutput,
        .params = knnParameters(),
        .run = runKnnClassifier,
    };
}

NodeSpec knnRegressorSpec() {
    return {
        .type = "oficina.model.knn_regressor",
        .title = OFICINA_TR_NOOP("k-NN regressor"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Predicts the mean target of the k nearest training rows "
                                "(Euclidean distance), as scikit-learn's KNeighborsRegressor. "
                                "Scale the features first."),
        .whenToUse = OFICINA_TR_NOOP("To predict a number by similarity with known examples on "
                                     "small data, when relations are not linear."),
        .concepts = {"supervised", "regression", "algorithm", "training"},
        .inputs = kTrainingInput,
        .outputs = kModelOutput,
        .params = knnParameters(),
        .run = runKnnRegressor,
    };
}

} // namespace

void registerBayesKnnNodes(NodeRegistry& registry) {
    registry.add(gaussianNbSpec());
    registry.add(categoricalNbSpec());
    registry.add(knnClassifierSpec());
    registry.add(knnRegressorSpec());
}

} // namespace oficina::core

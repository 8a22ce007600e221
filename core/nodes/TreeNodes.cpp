// Decision trees, random forests and gradient boosting.
#include "nodes/Nodes.h"

#include "models/DecisionTree.h"
#include "models/GradientBoosting.h"
#include "models/RandomForest.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <cmath>

namespace oficina::core {

namespace {

const char* const kTrainingData = OFICINA_TR_NOOP("Training data");

Parameter maxDepthParam(int64_t defaultValue, int64_t min) {
    return Parameter::integer("max_depth", OFICINA_TR_NOOP("Maximum depth"), defaultValue)
        .range(double(min), 1000)
        .withHelp(min == 0 ? OFICINA_TR_NOOP("Deepest level of the tree; 0 grows it until every "
                                             "leaf is pure")
                           : OFICINA_TR_NOOP("Deepest level of each tree"));
}

std::vector<Parameter> treeParams(bool classification, const char* maxFeaturesDefault) {
    std::vector<Parameter> params;
    if (classification)
        params.push_back(
            Parameter::choice("criterion", OFICINA_TR_NOOP("Criterion"),
                              {{"gini", OFICINA_TR_NOOP("Gini impurity")},
                               {"entropy", OFICINA_TR_NOOP("Entropy (information gain)")}},
                              "gini")
                .withHelp(OFICINA_TR_NOOP("How the purity of a split is measured")));
    params.push_back(maxDepthParam(0, 0));
    params.push_back(
        Parameter::integer("min_samples_split", OFICINA_TR_NOOP("Minimum rows to split"), 2)
            .range(2, 1e9)
            .withHelp(OFICINA_TR_NOOP("A node with fewer rows becomes a leaf")));
    params.push_back(
        Parameter::integer("min_samples_leaf", OFICINA_TR_NOOP("Minimum rows per leaf"), 1)
            .range(1, 1e9)
            .withHelp(OFICINA_TR_NOOP("Each side of a split keeps at least this many rows")));
    params.push_back(
        Parameter::text("max_features", OFICINA_TR_NOOP("Features per split"), maxFeaturesDefault)
            .optional()
            .withHelp(OFICINA_TR_NOOP("Features drawn at random at each node: empty for all, "
                                      "'sqrt', 'log2', a number of features or a fraction "
                                      "such as 0.5")));
    return params;
}

Parameter seedParam() {
    return Parameter::seed(OFICINA_TR_NOOP("Same seed, same data: same model"));
}

Parameter jobsParam() {
    return Parameter::integer("n_jobs", OFICINA_TR_NOOP("Threads"), 0)
        .range(0, 1024)
        .withHelp(OFICINA_TR_NOOP("Threads used for training; 0 uses every core. The result "
                                  "does not depend on it"));
}

TreeCriterion criterionOf(const ParamValues& params, bool classification) {
    if (!classification) return TreeCriterion::SquaredError;
    return params.text("criterion") == "entropy" ? TreeCriterion::Entropy : TreeCriterion::Gini;
}

Task taskOf(bool classification) {
    return classification ? Task::Classification : Task::Regression;
}

// Varies max_depth for validation curves; every other option stays the node's.
std::shared_ptr<const Learner> decisionTreeLearner(const DecisionTreeOptions& options,
                                                   bool classification) {
    return makeLearner(
        classification ? OFICINA_TR_NOOP("Decision tree classifier")
                       : OFICINA_TR_NOOP("Decision tree regressor"),
        taskOf(classification),
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            ctx.progress(0.0);
            const auto tree = trainDecisionTree(train, train.namesWithRole(ColumnRole::Feature),
                                                target, options, ctx.stopToken());
            ctx.progress(1.0);
            return Fitted{tree,
                          {{"depth", double(tree->tree().depth())},
                           {"leaves", double(tree->tree().leafCount())},
                           {"nodes", double(tree->tree().nodes().size())}}};
        },
        [options, classification](const std::string& key,
                                  double value) -> std::shared_ptr<const Learner> {
            if (key != "max_depth") return nullptr;
            DecisionTreeOptions varied = options;
            varied.maxDepth = int(value);
            return decisionTreeLearner(varied, classification);
        });
}

PortValues runDecisionTree(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx,
                           bool classification) {
    const DecisionTreeOptions options{
        .criterion = criterionOf(params, classification),
        .maxDepth = int(params.integer("max_depth")),
        .minSamplesSplit = int(params.integer("min_samples_split")),
        .minSamplesLeaf = int(params.integer("min_samples_leaf")),
        .maxFeatures = MaxFeatures::parse(params.text("max_features")),
        .seed = uint32_t(params.integer("seed"))};
    return {{"model", modelValue(trainModel(inputs.table("data"),
                                            decisionTreeLearner(options, classification), ctx))}};
}

PortValues runRandomForest(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx,
                           bool classification) {
    RandomForestOptions options{
        .nEstimators = int(params.integer("n_estimators")),
        .criterion = criterionOf(params, classification),
        .maxDepth = int(params.integer("max_depth")),
        .minSamplesSplit = int(params.integer("min_samples_split")),
        .minSamplesLeaf = int(params.integer("min_samples_leaf")),
        .maxFeatures = MaxFeatures::parse(params.text("max_features")),
        .bootstrap = params.boolean("bootstrap"),
        .oobScore = params.boolean("oob_score"),
        .nJobs = int(params.integer("n_jobs")),
        .seed = uint32_t(params.integer("seed"))};
    auto learner = makeLearner(
        classification ? OFICINA_TR_NOOP("Random forest classifier")
                       : OFICINA_TR_NOOP("Random forest regressor"),
        taskOf(classification),
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            ctx.progress(0.0);
            const RandomForestTraining training = trainRandomForest(
                train, train.namesWithRole(ColumnRole::Feature), target, options,
                [&](int done) { ctx.progress(double(done) / options.nEstimators); },
                ctx.stopToken());
            Fitted fitted{training.estimator, {{"trees", double(options.nEstimators)}}};
            if (training.oobScore) fitted.metrics.emplace_back("oob_score", *training.oobScore);
            return fitted;
        });
    return {{"model", modelValue(trainModel(inputs.table("data"), std::move(learner), ctx))}};
}

PortValues runGradientBoosting(const NodeInputs& inputs, const ParamValues& params,
                               RunContext& ctx, bool classification) {
    const GradientBoostingOptions options{
        .nEstimators = int(params.integer("n_estimators")),
        .learningRate = params.real("learning_rate"),
        .maxDepth = int(params.integer("max_depth")),
        .subsample = params.real("subsample"),
        .colsampleBytree = params.real("colsample_bytree"),
        .regLambda = params.real("reg_lambda"),
        .nThread = int(params.integer("n_jobs")),
        .seed = uint32_t(params.integer("seed")),
        .earlyStoppingRounds = int(params.integer("early_stopping_rounds")),
        .validationFraction = params.real("validation_fraction")};
    auto learner = makeLearner(
        classification ? OFICINA_TR_NOOP("Gradient boosting classifier")
                       : OFICINA_TR_NOOP("Gradient boosting regressor"),
        taskOf(classification),
        [options, classification](const Table& train, const std::string& target,
                                  RunContext& ctx) {
            const GradientBoostingTraining training = trainGradientBoosting(
                train, train.namesWithRole(ColumnRole::Feature), target, classification, options,
                [&](int round, double loss, double validationLoss) {
                    if (!std::isnan(loss)) ctx.metric("loss", round, loss);
                    if (!std::isnan(validationLoss)) ctx.metric("val_loss", round, validationLoss);
                    ctx.progress(double(round) / options.nEstimators);
                },
                ctx.stopToken(), ctx.finishTrainingToken());
            if (training.finishedEarly)
                ctx.warning(Message(OFICINA_TR_NOOP("training finished on request: the model keeps "
                                                    "its first %1 of %2 rounds"),
                                    {std::to_string(training.rounds),
                                     std::to_string(options.nEstimators)}));
            return Fitted{training.estimator,
                          {{"loss", training.loss}, {"iterations", double(training.rounds)}}};
        });
    return {{"model", modelValue(trainModel(inputs.table("data"), std::move(learner), ctx))}};
}

NodeSpec decisionTreeSpec(bool classification) {
    return {
        .type = classification ? "oficina.model.decision_tree_classifier"
                               : "oficina.model.decision_tree_regressor",
        .title = classification ? OFICINA_TR_NOOP("Decision tree classifier")
                                : OFICINA_TR_NOOP("Decision tree regressor"),
        .category = Category::Models,
        .help = classification
                    ? OFICINA_TR_NOOP("A CART tree of yes/no questions on the features, as "
                                      "scikit-learn's DecisionTreeClassifier; each leaf gives "
                                      "class probabilities. Limit its depth to see and explain "
                                      "it, and to avoid overfitting.")
                    : OFICINA_TR_NOOP("A CART tree of yes/no questions on the features, as "
                                      "scikit-learn's DecisionTreeRegressor; each leaf predicts "
                                      "the mean target of its training rows."),
        .whenToUse = classification
                         ? OFICINA_TR_NOOP("To get a classifier you can draw and explain as a "
                                           "list of questions; limit its depth or it overfits.")
                         : OFICINA_TR_NOOP("To predict a number with rules you can draw and "
                                           "explain; limit its depth or it overfits."),
        .concepts = {"supervised", classification ? "classification" : "regression", "algorithm",
                     "training", "overfitting"},
        .inputs = {{"data", PortType::Table, kTrainingData}},
        .outputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .params =
            [&] {
                auto params = treeParams(classification, "");
                params.push_back(seedParam());
                return params;
            }(),
        .run = [classification](const NodeInputs& inputs, const ParamValues& params,
                                RunContext& ctx) {
            return runDecisionTree(inputs, params, ctx, classification);
        },
    };
}

NodeSpec randomForestSpec(bool classification) {
    return {
        .type = classification ? "oficina.model.random_forest_classifier"
                               : "oficina.model.random_forest_regressor",
        .title = classification ? OFICINA_TR_NOOP("Random forest classifier")
                                : OFICINA_TR_NOOP("Random forest regressor"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Many decision trees, each grown on a bootstrap sample of the "
                                "rows with a random subset of features at each split; their "
                                "average is steadier than any single tree. As scikit-learn's "
                                "RandomForestClassifier / RandomForestRegressor."),
        .whenToUse = classification
                         ? OFICINA_TR_NOOP("A strong, robust classifier with little tuning, when "
                                           "accuracy matters more than one readable tree.")
                         : OFICINA_TR_NOOP("A strong, robust regressor with little tuning, when "
                                           "accuracy matters more than one readable tree."),
        .concepts = {"supervised", classification ? "classification" : "regression", "algorithm",
                     "training", "overfitting"},
        .inputs = {{"data", PortType::Table, kTrainingData}},
        .outputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .params =
            [&] {
                std::vector<Parameter> params{
                    Parameter::integer("n_estimators", OFICINA_TR_NOOP("Trees"), 100)
                        .range(1, 100000)
                        .withHelp(OFICINA_TR_NOOP("Number of trees in the forest"))};
                for (Parameter& p : treeParams(classification, classification ? "sqrt" : "1.0"))
                    params.push_back(std::move(p));
                params.push_back(
                    Parameter::boolean("bootstrap", OFICINA_TR_NOOP("Bootstrap"), true)
                        .withHelp(OFICINA_TR_NOOP("Grow each tree on rows drawn with "
                                                  "replacement")));
                params.push_back(
                    Parameter::boolean("oob_score", OFICINA_TR_NOOP("Out-of-bag score"), false)
                        .withHelp(OFICINA_TR_NOOP("Score each row with the trees that did not "
                                                  "see it: a free estimate of the test score")));
                params.push_back(jobsParam());
                params.push_back(seedParam());
                return params;
            }(),
        .run = [classification](const NodeInputs& inputs, const ParamValues& params,
                                RunContext& ctx) {
            return runRandomForest(inputs, params, ctx, classification);
        },
    };
}

NodeSpec gradientBoostingSpec(bool classification) {
    return {
        .type = classification ? "oficina.model.xgboost_classifier"
                               : "oficina.model.xgboost_regressor",
        .title = classification ? OFICINA_TR_NOOP("Gradient boosting classifier")
                                : OFICINA_TR_NOOP("Gradient boosting regressor"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Gradient-boosted trees (XGBoost, histogram method): each new "
                                "tree corrects the errors of the ones before. A strong default "
                                "for tabular data. Its training loss is drawn live."),
        .whenToUse = classification
                         ? OFICINA_TR_NOOP("Often the most accurate classifier for tables; early "
                                           "stopping guards against overfitting.")
                         : OFICINA_TR_NOOP("Often the most accurate regressor for tables; early "
                                           "stopping guards against overfitting."),
        .concepts = {"supervised", classification ? "classification" : "regression", "algorithm",
                     "training", "overfitting"},
        .inputs = {{"data", PortType::Table, kTrainingData}},
        .outputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .params =
            {Parameter::integer("n_estimators", OFICINA_TR_NOOP("Boosting rounds"), 100)
                 .range(1, 100000)
                 .withHelp(OFICINA_TR_NOOP("Trees added one after the other")),
             Parameter::real("learning_rate", OFICINA_TR_NOOP("Learning rate"), 0.3)
                 .range(1e-6, 1.0)
                 .withHelp(OFICINA_TR_NOOP("Shrinks each tree's contribution; smaller values "
                                           "need more rounds but generalise better")),
             maxDepthParam(6, 1),
             Parameter::real("subsample", OFICINA_TR_NOOP("Row fraction"), 1.0)
                 .range(1e-6, 1.0)
                 .withHelp(OFICINA_TR_NOOP("Fraction of rows sampled for each tree")),
             Parameter::real("colsample_bytree", OFICINA_TR_NOOP("Feature fraction"), 1.0)
                 .range(1e-6, 1.0)
                 .withHelp(OFICINA_TR_NOOP("Fraction of features sampled for each tree")),
             Parameter::real("reg_lambda", OFICINA_TR_NOOP("L2 regularisation"), 1.0)
                 .range(0.0, 1e6)
                 .withHelp(OFICINA_TR_NOOP("Penalty on leaf weights")),
             Parameter::integer("early_stopping_rounds", OFICINA_TR_NOOP("Early stopping rounds"),
                                0)
                 .range(0, 100000)
                 .withHelp(OFICINA_TR_NOOP("Stop when the loss on held-out rows has not improved "
                                           "for this many rounds; 0 trains every round")),
             Parameter::real("validation_fraction", OFICINA_TR_NOOP("Validation fraction"), 0.1)
                 .range(0.01, 0.9)
                 .withHelp(OFICINA_TR_NOOP("Share of the rows (the last ones) held out for "
                                           "early stopping")),
             jobsParam(), seedParam()},
        .run = [classification](const NodeInputs& inputs, const ParamValues& params,
                                RunContext& ctx) {
            return runGradientBoosting(inputs, params, ctx, classification);
        },
    };
}

} // namespace

void registerTreeNodes(NodeRegistry& registry) {
    for (const bool classification : {true, false}) {
        registry.add(decisionTreeSpec(classification));
        registry.add(randomForestSpec(classification));
        registry.add(gradientBoostingSpec(classification));
    }
}

} // namespace oficina::core

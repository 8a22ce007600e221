// Learners, prediction and scoring nodes (the standard scaler lives in FeatureNodes.cpp).
#include "nodes/Nodes.h"

#include "data/FeatureMatrix.h"
#include "eval/ClassificationMetrics.h"
#include "eval/CrossValidation.h"
#include "models/LogisticRegression.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace oficina::core {

namespace {

PortValues runLogisticRegression(const NodeInputs& inputs, const ParamValues& params,
                                 RunContext& ctx) {
    LogisticRegressionOptions options{.c = params.real("C"),
                                      .fitIntercept = params.boolean("fit_intercept"),
                                      .maxIter = int(params.integer("max_iter")),
                                      .tol = params.real("tol")};
    // Parameters added after version 1 files were written: absent keys keep the defaults.
    const auto text = [&](const char* key, const char* fallback) {
        return params.contains(key) ? params.text(key) : std::string(fallback);
    };
    options.penalty = text("penalty", "l2") == "l1" ? LogisticPenalty::L1 : LogisticPenalty::L2;
    options.solver = text("solver", "lbfgs") == "liblinear" ? LogisticSolver::Liblinear
                                                           : LogisticSolver::Lbfgs;
    options.classWeight =
        text("class_weight", "none") == "balanced" ? ClassWeight::Balanced : ClassWeight::None;
    options.seed = params.contains("seed") ? unsigned(params.integer("seed")) : 0u;
    auto learner = makeLearner(
        OFICINA_TR_NOOP("Logistic regression"), Task::Classification,
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            const auto training = trainLogisticRegression(
                train, train.namesWithRole(ColumnRole::Feature), target, options,
                [&](int iteration, double loss) {
                    ctx.metric("loss", iteration, loss);
                    ctx.progress(double(iteration) / options.maxIter);
                },
                ctx.stopToken());
            if (training.fit.warning) ctx.warning(*training.fit.warning);
            if (options.usesLiblinear())
                return Fitted{training.estimator, {{"loss", training.fit.loss}}};
            return Fitted{training.estimator,
                          {{"loss", training.fit.loss},
                           {"iterations", double(training.fit.iterations)}}};
        });
    return {{"model", modelValue(trainModel(inputs.table("data"), std::move(learner), ctx))}};
}

PortValues runPredict(const NodeInputs& inputs, const ParamValues&, RunContext& ctx) {
    const PredictControl control{ctx.stopToken(), [&ctx](double done) { ctx.progress(done); }};
    return {{"predictions",
             tableValue(inputs.model("model").predict(inputs.table("data"), control))}};
}

// The task follows from the data: class predictions → classification, numeric predictions →
// regression, a cluster column → clustering.
PortValues runScore(const NodeInputs& inputs, const ParamValues&, RunContext& ctx) {
    std::vector<Message> warnings;
    Metrics metrics = scorePredictions(inputs.table("predictions"), &warnings);
    for (Message& warning : warnings) ctx.warning(std::move(warning));
    return {{"metrics", metricsValue(std::move(metrics))}};
}

} // namespace

NodeSpec logisticRegressionSpec() {
    return {
        .type = "oficina.model.logistic_regression",
        .title = OFICINA_TR_NOOP("Logistic regression"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("A linear classifier giving class probabilities, as "
                                "scikit-learn's LogisticRegression: by default multinomial with "
                                "an L2 penalty fitted by L-BFGS, its loss drawn live while it "
                                "trains; the L1 penalty (or the liblinear solver) fits one "
                                "class against the rest with liblinear."),
        .whenToUse = OFICINA_TR_NOOP("A first classifier to try: fast, and its coefficients show "
                                     "how each feature pushes towards each class."),
        .concepts = {"supervised", "classification", "algorithm", "training"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Training data")}},
        .outputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .params = {Parameter::real("C", OFICINA_TR_NOOP("Inverse regularisation (C)"), 1.0)
                       .range(1e-6, 1e6)
                       .withHelp(OFICINA_TR_NOOP("Smaller values regularise more strongly")),
                   Parameter::integer("max_iter", OFICINA_TR_NOOP("Maximum iterations"), 100)
                       .range(1, 100000)
                       .withHelp(OFICINA_TR_NOOP("L-BFGS iterations before giving up (liblinear "
                                                 "has its own limits)")),
                   Parameter::real("tol", OFICINA_TR_NOOP("Tolerance"), 1e-4)
                       .range(1e-12, 1.0)
                       .withHelp(OFICINA_TR_NOOP("Stop when the gradient is this small")),
                   Parameter::boolean("fit_intercept", OFICINA_TR_NOOP("Fit intercept"), true)
                       .withHelp(OFICINA_TR_NOOP("Learn a constant term; without it the model "
                                                 "passes through the origin")),
                   Parameter::choice("penalty", OFICINA_TR_NOOP("Penalty"),
                                     {{"l2", OFICINA_TR_NOOP("L2")}, {"l1", OFICINA_TR_NOOP("L1")}},
                                     "l2")
                       .withHelp(OFICINA_TR_NOOP("L1 sets the weights of unhelpful features to "
                                                 "zero; it is fitted by liblinear")),
                   Parameter::choice("solver", OFICINA_TR_NOOP("Solver"),
                                     {{"lbfgs", OFICINA_TR_NOOP("L-BFGS (multinomial)")},
                                      {"liblinear", OFICINA_TR_NOOP("liblinear (one-vs-rest)")}},
                                     "lbfgs")
                       .withHelp(OFICINA_TR_NOOP("liblinear fits one class against the rest and "
                                                 "penalises the intercept; the L1 penalty "
                                                 "always uses it")),
                   Parameter::choice("class_weight", OFICINA_TR_NOOP("Class weights"),
                                     {{"none", OFICINA_TR_NOOP("None")},
                                      {"balanced", OFICINA_TR_NOOP("Balanced")}},
                                     "none")
                       .withHelp(OFICINA_TR_NOOP("Balanced weighs each class inversely to its "
                                                 "frequency, so rare classes count as much as "
                                                 "common ones")),
                   Parameter::seed(OFICINA_TR_NOOP("Seed of liblinear's random coordinate order"))},
        .run = runLogisticRegression,
    };
}

NodeSpec predictSpec() {
    return {
        .type = "oficina.model.predict",
        .title = OFICINA_TR_NOOP("Predict"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Applies a trained model to new rows: the model's preprocessing "
                                "is re-applied with its training fit, then it predicts."),
        .whenToUse = OFICINA_TR_NOOP("To use a trained model on new or test rows; its "
                                     "predictions feed the Score node or a file."),
        .concepts = {"inference", "model"},
        .inputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")},
                   {"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"predictions", PortType::Table, OFICINA_TR_NOOP("Predictions")}},
        .run = runPredict,
    };
}

NodeSpec scoreSpec() {
    return {
        .type = "oficina.eval.score",
        .title = OFICINA_TR_NOOP("Score"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Compares predictions with the true target. Classification: "
                                "accuracy, balanced accuracy, precision, recall and F1 (macro "
                                "and weighted), the confusion matrix and, from the class "
                                "probabilities, log loss, ROC and precision-recall curves with "
                                "their AUC. Regression: R², MAE, MSE, RMSE and the residuals. "
                                "Clustering: silhouette, Davies-Bouldin, Calinski-Harabasz and, "
                                "with a target column, ARI and NMI."),
        .whenToUse = OFICINA_TR_NOOP("After Predict on the test rows, to measure how well the "
                                     "model does on data it has not seen."),
        .concepts = {"classification", "regression", "overfitting"},
        .inputs = {{"predictions", PortType::Table, OFICINA_TR_NOOP("Predictions")}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Metrics")}},
        .run = runScore,
    };
}

} // namespace oficina::core

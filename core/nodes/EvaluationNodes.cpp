// Evaluation beyond Score: cross-validation, model comparison, learning curves. Also registers
// the naive Bayes and k-NN model nodes (BayesKnnNodes.cpp).
#include "nodes/BayesKnnNodes.h"
#include "nodes/EvaluationSupport.h"
#include "nodes/Nodes.h"

#include "eval/CrossValidation.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <charconv>

namespace oficina::core {

namespace {

constexpr int kComparedModels = 5;

CrossValidationOptions foldOptions(const ParamValues& params) {
    return {.folds = int(params.integer("n_splits")),
            .stratified = params.boolean("stratify"),
            .shuffle = params.boolean("shuffle"),
            .seed = uint32_t(params.integer("seed"))};
}

PortValues runCrossValidation(const NodeInputs& inputs, const ParamValues& params,
                              RunContext& ctx) {
    const Model& model = inputs.model("model");
    const Table& data = inputs.table("data");
    std::vector<Message> warnings;
    const auto folds = foldsFor(model, data, params, warnings);
    CrossValidationResult result = crossValidate(model, data, folds, ctx, true, &warnings);
    forwardWarnings(warnings, ctx);
    return {{"metrics", metricsValue(std::move(result.summary))},
            {"predictions", tableValue(std::move(result.predictions))}};
}

// A comparison row: the node's title when the user gave one, else the learner's.
std::string rowTitle(const Model& model) {
    return model.name.empty() ? std::string(model.learner->title()) : model.name;
}

PortValues runCompareModels(const NodeInputs& inputs, const ParamValues& params,
                            RunContext& ctx) {
    const Table& data = inputs.table("data");
    std::vector<const Model*> models;
    for (int i = 1; i <= kComparedModels; ++i) {
        const std::string port = "model_" + std::to_string(i);
        if (inputs.has(port)) models.push_back(&inputs.model(port));
    }
    if (models.empty())
        throw Error(Message(OFICINA_TR_NOOP("connect at least one model to compare")));
    for (const Model* m : models)
        if (!m->learner || m->targetName != models.front()->targetName ||
            m->learner->task() != models.front()->learner->task())
            throw Error(Message(OFICINA_TR_NOOP("the models to compare must predict the same "
                                                "target ('%1') for the same kind of task"),
                                {models.front()->targetName}));
    std::vector<Message> warnings;
    // The same folds for every model, so their scores differ only by the model.
    const auto folds = foldsFor(*models.front(), data, params, warnings);
    std::vector<Metrics> summaries;
    std::vector<std::string> titles;
    for (size_t i = 0; i < models.size(); ++i) {
        const double from = double(i) / double(models.size());
        const double to = double(i + 1) / double(models.size());
        summaries.push_back(
            crossValidate(*models[i], data, folds, ctx, false, &warnings, from, to).summary);
        std::string title = rowTitle(*models[i]);
        if (std::count(titles.begin(), titles.end(), title) > 0 ||
            std::any_of(models.begin() + std::ptrdiff_t(i) + 1, models.end(),
                        [&](const Model* m) { return title == rowTitle(*m); }))
            title += " (" + std::to_string(i + 1) + ")";
        titles.push_back(std::move(title));
    }
    // The columns every model was scored on, in the first model's order.
    LabeledMatrix comparison{"comparison", titles, {}, {}};
    for (const auto& [name, value] : summaries.front().scalars)
        if (std::all_of(summaries.begin(), summaries.end(),
                        [&name = name](const Metrics& m) { return m.scalar(name) != nullptr; }))
            comparison.columnLabels.push_back(name);
    for (const Metrics& m : summaries)
        for (const std::string& column : comparison.columnLabels)
            comparison.values.push_back(*m.scalar(column));
    Metrics out;
    out.task = summaries.front().task;
    out.matrices.push_back(std::move(comparison));
    forwardWarnings(warnings, ctx);
    return {{"metrics", metricsValue(std::move(out))}};
}

std::vector<double> parseFractions(const std::string& text) {
    std::vector<double> out;
    for (const std::string& item : splitList(text)) {
        double v = 0.0;
        const auto r = std::from_chars(item.data(), item.data() + item.size(), v);
        if (r.ec != std::errc() || r.ptr != item.data() + item.size() || !(v > 0.0 && v <= 1.0))
            throw Error(Message(OFICINA_TR_NOOP("'%1' is not a training size; give fractions "
                                                "between 0 and 1 separated by commas"),
                                {item}));
        out.push_back(v);
    }
    if (out.empty())
        throw Error(Message(OFICINA_TR_NOOP("give at least one training size")));
    return out;
}

PortValues runLearningCurve(const NodeInputs& inputs, const ParamValues& params,
                            RunContext& ctx) {
    const Model& model = inputs.model("model");
    const Table& data = inputs.table("data");
    std::vector<Message> warnings;
    const auto folds = foldsFor(model, data, params, warnings);
    const std::string metric = scoringFor(model, params);
    Metrics curve = learningCurve(model, data, folds, parseFractions(params.text("train_sizes")),
                                  metric, ctx, &warnings);
    curve.scalars.emplace_back("folds", double(folds.size()));
    forwardWarnings(warnings, ctx);
    return {{"metrics", metricsValue(std::move(curve))}};
}

NodeSpec crossValidationSpec() {
    return {
        .type = "oficina.eval.cross_validation",
        .title = OFICINA_TR_NOOP("Cross-validation"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Estimates how well a model does on rows it has not seen: the "
                                "rows are dealt into folds and, for each fold, the model's "
                                "whole recipe (its preprocessing and the learner) is trained "
                                "afresh on the other folds and scored on this one. Gives the "
                                "mean and standard deviation of each score, the scores per "
                                "fold, and every row's out-of-fold prediction. Connect the raw "
                                "rows the model's chain started from."),
        .whenToUse = OFICINA_TR_NOOP("When test rows are few: a steadier estimate of the score "
                                     "than a single split, and how much it varies."),
        .concepts = {"overfitting", "training", "supervised"},
        .inputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")},
                   {"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Scores")},
                    {"predictions", PortType::Table, OFICINA_TR_NOOP("Out-of-fold predictions")}},
        .params = foldParameters(),
        .run = runCrossValidation,
    };
}

NodeSpec compareModelsSpec() {
    std::vector<PortSpec> inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}};
    static const char* const labels[kComparedModels] = {
        OFICINA_TR_NOOP("Model 1"), OFICINA_TR_NOOP("Model 2"), OFICINA_TR_NOOP("Model 3"),
        OFICINA_TR_NOOP("Model 4"), OFICINA_TR_NOOP("Model 5")};
    for (int i = 0; i < kComparedModels; ++i)
        inputs.push_back({"model_" + std::to_string(i + 1), PortType::Model, labels[i], true});
    return {
        .type = "oficina.eval.compare_models",
        .title = OFICINA_TR_NOOP("Test & score"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Compares up to five models by cross-validation on the same "
                                "data and the same folds: one row per model with the mean and "
                                "standard deviation of each score."),
        .whenToUse = OFICINA_TR_NOOP("To choose fairly between several models, or settings of "
                                     "one, on the same folds."),
        .concepts = {"overfitting", "model", "algorithm"},
        .inputs = std::move(inputs),
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Comparison")}},
        .params = foldParameters(),
        .run = runCompareModels,
    };
}

NodeSpec learningCurveSpec() {
    std::vector<Parameter> params = foldParameters();
    params.push_back(Parameter::text("train_sizes", OFICINA_TR_NOOP("Training sizes"),
                                     "0.1, 0.325, 0.55, 0.775, 1.0")
                         .withHelp(OFICINA_TR_NOOP("Fractions of the training folds to train "
                                                   "on, separated by commas")));
    params.push_back(scoringParameter());
    return {
        .type = "oficina.eval.learning_curve",
        .title = OFICINA_TR_NOOP("Learning curve"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Trains the model's recipe on growing parts of each training "
                                "fold and scores it on those rows and on the held-out fold: a "
                                "large gap between the two curves means overfitting, two low "
                                "curves underfitting."),
        .whenToUse = OFICINA_TR_NOOP("To tell overfitting from underfitting, and whether more "
                                     "data would help."),
        .concepts = {"overfitting", "training", "data"},
        .inputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")},
                   {"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Learning curve")}},
        .params = std::move(params),
        .run = runLearningCurve,
    };
}

} // namespace

std::vector<Parameter> foldParameters() {
    return {Parameter::integer("n_splits", OFICINA_TR_NOOP("Folds"), 5)
                .range(2, 100)
                .withHelp(OFICINA_TR_NOOP("How many parts the rows are dealt into; each part is "
                                          "held out once while the model trains on the rest")),
            Parameter::boolean("stratify", OFICINA_TR_NOOP("Stratified"), true)
                .withHelp(OFICINA_TR_NOOP("For classification, keep each class's share in every "
                                          "fold (StratifiedKFold)")),
            Parameter::boolean("shuffle", OFICINA_TR_NOOP("Shuffle"), false)
                .withHelp(OFICINA_TR_NOOP("Shuffle the rows before dealing them into folds")),
            Parameter::seed(OFICINA_TR_NOOP("Random seed for the shuffle"))};
}

void forwardWarnings(std::vector<Message>& warnings, RunContext& ctx) {
    // Each fold repeats the same warning; tell the user once.
    std::vector<std::string> seen;
    for (Message& w : warnings) {
        const std::string text = w.english();
        if (std::find(seen.begin(), seen.end(), text) != seen.end()) continue;
        seen.push_back(text);
        ctx.warning(std::move(w));
    }
}

std::vector<TrainTestIndices> foldsFor(const Model& model, const Table& data,
                                       const ParamValues& params,
                                       std::vector<Message>& warnings) {
    if (!model.learner || model.targetName.empty())
        throw Error(Message(OFICINA_TR_NOOP("cross-validation needs a classification or "
                                            "regression model")));
    if (!data.find(model.targetName))
        throw Error(Message(OFICINA_TR_NOOP("the data has no column '%1', the target the model "
                                            "was trained to predict"),
                            {model.targetName}));
    return crossValidationFolds(data, model.targetName, model.learner->task(),
                                foldOptions(params), &warnings);
}

Parameter scoringParameter() {
    return Parameter::choice("scoring", OFICINA_TR_NOOP("Score"),
                             {{"auto", OFICINA_TR_NOOP("Accuracy or R² (by task)")},
                              {"accuracy", OFICINA_TR_NOOP("Accuracy")},
                              {"balanced_accuracy", OFICINA_TR_NOOP("Balanced accuracy")},
                              {"f1_macro", OFICINA_TR_NOOP("F1 (macro)")},
                              {"f1_weighted", OFICINA_TR_NOOP("F1 (weighted)")},
                              {"log_loss", OFICINA_TR_NOOP("Log loss")},
                              {"r2", OFICINA_TR_NOOP("R²")},
                              {"mae", OFICINA_TR_NOOP("Mean absolute error")},
                              {"rmse", OFICINA_TR_NOOP("Root mean squared error")}},
                             "auto")
               .withHelp(OFICINA_TR_NOOP("What the curves measure, accuracy or R² by default; "
                                         "for log loss and errors, lower is better"));
}

std::string scoringFor(const Model& model, const ParamValues& params) {
    const std::string& metric = params.text("scoring");
    if (metric != "auto") return metric;
    return model.learner && model.learner->task() == Task::Regression ? "r2" : "accuracy";
}

void registerEvaluationNodes(NodeRegistry& registry) {
    registry.add(crossValidationSpec());
    registry.add(compareModelsSpec());
    registry.add(learningCurveSpec());
    registerBayesKnnNodes(registry);
}

} // namespace oficina::core

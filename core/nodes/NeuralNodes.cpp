// Neural networks on LibTorch: a network declared as a layer list, and transfer learning from a
// TorchScript backbone. The training itself lives in core/nn.
#include "nodes/Nodes.h"

#include "nn/Network.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <cmath>
#include <set>

namespace oficina::core {

namespace {

using nn::Optimizer;
using nn::Schedule;

/// Classification for a categorical target or a numeric one with few whole values (digit labels,
/// ratings); regression otherwise, unless the user chose.
Task networkTask(const std::string& choice, const Table& train) {
    if (choice == "classification") return Task::Classification;
    if (choice == "regression") return Task::Regression;
    const Column& target = train.column(requireTarget(train));
    if (!target.isNumeric()) return Task::Classification;
    std::set<double> distinct;
    for (const double v : target.values()) {
        if (std::isnan(v)) continue;
        if (v != std::floor(v)) return Task::Regression;
        distinct.insert(v);
        if (distinct.size() > 20) return Task::Regression;
    }
    return Task::Classification;
}

nn::TrainOptions trainOptions(const ParamValues& p) {
    const std::string& optimizer = p.text("optimizer");
    const std::string& schedule = p.text("schedule");
    return {.optimizer = optimizer == "sgd"     ? Optimizer::Sgd
                         : optimizer == "adamw" ? Optimizer::AdamW
                                                : Optimizer::Adam,
            .learningRate = p.real("learning_rate"),
            .momentum = p.real("momentum"),
            .nesterov = p.boolean("nesterov"),
            .weightDecay = p.real("weight_decay"),
            .schedule = schedule == "step"      ? Schedule::Step
                        : schedule == "cosine"  ? Schedule::Cosine
                        : schedule == "plateau" ? Schedule::Plateau
                                                : Schedule::Constant,
            .stepSize = p.integer("step_size"),
            .decay = p.real("decay"),
            .batchSize = p.integer("batch_size"),
            .epochs = p.integer("epochs"),
            .validationFraction = p.real("validation_fraction"),
            .earlyStopping = p.boolean("early_stopping"),
            .patience = p.integer("patience"),
            .restoreBest = p.boolean("restore_best"),
            .balancedClassWeights = p.text("class_weight") == "balanced",
            .standardize = p.boolean("standardize"),
            .seed = uint32_t(p.integer("seed")),
            .threads = int(p.integer("threads"))};
}

nn::NetworkSpec networkSpec(const ParamValues& p, bool transfer) {
    nn::NetworkSpec spec;
    for (const auto& text : p.list("layers"))
        spec.layers.push_back(nn::parseLayer(text));
    spec.inputShape = nn::parseShape(p.text("input_shape"));
    if (transfer) {
        spec.backbonePath = p.text("backbone");
        const std::string& freeze = p.text("freeze");
        spec.frozenLayers = freeze == "all"    ? -1
                            : freeze == "none" ? 0
                                               : p.integer("frozen_layers");
    }
    return spec;
}

PortValues runNetwork(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx,
                      bool transfer) {
    const Table& train = inputs.table("data");
    const Task task = networkTask(params.text("task"), train);
    const nn::NetworkSpec spec = networkSpec(params, transfer);
    const nn::TrainOptions options = trainOptions(params);
    const char* title =
        transfer ? OFICINA_TR_NOOP("Transfer learning") : OFICINA_TR_NOOP("Neural network");
    // Refits (cross-validation, learning curves) hold out validation rows from their own data.
    auto learner = makeLearner(
        title, task,
        [task, spec, options](const Table& t, const std::string& target, RunContext& c) {
            return nn::fitNetwork(t, target, nullptr, task, spec, options, c);
        });
    std::optional<Table> validation;
    if (inputs.has("validation")) validation = train.lineage().applyTo(inputs.table("validation"));
    const std::string target = requireTarget(train);
    Fitted fitted = nn::fitNetwork(train, target, validation ? &*validation : nullptr, task, spec,
                                   options, ctx);
    return {{"model", modelValue(Model{.lineage = train.lineage(),
                                       .estimator = std::move(fitted.estimator),
                                       .learner = std::move(learner),
                                       .targetName = target,
                                       .trainingMetrics = std::move(fitted.metrics)})}};
}

std::vector<Parameter> trainingParams(bool standardizeByDefault) {
    return {
        Parameter::choice("task", OFICINA_TR_NOOP("Task"),
                          {{"auto", OFICINA_TR_NOOP("Automatic")},
                           {"classification", OFICINA_TR_NOOP("Classification")},
                           {"regression", OFICINA_TR_NOOP("Regression")}},
                          "auto")
            .withHelp(OFICINA_TR_NOOP("Automatic classifies a categorical target or one with at "
                                      "most 20 whole-number values, and regresses otherwise")),
        Parameter::choice("optimizer", OFICINA_TR_NOOP("Optimizer"),
                          {{"adam", OFICINA_TR_NOOP("Adam")},
                           {"adamw", OFICINA_TR_NOOP("AdamW")},
                           {"sgd", OFICINA_TR_NOOP("SGD")}},
                          "adam")
            .withHelp(OFICINA_TR_NOOP("How the weights follow the gradient: Adam adapts the step "
                                      "per weight; SGD takes plain steps, with momentum")),
        Parameter::real("learning_rate", OFICINA_TR_NOOP("Learning rate"), 1e-3)
            .range(1e-7, 10)
            .withHelp(OFICINA_TR_NOOP("Size of each step; too large diverges, too small crawls")),
        Parameter::real("momentum", OFICINA_TR_NOOP("Momentum"), 0.9)
            .range(0, 0.999)
            .withHelp(OFICINA_TR_NOOP("SGD only: fraction of the previous step carried into the "
                                      "next")),
        Parameter::boolean("nesterov", OFICINA_TR_NOOP("Nesterov momentum"), false)
            .withHelp(OFICINA_TR_NOOP("SGD only: look ahead along the momentum before taking "
                                      "the gradient")),
        Parameter::real("weight_decay", OFICINA_TR_NOOP("Weight decay"), 0.0)
            .range(0, 1)
            .withHelp(OFICINA_TR_NOOP("Pulls weights towards zero against overfitting (decoupled "
                                      "from the gradient for AdamW)")),
        Parameter::choice("schedule", OFICINA_TR_NOOP("Learning-rate schedule"),
                          {{"constant", OFICINA_TR_NOOP("Constant")},
                           {"step", OFICINA_TR_NOOP("Step decay")},
                           {"cosine", OFICINA_TR_NOOP("Cosine")},
                           {"plateau", OFICINA_TR_NOOP("Reduce on plateau")}},
                          "constant")
            .withHelp(OFICINA_TR_NOOP("Step multiplies the rate by the decay every few epochs; "
                                      "cosine lowers it smoothly to zero; reduce on plateau "
                                      "multiplies it by the decay when the validation loss "
                                      "stalls for half the patience")),
        Parameter::integer("step_size", OFICINA_TR_NOOP("Step size (epochs)"), 10)
            .range(1, 100000)
            .withHelp(OFICINA_TR_NOOP("Step decay: epochs between two decays")),
        Parameter::real("decay", OFICINA_TR_NOOP("Decay factor"), 0.1)
            .range(1e-4, 1)
            .withHelp(OFICINA_TR_NOOP("Step decay and reduce on plateau: the factor applied to "
                                      "the learning rate")),
        Parameter::integer("batch_size", OFICINA_TR_NOOP("Batch size"), 32)
            .range(1, 1000000)
            .withHelp(OFICINA_TR_NOOP("Rows per weight update")),
        Parameter::integer("epochs", OFICINA_TR_NOOP("Epochs"), 100)
            .range(1, 100000)
            .withHelp(OFICINA_TR_NOOP("Passes over the training rows at most")),
        Parameter::real("validation_fraction", OFICINA_TR_NOOP("Validation fraction"), 0.1)
            .range(0, 0.9)
            .withHelp(OFICINA_TR_NOOP("Training rows held out to measure the validation loss "
                                      "when no validation input is connected; 0 = none")),
        Parameter::boolean("early_stopping", OFICINA_TR_NOOP("Early stopping"), true)
            .withHelp(OFICINA_TR_NOOP("Stop when the validation loss (the training loss without "
                                      "validation) has not improved for 'Patience' epochs")),
        Parameter::integer("patience", OFICINA_TR_NOOP("Patience (epochs)"), 10)
            .range(1, 100000)
            .withHelp(OFICINA_TR_NOOP("Epochs without improvement before early stopping")),
        Parameter::boolean("restore_best", OFICINA_TR_NOOP("Restore best weights"), true)
            .withHelp(OFICINA_TR_NOOP("End with the weights of the epoch with the lowest "
                                      "validation loss, not those of the last epoch")),
        Parameter::choice(
            "class_weight", OFICINA_TR_NOOP("Class weights"),
            {{"none", OFICINA_TR_NOOP("None")}, {"balanced", OFICINA_TR_NOOP("Balanced")}}, "none")
            .withHelp(OFICINA_TR_NOOP("Balanced weighs each class inversely to its frequency, so "
                                      "rare classes count as much as common ones")),
        Parameter::boolean("standardize", OFICINA_TR_NOOP("Standardise inputs"),
                           standardizeByDefault)
            .withHelp(OFICINA_TR_NOOP("Scale the inputs (and a regression target) to mean 0 and "
                                      "deviation 1 inside the network, using the training rows: "
                                      "each column on its own, or all pixels or time steps "
                                      "together when an input shape is set")),
        Parameter::seed(OFICINA_TR_NOOP("Seed of the initial weights, the shuffling and dropout: "
                                      "same seed, same network")),
        Parameter::integer("threads", OFICINA_TR_NOOP("CPU threads"), 0)
            .range(0, 256)
            .withHelp(OFICINA_TR_NOOP("Threads LibTorch computes with; 0 = every core. Results "
                                      "repeat exactly for the same number of threads")),
    };
}

Parameter inputShapeParam() {
    return Parameter::text("input_shape", OFICINA_TR_NOOP("Input shape"))
        .withHelp(OFICINA_TR_NOOP("How one row's feature columns are arranged: empty for a row "
                                  "of features, channels×height×width for images (1x8x8 for "
                                  "Digits), time×features for sequences (12x1 for 12 past "
                                  "values)"));
}

const std::vector<PortSpec> kInputs = {
    {"data", PortType::Table, OFICINA_TR_NOOP("Training data")},
    {"validation", PortType::Table, OFICINA_TR_NOOP("Validation data"), true}};
const std::vector<PortSpec> kOutputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}};

NodeSpec networkSpecNode() {
    std::vector<Parameter> params = {
        inputShapeParam(),
        Parameter::layers("layers", OFICINA_TR_NOOP("Layers"),
                          {"Dense(units=64)", "ReLU", "Dense(units=64)", "ReLU"})
            .withShapeFrom("input_shape")
            .withHelp(OFICINA_TR_NOOP("The hidden layers, first to last; the output layer "
                                      "(one unit per class with softmax, or one value) is "
                                      "added after them"))};
    for (auto& p : trainingParams(true))
        params.push_back(std::move(p));
    return {.type = "oficina.nn.network",
            .title = OFICINA_TR_NOOP("Neural network"),
            .category = Category::NeuralNets,
            .help = OFICINA_TR_NOOP(
                "A neural network trained with LibTorch: an MLP of Dense layers for tables, a "
                "CNN (Conv2d, pooling) for images given as pixel columns, an LSTM or GRU for "
                "time-series windows. Its training and validation loss grow live in the chart."),
            .whenToUse = OFICINA_TR_NOOP("For images, sequences or large tables where simpler "
                                         "models fall short; it needs more data and training "
                                         "time."),
            .concepts = {"supervised", "classification", "regression", "algorithm", "training",
                         "overfitting"},
            .inputs = kInputs,
            .outputs = kOutputs,
            .params = std::move(params),
            .run = [](const NodeInputs& in, const ParamValues& p, RunContext& ctx) {
                return runNetwork(in, p, ctx, false);
            }};
}

NodeSpec transferSpecNode() {
    std::vector<Parameter> params = {
        Parameter::file("backbone", OFICINA_TR_NOOP("Backbone"),
                        OFICINA_TR_NOOP("TorchScript models (*.pt *.pth)"))
            .withHelp(OFICINA_TR_NOOP("A network pre-trained elsewhere and saved with "
                                      "torch.jit.save; its outputs become the features of the new "
                                      "head")),
        Parameter::choice("freeze", OFICINA_TR_NOOP("Freeze"),
                          {{"all", OFICINA_TR_NOOP("The whole backbone")},
                           {"first", OFICINA_TR_NOOP("Its first layers")},
                           {"none", OFICINA_TR_NOOP("Nothing (fine-tune all)")}},
                          "all")
            .withHelp(OFICINA_TR_NOOP("Frozen weights keep what the backbone learnt; unfrozen "
                                      "ones adapt to your data")),
        Parameter::integer("frozen_layers", OFICINA_TR_NOOP("Frozen layers"), 1)
            .range(0, 1000)
            .withHelp(OFICINA_TR_NOOP("With 'Its first layers': how many of the backbone's "
                                      "top-level layers stay fixed")),
        inputShapeParam(),
        Parameter::layers("layers", OFICINA_TR_NOOP("Head layers"), {})
            .withHelp(OFICINA_TR_NOOP("Layers added after the backbone, before the output layer "
                                      "for your classes"))};
    for (auto& p : trainingParams(false))
        params.push_back(std::move(p));
    return {.type = "oficina.nn.transfer",
            .title = OFICINA_TR_NOOP("Transfer learning"),
            .category = Category::NeuralNets,
            .help = OFICINA_TR_NOOP(
                "Fine-tunes a pre-trained TorchScript network on your data: its layers, frozen "
                "or not, feed a new head for your classes. Few labelled rows then go a long "
                "way."),
            .whenToUse = OFICINA_TR_NOOP("When you have few labelled images or rows but a "
                                         "network pre-trained on similar data."),
            .concepts = {"supervised", "classification", "training", "model"},
            .inputs = kInputs,
            .outputs = kOutputs,
            .params = std::move(params),
            .run = [](const NodeInputs& in, const ParamValues& p, RunContext& ctx) {
                return runNetwork(in, p, ctx, true);
            }};
}

} // namespace

void registerNeuralNodes(NodeRegistry& registry) {
    registry.add(networkSpecNode());
    registry.add(transferSpecNode());
}

} // namespace oficina::core

// Feature engineering: fitted transforms (scalers, polynomial, power, binning, selection).
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"
#include "transform/Binning.h"
#include "transform/FeatureSelection.h"
#include "transform/PolynomialFeatures.h"
#include "transform/PowerTransform.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

std::vector<PortSpec> dataIn() {
    return {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}};
}

std::vector<PortSpec> dataOut() {
    return {{"data", PortType::Table, OFICINA_TR_NOOP("Transformed data")}};
}

PortValues runStandardScaler(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    auto step = fitStandardScaler(
        input, {.withMean = params.boolean("with_mean"), .withStd = params.boolean("with_std")});
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runMinMax(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    const auto step = fitMinMaxScaler(input, {.featureRange = {params.real("feature_range_min"),
                                                               params.real("feature_range_max")},
                                              .clip = params.boolean("clip")});
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runRobust(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    const auto step = fitRobustScaler(
        input,
        {.withCentering = params.boolean("with_centering"),
         .withScaling = params.boolean("with_scaling"),
         .quantileRange = {params.real("quantile_range_min"), params.real("quantile_range_max")}});
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runPolynomial(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    const auto step =
        fitPolynomialFeatures(input, {.degree = int(params.integer("degree")),
                                      .interactionOnly = params.boolean("interaction_only"),
                                      .includeBias = params.boolean("include_bias")});
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runPower(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    const PowerMethod method =
        params.text("method") == "log1p" ? PowerMethod::Log1p : PowerMethod::YeoJohnson;
    const auto step =
        fitPowerTransform(input, {.method = method, .standardize = params.boolean("standardize")},
                          [&ctx] { return ctx.stopRequested(); });
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runBins(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    const auto step = fitBinning(
        input, {.nBins = int(params.integer("n_bins")),
                .strategy = params.text("strategy") == "uniform" ? BinStrategy::Uniform
                                                                 : BinStrategy::Quantile,
                .encode = params.text("encode") == "ordinal" ? BinEncoding::Ordinal
                                                             : BinEncoding::OneHotDense});
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues selectionOutputs(const Table& input, FeatureSelection selection, RunContext& ctx) {
    if (selection.warning) ctx.warning(*selection.warning);
    return {{"data", tableValue(applyStep(selection.step, input))},
            {"scores", metricsValue(std::move(selection.scores))}};
}

PortValues runVariance(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    return selectionOutputs(input, fitVarianceThreshold(input, params.real("threshold")), ctx);
}

PortValues runKBest(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    const std::string& function = params.text("score_func");
    const ScoreFunction scoreFunc = function == "f_classif"      ? ScoreFunction::FClassif
                                    : function == "f_regression" ? ScoreFunction::FRegression
                                                                 : ScoreFunction::Auto;
    return selectionOutputs(
        input, fitSelectKBest(input, {.k = int(params.integer("k")), .scoreFunc = scoreFunc}), ctx);
}

NodeSpec minMaxSpec() {
    return {
        .type = "oficina.scale.minmax",
        .title = OFICINA_TR_NOOP("Min-max scaler"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Maps each numeric feature linearly onto a range (0 to 1 by "
                                "default) using the minimum and maximum learned from this "
                                "node's input, as scikit-learn's MinMaxScaler. New rows beyond "
                                "the training range fall outside it unless clipped."),
        .whenToUse = OFICINA_TR_NOOP("Before distance- or gradient-based models (k-NN, SVM, "
                                     "neural networks) when features need a fixed range, such as "
                                     "pixels from 0 to 1."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::real("feature_range_min", OFICINA_TR_NOOP("Range minimum"), 0.0)
                       .range(-1e12, 1e12)
                       .withHelp(OFICINA_TR_NOOP("Where each column's minimum is mapped "
                                                 "(feature_range[0])")),
                   Parameter::real("feature_range_max", OFICINA_TR_NOOP("Range maximum"), 1.0)
                       .range(-1e12, 1e12)
                       .withHelp(OFICINA_TR_NOOP("Where each column's maximum is mapped "
                                                 "(feature_range[1])")),
                   Parameter::boolean("clip", OFICINA_TR_NOOP("Clip"), false)
                       .withHelp(OFICINA_TR_NOOP("Keep transformed values of new rows inside "
                                                 "the range"))},
        .run = runMinMax,
    };
}

NodeSpec robustSpec() {
    return {
        .type = "oficina.scale.robust",
        .title = OFICINA_TR_NOOP("Robust scaler"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Centres each numeric feature on its median and divides by its "
                                "interquartile range, as scikit-learn's RobustScaler: outliers "
                                "barely move the scaling."),
        .whenToUse = OFICINA_TR_NOOP("Instead of the standard scaler when outliers would distort "
                                     "the features' mean and standard deviation."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::boolean("with_centering", OFICINA_TR_NOOP("Centre"), true)
                       .withHelp(OFICINA_TR_NOOP("Subtract each column's median")),
                   Parameter::boolean("with_scaling", OFICINA_TR_NOOP("Scale"), true)
                       .withHelp(OFICINA_TR_NOOP("Divide by the range between the two "
                                                 "quantiles")),
                   Parameter::real("quantile_range_min", OFICINA_TR_NOOP("Lower quantile (%)"),
                                   25.0)
                       .withHelp(OFICINA_TR_NOOP("Lower end of the range each column is "
                                                 "divided by, as a percentile (25 = first "
                                                 "quartile)"))
                       .range(0, 100),
                   Parameter::real("quantile_range_max", OFICINA_TR_NOOP("Upper quantile (%)"),
                                   75.0)
                       .withHelp(OFICINA_TR_NOOP("Upper end of the range each column is "
                                                 "divided by, as a percentile (75 = third "
                                                 "quartile)"))
                       .range(0, 100)},
        .run = runRobust,
    };
}

NodeSpec polynomialSpec() {
    return {
        .type = "oficina.features.polynomial",
        .title = OFICINA_TR_NOOP("Polynomial features"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP(
            "Replaces the features by all their products up to a degree (a, b, a^2, a b, b^2), "
            "as scikit-learn's PolynomialFeatures, so a linear model can fit curves and "
            "interactions. Unlike scikit-learn it adds no constant \"1\" column by default: "
            "every model here fits its own intercept. All features must be numeric."),
        .whenToUse = OFICINA_TR_NOOP("When a linear model is too simple for curved relations or "
                                     "interactions between features; high degrees overfit."),
        .concepts = {"data", "regression", "overfitting"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::integer("degree", OFICINA_TR_NOOP("Degree"), 2)
                       .range(1, 10)
                       .withHelp(OFICINA_TR_NOOP("Highest total power of a term")),
                   Parameter::boolean("interaction_only", OFICINA_TR_NOOP("Interactions only"),
                                      false)
                       .withHelp(OFICINA_TR_NOOP("Only products of different features, no "
                                                 "powers such as a^2")),
                   Parameter::boolean("include_bias", OFICINA_TR_NOOP("Constant column"), false)
                       .withHelp(OFICINA_TR_NOOP("Add a column \"1\" (redundant with a "
                                                 "model's intercept)"))},
        .run = runPolynomial,
    };
}

NodeSpec powerSpec() {
    return {
        .type = "oficina.features.power",
        .title = OFICINA_TR_NOOP("Power transform"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP(
            "Makes skewed numeric features more Gaussian. Yeo-Johnson (scikit-learn's "
            "PowerTransformer) learns one exponent per column by maximum likelihood and then "
            "standardises; log1p takes log(1 + x) and needs values above -1."),
        .whenToUse = OFICINA_TR_NOOP("When features are strongly skewed (incomes, counts), "
                                     "before models that prefer roughly normal features."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::choice("method", OFICINA_TR_NOOP("Method"),
                                     {{"yeo-johnson", OFICINA_TR_NOOP("Yeo-Johnson")},
                                      {"log1p", OFICINA_TR_NOOP("log(1 + x)")}},
                                     "yeo-johnson")
                       .withHelp(OFICINA_TR_NOOP("Yeo-Johnson accepts any values and learns "
                                                 "its exponent; log(1 + x) is simpler and "
                                                 "needs values above -1")),
                   Parameter::boolean("standardize", OFICINA_TR_NOOP("Standardise"), true)
                       .withHelp(OFICINA_TR_NOOP("Yeo-Johnson: scale the result to zero mean "
                                                 "and unit variance"))},
        .run = runPower,
    };
}

NodeSpec binsSpec() {
    return {
        .type = "oficina.features.bins",
        .title = OFICINA_TR_NOOP("Binning"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Cuts each numeric feature into intervals, as scikit-learn's "
                                "KBinsDiscretizer: equal widths, or equal numbers of rows "
                                "(quantiles). Output: one 0/1 column per bin, or the bin "
                                "number."),
        .whenToUse = OFICINA_TR_NOOP("To turn a number into ranges (age groups), so that a "
                                     "linear model can fit steps, or to describe data by "
                                     "intervals."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::integer("n_bins", OFICINA_TR_NOOP("Bins"), 5)
                       .withHelp(OFICINA_TR_NOOP("How many intervals each feature is cut into"))
                       .range(2, 1000),
                   Parameter::choice("encode", OFICINA_TR_NOOP("Output"),
                                     {{"onehot-dense", OFICINA_TR_NOOP("One column per bin")},
                                      {"ordinal", OFICINA_TR_NOOP("Bin number")}},
                                     "onehot-dense")
                       .withHelp(OFICINA_TR_NOOP("One 0/1 column per bin, or one column "
                                                 "holding the bin's number")),
                   Parameter::choice("strategy", OFICINA_TR_NOOP("Bin edges"),
                                     {{"quantile", OFICINA_TR_NOOP("Quantiles (equal counts)")},
                                      {"uniform", OFICINA_TR_NOOP("Uniform (equal widths)")}},
                                     "quantile")
                       .withHelp(OFICINA_TR_NOOP("Quantiles put the same number of rows in "
                                                 "each bin; uniform gives bins of equal width"))},
        .run = runBins,
    };
}

NodeSpec varianceSpec() {
    return {
        .type = "oficina.select.variance",
        .title = OFICINA_TR_NOOP("Variance threshold"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Drops numeric features whose variance is not above a "
                                "threshold; with 0, the constant ones. As scikit-learn's "
                                "VarianceThreshold. The target and other columns are kept."),
        .whenToUse = OFICINA_TR_NOOP("To remove constant or nearly constant columns, which carry "
                                     "no information, before training."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Selected data")},
                    {"scores", PortType::Metrics, OFICINA_TR_NOOP("Variances")}},
        .params = {Parameter::real("threshold", OFICINA_TR_NOOP("Threshold"), 0.0)
                       .range(0, 1e300)
                       .withHelp(OFICINA_TR_NOOP("Keep features with a larger variance"))},
        .run = runVariance,
    };
}

NodeSpec kBestSpec() {
    return {
        .type = "oficina.select.k_best",
        .title = OFICINA_TR_NOOP("Select k best"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP(
            "Keeps the k features most related to the target, as scikit-learn's SelectKBest: "
            "ANOVA F for a class target, correlation F for a numeric one. The scores output "
            "lists each feature's F, p-value and whether it was kept."),
        .whenToUse = OFICINA_TR_NOOP("When there are many features and few rows: keeping the "
                                     "most related ones gives simpler models that overfit less."),
        .concepts = {"data", "supervised", "overfitting"},
        .inputs = dataIn(),
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Selected data")},
                    {"scores", PortType::Metrics, OFICINA_TR_NOOP("Scores")}},
        .params = {Parameter::integer("k", OFICINA_TR_NOOP("Features to keep (k)"), 10)
                       .range(0, 1e9)
                       .withHelp(OFICINA_TR_NOOP("0 keeps all features (scikit-learn's "
                                                 "k=\"all\")")),
                   Parameter::choice("score_func", OFICINA_TR_NOOP("Score"),
                                     {{"auto", OFICINA_TR_NOOP("From the target's type")},
                                      {"f_classif", OFICINA_TR_NOOP("ANOVA F (classes)")},
                                      {"f_regression", OFICINA_TR_NOOP("Correlation F (numbers)")}},
                                     "auto")
                       .withHelp(OFICINA_TR_NOOP("How each feature's relation to the target "
                                                 "is measured: ANOVA F for classes, "
                                                 "correlation F for numbers, or chosen from "
                                                 "the target's type"))},
        .run = runKBest,
    };
}

} // namespace

// Registered by builtin.cpp under its original place in the list.
NodeSpec standardScalerSpec() {
    return {
        .type = "oficina.scale.standard",
        .title = OFICINA_TR_NOOP("Standard scaler"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Centres each numeric feature on 0 and scales it to unit "
                                "variance, with the mean and deviation learned from this "
                                "node's input. Models downstream re-apply the same scaling "
                                "when they predict."),
        .whenToUse = OFICINA_TR_NOOP("Before models that depend on distances or penalties (k-NN, "
                                     "SVM, K-Means, regularised linear models, neural networks) "
                                     "when features have different units."),
        .concepts = {"data"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Scaled data")}},
        .params = {Parameter::boolean("with_mean", OFICINA_TR_NOOP("Centre"), true)
                       .withHelp(OFICINA_TR_NOOP("Subtract each column's mean")),
                   Parameter::boolean("with_std", OFICINA_TR_NOOP("Scale"), true)
                       .withHelp(OFICINA_TR_NOOP("Divide by each column's standard deviation"))},
        .run = runStandardScaler,
    };
}

void registerFeatureNodes(NodeRegistry& registry) {
    registry.add(minMaxSpec());
    registry.add(robustSpec());
    registry.add(polynomialSpec());
    registry.add(powerSpec());
    registry.add(binsSpec());
    registry.add(varianceSpec());
    registry.add(kBestSpec());
}

} // namespace oficina::core

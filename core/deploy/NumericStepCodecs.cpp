// The state of the steps that rescale or re-express numeric features (docs/model-package.md).
// Each codec writes what apply() uses and, under "options", what refit() needs; its loader
// checks every array against the column count, so apply() never reads past one.
#include "deploy/StepCodecs.h"

#include "reduce/Pca.h"
#include "transform/Binning.h"
#include "transform/PolynomialFeatures.h"
#include "transform/PowerTransform.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <cstdint>
#include <limits>
#include <memory>

namespace oficina::core::deploy {

namespace {

using namespace stepcodec;

using StepPtr = std::shared_ptr<const FittedStep>;
constexpr int64_t kIntMax = std::numeric_limits<int32_t>::max();

// ---- Standard, min-max and robust scalers ----

StateJson saveStandardScaler(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const StandardScalerStep&>(fitted);
    return {{"columns", step.columns()},
            {"mean", writer.doubles(step.mean())},
            {"scale", writer.doubles(step.scale())},
            {"options",
             {{"with_mean", step.options().withMean}, {"with_std", step.options().withStd}}}};
}

StepPtr loadStandardScaler(const std::string&, const StateJson& state, const std::string& path,
                           const StateReader& reader) {
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    std::vector<double> mean = reader.doubles(state, path, "mean", columns.size());
    std::vector<double> scale = reader.doubles(state, path, "scale", columns.size());
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const StandardScalerOptions options{reader.boolean(json, at, "with_mean"),
                                        reader.boolean(json, at, "with_std")};
    return std::make_shared<const StandardScalerStep>(std::move(columns), std::move(mean),
                                                      std::move(scale), options);
}

// The scaler's own per-column scale_ and min_ are recomputed from these by its constructor,
// with the same arithmetic, so they come back bit for bit.
StateJson saveMinMaxScaler(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const MinMaxScalerStep&>(fitted);
    return {{"columns", step.columns()},
            {"data_min", writer.doubles(step.dataMin())},
            {"data_max", writer.doubles(step.dataMax())},
            {"options",
             {{"feature_range", writer.doubles(step.options().featureRange)},
              {"clip", step.options().clip}}}};
}

StepPtr loadMinMaxScaler(const std::string&, const StateJson& state, const std::string& path,
                         const StateReader& reader) {
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    std::vector<double> dataMin = reader.doubles(state, path, "data_min", columns.size());
    std::vector<double> dataMax = reader.doubles(state, path, "data_max", columns.size());
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const std::vector<double> range = reader.doubles(json, at, "feature_range", 2);
    // Clipping into a reversed range would break std::clamp's contract.
    if (!(range[0] < range[1]))
        reader.fail(memberAt(at, "feature_range"),
                    Message(OFICINA_TR_NOOP("the feature range's minimum (%1) must be smaller "
                                            "than its maximum (%2)"),
                            {formatNumber(range[0]), formatNumber(range[1])}));
    const MinMaxScalerOptions options{{range[0], range[1]}, reader.boolean(json, at, "clip")};
    return std::make_shared<const MinMaxScalerStep>(std::move(columns), std::move(dataMin),
                                                    std::move(dataMax), options);
}

StateJson saveRobustScaler(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const RobustScalerStep&>(fitted);
    const RobustScalerOptions& options = step.options();
    return {{"columns", step.columns()},
            {"center", writer.doubles(step.center())},
            {"scale", writer.doubles(step.scale())},
            {"options",
             {{"with_centering", options.withCentering},
              {"with_scaling", options.withScaling},
              {"quantile_range", writer.doubles(options.quantileRange)}}}};
}

StepPtr loadRobustScaler(const std::string&, const StateJson& state, const std::string& path,
                         const StateReader& reader) {
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    std::vector<double> center = reader.doubles(state, path, "center", columns.size());
    std::vector<double> scale = reader.doubles(state, path, "scale", columns.size());
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const std::vector<double> range = reader.doubles(json, at, "quantile_range", 2);
    if (!(0.0 <= range[0] && range[0] <= range[1] && range[1] <= 100.0))
        reader.fail(memberAt(at, "quantile_range"),
                    Message(OFICINA_TR_NOOP("invalid quantile range %1–%2: it needs "
                                            "0 ≤ low ≤ high ≤ 100"),
                            {formatNumber(range[0]), formatNumber(range[1])}));
    const RobustScalerOptions options{reader.boolean(json, at, "with_centering"),
                                      reader.boolean(json, at, "with_scaling"),
                                      {range[0], range[1]}};
    return std::make_shared<const RobustScalerStep>(std::move(columns), std::move(center),
                                                    std::move(scale), options);
}

// ---- Power transform ----

constexpr std::pair<PowerMethod, const char*> kPowerMethods[] = {
    {PowerMethod::YeoJohnson, "yeo-johnson"}, {PowerMethod::Log1p, "log1p"}};

StateJson savePowerTransform(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const PowerTransformStep&>(fitted);
    return {{"columns", step.columns()},
            {"lambdas", writer.doubles(step.lambdas())},
            {"mean", writer.doubles(step.mean())},
            {"scale", writer.doubles(step.scale())},
            {"options",
             {{"method", enumName(step.options().method, kPowerMethods)},
              {"standardize", step.options().standardize}}}};
}

StepPtr loadPowerTransform(const std::string&, const StateJson& state, const std::string& path,
                           const StateReader& reader) {
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const PowerTransformOptions options{readEnum(reader, json, at, "method", kPowerMethods),
                                        reader.boolean(json, at, "standardize")};
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    // log1p learns nothing: its arrays are empty.
    const size_t n = options.method == PowerMethod::YeoJohnson ? columns.size() : 0;
    std::vector<double> lambdas = reader.doubles(state, path, "lambdas", n);
    std::vector<double> mean = reader.doubles(state, path, "mean", n);
    std::vector<double> scale = reader.doubles(state, path, "scale", n);
    return std::make_shared<const PowerTransformStep>(
        std::move(columns), options, std::move(lambdas), std::move(mean), std::move(scale));
}

// ---- Binning ----

constexpr std::pair<BinStrategy, const char*> kBinStrategies[] = {
    {BinStrategy::Uniform, "uniform"}, {BinStrategy::Quantile, "quantile"}};
constexpr std::pair<BinEncoding, const char*> kBinEncodings[] = {
    {BinEncoding::Ordinal, "ordinal"}, {BinEncoding::OneHotDense, "onehot-dense"}};

// Columns have different numbers of edges (narrow quantile bins merge): one array of all the
// edges, column after column, and one count per column.
StateJson saveBinning(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const BinningStep&>(fitted);
    std::vector<double> edges;
    std::vector<int32_t> counts;
    for (const std::vector<double>& column : step.edges()) {
        edges.insert(edges.end(), column.begin(), column.end());
        counts.push_back(int32_t(column.size()));
    }
    const BinningOptions& options = step.options();
    return {{"columns", step.columns()},
            {"edges", writer.doubles(edges)},
            {"edge_counts", writer.ints(counts)},
            {"options",
             {{"n_bins", options.nBins},
              {"strategy", enumName(options.strategy, kBinStrategies)},
              {"encode", enumName(options.encode, kBinEncodings)}}}};
}

StepPtr loadBinning(const std::string&, const StateJson& state, const std::string& path,
                    const StateReader& reader) {
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    const std::vector<int32_t> counts = reader.ints(state, path, "edge_counts", columns.size());
    size_t total = 0;
    for (size_t j = 0; j < counts.size(); ++j) {
        // One bin needs two edges; apply() searches between the first and the last.
        if (counts[j] < 2)
            reader.fail(memberAt(path, "edge_counts") + "[" + std::to_string(j) + "]",
                        Message(OFICINA_TR_NOOP("expected at least 2 edges, found %1"),
                                {std::to_string(counts[j])}));
        total += size_t(counts[j]);
    }
    const std::vector<double> all = reader.doubles(state, path, "edges", total);
    std::vector<std::vector<double>> edges;
    auto next = all.begin();
    for (const int32_t count : counts) {
        edges.emplace_back(next, next + count);
        requireAscending(reader, memberAt(path, "edges"), edges.back(), false,
                         size_t(next - all.begin()));
        next += count;
    }
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const BinningOptions options{int(reader.integer(json, at, "n_bins", 2, kIntMax)),
                                 readEnum(reader, json, at, "strategy", kBinStrategies),
                                 readEnum(reader, json, at, "encode", kBinEncodings)};
    return std::make_shared<const BinningStep>(std::move(columns), std::move(edges), options);
}

// ---- Polynomial features ----

// The terms are derived from the columns and options; the constructor recurses once per
// degree, so a hand-made state must not ask for a huge one.
constexpr int64_t kMaxPolynomialDegree = 1000;

StateJson savePolynomial(const FittedStep& fitted, StateWriter&) {
    const auto& step = static_cast<const PolynomialStep&>(fitted);
    const PolynomialOptions& options = step.options();
    return {{"columns", step.inputColumns()},
            {"options",
             {{"degree", options.degree},
              {"interaction_only", options.interactionOnly},
              {"include_bias", options.includeBias}}}};
}

StepPtr loadPolynomial(const std::string&, const StateJson& state, const std::string& path,
                       const StateReader& reader) {
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const PolynomialOptions options{
        int(reader.integer(json, at, "degree", 1, kMaxPolynomialDegree)),
        reader.boolean(json, at, "interaction_only"), reader.boolean(json, at, "include_bias")};
    try {
        return std::make_shared<const PolynomialStep>(std::move(columns), options);
    } catch (const Error& error) { // too many output columns: say where
        reader.fail(at, error.message());
    }
}

// ---- PCA ----

constexpr std::pair<PcaSolver, const char*> kPcaSolvers[] = {
    {PcaSolver::Auto, "auto"},
    {PcaSolver::Full, "full"},
    {PcaSolver::CovarianceEigh, "covariance_eigh"},
    {PcaSolver::Arpack, "arpack"}};

StateJson savePca(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const PcaStep&>(fitted);
    const PcaOptions& options = step.options();
    return {{"columns", step.columns()},
            {"mean", writer.vector(step.mean())},
            {"components", writer.matrix(step.components())},
            {"explained_variance", writer.vector(step.explainedVariance())},
            {"options",
             {{"n_components", scalar(writer, options.nComponents)},
              {"whiten", options.whiten},
              {"svd_solver", enumName(options.solver, kPcaSolvers)}}}};
}

StepPtr loadPca(const std::string&, const StateJson& state, const std::string& path,
                const StateReader& reader) {
    std::vector<std::string> columns = reader.texts(state, path, "columns");
    Eigen::VectorXd mean = reader.vector(state, path, "mean", columns.size());
    Eigen::MatrixXd components =
        reader.matrix(state, path, "components", StateReader::kAnyCount, columns.size());
    Eigen::VectorXd variance =
        reader.vector(state, path, "explained_variance", size_t(components.rows()));
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    const PcaOptions options{readScalar(reader, json, at, "n_components"),
                             reader.boolean(json, at, "whiten"),
                             readEnum(reader, json, at, "svd_solver", kPcaSolvers)};
    return std::make_shared<const PcaStep>(std::move(columns), std::move(mean),
                                           std::move(components), std::move(variance), options);
}

} // namespace

std::vector<StepCodec> numericStepCodecs() {
    return {{{"oficina.scale.standard"}, saveStandardScaler, loadStandardScaler},
            {{"oficina.scale.minmax"}, saveMinMaxScaler, loadMinMaxScaler},
            {{"oficina.scale.robust"}, saveRobustScaler, loadRobustScaler},
            {{"oficina.features.power"}, savePowerTransform, loadPowerTransform},
            {{"oficina.features.bins"}, saveBinning, loadBinning},
            {{"oficina.features.polynomial"}, savePolynomial, loadPolynomial},
            {{"oficina.reduce.pca"}, savePca, loadPca}};
}

} // namespace oficina::core::deploy

// Teaching nodes: clusters against classes (unsupervised vs supervised on the same rows) and the
// validation curve (overfitting as a model grows more complex).
#include "nodes/EvaluationSupport.h"
#include "nodes/Nodes.h"

#include "data/FeatureMatrix.h"
#include "eval/ClusterMetrics.h"
#include "eval/CrossValidation.h"
#include "eval/MetricCatalog.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"
#include "reduce/Pca.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <cmath>
#include <limits>
#include <map>

namespace oficina::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The column holding the true classes: the one named by `name`, else the table's target.
const Column& classColumn(const Table& table, const std::string& name) {
    if (!name.empty()) {
        if (const Column* c = table.find(name)) return *c;
        throw Error(Message(OFICINA_TR_NOOP("the clustered data has no column '%1'"), {name}));
    }
    const auto targets = table.namesWithRole(ColumnRole::Target);
    if (targets.empty())
        throw Error(Message(OFICINA_TR_NOOP("the clustered data has no target column to compare "
                                            "the clusters with; keep the class column as the "
                                            "target (the clusterer does not look at it) or "
                                            "name it in 'Class column'")));
    return table.column(targets.front());
}

/// Cluster labels as indices into `names`; noise (missing) gets its own group "noise".
std::vector<int32_t> clusterCodes(const Column& cluster, std::vector<std::string>& names) {
    names = cluster.categories();
    std::vector<int32_t> codes = cluster.codes();
    if (cluster.missingCount() > 0) {
        const auto noise = int32_t(names.size());
        names.emplace_back("noise");
        for (int32_t& c : codes)
            if (c == Column::kMissingCode) c = noise;
    }
    return codes;
}

/// The classifier's predictions as indices into the classes' labels (-1 for a label the true
/// classes do not have, or no prediction).
std::vector<int32_t> predictionCodes(const Table& predictions, size_t rows,
                                     const std::vector<std::string>& classes) {
    if (predictions.rowCount() != rows)
        throw Error(Message(OFICINA_TR_NOOP("the predictions have %1 rows but the clustered data "
                                            "has %2; connect predictions of the same rows"),
                            {std::to_string(predictions.rowCount()), std::to_string(rows)}));
    const Column* p = predictions.find(kPredictionColumn);
    if (!p || p->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("the predictions table has no predicted class "
                                            "column '%1'; connect a classifier's predictions"),
                            {kPredictionColumn}));
    std::map<std::string, int32_t> index;
    for (size_t i = 0; i < classes.size(); ++i)
        index[classes[i]] = int32_t(i);
    std::vector<int32_t> codes(rows, -1);
    for (size_t r = 0; r < rows; ++r)
        if (!p->isMissing(r))
            if (auto it = index.find(p->categories()[size_t(p->codes()[r])]); it != index.end())
                codes[r] = it->second;
    return codes;
}

PortValues runClustersVsClasses(const NodeInputs& inputs, const ParamValues& params,
                                RunContext& ctx) {
    const Table& table = inputs.table("clustered");
    const Column* cluster = table.find(kClusterColumn);
    if (!cluster || cluster->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("the data has no '%1' column; connect the output of a "
                                            "clustering node such as K-Means"),
                            {kClusterColumn}));
    const ClassLabels classes = classLabels(classColumn(table, params.text("class_column")));
    std::vector<std::string> clusterNames;
    const std::vector<int32_t> clusters = clusterCodes(*cluster, clusterNames);
    std::vector<int32_t> predicted;
    if (inputs.has("predictions"))
        predicted = predictionCodes(inputs.table("predictions"), table.rowCount(), classes.labels);

    // The projection both plots share: the first two principal axes of the features the
    // clusterer saw, so the two colourings differ only by who drew the groups.
    if (table.namesWithRole(ColumnRole::Feature).size() < 2)
        throw Error(Message(OFICINA_TR_NOOP("the clustered data needs at least two numeric "
                                            "feature columns to project")));
    ctx.progress(0.2, "projection");
    const PcaFit pca =
        fitPca(table, {.nComponents = 2}, [&ctx] { return ctx.stopToken().stop_requested(); });
    const Eigen::MatrixXd xy = pca.step->transform(featureMatrix(table, pca.step->columns()));

    Metrics out;
    out.task = "clustering";
    out.scalars.emplace_back("ari", adjustedRandScore(classes.codes, clusters));
    out.scalars.emplace_back("nmi", normalizedMutualInfoScore(classes.codes, clusters));
    if (!predicted.empty()) {
        size_t right = 0;
        for (size_t r = 0; r < predicted.size(); ++r)
            right += predicted[r] == classes.codes[r];
        out.scalars.emplace_back("accuracy", double(right) / double(predicted.size()));
    }

    LabeledMatrix contingency{"contingency", clusterNames, classes.labels, {}};
    contingency.values.assign(clusterNames.size() * classes.labels.size(), 0.0);
    for (size_t r = 0; r < clusters.size(); ++r)
        contingency
            .values[size_t(clusters[r]) * classes.labels.size() + size_t(classes.codes[r])] += 1.0;

    LabeledMatrix points{"cluster_class_points", {}, {"PC1", "PC2", "cluster", "class"}, {}};
    if (!predicted.empty()) points.columnLabels.emplace_back("prediction");
    points.values.reserve(clusters.size() * points.columnLabels.size());
    points.rowLabels.reserve(clusters.size());
    for (size_t r = 0; r < clusters.size(); ++r) {
        points.rowLabels.push_back(std::to_string(r)); // the row's index, as residuals have
        points.values.insert(points.values.end(), {xy(Eigen::Index(r), 0), xy(Eigen::Index(r), 1),
                                                   double(clusters[r]), double(classes.codes[r])});
        if (!predicted.empty())
            points.values.push_back(predicted[r] < 0 ? kNaN : double(predicted[r]));
    }
    out.matrices.push_back(std::move(points));
    out.matrices.push_back(std::move(contingency));
    ctx.progress(1.0);
    return {{"metrics", metricsValue(std::move(out))}};
}

NodeSpec clustersVsClassesSpec() {
    return {
        .type = "oficina.teach.clusters_vs_classes",
        .title = OFICINA_TR_NOOP("Clusters vs classes"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Puts unsupervised and supervised learning side by side on the "
                                "same rows: the clusters found without the labels and the true "
                                "classes (or a classifier's predictions), drawn on the same 2-D "
                                "projection (the first two principal components of the "
                                "features), with their agreement: the adjusted Rand index (1 = "
                                "the same groups, about 0 = no better than chance) and a table "
                                "counting the rows of each cluster in each class."),
        .whenToUse = OFICINA_TR_NOOP("To show that a clustering, which never saw the labels, "
                                     "can still rediscover the classes, and how far it falls "
                                     "short of a classifier that learned from them."),
        .concepts = {"unsupervised", "supervised", "clustering", "classification"},
        .inputs = {{"clustered", PortType::Table, OFICINA_TR_NOOP("Clustered data")},
                   {"predictions", PortType::Table, OFICINA_TR_NOOP("Classifier's predictions"),
                    true}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Comparison")}},
        .params = {Parameter::column("class_column", OFICINA_TR_NOOP("Class column"))
                       .optional()
                       .withHelp(OFICINA_TR_NOOP("The true classes; empty = the data's target "
                                                 "column"))},
        .run = runClustersVsClasses,
    };
}

PortValues runValidationCurve(const NodeInputs& inputs, const ParamValues& params,
                              RunContext& ctx) {
    const Model& model = inputs.model("model");
    const Table& data = inputs.table("data");
    const int64_t from = params.integer("from"), to = params.integer("to");
    if (to < from)
        throw Error(Message(OFICINA_TR_NOOP("the last value (%1) is smaller than the first (%2)"),
                            {std::to_string(to), std::to_string(from)}));
    std::vector<double> values;
    for (int64_t v = from; v <= to; ++v)
        values.push_back(double(v));
    const std::string key = params.text("parameter");
    std::vector<Message> warnings;
    const auto folds = foldsFor(model, data, params, warnings);
    Metrics curve =
        validationCurve(model, data, folds, key, values, scoringFor(model, params), ctx, &warnings);
    curve.scalars.emplace_back("folds", double(folds.size()));
    forwardWarnings(warnings, ctx);
    return {{"metrics", metricsValue(std::move(curve))}};
}

// A parameter the validation curve can vary, named as the curve's axis names it.
ChoiceOption variedParameter(const char* key) { return {key, findMetric(key)->label}; }

NodeSpec validationCurveSpec() {
    std::vector<Parameter> params = {
        Parameter::choice("parameter", OFICINA_TR_NOOP("Parameter"),
                          {variedParameter("max_depth"), variedParameter("degree")},
                          "max_depth")
            .withHelp(OFICINA_TR_NOOP("What to vary: a decision tree's maximum depth, or the "
                                      "degree of a Polynomial features step before the "
                                      "learner")),
        Parameter::integer("from", OFICINA_TR_NOOP("From"), 1)
            .range(1, 100)
            .withHelp(OFICINA_TR_NOOP("First value tried")),
        Parameter::integer("to", OFICINA_TR_NOOP("To"), 10)
            .range(1, 100)
            .withHelp(OFICINA_TR_NOOP("Last value tried; every whole number in between is "
                                      "tried too"))};
    for (Parameter& p : foldParameters())
        params.push_back(std::move(p));
    params.push_back(scoringParameter());
    return {
        .type = "oficina.teach.validation_curve",
        .title = OFICINA_TR_NOOP("Validation curve"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Makes overfitting visible: refits the model's recipe for each "
                                "value of one parameter (a tree's depth, a polynomial's "
                                "degree) and scores it by cross-validation, on the rows it "
                                "trained on and on the held-out fold. As the model grows more "
                                "complex the training score keeps rising while the validation "
                                "score levels off and falls: past that point the model "
                                "memorises noise. Connect the raw rows the model's chain "
                                "started from."),
        .whenToUse = OFICINA_TR_NOOP("To choose how complex a model should be, and to show "
                                     "where underfitting ends and overfitting begins."),
        .concepts = {"overfitting", "model", "training"},
        .inputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")},
                   {"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Validation curve")}},
        .params = std::move(params),
        .run = runValidationCurve,
    };
}

} // namespace

void registerTeachingNodes(NodeRegistry& registry) {
    registry.add(clustersVsClassesSpec());
    registry.add(validationCurveSpec());
}

} // namespace oficina::core

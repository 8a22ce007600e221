// Clustering: K-Means, mini-batch K-Means, DBSCAN, agglomerative; choosing k and eps; quality.
#include "nodes/Nodes.h"

#include "cluster/Agglomerative.h"
#include "cluster/Dbscan.h"
#include "cluster/KMeans.h"
#include "cluster/NearestNeighbors.h"
#include "data/FeatureMatrix.h"
#include "eval/ClusterMetrics.h"
#include "eval/Metrics.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace oficina::core {

namespace {

/// The feature columns of a table as a matrix; an Error names a categorical or incomplete
/// column (featureMatrix does), or says there is none.
Eigen::MatrixXd features(const Table& table, std::vector<std::string>* names = nullptr) {
    auto columns = table.namesWithRole(ColumnRole::Feature);
    if (columns.empty())
        throw Error(Message(OFICINA_TR_NOOP("the data has no feature columns to cluster")));
    Eigen::MatrixXd X = featureMatrix(table, columns);
    if (names) *names = std::move(columns);
    return X;
}

int clusterCount(const ParamValues& params, const Eigen::MatrixXd& X) {
    const int k = int(params.integer("n_clusters"));
    if (k > X.rows())
        throw Error(Message(OFICINA_TR_NOOP("n_clusters (%1) is larger than the number of rows "
                                            "(%2)"),
                            {std::to_string(k), std::to_string(X.rows())}));
    return k;
}

struct KMeansRun {
    std::shared_ptr<const KMeansModel> estimator;
    std::vector<int32_t> labels;
    std::vector<std::pair<std::string, double>> metrics;
};

KMeansRun kmeansOn(const Table& table, const ParamValues& params, bool miniBatch,
                   RunContext& ctx) {
    std::vector<std::string> names;
    Eigen::MatrixXd X = features(table, &names);
    const int k = clusterCount(params, X);
    const int maxIter = int(params.integer("max_iter"));
    const auto onIteration = [&](int it, double inertia) {
        ctx.metric("inertia", it, inertia);
        if (!miniBatch) ctx.progress(double(it) / maxIter);
    };
    KMeansFit fit;
    if (miniBatch) {
        MiniBatchKMeansOptions options;
        options.nClusters = k;
        options.batchSize = int(params.integer("batch_size"));
        options.maxIter = maxIter;
        options.seed = uint32_t(params.integer("seed"));
        fit = fitMiniBatchKMeans(X, options, onIteration, ctx.stopToken());
    } else {
        KMeansOptions options;
        options.nClusters = k;
        options.nInit = int(params.integer("n_init"));
        options.maxIter = maxIter;
        options.tol = params.real("tol");
        options.algorithm = params.text("algorithm") == "elkan" ? KMeansAlgorithm::Elkan
                                                                : KMeansAlgorithm::Lloyd;
        options.seed = uint32_t(params.integer("seed"));
        fit = fitKMeans(std::move(X), options, onIteration, ctx.stopToken());
    }
    if (!fit.converged && !miniBatch)
        ctx.warning(Message(OFICINA_TR_NOOP("K-Means stopped at max_iter (%1) before "
                                            "converging"),
                            {std::to_string(maxIter)}));
    return {std::make_shared<const KMeansModel>(std::move(names), std::move(fit.centers)),
            std::move(fit.labels),
            {{"inertia", fit.inertia}, {"iterations", double(fit.iterations)}}};
}

PortValues runKMeansNode(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx,
                         bool miniBatch) {
    const Table& table = inputs.table("data");
    KMeansRun run = kmeansOn(table, params, miniBatch, ctx);
    auto learner = makeLearner(miniBatch ? OFICINA_TR_NOOP("Mini-batch K-Means")
                                         : OFICINA_TR_NOOP("K-Means"),
                               Task::Clustering,
                               [params, miniBatch](const Table& t, const std::string&,
                                                   RunContext& c) {
                                   KMeansRun r = kmeansOn(t, params, miniBatch, c);
                                   return Fitted{std::move(r.estimator), std::move(r.metrics)};
                               });
    const int k = int(run.estimator->centers().rows());
    Model model{.lineage = table.lineage(),
                .estimator = run.estimator,
                .learner = std::move(learner),
                .targetName = {},
                .trainingMetrics = run.metrics};
    return {{"data", tableValue(table.withColumn(clusterColumn(run.labels, k)))},
            {"model", modelValue(std::move(model))}};
}

PortValues runDbscan(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& table = inputs.table("data");
    const Eigen::MatrixXd X = features(table);
    ctx.progress(0.0);
    const DbscanFit fit = fitDbscan(X,
                                    {.eps = params.real("eps"),
                                     .minSamples = int(params.integer("min_samples"))},
                                    ctx.stopToken());
    if (fit.clusterCount == 0)
        ctx.warning(Message(OFICINA_TR_NOOP("DBSCAN found no cluster: every row is noise; try a "
                                            "larger eps or a smaller min_samples")));
    return {{"data", tableValue(table.withColumn(clusterColumn(fit.labels, fit.clusterCount)))}};
}

Linkage linkageOf(const std::string& key) {
    if (key == "complete") return Linkage::Complete;
    if (key == "average") return Linkage::Average;
    if (key == "single") return Linkage::Single;
    return Linkage::Ward;
}

PortValues runAgglomerative(const NodeInputs& inputs, const ParamValues& params,
                            RunContext& ctx) {
    const Table& table = inputs.table("data");
    const Eigen::MatrixXd X = features(table);
    AgglomerativeOptions options;
    options.linkage = linkageOf(params.text("linkage"));
    if (params.real("distance_threshold") > 0)
        options.distanceThreshold = params.real("distance_threshold");
    else
        options.nClusters = clusterCount(params, X);
    ctx.progress(0.0);
    const AgglomerativeFit fit = fitAgglomerative(X, options, ctx.stopToken());
    LabeledMatrix tree{.name = "merge_tree",
                       .rowLabels = {},
                       .columnLabels = {"left", "right", "distance", "size"},
                       .values = {}};
    tree.values.reserve(size_t(fit.tree.size()));
    for (Eigen::Index r = 0; r < fit.tree.rows(); ++r) {
        tree.rowLabels.push_back(std::to_string(r + 1));
        for (Eigen::Index c = 0; c < 4; ++c) tree.values.push_back(fit.tree(r, c));
    }
    Metrics metrics{.task = "clustering",
                    .scalars = {{"n_clusters", double(fit.clusterCount)}},
                    .matrices = {std::move(tree)}};
    return {{"data", tableValue(table.withColumn(clusterColumn(fit.labels, fit.clusterCount)))},
            {"tree", metricsValue(std::move(metrics))}};
}

PortValues runClusterScore(const NodeInputs& inputs, const ParamValues& params,
                           RunContext& ctx) {
    const Table& table = inputs.table("data");
    const Column* cluster = table.find(kClusterColumn);
    if (!cluster || cluster->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("the data has no '%1' column; connect the output of "
                                            "a clustering node"),
                            {kClusterColumn}));
    const Eigen::MatrixXd X = features(table);
    const std::vector<int32_t>& labels = cluster->codes();  // -1 (missing) = noise
    std::vector<int32_t> truth;
    const auto targets = table.namesWithRole(ColumnRole::Target);
    if (!targets.empty()) truth = classLabels(table.column(targets.front())).codes;
    if (X.rows() > Eigen::Index(kSilhouetteSampleRows))
        ctx.warning(Message(OFICINA_TR_NOOP("the silhouette was computed on a random sample of "
                                            "%1 rows"),
                            {std::to_string(kSilhouetteSampleRows)}));
    Metrics m = clusteringMetrics(X, labels, targets.empty() ? nullptr : &truth,
                                  uint32_t(params.integer("seed")), ctx.stopToken());
    if (!m.scalar("silhouette"))
        ctx.warning(Message(OFICINA_TR_NOOP("silhouette, Davies-Bouldin and Calinski-Harabasz "
                                            "need at least two clusters")));
    return {{"metrics", metricsValue(std::move(m))}};
}

PortValues runSuggestK(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& table = inputs.table("data");
    const Eigen::MatrixXd X = features(table);
    const int kMin = int(params.integer("k_min")), kMax = int(params.integer("k_max"));
    if (kMin > kMax)
        throw Error(Message(OFICINA_TR_NOOP("k_min (%1) is larger than k_max (%2)"),
                            {std::to_string(kMin), std::to_string(kMax)}));
    if (kMax > X.rows() - 1)
        throw Error(Message(OFICINA_TR_NOOP("k_max (%1) must be smaller than the number of rows "
                                            "(%2)"),
                            {std::to_string(kMax), std::to_string(X.rows())}));
    const uint32_t seed = uint32_t(params.integer("seed"));
    LabeledMatrix scores{.name = "k_scores",
                         .rowLabels = {},
                         .columnLabels = {"k", "inertia", "silhouette"},
                         .values = {}};
    int best = kMin;
    double bestSilhouette = -2.0;
    for (int k = kMin; k <= kMax; ++k) {
        ctx.throwIfStopped();
        ctx.progress(double(k - kMin) / double(kMax - kMin + 1));
        KMeansOptions options;
        options.nClusters = k;
        options.seed = seed;
        const KMeansFit fit = fitKMeans(X, options, {}, ctx.stopToken());
        int distinct = 0;
        std::vector<char> seen(size_t(k), 0);
        for (int32_t l : fit.labels) distinct += !seen[size_t(l)]++;
        const double silhouette =
            distinct >= 2 ? silhouetteScore(X, fit.labels, kSilhouetteSampleRows, seed,
                                            ctx.stopToken())
                          : std::nan("");
        if (silhouette > bestSilhouette) {
            bestSilhouette = silhouette;
            best = k;
        }
        ctx.metric("inertia", k, fit.inertia);
        scores.rowLabels.push_back(std::to_string(k));
        scores.values.insert(scores.values.end(), {double(k), fit.inertia, silhouette});
    }
    Metrics m{.task = "clustering",
              .scalars = {{"suggested_k", double(best)}},
              .matrices = {std::move(scores)}};
    return {{"metrics", metricsValue(std::move(m))}};
}

PortValues runKDistance(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& table = inputs.table("data");
    const Eigen::MatrixXd X = features(table);
    const int k = int(params.integer("min_samples"));
    if (k > X.rows())
        throw Error(Message(OFICINA_TR_NOOP("min_samples (%1) is larger than the number of rows "
                                            "(%2)"),
                            {std::to_string(k), std::to_string(X.rows())}));
    NearestNeighbors tree;
    tree.build(X);
    // The k-th neighbour counting the row itself, as DBSCAN counts min_samples.
    const auto found = tree.knn(X, k, ctx.stopToken());
    std::vector<double> distances(size_t(X.rows()));
    for (Eigen::Index i = 0; i < X.rows(); ++i) distances[size_t(i)] = found.distances(i, k - 1);
    std::sort(distances.begin(), distances.end(), std::greater<>());
    // Knee: the point farthest from the chord between the first and last points of the curve.
    const double n = double(distances.size());
    const double y0 = distances.front(), y1 = distances.back();
    double bestGap = -1.0, eps = y0;
    for (size_t i = 0; i < distances.size(); ++i) {
        const double t = n > 1 ? double(i) / (n - 1) : 0.0;
        const double chord = y0 + (y1 - y0) * t;
        const double gap = chord - distances[i];
        if (gap > bestGap) {
            bestGap = gap;
            eps = distances[i];
        }
    }
    LabeledMatrix curve{.name = "k_distance",
                        .rowLabels = {},
                        .columnLabels = {"rank", "distance"},
                        .values = {}};
    curve.values.reserve(distances.size() * 2);
    for (size_t i = 0; i < distances.size(); ++i) {
        curve.rowLabels.push_back(std::to_string(i + 1));
        curve.values.push_back(double(i + 1));
        curve.values.push_back(distances[i]);
    }
    Metrics m{.task = "clustering",
              .scalars = {{"suggested_eps", eps}},
              .matrices = {std::move(curve)}};
    return {{"metrics", metricsValue(std::move(m))}};
}

Parameter seedParam() {
    return Parameter::seed(OFICINA_TR_NOOP("Same seed, same data: same clusters"));
}

Parameter clustersParam(int64_t value) {
    return Parameter::integer("n_clusters", OFICINA_TR_NOOP("Clusters"), value)
        .range(1, 100000)
        .withHelp(OFICINA_TR_NOOP("How many clusters to form"));
}

const PortSpec kDataIn{"data", PortType::Table, OFICINA_TR_NOOP("Data")};
const PortSpec kClusteredOut{"data", PortType::Table, OFICINA_TR_NOOP("Clustered data")};

NodeSpec kmeansSpec() {
    return {
        .type = "oficina.cluster.kmeans",
        .title = OFICINA_TR_NOOP("K-Means"),
        .category = Category::Cluster,
        .help = OFICINA_TR_NOOP("Groups rows into k clusters around centres (k-means++ start, "
                                "then Lloyd or Elkan iterations), as scikit-learn's KMeans; "
                                "n_init defaults to 1 as in scikit-learn 1.4. Adds a 'cluster' "
                                "column; the model assigns new rows to the nearest centre. "
                                "Inertia is drawn live."),
        .whenToUse = OFICINA_TR_NOOP("To split rows into a chosen number of compact groups of "
                                     "similar size; scale the features first."),
        .concepts = {"unsupervised", "clustering", "algorithm", "training"},
        .inputs = {kDataIn},
        .outputs = {kClusteredOut, {"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .params = {clustersParam(8),
                   Parameter::integer("n_init", OFICINA_TR_NOOP("Starts"), 1)
                       .range(1, 1000)
                       .withHelp(OFICINA_TR_NOOP("k-means++ starts; the best is kept")),
                   Parameter::integer("max_iter", OFICINA_TR_NOOP("Maximum iterations"), 300)
                       .withHelp(OFICINA_TR_NOOP("Iterations of each start at most, if the "
                                                 "centres have not settled before"))
                       .range(1, 100000),
                   Parameter::real("tol", OFICINA_TR_NOOP("Tolerance"), 1e-4)
                       .range(0, 1)
                       .withHelp(OFICINA_TR_NOOP("Stop when centres move less than this, "
                                                 "relative to the data's variance")),
                   Parameter::choice("algorithm", OFICINA_TR_NOOP("Algorithm"),
                                     {{"lloyd", OFICINA_TR_NOOP("Lloyd")},
                                      {"elkan", OFICINA_TR_NOOP("Elkan")}},
                                     "lloyd")
                       .withHelp(OFICINA_TR_NOOP("Lloyd's classic iterations, or Elkan's, "
                                                 "which skip distance computations by the "
                                                 "triangle inequality; both give the same "
                                                 "clusters")),
                   seedParam()},
        .run = [](const NodeInputs& in, const ParamValues& p,
                  RunContext& ctx) { return runKMeansNode(in, p, ctx, false); },
    };
}

NodeSpec miniBatchKMeansSpec() {
    return {
        .type = "oficina.cluster.minibatch_kmeans",
        .title = OFICINA_TR_NOOP("Mini-batch K-Means"),
        .category = Category::Cluster,
        .help = OFICINA_TR_NOOP("K-Means for large data: centres are updated from small random "
                                "batches of rows, as scikit-learn's MiniBatchKMeans. Faster, "
                                "slightly less compact clusters."),
        .whenToUse = OFICINA_TR_NOOP("Instead of K-Means when there are hundreds of thousands of "
                                     "rows and speed matters more than the last bit of quality."),
        .concepts = {"unsupervised", "clustering", "algorithm", "training"},
        .inputs = {kDataIn},
        .outputs = {kClusteredOut, {"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .params = {clustersParam(8),
                   Parameter::integer("batch_size", OFICINA_TR_NOOP("Batch size"), 1024)
                       .withHelp(OFICINA_TR_NOOP("Rows drawn for each update of the centres; "
                                                 "larger batches are steadier but slower"))
                       .range(1, 10000000),
                   Parameter::integer("max_iter", OFICINA_TR_NOOP("Maximum passes"), 100)
                       .range(1, 100000)
                       .withHelp(OFICINA_TR_NOOP("Passes over the data at most")),
                   seedParam()},
        .run = [](const NodeInputs& in, const ParamValues& p,
                  RunContext& ctx) { return runKMeansNode(in, p, ctx, true); },
    };
}

NodeSpec dbscanSpec() {
    return {
        .type = "oficina.cluster.dbscan",
        .title = OFICINA_TR_NOOP("DBSCAN"),
        .category = Category::Cluster,
        .help = OFICINA_TR_NOOP("Density-based clusters of any shape: rows with at least "
                                "min_samples neighbours within eps are cores, clusters grow "
                                "from them, and the rest is noise (missing in the 'cluster' "
                                "column). Use the k-distance node to choose eps."),
        .whenToUse = OFICINA_TR_NOOP("When clusters have irregular shapes, their number is "
                                     "unknown, or some rows are noise that belongs to no group."),
        .concepts = {"unsupervised", "clustering", "algorithm", "training"},
        .inputs = {kDataIn},
        .outputs = {kClusteredOut},
        .params = {Parameter::real("eps", OFICINA_TR_NOOP("Radius (eps)"), 0.5)
                       .range(1e-12, 1e12)
                       .withHelp(OFICINA_TR_NOOP("Largest distance between neighbours")),
                   Parameter::integer("min_samples", OFICINA_TR_NOOP("Minimum samples"), 5)
                       .range(1, 100000)
                       .withHelp(OFICINA_TR_NOOP("Neighbours, the row included, that make a "
                                                 "core row"))},
        .run = runDbscan,
    };
}

NodeSpec agglomerativeSpec() {
    return {
        .type = "oficina.cluster.agglomerative",
        .title = OFICINA_TR_NOOP("Agglomerative clustering"),
        .category = Category::Cluster,
        .help = OFICINA_TR_NOOP("Merges the closest clusters step by step, as scikit-learn's "
                                "AgglomerativeClustering, and outputs the merge tree for a "
                                "dendrogram. Keeps all pairwise distances: up to 20,000 rows."),
        .whenToUse = OFICINA_TR_NOOP("To see how small groups nest inside bigger ones (the "
                                     "dendrogram), on up to a few thousand rows."),
        .concepts = {"unsupervised", "clustering", "algorithm", "training"},
        .inputs = {kDataIn},
        .outputs = {kClusteredOut,
                    {"tree", PortType::Metrics, OFICINA_TR_NOOP("Merge tree")}},
        .params = {clustersParam(2),
                   Parameter::choice("linkage", OFICINA_TR_NOOP("Linkage"),
                                     {{"ward", OFICINA_TR_NOOP("Ward")},
                                      {"complete", OFICINA_TR_NOOP("Complete")},
                                      {"average", OFICINA_TR_NOOP("Average")},
                                      {"single", OFICINA_TR_NOOP("Single")}},
                                     "ward")
                       .withHelp(OFICINA_TR_NOOP("How the distance between two clusters is "
                                                 "measured: Ward (the smallest growth in "
                                                 "variance), complete (their farthest rows), "
                                                 "average, or single (their closest rows)")),
                   Parameter::real("distance_threshold",
                                   OFICINA_TR_NOOP("Distance threshold"), 0.0)
                       .range(0, 1e12)
                       .withHelp(OFICINA_TR_NOOP("When above 0, cut the tree at this merge "
                                                 "distance instead of at a number of "
                                                 "clusters"))},
        .run = runAgglomerative,
    };
}

NodeSpec clusterScoreSpec() {
    return {
        .type = "oficina.eval.cluster_score",
        .title = OFICINA_TR_NOOP("Cluster quality"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Scores a clustering: silhouette, Davies-Bouldin and "
                                "Calinski-Harabasz on the feature columns (noise rows left "
                                "out; silhouette on a sample of 10,000 rows for larger data), "
                                "and adjusted Rand index and normalized mutual information "
                                "against the target column when there is one."),
        .whenToUse = OFICINA_TR_NOOP("After clustering, to compare algorithms or numbers of "
                                     "clusters; with known labels, to see how well the clusters "
                                     "match them."),
        .concepts = {"clustering", "unsupervised"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Clustered data")}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Metrics")}},
        .params = {seedParam()},
        .run = runClusterScore,
    };
}

NodeSpec suggestKSpec() {
    return {
        .type = "oficina.cluster.suggest_k",
        .title = OFICINA_TR_NOOP("Suggest k"),
        .category = Category::Cluster,
        .help = OFICINA_TR_NOOP("Runs K-Means for each k in a range and reports inertia (look "
                                "for the elbow) and silhouette; suggests the k with the best "
                                "silhouette."),
        .whenToUse = OFICINA_TR_NOOP("Before K-Means, when you do not know how many clusters to "
                                     "ask for."),
        .concepts = {"clustering", "unsupervised"},
        .inputs = {kDataIn},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Scores per k")}},
        .params = {Parameter::integer("k_min", OFICINA_TR_NOOP("Smallest k"), 2)
                       .withHelp(OFICINA_TR_NOOP("The smallest number of clusters tried"))
                       .range(2, 1000),
                   Parameter::integer("k_max", OFICINA_TR_NOOP("Largest k"), 10)
                       .withHelp(OFICINA_TR_NOOP("The largest number of clusters tried"))
                       .range(2, 1000),
                   seedParam()},
        .run = runSuggestK,
    };
}

NodeSpec kDistanceSpec() {
    return {
        .type = "oficina.cluster.k_distance",
        .title = OFICINA_TR_NOOP("k-distance curve"),
        .category = Category::Cluster,
        .help = OFICINA_TR_NOOP("Distance from each row to its min_samples-th nearest "
                                "neighbour (the row counted), sorted from largest: DBSCAN's eps "
                                "is good at the knee, which is suggested."),
        .whenToUse = OFICINA_TR_NOOP("Before DBSCAN, to choose its eps distance."),
        .concepts = {"clustering", "unsupervised"},
        .inputs = {kDataIn},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Curve")}},
        .params = {Parameter::integer("min_samples", OFICINA_TR_NOOP("Minimum samples"), 5)
                       .withHelp(OFICINA_TR_NOOP("Which neighbour's distance is measured, the "
                                                 "row counted; use DBSCAN's minimum samples"))
                       .range(1, 100000)},
        .run = runKDistance,
    };
}

} // namespace

void registerClusterNodes(NodeRegistry& registry) {
    registry.add(kmeansSpec());
    registry.add(miniBatchKMeansSpec());
    registry.add(dbscanSpec());
    registry.add(agglomerativeSpec());
    registry.add(suggestKSpec());
    registry.add(kDistanceSpec());
    registry.add(clusterScoreSpec());
}

} // namespace oficina::core

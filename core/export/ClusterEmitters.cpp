// Emitters for clustering: K-Means and mini-batch K-Means assign the nearest centre.
#include "export/Emitters.h"

#include "cluster/KMeans.h"

namespace oficina::core::onnxexport {

namespace {

EstimatorOutputs emitKMeans(const KMeansModel& model, const SymTable& in, OnnxGraph& g) {
    const Eigen::MatrixXd& centers = model.centers(); // k × p
    const auto k = int64_t(centers.rows()), p = int64_t(centers.cols());
    std::vector<double> flat;
    for (int64_t c = 0; c < k; ++c)
        for (int64_t j = 0; j < p; ++j)
            flat.push_back(centers(c, j));
    const std::string x = gatherColumns(g, in, model.featureNames(), model.title());
    // Squared distances summed from the differences ([N, k, p]) rather than expanded as
    // |x|² − 2x·c + |c|², which cancels badly far from the origin.
    const std::string diff = g.node(
        "Sub", {g.node("Unsqueeze", {x, g.shape({1})}), g.doubles("centers", flat, {1, k, p})});
    const std::string squared = g.node("ReduceSum", {g.node("Mul", {diff, diff}), g.shape({2})},
                                       {Attr("keepdims", 0)}, "squared_distances");
    // The nearest centre; ties to the lower index, as the app.
    const std::string label =
        g.node("ArgMin", {squared}, {Attr("axis", 1), Attr("keepdims", 0)}, "cluster");
    return {.label = label,
            .scores = g.node("Sqrt", {squared}, {}, "distances"),
            .classLabels = {},
            .scoreWidth = k};
}

} // namespace

void registerClusterEmitters(EmitterRegistry& r) {
    r.addEstimator(emitKMeans);
}

} // namespace oficina::core::onnxexport

// Emitters for k-nearest neighbours (classifier and regressor). The training rows are stored in
// the graph; each query's squared distances are summed feature by feature, as the app's KD-tree
// (nanoflann's L2 metric) sums them, so they are bitwise the app's; TopK keeps the k smallest,
// equal distances in training-row order (TopK's documented tie rule, and KnnIndex's); then the
// neighbours vote or average in neighbour order, as the app adds them.
//
// Beyond 15 features the app ranks candidates by ‖x‖² − 2·x·q from matrix products (BLAS) and
// the graph by the exact distances: the two orders can differ only between neighbours whose
// distances agree to rounding.
#include "export/Emitters.h"
#include "export/OrderedSums.h"

#include "models/Knn.h"

#include <numeric>

namespace oficina::core::onnxexport {

namespace {

struct Neighbours {
    std::string indices; ///< [N, k] int64 training rows, nearest first
    std::string weights; ///< [N, k] double vote weights; empty for uniform weights
    int64_t k = 0;
};

Neighbours nearest(OnnxGraph& g, const SymTable& in, const Estimator& model, const KnnIndex& index,
                   const KnnOptions& options) {
    std::vector<std::string> columns;
    for (const std::string& name : model.featureNames())
        columns.push_back(in.requireNumeric(name, model.title()).value);
    const std::string squared =
        pairwiseSums(g, columns, index.points(), PairTerm::SquaredDifference);
    Neighbours out;
    out.k = options.nNeighbors;
    const std::vector<std::string> found =
        g.nodeWithOutputs("TopK", {squared, g.shape({out.k})}, 2,
                          {Attr("axis", 1), Attr("largest", 0), Attr("sorted", 1)}, "nearest");
    out.indices = found[1];
    if (options.weights == KnnWeights::Distance) {
        // As weightsOf(): 1 / distance, unless some neighbour lies at distance 0; then those
        // weigh 1 and the others 0.
        const std::string d = g.node("Sqrt", {found[0]}, {}, "distances");
        const std::string atZero = castTo(g, g.node("Equal", {d, g.scalar(0.0)}), Elem::Double);
        const std::string exact = g.node(
            "Greater", {g.node("ReduceMax", {atZero}, {Attr("axes", std::vector<int64_t>{1})}),
                        g.scalar(0.0)});
        out.weights =
            g.node("Where", {exact, atZero, g.node("Div", {g.scalar(1.0), d})}, {}, "weights");
    }
    return out;
}

EstimatorOutputs emitKnnClassifier(const KnnClassifier& model, const SymTable& in, OnnxGraph& g) {
    const Neighbours nb = nearest(g, in, model, model.index(), model.options());
    const std::vector<int32_t>& y = model.trainingClasses();
    const auto classes = int64_t(model.classLabels().size());
    const std::string neighbourClass = g.node(
        "Gather",
        {g.int64s("training_classes", {y.begin(), y.end()}, {int64_t(y.size())}), nb.indices},
        {Attr("axis", 0)}, "neighbour_class");
    std::vector<int64_t> ids(static_cast<size_t>(classes));
    std::iota(ids.begin(), ids.end(), int64_t(0));
    // [N, k, classes]: each neighbour's weight in its class's column.
    std::string votes = castTo(g,
                               g.node("Equal", {g.node("Unsqueeze", {neighbourClass, g.shape({2})}),
                                                g.int64s("class_ids", ids, {1, 1, classes})}),
                               Elem::Double);
    if (!nb.weights.empty())
        votes = g.node("Mul", {votes, g.node("Unsqueeze", {nb.weights, g.shape({2})})});
    const std::string perClass =
        g.node("Reshape", {sumInOrder(g, votes, 1, nb.k), g.shape({-1, classes})}, {}, "votes");
    const std::string probabilities =
        g.node("Div", {perClass, sumInOrder(g, perClass, 1, classes)}, {}, "probabilities");
    // The largest share, ties to the first class (predictClasses).
    const std::string index =
        g.node("ArgMax", {probabilities}, {Attr("axis", 1), Attr("keepdims", 0)}, "class_index");
    return {.label = labelsAt(g, index, model.classLabels()),
            .scores = probabilities,
            .classLabels = model.classLabels()};
}

EstimatorOutputs emitKnnRegressor(const KnnRegressor& model, const SymTable& in, OnnxGraph& g) {
    const Neighbours nb = nearest(g, in, model, model.index(), model.options());
    const std::vector<double>& y = model.trainingTargets();
    const std::string values =
        g.node("Gather", {g.doubles("training_targets", y, {int64_t(y.size())}), nb.indices},
               {Attr("axis", 0)}, "neighbour_values");
    std::string mean;
    if (nb.weights.empty()) {
        mean = g.node("Div", {sumInOrder(g, values, 1, nb.k), g.scalar(double(nb.k))});
    } else {
        const std::string weighted = g.node("Mul", {values, nb.weights});
        mean =
            g.node("Div", {sumInOrder(g, weighted, 1, nb.k), sumInOrder(g, nb.weights, 1, nb.k)});
    }
    return {.label = g.node("Reshape", {mean, g.shape({-1})}, {}, "value"),
            .scores = {},
            .classLabels = {}};
}

} // namespace

void registerKnnEmitters(EmitterRegistry& r) {
    r.addEstimator(emitKnnClassifier);
    r.addEstimator(emitKnnRegressor);
}

} // namespace oficina::core::onnxexport

// Emitters for linear models: linear / ridge / lasso / elastic-net regression (LinearRegressor)
// and logistic regression (softmax, binary sigmoid, and liblinear's one-vs-rest).
#include "export/Emitters.h"

#include "models/LinearRegression.h"
#include "models/LogisticRegression.h"

namespace oficina::core::onnxexport {

namespace {

/// X·Wᵀ + b for coefficient rows W (r × p) and intercepts b: [N, r] double.
std::string linearScores(OnnxGraph& g, const std::string& x, const Eigen::MatrixXd& w,
                         const Eigen::VectorXd& b) {
    const auto r = int64_t(w.rows()), p = int64_t(w.cols());
    std::vector<double> wt; // p × r, row-major
    for (int64_t i = 0; i < p; ++i)
        for (int64_t j = 0; j < r; ++j)
            wt.push_back(w(j, i));
    const std::string product = g.node("MatMul", {x, g.doubles("coefficients", wt, {p, r})});
    return g.node("Add", {product, g.doubles("intercepts", {b.begin(), b.end()}, {1, r})}, {},
                  "scores");
}

EstimatorOutputs emitLinearRegressor(const LinearRegressor& model, const SymTable& in,
                                     OnnxGraph& g) {
    const std::string x = gatherColumns(g, in, model.featureNames(), model.title());
    const Eigen::MatrixXd w = model.coefficients().transpose();
    const std::string y = linearScores(g, x, w, Eigen::VectorXd::Constant(1, model.intercept()));
    return {.label = g.node("Reshape", {y, g.shape({-1})}, {}, "value"),
            .scores = {},
            .classLabels = {}};
}

EstimatorOutputs emitLogisticRegression(const LogisticRegression& model, const SymTable& in,
                                        OnnxGraph& g) {
    const std::string x = gatherColumns(g, in, model.featureNames(), model.title());
    const std::string z = linearScores(g, x, model.coefficients(), model.intercepts());
    std::string probabilities, index;
    if (model.coefficients().rows() == 1) {
        // One row scores class 1 against class 0: P1 = σ(z), P0 = 1 − P1; class 1 when z > 0
        // (a tie goes to class 0, as predictClasses has it).
        const std::string p1 = g.node("Sigmoid", {z});
        const std::string p0 = g.node("Sub", {g.scalar(1.0), p1});
        probabilities = g.node("Concat", {p0, p1}, {Attr("axis", 1)}, "probabilities");
        const std::string positive = g.node("Greater", {z, g.scalar(0.0)});
        index = g.node("Reshape", {castTo(g, positive, Elem::Int64), g.shape({-1})});
    } else {
        if (model.oneVsRest()) {
            // liblinear: independent sigmoids normalised per row.
            const std::string s = g.node("Sigmoid", {z});
            probabilities =
                g.node("Div", {s, g.node("ReduceSum", {s, g.shape({1})}, {Attr("keepdims", 1)})},
                       {}, "probabilities");
        } else {
            probabilities = g.node("Softmax", {z}, {Attr("axis", 1)}, "probabilities");
        }
        // The highest score; ties to the first class, as the app's maxCoeff.
        index = g.node("ArgMax", {z}, {Attr("axis", 1), Attr("keepdims", 0)}, "class_index");
    }
    return {.label = labelsAt(g, index, model.classLabels()),
            .scores = probabilities,
            .classLabels = model.classLabels()};
}

} // namespace

void registerLinearEmitters(EmitterRegistry& r) {
    r.addEstimator(emitLinearRegressor);
    r.addEstimator(emitLogisticRegression);
}

} // namespace oficina::core::onnxexport

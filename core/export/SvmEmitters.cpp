// Emitters for support vector machines: the linear SVM (liblinear, one-vs-rest scores) and the
// kernel SVC and SVR (libsvm). ai.onnx.ml's SVMClassifier and SVMRegressor run in float in ONNX
// Runtime, which moves decision values by ~1e-7 relative: enough to flip a vote near a boundary.
// So the kernel expansion is built from standard ops in double, each kernel value summed feature
// by feature as libsvm's k_function sums it, and libsvm's one-vs-one vote and its probability
// coupling (multiclass_probability, an iteration with a stopping test, as an ONNX Loop) follow.
#include "export/Emitters.h"
#include "export/OrderedSums.h"

#include "models/Svm.h"

#include <algorithm>

namespace oficina::core::onnxexport {

namespace {

std::vector<std::string> featureValues(const SymTable& in, const Estimator& model) {
    std::vector<std::string> columns;
    for (const std::string& name : model.featureNames())
        columns.push_back(in.requireNumeric(name, model.title()).value);
    return columns;
}

/// Row-major values of `m`.
std::vector<double> rowMajor(const Eigen::MatrixXd& m) {
    std::vector<double> out;
    out.reserve(size_t(m.size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            out.push_back(m(i, j));
    return out;
}

EstimatorOutputs emitLinearSvc(const LinearSvc& model, const SymTable& in, OnnxGraph& g) {
    const std::string x = gatherColumns(g, in, model.featureNames(), model.title());
    const Eigen::MatrixXd& w = model.coefficients();
    const auto r = int64_t(w.rows());
    const std::string scores = g.node(
        "Gemm",
        {x, g.doubles("coefficients", rowMajor(w), {r, int64_t(w.cols())}),
         g.doubles("intercepts", {model.intercepts().begin(), model.intercepts().end()}, {r})},
        {Attr("transB", 1)}, "scores");
    std::string index;
    if (r == 1) // class 1 when its score is positive, as predictClasses
        index =
            g.node("Reshape", {castTo(g, g.node("Greater", {scores, g.scalar(0.0)}), Elem::Int64),
                               g.shape({-1})});
    else // the highest score, ties to the first class
        index = g.node("ArgMax", {scores}, {Attr("axis", 1), Attr("keepdims", 0)});
    return {.label = labelsAt(g, index, model.classLabels()),
            .scores = {},
            .classLabels = model.classLabels()};
}

/// K(x, s) for every row and support vector: [N, support vectors] double, as k_function.
std::string kernelValues(OnnxGraph& g, const std::vector<std::string>& columns,
                         const KernelSvmParameters& p) {
    if (p.kernel == SvmKernel::Rbf)
        return g.node(
            "Exp",
            {g.node("Mul", {pairwiseSums(g, columns, p.supportVectors, PairTerm::SquaredDifference),
                            g.scalar(-p.gamma)})},
            {}, "kernel");
    const std::string dot = pairwiseSums(g, columns, p.supportVectors, PairTerm::Product);
    if (p.kernel == SvmKernel::Linear) return dot;
    const std::string base =
        g.node("Add", {g.node("Mul", {dot, g.scalar(p.gamma)}), g.scalar(p.coef0)});
    if (p.kernel == SvmKernel::Sigmoid) return g.node("Tanh", {base}, {}, "kernel");
    if (p.degree == 0) return g.node("Pow", {base, g.scalar(0.0)}, {}, "kernel");
    // libsvm's powi: square-and-multiply, so the products round as libsvm's do.
    std::string result, power = base;
    for (int t = p.degree; t > 0; t /= 2) {
        if (t % 2 == 1) result = result.empty() ? power : g.node("Mul", {result, power});
        if (t > 1) power = g.node("Mul", {power, power});
    }
    return result;
}

/// libsvm's decision values, [N, pairs] (classifier) or [N, 1] (regressor): the kernel values
/// weighted by each pair's coefficients, minus rho.
std::string decisionValues(OnnxGraph& g, const std::string& kernel, const KernelSvmParameters& p,
                           bool classifier) {
    const auto l = p.supportVectors.rows();
    const auto groups = Eigen::Index(classifier ? p.groupSizes.size() : 2);
    const Eigen::Index pairs = classifier ? groups * (groups - 1) / 2 : 1;
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(l, pairs);
    if (!classifier) {
        w.col(0) = p.coefficients.row(0).transpose();
    } else {
        std::vector<Eigen::Index> start{0};
        for (int size : p.groupSizes)
            start.push_back(start.back() + size);
        Eigen::Index pair = 0;
        for (Eigen::Index i = 0; i < groups; ++i)
            for (Eigen::Index j = i + 1; j < groups; ++j, ++pair) {
                for (Eigen::Index s = start[size_t(i)]; s < start[size_t(i) + 1]; ++s)
                    w(s, pair) = p.coefficients(j - 1, s);
                for (Eigen::Index s = start[size_t(j)]; s < start[size_t(j) + 1]; ++s)
                    w(s, pair) = p.coefficients(i, s);
            }
    }
    const std::string weighted =
        g.node("MatMul", {kernel, g.doubles("dual_coefficients", rowMajor(w), {l, pairs})});
    return g.node("Sub", {weighted, g.doubles("rho", {p.rho.begin(), p.rho.end()}, {1, pairs})}, {},
                  "decision_values");
}

/// The group that wins libsvm's one-vs-one vote, [N] int64: pair (i, j) votes for i when its
/// decision value is positive, else for j; the most votes win, ties to the first group.
std::string votedGroup(OnnxGraph& g, const std::string& decision, int64_t groups) {
    const int64_t pairs = groups * (groups - 1) / 2;
    std::vector<double> first(size_t(pairs * groups), 0.0), second(first.size(), 0.0);
    int64_t pair = 0;
    for (int64_t i = 0; i < groups; ++i)
        for (int64_t j = i + 1; j < groups; ++j, ++pair) {
            first[size_t(pair * groups + i)] = 1.0;
            second[size_t(pair * groups + j)] = 1.0;
        }
    const std::string positive =
        castTo(g, g.node("Greater", {decision, g.scalar(0.0)}), Elem::Double);
    const std::string votes =
        g.node("Add",
               {g.node("MatMul", {positive, g.doubles("votes_first", first, {pairs, groups})}),
                g.node("MatMul", {g.node("Sub", {g.scalar(1.0), positive}),
                                  g.doubles("votes_second", second, {pairs, groups})})},
               {}, "votes");
    return g.node("ArgMax", {votes}, {Attr("axis", 1), Attr("keepdims", 0)}, "group");
}

/// libsvm's pairwise probabilities, [N, pairs]: sigmoid_predict(decision, A, B) kept within
/// [1e-7, 1 − 1e-7]. sigmoid_predict's two branches are one formula with e = exp(−|f|).
std::string pairwiseProbabilities(OnnxGraph& g, const std::string& decision,
                                  const KernelSvmParameters& p) {
    const auto pairs = int64_t(p.probA.size());
    const std::string f = g.node(
        "Add", {g.node("Mul", {decision,
                               g.doubles("prob_a", {p.probA.begin(), p.probA.end()}, {1, pairs})}),
                g.doubles("prob_b", {p.probB.begin(), p.probB.end()}, {1, pairs})});
    const std::string e = g.node("Exp", {g.node("Neg", {g.node("Abs", {f})})});
    const std::string onePlus = g.node("Add", {g.scalar(1.0), e});
    const std::string r =
        g.node("Where", {g.node("GreaterOrEqual", {f, g.scalar(0.0)}), g.node("Div", {e, onePlus}),
                         g.node("Div", {g.scalar(1.0), onePlus})});
    constexpr double minProbability = 1e-7;
    return g.node("Min",
                  {g.node("Max", {r, g.scalar(minProbability)}), g.scalar(1.0 - minProbability)},
                  {}, "pairwise_probabilities");
}

/// Column `t` of a [N, k] tensor, [N, 1].
std::string columnOf(OnnxGraph& g, const std::string& value, int64_t t) {
    return g.node("Gather", {value, g.shape({t})}, {Attr("axis", 1)});
}

/// Every name `graph` holds, claimed in `to`, so the two graphs' names stay apart (a Loop
/// body sees its outer graph's names).
void claimNames(const onnx::GraphProto& graph, OnnxGraph& to) {
    for (const auto& v : graph.input())
        to.claim(v.name());
    for (const auto& t : graph.initializer())
        to.claim(t.name());
    for (const auto& n : graph.node())
        for (const std::string& output : n.output())
            to.claim(output);
}

/// The body of libsvm's multiclass_probability loop for k groups: one iteration (the stopping
/// test on Qp and pQp, then the k coordinate updates) for every row still running. Carries p
/// [N, k] and Q [N, k, k]; the loop goes on while some row does.
onnx::GraphProto couplingBody(const OnnxGraph& outer, int64_t k) {
    OnnxGraph b;
    claimNames(outer.proto(), b);
    const std::string iteration = b.freshName("iteration"), running = b.freshName("running");
    const std::string pIn = b.freshName("p_in"), q = b.freshName("q_in");
    b.addInput(iteration, Elem::Int64, {});
    b.addInput(running, Elem::Bool, {});
    b.addInput(pIn, Elem::Double, {kBatch, k});
    b.addInput(q, Elem::Double, {kBatch, k, k});
    // Qp[t] = Σ_j Q[t][j]·p[j] and pQp = Σ_t p[t]·Qp[t], in libsvm's order.
    std::string qp =
        b.node("Reshape",
               {sumInOrder(b, b.node("Mul", {q, b.node("Unsqueeze", {pIn, b.shape({1})})}), 2, k),
                b.shape({-1, k})});
    std::string pqp = sumInOrder(b, b.node("Mul", {pIn, qp}), 1, k);
    const std::string error = b.node("ReduceMax", {b.node("Abs", {b.node("Sub", {qp, pqp})})},
                                     {Attr("axes", std::vector<int64_t>{1})});
    const double eps = 0.005 / double(k);
    const std::string active =
        b.node("Not", {b.node("Less", {error, b.scalar(eps)})}, {}, "still_running");
    std::string p = pIn;
    for (int64_t t = 0; t < k; ++t) {
        const std::string qRow = b.node(
            "Reshape", {b.node("Gather", {q, b.shape({t})}, {Attr("axis", 1)}), b.shape({-1, k})});
        const std::string qtt = columnOf(b, qRow, t), qpt = columnOf(b, qp, t);
        const std::string diff = b.node("Div", {b.node("Sub", {pqp, qpt}), qtt});
        std::vector<bool> mask(size_t(k), false);
        mask[size_t(t)] = true;
        p = b.node("Where", {b.bools("is_t", mask, {1, k}), b.node("Add", {p, diff}), p});
        const std::string onePlus = b.node("Add", {b.scalar(1.0), diff});
        const std::string grown =
            b.node("Mul", {diff, b.node("Add", {b.node("Mul", {diff, qtt}),
                                                b.node("Mul", {b.scalar(2.0), qpt})})});
        pqp = b.node("Div", {b.node("Div", {b.node("Add", {pqp, grown}), onePlus}), onePlus});
        qp = b.node("Div", {b.node("Add", {qp, b.node("Mul", {diff, qRow})}), onePlus});
        p = b.node("Div", {p, onePlus});
    }
    const std::string pOut = b.node("Where", {active, p, pIn}, {}, "p_out");
    const std::string goOn =
        b.node("Greater",
               {b.node("ReduceMax", {castTo(b, active, Elem::Double)}, {Attr("keepdims", 0)}),
                b.scalar(0.0)},
               {}, "go_on");
    const std::string qOut = b.node("Identity", {q}, {}, "q_out");
    b.addOutput(goOn, Elem::Bool, {});
    b.addOutput(pOut, Elem::Double, {kBatch, k});
    b.addOutput(qOut, Elem::Double, {kBatch, k, k});
    onnx::GraphProto body = std::move(b.proto());
    body.set_name("multiclass_probability");
    return body;
}

/// libsvm's probability estimates in group order, [N, groups]: two groups take the pairwise
/// probability; more are coupled by multiclass_probability (at most max(100, k) iterations,
/// each row stopping when its Qp is within 0.005 / k of pQp).
std::string svmProbabilities(OnnxGraph& g, const std::string& decision,
                             const KernelSvmParameters& p) {
    const std::string r = pairwiseProbabilities(g, decision, p);
    const auto k = int64_t(p.groupClasses.size());
    if (k == 2) return g.node("Concat", {r, g.node("Sub", {g.scalar(1.0), r})}, {Attr("axis", 1)});
    // R[i][j] = r_ij above the diagonal, 1 − r_ji below, 0 on it: [N, k, k].
    const int64_t pairs = k * (k - 1) / 2;
    std::vector<int64_t> pairIndex(size_t(k * k), 2 * pairs);
    int64_t pair = 0;
    for (int64_t i = 0; i < k; ++i)
        for (int64_t j = i + 1; j < k; ++j, ++pair) {
            pairIndex[size_t(i * k + j)] = pair;
            pairIndex[size_t(j * k + i)] = pairs + pair;
        }
    const std::string zero = g.node("Mul", {columnOf(g, r, 0), g.scalar(0.0)});
    const std::string pieces =
        g.node("Concat", {r, g.node("Sub", {g.scalar(1.0), r}), zero}, {Attr("axis", 1)});
    const std::string rr = g.node(
        "Reshape",
        {g.node("Gather", {pieces, g.int64s("pair_index", pairIndex, {k * k})}, {Attr("axis", 1)}),
         g.shape({-1, k, k})});
    // Q[t][t] = Σ_j R[j][t]², Q[t][j] = −R[j][t]·R[t][j].
    const std::string diagonal = sumInOrder(g, g.node("Mul", {rr, rr}), 1, k); // [N, 1, k]
    const std::string offDiagonal = g.node(
        "Neg",
        {g.node("Mul",
                {g.node("Transpose", {rr}, {Attr("perm", std::vector<int64_t>{0, 2, 1})}), rr})});
    std::vector<bool> eye(size_t(k * k), false);
    for (int64_t t = 0; t < k; ++t)
        eye[size_t(t * k + t)] = true;
    const std::string q =
        g.node("Where", {g.bools("diagonal", eye, {1, k, k}), diagonal, offDiagonal}, {}, "q");
    const std::string start = g.node(
        "Add", {g.node("Mul", {g.node("Reshape", {diagonal, g.shape({-1, k})}), g.scalar(0.0)}),
                g.scalar(1.0 / double(k))});
    const std::string iterations = g.int64s("max_iterations", {std::max<int64_t>(100, k)}, {});
    const std::vector<std::string> loop = g.nodeWithOutputs(
        "Loop", {iterations, g.bools("run", {true}, {}), start, q}, 2, {}, "coupled");
    onnx::AttributeProto body;
    body.set_name("body");
    body.set_type(onnx::AttributeProto_AttributeType_GRAPH);
    *body.mutable_g() = couplingBody(g, k);
    claimNames(body.g(), g);
    *g.proto().mutable_node(g.proto().node_size() - 1)->add_attribute() = std::move(body);
    return loop[0];
}

EstimatorOutputs emitKernelSvm(const KernelSvm& model, const SymTable& in, OnnxGraph& g) {
    const KernelSvmParameters p = model.parameters();
    const bool classifier = model.task() == Task::Classification;
    const std::string kernel = kernelValues(g, featureValues(in, model), p);
    const std::string decision = decisionValues(g, kernel, p, classifier);
    if (!classifier)
        return {.label = g.node("Reshape", {decision, g.shape({-1})}, {}, "value"),
                .scores = {},
                .classLabels = {}};
    const auto groups = int64_t(p.groupClasses.size());
    const std::vector<int64_t> groupClass(p.groupClasses.begin(), p.groupClasses.end());
    const std::string classIndex =
        g.node("Gather",
               {g.int64s("group_classes", groupClass, {groups}), votedGroup(g, decision, groups)},
               {Attr("axis", 0)}, "class_index");
    EstimatorOutputs out{.label = labelsAt(g, classIndex, model.classLabels()),
                         .scores = {},
                         .classLabels = model.classLabels()};
    if (model.hasProbabilities()) {
        // Columns from group order to class order, as predictProbabilities places them; a
        // class libsvm never saw (no training rows) gets a column of zeros.
        const auto classes = int64_t(model.classLabels().size());
        std::string probabilities = svmProbabilities(g, decision, p);
        std::vector<int64_t> groupOf(size_t(classes), groups);
        for (int64_t c = 0; c < groups; ++c)
            groupOf[size_t(groupClass[size_t(c)])] = c;
        if (classes > groups)
            probabilities = g.node(
                "Concat",
                {probabilities, g.node("Mul", {columnOf(g, probabilities, 0), g.scalar(0.0)})},
                {Attr("axis", 1)});
        out.scores =
            g.node("Gather", {probabilities, g.int64s("group_of_class", groupOf, {classes})},
                   {Attr("axis", 1)}, "probabilities");
    }
    return out;
}

} // namespace

void registerSvmEmitters(EmitterRegistry& r) {
    r.addEstimator(emitLinearSvc);
    r.addEstimator(emitKernelSvm);
}

} // namespace oficina::core::onnxexport

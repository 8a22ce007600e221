// Emitters for the steps that make new features: binning, polynomial features, power transform
// (log1p and Yeo-Johnson) and PCA.
#include "export/Emitters.h"

#include "reduce/Pca.h"
#include "transform/Binning.h"
#include "transform/PolynomialFeatures.h"
#include "transform/PowerTransform.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace oficina::core::onnxexport {

namespace {

std::vector<double> ramp(size_t n) {
    std::vector<double> values(n);
    for (size_t i = 0; i < n; ++i)
        values[i] = double(i);
    return values;
}

/// [N, 1] double ones, as tall as `x`.
std::string onesLike(OnnxGraph& g, const std::string& x) {
    const std::string rows = g.node("Shape", {x}, {Attr("start", 0), Attr("end", 1)});
    onnx::TensorProto one;
    one.set_data_type(int32_t(Elem::Double));
    one.add_dims(1);
    one.add_double_data(1.0);
    return g.node("ConstantOfShape", {g.node("Concat", {rows, g.shape({1})}, {Attr("axis", 0)})},
                  {Attr("value", std::move(one))}, "ones");
}

// ---- binning --------------------------------------------------------------------------------

SymTable emitBinning(const BinningStep& step, const SymTable& in, OnnxGraph& g) {
    SymTable out = in;
    for (size_t j = 0; j < step.columns().size(); ++j) {
        const SymColumn& x = in.requireNumeric(step.columns()[j], step.title());
        const std::vector<double>& edges = step.edges()[j];
        const size_t bins = edges.size() - 1;
        const std::string missing = g.node("IsNaN", {x.value});
        // np.searchsorted(inner edges, x, side="right") = how many inner edges are ≤ x.
        std::string count = g.scalar(0.0);
        if (bins > 1) {
            const std::vector<double> inner(edges.begin() + 1, edges.end() - 1);
            const std::string atLeast = g.node(
                "GreaterOrEqual", {x.value, g.doubles("edges", inner, {1, int64_t(bins - 1)})});
            count = g.node("ReduceSum", {castTo(g, atLeast, Elem::Double), g.shape({1})},
                           {Attr("keepdims", 1)}, "bin");
        }
        const std::string index = nanWhere(g, missing, count); // [N, 1] also when count is 0
        if (step.options().encode == BinEncoding::Ordinal) {
            out.put({x.name, ColumnType::Numeric, x.role, index, {}, 0, 0});
            continue;
        }
        const std::string hot =
            g.node("Equal", {index, g.doubles("bins", ramp(bins), {1, int64_t(bins)})});
        const std::string indicators = nanWhere(g, missing, castTo(g, hot, Elem::Double));
        std::vector<std::string> names;
        for (size_t b = 0; b < bins; ++b)
            names.push_back(x.name + "_" + std::to_string(b));
        out = out.replaced({x.name}, splitBlock(g, indicators, names, x.role));
    }
    return out;
}

// ---- polynomial features --------------------------------------------------------------------

SymTable emitPolynomial(const PolynomialStep& step, const SymTable& in, OnnxGraph& g) {
    const auto& terms = step.terms();
    const auto p = int64_t(step.inputColumns().size());
    size_t degree = 0;
    bool padded = false;
    for (const auto& term : terms)
        degree = std::max(degree, term.size());
    for (const auto& term : terms)
        padded = padded || term.size() < degree;
    std::string x = gatherColumns(g, in, step.inputColumns(), step.title());
    // Terms right-aligned over `degree` factor positions, shorter ones padded with a column of
    // ones (index p), so the products run x_i1 · (x_i2 · (… x_ik)) as the app multiplies them.
    if (padded || degree == 0) {
        x = g.node("Concat", {x, onesLike(g, x)}, {Attr("axis", 1)});
        degree = std::max<size_t>(degree, 1);
    }
    const auto factor = [&](size_t position) {
        std::vector<int64_t> index;
        for (const auto& term : terms) {
            const size_t pad = degree - term.size();
            index.push_back(position < pad ? p : int64_t(term[position - pad]));
        }
        return g.node("Gather", {x, g.int64s("terms", index, {int64_t(index.size())})},
                      {Attr("axis", 1)}, "factor");
    };
    std::string product = factor(degree - 1);
    for (size_t position = degree - 1; position-- > 0;)
        product = g.node("Mul", {factor(position), product}, {}, "product");
    return in.replaced(step.inputColumns(), splitBlock(g, product, step.outputColumns()));
}

// ---- power transform ------------------------------------------------------------------------

SymTable emitPower(const PowerTransformStep& step, const SymTable& in, OnnxGraph& g) {
    const auto k = int64_t(step.columns().size());
    const auto row = [&](std::string_view hint, const std::vector<double>& values) {
        return g.doubles(hint, values, {1, k});
    };
    return mapNumericColumns(g, in, step.columns(), step.title(), [&](const std::string& x) {
        const std::string one = g.scalar(1.0);
        if (step.lambdas().empty()) // log1p
            return g.node("Log", {g.node("Add", {x, one})}, {}, "log1p");
        // scikit-learn's Yeo-Johnson, branch by branch as transform/PowerTransform.cpp has it:
        // x ≥ 0: ((x + 1)^λ − 1) / λ, or log1p(x) when λ = 0;
        // x < 0: −((1 − x)^(2−λ) − 1) / (2 − λ), or −log1p(−x) when λ = 2.
        constexpr double eps = std::numeric_limits<double>::epsilon();
        std::vector<double> lambda = step.lambdas(), twoMinus;
        std::vector<bool> zero, two;
        for (double l : lambda) {
            twoMinus.push_back(2.0 - l);
            zero.push_back(std::abs(l) < eps);
            two.push_back(!(std::abs(l - 2.0) > eps));
        }
        const auto general = [&](const std::string& base, const std::string& exponent) {
            return g.node("Div", {g.node("Sub", {g.node("Pow", {base, exponent}), one}), exponent});
        };
        const auto special = [&](const std::vector<bool>& mask, const std::string& logBranch,
                                 const std::string& powBranch) {
            if (std::none_of(mask.begin(), mask.end(), [](bool b) { return b; })) return powBranch;
            return g.node("Where", {g.bools("special", mask, {1, k}), logBranch, powBranch});
        };
        const std::string up = g.node("Add", {x, one});
        const std::string down = g.node("Add", {g.node("Neg", {x}), one});
        const std::string l = row("lambda", lambda), l2 = row("two_minus_lambda", twoMinus);
        const std::string positive = special(zero, g.node("Log", {up}), general(up, l));
        const std::string negative =
            g.node("Neg", {special(two, g.node("Log", {down}), general(down, l2))});
        const std::string y =
            g.node("Where", {g.node("GreaterOrEqual", {x, g.scalar(0.0)}), positive, negative}, {},
                   "yeo_johnson");
        return g.node("Div",
                      {g.node("Sub", {y, row("mean", step.mean())}), row("scale", step.scale())},
                      {}, "power");
    });
}

// ---- PCA ------------------------------------------------------------------------------------

SymTable emitPca(const PcaStep& step, const SymTable& in, OnnxGraph& g) {
    const Eigen::MatrixXd& components = step.components(); // k × p
    const auto k = int64_t(components.rows()), p = int64_t(components.cols());
    const std::string x = gatherColumns(g, in, step.columns(), step.title());
    const std::vector<double> mean(step.mean().begin(), step.mean().end());
    std::vector<double> projection; // p × k, row-major: componentsᵀ
    for (int64_t i = 0; i < p; ++i)
        for (int64_t j = 0; j < k; ++j)
            projection.push_back(components(j, i));
    std::string scores = g.node("MatMul",
                                {g.node("Sub", {x, g.doubles("mean", mean, {1, p})}, {}, "centred"),
                                 g.doubles("components", projection, {p, k})},
                                {}, "scores");
    if (step.options().whiten) {
        std::vector<double> sd;
        for (double v : step.explainedVariance())
            sd.push_back(std::sqrt(v));
        scores = g.node("Div", {scores, g.doubles("sd", sd, {1, k})}, {}, "whitened");
    }
    std::vector<std::string> names;
    for (int64_t c = 0; c < k; ++c)
        names.push_back("PC" + std::to_string(c + 1));
    return in.replaced(step.columns(), splitBlock(g, scores, names));
}

} // namespace

void registerFeatureEmitters(EmitterRegistry& r) {
    r.addStep(emitBinning);
    r.addStep(emitPolynomial);
    r.addStep(emitPower);
    r.addStep(emitPca);
}

} // namespace oficina::core::onnxexport

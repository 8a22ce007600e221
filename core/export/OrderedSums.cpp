#include "export/OrderedSums.h"

namespace oficina::core::onnxexport {

namespace {

/// `m` (rows × p) transposed into one [p, rows] initializer, so each feature is one Gather.
std::string byFeature(OnnxGraph& g, std::string_view hint, const Eigen::MatrixXd& m) {
    std::vector<double> flat;
    flat.reserve(size_t(m.size()));
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i)
            flat.push_back(m(i, j));
    return g.doubles(hint, flat, {int64_t(m.cols()), int64_t(m.rows())});
}

} // namespace

std::string pairwiseSums(OnnxGraph& g, const std::vector<std::string>& columns,
                         const Eigen::MatrixXd& points, PairTerm term,
                         const Eigen::MatrixXd* divisors) {
    const std::string stored = byFeature(g, "points", points);
    const std::string scale = divisors ? byFeature(g, "divisors", *divisors) : std::string();
    std::string sum;
    for (size_t j = 0; j < columns.size(); ++j) {
        const std::string index = g.shape({int64_t(j)});
        const std::string s = g.node("Gather", {stored, index}, {Attr("axis", 0)}); // [1, m]
        std::string t;
        if (term == PairTerm::Product) {
            t = g.node("Mul", {columns[j], s});
        } else {
            const std::string d = g.node("Sub", {columns[j], s});
            t = g.node("Mul", {d, d});
            if (divisors)
                t = g.node("Div", {t, g.node("Gather", {scale, index}, {Attr("axis", 0)})});
        }
        // The app's loops start from 0 and 0 + t is t: the first term needs no Add.
        sum = sum.empty() ? t : g.node("Add", {sum, t});
    }
    return sum;
}

std::string sumInOrder(OnnxGraph& g, const std::string& value, int64_t axis, int64_t count) {
    if (count == 1) return value;
    const std::vector<std::string> parts =
        g.nodeWithOutputs("Split", {value}, size_t(count), {Attr("axis", axis)}, "part");
    std::string sum = parts.front();
    for (size_t k = 1; k < parts.size(); ++k)
        sum = g.node("Add", {sum, parts[k]});
    return sum;
}

} // namespace oficina::core::onnxexport

#pragma once

// Private to core/export: sums built from standard ops in the order the app's loops add, so the
// graph's doubles round exactly as the app's do (k-NN distances, kernel values, naive Bayes
// likelihoods) and ties and thresholds decide alike. ONNX's reductions (ReduceSum, MatMul)
// leave the order of the additions to the runtime.

#include "export/OnnxGraph.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace oficina::core::onnxexport {

/// The term pairwiseSums() adds for feature j of an input row x and a stored point s.
enum class PairTerm {
    SquaredDifference, ///< (x_j − s_j)², divided by divisors(point, j) when given
    Product,           ///< x_j · s_j
};

/// For every input row and every stored point (a row of `points`, m × p), the sum over the p
/// features of `term`, added feature by feature from the first, as nanoflann's L2 metric,
/// libsvm's kernels and the naive Bayes likelihood loop do: [N, m] double. `columns` are the
/// p features' [N, 1] double values; `divisors`, when not null, is m × p.
std::string pairwiseSums(OnnxGraph& g, const std::vector<std::string>& columns,
                         const Eigen::MatrixXd& points, PairTerm term,
                         const Eigen::MatrixXd* divisors = nullptr);

/// The sum of `value` along `axis` (of size `count`), added from index 0 up, the axis kept with
/// size 1.
std::string sumInOrder(OnnxGraph& g, const std::string& value, int64_t axis, int64_t count);

} // namespace oficina::core::onnxexport

#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <stop_token>
#include <vector>

namespace oficina::core {

/// Hyper-parameters of DBSCAN (scikit-learn's names and defaults; Euclidean distance).
///
/// Example:
///     const DbscanFit fit = fitDbscan(X, {.eps = 0.3, .minSamples = 10});
struct DbscanOptions {
    /// Neighbourhood radius (`eps`, > 0): rows within this distance (inclusive) are neighbours.
    double eps = 0.5;
    /// Neighbours, the row itself included, that make a row a core point (`min_samples`).
    int minSamples = 5;
    /// Threads for the neighbourhood queries (0 = 2).
    int threads = 0;
};

struct DbscanFit {
    /// One per row: the cluster (0, 1… in order of discovery by row index, as scikit-learn) or
    /// -1 for noise.
    std::vector<int32_t> labels;
    std::vector<bool> core;  ///< core_sample_indices_ as a mask
    int clusterCount = 0;
    size_t noiseCount = 0;
};

/// DBSCAN on the rows of `X` (finite values) with a KD-tree radius search. Labels equal
/// scikit-learn's. Memory: every neighbourhood is kept (as scikit-learn does), so a radius that
/// covers most of the data needs rows² indices. Throws Error for bad options or data,
/// Cancelled when `stop` is requested.
DbscanFit fitDbscan(const Eigen::MatrixXd& X, const DbscanOptions& options = {},
                    std::stop_token stop = {});

} // namespace oficina::core

#pragma once
// Internals that K-Means (KMeans.cpp) and mini-batch K-Means (MiniBatchKMeans.cpp) share.

#include "data/NumpyRandom.h"

#include <Eigen/Core>

#include <cstdint>
#include <stop_token>
#include <vector>

namespace oficina::core::kmeans_detail {

/// Per-thread partial results of one assignment pass.
struct Partial {
    Eigen::MatrixXd sums;    // clusters × features
    Eigen::VectorXd counts;  // clusters
    double inertia = 0.0;
};

/// Threads for `rows` rows: 1 for small data, else the request (0 = 2).
int threadCount(int requested, Eigen::Index rows);

/// Throws Error for too few rows for `clusters`, no columns, or non-finite values.
void checkData(const Eigen::MatrixXd& X, int clusters);

/// One Lloyd assignment pass: labels against `centers` and per-cluster sums in `partials`
/// when `accumulate`; returns the inertia.
double lloydPass(const Eigen::MatrixXd& X, const Eigen::VectorXd& rowNorms,
                 const Eigen::MatrixXd& centers, std::vector<int32_t>& labels, bool accumulate,
                 std::vector<Partial>& partials, int threads);

/// The new centres from one pass's per-thread partials: the means, an empty cluster taking the
/// row farthest from its old centre (scikit-learn's _relocate_empty_clusters).
Eigen::MatrixXd reduceCenters(const Eigen::MatrixXd& X, const Eigen::MatrixXd& oldCenters,
                              const std::vector<int32_t>& labels, std::vector<Partial>& partials);

/// The summed squared distance of each row to its labelled centre, computed directly.
double exactInertia(const Eigen::MatrixXd& X, const Eigen::MatrixXd& centers,
                    const std::vector<int32_t>& labels);

/// scikit-learn's greedy k-means++ (2 + log k trials per centre), drawing from `random`.
Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& X, const Eigen::VectorXd& rowNorms, int k,
                               NumpyRandomState& random, const std::stop_token& stop, int threads);

} // namespace oficina::core::kmeans_detail

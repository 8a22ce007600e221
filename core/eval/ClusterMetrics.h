#pragma once

#include "eval/Metrics.h"

#include <Eigen/Core>

#include <cstdint>
#include <stop_token>
#include <vector>

namespace oficina::core {

// Cluster quality scores with scikit-learn 1.2's definitions. Labels are any integers (each
// distinct value is a cluster); the internal scores need 2 ≤ clusters ≤ rows − 1 and throw Error
// otherwise. Thread-compatible: no shared state.

/// Mean silhouette coefficient (Euclidean). With sampleSize > 0 and fewer rows than that… all
/// rows; otherwise a random sample of sampleSize rows drawn as scikit-learn's
/// silhouette_score(sample_size, random_state=seed) draws it. O(rows²) time, O(rows) memory.
double silhouetteScore(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels,
                       size_t sampleSize = 0, uint32_t seed = 0, std::stop_token stop = {});

/// Davies–Bouldin index (lower is better; 0 when every cluster is a single point).
double daviesBouldinScore(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels);

/// Calinski–Harabasz index (between- over within-cluster dispersion; higher is better).
double calinskiHarabaszScore(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels);

/// Adjusted Rand index between two labellings of the same rows (1 = identical partitions).
double adjustedRandScore(const std::vector<int32_t>& truth, const std::vector<int32_t>& predicted);

/// Normalized mutual information with the arithmetic mean of the entropies.
double normalizedMutualInfoScore(const std::vector<int32_t>& truth,
                                 const std::vector<int32_t>& predicted);

/// Rows above which the silhouette is computed on a sample (of this size).
inline constexpr size_t kSilhouetteSampleRows = 10000;

/// Metrics with task "clustering": n_clusters, noise (labels < 0), and, on the rows that are
/// not noise, silhouette (sampled to kSilhouetteSampleRows rows with `seed` above that),
/// davies_bouldin and calinski_harabasz when there are 2 … rows − 1 clusters; ari and nmi
/// against `truth` (all rows, noise as its own group) when it is not null.
Metrics clusteringMetrics(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels,
                          const std::vector<int32_t>* truth = nullptr, uint32_t seed = 0,
                          std::stop_token stop = {});

} // namespace oficina::core

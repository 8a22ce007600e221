#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <stop_token>
#include <vector>

namespace oficina::core {

enum class Linkage { Ward, Complete, Average, Single };

/// Most rows agglomerative clustering accepts: ward, complete and average keep the condensed
/// distance matrix (rows² / 2 doubles: 1.6 GB at this limit).
inline constexpr Eigen::Index kMaxAgglomerativeRows = 20000;

/// Hyper-parameters of AgglomerativeClustering (scikit-learn's names; Euclidean distance).
///
/// Example:
///     AgglomerativeOptions options;
///     options.linkage = Linkage::Average;
///     options.distanceThreshold = 1.5;   // cut where merges get farther apart than 1.5
struct AgglomerativeOptions {
    /// Clusters to cut the tree into (`n_clusters`); ignored with a distance threshold.
    int nClusters = 2;
    /// Cut below this merge distance instead (`distance_threshold`): merges at a distance
    /// ≥ threshold are undone.
    std::optional<double> distanceThreshold;
    Linkage linkage = Linkage::Ward;
};

struct AgglomerativeFit {
    /// scipy's linkage matrix: rows−1 merges × (left, right, distance, size); leaves are
    /// 0…rows−1 and merge i creates cluster rows+i; sorted by distance, left < right.
    Eigen::MatrixXd tree;
    /// One per row, numbered as scikit-learn numbers them.
    std::vector<int32_t> labels;
    int clusterCount = 0;
};

/// The full merge tree of the rows of `X`, equal to scipy.cluster.hierarchy.linkage(X, method)
/// (nearest-neighbour chain for ward/complete/average, minimum spanning tree for single).
/// Throws Error above kMaxAgglomerativeRows rows or for non-finite data; Cancelled on stop.
Eigen::MatrixXd linkageTree(const Eigen::MatrixXd& X, Linkage linkage, std::stop_token stop = {});

/// Cuts a linkage tree into `clusters` clusters with scikit-learn's _hc_cut, so the cluster
/// numbers equal scikit-learn's.
std::vector<int32_t> cutTree(const Eigen::MatrixXd& tree, int clusters);

/// Builds the tree and cuts it. Throws as linkageTree(), and Error when n_clusters is not in
/// [1, rows].
AgglomerativeFit fitAgglomerative(const Eigen::MatrixXd& X, const AgglomerativeOptions& options,
                                  std::stop_token stop = {});

} // namespace oficina::core

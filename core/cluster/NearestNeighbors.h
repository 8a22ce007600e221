#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <stop_token>
#include <vector>

namespace oficina::core {

/// Exact Euclidean nearest-neighbour search over the rows of a matrix, on a KD-tree
/// (nanoflann). Distances are summed coordinate by coordinate in column order, as
/// scikit-learn's KDTree does, so boundary decisions (distance ≤ radius) agree with it.
///
/// build() copies the data (row-major), so the matrix passed in may go away. After build()
/// the object is immutable for searches: any number of threads may call knn() and radius()
/// at once. Move-only.
///
/// Example:
///     NearestNeighbors nn;
///     nn.build(X);                                   // rows = points
///     const auto found = nn.knn(Q, 5);               // 5 nearest rows of X for each row of Q
///     double d = found.distances(0, 4);              // distance of Q's row 0 to its 5th
///     auto within = nn.radius(Q.row(0), 0.5);        // rows of X within 0.5, nearest first
class NearestNeighbors {
public:
    /// One neighbour: the row of the indexed matrix and its Euclidean distance.
    struct Neighbor {
        Eigen::Index index = 0;
        double distance = 0.0;
    };

    /// k nearest neighbours of each query row, nearest first (ties: lower index first).
    struct KnnResult {
        /// queries × k, row indices into the indexed matrix.
        Eigen::Matrix<Eigen::Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> indices;
        /// queries × k, Euclidean distances (not squared).
        Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> distances;
    };

    NearestNeighbors();
    ~NearestNeighbors();
    NearestNeighbors(NearestNeighbors&&) noexcept;
    NearestNeighbors& operator=(NearestNeighbors&&) noexcept;

    /// Indexes the rows of `X` (finite values; at least one row and one column). `leafSize` is
    /// the most points in a leaf (scikit-learn's leaf_size, 30 by default). Throws Error for an
    /// empty matrix.
    void build(const Eigen::MatrixXd& X, int leafSize = 30);

    /// Rows indexed (0 before build()).
    [[nodiscard]] Eigen::Index size() const;
    /// Columns of the indexed matrix.
    [[nodiscard]] Eigen::Index dimension() const;

    /// The `k` nearest indexed rows of each row of `queries` (same column count as the indexed
    /// data). A query that is itself an indexed row finds itself first, at distance 0, as
    /// scikit-learn's kneighbors(X) does on its training data. Runs on `threads` threads
    /// (0 = 2) over query chunks; checks `stop` between chunks and throws Cancelled. Throws
    /// Error when k is not in [1, size()] or the column counts differ.
    [[nodiscard]] KnnResult knn(const Eigen::MatrixXd& queries, int k, std::stop_token stop = {},
                                int threads = 0) const;

    /// The indexed rows within Euclidean distance `r` (≤ r, inclusive, as scikit-learn) of
    /// `point`, nearest first (ties: lower index first).
    [[nodiscard]] std::vector<Neighbor> radius(const Eigen::Ref<const Eigen::VectorXd>& point,
                                               double r) const;

    /// Row numbers only, appended to `out` in the tree's order (no sort), for callers that
    /// query every row (DBSCAN). Returns how many were appended. Needs size() < 2³¹.
    size_t appendRadiusIndices(const double* point, double r, std::vector<int32_t>& out) const;

    /// The indexed copy of a row: dimension() contiguous values.
    [[nodiscard]] const double* point(Eigen::Index row) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace oficina::core

#include "cluster/NearestNeighbors.h"

#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <nanoflann.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace oficina::core {

namespace {

/// The points, row-major, as nanoflann's dataset adaptor.
struct RowMajorPoints {
    std::vector<double> values;
    size_t rows = 0;
    size_t dims = 0;

    [[nodiscard]] size_t kdtree_get_point_count() const { return rows; }
    [[nodiscard]] double kdtree_get_pt(size_t row, size_t dim) const {
        return values[row * dims + dim];
    }
    template <class Box> bool kdtree_get_bbox(Box&) const { return false; }
};

// Sequential sum of squared differences: the same rounding as scikit-learn's KDTree.
using Metric = nanoflann::L2_Simple_Adaptor<double, RowMajorPoints, double, size_t>;
using Tree = nanoflann::KDTreeSingleIndexAdaptor<Metric, RowMajorPoints, -1, size_t>;

/// k best by (squared distance, index). nanoflann offers only points strictly closer than
/// worstDist(), so it reports a hair above the current worst to let equal distances in and
/// break ties by index here: results do not depend on the tree's visiting order.
class KnnSet {
public:
    KnnSet(size_t k, size_t* indices, double* dists) : m_k(k), m_indices(indices), m_dists(dists) {}
    [[nodiscard]] size_t size() const { return m_count; }
    [[nodiscard]] bool full() const { return m_count == m_k; }
    bool addPoint(double dist, size_t index) {
        if (full() && !less(dist, index, m_dists[m_k - 1], m_indices[m_k - 1])) return true;
        size_t i = std::min(m_count, m_k - 1);
        while (i > 0 && less(dist, index, m_dists[i - 1], m_indices[i - 1])) {
            m_dists[i] = m_dists[i - 1];
            m_indices[i] = m_indices[i - 1];
            --i;
        }
        m_dists[i] = dist;
        m_indices[i] = index;
        if (m_count < m_k) ++m_count;
        return true;
    }
    [[nodiscard]] double worstDist() const {
        return full() ? std::nextafter(m_dists[m_k - 1], std::numeric_limits<double>::infinity())
                      : std::numeric_limits<double>::infinity();
    }

private:
    static bool less(double d1, size_t i1, double d2, size_t i2) {
        return d1 < d2 || (d1 == d2 && i1 < i2);
    }
    size_t m_k;
    size_t m_count = 0;
    size_t* m_indices;
    double* m_dists;
};

/// Every point with squared distance ≤ r² (inclusive, as scikit-learn's query_radius).
class RadiusSet {
public:
    RadiusSet(double radiusSquared, std::vector<std::pair<size_t, double>>& out)
        : m_radius(radiusSquared), m_out(out) {}
    [[nodiscard]] size_t size() const { return m_out.size(); }
    [[nodiscard]] bool full() const { return true; }
    bool addPoint(double dist, size_t index) {
        if (dist <= m_radius) m_out.emplace_back(index, dist);
        return true;
    }
    [[nodiscard]] double worstDist() const {
        return std::nextafter(m_radius, std::numeric_limits<double>::infinity());
    }

private:
    double m_radius;
    std::vector<std::pair<size_t, double>>& m_out;
};

/// Row numbers within the radius, appended straight to the caller's list in tree order.
class IndexAppender {
public:
    IndexAppender(double radiusSquared, std::vector<int32_t>& out)
        : m_radius(radiusSquared), m_out(out) {}
    [[nodiscard]] size_t size() const { return m_out.size(); }
    [[nodiscard]] bool full() const { return true; }
    bool addPoint(double dist, size_t index) {
        if (dist <= m_radius) m_out.push_back(int32_t(index));
        return true;
    }
    [[nodiscard]] double worstDist() const {
        return std::nextafter(m_radius, std::numeric_limits<double>::infinity());
    }

private:
    double m_radius;
    std::vector<int32_t>& m_out;
};

} // namespace

struct NearestNeighbors::Impl {
    RowMajorPoints points;
    std::unique_ptr<Tree> tree;
};

NearestNeighbors::NearestNeighbors() : m_impl(std::make_unique<Impl>()) {}
NearestNeighbors::~NearestNeighbors() = default;
NearestNeighbors::NearestNeighbors(NearestNeighbors&&) noexcept = default;
NearestNeighbors& NearestNeighbors::operator=(NearestNeighbors&&) noexcept = default;

void NearestNeighbors::build(const Eigen::MatrixXd& X, int leafSize) {
    if (X.rows() == 0 || X.cols() == 0)
        throw Error(Message(OFICINA_TR_NOOP("nearest-neighbour search needs at least one row "
                                            "and one feature column")));
    if (!m_impl) m_impl = std::make_unique<Impl>();
    m_impl->tree.reset();
    RowMajorPoints& p = m_impl->points;
    p.rows = size_t(X.rows());
    p.dims = size_t(X.cols());
    p.values.resize(p.rows * p.dims);
    Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        p.values.data(), X.rows(), X.cols()) = X;
    m_impl->tree = std::make_unique<Tree>(
        int(p.dims), p, nanoflann::KDTreeSingleIndexAdaptorParams(size_t(std::max(1, leafSize))));
}

Eigen::Index NearestNeighbors::size() const {
    return m_impl && m_impl->tree ? Eigen::Index(m_impl->points.rows) : 0;
}

Eigen::Index NearestNeighbors::dimension() const {
    return m_impl && m_impl->tree ? Eigen::Index(m_impl->points.dims) : 0;
}

NearestNeighbors::KnnResult NearestNeighbors::knn(const Eigen::MatrixXd& queries, int k,
                                                  std::stop_token stop, int threads) const {
    if (k < 1 || k > size())
        throw Error(Message(OFICINA_TR_NOOP("the number of neighbours (%1) must be between 1 "
                                            "and the number of rows (%2)"),
                            {std::to_string(k), std::to_string(size())}));
    if (queries.cols() != dimension())
        throw Error(Message(OFICINA_TR_NOOP("the query has %1 columns but the indexed data has "
                                            "%2"),
                            {std::to_string(queries.cols()), std::to_string(dimension())}));
    const Eigen::Index n = queries.rows();
    KnnResult result;
    result.indices.resize(n, k);
    result.distances.resize(n, k);
    const Tree& tree = *m_impl->tree;
    const auto work = [&](int, Eigen::Index begin, Eigen::Index end) {
        std::vector<double> query(static_cast<size_t>(queries.cols()));
        std::vector<size_t> indices(static_cast<size_t>(k));
        constexpr Eigen::Index kChunk = 256;
        for (Eigen::Index chunk = begin; chunk < end; chunk += kChunk) {
            if (stop.stop_requested()) return;
            for (Eigen::Index q = chunk; q < std::min(end, chunk + kChunk); ++q) {
                for (Eigen::Index j = 0; j < queries.cols(); ++j) query[size_t(j)] = queries(q, j);
                KnnSet set(size_t(k), indices.data(), &result.distances(q, 0));
                tree.findNeighbors(set, query.data(), nanoflann::SearchParams());
                for (int j = 0; j < k; ++j) {
                    result.indices(q, j) = Eigen::Index(indices[size_t(j)]);
                    result.distances(q, j) = std::sqrt(result.distances(q, j));
                }
            }
        }
    };
    parallelRows(n, rowThreads(threads, n, 2048), work);
    if (stop.stop_requested()) throw Cancelled{};
    return result;
}

std::vector<NearestNeighbors::Neighbor>
NearestNeighbors::radius(const Eigen::Ref<const Eigen::VectorXd>& point, double r) const {
    std::vector<Neighbor> out;
    if (size() == 0 || point.size() != dimension() || !(r >= 0)) return out;
    std::vector<std::pair<size_t, double>> found;
    const Eigen::VectorXd query = point;
    RadiusSet set(r * r, found);
    m_impl->tree->findNeighbors(set, query.data(), nanoflann::SearchParams());
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.second < b.second || (a.second == b.second && a.first < b.first);
    });
    out.reserve(found.size());
    for (const auto& [index, d2] : found) out.push_back({Eigen::Index(index), std::sqrt(d2)});
    return out;
}

size_t NearestNeighbors::appendRadiusIndices(const double* point, double r,
                                            std::vector<int32_t>& out) const {
    if (size() == 0 || !(r >= 0)) return 0;
    const size_t before = out.size();
    IndexAppender set(r * r, out);
    m_impl->tree->findNeighbors(set, point, nanoflann::SearchParams());
    return out.size() - before;
}

const double* NearestNeighbors::point(Eigen::Index row) const {
    return m_impl->points.values.data() + size_t(row) * m_impl->points.dims;
}

} // namespace oficina::core

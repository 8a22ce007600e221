#include "cluster/Agglomerative.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <thread>

namespace oficina::core {

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

inline size_t condensedIndex(size_t n, size_t i, size_t j) {
    if (i > j) std::swap(i, j);
    return n * i - (i * (i + 1)) / 2 + (j - i - 1);
}

double rowDistance(const RowMatrix& X, Eigen::Index a, Eigen::Index b) {
    const double* x = X.data() + a * X.cols();
    const double* y = X.data() + b * X.cols();
    double s = 0.0;
    for (Eigen::Index j = 0; j < X.cols(); ++j) {
        const double d = x[j] - y[j];
        s += d * d;
    }
    return std::sqrt(s);
}

/// scipy's pdist(X, "euclidean"), on two threads (rows split to balance the triangle).
std::vector<double> condensedDistances(const RowMatrix& X, const std::stop_token& stop) {
    const size_t n = size_t(X.rows());
    std::vector<double> d(n * (n - 1) / 2);
    // The first thread takes rows [0, split) whose triangle holds about half the pairs.
    const size_t split = size_t(double(n) * (1.0 - std::sqrt(0.5)));
    const auto work = [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
            if ((i & 63) == 0 && stop.stop_requested()) return;
            size_t at = condensedIndex(n, i, i + 1);
            for (size_t j = i + 1; j < n; ++j) d[at++] = rowDistance(X, Eigen::Index(i), Eigen::Index(j));
        }
    };
    {
        std::jthread other(work, split, n);
        work(0, split);
    }
    if (stop.stop_requested()) throw Cancelled{};
    return d;
}

/// Union-find relabelling of scipy's `label`: rows sorted by distance get cluster numbers.
void relabel(Eigen::MatrixXd& Z, size_t n) {
    std::vector<size_t> parent(2 * n - 1);
    std::iota(parent.begin(), parent.end(), size_t(0));
    const auto find = [&](size_t x) {
        size_t root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) {
            const size_t next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    };
    for (size_t i = 0; i + 1 < n; ++i) {
        const size_t x = find(size_t(Z(Eigen::Index(i), 0)));
        const size_t y = find(size_t(Z(Eigen::Index(i), 1)));
        Z(Eigen::Index(i), 0) = double(std::min(x, y));
        Z(Eigen::Index(i), 1) = double(std::max(x, y));
        parent[x] = n + i;
        parent[y] = n + i;
    }
}

/// Stable sort of the merges by distance, as scipy's argsort(kind="mergesort").
Eigen::MatrixXd sortedByDistance(const Eigen::MatrixXd& Z) {
    std::vector<Eigen::Index> order(size_t(Z.rows()));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return Z(a, 2) < Z(b, 2); });
    Eigen::MatrixXd sorted(Z.rows(), 4);
    for (size_t i = 0; i < order.size(); ++i) sorted.row(Eigen::Index(i)) = Z.row(order[i]);
    return sorted;
}

/// scipy's nn_chain: merges mutual nearest neighbours, updating distances by Lance–Williams.
Eigen::MatrixXd nnChain(std::vector<double> D, size_t n, Linkage linkage,
                        const std::stop_token& stop) {
    Eigen::MatrixXd Z(Eigen::Index(n - 1), 4);
    std::vector<size_t> size(n, 1);
    std::vector<size_t> chain(n);
    size_t chainLength = 0;
    for (size_t k = 0; k + 1 < n; ++k) {
        if ((k & 63) == 0 && stop.stop_requested()) throw Cancelled{};
        if (chainLength == 0) {
            chainLength = 1;
            for (size_t i = 0; i < n; ++i)
                if (size[i] > 0) {
                    chain[0] = i;
                    break;
                }
        }
        size_t x = 0, y = 0;
        double currentMin = 0;
        while (true) {
            x = chain[chainLength - 1];
            // Prefer the previous element of the chain on ties, to avoid cycles.
            if (chainLength > 1) {
                y = chain[chainLength - 2];
                currentMin = D[condensedIndex(n, x, y)];
            } else {
                currentMin = std::numeric_limits<double>::infinity();
            }
            for (size_t i = 0; i < n; ++i) {
                if (size[i] == 0 || i == x) continue;
                const double dist = D[condensedIndex(n, x, i)];
                if (dist < currentMin) {
                    currentMin = dist;
                    y = i;
                }
            }
            if (chainLength > 1 && y == chain[chainLength - 2]) break;
            chain[chainLength++] = y;
        }
        chainLength -= 2;
        if (x > y) std::swap(x, y);
        const double nx = double(size[x]), ny = double(size[y]);
        Z.row(Eigen::Index(k)) << double(x), double(y), currentMin, nx + ny;
        size[x] = 0;
        size[y] = size_t(nx + ny);
        for (size_t i = 0; i < n; ++i) {
            if (size[i] == 0 || i == y) continue;
            const double ni = double(size[i]);
            const double dx = D[condensedIndex(n, i, x)];
            double& dy = D[condensedIndex(n, i, y)];
            switch (linkage) {
            case Linkage::Ward: {
                const double t = 1.0 / (nx + ny + ni);
                dy = std::sqrt((ni + nx) * t * dx * dx + (ni + ny) * t * dy * dy -
                               ni * t * currentMin * currentMin);
                break;
            }
            case Linkage::Complete: dy = std::max(dx, dy); break;
            case Linkage::Average: dy = (nx * dx + ny * dy) / (nx + ny); break;
            case Linkage::Single: dy = std::min(dx, dy); break;
            }
        }
    }
    return Z;
}

/// scipy's mst_single_linkage (Prim from row 0), distances computed on the fly: O(rows) memory.
Eigen::MatrixXd minimumSpanningTree(const RowMatrix& X, const std::stop_token& stop) {
    const size_t n = size_t(X.rows());
    Eigen::MatrixXd Z(Eigen::Index(n - 1), 4);
    std::vector<char> merged(n, 0);
    std::vector<double> D(n, std::numeric_limits<double>::infinity());
    size_t x = 0;
    for (size_t k = 0; k + 1 < n; ++k) {
        if ((k & 255) == 0 && stop.stop_requested()) throw Cancelled{};
        double currentMin = std::numeric_limits<double>::infinity();
        size_t y = 0;
        merged[x] = 1;
        for (size_t i = 0; i < n; ++i) {
            if (merged[i]) continue;
            const double dist = rowDistance(X, Eigen::Index(x), Eigen::Index(i));
            if (D[i] > dist) D[i] = dist;
            if (D[i] < currentMin) {
                y = i;
                currentMin = D[i];
            }
        }
        Z.row(Eigen::Index(k)) << double(x), double(y), currentMin, 0.0;
        x = y;
    }
    return Z;
}

/// Python's heapq on a list of ints (siftdown/siftup as CPython), so the heap's layout, which
/// numbers scikit-learn's clusters, is the same.
void siftDown(std::vector<long>& heap, size_t start, size_t pos) {
    const long item = heap[pos];
    while (pos > start) {
        const size_t parent = (pos - 1) >> 1;
        if (item < heap[parent]) {
            heap[pos] = heap[parent];
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
}

void siftUp(std::vector<long>& heap, size_t pos) {
    const size_t end = heap.size(), start = pos;
    const long item = heap[pos];
    size_t child = 2 * pos + 1;
    while (child < end) {
        const size_t right = child + 1;
        if (right < end && !(heap[child] < heap[right])) child = right;
        heap[pos] = heap[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    siftDown(heap, start, pos);
}

void heapPush(std::vector<long>& heap, long item) {
    heap.push_back(item);
    siftDown(heap, 0, heap.size() - 1);
}

void heapPushPop(std::vector<long>& heap, long item) {
    if (!heap.empty() && heap[0] < item) {
        std::swap(item, heap[0]);
        siftUp(heap, 0);
    }
}

} // namespace

Eigen::MatrixXd linkageTree(const Eigen::MatrixXd& X, Linkage linkage, std::stop_token stop) {
    if (X.rows() > kMaxAgglomerativeRows)
        throw Error(Message(OFICINA_TR_NOOP("agglomerative clustering handles at most %1 rows "
                                            "(it keeps all pairwise distances); this data has "
                                            "%2: sample it or use K-Means"),
                            {std::to_string(kMaxAgglomerativeRows), std::to_string(X.rows())}));
    if (X.rows() < 2 || X.cols() == 0)
        throw Error(Message(OFICINA_TR_NOOP("agglomerative clustering needs at least two rows "
                                            "and one numeric feature column")));
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the data has missing or infinite values; impute or "
                                            "drop them first")));
    const RowMatrix rows = X;
    const size_t n = size_t(X.rows());
    Eigen::MatrixXd Z = linkage == Linkage::Single
                            ? minimumSpanningTree(rows, stop)
                            : nnChain(condensedDistances(rows, stop), n, linkage, stop);
    Z = sortedByDistance(Z);
    relabel(Z, n);
    // Sizes after relabelling (the spanning tree does not know them while it grows).
    std::vector<double> sizes(2 * n - 1, 1.0);
    for (size_t i = 0; i + 1 < n; ++i) {
        const Eigen::Index r = Eigen::Index(i);
        sizes[n + i] = sizes[size_t(Z(r, 0))] + sizes[size_t(Z(r, 1))];
        Z(r, 3) = sizes[n + i];
    }
    return Z;
}

std::vector<int32_t> cutTree(const Eigen::MatrixXd& tree, int clusters) {
    const size_t n = size_t(tree.rows()) + 1;
    if (clusters < 1 || size_t(clusters) > n)
        throw Error(Message(OFICINA_TR_NOOP("the number of clusters (%1) must be between 1 and "
                                            "the number of rows (%2)"),
                            {std::to_string(clusters), std::to_string(n)}));
    // Heap of negated node ids: the largest node (the latest merge) is split next.
    std::vector<long> nodes{-long(2 * n - 2)};
    for (int c = 1; c < clusters; ++c) {
        const Eigen::Index merge = Eigen::Index(size_t(-nodes[0]) - n);
        heapPush(nodes, -long(tree(merge, 0)));
        heapPushPop(nodes, -long(tree(merge, 1)));
    }
    std::vector<int32_t> labels(n, 0);
    std::vector<size_t> stack;
    for (size_t i = 0; i < nodes.size(); ++i) {
        stack.assign(1, size_t(-nodes[i]));
        while (!stack.empty()) {
            const size_t node = stack.back();
            stack.pop_back();
            if (node < n) {
                labels[node] = int32_t(i);
            } else {
                stack.push_back(size_t(tree(Eigen::Index(node - n), 0)));
                stack.push_back(size_t(tree(Eigen::Index(node - n), 1)));
            }
        }
    }
    return labels;
}

AgglomerativeFit fitAgglomerative(const Eigen::MatrixXd& X, const AgglomerativeOptions& options,
                                  std::stop_token stop) {
    if (!options.distanceThreshold && (options.nClusters < 1 || options.nClusters > X.rows()))
        throw Error(Message(OFICINA_TR_NOOP("the number of clusters (%1) must be between 1 and "
                                            "the number of rows (%2)"),
                            {std::to_string(options.nClusters), std::to_string(X.rows())}));
    AgglomerativeFit fit;
    fit.tree = linkageTree(X, options.linkage, stop);
    int clusters = options.nClusters;
    if (options.distanceThreshold)
        clusters = 1 + int((fit.tree.col(2).array() >= *options.distanceThreshold).count());
    fit.labels = cutTree(fit.tree, clusters);
    fit.clusterCount = clusters;
    return fit;
}

} // namespace oficina::core

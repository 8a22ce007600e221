#include "cluster/Dbscan.h"

#include "cluster/NearestNeighbors.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <algorithm>
#include <limits>
#include <span>
#include <string>

namespace oficina::core {

DbscanFit fitDbscan(const Eigen::MatrixXd& X, const DbscanOptions& options,
                    std::stop_token stop) {
    if (!(options.eps > 0) || options.minSamples < 1)
        throw Error(Message(OFICINA_TR_NOOP("eps must be positive and min_samples at least 1")));
    if (X.rows() == 0 || X.cols() == 0)
        throw Error(Message(OFICINA_TR_NOOP("clustering needs at least one row and one numeric "
                                            "feature column")));
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the data has missing or infinite values; impute or "
                                            "drop them first")));
    const Eigen::Index n = X.rows();
    if (n > std::numeric_limits<int32_t>::max())
        throw Error(Message(OFICINA_TR_NOOP("DBSCAN handles at most %1 rows"),
                            {std::to_string(std::numeric_limits<int32_t>::max())}));
    NearestNeighbors tree;
    tree.build(X);

    // Each thread appends the neighbourhoods of its share of the rows to one list of its own;
    // a row's neighbours are then a view into that list (no join, no per-row vectors).
    const int threads = rowThreads(options.threads, n, 2000);
    std::vector<std::vector<int32_t>> found(static_cast<size_t>(threads));
    std::vector<std::span<const int32_t>> neighbors(static_cast<size_t>(n));
    parallelRows(n, threads, [&](int t, Eigen::Index begin, Eigen::Index end) {
        auto& out = found[size_t(t)];
        std::vector<size_t> ends;  // into `out`, which may still move as it grows
        ends.reserve(size_t(end - begin));
        for (Eigen::Index i = begin; i < end; ++i) {
            if ((i & 1023) == 0 && stop.stop_requested()) return;
            tree.appendRadiusIndices(tree.point(i), options.eps, out);
            ends.push_back(out.size());
        }
        for (Eigen::Index i = begin; i < end; ++i) {
            const size_t from = i == begin ? 0 : ends[size_t(i - begin - 1)];
            neighbors[size_t(i)] = {out.data() + from, ends[size_t(i - begin)] - from};
        }
    });
    if (stop.stop_requested()) throw Cancelled{};

    DbscanFit fit;
    fit.labels.assign(size_t(n), -1);
    fit.core.resize(size_t(n));
    for (size_t i = 0; i < size_t(n); ++i)
        fit.core[i] = neighbors[i].size() >= size_t(options.minSamples);
    // scikit-learn's dbscan_inner: expand clusters from core points in row order, depth first.
    std::vector<int32_t> stack;
    int32_t label = 0;
    for (Eigen::Index start = 0; start < n; ++start) {
        if (fit.labels[size_t(start)] != -1 || !fit.core[size_t(start)]) continue;
        if (stop.stop_requested()) throw Cancelled{};
        auto i = int32_t(start);
        while (true) {
            if (fit.labels[size_t(i)] == -1) {
                fit.labels[size_t(i)] = label;
                if (fit.core[size_t(i)])
                    for (int32_t j : neighbors[size_t(i)])
                        if (fit.labels[size_t(j)] == -1) stack.push_back(j);
            }
            if (stack.empty()) break;
            i = stack.back();
            stack.pop_back();
        }
        ++label;
    }
    fit.clusterCount = label;
    fit.noiseCount = size_t(std::count(fit.labels.begin(), fit.labels.end(), -1));
    return fit;
}

} // namespace oficina::core

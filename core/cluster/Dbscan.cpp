#include "cluster/Dbscan.h"

#include "cluster/NearestNeighbors.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <string>
#include <thread>

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
    NearestNeighbors tree;
    tree.build(X);
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = X;

    // Neighbourhoods in CSR form, built per thread over a half of the rows then joined.
    const int threads = n < 2000 ? 1 : (options.threads == 0 ? 2 : std::max(1, options.threads));
    std::vector<std::vector<Eigen::Index>> flat(static_cast<size_t>(threads));
    std::vector<std::vector<size_t>> counts(static_cast<size_t>(threads));
    const Eigen::Index per = (n + threads - 1) / threads;
    {
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                const Eigen::Index begin = std::min(n, t * per), end = std::min(n, begin + per);
                std::vector<Eigen::Index> found;
                auto& out = flat[size_t(t)];
                auto& count = counts[size_t(t)];
                for (Eigen::Index i = begin; i < end; ++i) {
                    if ((i & 1023) == 0 && stop.stop_requested()) return;
                    tree.radiusIndices(rows.data() + i * X.cols(), options.eps, found);
                    out.insert(out.end(), found.begin(), found.end());
                    count.push_back(found.size());
                }
            });
        }
    }
    if (stop.stop_requested()) throw Cancelled{};
    std::vector<size_t> offsets(static_cast<size_t>(n) + 1, 0);
    std::vector<Eigen::Index> neighbors;
    {
        size_t row = 0;
        for (int t = 0; t < threads; ++t) {
            for (size_t c : counts[size_t(t)]) {
                offsets[row + 1] = offsets[row] + c;
                ++row;
            }
            neighbors.insert(neighbors.end(), flat[size_t(t)].begin(), flat[size_t(t)].end());
            std::vector<Eigen::Index>().swap(flat[size_t(t)]);
        }
    }

    DbscanFit fit;
    fit.labels.assign(size_t(n), -1);
    fit.core.resize(size_t(n));
    for (size_t i = 0; i < size_t(n); ++i)
        fit.core[i] = offsets[i + 1] - offsets[i] >= size_t(options.minSamples);
    // scikit-learn's dbscan_inner: expand clusters from core points in row order, depth first.
    std::vector<Eigen::Index> stack;
    int32_t label = 0;
    for (Eigen::Index start = 0; start < n; ++start) {
        if (fit.labels[size_t(start)] != -1 || !fit.core[size_t(start)]) continue;
        if (stop.stop_requested()) throw Cancelled{};
        Eigen::Index i = start;
        while (true) {
            if (fit.labels[size_t(i)] == -1) {
                fit.labels[size_t(i)] = label;
                if (fit.core[size_t(i)])
                    for (size_t p = offsets[size_t(i)]; p < offsets[size_t(i) + 1]; ++p)
                        if (fit.labels[size_t(neighbors[p])] == -1) stack.push_back(neighbors[p]);
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

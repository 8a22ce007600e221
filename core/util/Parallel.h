#pragma once

#include <Eigen/Core>

#include <algorithm>
#include <thread>
#include <vector>

namespace oficina::core {

/// Threads for a loop over `rows` rows: one below `minRows` (starting threads would cost more
/// than they save), else the request, where 0 means 2 (the cores Oficina is measured on).
inline int rowThreads(int requested, Eigen::Index rows, Eigen::Index minRows) {
    if (rows < minRows) return 1;
    return std::max(1, requested == 0 ? 2 : requested);
}

/// Runs work(thread, begin, end) over `threads` contiguous row ranges, in order of thread, on
/// threads of its own (the calling one waits); inline when `threads` is 1.
template <class Work> void parallelRows(Eigen::Index rows, int threads, const Work& work) {
    if (threads <= 1) {
        work(0, Eigen::Index(0), rows);
        return;
    }
    std::vector<std::jthread> pool;
    const Eigen::Index per = (rows + threads - 1) / threads;
    for (int t = 0; t < threads; ++t) {
        const Eigen::Index b = std::min(rows, t * per), e = std::min(rows, b + per);
        pool.emplace_back([&work, t, b, e] { work(t, b, e); });
    }
}

} // namespace oficina::core

#pragma once

#include <Eigen/Core>

#include <algorithm>
#include <thread>
#include <vector>

namespace oficina::core {

/// The threads a "threads" parameter asks for: its value, where 0 (every node's default) means
/// one per core of the machine.
inline int threadsFor(int requested) {
    return requested > 0 ? requested : int(std::max(1u, std::thread::hardware_concurrency()));
}

/// Threads for a loop over `rows` rows: one below `minRows` (starting threads would cost more
/// than they save), else threadsFor(requested).
inline int rowThreads(int requested, Eigen::Index rows, Eigen::Index minRows) {
    return rows < minRows ? 1 : threadsFor(requested);
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

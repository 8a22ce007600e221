#pragma once

// A fixed set of threads taking jobs from a bounded queue: the server's connections wait here
// for a thread, and are refused (503) when it is full instead of piling up.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace oficina::core::serve {

/// Thread-safe. A job that throws is dropped and the thread goes on. The destructor runs what
/// is queued and joins (shutdown()).
///
/// Example:
///     WorkerPool pool(8, 64);              // 8 threads; up to 64 jobs wait for one
///     std::function<void()> job = [] { … };
///     if (!pool.tryPost(job)) refuse();     // `job` is left intact when refused
class WorkerPool {
public:
    WorkerPool(size_t threads, size_t capacity);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues `job` (moving from it) unless `capacity` jobs already wait with every thread
    /// busy; then returns false and leaves `job` as it was. False after shutdown().
    bool tryPost(std::function<void()>& job);
    /// Stops taking jobs, runs those already queued, waits for all and joins. Idempotent.
    void shutdown();

    [[nodiscard]] size_t threads() const { return m_threadCount; }
    /// Jobs running now.
    [[nodiscard]] size_t busy() const { return m_busy.load(std::memory_order_relaxed); }
    /// Jobs waiting for a thread.
    [[nodiscard]] size_t queued() const { return m_queued.load(std::memory_order_relaxed); }

private:
    void work();

    const size_t m_threadCount;
    const size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::atomic<size_t> m_busy{0};
    std::atomic<size_t> m_queued{0};
    std::vector<std::thread> m_threads;
    std::once_flag m_joined;
};

} // namespace oficina::core::serve

#include "serve/WorkerPool.h"

#include <algorithm>

namespace oficina::core::serve {

WorkerPool::WorkerPool(size_t threads, size_t capacity)
    : m_threadCount(std::max<size_t>(threads, 1)), m_capacity(capacity) {
    m_threads.reserve(m_threadCount);
    for (size_t i = 0; i < m_threadCount; ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    shutdown();
}

bool WorkerPool::tryPost(std::function<void()>& job) {
    {
        std::lock_guard lock(m_mutex);
        // Idle threads take jobs at once; beyond them, `capacity` may wait.
        if (m_stopping || m_jobs.size() + m_busy.load() >= m_threadCount + m_capacity) return false;
        m_jobs.push_back(std::move(job));
        m_queued.store(m_jobs.size(), std::memory_order_relaxed);
    }
    m_wake.notify_one();
    return true;
}

void WorkerPool::shutdown() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    std::call_once(m_joined, [this] {
        for (std::thread& thread : m_threads)
            thread.join();
    });
}

void WorkerPool::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return; // stopping, and nothing left to run
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_queued.store(m_jobs.size(), std::memory_order_relaxed);
            // Counted busy under the lock, so tryPost never sees a job in neither count.
            m_busy.fetch_add(1);
        }
        try {
            job();
        } catch (...) {
            // A job reports its own errors; one that escapes must not end the thread.
        }
        m_busy.fetch_sub(1);
    }
}

} // namespace oficina::core::serve

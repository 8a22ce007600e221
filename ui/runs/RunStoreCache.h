#pragma once

#include <QString>

#include <map>
#include <memory>

namespace oficina::core::track {
class RunStore;
}

namespace oficina::ui {

/// The run stores a window has open on the UI thread, one per database file, shared by the Runs
/// panel and the window (chart snapshots). The worker thread and the thread pool open stores of
/// their own on the same files: SQLite serialises the connections.
class RunStoreCache {
public:
    RunStoreCache();
    ~RunStoreCache();
    RunStoreCache(const RunStoreCache&) = delete;
    RunStoreCache& operator=(const RunStoreCache&) = delete;

    /// The store at `path`, opened (and created) the first time; throws core::Error.
    std::shared_ptr<core::track::RunStore> open(const QString& path);

private:
    std::map<QString, std::shared_ptr<core::track::RunStore>> m_stores;
};

} // namespace oficina::ui

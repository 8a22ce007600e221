#include "runs/RunStoreCache.h"

#include "track/RunStore.h"

namespace oficina::ui {

RunStoreCache::RunStoreCache() = default;
RunStoreCache::~RunStoreCache() = default;

std::shared_ptr<core::track::RunStore> RunStoreCache::open(const QString& path) {
    auto& store = m_stores[path];
    if (!store) {
        try {
            store = std::make_shared<core::track::RunStore>(path.toStdString());
        } catch (...) {
            m_stores.erase(path);
            throw;
        }
    }
    return store;
}

} // namespace oficina::ui

#pragma once

// RunStore's private parts, shared by RunStore.cpp (runs) and ModelRegistry.cpp (models and
// the push queue).

#include "track/RunStore.h"
#include "track/Sqlite.h"

#include <map>
#include <mutex>

namespace oficina::core::track {

struct RunStore::State {
    explicit State(const std::string& file) : path(file), db(file) {}

    std::string path;
    std::string folder;  ///< the database's folder: artifacts/ and locks/ are in it
    mutable std::mutex mutex;  ///< one connection; calls from several threads take turns
    SqliteDatabase db;
    std::map<std::string, int> ownerLocks;  ///< run id → the descriptor holding its flock

    /// The store's row number of a run id; throws Error when there is none.
    [[nodiscard]] int64_t runNumber(const std::string& runId) const;
    /// Lists an artifact with a run (its bytes are already under artifacts/).
    void listArtifact(int64_t run, const Artifact& artifact);
};

} // namespace oficina::core::track

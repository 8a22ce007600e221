#pragma once

// The models a server serves: named, versioned, replaced whole while requests run.

#include "deploy/ModelPackage.h"
#include "serve/LiveDrift.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::serve {

/// One version of a served model. Immutable: a reload makes a new one, so a request that holds
/// it finishes on the version it started with.
struct ServedModel {
    std::string name;
    /// "1", then one more at each load of the same name, for the server's lifetime.
    std::string version;
    std::string path; ///< the package file it was read from; empty when given in memory
    std::shared_ptr<const deploy::ModelPackage> package;
    /// Its recent rows against its training sample (GET …/drift, /metrics).
    std::shared_ptr<LiveDrift> drift;
};

/// A row of the repository index (Triton's repository extension).
struct RepositoryEntry {
    std::string name;
    std::string version; ///< the loaded version, or the last one before an unload
    bool ready = false;
    std::string reason; ///< why not ready ("unloaded"); empty when ready
};

/// Names allowed for models: they appear in URLs and metric labels. Letters, digits, '_', '.',
/// '-', starting with a letter or digit, at most 128 bytes.
bool isValidModelName(std::string_view name);

/// The served models, in the order they were added. Thread-safe: lookups copy a shared_ptr
/// under a mutex (never held while reading a package), loads of new versions are serialised.
///
/// Example:
///     ModelRepository repository;
///     repository.add("iris", "iris.ofmodel");       // reads the package; throws Error
///     auto model = repository.find("iris");          // null if unknown or unloaded
///     repository.load("iris");                       // re-reads iris.ofmodel: version "2"
class ModelRepository {
public:
    /// Reads a package file; deploy::readPackage unless a test gives another.
    using Loader = std::function<deploy::ModelPackage(const std::string& path)>;

    explicit ModelRepository(Loader loader = {});
    /// Rows of recent traffic each model version keeps for live drift (LiveDrift.h); 0 turns
    /// live drift off. Applies to the versions loaded after the call.
    void setDriftWindow(size_t rows) { m_driftWindow = rows; }

    /// Reads `path` and serves it as `name`. Throws Error for an invalid or taken name and
    /// whatever the loader throws.
    void add(const std::string& name, const std::string& path);
    /// Serves a package already in memory (tests, the GUI); `path` is what a reload re-reads.
    void add(const std::string& name, deploy::ModelPackage package, const std::string& path = {});

    /// The current version of a loaded model, or null.
    [[nodiscard]] std::shared_ptr<const ServedModel> find(std::string_view name) const;
    /// Whether the name was ever added (loaded or not): bounds the metric labels.
    [[nodiscard]] bool knows(std::string_view name) const;
    /// The first model added, loaded or not: what MLflow's /invocations serves. Null if that
    /// one is unloaded or there is none.
    [[nodiscard]] std::shared_ptr<const ServedModel> first() const;
    [[nodiscard]] std::vector<RepositoryEntry> index() const;
    /// Whether every model added is loaded (and there is at least one).
    [[nodiscard]] bool allReady() const;

    /// Reads the package again (from `path` when given, else from where it came) and swaps it
    /// in as the next version; requests already holding the old version finish on it. A name
    /// not served yet is added when a path is given. On failure nothing changes and the Error
    /// says why (unknown name without a path: where = the name, message "unknown model").
    std::shared_ptr<const ServedModel> load(const std::string& name, const std::string& path = {});
    /// Stops serving `name` (requests holding it finish). False if the name is unknown.
    bool unload(const std::string& name);

private:
    struct Slot {
        std::string name;
        std::string path;
        unsigned long lastVersion = 0;
        std::shared_ptr<const ServedModel> current; ///< null when unloaded
    };
    void requireNewName(const std::string& name) const;
    Slot* slotLocked(std::string_view name);
    const Slot* slotLocked(std::string_view name) const;
    std::shared_ptr<const ServedModel> install(const std::string& name, const std::string& path,
                                               deploy::ModelPackage package);

    Loader m_loader;
    std::atomic<size_t> m_driftWindow = monitor::kDefaultRecentRows;
    mutable std::mutex m_mutex; ///< guards m_slots
    std::mutex m_loadMutex;     ///< one load at a time, so versions follow the order
    std::vector<Slot> m_slots;
};

} // namespace oficina::core::serve

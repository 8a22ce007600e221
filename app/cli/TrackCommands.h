#pragma once
// `oficina-cli runs …` and `oficina-cli models …`: the run store and the model registry
// (core/track) on the command line. docs/runs.md describes them.

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace oficina::core::track {
class RunStore;
}

namespace oficina::cli {

struct TrackCliOptions {
    std::string store;  ///< a runs.db, or a folder holding .oficina/runs.db; default: ./
    bool json = false;
    // runs list
    std::string status;
    std::string filter;
    size_t limit = 0;
    // runs show / delete / export; models register
    std::vector<std::string> runs;
    // runs export
    std::string mlflowFolder;
    // runs push
    std::string mlflowUri;
    // models
    std::string model;  ///< a name or reference: churn, churn/2, churn@champion
    std::string node;
    std::string name;
    std::string description;
    std::string alias;
    int64_t version = 0;
    std::string output;
};

/// Declares `runs` and `models` with their subcommands on `app`.
void addTrackCommands(CLI::App& app, TrackCliOptions& options);
/// Runs whichever of them was parsed; -1 when none was.
int runTrackCommand(const CLI::App& app, const TrackCliOptions& options);

/// The store `--store` names (a database file, or a folder with .oficina/runs.db), else the
/// current folder's. With `mustExist`, a store that is not there is an Error saying where runs
/// are recorded, rather than a new empty store.
std::string storePathFor(const std::string& option, bool mustExist);
/// Sends the runs waiting in the store's push queue (for `uri`; empty: every server) to their
/// MLflow servers; those that fail stay queued. NodeFailed when one failed.
int pushQueuedRuns(core::track::RunStore& store, const std::string& uri);
/// A `serve` argument: a package file as it is, or a registry reference ("models:/churn@champion",
/// "models:/churn/2") resolved to the package in the store. Fills `name` with the model's name
/// for a reference.
std::string resolveServedModel(const std::string& argument, const std::string& store,
                               std::string& name);

} // namespace oficina::cli

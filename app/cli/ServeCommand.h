#pragma once
// `oficina-cli serve`: the inference server (core/serve) on the command line. docs/serving.md
// describes the protocols, limits and signals.

#include "monitor/RecentRows.h"

#include <cstddef>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace oficina::cli {

/// Example: oficina-cli serve iris.ofmodel wine.ofmodel --name iris --name wine --port 9000
struct ServeCliOptions {
    /// Package files (*.ofmodel) or registry references (models:/churn@champion,
    /// models:/churn/2); the first answers MLflow.
    std::vector<std::string> models;
    std::string store; ///< the run store references resolve in (TrackCommands.h)
    std::vector<std::string> names;  ///< one per model, in order; default: the file's stem
    std::string host = "127.0.0.1";
    int port = 8080;         ///< 0: any free port (the one taken is printed)
    size_t threads = 0;      ///< 0: 4 per core
    size_t queue = 256;      ///< connections waiting for a thread before 503
    size_t maxRows = 100000; ///< rows per request before 413
    size_t maxBodyBytes = size_t(64) << 20;
    std::string tokenFile;  ///< bearer token, first line of the file
    bool accessLog = false; ///< one line per request on stderr
    size_t driftWindow = core::monitor::kDefaultRecentRows; ///< live drift's rows; 0: off
};

/// Declares the `serve` subcommand and its options on `app`, filling `options` when parsed.
CLI::App* addServeCommand(CLI::App& app, ServeCliOptions& options);

/// Serves the models until SIGTERM or SIGINT, then finishes the requests in progress and
/// returns 0; SIGHUP reloads every model from its file (a registry reference is resolved again,
/// so a moved alias takes effect). Returns 2 for bad input (arguments,
/// token file, an unreadable package, an address that cannot be listened on), 1 if serving
/// fails or a second stop signal cuts the drain short.
int serve(const ServeCliOptions& options);

} // namespace oficina::cli

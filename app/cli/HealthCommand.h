#pragma once
// `oficina-cli health`: asks a running server (oficina-cli serve) whether it is ready, for a
// container's HEALTHCHECK or a script waiting for the server; exit 0 when it is, 1 when not.

#include <string>

namespace CLI {
class App;
}

namespace oficina::cli {

/// Example: oficina-cli health --port 8080 --timeout 2
struct HealthCliOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    double timeoutSeconds = 2; ///< to connect, and again to read the answer
    bool live = false;         ///< ask /v2/health/live instead of /v2/health/ready
    bool quiet = false;        ///< print nothing, only the exit status says
};

/// Declares the `health` subcommand and its options on `app`, filling `options` when parsed.
CLI::App* addHealthCommand(CLI::App& app, HealthCliOptions& options);

/// GETs /v2/health/ready (or /live) once. Returns 0 when the server answers 200 (printing
/// "ready" on stdout), 1 otherwise (saying why on stderr: cannot connect, timed out, the
/// status and body of a 503 while stopping or a model is unloaded).
int health(const HealthCliOptions& options);

} // namespace oficina::cli

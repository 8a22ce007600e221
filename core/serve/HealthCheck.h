#pragma once

// The client side of the server's health probes, for `oficina-cli health`: a container's
// HEALTHCHECK runs the server's own binary, as a slim image has no curl
// (packaging/docker/Dockerfile). cpp-httplib stays inside HealthCheck.cpp.

#include <string>

namespace oficina::core::serve {

/// Example:
///     HealthCheckOptions options;
///     options.port = 9000;
///     options.timeoutSeconds = 0.5;
///     if (checkHealth(options).ready()) ...
struct HealthCheckOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    /// To connect, and again for each read and write: a server that hangs is not ready.
    double timeoutSeconds = 2;
    /// /v2/health/ready (every model loaded, not stopping) or /v2/health/live.
    std::string path = "/v2/health/ready";
};

/// What the probe got.
struct HealthCheckAnswer {
    int status = 0;     ///< the HTTP status; 0 when no answer came
    std::string body;   ///< the answer's body, at most 200 bytes
    std::string error;  ///< when status is 0: why (cannot connect, timed out, …)
    /// Ready (or live): answered 200.
    [[nodiscard]] bool ready() const { return status == 200; }
};

/// GETs options.path from the server, once, without retrying and without a token (the
/// probes need none). Never throws: a server that is down, hangs or answers badly, and a port
/// outside 1…65535, give an answer that is not ready(). A timeout not above 0 counts as 2 s.
/// Thread-safe: each call has its own connection.
HealthCheckAnswer checkHealth(const HealthCheckOptions& options);

} // namespace oficina::core::serve

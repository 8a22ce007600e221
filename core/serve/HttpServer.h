#pragma once

// The inference server on a socket: cpp-httplib (0.11) bound to Routes, with a bounded thread
// pool, limits, bearer-token auth, an access log and a graceful stop. cpp-httplib stays inside
// HttpServer.cpp: including this header needs no HTTP library.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace oficina::core::serve {

class Metrics;
class Routes;

/// Example:
///     HttpServerOptions options;
///     options.port = 0;                 // any free port: bind() says which
///     options.threads = 8;
///     options.token = "s3cret";         // then every route but the health probes needs
///                                       // "Authorization: Bearer s3cret"
struct HttpServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    /// Threads answering connections; 0 = 4 per core. cpp-httplib holds a thread for a whole
    /// keep-alive connection, so an idle one is closed when connections are waiting.
    size_t threads = 0;
    /// Accepted connections that may wait for a thread; one more is answered 503.
    size_t queue = 256;
    /// Request bodies above this are answered 413 (before they are read, when the
    /// Content-Length says so).
    size_t maxBodyBytes = size_t(64) << 20;
    int readTimeoutSeconds = 5;     ///< for each read of a request
    int writeTimeoutSeconds = 5;    ///< for each write of a response
    int keepAliveSeconds = 5;       ///< an idle keep-alive connection is closed after this
    size_t keepAliveRequests = 100; ///< requests on one connection before it is closed
    /// Non-empty: every route but /v2/health/* , /ping and /health requires
    /// "Authorization: Bearer TOKEN" (compared in constant time), else 401.
    std::string token;
    /// One line per request: method, path, status, rows, microseconds.
    bool accessLog = false;
    /// Where log lines go (without their newline); standard error when empty. Called from
    /// the server's threads, one whole line per call.
    std::function<void(const std::string& line)> log;
};

/// One server. serve() blocks the calling thread; stop() may come from any other thread (a
/// signal watcher). Destroy it only after serve() has returned.
class HttpServer {
public:
    HttpServer(Routes& routes, Metrics& metrics, HttpServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Opens the listening socket and returns its port (the one chosen when options.port is
    /// 0). Throws Error naming the address when it cannot.
    int bind();
    /// Answers connections until stop(), then lets the requests in progress and the
    /// connections already accepted finish (each within the timeouts) and returns. Throws
    /// Error if the listening socket fails.
    void serve();
    /// Stops accepting connections: serve() returns once those in progress are answered.
    /// Thread-safe, idempotent; not for a signal handler (use a watcher thread).
    void stop();

    [[nodiscard]] int port() const;
    /// Threads answering a connection now, and connections waiting for one (tests, metrics).
    [[nodiscard]] size_t busyThreads() const;
    [[nodiscard]] size_t queuedConnections() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace oficina::core::serve

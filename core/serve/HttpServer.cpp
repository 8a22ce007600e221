#include "serve/HttpServer.h"

#include "data/TextInput.h"
#include "serve/Metrics.h"
#include "serve/Routes.h"
#include "serve/SocketStream.h"
#include "serve/WorkerPool.h"
#include "util/Error.h"
#include "util/Sha256.h"
#include "util/Tr.h"

#include <httplib.h>

#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

// cpp-httplib 0.11 serves each connection, for its whole keep-alive life, on one thread taken
// from the TaskQueue that listen_internal() feeds with a closure per accepted socket; its own
// ThreadPool queues without bound. Here (1) a WorkerPool with a bounded queue takes those
// closures; when it is full the closure runs on a rejecting thread, and (2) the server's
// per-connection loop, process_and_close_socket() — virtual, so overridable — sees that and
// answers 503 on the socket itself (enqueue() gets no socket, and cannot answer). The loop
// otherwise does what httplib's does with process_request(), plus: a byte budget per request
// (chunked bodies escape payload_max_length), closing an idle keep-alive connection when
// others wait for a thread or the server is stopping, and closing after an answer given
// without reading the body (401, 413).

namespace oficina::core::serve {

namespace {

using Clock = std::chrono::steady_clock;

/// Bytes of request line and headers allowed beside the body limit.
constexpr size_t kHeaderAllowance = size_t(1) << 20;

enum class Mode { Serve, Reject, Drop };
/// How process_and_close_socket() treats the connection it is called with on this thread.
thread_local Mode t_mode = Mode::Serve;

/// The request being answered on this thread.
struct Exchange {
    Clock::time_point start = Clock::now();
    SocketStream* stream = nullptr;
    bool routed = false; ///< Routes answered it: the labels below are set
    std::string route;
    std::string model;
    size_t rows = 0;
    bool closeAfter = false; ///< answered without reading the body
};
thread_local Exchange* t_exchange = nullptr;

/// cpp-httplib's server with its per-connection loop handed to `connection`.
class CoreServer final : public httplib::Server {
public:
    std::function<void(socket_t)> connection;

    /// Closes the listening socket as Server::stop() does, but whether or not listening has
    /// started yet, and only once.
    void halt() {
        const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
        if (sock != INVALID_SOCKET) {
            ::shutdown(sock, SHUT_RDWR);
            ::close(sock);
        }
    }
    [[nodiscard]] bool halted() const { return svr_sock_ == INVALID_SOCKET; }
    /// cpp-httplib 0.11 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when the
    /// library was built): clients reconnecting together (a keep-alive connection is closed
    /// after 100 requests) overflow it while the accepting thread waits for a core, and each
    /// connection dropped there waits a second for TCP to retry. Listening again on the bound
    /// socket raises it (the kernel caps it at net.core.somaxconn).
    void raiseBacklog() {
        const socket_t sock = svr_sock_;
        if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
    }
    bool processRequest(httplib::Stream& stream, bool closeConnection, bool& closed) {
        return process_request(stream, closeConnection, closed, nullptr);
    }

private:
    bool process_and_close_socket(socket_t sock) override {
        connection(sock);
        return true;
    }
};

/// The TaskQueue cpp-httplib feeds: a bounded pool, then the rejecting thread, then (both
/// full) closing the connection at once on the accepting thread.
class BoundedQueue final : public httplib::TaskQueue {
public:
    BoundedQueue(WorkerPool& pool, WorkerPool& rejecter) : m_pool(pool), m_rejecter(rejecter) {}

    void enqueue(std::function<void()> fn) override {
        if (m_pool.tryPost(fn)) return;
        auto job = std::make_shared<std::function<void()>>(std::move(fn));
        std::function<void()> refusal = [job] {
            t_mode = Mode::Reject;
            (*job)();
            t_mode = Mode::Serve;
        };
        if (m_rejecter.tryPost(refusal)) return;
        t_mode = Mode::Drop;
        (*job)();
        t_mode = Mode::Serve;
    }
    void shutdown() override {
        m_pool.shutdown();
        m_rejecter.shutdown();
    }

private:
    WorkerPool& m_pool;
    WorkerPool& m_rejecter;
};

size_t defaultThreads() {
    return std::max<size_t>(4, size_t(std::thread::hardware_concurrency()) * 4);
}

std::string lowerMediaType(const std::string& value) {
    std::string type = value.substr(0, value.find(';'));
    type.erase(
        std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
        type.end());
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return type;
}

} // namespace

class HttpServer::Impl {
public:
    Impl(Routes& routes, Metrics& metrics, HttpServerOptions options)
        : routes(routes), metrics(metrics), options(std::move(options)),
          pool(this->options.threads ? this->options.threads : defaultThreads(),
               this->options.queue),
          rejecter(1, 64) {
        if (!this->options.token.empty()) tokenDigest = sha256Hex(this->options.token);
        configure();
    }

    void configure();
    void connection(int sock);
    void serveConnection(int sock);
    void reject(int sock);
    bool waitForRequest(SocketStream& stream, bool first);
    [[nodiscard]] bool authorized(const httplib::Request& request) const;
    /// Answers before the body is read (401, 413, 415), or nothing.
    bool refuseEarly(const httplib::Request& request, httplib::Response& response);
    void finished(const httplib::Request& request, const httplib::Response& response);
    void log(const std::string& line) const;
    void accessLog(std::string_view method, std::string_view path, int status, size_t rows,
                   Clock::time_point start) const;

    Routes& routes;
    Metrics& metrics;
    const HttpServerOptions options;
    std::string tokenDigest;
    CoreServer server;
    WorkerPool pool;
    WorkerPool rejecter;
    int port = -1;
};

void HttpServer::Impl::configure() {
    server.connection = [this](socket_t sock) { connection(sock); };
    server.new_task_queue = [this] { return new BoundedQueue(pool, rejecter); };
    server.set_tcp_nodelay(true); // headers and body are separate writes: no Nagle delay
    // SO_REUSEADDR, not cpp-httplib's default SO_REUSEPORT: a second server on a busy port is
    // refused (EADDRINUSE) instead of silently sharing it, and the connections left closing
    // (TIME_WAIT) after a stop keep no other program from binding the port again.
    server.set_socket_options([](socket_t sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_read_timeout(options.readTimeoutSeconds);
    server.set_write_timeout(options.writeTimeoutSeconds);
    server.set_keep_alive_timeout(options.keepAliveSeconds);
    server.set_keep_alive_max_count(std::max<size_t>(options.keepAliveRequests, 1));
    server.set_payload_max_length(options.maxBodyBytes);

    const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
        const HttpResponse answer =
            routes.handle({req.method, req.path, req.get_header_value("Content-Type"), req.body});
        res.status = answer.status;
        for (const auto& [name, value] : answer.headers)
            res.set_header(name, value);
        res.set_content(answer.body, answer.contentType);
        if (Exchange* x = t_exchange) {
            x->routed = true;
            x->route = answer.route;
            x->model = answer.model;
            x->rows = answer.rows;
        }
    };
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Delete(".*", handler);
    server.Patch(".*", handler);
    server.Options(".*", handler);

    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        // A request without Content-Length or Transfer-Encoding has no body (RFC 9112 6.3);
        // cpp-httplib 0.11 would read a POST's until the client closes (curl -X POST). The
        // request is not const where httplib made it, only in this handler's signature.
        if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
            const_cast<httplib::Request&>(req).set_header("Content-Length", "0");
        return refuseEarly(req, res) ? httplib::Server::HandlerResponse::Handled
                                     : httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_expect_100_continue_handler(
        [this](const httplib::Request& req, httplib::Response& res) {
            return refuseEarly(req, res) ? res.status : 100;
        });
    server.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request&,
                                                                         httplib::Response& res) {
        Exchange* x = t_exchange;
        if (x && x->stream && x->stream->overBudget() && res.status == 400) res.status = 413;
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message;
        if (res.status == 413)
            message = Message(OFICINA_TR_NOOP("the request body is larger than %1 bytes "
                                              "(--max-body-bytes)"),
                              {std::to_string(options.maxBodyBytes)})
                          .english();
        else if (res.status == 414)
            message = Message(OFICINA_TR_NOOP("the request URI is longer than %1 bytes"),
                              {std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH)})
                          .english();
        else if (res.status == 400)
            message = Message(OFICINA_TR_NOOP("malformed HTTP request: request line, headers "
                                              "(at most %1 bytes each) or body"),
                              {std::to_string(CPPHTTPLIB_HEADER_MAX_LENGTH)})
                          .english();
        else
            message =
                Message(OFICINA_TR_NOOP("HTTP status %1"), {std::to_string(res.status)}).english();
        res.set_content(errorResponse(res.status, message).body, "application/json");
        // The request was not read to its end: the connection cannot carry another.
        res.set_header("Connection", "close");
        if (x) x->closeAfter = true;
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_content(errorResponse(500, "internal error").body, "application/json");
        });
    server.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { finished(req, res); });
}

bool HttpServer::Impl::authorized(const httplib::Request& request) const {
    if (tokenDigest.empty() || Routes::isPublic(request.path)) return true;
    const std::string header = request.get_header_value("Authorization");
    if (header.size() < 7 || ::strncasecmp(header.c_str(), "Bearer ", 7) != 0) return false;
    std::string_view given(header);
    given.remove_prefix(7);
    while (!given.empty() && given.front() == ' ')
        given.remove_prefix(1);
    while (!given.empty() && (given.back() == ' ' || given.back() == '\t'))
        given.remove_suffix(1);
    // Digests compared in full: the time taken says nothing about the token.
    const std::string digest = sha256Hex(given);
    unsigned char difference = 0;
    for (size_t i = 0; i < digest.size() && i < tokenDigest.size(); ++i)
        difference |= static_cast<unsigned char>(digest[i] ^ tokenDigest[i]);
    return difference == 0 && digest.size() == tokenDigest.size();
}

bool HttpServer::Impl::refuseEarly(const httplib::Request& req, httplib::Response& res) {
    const auto refuse = [&](int status, const std::string& message) {
        res.status = status;
        res.set_content(errorResponse(status, message).body, "application/json");
        res.set_header("Connection", "close");
        if (t_exchange) t_exchange->closeAfter = true;
        return true;
    };
    if (!authorized(req)) {
        res.set_header("WWW-Authenticate", "Bearer");
        return refuse(401, Message(OFICINA_TR_NOOP("a bearer token is required: send "
                                                   "\"Authorization: Bearer TOKEN\""))
                               .english());
    }
    if (req.has_header("Content-Length")) {
        const std::string text = req.get_header_value("Content-Length");
        unsigned long long length = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
        if (error != std::errc() || end != text.data() + text.size())
            return refuse(400, Message(OFICINA_TR_NOOP("malformed HTTP request: the "
                                                       "Content-Length is not a number"))
                                   .english());
        if (length > options.maxBodyBytes)
            return refuse(413, Message(OFICINA_TR_NOOP("the request body is larger than %1 "
                                                       "bytes (--max-body-bytes)"),
                                       {std::to_string(options.maxBodyBytes)})
                                   .english());
    }
    const std::string encoding = lowerMediaType(req.get_header_value("Content-Encoding"));
    if (!encoding.empty() && encoding != "identity")
        return refuse(415, Message(OFICINA_TR_NOOP("compressed request bodies (%1) are not "
                                                   "taken"),
                                   {printableText(encoding)})
                               .english());
    const std::string type = lowerMediaType(req.get_header_value("Content-Type"));
    if (type == "application/x-www-form-urlencoded" || type.starts_with("multipart/"))
        return refuse(415, Message(OFICINA_TR_NOOP("form bodies are not taken: send "
                                                   "Content-Type: application/json (curl "
                                                   "-H 'Content-Type: application/json')"))
                               .english());
    return false;
}

void HttpServer::Impl::connection(int sock) {
    switch (t_mode) {
    case Mode::Drop:
        metrics.countRejected();
        ::close(sock);
        return;
    case Mode::Reject:
        reject(sock);
        return;
    case Mode::Serve:
        serveConnection(sock);
        return;
    }
}

bool HttpServer::Impl::waitForRequest(SocketStream& stream, bool first) {
    if (stream.buffered()) return true;
    const auto start = Clock::now();
    const auto deadline =
        start + std::chrono::seconds(first ? options.readTimeoutSeconds : options.keepAliveSeconds);
    for (;;) {
        const int ready = waitFor(stream.socket(), POLLIN, 20);
        if (ready != 0) return ready > 0; // a request, or the peer closed: reading says which
        const auto now = Clock::now();
        // A keep-alive connection with nothing to say gives its thread back when the server
        // stops, or (after a moment, so back-to-back requests are not cut) when others wait.
        if (!first &&
            (server.halted() || (pool.queued() > 0 && now - start > std::chrono::milliseconds(40))))
            return false;
        if (now >= deadline) return false;
    }
}

void HttpServer::Impl::serveConnection(int sock) {
    SocketStream stream(sock, options.readTimeoutSeconds * 1000,
                        options.writeTimeoutSeconds * 1000);
    const size_t limit = std::max<size_t>(options.keepAliveRequests, 1);
    bool gentle = false;
    for (size_t done = 0; done < limit; ++done) {
        if (!waitForRequest(stream, done == 0)) break;
        Exchange exchange;
        exchange.stream = &stream;
        t_exchange = &exchange;
        stream.setBudget(options.maxBodyBytes + kHeaderAllowance);
        const bool last = done + 1 == limit || server.halted();
        bool closed = false;
        bool ok = false;
        metrics.addInFlight(1);
        try {
            ok = server.processRequest(stream, last, closed);
        } catch (...) {
            ok = false;
        }
        if (!stream.flush()) ok = false; // a response head still held back (HEAD, no body)
        metrics.addInFlight(-1);
        t_exchange = nullptr;
        gentle = exchange.closeAfter;
        if (!ok || closed || last || exchange.closeAfter) break;
    }
    if (gentle) {
        closeGently(sock);
    } else {
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
    }
}

void HttpServer::Impl::reject(int sock) {
    const auto start = Clock::now();
    // The request head, briefly, for the metric labels and so the answer is read.
    std::string head;
    char buffer[4096];
    const auto until = start + std::chrono::milliseconds(250);
    while (head.size() < 16384 && head.find("\r\n\r\n") == std::string::npos) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0 || waitFor(sock, POLLIN, int(left)) <= 0) break;
        const ssize_t n = ::recv(sock, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        head.append(buffer, size_t(n));
    }
    std::string_view line(head);
    line = line.substr(0, line.find("\r\n"));
    const std::string_view method = line.substr(0, line.find(' '));
    std::string_view path = line.size() > method.size() ? line.substr(method.size() + 1) : "";
    path = path.substr(0, path.find(' '));
    path = path.substr(0, path.find('?'));
    const RouteLabels labels = routes.labels(path);

    const std::string body =
        errorResponse(503, Message(OFICINA_TR_NOOP("the server is busy: all %1 threads are "
                                                   "answering and %2 connections wait; retry "
                                                   "shortly"),
                                   {std::to_string(pool.threads()), std::to_string(options.queue)})
                               .english())
            .body;
    const std::string answer = "HTTP/1.1 503 Service Unavailable\r\n"
                               "Content-Type: application/json\r\n"
                               "Content-Length: " +
                               std::to_string(body.size()) +
                               "\r\n"
                               "Retry-After: 1\r\n"
                               "Connection: close\r\n\r\n" +
                               body;
    sendAll(sock, answer, options.writeTimeoutSeconds * 1000);
    closeGently(sock);
    metrics.countRejected();
    metrics.countRequest(labels.model, labels.route, 503,
                         std::chrono::duration<double>(Clock::now() - start).count());
    if (options.accessLog) accessLog(method, path, 503, 0, start);
}

void HttpServer::Impl::finished(const httplib::Request& req, const httplib::Response& res) {
    const Exchange* x = t_exchange;
    const auto start = x ? x->start : Clock::now();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const RouteLabels labels =
        x && x->routed ? RouteLabels{x->route, x->model} : routes.labels(req.path);
    metrics.countRequest(labels.model, labels.route, res.status, seconds);
    if (options.accessLog) accessLog(req.method, req.path, res.status, x ? x->rows : 0, start);
    if (res.status >= 500)
        log("error: " + printableText(req.method, 20) + " " + printableText(req.path, 200) + ": " +
            printableText(res.body, 1000));
}

void HttpServer::Impl::accessLog(std::string_view method, std::string_view path, int status,
                                 size_t rows, Clock::time_point start) const {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
    log(printableText(method.empty() ? std::string_view("-") : method, 20) + " " +
        printableText(path.empty() ? std::string_view("-") : path, 200) + " " +
        std::to_string(status) + " rows=" + std::to_string(rows) + " us=" + std::to_string(micros));
}

void HttpServer::Impl::log(const std::string& line) const {
    if (options.log) {
        options.log(line);
        return;
    }
    const std::string text = "oficina-serve: " + line + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr); // one write: lines do not interleave
}

HttpServer::HttpServer(Routes& routes, Metrics& metrics, HttpServerOptions options)
    : m_impl(std::make_unique<Impl>(routes, metrics, std::move(options))) {}

HttpServer::~HttpServer() {
    stop();
}

int HttpServer::bind() {
    Impl& d = *m_impl;
    errno = 0;
    if (d.options.port == 0)
        d.port = d.server.bind_to_any_port(d.options.host);
    else
        d.port = d.server.bind_to_port(d.options.host, d.options.port) ? d.options.port : -1;
    if (d.port < 0) {
        const int error = errno;
        throw Error(Message(OFICINA_TR_NOOP("cannot listen on %1:%2 (%3)"),
                            {d.options.host, std::to_string(d.options.port),
                             error ? std::strerror(error) : "address not available"}));
    }
    d.server.raiseBacklog();
    return d.port;
}

void HttpServer::serve() {
    Impl& d = *m_impl;
    const bool ok = d.server.listen_after_bind();
    if (!ok && !d.server.halted())
        throw Error(Message(OFICINA_TR_NOOP("the listening socket on %1:%2 failed"),
                            {d.options.host, std::to_string(d.port)}));
}

void HttpServer::stop() {
    m_impl->routes.setDraining(true);
    m_impl->server.halt();
}

int HttpServer::port() const {
    return m_impl->port;
}

size_t HttpServer::busyThreads() const {
    return m_impl->pool.busy();
}

size_t HttpServer::queuedConnections() const {
    return m_impl->pool.queued();
}

} // namespace oficina::core::serve

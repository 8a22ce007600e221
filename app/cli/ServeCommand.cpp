// `oficina-cli serve`: the inference server (core/serve) on the command line.
#include "ServeCommand.h"

#include "Commands.h"

#include "data/TextInput.h"
#include "serve/HttpServer.h"
#include "serve/Metrics.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"
#include "util/Error.h"

#include <CLI/CLI.hpp>

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace oficina::cli {

namespace {

void say(const std::string& text) {
    const std::string line =
        "oficina-cli: " + core::printableText(text, std::string::npos) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

/// The token: the file's first line without surrounding spaces. Throws core::Error.
std::string readToken(const std::string& path) {
    std::ifstream file(path);
    std::string token;
    if (!file || !std::getline(file, token))
        throw core::Error(core::Message("cannot read the token file"), path);
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!token.empty() && space(token.back()))
        token.pop_back();
    size_t start = 0;
    while (start < token.size() && space(token[start]))
        ++start;
    token.erase(0, start);
    if (token.empty())
        throw core::Error(core::Message("the token file's first line is empty"), path);
    return token;
}

/// Blocks the stop and reload signals in this thread and every thread started after it, so
/// that only the watcher's sigtimedwait() receives them; restores the mask when destroyed.
class BlockedSignals {
public:
    BlockedSignals() {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGTERM);
        sigaddset(&m_set, SIGINT);
        sigaddset(&m_set, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &m_set, &m_previous);
    }
    ~BlockedSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
    BlockedSignals(const BlockedSignals&) = delete;
    BlockedSignals& operator=(const BlockedSignals&) = delete;
    [[nodiscard]] const sigset_t& set() const { return m_set; }

private:
    sigset_t m_set;
    sigset_t m_previous;
};

void reloadAll(const core::serve::Routes& routes) {
    for (const core::serve::RepositoryEntry& entry : routes.repository().index()) {
        try {
            const auto model = routes.load(entry.name);
            say("reloaded " + model->name + " (version " + model->version + ") from " +
                model->path);
        } catch (const core::Error& e) {
            say("could not reload " + entry.name + ", still serving the version before: " +
                e.what());
        }
    }
}

} // namespace

CLI::App* addServeCommand(CLI::App& app, ServeCliOptions& options) {
    auto* serve = app.add_subcommand(
        "serve", "Serve model packages over HTTP (Open Inference Protocol v2, MLflow scoring, "
                 "Prometheus metrics) until SIGTERM; see docs/serving.md");
    serve->add_option("MODEL", options.models,
                      "Model packages (*.ofmodel); the first also answers /invocations")
        ->required();
    serve->add_option("--name", options.names,
                      "The name a model is served under, one per model in order (default: "
                      "the file's name without .ofmodel)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    serve->add_option("--host", options.host, "Address to listen on")->capture_default_str();
    serve->add_option("--port", options.port, "Port to listen on; 0 takes a free one")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    serve->add_option("--threads", options.threads,
                      "Threads answering connections (default: 4 per core)");
    serve->add_option("--queue", options.queue,
                      "Connections that may wait for a thread; more are answered 503")
        ->capture_default_str();
    serve->add_option("--max-rows", options.maxRows, "Rows one request may predict (413 above)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    serve->add_option("--max-body-bytes", options.maxBodyBytes,
                      "Largest request body (413 above)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    serve->add_option("--token-file", options.tokenFile,
                      "Require \"Authorization: Bearer TOKEN\" (the file's first line) on every "
                      "route but the health probes");
    serve->add_flag("--access-log", options.accessLog,
                    "Print one line per request on stderr: method, path, status, rows, "
                    "microseconds");
    return serve;
}

int serve(const ServeCliOptions& options) {
    using namespace core::serve;
    if (!options.names.empty() && options.names.size() != options.models.size()) {
        say("give one --name per model, in order: " + std::to_string(options.models.size()) +
            " models, " + std::to_string(options.names.size()) + " names");
        return BadInput;
    }
    // Before any thread starts, so that every thread inherits the blocked mask.
    BlockedSignals signals;
    std::signal(SIGPIPE, SIG_IGN);

    HttpServerOptions serverOptions;
    serverOptions.host = options.host;
    serverOptions.port = options.port;
    serverOptions.threads = options.threads;
    serverOptions.queue = options.queue;
    serverOptions.maxBodyBytes = options.maxBodyBytes;
    serverOptions.accessLog = options.accessLog;
    ModelRepository repository;
    try {
        if (!options.tokenFile.empty()) serverOptions.token = readToken(options.tokenFile);
        for (size_t i = 0; i < options.models.size(); ++i) {
            const std::string& path = options.models[i];
            const std::string name = options.names.empty()
                                         ? std::filesystem::path(path).stem().string()
                                         : options.names[i];
            repository.add(name, path);
        }
    } catch (const core::Error& e) {
        say(e.what());
        return BadInput;
    }

    Metrics metrics;
    Routes routes(repository, metrics, {.maxRows = options.maxRows});
    HttpServer server(routes, metrics, serverOptions);
    int port = 0;
    try {
        port = server.bind();
    } catch (const core::Error& e) {
        say(e.what());
        return BadInput;
    }
    std::string served;
    for (const RepositoryEntry& entry : repository.index())
        served += (served.empty() ? "" : ", ") + entry.name + " (version " + entry.version + ")";
    const bool ipv6 = options.host.find(':') != std::string::npos;
    say("serving " + served + " on http://" + (ipv6 ? "[" + options.host + "]" : options.host) +
        ":" + std::to_string(port));

    std::atomic<bool> done{false};
    std::thread watcher([&] {
        int stops = 0;
        while (!done.load()) {
            const timespec slice{0, 200'000'000};
            const int received = sigtimedwait(&signals.set(), nullptr, &slice);
            if (received < 0) continue; // EAGAIN: the slice ended; EINTR
            if (received == SIGHUP) {
                reloadAll(routes);
            } else if (++stops == 1) {
                say("stopping: finishing the requests in progress (a second signal exits at "
                    "once)");
                server.stop();
            } else {
                say("stopped before the requests in progress finished");
                std::fflush(stderr);
                std::_Exit(NodeFailed);
            }
        }
    });
    int code = Ok;
    try {
        server.serve();
        say("stopped");
    } catch (const core::Error& e) {
        say(e.what());
        code = NodeFailed;
    }
    done = true;
    watcher.join();
    return code;
}

} // namespace oficina::cli

// `oficina-cli serve`: the inference server (core/serve) on the command line.
#include "ServeCommand.h"
#include "TrackCommands.h"

#include "Commands.h"

#include "data/TextInput.h"
#include "serve/HttpServer.h"
#include "serve/Metrics.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"
#include "util/Error.h"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <thread>

namespace oficina::cli {

namespace {

void say(const std::string& text) {
    const std::string line = "oficina-cli: " + core::printableText(text, std::string::npos) + "\n";
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

/// The stop and reload signals turned into bytes on a pipe, which a watcher thread reads.
/// Blocking them and calling sigwait() is not enough: libraries start threads before main()
/// (OpenBLAS's pool) that do not block them, and a signal sent to the process may land on one
/// of those and kill it. A handler runs on whichever thread gets the signal, and only writes.
int g_signalPipe[2] = {-1, -1};

extern "C" void onSignal(int received) {
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(received);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
    errno = saved;
}

class SignalPipe {
public:
    static constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};

    SignalPipe() {
        if (::pipe2(g_signalPipe, O_CLOEXEC) != 0)
            throw core::Error(core::Message("cannot create the signal pipe"));
        struct sigaction action {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &action, &m_previous[i]);
    }
    ~SignalPipe() {
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &m_previous[i], nullptr);
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    }
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;

    /// The next signal, or 0 once wake() was called.
    int next() {
        unsigned char byte = 0;
        for (;;) {
            const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
            if (n == 1) return byte;
            if (n < 0 && errno == EINTR) continue;
            return 0;
        }
    }
    /// Makes next() return 0.
    void wake() { onSignal(0); }

private:
    struct sigaction m_previous[std::size(kSignals)];
};

void reloadAll(const core::serve::Routes& routes,
               const std::map<std::string, std::string>& references, const std::string& store) {
    for (const core::serve::RepositoryEntry& entry : routes.repository().index()) {
        try {
            std::string name;
            const auto reference = references.find(entry.name);
            const std::string path = reference == references.end()
                                         ? std::string()
                                         : resolveServedModel(reference->second, store, name);
            const auto model = routes.load(entry.name, path);
            say("reloaded " + model->name + " (version " + model->version + ") from " +
                model->path);
        } catch (const core::Error& e) {
            say("could not reload " + entry.name +
                ", still serving the version before: " + e.what());
        }
    }
}

} // namespace

CLI::App* addServeCommand(CLI::App& app, ServeCliOptions& options) {
    auto* serve = app.add_subcommand(
        "serve", "Serve model packages over HTTP (Open Inference Protocol v2, MLflow scoring, "
                 "Prometheus metrics) until SIGTERM; see docs/serving.md");
    serve
        ->add_option("MODEL", options.models,
                     "Model packages (*.ofmodel) or registered models (models:/churn@champion, "
                     "models:/churn/2); the first also answers /invocations")
        ->required();
    serve->add_option("--store", options.store,
                      "The run store whose registry models:/ names (a runs.db or a folder with "
                      ".oficina/runs.db; default: the current folder's)");
    serve
        ->add_option("--name", options.names,
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
    serve
        ->add_option("--queue", options.queue,
                     "Connections that may wait for a thread; more are answered 503")
        ->capture_default_str();
    serve->add_option("--max-rows", options.maxRows, "Rows one request may predict (413 above)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    serve->add_option("--max-body-bytes", options.maxBodyBytes, "Largest request body (413 above)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    serve->add_option("--token-file", options.tokenFile,
                      "Require \"Authorization: Bearer TOKEN\" (the file's first line) on every "
                      "route but the health probes");
    serve
        ->add_option("--drift-window", options.driftWindow,
                     "Recent rows each model keeps to compare with its training sample (GET "
                     "/v2/models/NAME/drift, oficina_drift_* on /metrics); 0 turns live drift off")
        ->capture_default_str();
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
    std::signal(SIGPIPE, SIG_IGN); // the server sends with MSG_NOSIGNAL; this covers the rest
    // From here on a stop signal waits for the watcher (which stops the server at once if it
    // came while the models were loading) instead of killing the process.
    std::unique_ptr<SignalPipe> signals;
    try {
        signals = std::make_unique<SignalPipe>();
    } catch (const core::Error& e) {
        say(e.what());
        return NodeFailed;
    }

    HttpServerOptions serverOptions;
    serverOptions.host = options.host;
    serverOptions.port = options.port;
    serverOptions.threads = options.threads;
    serverOptions.queue = options.queue;
    serverOptions.maxBodyBytes = options.maxBodyBytes;
    serverOptions.accessLog = options.accessLog;
    ModelRepository repository;
    repository.setDriftWindow(options.driftWindow);
    std::map<std::string, std::string> references;  ///< served name → argument
    try {
        if (!options.tokenFile.empty()) serverOptions.token = readToken(options.tokenFile);
        for (size_t i = 0; i < options.models.size(); ++i) {
            std::string name;
            const std::string path = resolveServedModel(options.models[i], options.store, name);
            if (name.empty()) name = std::filesystem::path(path).stem().string();
            if (!options.names.empty()) name = options.names[i];
            repository.add(name, path);
            references[name] = options.models[i];
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

    std::thread watcher([&] {
        int stops = 0;
        for (int received; (received = signals->next()) != 0;) {
            if (received == SIGHUP) {
                reloadAll(routes, references, options.store);
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
    signals->wake();
    watcher.join();
    return code;
}

} // namespace oficina::cli

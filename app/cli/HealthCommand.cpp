// `oficina-cli health`: the server's readiness probe (core/serve/HealthCheck) on the command
// line. packaging/docker/Dockerfile's HEALTHCHECK runs it: the slim image has no curl.
#include "HealthCommand.h"

#include "data/TextInput.h"
#include "serve/HealthCheck.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

namespace oficina::cli {

CLI::App* addHealthCommand(CLI::App& app, HealthCliOptions& options) {
    auto* health = app.add_subcommand(
        "health", "Ask a running server whether it is ready: exit 0 if so, 1 if not");
    health->add_option("--host", options.host, "The server's address")
        ->capture_default_str();
    health->add_option("--port", options.port, "The server's port")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    health->add_option("--timeout", options.timeoutSeconds,
                       "Seconds to wait to connect, and again for the answer")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                char* end = nullptr;
                const double seconds = std::strtod(text.c_str(), &end);
                return end != text.c_str() && *end == '\0' && seconds > 0 && seconds <= 3600
                           ? ""
                           : "the timeout is a number of seconds above 0, at most 3600";
            },
            "SECONDS"))
        ->capture_default_str();
    health->add_flag("--live", options.live,
                     "Ask whether the process is alive (/v2/health/live) instead of ready");
    health->add_flag("--quiet,-q", options.quiet, "Print nothing: the exit status says");
    return health;
}

int health(const HealthCliOptions& options) {
    core::serve::HealthCheckOptions check;
    check.host = options.host;
    check.port = options.port;
    check.timeoutSeconds = options.timeoutSeconds;
    check.path = options.live ? "/v2/health/live" : "/v2/health/ready";
    const core::serve::HealthCheckAnswer answer = core::serve::checkHealth(check);

    // An IPv6 address goes in brackets, as in a URL.
    const bool ipv6 = options.host.find(':') != std::string::npos;
    const std::string url = "http://" + (ipv6 ? "[" + options.host + "]" : options.host) + ":" +
                            std::to_string(options.port) + check.path;
    const char* state = options.live ? "live" : "ready";
    if (answer.ready()) {
        if (!options.quiet) std::printf("%s: %s\n", url.c_str(), state);
        return 0;
    }
    if (!options.quiet) {
        const std::string why =
            answer.status == 0
                ? answer.error
                : "answered " + std::to_string(answer.status) +
                      (answer.body.empty() ? "" : " " + answer.body);
        const std::string line = "oficina-cli: " + url + ": not " + state + ": " +
                                 core::printableText(why, std::string::npos) + "\n";
        std::fwrite(line.data(), 1, line.size(), stderr);
    }
    return 1;
}

} // namespace oficina::cli

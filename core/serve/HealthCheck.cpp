#include "serve/HealthCheck.h"

#include <httplib.h>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace oficina::core::serve {

namespace {

std::string describe(httplib::Error error) {
    switch (error) {
    case httplib::Error::Connection: return "cannot connect";
    case httplib::Error::ConnectionTimeout: return "timed out connecting";
    case httplib::Error::Read: return "no answer (timed out or connection closed)";
    case httplib::Error::Write: return "cannot send the request";
    default: return "request failed (" + httplib::to_string(error) + ")";
    }
}

} // namespace

HealthCheckAnswer checkHealth(const HealthCheckOptions& options) {
    HealthCheckAnswer answer;
    if (options.port < 1 || options.port > 65535) {
        answer.error = "no such port";
        return answer;
    }
    const bool timeoutValid =
        options.timeoutSeconds > 0 && std::isfinite(options.timeoutSeconds);
    // Capped at a day, so that the seconds fit time_t.
    const double timeout = timeoutValid ? std::min(options.timeoutSeconds, 86400.0) : 2.0;
    const double whole = std::floor(timeout);
    const auto seconds = static_cast<time_t>(whole);
    const auto microseconds = static_cast<time_t>((timeout - whole) * 1e6);

    httplib::Client client(options.host, options.port);
    client.set_connection_timeout(seconds, microseconds);
    client.set_read_timeout(seconds, microseconds);
    client.set_write_timeout(seconds, microseconds);
    client.set_keep_alive(false);

    const httplib::Result result = client.Get(options.path);
    if (!result) {
        answer.error = describe(result.error());
        return answer;
    }
    answer.status = result->status;
    answer.body = result->body.substr(0, 200);
    return answer;
}

} // namespace oficina::core::serve

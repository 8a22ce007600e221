#pragma once

// The inference server's routes as pure functions: a request (method, path, content type,
// body) in, a status and body out. No sockets here (HttpServer binds them to cpp-httplib), so
// every route and every error is tested without a network.
//
// Open Inference Protocol v2 (KServe, Triton):
//   GET  /v2/health/live · /v2/health/ready · /v2
//   GET  /v2/models/{name}[/versions/{v}] · …/ready       POST …/infer
//   POST /v2/repository/index · /v2/repository/models/{name}/load · …/unload
// Live drift (Oficina's): GET /v2/models/{name}/drift, and drift gauges on /metrics
// MLflow scoring protocol (the first model served):
//   GET  /ping · /health · /version                        POST /invocations
// Prometheus: GET /metrics

#include "serve/Metrics.h"
#include "serve/ModelRepository.h"

#include <atomic>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oficina::core::serve {

struct HttpRequest {
    std::string method;      ///< "GET", "POST"…; HEAD is answered as GET
    std::string path;        ///< percent-decoded, without the query
    std::string contentType; ///< the Content-Type header, or empty
    std::string_view body;   ///< not owned: valid for the call to Routes::handle
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; ///< extra ones (Allow…)
    /// For the metrics and the access log: the route template, the served model it concerns
    /// ("" if none) and the rows predicted.
    std::string route;
    std::string model;
    size_t rows = 0;
};

/// The metric labels of a request: its route template ("other" for an unknown path) and the
/// served model it names ("" when none, or an unknown name: label values stay bounded).
struct RouteLabels {
    std::string route;
    std::string model;
};

struct RouteMatch;

/// Example: RouteOptions{.maxRows = 1000}
struct RouteOptions {
    /// Rows one request may ask to predict; more is answered 413.
    size_t maxRows = 100000;
};

/// {"error": message}, the body of every error answer.
HttpResponse errorResponse(int status, const std::string& message);

/// Thread-safe: handle() runs on many threads at once; the repository and metrics are
/// thread-safe and the routes hold no other mutable state but the draining flag.
class Routes {
public:
    /// Counts the repository's loaded models into `metrics` (oficina_model_loads_total).
    Routes(ModelRepository& repository, Metrics& metrics, RouteOptions options = {});

    /// Answers one request. Never throws: a bad request is a 4xx answer naming what is wrong,
    /// anything unexpected a 500.
    [[nodiscard]] HttpResponse handle(const HttpRequest& request) const;
    /// The labels handle() would give `path`, for requests answered before routing (401,
    /// 413, 503).
    [[nodiscard]] RouteLabels labels(std::string_view path) const;
    /// Health probes answer without a bearer token.
    [[nodiscard]] static bool isPublic(std::string_view path);

    /// Reads a model's package again (or from `path`) and serves it as the next version, as
    /// POST /v2/repository/models/{name}/load does; SIGHUP calls it for every model. Throws
    /// Error.
    std::shared_ptr<const ServedModel> load(const std::string& name,
                                            const std::string& path = {}) const;
    /// While draining, the readiness probes answer 503 so balancers stop sending requests.
    void setDraining(bool draining) { m_draining = draining; }

    [[nodiscard]] const ModelRepository& repository() const { return m_repository; }

private:
    HttpResponse infer(const RouteMatch& match, const HttpRequest& request) const;
    HttpResponse invocations(const HttpRequest& request) const;
    HttpResponse repositoryRoute(const RouteMatch& match, const HttpRequest& request) const;
    HttpResponse modelRoute(const RouteMatch& match) const;
    std::shared_ptr<const ServedModel> resolve(const RouteMatch& match) const;

    ModelRepository& m_repository;
    Metrics& m_metrics;
    RouteOptions m_options;
    std::atomic<bool> m_draining{false};
};

} // namespace oficina::core::serve

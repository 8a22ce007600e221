#include "serve/Routes.h"

#include "data/TextInput.h"
#include "pipeline/JsonText.h"
#include "serve/InferenceCodec.h"
#include "util/Tr.h"

#include <algorithm>
#include <cctype>
#include <new>

namespace oficina::core::serve {

namespace {

enum class Kind {
    Unknown,
    Live,
    Ready,
    Server,
    ModelMetadata,
    ModelReady,
    ModelDrift,
    Infer,
    RepositoryIndex,
    RepositoryLoad,
    RepositoryUnload,
    Ping,
    Health,
    Version,
    Invocations,
    Metrics
};

std::string dump(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

HttpResponse jsonResponse(const Json& json, int status = 200) {
    HttpResponse response;
    response.status = status;
    response.body = dump(json);
    return response;
}

/// The media type of a Content-Type value, lower-cased, without parameters.
std::string mediaType(std::string_view contentType) {
    std::string type(contentType.substr(0, contentType.find(';')));
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back())))
        type.pop_back();
    size_t start = 0;
    while (start < type.size() && std::isspace(static_cast<unsigned char>(type[start])))
        ++start;
    type.erase(0, start);
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return type;
}

bool isJson(const std::string& type) {
    return type == "application/json" ||
           (type.starts_with("application/") && type.ends_with("+json"));
}

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        const size_t end = path.find('/');
        out.push_back(path.substr(0, end));
        if (end == std::string_view::npos) break;
        path.remove_prefix(end);
    }
    return out;
}

/// The input column an Error from conformInput or a prediction names, if it names one.
std::string columnOf(const Error& e, const deploy::PackageManifest& manifest) {
    for (const std::string& arg : e.message().args())
        for (const deploy::InputColumn& in : manifest.inputs)
            if (in.name == arg) return arg;
    return {};
}

const char* taskName(Task task) {
    return toString(task);
}

} // namespace

struct RouteMatch {
    Kind kind = Kind::Unknown;
    const char* route = "other";
    std::vector<const char*> methods;
    std::string name;
    std::string version; ///< empty: the current one
};

HttpResponse errorResponse(int status, const std::string& message) {
    return jsonResponse(Json{{"error", message}}, status);
}

namespace {

RouteMatch matchPath(std::string_view path);

} // namespace

Routes::Routes(ModelRepository& repository, Metrics& metrics, RouteOptions options)
    : m_repository(repository), m_metrics(metrics), m_options(options) {
    for (const RepositoryEntry& entry : m_repository.index())
        if (entry.ready) m_metrics.countLoad(entry.name, std::stoul(entry.version));
}

bool Routes::isPublic(std::string_view path) {
    while (path.size() > 1 && path.back() == '/')
        path.remove_suffix(1);
    return path == "/v2/health/live" || path == "/v2/health/ready" || path == "/ping" ||
           path == "/health";
}

RouteLabels Routes::labels(std::string_view path) const {
    const RouteMatch match = matchPath(path);
    RouteLabels labels{match.route, {}};
    if (match.kind == Kind::Invocations) {
        const auto index = m_repository.index();
        if (!index.empty()) labels.model = index.front().name;
    } else if (!match.name.empty() && m_repository.knows(match.name)) {
        labels.model = match.name;
    }
    return labels;
}

std::shared_ptr<const ServedModel> Routes::load(const std::string& name,
                                                const std::string& path) const {
    auto model = m_repository.load(name, path);
    m_metrics.countLoad(model->name, std::stoul(model->version));
    return model;
}

HttpResponse Routes::handle(const HttpRequest& request) const {
    const RouteLabels labels = this->labels(request.path);
    HttpResponse response;
    try {
        const RouteMatch match = matchPath(request.path);
        const std::string method = request.method == "HEAD" ? "GET" : request.method;
        if (match.kind == Kind::Unknown) {
            response = errorResponse(404, Message(OFICINA_TR_NOOP("no route %1: see GET /v2 "
                                                                  "and docs/serving.md"),
                                                  {printableText(request.path, 80)})
                                              .english());
        } else if (std::none_of(match.methods.begin(), match.methods.end(),
                                [&](const char* m) { return method == m; })) {
            std::string allowed;
            for (const char* m : match.methods)
                allowed += (allowed.empty() ? "" : ", ") + std::string(m);
            response = errorResponse(
                405, Message(OFICINA_TR_NOOP("%1 takes %2, not %3"),
                             {match.route, allowed, printableText(request.method, 20)})
                         .english());
            response.headers.emplace_back("Allow", allowed);
        } else {
            switch (match.kind) {
            case Kind::Live:
                response = jsonResponse({{"live", true}});
                break;
            case Kind::Ready: {
                const bool ready = m_repository.allReady() && !m_draining;
                response = jsonResponse({{"ready", ready}}, ready ? 200 : 503);
                break;
            }
            case Kind::Server:
                response = jsonResponse({{"name", "oficina"},
                                         {"version", OFICINA_VERSION},
                                         {"extensions", {"model_repository"}}});
                break;
            case Kind::ModelMetadata:
            case Kind::ModelReady:
                response = modelRoute(match);
                break;
            case Kind::Infer:
                response = infer(match, request);
                break;
            case Kind::RepositoryIndex:
            case Kind::RepositoryLoad:
            case Kind::RepositoryUnload:
                response = repositoryRoute(match, request);
                break;
            case Kind::Ping:
            case Kind::Health: {
                const bool ready = m_repository.first() != nullptr && !m_draining;
                response.status = ready ? 200 : 503;
                response.contentType = "text/plain; charset=utf-8";
                response.body = "\n";
                break;
            }
            case Kind::Version:
                response.contentType = "text/plain; charset=utf-8";
                response.body = OFICINA_VERSION;
                break;
            case Kind::Invocations:
                response = invocations(request);
                break;
            case Kind::Metrics: {
                response.contentType = "text/plain; version=0.0.4; charset=utf-8";
                std::vector<std::pair<std::string, DriftSnapshot>> drift;
                for (const RepositoryEntry& entry : m_repository.index())
                    if (const auto model = m_repository.find(entry.name))
                        drift.emplace_back(model->name, model->drift->compute());
                response.body = m_metrics.text() + driftMetricsText(drift);
                break;
            }
            case Kind::ModelDrift: {
                const auto model = resolve(match);
                response = jsonResponse(driftJson(model->name, model->version, model->drift->compute()));
                break;
            }
            case Kind::Unknown:
                break;
            }
        }
    } catch (const RequestError& e) {
        if (!e.column().empty() && !labels.model.empty())
            m_metrics.countInputError(labels.model, e.column());
        response = errorResponse(e.status(), e.what());
    } catch (const Error& e) {
        response = errorResponse(400, e.what());
    } catch (const std::bad_alloc&) {
        response = errorResponse(500, "out of memory");
    } catch (const std::exception& e) {
        response = errorResponse(500, std::string("internal error: ") + e.what());
    } catch (...) {
        response = errorResponse(500, "internal error");
    }
    response.route = labels.route;
    response.model = labels.model;
    return response;
}

std::shared_ptr<const ServedModel> Routes::resolve(const RouteMatch& match) const {
    auto model = m_repository.find(match.name);
    if (!model) {
        if (m_repository.knows(match.name))
            throw RequestError(404, Message(OFICINA_TR_NOOP("the model \"%1\" is not loaded: "
                                                            "POST /v2/repository/models/%1/load "
                                                            "loads it"),
                                            {match.name}));
        throw RequestError(
            404, Message(OFICINA_TR_NOOP("unknown model \"%1\""), {printableText(match.name, 80)}));
    }
    if (!match.version.empty() && match.version != model->version)
        throw RequestError(404,
                           Message(OFICINA_TR_NOOP("the model \"%1\" has no version \"%2\": "
                                                   "it serves version %3"),
                                   {match.name, printableText(match.version), model->version}));
    return model;
}

HttpResponse Routes::modelRoute(const RouteMatch& match) const {
    const auto model = resolve(match);
    if (match.kind == Kind::ModelReady)
        return jsonResponse({{"name", model->name}, {"ready", true}});
    const deploy::PackageManifest& m = model->package->manifest;
    Json parameters = {{"task", taskName(m.task)},
                       {"estimator", m.estimatorType},
                       {"title", m.name},
                       {"created", m.created},
                       {"oficina_version", m.appVersion}};
    if (!m.target.empty()) parameters["target"] = m.target;
    if (!m.pipeline.empty()) parameters["pipeline"] = m.pipeline;
    return jsonResponse({{"name", model->name},
                         {"versions", {model->version}},
                         {"platform", "oficina"},
                         {"inputs", oipInputsMetadata(m)},
                         {"outputs", oipOutputsMetadata(m)},
                         {"parameters", std::move(parameters)}});
}

HttpResponse Routes::infer(const RouteMatch& match, const HttpRequest& request) const {
    const std::string type = mediaType(request.contentType);
    if (!type.empty() && !isJson(type))
        throw RequestError(415, Message(OFICINA_TR_NOOP("an inference request is JSON: send "
                                                        "Content-Type: application/json, not "
                                                        "%1"),
                                        {printableText(type)}));
    // Held to the end: a reload meanwhile does not change the version this request uses.
    const auto model = resolve(match);
    const deploy::ModelPackage& package = *model->package;
    // The common request read straight from the text; any other, errors included, as JSON.
    std::optional<OipRequest> simple =
        readSimpleOipRequest(request.body, package.manifest, m_options.maxRows);
    OipRequest parsed = simple ? std::move(*simple)
                               : parseOipRequest(parseJsonText(request.body, "request body"),
                                                 package.manifest, m_options.maxRows);
    const size_t rows = parsed.table.rowCount();
    std::vector<Column> predictions;
    if (rows > 0) {
        Table input;
        try {
            input = deploy::conformInput(parsed.table, package.manifest.inputs, "request");
            predictions = deploy::predictColumns(package, input);
            model->drift->record(input, predictions);
        } catch (const RequestError&) {
            throw;
        } catch (const Error& e) {
            throw RequestError(400, e.message(), columnOf(e, package.manifest), e.where());
        }
    }
    m_metrics.countRows(model->name, rows);
    if (const Column* label = predictedColumn(predictions))
        m_metrics.countPredictions(model->name, *label);
    Json reply = {{"model_name", model->name}, {"model_version", model->version}};
    if (!parsed.id.is_null()) reply["id"] = parsed.id;
    reply["outputs"] = oipOutputs(package.manifest, predictions, rows, parsed.outputs);
    HttpResponse response = jsonResponse(reply);
    response.rows = rows;
    return response;
}

HttpResponse Routes::invocations(const HttpRequest& request) const {
    // MLflow's scoring server answers errors as {"error_code", "message"}: both are given,
    // with "error" as on the other routes.
    const auto mlflowError = [](int status, const std::string& message) {
        const char* code = status == 404   ? "RESOURCE_DOES_NOT_EXIST"
                           : status >= 500 ? "INTERNAL_ERROR"
                                           : "BAD_REQUEST";
        return jsonResponse({{"error_code", code}, {"message", message}, {"error", message}},
                            status);
    };
    const auto model = m_repository.first();
    if (!model) {
        const auto index = m_repository.index();
        return mlflowError(404, index.empty()
                                    ? Message(OFICINA_TR_NOOP("no model is served")).english()
                                    : Message(OFICINA_TR_NOOP("the model \"%1\" is not loaded"),
                                              {index.front().name})
                                          .english());
    }
    const deploy::ModelPackage& package = *model->package;
    const std::string type = mediaType(request.contentType);
    try {
        Table table;
        if (isJson(type))
            table = parseMlflowJson(parseJsonText(request.body, "request body"), m_options.maxRows);
        else if (type == "text/csv")
            table = parseCsvBody(request.body, m_options.maxRows);
        else
            throw RequestError(415, Message(OFICINA_TR_NOOP("/invocations takes "
                                                            "application/json or text/csv, not "
                                                            "\"%1\""),
                                            {printableText(type)}));
        const size_t rows = table.rowCount();
        std::vector<Column> predictions;
        if (rows > 0) {
            try {
                const Table input = deploy::conformInput(table, package.manifest.inputs, "request");
                predictions = deploy::predictColumns(package, input);
                model->drift->record(input, predictions);
            } catch (const RequestError&) {
                throw;
            } catch (const Error& e) {
                throw RequestError(400, e.message(), columnOf(e, package.manifest), e.where());
            }
        }
        m_metrics.countRows(model->name, rows);
        const Column* label = predictedColumn(predictions);
        if (label) m_metrics.countPredictions(model->name, *label);
        HttpResponse response =
            jsonResponse(label ? mlflowPredictions(*label) : Json{{"predictions", Json::array()}});
        response.rows = rows;
        return response;
    } catch (const RequestError& e) {
        if (!e.column().empty()) m_metrics.countInputError(model->name, e.column());
        return mlflowError(e.status(), e.what());
    } catch (const Error& e) {
        return mlflowError(400, e.what());
    }
}

HttpResponse Routes::repositoryRoute(const RouteMatch& match, const HttpRequest& request) const {
    Json body = Json::object();
    const bool blank = std::all_of(request.body.begin(), request.body.end(),
                                   [](unsigned char c) { return std::isspace(c); });
    if (!blank) {
        body = parseJsonText(request.body, "request body");
        if (!body.is_object())
            throw RequestError(400, Message(OFICINA_TR_NOOP("the request body must be a JSON "
                                                            "object")));
    }
    if (match.kind == Kind::RepositoryIndex) {
        const auto ready = body.find("ready");
        const bool onlyReady = ready != body.end() && ready->is_boolean() && ready->get<bool>();
        Json index = Json::array();
        for (const RepositoryEntry& entry : m_repository.index()) {
            if (onlyReady && !entry.ready) continue;
            Json row = {{"name", entry.name},
                        {"version", entry.version},
                        {"state", entry.ready ? "READY" : "UNAVAILABLE"}};
            if (!entry.reason.empty()) row["reason"] = entry.reason;
            index.push_back(std::move(row));
        }
        return jsonResponse(index);
    }
    if (match.kind == Kind::RepositoryUnload) {
        if (!m_repository.unload(match.name))
            throw RequestError(404, Message(OFICINA_TR_NOOP("unknown model \"%1\""),
                                            {printableText(match.name, 80)}));
        return jsonResponse({{"name", match.name}, {"ready", false}});
    }
    std::string path;
    if (const auto parameters = body.find("parameters"); parameters != body.end()) {
        const auto given = parameters->is_object() ? parameters->find("path") : parameters->end();
        if (given != parameters->end()) {
            if (!given->is_string())
                throw RequestError(400, Message(OFICINA_TR_NOOP("parameters.path must be a "
                                                                "string: the package to load")));
            path = given->get<std::string>();
        }
    }
    if (path.empty() && !m_repository.knows(match.name))
        throw RequestError(404, Message(OFICINA_TR_NOOP("unknown model \"%1\": give "
                                                        "{\"parameters\": {\"path\": …}} to "
                                                        "load a new one"),
                                        {printableText(match.name, 80)}));
    const auto model = load(match.name, path);
    return jsonResponse({{"name", model->name}, {"version", model->version}, {"ready", true}});
}

namespace {

RouteMatch matchPath(std::string_view path) {
    const std::vector<std::string_view> s = segments(path);
    RouteMatch m;
    const auto is = [&](std::initializer_list<std::string_view> expected) {
        return std::equal(s.begin(), s.end(), expected.begin(), expected.end());
    };
    const auto set = [&](Kind kind, const char* route, std::vector<const char*> methods) {
        m.kind = kind;
        m.route = route;
        m.methods = std::move(methods);
    };
    if (is({"v2", "health", "live"})) {
        set(Kind::Live, "/v2/health/live", {"GET"});
    } else if (is({"v2", "health", "ready"})) {
        set(Kind::Ready, "/v2/health/ready", {"GET"});
    } else if (is({"v2"})) {
        set(Kind::Server, "/v2", {"GET"});
    } else if (is({"v2", "repository", "index"})) {
        set(Kind::RepositoryIndex, "/v2/repository/index", {"GET", "POST"});
    } else if (s.size() == 5 && s[0] == "v2" && s[1] == "repository" && s[2] == "models" &&
               (s[4] == "load" || s[4] == "unload")) {
        m.name = std::string(s[3]);
        if (s[4] == "load")
            set(Kind::RepositoryLoad, "/v2/repository/models/{name}/load", {"POST"});
        else
            set(Kind::RepositoryUnload, "/v2/repository/models/{name}/unload", {"POST"});
    } else if (s.size() >= 3 && s[0] == "v2" && s[1] == "models") {
        m.name = std::string(s[2]);
        size_t next = 3;
        if (s.size() >= 5 && s[3] == "versions") {
            m.version = std::string(s[4]);
            next = 5;
        }
        if (s.size() == next)
            set(Kind::ModelMetadata, "/v2/models/{name}", {"GET"});
        else if (s.size() == next + 1 && s[next] == "ready")
            set(Kind::ModelReady, "/v2/models/{name}/ready", {"GET"});
        else if (s.size() == next + 1 && s[next] == "infer")
            set(Kind::Infer, "/v2/models/{name}/infer", {"POST"});
        else if (s.size() == next + 1 && s[next] == "drift")
            set(Kind::ModelDrift, "/v2/models/{name}/drift", {"GET"});
        else
            m = {};
    } else if (is({"ping"})) {
        set(Kind::Ping, "/ping", {"GET"});
    } else if (is({"health"})) {
        set(Kind::Health, "/health", {"GET"});
    } else if (is({"version"})) {
        set(Kind::Version, "/version", {"GET"});
    } else if (is({"invocations"})) {
        set(Kind::Invocations, "/invocations", {"POST"});
    } else if (is({"metrics"})) {
        set(Kind::Metrics, "/metrics", {"GET"});
    }
    return m;
}

} // namespace

} // namespace oficina::core::serve

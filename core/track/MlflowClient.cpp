#include "track/MlflowClient.h"

#include "util/Text.h"
#include "util/Tr.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <set>

namespace oficina::core::track {

using Json = nlohmann::json;

namespace {

constexpr const char* kApiPath = "/api/2.0/mlflow/";

int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Cuts `text` to `limit` Unicode characters (MLflow counts Python characters); true if it did.
bool cutToCharacters(std::string& text, size_t limit) {
    size_t characters = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (characters++ == limit) {
            text.resize(i);
            return true;
        }
    }
    return false;
}

// Invalid UTF-8 (a file name from another system) becomes U+FFFD instead of failing the run.
std::string dumpJson(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// MLflow reads JSON through protobuf, which takes NaN and infinities only as these strings.
Json metricValue(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    return value;
}

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string describe(httplib::Error error) {
    switch (error) {
    case httplib::Error::Connection: return "cannot connect";
    case httplib::Error::ConnectionTimeout: return "timed out connecting";
    case httplib::Error::Read: return "no answer within the timeout, or the connection closed";
    case httplib::Error::Write: return "cannot send the request";
    case httplib::Error::SSLConnection: return "TLS connection failed";
    case httplib::Error::SSLServerVerification: return "the server's certificate is not trusted";
    default: return "request failed (" + httplib::to_string(error) + ")";
    }
}

/// A server's text on one line, short enough for an error message.
std::string excerpt(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (cutToCharacters(out, 300)) out += "…";
    return out.empty() ? "(no text)" : out;
}

/// The tags a run is created with: MLflow's own, so that its UI shows who and what from the start.
KeyValues creationTags(const KeyValues& tags) {
    KeyValues out;
    for (const auto& tag : tags)
        if (tag.first.starts_with("mlflow.")) out.push_back(tag);
    return out;
}

std::string experimentName(const RunRecord& record) {
    // MLflow's own experiment, which every tracking server has, for an unnamed pipeline.
    return record.experiment.empty() ? "Default" : record.experiment;
}

int64_t endTime(const RunRecord& record) { return record.endMs > 0 ? record.endMs : nowMs(); }

/// A stored metric value's timestamp, or the run's end for one that has none.
MetricValue withTimestamp(MetricValue value, int64_t fallbackMs) {
    if (value.timestampMs <= 0) value.timestampMs = fallbackMs;
    return value;
}

KeyValues paramsOf(const RunRecord& record) {
    return {record.params.begin(), record.params.end()};
}

} // namespace

// -- MlflowClient ---------------------------------------------------------------------------

struct MlflowClient::Answer {
    int status = 0;
    Json body;          ///< discarded when the answer is not JSON
    std::string text;   ///< as received
    std::string where;  ///< the request's URL, without its query

    [[nodiscard]] std::string errorCode() const {
        return body.is_object() && body.contains("error_code") && body["error_code"].is_string()
                   ? body["error_code"].get<std::string>()
                   : std::string();
    }
    [[nodiscard]] Error unexpected() const {
        return Error(Message(OFICINA_TR_NOOP("the MLflow tracking server's answer is not the "
                                             "JSON object expected: %1"),
                             {excerpt(text)}),
                     where);
    }
    /// The JSON object of a successful answer; throws Error quoting an error answer.
    const Json& ok() const {
        if (status != 200) {
            std::string detail = excerpt(text);
            if (!errorCode().empty()) {
                const Json message = body.value("message", Json());
                detail = errorCode() + ": " +
                         excerpt(message.is_string() ? message.get<std::string>() : "");
            }
            throw Error(Message(OFICINA_TR_NOOP("the MLflow tracking server answered HTTP %1: %2"),
                                {std::to_string(status), detail}),
                        where);
        }
        if (!body.is_object()) throw unexpected();
        return body;
    }
    /// A non-empty string field of a successful answer, e.g. {"run", "info", "run_id"}.
    [[nodiscard]] const std::string* find(std::initializer_list<const char*> path) const {
        const Json* node = &ok();
        for (const char* name : path) {
            if (!node->is_object() || !node->contains(name)) return nullptr;
            node = &(*node)[name];
        }
        if (!node->is_string() || node->get_ref<const std::string&>().empty()) return nullptr;
        return &node->get_ref<const std::string&>();
    }
    /// The same, required.
    [[nodiscard]] std::string field(std::initializer_list<const char*> path) const {
        if (const std::string* value = find(path)) return *value;
        throw unexpected();
    }
};

MlflowClient::MlflowClient(MlflowEndpoint endpoint) : m_endpoint(std::move(endpoint)) {
    const auto invalid = [this] {
        return Error(Message(OFICINA_TR_NOOP("\"%1\" is not the address of an MLflow tracking "
                                             "server: give http://HOST:PORT, optionally followed "
                                             "by a path"),
                             {m_endpoint.uri}));
    };
    const std::string& uri = m_endpoint.uri;
    const size_t schemeEnd = uri.find("://");
    if (schemeEnd == std::string::npos) throw invalid();
    std::string scheme = uri.substr(0, schemeEnd);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (scheme != "http" && scheme != "https") throw invalid();
    const size_t authorityStart = schemeEnd + 3;
    const size_t pathStart = std::min(uri.find('/', authorityStart), uri.size());
    const std::string authority = uri.substr(authorityStart, pathStart - authorityStart);
    m_prefix = uri.substr(pathStart);
    while (!m_prefix.empty() && m_prefix.back() == '/') m_prefix.pop_back();

    // host, [v6 host], host:port or [v6 host]:port; no user name, query or fragment.
    const size_t hostEnd = authority.starts_with('[') ? authority.find(']') + 1
                                                      : authority.find(':');
    const std::string host = authority.substr(0, hostEnd);
    std::string port = hostEnd < authority.size() ? authority.substr(hostEnd) : std::string();
    if (!port.empty()) {
        if (port.front() != ':') throw invalid();
        port.erase(0, 1);
    }
    const bool portValid = !port.empty() && port.size() <= 5 &&
                           std::all_of(port.begin(), port.end(),
                                       [](unsigned char c) { return c >= '0' && c <= '9'; }) &&
                           std::stoi(port) >= 1 && std::stoi(port) <= 65535;
    if (host.empty() || host == "[]" || (hostEnd < authority.size() && !portValid) ||
        authority.find_first_of("@ ") != std::string::npos ||
        uri.find_first_of("?# ") != std::string::npos)
        throw invalid();
    if (port.empty()) port = scheme == "https" ? "443" : "80";
    m_origin = scheme + "://" + host + ":" + port;
}

MlflowClient::Answer MlflowClient::send(const std::string& method, const std::string& endpoint,
                                        const std::string& body) const {
    const bool timeoutValid = m_endpoint.timeoutSeconds > 0 &&
                              std::isfinite(m_endpoint.timeoutSeconds);
    // Capped at a day, so that the seconds fit time_t.
    const double timeout = timeoutValid ? std::min(m_endpoint.timeoutSeconds, 86400.0) : 10.0;
    const double whole = std::floor(timeout);
    const auto seconds = static_cast<time_t>(whole);
    const auto microseconds = static_cast<time_t>((timeout - whole) * 1e6);

    httplib::Client client(m_origin);
    client.set_connection_timeout(seconds, microseconds);
    client.set_read_timeout(seconds, microseconds);
    client.set_write_timeout(seconds, microseconds);
    client.set_keep_alive(false);

    const std::string path = m_prefix + kApiPath + endpoint;
    Answer answer;
    answer.where = m_origin + path.substr(0, path.find('?'));
    const httplib::Headers headers = {{"Accept", "application/json"}};
    const httplib::Result result = method == "GET"
                                       ? client.Get(path, headers)
                                       : client.Post(path, headers, body, "application/json");
    if (!result)
        throw Error(Message(OFICINA_TR_NOOP("cannot reach the MLflow tracking server (%1)"),
                            {describe(result.error())}),
                    answer.where);
    answer.status = result->status;
    answer.text = result->body;
    answer.body = Json::parse(answer.text, nullptr, false);
    return answer;
}

MlflowClient::Answer MlflowClient::post(const std::string& endpoint,
                                        const std::string& body) const {
    return send("POST", endpoint, body);
}

std::string MlflowClient::experimentId(const std::string& name) {
    const auto lookUp = [&] {
        return send("GET", "experiments/get-by-name?experiment_name=" + percentEncode(name), {});
    };
    Answer found = lookUp();
    if (found.status != 200 && found.errorCode() == "RESOURCE_DOES_NOT_EXIST") {
        const Answer created = post("experiments/create", dumpJson({{"name", name}}));
        // Another client may have created it since: then it is found now.
        if (created.errorCode() != "RESOURCE_ALREADY_EXISTS")
            return created.field({"experiment_id"});
        found = lookUp();
    }
    const std::string id = found.field({"experiment", "experiment_id"});
    const Json& experiment = found.ok()["experiment"];
    if (experiment.value("lifecycle_stage", std::string()) == "deleted")
        throw Error(Message(OFICINA_TR_NOOP("the MLflow experiment \"%1\" is deleted on the "
                                            "server: restore it, or delete it for good (mlflow "
                                            "gc), and try again"),
                            {name}),
                    found.where);
    return id;
}

std::string MlflowClient::createRun(const std::string& experimentId, const std::string& runName,
                                    int64_t startMs, const KeyValues& tags) {
    Json tagItems = Json::array();
    for (const auto& [key, value] : tags) {
        std::string text = value;
        cutToCharacters(text, kMlflowMaxTagValueLength);
        tagItems.push_back({{"key", mlflowKey(key)}, {"value", std::move(text)}});
    }
    const Json body = {{"experiment_id", experimentId},
                       {"run_name", runName},
                       {"start_time", std::max<int64_t>(startMs, 0)},
                       {"tags", std::move(tagItems)}};
    const Answer answer = post("runs/create", dumpJson(body));
    // run_uuid: run_id's name before MLflow 1.0, which some servers still fill alone.
    if (const std::string* id = answer.find({"run", "info", "run_id"})) return *id;
    return answer.field({"run", "info", "run_uuid"});
}

void MlflowClient::logBatch(const std::string& runId, const std::vector<MetricValue>& metrics,
                            const KeyValues& params, const KeyValues& tags) {
    // Each entity serialised once, so that a request's size is known before it is sent.
    std::vector<std::string> paramItems, tagItems, metricItems;
    std::set<std::string> paramKeys;
    std::vector<std::string> truncated;
    for (const auto& [name, value] : params) {
        const std::string key = mlflowUniqueKey(name, paramKeys);
        std::string text = value;
        if (cutToCharacters(text, kMlflowMaxParamValueLength)) truncated.push_back(key);
        paramItems.push_back(dumpJson({{"key", key}, {"value", std::move(text)}}));
    }
    KeyValues allTags = tags;
    if (!truncated.empty())
        allTags.emplace_back(kMlflowTruncatedParamsTag, joinList(truncated, ", "));
    for (const auto& [key, value] : allTags) {
        std::string text = value;
        cutToCharacters(text, kMlflowMaxTagValueLength);
        tagItems.push_back(dumpJson({{"key", mlflowKey(key)}, {"value", std::move(text)}}));
    }
    for (const MetricValue& metric : metrics)
        metricItems.push_back(dumpJson({{"key", mlflowKey(metric.key)},
                                        {"value", metricValue(metric.value)},
                                        {"timestamp", std::max<int64_t>(metric.timestampMs, 0)},
                                        {"step", mlflowStep(metric.step)}}));

    const std::string head = "{\"run_id\":" + dumpJson(runId);
    size_t nextParam = 0, nextTag = 0, nextMetric = 0;
    while (nextParam < paramItems.size() || nextTag < tagItems.size() ||
           nextMetric < metricItems.size()) {
        // {"run_id":…,"params":[…],"tags":[…],"metrics":[…]}
        size_t bytes = head.size() + std::string(R"(,"params":[],"tags":[],"metrics":[]})").size();
        size_t entities = 0;
        const auto take = [&](const std::vector<std::string>& items, size_t& next, size_t limit) {
            std::string list;
            for (size_t count = 0; next < items.size() && count < limit &&
                                   entities < kMlflowMaxEntitiesPerBatch;
                 ++count, ++next, ++entities) {
                const size_t added = items[next].size() + (list.empty() ? 0 : 1);
                if (bytes + added > kMlflowMaxBatchBytes) break;
                bytes += added;
                if (!list.empty()) list += ',';
                list += items[next];
            }
            return list;
        };
        const std::string paramList = take(paramItems, nextParam, kMlflowMaxParamsPerBatch);
        const std::string tagList = take(tagItems, nextTag, kMlflowMaxTagsPerBatch);
        const std::string metricList = take(metricItems, nextMetric, kMlflowMaxMetricsPerBatch);
        post("runs/log-batch", head + ",\"params\":[" + paramList + "],\"tags\":[" + tagList +
                                   "],\"metrics\":[" + metricList + "]}")
            .ok();
    }
}

void MlflowClient::updateRun(const std::string& runId, RunStatus status, int64_t endMs) {
    const Json body = {{"run_id", runId},
                       {"status", mlflowStatus(status)},
                       {"end_time", std::max<int64_t>(endMs, 0)}};
    post("runs/update", dumpJson(body)).ok();
}

std::string pushRun(MlflowClient& client, const RunRecord& record) {
    const KeyValues tags = mlflowTags(record);
    const std::string runId = client.createRun(client.experimentId(experimentName(record)),
                                               mlflowRunName(record), record.startMs,
                                               creationTags(tags));
    std::vector<MetricValue> metrics;
    metrics.reserve(record.metrics.size());
    for (const MetricValue& metric : record.metrics)
        metrics.push_back(withTimestamp(metric, endTime(record)));
    client.logBatch(runId, metrics, paramsOf(record), tags);
    if (record.status != RunStatus::Running)
        client.updateRun(runId, record.status, endTime(record));
    return runId;
}

// -- LiveMlflowRun --------------------------------------------------------------------------

LiveMlflowRun::LiveMlflowRun(MlflowEndpoint endpoint, double flushSeconds)
    : m_endpoint(std::move(endpoint)),
      // At least 10 ms: no busy loop; at most an hour: the period fits the clock's duration.
      m_flushSeconds(std::isfinite(flushSeconds) ? std::clamp(flushSeconds, 0.01, 3600.0) : 2) {}

LiveMlflowRun::~LiveMlflowRun() { stopThread(true); }

void LiveMlflowRun::start(const RunRecord& record) {
    if (m_started) return;
    m_started = true;
    m_thread = std::thread([this, record] { work(record); });
}

void LiveMlflowRun::add(const std::vector<MetricValue>& values) {
    if (values.empty()) return;
    const int64_t now = nowMs();
    std::lock_guard lock(m_mutex);
    if (m_error) return;  // nothing more is sent: the caller queues the whole run
    for (const MetricValue& value : values) m_pending.push_back(withTimestamp(value, now));
}

void LiveMlflowRun::work(const RunRecord& record) {
    try {
        MlflowClient client(m_endpoint);
        {
            std::lock_guard lock(m_mutex);
            if (m_cancelled) return;
        }
        const std::string runId =
            client.createRun(client.experimentId(experimentName(record)), mlflowRunName(record),
                             record.startMs, creationTags(mlflowTags(record)));
        {
            std::lock_guard lock(m_mutex);
            m_runId = runId;
        }
        const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(m_flushSeconds));
        for (;;) {
            std::vector<MetricValue> batch;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait_for(lock, period, [this] { return m_stopping; });
                if (m_stopping) return;  // finish() sends what is left
                batch.swap(m_pending);
            }
            if (batch.empty()) continue;
            client.logBatch(runId, batch, {}, {});
            std::lock_guard lock(m_mutex);
            for (const MetricValue& value : batch)
                m_sent.emplace(value.key, mlflowStep(value.step));
        }
    } catch (const Error& error) {
        fail(error);
    } catch (const std::exception& error) {
        fail(Error(Message(OFICINA_TR_NOOP("the MLflow logging stopped: %1"), {error.what()}),
                   m_endpoint.uri));
    }
}

bool LiveMlflowRun::finish(const RunRecord& record) {
    start(record);
    stopThread(false);
    const std::string id = runId();
    if (failed() || id.empty()) return false;
    try {
        MlflowClient client(m_endpoint);
        std::vector<MetricValue> metrics;
        {
            std::lock_guard lock(m_mutex);
            metrics.swap(m_pending);
            for (const MetricValue& value : metrics)
                m_sent.emplace(value.key, mlflowStep(value.step));
            for (const MetricValue& value : record.metrics)
                if (m_sent.emplace(value.key, mlflowStep(value.step)).second)
                    metrics.push_back(withTimestamp(value, endTime(record)));
        }
        client.logBatch(id, metrics, paramsOf(record), mlflowTags(record));
        if (record.status != RunStatus::Running)
            client.updateRun(id, record.status, endTime(record));
    } catch (const Error& error) {
        fail(error);
    } catch (const std::exception& error) {
        fail(Error(Message(OFICINA_TR_NOOP("the MLflow logging stopped: %1"), {error.what()}),
                   m_endpoint.uri));
    }
    return !failed();
}

bool LiveMlflowRun::failed() const {
    std::lock_guard lock(m_mutex);
    return m_error.has_value();
}

std::optional<Error> LiveMlflowRun::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

std::string LiveMlflowRun::runId() const {
    std::lock_guard lock(m_mutex);
    return m_runId;
}

void LiveMlflowRun::fail(const Error& error) {
    std::lock_guard lock(m_mutex);
    if (!m_error) m_error = error;
    m_pending.clear();
}

void LiveMlflowRun::stopThread(bool cancel) {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_cancelled = m_cancelled || cancel;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

} // namespace oficina::core::track

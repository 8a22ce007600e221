#pragma once

// A mock MLflow tracking server on 127.0.0.1 (an ephemeral port, its own thread) for tests: the
// REST API 2.0 endpoints Oficina uses (experiments/get-by-name and create, runs/create, log-batch
// and update), answered as MLflow answers them, with every request recorded and its body checked
// field by field as MLflow's server checks it (mlflow/server/handlers.py: types, required fields,
// unknown fields; mlflow/utils/validation.py: key names, value lengths, the log-batch limits),
// plus protobuf's JSON rules (int64 as a number or a decimal string, NaN and infinities only as
// the strings "NaN", "Infinity", "-Infinity"). A request that breaks a rule is answered as MLflow
// would (400 INVALID_PARAMETER_VALUE, 404 RESOURCE_DOES_NOT_EXIST) and its problems are kept:
// a test asserts problems().empty().
//
// Header-only, so that any test (or a small executable around it) can use it; it needs
// cpp-httplib (PkgConfig::HTTPLIB) and nlohmann::json.
//
// Example:
//     mlflowtest::MockMlflowServer server;
//     server.start();
//     MlflowClient client({.uri = server.uri()});
//     …
//     QVERIFY(server.problems().empty());

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace mlflowtest {

using Json = nlohmann::json;

struct RecordedRequest {
    std::string method;    ///< "GET", "POST"
    std::string endpoint;  ///< after /api/2.0/mlflow/, e.g. "runs/log-batch"
    std::map<std::string, std::string> query;
    std::string rawBody;
    Json body;       ///< the parsed body; null for a GET or a body that is not JSON
    int status = 0;  ///< the status the mock answered
    std::vector<std::string> problems;  ///< the protocol rules it broke
};

struct MockMetric {
    std::string key;
    Json value;  ///< as sent: a number, or "NaN", "Infinity", "-Infinity"
    int64_t timestamp = 0;
    int64_t step = 0;
};

struct MockRun {
    std::string id;
    std::string experimentId;
    std::string name;
    std::string status = "RUNNING";
    int64_t startTime = 0;
    int64_t endTime = 0;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
    std::vector<MockMetric> metrics;  ///< in the order received
};

struct MockExperiment {
    std::string id;
    std::string name;
    std::string lifecycleStage = "active";
};

class MockMlflowServer {
public:
    /// `prefix`: the path the API is mounted under, e.g. "/mlflow" (behind a reverse proxy).
    explicit MockMlflowServer(std::string prefix = {}) : m_prefix(std::move(prefix)) {
        const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
            handle(request, response);
        };
        m_server.Get(".*", handler);
        m_server.Post(".*", handler);
    }
    ~MockMlflowServer() { stop(); }
    MockMlflowServer(const MockMlflowServer&) = delete;
    MockMlflowServer& operator=(const MockMlflowServer&) = delete;

    /// Listens on 127.0.0.1, on a free port; returns the port. Throws std::runtime_error.
    int start() {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0) throw std::runtime_error("the mock MLflow server cannot listen");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // stop() before the loop runs would be lost: wait for it.
        for (int i = 0; i < 5000 && !m_server.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return m_port;
    }
    /// Releases held requests and stops listening; the port is then free (nothing answers).
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_release.notify_all();
        if (m_thread.joinable()) {
            m_server.stop();
            m_thread.join();
        }
    }
    [[nodiscard]] int port() const { return m_port; }
    /// http://127.0.0.1:PORT followed by the prefix.
    [[nodiscard]] std::string uri() const {
        return "http://127.0.0.1:" + std::to_string(m_port) + m_prefix;
    }

    /// An experiment the server already has; returns its id.
    std::string addExperiment(const std::string& name,
                              const std::string& lifecycleStage = "active") {
        std::lock_guard lock(m_mutex);
        return createExperiment(name, lifecycleStage);
    }
    /// The next `times` requests (to `endpoint` only, when given) are answered `status` with
    /// MLflow's error body {"error_code", "message"}, or with `message` as plain text when
    /// `errorCode` is empty (a proxy's error page), instead of being carried out.
    void failNext(int status, std::string errorCode, std::string message,
                  std::string endpoint = {}, int times = 1) {
        std::lock_guard lock(m_mutex);
        m_failures.push_back({std::move(endpoint), status, std::move(errorCode),
                              std::move(message), times});
    }
    /// While set, every request is recorded and then held unanswered, until cleared or stop()
    /// (then answered 503 without being carried out): a server that accepts and never answers.
    void setHang(bool hang) {
        {
            std::lock_guard lock(m_mutex);
            m_hang = hang;
        }
        m_release.notify_all();
    }

    [[nodiscard]] std::vector<RecordedRequest> requests() const {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    [[nodiscard]] std::vector<RecordedRequest> requests(const std::string& endpoint) const {
        std::vector<RecordedRequest> out;
        for (RecordedRequest& request : requests())
            if (request.endpoint == endpoint) out.push_back(std::move(request));
        return out;
    }
    [[nodiscard]] size_t requestCount() const {
        std::lock_guard lock(m_mutex);
        return m_requests.size();
    }
    /// Every rule broken by any request, "endpoint: problem".
    [[nodiscard]] std::vector<std::string> problems() const {
        std::vector<std::string> out;
        for (const RecordedRequest& request : requests())
            for (const std::string& problem : request.problems)
                out.push_back(request.endpoint + ": " + problem);
        return out;
    }
    [[nodiscard]] std::vector<MockExperiment> experiments() const {
        std::lock_guard lock(m_mutex);
        return m_experiments;
    }
    /// In the order created.
    [[nodiscard]] std::vector<MockRun> runs() const {
        std::lock_guard lock(m_mutex);
        return m_runs;
    }

private:
    struct Failure {
        std::string endpoint;
        int status = 500;
        std::string errorCode;
        std::string message;
        int times = 1;
    };

    /// Collects the problems of one request, with the field they are about.
    struct Checker {
        std::vector<std::string>& problems;

        void fail(const std::string& field, const std::string& what) {
            problems.push_back(field + ": " + what);
        }
        void allowOnly(const Json& object, const std::string& field,
                       const std::set<std::string>& names) {
            if (!object.is_object()) return fail(field, "is not a JSON object");
            for (const auto& item : object.items())
                if (!names.count(item.key())) fail(field + "." + item.key(), "unknown field");
        }
        /// A string field: its value, or nothing when absent or wrong.
        std::optional<std::string> string(const Json& object, const std::string& name,
                                          const std::string& field, bool required) {
            if (!object.is_object() || !object.contains(name)) {
                if (required) fail(field + name, "is required");
                return std::nullopt;
            }
            const Json& value = object[name];
            if (!value.is_string()) return fail(field + name, "is not a string"), std::nullopt;
            if (required && value.get_ref<const std::string&>().empty())
                return fail(field + name, "is required (empty)"), std::nullopt;
            return value.get<std::string>();
        }
        /// An int64 field: a JSON integer or a decimal string, as protobuf reads it.
        std::optional<int64_t> int64(const Json& object, const std::string& name,
                                     const std::string& field, bool required) {
            if (!object.is_object() || !object.contains(name)) {
                if (required) fail(field + name, "is required");
                return std::nullopt;
            }
            const Json& value = object[name];
            if (value.is_number_integer()) return value.get<int64_t>();
            if (value.is_string()) {
                const std::string& text = value.get_ref<const std::string&>();
                size_t used = 0;
                try {
                    const long long n = std::stoll(text, &used);
                    if (used == text.size()) return n;
                } catch (const std::exception&) {
                }
            }
            fail(field + name, "is not an int64: " + value.dump());
            return std::nullopt;
        }
        /// mlflow/utils/validation.py: _validate_param_name, path_not_unique, the 250 limit.
        void key(const std::string& key, const std::string& field) {
            if (key.empty()) return fail(field, "an empty key");
            for (const unsigned char c : key)
                if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '/'))
                    return fail(field, "invalid character in key '" + key + "'");
            if (key.front() == '/' || key.back() == '/' || key.find("//") != std::string::npos ||
                key == "." || key.starts_with("..") || key.find("/./") != std::string::npos ||
                key.find("/../") != std::string::npos || key.starts_with("./") ||
                key.ends_with("/.") || key.ends_with("/.."))
                fail(field, "key '" + key + "' would name another path");
            if (characters(key) > 250) fail(field, "key longer than 250 characters");
        }
        void length(const std::string& value, size_t limit, const std::string& field) {
            if (characters(value) > limit)
                fail(field, "longer than " + std::to_string(limit) + " characters");
        }
        /// A key/value list (params, tags): the keys and values in order, when well formed.
        std::vector<std::pair<std::string, std::string>> keyValues(const Json& object,
                                                                   const std::string& name,
                                                                   size_t valueLimit) {
            std::vector<std::pair<std::string, std::string>> out;
            if (!object.contains(name)) return out;
            const Json& list = object[name];
            if (!list.is_array()) return fail(name, "is not an array"), out;
            for (size_t i = 0; i < list.size(); ++i) {
                const std::string field = name + "[" + std::to_string(i) + "].";
                allowOnly(list[i], field, {"key", "value"});
                const auto k = string(list[i], "key", field, true);
                const auto v = string(list[i], "value", field, false);
                if (!k) continue;
                key(*k, field + "key");
                if (v) length(*v, valueLimit, field + "value");
                out.emplace_back(*k, v.value_or(""));
            }
            return out;
        }
        static size_t characters(const std::string& text) {
            size_t n = 0;
            for (const unsigned char c : text) n += (c & 0xC0) != 0x80;
            return n;
        }
    };

    /// An int64 the Checker accepted.
    static int64_t asInt64(const Json& value) {
        return value.is_string() ? std::stoll(value.get<std::string>()) : value.get<int64_t>();
    }
    static Json error(const std::string& code, const std::string& message) {
        return {{"error_code", code}, {"message", message}};
    }

    std::string createExperiment(const std::string& name, const std::string& lifecycleStage) {
        const std::string id = std::to_string(m_experiments.size() + 1);
        m_experiments.push_back({id, name, lifecycleStage});
        return id;
    }
    MockExperiment* experimentNamed(const std::string& name) {
        for (MockExperiment& e : m_experiments)
            if (e.name == name) return &e;
        return nullptr;
    }
    MockRun* runWithId(const std::string& id) {
        for (MockRun& run : m_runs)
            if (run.id == id) return &run;
        return nullptr;
    }
    static Json runInfo(const MockRun& run) {
        return {{"run_id", run.id},          {"run_uuid", run.id},
                {"run_name", run.name},      {"experiment_id", run.experimentId},
                {"user_id", ""},             {"status", run.status},
                {"start_time", run.startTime}, {"artifact_uri", "mlflow-artifacts:/" + run.id},
                {"lifecycle_stage", "active"}};
    }

    void handle(const httplib::Request& request, httplib::Response& response) {
        const std::string api = m_prefix + "/api/2.0/mlflow/";
        RecordedRequest record;
        record.method = request.method;
        record.endpoint = request.path.starts_with(api) ? request.path.substr(api.size())
                                                        : request.path;
        for (const auto& [name, value] : request.params) record.query[name] = value;
        record.rawBody = request.body;
        std::unique_lock lock(m_mutex);
        if (m_hang) {
            record.status = 503;
            m_requests.push_back(record);
            m_release.wait(lock, [this] { return !m_hang || m_stopping; });
            response.status = 503;
            return;
        }
        Checker check{record.problems};
        Json answer = Json::object();
        int status = 200;
        if (request.method == "POST") {
            if (!request.get_header_value("Content-Type").starts_with("application/json"))
                check.fail("Content-Type", "not application/json");
            record.body = Json::parse(request.body, nullptr, false);
            if (record.body.is_discarded()) {
                check.fail("body", "is not JSON");
                record.body = Json();
            } else if (!record.body.is_object()) {
                check.fail("body", "is not a JSON object");
            }
        } else if (!request.body.empty()) {
            check.fail("body", "a GET with a body");
        }
        const Json body = record.body.is_object() ? record.body : Json::object();
        const auto expect = [&](const char* method) {
            if (request.method != method)
                check.fail("method", request.method + " instead of " + method);
        };
        // Checked first, carried out only if sound and no failure is injected.
        std::function<void()> carryOut;
        if (record.endpoint == "experiments/get-by-name") {
            expect("GET");
            const auto name = record.query.find("experiment_name");
            if (name == record.query.end() || name->second.empty())
                check.fail("experiment_name", "is required");
            for (const auto& item : record.query)
                if (item.first != "experiment_name") check.fail(item.first, "unknown parameter");
            carryOut = [&, name] {
                const MockExperiment* e = experimentNamed(name->second);
                if (!e) {
                    status = 404;
                    answer = error("RESOURCE_DOES_NOT_EXIST",
                                   "Could not find experiment with name '" + name->second + "'");
                    return;
                }
                answer = {{"experiment",
                           {{"experiment_id", e->id}, {"name", e->name},
                            {"artifact_location", "mlflow-artifacts:/" + e->id},
                            {"lifecycle_stage", e->lifecycleStage}}}};
            };
        } else if (record.endpoint == "experiments/create") {
            expect("POST");
            check.allowOnly(body, "body", {"name", "artifact_location", "tags"});
            const auto name = check.string(body, "name", "", true);
            check.string(body, "artifact_location", "", false);
            check.keyValues(body, "tags", 5000);
            if (name) check.length(*name, 500, "name");
            carryOut = [&, name] {
                if (experimentNamed(*name)) {
                    status = 400;
                    answer = error("RESOURCE_ALREADY_EXISTS",
                                   "Experiment '" + *name + "' already exists.");
                    return;
                }
                answer = {{"experiment_id", createExperiment(*name, "active")}};
            };
        } else if (record.endpoint == "runs/create") {
            expect("POST");
            check.allowOnly(body, "body",
                            {"experiment_id", "user_id", "run_name", "start_time", "tags"});
            const auto experimentId = check.string(body, "experiment_id", "", true);
            const auto runName = check.string(body, "run_name", "", false);
            const auto startTime = check.int64(body, "start_time", "", false);
            check.string(body, "user_id", "", false);
            const auto tags = check.keyValues(body, "tags", 5000);
            const MockExperiment* experiment = nullptr;
            for (const MockExperiment& e : m_experiments)
                if (experimentId && e.id == *experimentId) experiment = &e;
            if (experimentId && !experiment) check.fail("experiment_id", "no such experiment");
            if (experiment && experiment->lifecycleStage != "active")
                check.fail("experiment_id", "the experiment is deleted");
            for (const auto& [key, value] : tags)
                if (key == "mlflow.runName" && runName && value != *runName)
                    check.fail("tags", "mlflow.runName differs from run_name");
            carryOut = [&, experimentId, runName, startTime, tags] {
                MockRun run;
                char id[33];
                std::snprintf(id, sizeof id, "%032zx", m_runs.size() + 0xa11ce);
                run.id = id;
                run.experimentId = *experimentId;
                run.name = runName.value_or("");
                run.startTime = startTime.value_or(0);
                for (const auto& [key, value] : tags) run.tags[key] = value;
                m_runs.push_back(run);
                Json tagList = Json::array();
                for (const auto& [key, value] : run.tags)
                    tagList.push_back({{"key", key}, {"value", value}});
                answer = {{"run", {{"info", runInfo(run)}, {"data", {{"tags", tagList}}}}}};
            };
        } else if (record.endpoint == "runs/log-batch") {
            expect("POST");
            checkLogBatch(check, body, request.body.size());
            carryOut = [&] {
                MockRun& run = *runWithId(body["run_id"].get<std::string>());
                for (const Json& p : body.value("params", Json::array()))
                    run.params[p["key"].get<std::string>()] = p.value("value", "");
                for (const Json& t : body.value("tags", Json::array()))
                    run.tags[t["key"].get<std::string>()] = t.value("value", "");
                for (const Json& m : body.value("metrics", Json::array()))
                    run.metrics.push_back({m["key"].get<std::string>(), m["value"],
                                           asInt64(m["timestamp"]),
                                           m.contains("step") ? asInt64(m["step"]) : 0});
            };
        } else if (record.endpoint == "runs/update") {
            expect("POST");
            check.allowOnly(body, "body", {"run_id", "run_uuid", "status", "end_time", "run_name"});
            const auto runId = check.string(body, "run_id", "", true);
            const auto runStatus = check.string(body, "status", "", false);
            const auto endTime = check.int64(body, "end_time", "", false);
            check.string(body, "run_name", "", false);
            static const std::set<std::string> statuses = {"RUNNING", "SCHEDULED", "FINISHED",
                                                           "FAILED", "KILLED"};
            if (runStatus && !statuses.count(*runStatus))
                check.fail("status", "not a RunStatus: " + *runStatus);
            if (runId && !runWithId(*runId)) check.fail("run_id", "no such run");
            carryOut = [&, runId, runStatus, endTime] {
                MockRun& run = *runWithId(*runId);
                if (runStatus) run.status = *runStatus;
                if (endTime) run.endTime = *endTime;
                answer = {{"run_info", runInfo(run)}};
            };
        } else {
            check.fail("endpoint", "not an MLflow endpoint: " + request.path);
            status = 404;
            answer = error("ENDPOINT_NOT_FOUND", "No such endpoint: " + request.path);
        }

        if (!record.problems.empty() || status != 200) {
            if (status == 200) {
                status = 400;
                answer = error("INVALID_PARAMETER_VALUE", record.problems.back());
            }
        } else if (!m_failures.empty() && (m_failures.front().endpoint.empty() ||
                                           m_failures.front().endpoint == record.endpoint)) {
            Failure& failure = m_failures.front();
            status = failure.status;
            answer = failure.errorCode.empty() ? Json(failure.message)
                                               : error(failure.errorCode, failure.message);
            if (--failure.times == 0) m_failures.pop_front();
        } else if (carryOut) {
            carryOut();
        }
        record.status = status;
        response.status = status;
        if (answer.is_string())
            response.set_content(answer.get<std::string>(), "text/html");
        else
            response.set_content(answer.dump(), "application/json");
        m_requests.push_back(std::move(record));
    }

    /// handlers.py _log_batch and validation.py _validate_batch_log_limits / _data.
    void checkLogBatch(Checker& check, const Json& body, size_t bytes) {
        check.allowOnly(body, "body", {"run_id", "metrics", "params", "tags"});
        const auto runId = check.string(body, "run_id", "", true);
        if (runId && !runWithId(*runId)) check.fail("run_id", "no such run");
        if (bytes > 1000000) check.fail("body", std::to_string(bytes) + " bytes, over 1 MB");
        const auto params = check.keyValues(body, "params", 6000);
        const auto tags = check.keyValues(body, "tags", 5000);
        size_t metricCount = 0;
        if (body.contains("metrics")) {
            const Json& metrics = body["metrics"];
            if (!metrics.is_array()) check.fail("metrics", "is not an array");
            else metricCount = metrics.size();
            for (size_t i = 0; metrics.is_array() && i < metrics.size(); ++i) {
                const Json& m = metrics[i];
                const std::string field = "metrics[" + std::to_string(i) + "].";
                check.allowOnly(m, field, {"key", "value", "timestamp", "step", "run_id",
                                           "model_id", "dataset_name", "dataset_digest"});
                if (const auto key = check.string(m, "key", field, true))
                    check.key(*key, field + "key");
                if (!m.is_object() || !m.contains("value")) {
                    check.fail(field + "value", "is required");
                } else {
                    const Json& v = m["value"];
                    const bool special = v.is_string() && (v == "NaN" || v == "Infinity" ||
                                                           v == "-Infinity");
                    if (!v.is_number() && !special)
                        check.fail(field + "value", "is not a double: " + v.dump());
                }
                const auto timestamp = check.int64(m, "timestamp", field, true);
                if (timestamp && *timestamp < 0) check.fail(field + "timestamp", "is negative");
                check.int64(m, "step", field, false);
            }
        }
        if (metricCount > 1000) check.fail("metrics", "more than 1000");
        if (params.size() > 100) check.fail("params", "more than 100");
        if (tags.size() > 100) check.fail("tags", "more than 100");
        if (metricCount + params.size() + tags.size() > 1000)
            check.fail("body", "more than 1000 metrics, params and tags in total");
        std::set<std::string> keys;
        const MockRun* run = runId ? runWithId(*runId) : nullptr;
        for (const auto& [key, value] : params) {
            if (!keys.insert(key).second) check.fail("params", "duplicate key " + key);
            if (run && run->params.count(key) && run->params.at(key) != value)
                check.fail("params", "changes the value of " + key);
        }
    }

    std::string m_prefix;
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::condition_variable m_release;
    bool m_hang = false;
    bool m_stopping = false;
    std::deque<Failure> m_failures;
    std::vector<RecordedRequest> m_requests;
    std::vector<MockExperiment> m_experiments;
    std::vector<MockRun> m_runs;
};

} // namespace mlflowtest

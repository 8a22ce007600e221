#pragma once

// A client of an MLflow tracking server's REST API 2.0 (experiments/get-by-name and create,
// runs/create, log-batch and update): `oficina-cli run --mlflow-uri` logs a run live with it, and
// the retry queue sends a finished run again. The protocol: MLflow's mlflow/protos/service.proto,
// its limits: mlflow/utils/validation.py.
//
// Example:
//     MlflowClient client({.uri = "http://127.0.0.1:5000"});
//     const std::string mlflowRunId = pushRun(client, store.run("12"));

#include "track/MlflowNames.h"
#include "track/RunStore.h"
#include "util/Error.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace oficina::core::track {

/// MLflow's limits on one runs/log-batch request (mlflow/utils/validation.py); the client splits
/// larger batches. The limits on keys and values: MlflowNames.h.
inline constexpr size_t kMlflowMaxMetricsPerBatch = 1000;
inline constexpr size_t kMlflowMaxParamsPerBatch = 100;
inline constexpr size_t kMlflowMaxTagsPerBatch = 100;
inline constexpr size_t kMlflowMaxEntitiesPerBatch = 1000;
inline constexpr size_t kMlflowMaxBatchBytes = 1000000;
/// The tag that lists the parameters whose values were cut to kMlflowMaxParamValueLength.
inline constexpr const char* kMlflowTruncatedParamsTag = "oficina.truncated_params";

/// Example: {.uri = "http://mlflow.example.org:5000", .timeoutSeconds = 10}
struct MlflowEndpoint {
    /// http://HOST:PORT or https://HOST:PORT, optionally followed by the path the server is
    /// mounted under (http://HOST/mlflow).
    std::string uri;
    /// The longest wait to connect, to send a request and for each answer.
    double timeoutSeconds = 10;
};

/// One tracking server. Each call is one or a few blocking HTTP requests, each bounded by the
/// endpoint's timeout; a failure throws Error whose `where` is the request's URL and whose
/// message quotes the server's error_code and message, or says that it cannot be reached.
/// Not thread-safe: one thread at a time.
class MlflowClient {
public:
    /// Throws Error when the URI is not http(s)://HOST[:PORT][/PATH].
    explicit MlflowClient(MlflowEndpoint endpoint);

    [[nodiscard]] const MlflowEndpoint& endpoint() const { return m_endpoint; }
    /// The id of the experiment named `name`, created when the server has none. Throws Error for
    /// an experiment that is deleted on the server (it would refuse new runs).
    std::string experimentId(const std::string& name);
    /// Creates a running run; returns its MLflow run id.
    std::string createRun(const std::string& experimentId, const std::string& runName,
                          int64_t startMs, const KeyValues& tags);
    /// Logs metric values, parameters and tags in as many requests as MLflow's limits need.
    /// Keys pass through mlflowKey(); values longer than MLflow's limits are cut, and the cut
    /// parameters are named in the tag kMlflowTruncatedParamsTag. NaN and ±infinity are sent as
    /// MLflow's "NaN", "Infinity" and "-Infinity"; a timestamp below 0 as 0.
    void logBatch(const std::string& runId, const std::vector<MetricValue>& metrics,
                  const KeyValues& params, const KeyValues& tags);
    void updateRun(const std::string& runId, RunStatus status, int64_t endMs);

private:
    struct Answer;
    Answer send(const std::string& method, const std::string& endpoint,
                const std::string& body) const;
    Answer post(const std::string& endpoint, const std::string& body) const;

    MlflowEndpoint m_endpoint;
    std::string m_origin;  ///< scheme://host:port
    std::string m_prefix;  ///< the path the server is mounted under, without a trailing '/'
};

/// Logs a finished RunRecord as a whole: the experiment (created if need be), a run with the
/// record's name and start, its parameters, metrics and tags, then its status and end (a record
/// still running stays running). Returns the MLflow run id. Throws Error as MlflowClient does.
std::string pushRun(MlflowClient& client, const RunRecord& record);

/// Logs a run to a tracking server while it runs. start() hands the run's creation to a
/// background thread and returns at once; add() buffers metric values, which that thread sends
/// in batches at most every `flushSeconds`; finish() sends the rest, the parameters, the tags and
/// the final status, and waits for it. The first failure (server down, an error answer, no answer
/// within the timeout) stops every later request: failed() and error() then say why, and the
/// caller warns and queues the run (RunStore::queuePush). Nothing here throws for the server.
/// start(), finish() and the destructor from one thread; add() and the getters from any.
/// The destructor stops and joins the thread without finishing the run.
class LiveMlflowRun {
public:
    explicit LiveMlflowRun(MlflowEndpoint endpoint, double flushSeconds = 2);
    ~LiveMlflowRun();
    LiveMlflowRun(const LiveMlflowRun&) = delete;
    LiveMlflowRun& operator=(const LiveMlflowRun&) = delete;

    /// `record` as the run store began it: experiment, number, id, pipeline, start, note.
    void start(const RunRecord& record);
    void add(const std::vector<MetricValue>& values);
    /// Sends the metrics of `record` not yet sent (by key and step), its parameters and tags,
    /// and its status and end. Returns !failed(). Starts the run first if start() was not called.
    bool finish(const RunRecord& record);

    [[nodiscard]] bool failed() const;
    [[nodiscard]] std::optional<Error> error() const;
    /// The MLflow run id once the server created the run; empty before (or if it failed).
    [[nodiscard]] std::string runId() const;

private:
    void work(const RunRecord& record);
    void fail(const Error& error);
    void stopThread(bool cancel);

    MlflowEndpoint m_endpoint;
    double m_flushSeconds;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<MetricValue> m_pending;
    std::set<std::pair<std::string, int64_t>> m_sent;  ///< (key, step) already logged
    std::optional<Error> m_error;
    std::string m_runId;
    bool m_started = false;
    bool m_stopping = false;   ///< the thread sends nothing more and ends
    bool m_cancelled = false;  ///< not even the run's creation (destroyed before finish)
};

} // namespace oficina::core::track

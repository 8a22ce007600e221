#pragma once

// The run store: every run of a pipeline, its parameters, input files, metrics and artifacts,
// and the model registry, in one SQLite database per workspace folder (.oficina/runs.db) with
// the artifacts beside it, stored once by content hash. Format: docs/runs.md.
//
// Several processes may use one store at a time (WAL, a busy timeout, one transaction per
// write). A running run holds an owner lock (flock on locks/<id>.lock, which the kernel drops
// when its process dies); opening the store marks running runs whose lock is free `crashed`.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::track {

/// The schema this build writes; older stores are migrated on open, newer ones refused.
inline constexpr int kStoreSchemaVersion = 1;
inline constexpr const char* kStoreFolder = ".oficina";
inline constexpr const char* kStoreFile = "runs.db";

enum class RunStatus { Running, Finished, Failed, Stopped, Crashed };
const char* toString(RunStatus status);  ///< "running", "finished"…
std::optional<RunStatus> parseRunStatus(std::string_view text);

/// A data file a run read.
struct InputFile {
    std::string node;  ///< the node that read it
    std::string path;  ///< absolute
    uint64_t size = 0;
    int64_t modifiedNs = 0;  ///< modification time, nanoseconds since the epoch
    std::string sha256;      ///< of the file's bytes; empty for a folder or a stream
    size_t rows = 0;         ///< of the table the node made of it
    size_t columns = 0;
    /// Column name and type ("numeric", "categorical"…), in order.
    std::vector<std::pair<std::string, std::string>> schema;
};

/// One value of a metric. Scalars (a node's final accuracy) have step 0 and series == false;
/// series (loss per epoch, score per fold) have one value per step.
struct MetricValue {
    std::string key;  ///< "NODE.METRIC", e.g. "evaluate.accuracy", "train.loss"
    double value = 0;
    double step = 0;
    int64_t timestampMs = 0;
    bool series = false;
};

/// A file kept with a run, stored once by content hash under artifacts/.
struct Artifact {
    std::string name;  ///< the file's name as the run wrote it, e.g. "model.ofmodel"
    std::string kind;  ///< "model_package", "onnx", "report", "chart", "card", "file"
    std::string node;  ///< the node that made it, if one did
    std::string sha256;
    uint64_t size = 0;
};

struct RunRecord {
    std::string id;      ///< 32 lower-case hex digits (the shape of an MLflow run id)
    int64_t number = 0;  ///< 1, 2, 3… in this store: what people type
    std::string experiment;    ///< the pipeline's name, e.g. "churn" for churn.oficina
    std::string pipelinePath;  ///< absolute; empty for an unsaved pipeline
    std::string pipelineText;  ///< the canonical pipeline file as it ran
    std::string pipelineHash;  ///< SHA-256 of pipelineText
    std::string source;        ///< "gui" or "cli"
    RunStatus status = RunStatus::Running;
    std::string failedNode;  ///< the first node that failed, for status Failed
    std::string message;     ///< why it failed, in English
    int64_t startMs = 0;     ///< milliseconds since the epoch
    int64_t endMs = 0;       ///< 0 while it runs
    /// Every parameter of every node as "NODE.PARAM" → its display text, overrides applied.
    std::map<std::string, std::string> params;
    std::vector<std::string> overrides;  ///< `--set` as given, in order
    std::map<std::string, uint64_t> seeds;  ///< "NODE.seed" → value
    /// "oficina", "pipeline_format", "model_package_format", "xgboost", "sqlite", "eigen"…
    std::map<std::string, std::string> versions;
    /// Whether a re-run on the same data gives the same numbers bit for bit ("exact"), or may
    /// differ in the last bits (networks, multi-threaded XGBoost): "last_bits".
    std::string reproducibility = "exact";
    std::vector<InputFile> inputs;
    std::vector<MetricValue> metrics;
    std::vector<Artifact> artifacts;
    /// The machine-readable run report (pipeline/RunReport.h) as JSON text: per-node states,
    /// warnings, scalars and tables such as confusion matrices; without the metric series (they
    /// are in `metrics`) and point matrices (curves with a point per test row).
    std::string report;
    std::string note;
    std::vector<std::string> tags;
};

/// A row of the runs list: no pipeline text, report or series.
struct RunSummary {
    std::string id;
    int64_t number = 0;
    std::string experiment;
    std::string pipelinePath;
    std::string source;
    RunStatus status = RunStatus::Running;
    std::string failedNode;
    int64_t startMs = 0;
    int64_t endMs = 0;
    std::vector<std::string> dataFiles;  ///< input file names (no folders)
    std::map<std::string, std::string> params;
    std::map<std::string, double> metrics;  ///< scalars only
    std::string note;
    std::vector<std::string> tags;
};

struct RunQuery {
    std::string experiment;  ///< empty: all
    std::optional<RunStatus> status;
    std::string text;        ///< in the id, experiment, note, tags or a data file name
    size_t limit = 0;        ///< 0: all, newest first
};

struct ModelVersion {
    std::string name;
    int64_t version = 0;
    std::string runId;
    std::string node;           ///< the node whose model it is
    std::string artifactSha256; ///< the model package (.ofmodel) in the store
    std::string description;
    int64_t createdMs = 0;
    std::string dataFingerprint;  ///< SHA-256 of the training cells (the package's manifest)
    std::string pipelineHash;
    std::vector<std::string> aliases;
};

struct RegisteredModel {
    std::string name;
    std::string description;
    int64_t createdMs = 0;
    int64_t updatedMs = 0;
    int64_t latestVersion = 0;
    std::map<std::string, int64_t> aliases;  ///< "champion" → 2
};

/// A run whose logging to an MLflow tracking server failed, to be sent again.
struct QueuedPush {
    int64_t id = 0;
    std::string runId;
    std::string uri;
    std::string error;
    int64_t queuedMs = 0;
    int attempts = 0;
};

/// Milliseconds since the epoch: the times the store keeps.
int64_t epochMilliseconds();

/// Where a pipeline's runs go: the database OFICINA_RUN_STORE names when it is set (CI, test
/// suites), else <folder>/.oficina/runs.db beside the pipeline file, or, for an unsaved pipeline
/// (empty path) or a folder the user cannot write, userStorePath().
std::string defaultStorePath(const std::string& pipelinePath);
/// $XDG_DATA_HOME/oficina/runs.db, else ~/.local/share/oficina/runs.db.
std::string userStorePath();

class RunStore {
public:
    /// Opens or creates the database (and its folder), migrates an older schema and marks
    /// orphaned running runs crashed. Throws Error naming the file: not a run store, made by a
    /// newer Oficina, unreadable.
    explicit RunStore(const std::string& databasePath);
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    [[nodiscard]] const std::string& path() const;
    /// The folder the artifacts are stored in: artifacts/ beside the database.
    [[nodiscard]] std::string artifactFolder() const;

    // -- Writing a run --------------------------------------------------------------------
    /// Records a new running run from `record` (its id and number are assigned and written
    /// back) and takes its owner lock, held until finishRun or this store is destroyed.
    void beginRun(RunRecord& record);
    /// Appends metric values to a running run (live series); one transaction.
    void logMetrics(const std::string& runId, const std::vector<MetricValue>& values);
    /// Copies a file into the store (once per content) and lists it with the run.
    Artifact addArtifactFile(const std::string& runId, const std::string& file,
                             const std::string& kind, const std::string& node = {});
    /// The same from bytes in memory (a chart's PNG), under `name`.
    Artifact addArtifact(const std::string& runId, const std::string& name, std::string_view bytes,
                         const std::string& kind, const std::string& node = {});
    /// Writes the finished record: status, end time, parameters, inputs, metrics (replacing
    /// those logged live), report; artifacts already added are kept, those in record.artifacts
    /// that are not yet listed are added. Releases the owner lock.
    void finishRun(const RunRecord& record);

    // -- Reading and editing ---------------------------------------------------------------
    [[nodiscard]] std::vector<RunSummary> listRuns(const RunQuery& query = {}) const;
    /// A run by its id, a unique prefix of it (at least 6 digits), or its number ("12" or
    /// "#12"). Throws Error saying which runs are in the store when none matches.
    [[nodiscard]] RunRecord run(std::string_view idOrNumber) const;
    /// The stored file of an artifact; it exists.
    [[nodiscard]] std::string artifactPath(const Artifact& artifact) const;
    void setNote(const std::string& runId, const std::string& note);
    void setTags(const std::string& runId, const std::vector<std::string>& tags);
    /// Deletes the runs and the artifacts no other run or model version uses. A run that a
    /// registered model version comes from is refused (Error naming the model).
    void deleteRuns(const std::vector<std::string>& runIds);

    // -- Model registry --------------------------------------------------------------------
    /// Registers the model package a run stored (from `node`; empty: the run's only one) as the
    /// next version of `name`, creating the model. Throws Error when the run has no package from
    /// that node or the name is not valid (letters, digits, '.', '_', '-').
    ModelVersion registerModel(const std::string& name, const std::string& runId,
                               const std::string& node = {}, const std::string& description = {});
    [[nodiscard]] std::vector<RegisteredModel> listModels() const;
    [[nodiscard]] std::vector<ModelVersion> modelVersions(const std::string& name) const;
    /// "churn" (latest version), "churn/2", "churn@champion", each also after "models:/".
    /// Throws Error naming what is missing.
    [[nodiscard]] ModelVersion resolveModel(std::string_view reference) const;
    /// Points `alias` at a version of `name` (moving it from another); version 0 removes it.
    void setAlias(const std::string& name, const std::string& alias, int64_t version);
    void setModelDescription(const std::string& name, const std::string& description);

    // -- MLflow retry queue ----------------------------------------------------------------
    void queuePush(const std::string& runId, const std::string& uri, const std::string& error);
    [[nodiscard]] std::vector<QueuedPush> queuedPushes(const std::string& uri) const;
    /// Removes a queued push (sent), or counts a failed attempt with its error.
    void settlePush(int64_t id, bool sent, const std::string& error = {});

    /// A store's fingerprint of a file it already hashed, when path, size and modification
    /// time are unchanged: a re-run does not hash its data again.
    [[nodiscard]] std::optional<std::string> knownHash(const std::string& path, uint64_t size,
                                                       int64_t modifiedNs) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace oficina::core::track

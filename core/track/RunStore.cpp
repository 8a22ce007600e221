#include "track/RunStore.h"

#include "track/RunStoreState.h"
#include "track/StoreSchema.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Sha256.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace oficina::core::track {

namespace {

using Json = nlohmann::json;

// 'OFIC': tells our databases from other SQLite files.
constexpr int64_t kApplicationId = 0x4F464943;

std::string randomRunId() {
    std::random_device device;
    std::mt19937_64 generator((uint64_t(device()) << 32) ^ device() ^
                              uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()));
    char digits[33];
    std::snprintf(digits, sizeof digits, "%016llx%016llx",
                  static_cast<unsigned long long>(generator()),
                  static_cast<unsigned long long>(generator()));
    return digits;
}

std::string lockPath(const std::string& folder, const std::string& runId) {
    return folder + "/locks/" + runId + ".lock";
}

Json jsonOr(const std::string& text, Json fallback) {
    Json parsed = Json::parse(text, nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

std::vector<std::string> stringList(const std::string& text) {
    std::vector<std::string> out;
    const Json json = jsonOr(text, Json::array());
    if (json.is_array())
        for (const auto& item : json)
            if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

std::string packParams(const std::map<std::string, std::string>& params) {
    std::string blob;
    for (const auto& [key, value] : params) {
        blob += key;
        blob += '\0';
        blob += value;
        blob += '\0';
    }
    return blob;
}

std::map<std::string, std::string> unpackParams(std::string_view blob) {
    std::map<std::string, std::string> params;
    while (!blob.empty()) {
        const size_t keyEnd = blob.find('\0');
        const size_t valueEnd = keyEnd == std::string_view::npos ? keyEnd : blob.find('\0', keyEnd + 1);
        if (valueEnd == std::string_view::npos) break;  // a damaged blob: what came before
        params.emplace_hint(params.end(), blob.substr(0, keyEnd),
                            blob.substr(keyEnd + 1, valueEnd - keyEnd - 1));
        blob.remove_prefix(valueEnd + 1);
    }
    return params;
}

double storedValue(const SqliteStatement& row, int column) {
    // SQLite stores NaN as NULL.
    return row.isNull(column) ? std::nan("") : row.real(column);
}

} // namespace

int64_t epochMilliseconds() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const char* toString(RunStatus status) {
    switch (status) {
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Stopped: return "stopped";
    case RunStatus::Crashed: return "crashed";
    }
    return "running";
}

std::optional<RunStatus> parseRunStatus(std::string_view text) {
    for (RunStatus s : {RunStatus::Running, RunStatus::Finished, RunStatus::Failed,
                        RunStatus::Stopped, RunStatus::Crashed})
        if (text == toString(s)) return s;
    return std::nullopt;
}

std::string userStorePath() {
    std::string base;
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data == '/')
        base = data;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = fs::temp_directory_path().string();
    return base + "/oficina/" + kStoreFile;
}

std::string defaultStorePath(const std::string& pipelinePath) {
    if (const char* chosen = std::getenv("OFICINA_RUN_STORE"); chosen && *chosen) return chosen;
    if (pipelinePath.empty()) return userStorePath();
    std::error_code error;
    fs::path folder = fs::absolute(fs::path(pipelinePath), error).parent_path();
    const fs::path store = folder / kStoreFolder;
    // A folder the user cannot write (an example shipped read-only, a mounted share) keeps
    // its runs in the user's store.
    const bool writable = fs::is_directory(store, error)
                              ? ::access(store.c_str(), W_OK) == 0
                              : ::access(folder.c_str(), W_OK) == 0;
    return writable ? (store / kStoreFile).string() : userStorePath();
}

int64_t RunStore::State::runNumber(const std::string& runId) const {
    auto query = db.prepare("SELECT number FROM runs WHERE id = ?1");
    query.bind(1, runId);
    if (!query.step())
        throw Error(Message(OFICINA_TR_NOOP("the run store has no run %1"), {runId}), path);
    return query.integer(0);
}

void RunStore::State::listArtifact(int64_t run, const Artifact& artifact) {
    db.prepare("INSERT INTO artifacts (run, name, kind, node, sha256, size) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, run)
        .bind(2, artifact.name)
        .bind(3, artifact.kind)
        .bind(4, artifact.node)
        .bind(5, artifact.sha256)
        .bind(6, int64_t(artifact.size))
        .run();
}

RunStore::RunStore(const std::string& databasePath) {
    std::error_code error;
    const fs::path file = fs::absolute(fs::path(databasePath), error);
    fs::create_directories(file.parent_path(), error);
    if (error)
        throw Error(Message(OFICINA_TR_NOOP("cannot create the run store's folder: %1"),
                            {error.message()}),
                    file.parent_path().string());
    m_state = std::make_unique<State>(file.string());
    m_state->folder = file.parent_path().string();
    SqliteDatabase& db = m_state->db;

    // A database some other program made: refuse it before writing anything into it.
    int64_t applicationId = 0, version = 0;
    {
        auto query = db.prepare("PRAGMA application_id");
        if (query.step()) applicationId = query.integer(0);
        auto tables = db.prepare("SELECT count(*) FROM sqlite_master");
        tables.step();
        if (applicationId != kApplicationId && tables.integer(0) > 0)
            throw Error(Message(OFICINA_TR_NOOP("not a run store: an SQLite database of some "
                                                "other program")),
                        m_state->path);
    }
    db.execute("PRAGMA journal_mode = WAL");
    db.execute("PRAGMA synchronous = NORMAL");
    db.execute("PRAGMA foreign_keys = ON");
    // Listing 10,000 runs reads some 300,000 rows: map the file rather than copy its pages.
    db.execute("PRAGMA mmap_size = 268435456");
    db.execute("PRAGMA cache_size = -16384");
    {
        SqliteTransaction transaction(db);
        auto query = db.prepare("PRAGMA user_version");
        query.step();
        version = query.integer(0);
        if (version > kStoreSchemaVersion)
            throw Error(Message(OFICINA_TR_NOOP("the run store was made by a newer Oficina "
                                                "(schema %1; this one reads up to %2)"),
                                {std::to_string(version), std::to_string(kStoreSchemaVersion)}),
                        m_state->path);
        for (int64_t v = version; v < kStoreSchemaVersion; ++v) db.execute(kMigrations[size_t(v)]);
        if (version < kStoreSchemaVersion) {
            db.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
            db.execute("PRAGMA user_version = " + std::to_string(kStoreSchemaVersion));
        }
        transaction.commit();
    }
    fs::create_directories(m_state->folder + "/locks", error);

    // Runs whose owner lock is free lost their process (a crash, kill -9, power loss).
    std::vector<std::string> orphans;
    {
        auto running = db.prepare("SELECT id FROM runs WHERE status = 'running'");
        while (running.step()) {
            const std::string id = running.text(0);
            const int fd = ::open(lockPath(m_state->folder, id).c_str(), O_RDWR | O_CLOEXEC);
            if (fd < 0) {
                if (errno == ENOENT) orphans.push_back(id);
                continue;
            }
            if (::flock(fd, LOCK_EX | LOCK_NB) == 0) orphans.push_back(id);
            ::close(fd);
        }
    }
    for (const auto& id : orphans) {
        db.prepare("UPDATE runs SET status = 'crashed', end_ms = ?2, message = ?3 "
                   "WHERE id = ?1 AND status = 'running'")
            .bind(1, id)
            .bind(2, epochMilliseconds())
            .bind(3, std::string("the process running it ended before the run did (a crash, "
                                 "kill or power loss)"))
            .run();
        ::unlink(lockPath(m_state->folder, id).c_str());
    }
}

RunStore::~RunStore() {
    if (!m_state) return;
    for (const auto& [id, fd] : m_state->ownerLocks) ::close(fd);
}

const std::string& RunStore::path() const { return m_state->path; }

std::string RunStore::artifactFolder() const { return m_state->folder + "/artifacts"; }

void RunStore::beginRun(RunRecord& record) {
    std::lock_guard lock(m_state->mutex);
    record.id = randomRunId();
    record.status = RunStatus::Running;
    if (record.startMs == 0) record.startMs = epochMilliseconds();
    // The lock before the row: whoever sees the running row also sees its owner.
    const std::string lockFile = lockPath(m_state->folder, record.id);
    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (fd >= 0) ::close(fd);
        throw Error(Message(OFICINA_TR_NOOP("cannot lock the run: %1"), {std::strerror(errno)}),
                    lockFile);
    }
    try {
        SqliteTransaction transaction(m_state->db);
        m_state->db
            .prepare("INSERT INTO runs (id, experiment, pipeline_path, pipeline_text, "
                     "pipeline_hash, source, status, start_ms, overrides, versions, "
                     "reproducibility, note, tags) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', ?7, ?8, ?9, ?10, ?11, ?12)")
            .bind(1, record.id)
            .bind(2, record.experiment)
            .bind(3, record.pipelinePath)
            .bind(4, record.pipelineText)
            .bind(5, record.pipelineHash)
            .bind(6, record.source)
            .bind(7, record.startMs)
            .bind(8, Json(record.overrides).dump())
            .bind(9, Json(record.versions).dump())
            .bind(10, record.reproducibility)
            .bind(11, record.note)
            .bind(12, Json(record.tags).dump())
            .run();
        record.number = m_state->db.lastInsertId();
        transaction.commit();
    } catch (...) {
        ::unlink(lockFile.c_str());
        ::close(fd);
        throw;
    }
    m_state->ownerLocks[record.id] = fd;
}

void RunStore::logMetrics(const std::string& runId, const std::vector<MetricValue>& values) {
    std::lock_guard lock(m_state->mutex);
    SqliteTransaction transaction(m_state->db);
    const int64_t run = m_state->runNumber(runId);
    auto insert = m_state->db.prepare("INSERT INTO metrics (run, key, step, value, timestamp_ms, "
                                      "series) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& v : values) {
        insert.bind(1, run).bind(2, v.key).bind(3, v.step).bind(5, v.timestampMs);
        insert.bind(6, int64_t(v.series));
        if (std::isnan(v.value)) insert.bindNull(4);
        else insert.bind(4, v.value);
        insert.run();
    }
    transaction.commit();
}

namespace {

std::string artifactFile(const std::string& folder, const std::string& sha256) {
    return folder + "/artifacts/" + sha256.substr(0, 2) + "/" + sha256;
}

// Content-addressed: a file with this name holds these bytes, so an existing one is kept.
void storeBytes(const std::string& folder, const std::string& sha256, std::string_view bytes) {
    const std::string target = artifactFile(folder, sha256);
    std::error_code error;
    if (fs::exists(target, error)) return;
    fs::create_directories(fs::path(target).parent_path(), error);
    writeFileAtomically(target, bytes);
}

} // namespace

Artifact RunStore::addArtifact(const std::string& runId, const std::string& name,
                               std::string_view bytes, const std::string& kind,
                               const std::string& node) {
    Artifact artifact{name, kind, node, sha256Hex(bytes), bytes.size()};
    storeBytes(m_state->folder, artifact.sha256, bytes);
    std::lock_guard lock(m_state->mutex);
    SqliteTransaction transaction(m_state->db);
    m_state->listArtifact(m_state->runNumber(runId), artifact);
    transaction.commit();
    return artifact;
}

Artifact RunStore::addArtifactFile(const std::string& runId, const std::string& file,
                                   const std::string& kind, const std::string& node) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(Message(OFICINA_TR_NOOP("cannot read the file to keep with the run")), file);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(Message(OFICINA_TR_NOOP("cannot read the file to keep with the run")), file);
    return addArtifact(runId, fs::path(file).filename().string(), bytes, kind, node);
}

std::string RunStore::artifactPath(const Artifact& artifact) const {
    return artifactFile(m_state->folder, artifact.sha256);
}

void RunStore::finishRun(const RunRecord& record) {
    {
        std::lock_guard lock(m_state->mutex);
        SqliteDatabase& db = m_state->db;
        SqliteTransaction transaction(db);
        const int64_t run = m_state->runNumber(record.id);
        db.prepare("UPDATE runs SET status = ?2, failed_node = ?3, message = ?4, end_ms = ?5, "
                   "seeds = ?6, versions = ?7, reproducibility = ?8, report = ?9, note = ?10, "
                   "tags = ?11, overrides = ?12 WHERE number = ?1")
            .bind(1, run)
            .bind(2, std::string(toString(record.status)))
            .bind(3, record.failedNode)
            .bind(4, record.message)
            .bind(5, record.endMs ? record.endMs : epochMilliseconds())
            .bind(6, Json(record.seeds).dump())
            .bind(7, Json(record.versions).dump())
            .bind(8, record.reproducibility)
            .bind(9, record.report)
            .bind(10, record.note)
            .bind(11, Json(record.tags).dump())
            .bind(12, Json(record.overrides).dump())
            .run();
        db.prepare("UPDATE runs SET params = ?2 WHERE number = ?1")
            .bind(1, run)
            .bindBlob(2, packParams(record.params))
            .run();
        db.prepare("DELETE FROM inputs WHERE run = ?1").bind(1, run).run();
        auto input = db.prepare("INSERT INTO inputs (run, node, path, size, modified_ns, sha256, "
                                "rows, columns, schema) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        for (const auto& in : record.inputs) {
            Json schema = Json::array();
            for (const auto& [name, type] : in.schema) schema.push_back(Json::array({name, type}));
            input.bind(1, run).bind(2, in.node).bind(3, in.path).bind(4, int64_t(in.size));
            input.bind(5, in.modifiedNs).bind(6, in.sha256).bind(7, int64_t(in.rows));
            input.bind(8, int64_t(in.columns)).bind(9, schema.dump()).run();
        }
        db.prepare("DELETE FROM metrics WHERE run = ?1").bind(1, run).run();
        auto metric = db.prepare("INSERT INTO metrics (run, key, step, value, timestamp_ms, "
                                 "series) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        for (const auto& v : record.metrics) {
            metric.bind(1, run).bind(2, v.key).bind(3, v.step).bind(5, v.timestampMs);
            metric.bind(6, int64_t(v.series));
            if (std::isnan(v.value)) metric.bindNull(4);
            else metric.bind(4, v.value);
            metric.run();
        }
        std::vector<std::string> listed;
        auto artifacts = db.prepare("SELECT sha256, name FROM artifacts WHERE run = ?1");
        artifacts.bind(1, run);
        while (artifacts.step()) listed.push_back(artifacts.text(0) + "/" + artifacts.text(1));
        for (const auto& a : record.artifacts)
            if (std::find(listed.begin(), listed.end(), a.sha256 + "/" + a.name) == listed.end())
                m_state->listArtifact(run, a);
        transaction.commit();
    }
    std::lock_guard lock(m_state->mutex);
    if (const auto it = m_state->ownerLocks.find(record.id); it != m_state->ownerLocks.end()) {
        ::unlink(lockPath(m_state->folder, record.id).c_str());
        ::close(it->second);
        m_state->ownerLocks.erase(it);
    }
}

std::vector<RunSummary> RunStore::listRuns(const RunQuery& query) const {
    std::lock_guard lock(m_state->mutex);
    const SqliteDatabase& db = m_state->db;
    std::string sql = "SELECT number, id, experiment, pipeline_path, source, status, failed_node, "
                      "start_ms, end_ms, note, tags, params FROM runs WHERE 1";
    if (!query.experiment.empty()) sql += " AND experiment = ?1";
    if (query.status) sql += " AND status = ?2";
    if (!query.text.empty())
        sql += " AND (instr(id, ?3) OR instr(lower(experiment), lower(?3)) OR "
               "instr(lower(note), lower(?3)) OR instr(lower(tags), lower(?3)) OR "
               "EXISTS (SELECT 1 FROM inputs WHERE inputs.run = runs.number AND "
               "instr(lower(inputs.path), lower(?3))))";
    sql += " ORDER BY number DESC";
    if (query.limit) sql += " LIMIT " + std::to_string(query.limit);
    auto select = db.prepare(sql);
    if (!query.experiment.empty()) select.bind(1, query.experiment);
    if (query.status) select.bind(2, std::string(toString(*query.status)));
    if (!query.text.empty()) select.bind(3, query.text);

    std::vector<RunSummary> runs;
    while (select.step()) {
        RunSummary s;
        s.number = select.integer(0);
        s.id = select.text(1);
        s.experiment = select.text(2);
        s.pipelinePath = select.text(3);
        s.source = select.text(4);
        s.status = parseRunStatus(select.text(5)).value_or(RunStatus::Crashed);
        s.failedNode = select.text(6);
        s.startMs = select.integer(7);
        s.endMs = select.integer(8);
        s.note = select.text(9);
        s.tags = stringList(select.text(10));
        s.params = unpackParams(select.text(11));
        runs.push_back(std::move(s));
    }
    if (runs.empty()) return runs;
    // One pass over each side table for the runs listed, rather than a query per run; runs
    // are found by number through a dense index (numbers only grow).
    const int64_t lowest = runs.back().number;
    std::vector<RunSummary*> byNumber(size_t(runs.front().number - lowest + 1), nullptr);
    for (auto& s : runs) byNumber[size_t(s.number - lowest)] = &s;
    const auto find = [&](int64_t number) {
        return number < lowest || size_t(number - lowest) >= byNumber.size()
                   ? nullptr
                   : byNumber[size_t(number - lowest)];
    };
    const std::string from = std::to_string(lowest);
    auto metrics = db.prepare("SELECT run, key, value FROM metrics WHERE series = 0 AND run >= " + from);
    while (metrics.step())
        if (RunSummary* s = find(metrics.integer(0))) s->metrics[metrics.text(1)] = storedValue(metrics, 2);
    auto inputs = db.prepare("SELECT run, path FROM inputs WHERE run >= " + from);
    while (inputs.step())
        if (RunSummary* s = find(inputs.integer(0)))
            s->dataFiles.push_back(fs::path(inputs.text(1)).filename().string());
    return runs;
}

RunRecord RunStore::run(std::string_view idOrNumber) const {
    std::lock_guard lock(m_state->mutex);
    const SqliteDatabase& db = m_state->db;
    std::string_view text = idOrNumber;
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    const bool isNumber = !text.empty() && text.size() < 12 &&
                          std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    constexpr const char* columns =
        "SELECT number, id, experiment, pipeline_path, pipeline_text, pipeline_hash, source, "
        "status, failed_node, message, start_ms, end_ms, overrides, seeds, versions, "
        "reproducibility, report, note, tags, params FROM runs ";
    // Digits are a run's number when such a run exists; six or more may also start an id
    // (hex ids can be all digits).
    auto select = db.prepare(std::string(columns) + "WHERE number = ?1");
    bool found = false;
    if (isNumber) {
        select.bind(1, int64_t(std::stoll(std::string(text))));
        found = select.step();
    }
    if (!found && text.size() >= 6) {
        select = db.prepare(std::string(columns) + "WHERE substr(id, 1, length(?1)) = ?1 LIMIT 2");
        select.bind(1, text);
        found = select.step();
    }
    if (!found)
        throw Error(Message(OFICINA_TR_NOOP("no run \"%1\" in the store (give a run's number, "
                                            "its id, or at least 6 digits of it: `oficina-cli "
                                            "runs list` shows them)"),
                            {std::string(idOrNumber)}),
                    m_state->path);
    RunRecord r;
    r.number = select.integer(0);
    r.id = select.text(1);
    r.experiment = select.text(2);
    r.pipelinePath = select.text(3);
    r.pipelineText = select.text(4);
    r.pipelineHash = select.text(5);
    r.source = select.text(6);
    r.status = parseRunStatus(select.text(7)).value_or(RunStatus::Crashed);
    r.failedNode = select.text(8);
    r.message = select.text(9);
    r.startMs = select.integer(10);
    r.endMs = select.integer(11);
    r.overrides = stringList(select.text(12));
    const Json seeds = jsonOr(select.text(13), Json::object());
    for (const auto& [key, value] : seeds.items())
        if (value.is_number_unsigned()) r.seeds[key] = value.get<uint64_t>();
    const Json versions = jsonOr(select.text(14), Json::object());
    for (const auto& [key, value] : versions.items())
        if (value.is_string()) r.versions[key] = value.get<std::string>();
    r.reproducibility = select.text(15);
    r.report = select.text(16);
    r.note = select.text(17);
    r.tags = stringList(select.text(18));
    r.params = unpackParams(select.text(19));
    if (select.step())
        throw Error(Message(OFICINA_TR_NOOP("\"%1\" is the start of several runs' ids: give more "
                                            "digits"),
                            {std::string(idOrNumber)}),
                    m_state->path);

    auto metrics = db.prepare("SELECT key, value, step, timestamp_ms, series FROM metrics "
                              "WHERE run = ?1 ORDER BY rowid");
    metrics.bind(1, r.number);
    while (metrics.step())
        r.metrics.push_back({metrics.text(0), storedValue(metrics, 1), metrics.real(2),
                             metrics.integer(3), metrics.integer(4) != 0});
    auto inputs = db.prepare("SELECT node, path, size, modified_ns, sha256, rows, columns, schema "
                             "FROM inputs WHERE run = ?1 ORDER BY rowid");
    inputs.bind(1, r.number);
    while (inputs.step()) {
        InputFile in{inputs.text(0), inputs.text(1), uint64_t(inputs.integer(2)),
                     inputs.integer(3), inputs.text(4), size_t(inputs.integer(5)),
                     size_t(inputs.integer(6)), {}};
        const Json schema = jsonOr(inputs.text(7), Json::array());
        for (const auto& column : schema)
            if (column.is_array() && column.size() == 2 && column[0].is_string() &&
                column[1].is_string())
                in.schema.emplace_back(column[0].get<std::string>(), column[1].get<std::string>());
        r.inputs.push_back(std::move(in));
    }
    auto artifacts = db.prepare("SELECT name, kind, node, sha256, size FROM artifacts "
                                "WHERE run = ?1 ORDER BY rowid");
    artifacts.bind(1, r.number);
    while (artifacts.step())
        r.artifacts.push_back({artifacts.text(0), artifacts.text(1), artifacts.text(2),
                               artifacts.text(3), uint64_t(artifacts.integer(4))});
    return r;
}

void RunStore::setNote(const std::string& runId, const std::string& note) {
    std::lock_guard lock(m_state->mutex);
    (void)m_state->runNumber(runId);  // throws for an unknown run
    m_state->db.prepare("UPDATE runs SET note = ?2 WHERE id = ?1").bind(1, runId).bind(2, note).run();
}

void RunStore::setTags(const std::string& runId, const std::vector<std::string>& tags) {
    std::lock_guard lock(m_state->mutex);
    (void)m_state->runNumber(runId);  // throws for an unknown run
    m_state->db.prepare("UPDATE runs SET tags = ?2 WHERE id = ?1")
        .bind(1, runId)
        .bind(2, Json(tags).dump())
        .run();
}

std::optional<std::string> RunStore::knownHash(const std::string& path, uint64_t size,
                                               int64_t modifiedNs) const {
    std::lock_guard lock(m_state->mutex);
    auto query = m_state->db.prepare("SELECT sha256 FROM inputs WHERE path = ?1 AND size = ?2 "
                                     "AND modified_ns = ?3 AND sha256 != '' LIMIT 1");
    query.bind(1, path).bind(2, int64_t(size)).bind(3, modifiedNs);
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

} // namespace oficina::core::track

// RunStore's model registry, push queue and run deletion (RunStore.h).

#include "deploy/ModelPackage.h"
#include "serve/ModelRepository.h"
#include "track/RunStore.h"
#include "track/RunStoreState.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <filesystem>
#include <set>

namespace oficina::core::track {

namespace {

std::vector<std::string> aliasesOf(const SqliteDatabase& db, const std::string& name,
                                   int64_t version) {
    std::vector<std::string> aliases;
    auto query = db.prepare("SELECT alias FROM model_aliases WHERE name = ?1 AND version = ?2 "
                            "ORDER BY alias");
    query.bind(1, name).bind(2, version);
    while (query.step()) aliases.push_back(query.text(0));
    return aliases;
}

constexpr const char* kVersionColumns =
    "SELECT name, version, run_id, node, artifact_sha256, description, created_ms, "
    "data_fingerprint, pipeline_hash FROM model_versions ";

ModelVersion readVersion(const SqliteDatabase& db, const SqliteStatement& row) {
    ModelVersion v{row.text(0), row.integer(1), row.text(2), row.text(3), row.text(4),
                   row.text(5), row.integer(6), row.text(7), row.text(8), {}};
    v.aliases = aliasesOf(db, v.name, v.version);
    return v;
}

void requireModelName(const std::string& name) {
    if (!serve::isValidModelName(name))
        throw Error(Message(OFICINA_TR_NOOP("\"%1\" cannot name a model: use letters, digits, "
                                            "'_', '.' and '-' (at most 128), starting with a "
                                            "letter or digit"),
                            {name}));
}

} // namespace

ModelVersion RunStore::registerModel(const std::string& name, const std::string& runId,
                                     const std::string& node, const std::string& description) {
    requireModelName(name);
    const RunRecord record = run(runId);
    std::vector<const Artifact*> packages;
    for (const auto& a : record.artifacts)
        if (a.kind == "model_package" && (node.empty() || a.node == node)) packages.push_back(&a);
    if (packages.empty())
        throw Error(Message(node.empty()
                                ? OFICINA_TR_NOOP("run #%1 kept no model package: save the model "
                                                  "in the run (a Save model node, or "
                                                  "--save-model) to register it")
                                : OFICINA_TR_NOOP("run #%1 kept no model package from node '%2'"),
                            {std::to_string(record.number), node}));
    if (packages.size() > 1 && node.empty())
        throw Error(Message(OFICINA_TR_NOOP("run #%1 kept several model packages: say which "
                                            "node's model to register"),
                            {std::to_string(record.number)}));
    const Artifact& artifact = *packages.front();
    // Reading the package checks it before it becomes a version anyone may serve.
    const deploy::ModelPackage package = deploy::readPackage(artifactPath(artifact));

    std::lock_guard lock(m_state->mutex);
    SqliteDatabase& db = m_state->db;
    SqliteTransaction transaction(db);
    const int64_t now = epochMilliseconds();
    db.prepare("INSERT INTO models (name, created_ms, updated_ms) VALUES (?1, ?2, ?2) "
               "ON CONFLICT (name) DO UPDATE SET updated_ms = ?2")
        .bind(1, name)
        .bind(2, now)
        .run();
    auto latest = db.prepare("SELECT coalesce(max(version), 0) FROM model_versions WHERE name = ?1");
    latest.bind(1, name);
    latest.step();
    ModelVersion version{name,
                         latest.integer(0) + 1,
                         record.id,
                         artifact.node,
                         artifact.sha256,
                         description,
                         now,
                         package.manifest.trainingData.fingerprint,
                         record.pipelineHash,
                         {}};
    db.prepare("INSERT INTO model_versions (name, version, run_id, node, artifact_sha256, "
               "description, created_ms, data_fingerprint, pipeline_hash) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, version.name)
        .bind(2, version.version)
        .bind(3, version.runId)
        .bind(4, version.node)
        .bind(5, version.artifactSha256)
        .bind(6, version.description)
        .bind(7, version.createdMs)
        .bind(8, version.dataFingerprint)
        .bind(9, version.pipelineHash)
        .run();
    transaction.commit();
    return version;
}

std::vector<RegisteredModel> RunStore::listModels() const {
    std::lock_guard lock(m_state->mutex);
    const SqliteDatabase& db = m_state->db;
    std::vector<RegisteredModel> models;
    auto query = db.prepare("SELECT name, description, created_ms, updated_ms, "
                            "(SELECT max(version) FROM model_versions v WHERE v.name = m.name) "
                            "FROM models m ORDER BY name");
    while (query.step()) {
        RegisteredModel m{query.text(0), query.text(1), query.integer(2), query.integer(3),
                          query.integer(4), {}};
        auto aliases = db.prepare("SELECT alias, version FROM model_aliases WHERE name = ?1");
        aliases.bind(1, m.name);
        while (aliases.step()) m.aliases[aliases.text(0)] = aliases.integer(1);
        models.push_back(std::move(m));
    }
    return models;
}

std::vector<ModelVersion> RunStore::modelVersions(const std::string& name) const {
    std::lock_guard lock(m_state->mutex);
    auto query = m_state->db.prepare(std::string(kVersionColumns) +
                                     "WHERE name = ?1 ORDER BY version");
    query.bind(1, name);
    std::vector<ModelVersion> versions;
    while (query.step()) versions.push_back(readVersion(m_state->db, query));
    return versions;
}

ModelVersion RunStore::resolveModel(std::string_view reference) const {
    std::string_view text = reference;
    if (text.substr(0, 8) == "models:/") text.remove_prefix(8);
    std::string name(text), alias;
    int64_t version = 0;
    if (const size_t at = text.find('@'); at != std::string_view::npos) {
        name = std::string(text.substr(0, at));
        alias = std::string(text.substr(at + 1));
    } else if (const size_t slash = text.find('/'); slash != std::string_view::npos) {
        name = std::string(text.substr(0, slash));
        const std::string number(text.substr(slash + 1));
        if (number.empty() || number.size() > 12 ||
            number.find_first_not_of("0123456789") != std::string::npos)
            throw Error(Message(OFICINA_TR_NOOP("\"%1\": a model version is a number, as in "
                                                "models:/churn/2"),
                                {std::string(reference)}));
        version = std::stoll(number);
    }
    std::lock_guard lock(m_state->mutex);
    const SqliteDatabase& db = m_state->db;
    auto exists = db.prepare("SELECT 1 FROM models WHERE name = ?1");
    exists.bind(1, name);
    if (!exists.step())
        throw Error(Message(OFICINA_TR_NOOP("no registered model \"%1\" in the store "
                                            "(`oficina-cli models list` shows them)"),
                            {name}),
                    m_state->path);
    if (!alias.empty()) {
        auto query = db.prepare("SELECT version FROM model_aliases WHERE name = ?1 AND alias = ?2");
        query.bind(1, name).bind(2, alias);
        if (!query.step())
            throw Error(Message(OFICINA_TR_NOOP("model \"%1\" has no alias \"%2\""), {name, alias}),
                        m_state->path);
        version = query.integer(0);
    }
    auto query = version ? db.prepare(std::string(kVersionColumns) +
                                      "WHERE name = ?1 AND version = ?2")
                         : db.prepare(std::string(kVersionColumns) +
                                      "WHERE name = ?1 ORDER BY version DESC LIMIT 1");
    query.bind(1, name);
    if (version) query.bind(2, version);
    if (!query.step())
        throw Error(Message(OFICINA_TR_NOOP("model \"%1\" has no version %2"),
                            {name, std::to_string(version)}),
                    m_state->path);
    return readVersion(db, query);
}

void RunStore::setAlias(const std::string& name, const std::string& alias, int64_t version) {
    if (!serve::isValidModelName(alias) || alias.find('.') != std::string::npos)
        throw Error(Message(OFICINA_TR_NOOP("\"%1\" cannot be an alias: use letters, digits, '_' "
                                            "and '-', starting with a letter or digit"),
                            {alias}));
    std::lock_guard lock(m_state->mutex);
    SqliteDatabase& db = m_state->db;
    SqliteTransaction transaction(db);
    if (version == 0) {
        db.prepare("DELETE FROM model_aliases WHERE name = ?1 AND alias = ?2")
            .bind(1, name)
            .bind(2, alias)
            .run();
    } else {
        auto exists = db.prepare("SELECT 1 FROM model_versions WHERE name = ?1 AND version = ?2");
        exists.bind(1, name).bind(2, version);
        if (!exists.step())
            throw Error(Message(OFICINA_TR_NOOP("model \"%1\" has no version %2"),
                                {name, std::to_string(version)}),
                        m_state->path);
        db.prepare("INSERT INTO model_aliases (name, alias, version) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (name, alias) DO UPDATE SET version = ?3")
            .bind(1, name)
            .bind(2, alias)
            .bind(3, version)
            .run();
    }
    db.prepare("UPDATE models SET updated_ms = ?2 WHERE name = ?1").bind(1, name).bind(2, epochMilliseconds()).run();
    transaction.commit();
}

void RunStore::setModelDescription(const std::string& name, const std::string& description) {
    std::lock_guard lock(m_state->mutex);
    auto exists = m_state->db.prepare("SELECT 1 FROM models WHERE name = ?1");
    exists.bind(1, name);
    if (!exists.step())
        throw Error(Message(OFICINA_TR_NOOP("no registered model \"%1\" in the store"), {name}),
                    m_state->path);
    m_state->db.prepare("UPDATE models SET description = ?2, updated_ms = ?3 WHERE name = ?1")
        .bind(1, name)
        .bind(2, description)
        .bind(3, epochMilliseconds())
        .run();
}

void RunStore::deleteRuns(const std::vector<std::string>& runIds) {
    std::lock_guard lock(m_state->mutex);
    SqliteDatabase& db = m_state->db;
    SqliteTransaction transaction(db);
    std::set<std::string> hashes;
    for (const auto& id : runIds) {
        const int64_t run = m_state->runNumber(id);
        auto used = db.prepare("SELECT name, version FROM model_versions WHERE run_id = ?1 LIMIT 1");
        used.bind(1, id);
        if (used.step())
            throw Error(Message(OFICINA_TR_NOOP("run #%1 made model \"%2\" version %3: it stays "
                                                "while that version is registered"),
                                {std::to_string(run), used.text(0), std::to_string(used.integer(1))}),
                        m_state->path);
        auto artifacts = db.prepare("SELECT sha256 FROM artifacts WHERE run = ?1");
        artifacts.bind(1, run);
        while (artifacts.step()) hashes.insert(artifacts.text(0));
        db.prepare("DELETE FROM runs WHERE number = ?1").bind(1, run).run();
    }
    std::vector<std::string> unused;
    for (const auto& sha : hashes) {
        auto other = db.prepare("SELECT 1 FROM artifacts WHERE sha256 = ?1 UNION ALL "
                                "SELECT 1 FROM model_versions WHERE artifact_sha256 = ?1 LIMIT 1");
        other.bind(1, sha);
        if (!other.step()) unused.push_back(sha);
    }
    transaction.commit();
    // After the commit: a file is never missing for a listed artifact, at worst left over.
    for (const auto& sha : unused) {
        std::error_code error;
        std::filesystem::remove(m_state->folder + "/artifacts/" + sha.substr(0, 2) + "/" + sha,
                                error);
    }
}

void RunStore::queuePush(const std::string& runId, const std::string& uri,
                         const std::string& error) {
    std::lock_guard lock(m_state->mutex);
    SqliteTransaction transaction(m_state->db);
    m_state->db.prepare("DELETE FROM push_queue WHERE run_id = ?1 AND uri = ?2")
        .bind(1, runId)
        .bind(2, uri)
        .run();
    m_state->db.prepare("INSERT INTO push_queue (run_id, uri, error, queued_ms) "
                        "VALUES (?1, ?2, ?3, ?4)")
        .bind(1, runId)
        .bind(2, uri)
        .bind(3, error)
        .bind(4, epochMilliseconds())
        .run();
    transaction.commit();
}

std::vector<QueuedPush> RunStore::queuedPushes(const std::string& uri) const {
    std::lock_guard lock(m_state->mutex);
    auto query = m_state->db.prepare("SELECT id, run_id, uri, error, queued_ms, attempts FROM "
                                     "push_queue WHERE ?1 = '' OR uri = ?1 ORDER BY id");
    query.bind(1, uri);
    std::vector<QueuedPush> pushes;
    while (query.step())
        pushes.push_back({query.integer(0), query.text(1), query.text(2), query.text(3),
                          query.integer(4), int(query.integer(5))});
    return pushes;
}

void RunStore::settlePush(int64_t id, bool sent, const std::string& error) {
    std::lock_guard lock(m_state->mutex);
    if (sent)
        m_state->db.prepare("DELETE FROM push_queue WHERE id = ?1").bind(1, id).run();
    else
        m_state->db.prepare("UPDATE push_queue SET attempts = attempts + 1, error = ?2 WHERE id = ?1")
            .bind(1, id)
            .bind(2, error)
            .run();
}

} // namespace oficina::core::track

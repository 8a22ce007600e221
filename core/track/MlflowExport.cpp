#include "track/MlflowExport.h"

#include "deploy/ModelPackage.h"
#include "export/OnnxSignature.h"
#include "track/MlflowModel.h"
#include "track/MlflowNames.h"
#include "util/Error.h"
#include "util/Sha256.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <utility>

// The layout, as MLflow 2.x's FileStore reads and writes it (mlflow/store/tracking/file_store.py
// and mlflow/store/model_registry/file_store.py, read at mlflow/mlflow commit 001cc178, the
// 2.14 series; YAML from PyYAML's safe_dump with sorted keys; "…" = a string):
//
//   DIR/.trash/                      deleted experiments (made by MLflow when missing)
//   DIR/0/meta.yaml                  the "Default" experiment, written only when missing
//   DIR/<exp>/meta.yaml              artifact_location: "file:///DIR/<exp>", creation_time: ms,
//                                    experiment_id: "<exp>", last_update_time: ms,
//                                    lifecycle_stage: active, name: "…"
//   DIR/<exp>/<run>/meta.yaml        artifact_uri: "file:///DIR/<exp>/<run>/artifacts",
//                                    end_time: ms | null, entry_point_name: "",
//                                    experiment_id: "<exp>", lifecycle_stage: active,
//                                    run_id, run_name, run_uuid: "…", source_name: "",
//                                    source_type: 4 (SourceType.LOCAL), source_version: "",
//                                    start_time: ms, status: RunStatus (RUNNING 1, FINISHED 3,
//                                    FAILED 4, KILLED 5), tags: [], user_id: "…"
//   DIR/<exp>/<run>/params/<key>     the value, no line break after it
//   DIR/<exp>/<run>/metrics/<key>    one line per value: "<timestamp ms> <value> <step>\n"
//   DIR/<exp>/<run>/tags/<key>       the value, no line break after it
//   DIR/<exp>/<run>/artifacts/…      files, and model folders with an MLmodel (MlflowModel.h)
//   DIR/models/<name>/meta.yaml      aliases: {alias: "N"}, creation_timestamp: ms,
//                                    description: "…" | null, last_updated_timestamp: ms,
//                                    name: "…"
//   DIR/models/<name>/version-N/meta.yaml
//                                    aliases: […], creation_timestamp: ms,
//                                    current_stage: None, description: "…" | null,
//                                    last_updated_timestamp: ms, name, run_id: "…",
//                                    run_link: null, source: "file:///…/artifacts/<model>",
//                                    status: READY, status_message: null,
//                                    storage_location: as source, user_id: "…", version: N
//   DIR/models/<name>/version-N/tags/<key>
//   DIR/models/<name>/aliases/<alias> the version number, no line break (MLflow 2.3+)
//
// MLflow finds a run by its folder's name and checks that meta.yaml's experiment_id names the
// folder it is in. Keys of params, metrics and tags, the run's name, user, tags and status are
// named as the REST client names them (MlflowNames.h); a key never holds '/', so each is a file.

namespace oficina::core::track {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

constexpr const char* kDefaultExperiment = "0";
constexpr const char* kTrash = ".trash";
constexpr const char* kModels = "models";

// ---- Files --------------------------------------------------------------------------------

[[noreturn]] void cannotWrite(const fs::path& path, const std::string& reason) {
    throw Error(Message(OFICINA_TR_NOOP("cannot write the file: %1"), {reason}), path.string());
}

void makeFolder(const fs::path& folder) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        throw Error(Message(OFICINA_TR_NOOP("cannot create the folder: %1"), {error.message()}),
                    folder.string());
}

/// Removes a folder an earlier export wrote, to write it again whole.
void removeFolder(const fs::path& folder) {
    std::error_code error;
    fs::remove_all(folder, error);
    if (error)
        throw Error(
            Message(OFICINA_TR_NOOP("cannot replace the earlier export: %1"), {error.message()}),
            folder.string());
}

void writeFile(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) cannotWrite(path, std::strerror(errno));
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.close();
    if (!out) cannotWrite(path, std::strerror(errno));
}

void copyFile(const fs::path& from, const fs::path& to) {
    std::error_code error;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, error);
    if (error) cannotWrite(to, error.message());
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw Error(Message(OFICINA_TR_NOOP("cannot read the file (%1)"), {std::strerror(errno)}),
                    path);
    return bytes;
}

/// pathlib's Path.as_uri(), which MLflow makes its file URIs with: every byte but letters,
/// digits, "_.-~" and "/" percent-encoded.
std::string fileUri(const fs::path& absolute) {
    std::string uri = "file://";
    for (const char c : absolute.string()) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || (c && std::strchr("_.-~/", c))) {
            uri += c;
        } else {
            static constexpr char hex[] = "0123456789ABCDEF";
            uri += {'%', hex[byte >> 4], hex[byte & 15]};
        }
    }
    return uri;
}

// ---- Names --------------------------------------------------------------------------------

/// One path segment made of a name the store holds.
std::string segment(std::string_view name) {
    std::string safe(name);
    for (char& c : safe)
        if (c == '/' || c == '\0') c = '_';
    if (safe.empty() || safe == "." || safe == "..") safe = "_" + safe;
    return safe;
}

/// `stem` + `extension`, or with "-2", "-3"… before the extension when that is taken.
std::string claim(std::set<std::string>& taken, const std::string& stem,
                  const std::string& extension) {
    std::string name = stem + extension;
    for (int n = 2; !taken.insert(name).second; ++n)
        name = stem + "-" + std::to_string(n) + extension;
    return name;
}

std::pair<std::string, std::string> splitExtension(const std::string& name) {
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return {name, ""};
    return {name.substr(0, dot), name.substr(dot)};
}

/// A numeric id from the experiment's name: the same in every export, and as wide as the ids
/// MLflow's FileStore draws (non-negative 63-bit integers).
std::string hashedExperimentId(const std::string& name) {
    const uint64_t bits = std::stoull(sha256Hex(name).substr(0, 16), nullptr, 16) >> 1;
    return std::to_string(bits == 0 ? 1 : bits);
}

/// The experiments already in `root`, name → id, as MLflow's FileStore lists them.
std::map<std::string, std::string> experimentsIn(const fs::path& root) {
    std::map<std::string, std::string> byName;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root, error)) {
        const std::string id = entry.path().filename().string();
        if (id == kTrash || id == kModels || !entry.is_directory(error)) continue;
        try {
            const YAML::Node meta = YAML::LoadFile((entry.path() / "meta.yaml").string());
            if (meta["name"] && meta["experiment_id"].as<std::string>("") == id)
                byName.emplace(meta["name"].as<std::string>(), id);
        } catch (const YAML::Exception&) {
            // Not an experiment: MLflow skips such a folder with a warning, and so do we.
        }
    }
    return byName;
}

/// A value as Python's str(float) writes one ("1.0", "0.25", "nan", "1e-05"), which MLflow's
/// metric files hold and float() reads back.
std::string pythonFloat(double value) {
    if (std::isnan(value)) return "nan";
    std::array<char, 32> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    std::string text(buffer.data(), end);
    if (text.find_first_not_of("-0123456789") == std::string::npos) text += ".0";
    return text;
}

class Exporter {
public:
    Exporter(const RunStore& store, const std::string& folder, const MlflowExportOptions& options)
        : m_store(store), m_options(options),
          m_root(fs::absolute(fs::path(folder)).lexically_normal()),
          m_user(options.user.empty() ? mlflowUser() : options.user) {}

    MlflowExportSummary run();

private:
    std::string experimentId(const std::string& name);
    void writeExperiment(const std::string& id, const std::string& name, int64_t createdMs,
                         int64_t updatedMs);
    void writeRun(const RunRecord& run, const std::string& experimentId);
    Json writeArtifacts(const RunRecord& run, const fs::path& folder);
    std::optional<Json> writeModelFolder(const RunRecord& run, const Artifact& artifact,
                                         const fs::path& artifacts, const std::string& relative);
    KeyValues runTags(const RunRecord& run, const Json& models) const;
    void writeRegisteredModel(const RegisteredModel& model);

    const RunStore& m_store;
    const MlflowExportOptions& m_options;
    const fs::path m_root;
    const std::string m_user;
    std::map<std::string, std::string> m_existing;  // experiments in the folder, name → id
    std::map<std::string, fs::path> m_runArtifacts; // run id → its artifact folder
    std::map<std::pair<std::string, std::string>, std::string> m_modelFolders; // (run, sha256)
    std::set<std::string> m_experiments;
    MlflowExportSummary m_summary;
};

std::string Exporter::experimentId(const std::string& name) {
    // An unsaved pipeline has no name, which MLflow's experiments must have.
    if (name.empty()) return kDefaultExperiment;
    if (const auto it = m_existing.find(name); it != m_existing.end()) return it->second;
    return hashedExperimentId(name);
}

void Exporter::writeExperiment(const std::string& id, const std::string& name, int64_t createdMs,
                               int64_t updatedMs) {
    makeFolder(m_root / id);
    const Json meta = {{"artifact_location", fileUri(m_root / id)},
                       {"creation_time", createdMs},
                       {"experiment_id", id},
                       {"last_update_time", updatedMs},
                       {"lifecycle_stage", "active"},
                       {"name", name}};
    writeFile(m_root / id / "meta.yaml", yamlText(meta));
}

MlflowExportSummary Exporter::run() {
    makeFolder(m_root / kTrash);
    std::error_code error;
    if (!fs::exists(m_root / kDefaultExperiment / "meta.yaml", error)) {
        const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
        writeExperiment(kDefaultExperiment, "Default", now, now);
    }
    m_existing = experimentsIn(m_root);

    // Every run, for the experiments' times, which then do not depend on the runs chosen.
    const std::vector<RunSummary> all = m_store.listRuns();
    std::map<std::string, std::pair<int64_t, int64_t>> times; // experiment → first, last
    for (const RunSummary& s : all) {
        const auto it = times.try_emplace(s.experiment, s.startMs, s.startMs).first;
        it->second.first = std::min(it->second.first, s.startMs);
        it->second.second = std::max({it->second.second, s.startMs, s.endMs});
    }
    std::vector<std::string> chosen;
    if (m_options.runIds.empty()) {
        for (auto it = all.rbegin(); it != all.rend(); ++it)
            chosen.push_back(it->id); // oldest first
    } else {
        for (const std::string& given : m_options.runIds)
            chosen.push_back(m_store.run(given).id);
    }

    std::set<std::string> written;
    for (const std::string& id : chosen) {
        if (!written.insert(id).second) continue;
        const RunRecord record = m_store.run(id);
        const std::string experiment = experimentId(record.experiment);
        // An experiment of that name that MLflow or someone else made keeps its own metadata.
        if (m_experiments.insert(experiment).second &&
            experiment == hashedExperimentId(record.experiment)) {
            const auto it = times.find(record.experiment);
            const auto [first, last] =
                it != times.end() ? it->second : std::pair(record.startMs, record.endMs);
            writeExperiment(experiment, record.experiment, first, last);
        }
        writeRun(record, experiment);
    }
    m_summary.experiments = m_experiments.size();
    m_summary.runs = written.size();
    if (m_options.models)
        for (const RegisteredModel& model : m_store.listModels())
            writeRegisteredModel(model);
    return m_summary;
}

void Exporter::writeRun(const RunRecord& run, const std::string& experimentId) {
    // A run lives in one experiment folder: copies an earlier export left anywhere go.
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(m_root, error))
        if (entry.path().filename() != kTrash && fs::exists(entry.path() / run.id, error))
            removeFolder(entry.path() / run.id);
    const fs::path folder = m_root / experimentId / run.id;
    for (const char* sub : {"params", "metrics", "tags", "artifacts"})
        makeFolder(folder / sub);
    m_runArtifacts[run.id] = folder / "artifacts";

    const Json meta = {{"artifact_uri", fileUri(folder / "artifacts")},
                       {"end_time", run.endMs ? Json(run.endMs) : Json()},
                       {"entry_point_name", ""},
                       {"experiment_id", experimentId},
                       {"lifecycle_stage", "active"},
                       {"run_id", run.id},
                       {"run_name", mlflowRunName(run)},
                       {"run_uuid", run.id},
                       {"source_name", ""},
                       {"source_type", 4},
                       {"source_version", ""},
                       {"start_time", run.startMs},
                       {"status", mlflowStatusNumber(run.status)},
                       {"tags", Json::array()},
                       {"user_id", m_user}};
    writeFile(folder / "meta.yaml", yamlText(meta));

    std::set<std::string> taken;
    for (const auto& [key, value] : run.params)
        writeFile(folder / "params" / mlflowUniqueKey(key, taken), value);

    // A scalar has a value at step 0; a series one per step, in the order they were logged.
    std::map<std::string, std::string> metrics;
    for (const MetricValue& m : run.metrics) {
        const int64_t time = m.timestampMs ? m.timestampMs : (run.endMs ? run.endMs : run.startMs);
        metrics[m.key] += std::to_string(time) + " " + pythonFloat(m.value) + " " +
                          std::to_string(mlflowStep(m.step)) + "\n";
    }
    taken.clear();
    for (const auto& [key, lines] : metrics)
        writeFile(folder / "metrics" / mlflowUniqueKey(key, taken), lines);

    const Json models = writeArtifacts(run, folder / "artifacts");
    taken.clear();
    for (const auto& [key, value] : runTags(run, models))
        writeFile(folder / "tags" / mlflowUniqueKey(key, taken), value);
}

KeyValues Exporter::runTags(const RunRecord& run, const Json& models) const {
    KeyValues tags = mlflowTags(run, m_user);
    // MLflow's UI lists a run's models from this tag (FileStore.record_logged_model).
    if (!models.empty()) tags.emplace_back("mlflow.log-model.history", models.dump());
    return tags;
}

Json Exporter::writeArtifacts(const RunRecord& run, const fs::path& folder) {
    std::set<std::string> taken;
    if (!run.pipelineText.empty())
        writeFile(folder / claim(taken, "pipeline", ".oficina"), run.pipelineText);
    if (!run.report.empty()) writeFile(folder / claim(taken, "run_report", ".json"), run.report);
    Json models = Json::array();
    for (const Artifact& artifact : run.artifacts) {
        const std::string prefix = artifact.node.empty() ? "" : segment(artifact.node) + "/";
        const auto [stem, extension] = splitExtension(segment(artifact.name));
        if (artifact.kind == "model_package" || artifact.kind == "onnx") {
            const std::string relative = claim(taken, prefix + stem, "");
            if (auto mlmodel = writeModelFolder(run, artifact, folder, relative)) {
                models.push_back(std::move(*mlmodel));
                continue;
            }
        }
        const std::string relative = claim(taken, prefix + stem, extension);
        makeFolder((folder / relative).parent_path());
        copyFile(m_store.artifactPath(artifact), folder / relative);
    }
    return models;
}

/// An MLflow model folder for a model package or an ONNX file; nothing (and a warning) when the
/// stored file is not the model it claims to be, which is then copied as a plain file.
std::optional<Json> Exporter::writeModelFolder(const RunRecord& run, const Artifact& artifact,
                                               const fs::path& artifacts,
                                               const std::string& relative) {
    const std::string stored = m_store.artifactPath(artifact);
    MlflowModelSpec spec{.runId = run.id,
                         .artifactPath = relative,
                         .createdMs = run.endMs ? run.endMs : run.startMs};
    std::optional<deploy::ModelPackage> package;
    std::string onnx;
    try {
        if (artifact.kind == "model_package") {
            package = deploy::readPackage(stored);
            onnx = std::move(package->onnx);
            spec.packageFile = segment(artifact.name);
            spec.manifest = &package->manifest;
        } else {
            onnx = readFile(stored);
        }
        if (!onnx.empty()) {
            spec.onnx = readOnnxInterface(onnx, stored);
            spec.onnxFile = package ? "model.onnx" : segment(artifact.name);
        }
    } catch (const Error& e) {
        m_summary.warnings.push_back("run #" + std::to_string(run.number) + ": " + artifact.name +
                                     " copied as a file: " + e.what());
        return std::nullopt;
    }
    const fs::path folder = artifacts / relative;
    makeFolder(folder);
    if (package) copyFile(stored, folder / spec.packageFile);
    if (!spec.onnxFile.empty()) writeFile(folder / spec.onnxFile, onnx);
    spec.sizeBytes = (package ? artifact.size : 0) + onnx.size();
    Json mlmodel = mlmodelJson(spec);
    writeFile(folder / "MLmodel", yamlText(mlmodel));
    if (!spec.onnxFile.empty())
        for (const auto& [name, text] : pythonEnvironmentFiles())
            writeFile(folder / name, text);
    if (package) m_modelFolders[{run.id, artifact.sha256}] = relative;
    return mlmodel;
}

void Exporter::writeRegisteredModel(const RegisteredModel& model) {
    std::vector<ModelVersion> versions;
    for (ModelVersion& v : m_store.modelVersions(model.name))
        if (m_runArtifacts.contains(v.runId)) versions.push_back(std::move(v));
    if (versions.empty()) return;
    const fs::path folder = m_root / kModels / segment(model.name);
    makeFolder(folder);
    const auto textOrNull = [](const std::string& text) {
        return text.empty() ? Json() : Json(text);
    };
    for (const ModelVersion& v : versions) {
        const fs::path versionFolder = folder / ("version-" + std::to_string(v.version));
        removeFolder(versionFolder);
        makeFolder(versionFolder / "tags");
        const auto found = m_modelFolders.find({v.runId, v.artifactSha256});
        const fs::path artifacts = m_runArtifacts.at(v.runId);
        const std::string source =
            fileUri(found == m_modelFolders.end() ? artifacts : artifacts / found->second);
        const Json meta = {{"aliases", v.aliases},
                           {"creation_timestamp", v.createdMs},
                           {"current_stage", "None"},
                           {"description", textOrNull(v.description)},
                           {"last_updated_timestamp", v.createdMs},
                           {"name", model.name},
                           {"run_id", v.runId},
                           {"run_link", nullptr},
                           {"source", source},
                           {"status", "READY"},
                           {"status_message", nullptr},
                           {"storage_location", source},
                           {"user_id", m_user},
                           {"version", v.version}};
        writeFile(versionFolder / "meta.yaml", yamlText(meta));
        const std::map<std::string, std::string> tags = {
            {"oficina.node", v.node},
            {"oficina.package_sha256", v.artifactSha256},
            {"oficina.training_data_sha256", v.dataFingerprint},
            {"oficina.pipeline_sha256", v.pipelineHash}};
        for (const auto& [key, value] : tags)
            if (!value.empty()) writeFile(versionFolder / "tags" / key, value);
        ++m_summary.versions;
    }
    // The aliases mirror the store's, for the versions the folder holds.
    removeFolder(folder / "aliases");
    makeFolder(folder / "aliases");
    Json aliases = Json::object();
    std::error_code error;
    for (const auto& [alias, version] : model.aliases) {
        const std::string number = std::to_string(version);
        if (!fs::exists(folder / ("version-" + number) / "meta.yaml", error)) continue;
        writeFile(folder / "aliases" / segment(alias), number);
        aliases[alias] = number;
    }
    const Json meta = {{"aliases", std::move(aliases)},
                       {"creation_timestamp", model.createdMs},
                       {"description", textOrNull(model.description)},
                       {"last_updated_timestamp", model.updatedMs},
                       {"name", model.name}};
    writeFile(folder / "meta.yaml", yamlText(meta));
    ++m_summary.models;
}

} // namespace

MlflowExportSummary exportToMlflow(const RunStore& store, const std::string& folder,
                                   const MlflowExportOptions& options) {
    return Exporter(store, folder, options).run();
}

} // namespace oficina::core::track

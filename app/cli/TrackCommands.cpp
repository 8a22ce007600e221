#include "TrackCommands.h"

#include "Commands.h"

#include "track/MlflowClient.h"
#include "track/MlflowExport.h"
#include "track/RunStore.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Text.h"
#include "data/TextInput.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace oficina::cli {

namespace {

using Json = nlohmann::ordered_json;
using namespace core::track;

void say(const std::string& text) {
    std::fprintf(stderr, "oficina-cli: %s\n", core::printableText(text, std::string::npos).c_str());
}

std::string localTime(int64_t ms) {
    if (ms == 0) return "-";
    const std::time_t seconds = std::time_t(ms / 1000);
    std::tm parts{};
    localtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
    return text;
}

std::string duration(int64_t startMs, int64_t endMs) {
    if (endMs < startMs || endMs == 0) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", double(endMs - startMs) / 1000);
    return text;
}

Json valueJson(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

Json summaryJson(const RunSummary& s) {
    Json metrics = Json::object();
    for (const auto& [key, value] : s.metrics) metrics[key] = valueJson(value);
    return Json{{"number", s.number},     {"id", s.id},
                {"experiment", s.experiment}, {"pipeline", s.pipelinePath},
                {"source", s.source},     {"status", toString(s.status)},
                {"failed_node", s.failedNode}, {"start_ms", s.startMs},
                {"end_ms", s.endMs},      {"data", s.dataFiles},
                {"params", s.params},     {"metrics", std::move(metrics)},
                {"note", s.note},         {"tags", s.tags}};
}

Json recordJson(const RunRecord& r) {
    Json metrics = Json::array();
    for (const auto& m : r.metrics)
        metrics.push_back(Json{{"key", m.key}, {"value", valueJson(m.value)}, {"step", m.step},
                               {"timestamp_ms", m.timestampMs}, {"series", m.series}});
    Json inputs = Json::array();
    for (const auto& in : r.inputs) {
        Json schema = Json::array();
        for (const auto& [name, type] : in.schema) schema.push_back(Json{{"name", name}, {"type", type}});
        inputs.push_back(Json{{"node", in.node}, {"path", in.path}, {"size", in.size},
                              {"modified_ns", in.modifiedNs}, {"sha256", in.sha256},
                              {"rows", in.rows}, {"columns", in.columns}, {"schema", schema}});
    }
    Json artifacts = Json::array();
    for (const auto& a : r.artifacts)
        artifacts.push_back(Json{{"name", a.name}, {"kind", a.kind}, {"node", a.node},
                                 {"sha256", a.sha256}, {"size", a.size}});
    return Json{{"number", r.number},
                {"id", r.id},
                {"experiment", r.experiment},
                {"pipeline", r.pipelinePath},
                {"pipeline_sha256", r.pipelineHash},
                {"source", r.source},
                {"status", toString(r.status)},
                {"failed_node", r.failedNode},
                {"message", r.message},
                {"start_ms", r.startMs},
                {"end_ms", r.endMs},
                {"params", r.params},
                {"overrides", r.overrides},
                {"seeds", r.seeds},
                {"versions", r.versions},
                {"reproducibility", r.reproducibility},
                {"inputs", std::move(inputs)},
                {"metrics", std::move(metrics)},
                {"artifacts", std::move(artifacts)},
                {"note", r.note},
                {"tags", r.tags}};
}

int listRuns(const RunStore& store, const TrackCliOptions& o) {
    RunQuery query{.text = o.filter, .limit = o.limit};
    if (!o.status.empty()) {
        query.status = parseRunStatus(o.status);
        if (!query.status) {
            say("--status " + o.status + ": expected running, finished, failed, stopped or crashed");
            return BadInput;
        }
    }
    const auto runs = store.listRuns(query);
    if (o.json) {
        Json list = Json::array();
        for (const auto& s : runs) list.push_back(summaryJson(s));
        std::cout << list.dump(2) << "\n";
        return Ok;
    }
    std::printf("%6s  %-8s  %-9s  %-19s  %9s  %-18s  %s\n", "#", "id", "status", "started",
                "duration", "pipeline", "metrics");
    for (const auto& s : runs) {
        std::string metrics;
        for (const auto& [key, value] : s.metrics)
            metrics += (metrics.empty() ? "" : "  ") + key + "=" + core::formatSignificant(value);
        std::printf("%6lld  %-8s  %-9s  %-19s  %9s  %-18s  %s\n",
                    static_cast<long long>(s.number), s.id.substr(0, 8).c_str(),
                    toString(s.status), localTime(s.startMs).c_str(),
                    duration(s.startMs, s.endMs).c_str(), s.experiment.c_str(),
                    core::printableText(metrics, 200).c_str());
    }
    return Ok;
}

int showRun(const RunStore& store, const TrackCliOptions& o) {
    const RunRecord r = store.run(o.runs.front());
    if (o.json) {
        std::cout << recordJson(r).dump(2) << "\n";
        return Ok;
    }
    std::cout << "run #" << r.number << "  " << r.id << "\n"
              << "  pipeline   " << (r.pipelinePath.empty() ? "(unsaved)" : r.pipelinePath)
              << "\n  status     " << toString(r.status)
              << (r.failedNode.empty() ? "" : " at node '" + r.failedNode + "'") << "\n";
    if (!r.message.empty()) std::cout << "  message    " << core::printableText(r.message, 400) << "\n";
    std::cout << "  started    " << localTime(r.startMs) << " (" << duration(r.startMs, r.endMs)
              << ", from the " << r.source << ")\n"
              << "  reproduce  "
              << (r.reproducibility == "exact"
                      ? "exact: a re-run on the same data gives the same numbers"
                      : "may differ in the last bits (networks, multi-threaded XGBoost)")
              << "\n";
    if (!r.note.empty()) std::cout << "  note       " << r.note << "\n";
    if (!r.tags.empty()) {
        std::cout << "  tags      ";
        for (const auto& t : r.tags) std::cout << " " << t;
        std::cout << "\n";
    }
    std::cout << "data\n";
    for (const auto& in : r.inputs)
        std::cout << "  " << in.path << "  " << in.rows << " rows × " << in.columns
                  << " columns  sha256 " << (in.sha256.empty() ? "-" : in.sha256) << "\n";
    std::cout << "parameters\n";
    for (const auto& [key, value] : r.params) std::cout << "  " << key << " = " << value << "\n";
    std::cout << "metrics\n";
    std::map<std::string, size_t> points;
    for (const auto& m : r.metrics)
        if (m.series) ++points[m.key];
        else std::cout << "  " << m.key << " = " << core::formatSignificant(m.value) << "\n";
    for (const auto& [key, count] : points)
        std::cout << "  " << key << ": a series of " << count << " values\n";
    if (!r.artifacts.empty()) std::cout << "artifacts\n";
    for (const auto& a : r.artifacts)
        std::cout << "  " << a.name << " (" << a.kind << (a.node.empty() ? "" : ", node " + a.node)
                  << ", " << a.size << " bytes)  " << store.artifactPath(a) << "\n";
    return Ok;
}

} // namespace

int pushQueuedRuns(RunStore& store, const std::string& uri) {
    const auto queued = store.queuedPushes(uri);
    int code = Ok;
    for (const auto& push : queued) {
        try {
            MlflowClient client({.uri = push.uri});
            const std::string id = pushRun(client, store.run(push.runId));
            store.settlePush(push.id, true);
            say("sent run " + push.runId.substr(0, 8) + " to " + push.uri + " (MLflow run " + id + ")");
        } catch (const core::Error& e) {
            store.settlePush(push.id, false, e.what());
            say("could not send run " + push.runId.substr(0, 8) + ": " + e.what());
            code = NodeFailed;
        }
    }
    if (queued.empty()) say("nothing waits to be sent" + (uri.empty() ? "" : " to " + uri));
    return code;
}

namespace {

Json versionJson(const ModelVersion& v) {
    return Json{{"name", v.name}, {"version", v.version}, {"run_id", v.runId}, {"node", v.node},
                {"package_sha256", v.artifactSha256}, {"description", v.description},
                {"created_ms", v.createdMs}, {"data_fingerprint", v.dataFingerprint},
                {"pipeline_sha256", v.pipelineHash}, {"aliases", v.aliases}};
}

int listModels(const RunStore& store, bool json) {
    const auto models = store.listModels();
    if (json) {
        Json list = Json::array();
        for (const auto& m : models)
            list.push_back(Json{{"name", m.name}, {"description", m.description},
                                {"latest_version", m.latestVersion}, {"aliases", m.aliases},
                                {"updated_ms", m.updatedMs}});
        std::cout << list.dump(2) << "\n";
        return Ok;
    }
    std::printf("%-24s  %7s  %-19s  %s\n", "model", "latest", "updated", "aliases");
    for (const auto& m : models) {
        std::string aliases;
        for (const auto& [alias, version] : m.aliases)
            aliases += (aliases.empty() ? "" : ", ") + alias + " → v" + std::to_string(version);
        std::printf("%-24s  %7s  %-19s  %s\n", m.name.c_str(),
                    ("v" + std::to_string(m.latestVersion)).c_str(), localTime(m.updatedMs).c_str(),
                    aliases.c_str());
    }
    return Ok;
}

int showModel(const RunStore& store, const TrackCliOptions& o) {
    std::vector<ModelVersion> versions;
    if (o.model.find_first_of("@/") != std::string::npos)
        versions.push_back(store.resolveModel(o.model));
    else
        versions = store.modelVersions(store.resolveModel(o.model).name);
    if (o.json) {
        Json list = Json::array();
        for (const auto& v : versions) list.push_back(versionJson(v));
        std::cout << list.dump(2) << "\n";
        return Ok;
    }
    for (const auto& v : versions) {
        std::string aliases;
        for (const auto& a : v.aliases) aliases += " @" + a;
        const RunRecord run = store.run(v.runId);
        std::cout << v.name << " v" << v.version << aliases << "\n"
                  << "  from run #" << run.number << " (" << v.runId << "), node '" << v.node
                  << "', " << localTime(v.createdMs) << "\n"
                  << "  pipeline   " << run.pipelinePath << " (sha256 " << v.pipelineHash.substr(0, 12)
                  << "…)\n  data       sha256 " << v.dataFingerprint.substr(0, 12) << "… of the "
                  << "training cells\n";
        if (!v.description.empty()) std::cout << "  " << v.description << "\n";
    }
    return Ok;
}

int exportModel(const RunStore& store, const TrackCliOptions& o) {
    const ModelVersion v = store.resolveModel(o.model);
    std::ifstream in(store.artifactPath({.sha256 = v.artifactSha256}), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw core::Error(core::Message("the store lost the package of this version"), v.name);
    core::writeFileAtomically(o.output, bytes.str());
    say("wrote " + v.name + " v" + std::to_string(v.version) + " to " + o.output);
    return Ok;
}

} // namespace

std::string storePathFor(const std::string& option, bool mustExist) {
    std::string path = option.empty() ? (fs::current_path() / kStoreFolder / kStoreFile).string()
                                      : option;
    std::error_code error;
    if (fs::is_directory(path, error)) path = (fs::path(path) / kStoreFolder / kStoreFile).string();
    if (mustExist && !fs::exists(path, error))
        throw core::Error(
            core::Message("no run store here: runs are recorded in .oficina/runs.db beside the "
                          "pipeline that ran (or give --store)"),
            path);
    return path;
}

std::string resolveServedModel(const std::string& argument, const std::string& store,
                               std::string& name) {
    if (argument.rfind("models:/", 0) != 0) return argument;
    const RunStore runs(storePathFor(store, true));
    const ModelVersion version = runs.resolveModel(argument);
    name = version.name;
    return runs.artifactPath({.sha256 = version.artifactSha256});
}

void addTrackCommands(CLI::App& app, TrackCliOptions& o) {
    const auto addStore = [&o](CLI::App* command) {
        command->add_option("--store", o.store,
                            "The run store: a runs.db, or a folder with .oficina/runs.db "
                            "(default: the current folder's)");
    };
    auto* runs = app.add_subcommand("runs", "The runs recorded in the run store; see docs/runs.md");
    runs->require_subcommand(1);
    addStore(runs);
    auto* list = runs->add_subcommand("list", "List the runs, newest first");
    list->add_option("--status", o.status, "Only runs in this state (finished, failed, stopped, "
                                            "crashed, running)");
    list->add_option("--filter", o.filter, "Only runs whose id, pipeline, data file, note or tags "
                                            "contain this text");
    list->add_option("--limit", o.limit, "At most this many runs");
    list->add_flag("--json", o.json, "Print JSON");
    auto* show = runs->add_subcommand("show", "Show one run: data, parameters, metrics, artifacts");
    show->add_option("RUN", o.runs, "A run's number, id, or the first digits of its id")
        ->required()
        ->expected(1);
    show->add_flag("--json", o.json, "Print JSON");
    auto* exports = runs->add_subcommand(
        "export", "Write runs and registered models in MLflow's file-store layout");
    exports->add_option("--mlflow", o.mlflowFolder, "The folder (mlflow ui --backend-store-uri)")
        ->required();
    exports->add_option("RUN", o.runs, "Only these runs (default: all)");
    auto* push = runs->add_subcommand(
        "push", "Send the runs that could not reach an MLflow tracking server again");
    push->add_option("--mlflow-uri", o.mlflowUri, "Only those for this server");
    auto* remove = runs->add_subcommand("delete", "Delete runs and the artifacts only they used");
    remove->add_option("RUN", o.runs, "Runs' numbers or ids")->required();

    auto* models = app.add_subcommand("models", "The model registry; see docs/runs.md");
    models->require_subcommand(1);
    addStore(models);
    auto* mlist = models->add_subcommand("list", "List the registered models");
    mlist->add_flag("--json", o.json, "Print JSON");
    auto* mshow = models->add_subcommand("show", "Show a model's versions, or one version");
    mshow->add_option("MODEL", o.model, "churn, churn/2 or churn@champion")->required();
    mshow->add_flag("--json", o.json, "Print JSON");
    auto* reg = models->add_subcommand(
        "register", "Register the model package a run kept as the next version of a model");
    reg->add_option("RUN", o.runs, "The run's number or id")->required()->expected(1);
    reg->add_option("--name", o.name, "The model's name, e.g. churn")->required();
    reg->add_option("--node", o.node, "The node whose model (when the run kept several)");
    reg->add_option("--description", o.description, "What this version is");
    auto* alias = models->add_subcommand("alias", "Point an alias (champion…) at a version");
    alias->add_option("MODEL", o.name, "The model's name")->required();
    alias->add_option("ALIAS", o.alias, "e.g. champion, challenger")->required();
    alias->add_option("VERSION", o.version, "The version; 0 removes the alias")->required();
    auto* mexport = models->add_subcommand("export", "Copy a version's model package to a file");
    mexport->add_option("MODEL", o.model, "churn, churn/2 or churn@champion")->required();
    mexport->add_option("-o,--output", o.output, "The package file to write (.ofmodel)")->required();
}

int runTrackCommand(const CLI::App& app, const TrackCliOptions& o) {
    const CLI::App* runs = app.get_subcommand("runs");
    const CLI::App* models = app.get_subcommand("models");
    if (!*runs && !*models) return -1;
    const CLI::App& group = *runs ? *runs : *models;
    const auto chosen = group.get_subcommands();
    const std::string command = chosen.empty() ? "" : chosen.front()->get_name();
    RunStore store(storePathFor(o.store, true));
    if (*runs) {
        if (command == "list") return listRuns(store, o);
        if (command == "show") return showRun(store, o);
        if (command == "push") return pushQueuedRuns(store, o.mlflowUri);
        if (command == "delete") {
            std::vector<std::string> ids;
            for (const auto& r : o.runs) ids.push_back(store.run(r).id);
            store.deleteRuns(ids);
            say("deleted " + std::to_string(ids.size()) + " run(s)");
            return Ok;
        }
        std::vector<std::string> ids;
        for (const auto& r : o.runs) ids.push_back(store.run(r).id);
        const auto summary = exportToMlflow(store, o.mlflowFolder, {.runIds = ids});
        for (const auto& warning : summary.warnings) say("warning: " + warning);
        say("wrote " + std::to_string(summary.runs) + " run(s) in " +
            std::to_string(summary.experiments) + " experiment(s) and " +
            std::to_string(summary.versions) + " model version(s) to " + o.mlflowFolder);
        return Ok;
    }
    if (command == "list") return listModels(store, o.json);
    if (command == "show") return showModel(store, o);
    if (command == "register") {
        const ModelVersion v = store.registerModel(o.name, store.run(o.runs.front()).id, o.node,
                                                   o.description);
        say("registered " + v.name + " version " + std::to_string(v.version));
        return Ok;
    }
    if (command == "alias") {
        store.setAlias(o.name, o.alias, o.version);
        say(o.version ? o.name + "@" + o.alias + " → version " + std::to_string(o.version)
                      : "removed " + o.name + "@" + o.alias);
        return Ok;
    }
    return exportModel(store, o);
}

} // namespace oficina::cli

#include "track/MlflowNames.h"

#include "util/Text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include <pwd.h>
#include <unistd.h>

namespace oficina::core::track {

namespace {

bool isKeyChar(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == ' ';
}

struct StatusNames {
    RunStatus status;
    const char* name;
    int number;
};

// MLflow has no "crashed": the run did not complete, which FAILED says (oficina.status keeps
// ours). SCHEDULED (2) is MLflow's alone.
constexpr StatusNames kStatuses[] = {{RunStatus::Running, "RUNNING", 1},
                                     {RunStatus::Finished, "FINISHED", 3},
                                     {RunStatus::Failed, "FAILED", 4},
                                     {RunStatus::Crashed, "FAILED", 4},
                                     {RunStatus::Stopped, "KILLED", 5}};

const StatusNames& namesOf(RunStatus status) {
    for (const StatusNames& names : kStatuses)
        if (names.status == status) return names;
    return namesOf(RunStatus::Failed); // a value out of range: not a run that finished
}

} // namespace

std::string mlflowKey(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (size_t i = 0; i < key.size();) {
        const auto c = static_cast<unsigned char>(key[i++]);
        out += isKeyChar(c) ? static_cast<char>(c) : '_';
        // One '_' for a whole UTF-8 sequence.
        if (c >= 0x80)
            while (i < key.size() && (static_cast<unsigned char>(key[i]) & 0xC0) == 0x80)
                ++i;
    }
    // MLflow refuses a key that a path normalisation would change, such as "." or "..x".
    if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
    if (out.size() > kMlflowMaxKeyLength) out.resize(kMlflowMaxKeyLength);
    return out;
}

std::string mlflowUniqueKey(std::string_view key, std::set<std::string>& taken) {
    const std::string base = mlflowKey(key);
    std::string unique = base;
    for (int n = 2; !taken.insert(unique).second; ++n) {
        const std::string suffix = "_" + std::to_string(n);
        unique = base.substr(0, kMlflowMaxKeyLength - suffix.size()) + suffix;
    }
    return unique;
}

std::string mlflowRunName(const RunRecord& record) {
    return (record.experiment.empty() ? std::string("run") : record.experiment) + " #" +
           std::to_string(record.number);
}

std::string mlflowUser() {
    for (const char* variable : {"LOGNAME", "USER", "LNAME", "USERNAME"})
        if (const char* name = std::getenv(variable); name && *name) return name;
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found)
        return found->pw_name;
    return "unknown"; // MLflow's own word for it
}

KeyValues mlflowTags(const RunRecord& record, const std::string& user) {
    KeyValues tags;
    const auto add = [&tags](const std::string& key, const std::string& value) {
        if (!value.empty()) tags.emplace_back(mlflowKey(key), value);
    };
    add("mlflow.runName", mlflowRunName(record));
    add("mlflow.user", user.empty() ? mlflowUser() : user);
    add("mlflow.source.name", record.pipelinePath);
    add("mlflow.source.type", "LOCAL");
    add("mlflow.note.content", record.note);
    add("oficina.run_id", record.id);
    add("oficina.run_number", std::to_string(record.number));
    add("oficina.status", toString(record.status));
    add("oficina.source", record.source);
    add("oficina.reproducibility", record.reproducibility);
    add("oficina.pipeline_sha256", record.pipelineHash);
    add("oficina.failed_node", record.failedNode);
    add("oficina.error", record.status == RunStatus::Finished ? std::string() : record.message);
    add("oficina.overrides", joinList(record.overrides, "\n"));
    add("oficina.labels", joinList(record.tags, ", "));
    for (const auto& [key, seed] : record.seeds)
        add("oficina.seed." + key, std::to_string(seed));
    for (const auto& [name, version] : record.versions)
        add("oficina.version." + name, version);
    std::map<std::string, int> seen; // a node that reads several files numbers them from 2
    for (const InputFile& input : record.inputs) {
        const int n = ++seen[input.node];
        const std::string base =
            "oficina.input." + input.node + (n > 1 ? "." + std::to_string(n) : std::string());
        add(base + ".path", input.path);
        add(base + ".sha256", input.sha256);
        add(base + ".size", std::to_string(input.size));
        if (input.columns > 0) { // what the node made of it is a table
            add(base + ".rows", std::to_string(input.rows));
            add(base + ".columns", std::to_string(input.columns));
        }
    }
    return tags;
}

const char* mlflowStatus(RunStatus status) {
    return namesOf(status).name;
}

int mlflowStatusNumber(RunStatus status) {
    return namesOf(status).number;
}

int64_t mlflowStep(double step) {
    if (!std::isfinite(step)) return 0;
    return std::llround(std::clamp(step, -9.0e18, 9.0e18));
}

} // namespace oficina::core::track

#pragma once

// How a run of the store is named in MLflow, shared by the REST client (MlflowClient.h) and the
// file-store export (MlflowExport.h), so that a run looks the same whichever way it reaches
// MLflow: its keys, run name, user, tags, status and steps. The rules: MLflow 2.x's
// mlflow/utils/validation.py, mlflow/entities/run_status.py and mlflow/utils/mlflow_tags.py.

#include "track/RunStore.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oficina::core::track {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

/// MLflow's limits on names and values (validation.py), in characters (Unicode code points).
inline constexpr size_t kMlflowMaxKeyLength = 250;
inline constexpr size_t kMlflowMaxParamValueLength = 6000;
inline constexpr size_t kMlflowMaxTagValueLength = 5000;

/// A key MLflow accepts for a metric, parameter or tag: ASCII letters, digits, '_', '-', '.',
/// ' ' (any other character becomes '_', one per UTF-8 sequence; '/' too, so that a key never
/// names a folder of the file store), not starting with '.', at most kMlflowMaxKeyLength
/// characters. mlflowKey(mlflowKey(k)) == mlflowKey(k).
std::string mlflowKey(std::string_view key);
/// mlflowKey(key), numbered "_2", "_3"… (within kMlflowMaxKeyLength) when `taken` already holds
/// it, since MLflow keeps one value per key; the result is added to `taken`.
std::string mlflowUniqueKey(std::string_view key, std::set<std::string>& taken);
/// "<experiment> #<number>", e.g. "churn #12" ("run #12" when the record has no experiment):
/// MLflow's run_name and mlflow.runName tag.
std::string mlflowRunName(const RunRecord& record);
/// The user MLflow's Python client records, as getpass.getuser() finds it: $LOGNAME, $USER,
/// $LNAME, $USERNAME, else the password database's name; "unknown" when there is none.
std::string mlflowUser();
/// The tags a run carries in MLflow, keys through mlflowKey(): mlflow.runName, mlflow.user
/// (`user`, else mlflowUser()), mlflow.source.name (the pipeline file, left out for an unsaved
/// pipeline), mlflow.source.type (LOCAL), mlflow.note.content, and oficina.*: run_id,
/// run_number, status (ours, which tells crashed from failed), source, reproducibility,
/// pipeline_sha256, failed_node, error (a run that did not finish), overrides (one a line),
/// labels (", "), seed.NODE.seed, version.NAME, and per file a node read
/// input.NODE[.N].{path, sha256, size, rows, columns} (rows and columns of a table only).
/// Empty values are left out; long ones are whole (the client cuts them to MLflow's limits).
KeyValues mlflowTags(const RunRecord& record, const std::string& user = {});
/// MLflow's RunStatus name: FINISHED, FAILED (Failed, Crashed), KILLED (Stopped) or RUNNING.
const char* mlflowStatus(RunStatus status);
/// The same status as MLflow's RunStatus number, which its file store writes: RUNNING 1,
/// FINISHED 3, FAILED 4, KILLED 5.
int mlflowStatusNumber(RunStatus status);
/// An MLflow metric step (an int64) from ours: rounded; 0 when not finite.
int64_t mlflowStep(double step);

} // namespace oficina::core::track

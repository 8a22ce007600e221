#pragma once

// The run store written out in MLflow's file-store layout, so that `mlflow ui
// --backend-store-uri DIR` (and MLflow's Python client) open Oficina's runs and registered
// models: `oficina-cli runs export --mlflow DIR`. The layout and every field: MlflowExport.cpp.

#include "track/RunStore.h"

#include <cstddef>
#include <string>
#include <vector>

namespace oficina::core::track {

/// What exportToMlflow() writes.
///
/// Example:
///     MlflowExportOptions options;
///     options.runIds = {"12", "3f2a9c"};  // numbers, ids or id prefixes, as `runs show` takes
///     exportToMlflow(store, "mlruns", options);
struct MlflowExportOptions {
    /// The runs to write, as RunStore::run() accepts them; empty: every run in the store.
    std::vector<std::string> runIds;
    /// Also the registered models, with the versions whose runs are written.
    bool models = true;
    /// MLflow's user_id and `mlflow.user` tag; empty: mlflowUser() (MlflowNames.h).
    std::string user;
};

struct MlflowExportSummary {
    size_t experiments = 0; ///< experiments that received runs
    size_t runs = 0;
    size_t models = 0;
    size_t versions = 0;
    /// Artifacts copied as plain files because they could not be read as models (a damaged
    /// package), one sentence each in English.
    std::vector<std::string> warnings;
};

/// Writes the runs (and registered models) of `store` into `folder` in MLflow's FileStore
/// layout, a folder `mlflow ui --backend-store-uri DIR` opens (read from MLflow 2.x's
/// tracking and registry FileStore sources; MlflowExport.cpp lists the files and fields).
///
/// Experiments are named after RunRecord::experiment, each with a numeric id derived from its
/// name (the same in every export and every store), or the id of an MLflow experiment of that
/// name already in `folder`; runs of unsaved pipelines go to MLflow's "Default" experiment 0.
/// Each run keeps its id. Re-exporting into the same folder replaces what an earlier export
/// wrote for those runs and models (their folders are rewritten whole) and leaves everything
/// else in the folder as it was. Runs on the calling thread; reads the store only. Throws Error
/// naming the file or folder it could not write, or RunStore::run()'s Error for an unknown run.
MlflowExportSummary exportToMlflow(const RunStore& store, const std::string& folder,
                                   const MlflowExportOptions& options = {});

/// The version of MLflow whose file layout exportToMlflow() writes (MLmodel's mlflow_version).
inline constexpr const char* kMlflowLayoutVersion = "2.14.0";

} // namespace oficina::core::track

#pragma once

// The model package (*.ofmodel): the unit of deployment that `predict`, `serve`, the registry
// and drift checks read. One zip file holding a versioned manifest, the fitted pipeline's state
// (deploy/StateArchive.h), the ONNX export where there is one, the model card and the training
// data's profile. It holds no code, and reading it runs none. Format: docs/model-package.md.

#include "data/Table.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "monitor/Profile.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oficina::core::deploy {

/// The package format this build writes; a reader refuses a newer one.
inline constexpr int kPackageFormatVersion = 1;
inline constexpr const char* kPackageFormat = "oficina-model";
inline constexpr const char* kPackageExtension = ".ofmodel";

/// A raw column the model reads, as the user's file holds it.
struct InputColumn {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    /// Categorical columns: the categories seen in training, in the order first seen.
    std::vector<std::string> categories;
    /// Training rows had missing cells in it, so the pipeline was fitted with them.
    bool mayBeMissing = false;
};

/// A column the model adds: "prediction" (or "cluster") and, for classifiers, "P(class)".
struct OutputColumn {
    std::string name;
    ColumnType type = ColumnType::Numeric;
};

/// Where the training rows came from and how to tell them apart.
struct TrainingData {
    std::vector<std::pair<std::string, std::string>> files; ///< path as given, SHA-256
    size_t rows = 0;
    size_t columns = 0;
    std::string fingerprint; ///< SHA-256 of the raw training cells (sourceFingerprint())
};

struct PackageManifest {
    int formatVersion = kPackageFormatVersion;
    std::string appVersion;
    std::string created; ///< ISO 8601, UTC
    std::string name;    ///< the model's name: the training node's title, else the estimator's
    std::string pipeline;
    std::string pipelineHash;
    Task task = Task::Classification;
    std::string target; ///< empty for clustering
    std::string estimatorType;
    std::vector<InputColumn> inputs;
    std::vector<OutputColumn> outputs;
    std::vector<std::string> classes; ///< classifiers: in the order of the probability columns
    std::vector<std::pair<std::string, double>> trainingMetrics;
    std::vector<HeldOutMetrics> heldOut;
    TrainingData trainingData;
    bool hasOnnx = false;
};

/// A package in memory: what write/read move to and from the file.
struct ModelPackage {
    PackageManifest manifest;
    Model model;
    monitor::DataProfile profile;
    /// The reservoir sample of raw training rows (up to kSampleRows), with the input columns.
    Table sample;
    std::string onnx; ///< the ONNX export's bytes; empty where the model has no ONNX form
    std::string card; ///< MODEL.md
};

/// What packageModel() records beside the model.
struct PackageOptions {
    std::string pipelineName;
    std::string pipelineHash;
    /// The data files the pipeline read, for the training data's fingerprint.
    std::vector<std::string> dataFiles;
    std::vector<HeldOutMetrics> heldOut;
    /// The seed of the reservoir sample.
    uint64_t sampleSeed = 0;
};

/// Up to this many raw training rows go into a package, so that exact two-sample drift tests
/// can run against the package alone.
inline constexpr size_t kSampleRows = 10000;

/// The raw columns `model` cannot predict without, with their training types and categories
/// (each left out of a real training row in turn: exact for any pipeline), and the columns it
/// adds. Cheap: a few one-row predictions. Needs the model's raw training rows; throws Error
/// otherwise.
struct ModelInterface {
    std::vector<InputColumn> inputs;
    std::vector<OutputColumn> outputs;
    std::vector<std::string> classes;
    /// A real training row (the first complete one) with just the inputs: a form's defaults.
    Table example;
};
ModelInterface describeInterface(const Model& model);

/// Describes `model` for deployment: its input columns (the raw columns it cannot predict
/// without), outputs, manifest, profile, sample, ONNX export and card. The model must have its
/// raw training rows (Model::lineage.sourceRows), as every trained model in a run does. Throws
/// Error naming the step or estimator that cannot be saved.
ModelPackage packageModel(const Model& model, const PackageOptions& options = {});

/// Writes `package` to `path` all or nothing (util/SafeFile.h). Throws Error naming the file.
void writePackage(const ModelPackage& package, const std::string& path);

/// Reads a package: checks the container, the format version, every entry's SHA-256 and the
/// state's consistency, and rebuilds the fitted pipeline without re-training and without
/// running anything from the file. Throws Error naming the file and what is wrong (truncated,
/// corrupted, made by a newer Oficina, not a model package).
ModelPackage readPackage(const std::string& path);

/// The fitted pipeline of `pipeline/state.json` and its `arrays.bin`: the schema where it
/// begins, its steps and its estimator, each validated as it is read (readPackage's second
/// half, after the checksums). Throws Error at `where` and the JSON path.
Model readPipelineState(std::string_view state, std::string_view arrays,
                        const std::string& where);

/// A table of raw rows made to match the package's input columns: each input found by name
/// and given its training type (a numeric column read as text because of a stray value is an
/// Error naming the column and the first such value; categories read as numbers become their
/// text). Columns the model does not read are dropped. Throws Error naming a missing column.
Table conformInput(const Table& raw, const std::vector<InputColumn>& inputs,
                   const std::string& where);

/// The prediction columns of `input` (already conformed): what the Predict node appends.
std::vector<Column> predictColumns(const ModelPackage& package, const Table& input);

} // namespace oficina::core::deploy

#pragma once

// One MLflow model folder of the MLflow export (track/MlflowExport.h): its MLmodel file and the
// Python environment files its python_function flavour names; and the YAML every MLflow
// metadata file is written in. Private to core/track.

#include "deploy/ModelPackage.h"
#include "export/OnnxSignature.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core::track {

/// What one MLflow model folder of a run holds.
struct MlflowModelSpec {
    std::string runId;
    std::string artifactPath; ///< the folder, relative to the run's artifacts: "train/model"
    int64_t createdMs = 0;    ///< when the run made it (MLmodel's utc_time_created)
    std::string onnxFile;     ///< the ONNX graph's file name in the folder; empty: none
    OnnxInterface onnx;       ///< its inputs and outputs
    std::string packageFile;  ///< the model package's file name in the folder; empty: none
    const deploy::PackageManifest* manifest = nullptr; ///< the package's, when there is one
    uint64_t sizeBytes = 0; ///< of the model files (MLmodel's model_size_bytes)
};

/// MLmodel's fields, named as MLflow's Model.to_dict() names them: the `onnx` and
/// `python_function` (loader mlflow.onnx) flavours for an ONNX graph, an `oficina` flavour for
/// a model package, and a signature: tensor-based from the ONNX graph's inputs and outputs,
/// else column-based from the package's manifest. Deterministic: model_uuid derives from the
/// run and the folder, so an export written twice is the same.
nlohmann::json mlmodelJson(const MlflowModelSpec& spec);

/// The files python_function's `env` names (conda.yaml, python_env.yaml, requirements.txt),
/// by file name: MLflow, ONNX and ONNX Runtime, unpinned, for the Python MLflow runs in.
std::vector<std::pair<std::string, std::string>> pythonEnvironmentFiles();

/// `value` as the YAML MLflow writes and reads (PyYAML's safe_dump): block style, map keys
/// sorted, a string in quotes wherever YAML 1.1 would read it as a number, a boolean or null.
std::string yamlText(const nlohmann::json& value);

} // namespace oficina::core::track

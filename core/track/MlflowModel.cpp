#include "track/MlflowModel.h"

#include "track/MlflowExport.h"
#include "util/Sha256.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string_view>

// MLmodel as mlflow.onnx.save_model() and mlflow.pyfunc.add_to_model() write it (MLflow 2.x,
// mlflow/onnx/__init__.py, mlflow/pyfunc/__init__.py, mlflow/models/model.py):
//
//     artifact_path: train/model          # run-relative
//     flavors:
//       onnx: {data: model.onnx, onnx_version: 1.12.0,
//              providers: [CUDAExecutionProvider, CPUExecutionProvider]}
//       python_function: {data: model.onnx, env: {conda: conda.yaml,
//                         virtualenv: python_env.yaml}, loader_module: mlflow.onnx}
//       oficina: {data: model.ofmodel, estimator: …, task: …}   # ours; MLflow ignores it
//     mlflow_version: 2.14.0
//     model_size_bytes: 1234
//     model_uuid: 32 hex digits
//     run_id: 32 hex digits
//     signature: {inputs: '<JSON>', outputs: '<JSON>', params: null}
//     utc_time_created: '2024-05-01 12:00:00.123000'
//
// python_function carries no python_version: no Python saved the model (MLflow then warns that
// it cannot check the version, and python_env.yaml without `python` means the current one).

namespace oficina::core::track {

using Json = nlohmann::json;

namespace {

/// Python's str(datetime): "2024-05-01 12:00:00.123000", the fraction left out when zero.
std::string utcTime(int64_t ms) {
    const auto seconds = std::time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    const int64_t fraction = ms - int64_t(seconds) * 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    std::array<char, 48> text{};
    const int n = std::snprintf(text.data(), text.size(), "%04d-%02d-%02d %02d:%02d:%02d",
                                parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                                parts.tm_hour, parts.tm_min, parts.tm_sec);
    std::string result(text.data(), size_t(n));
    if (fraction) {
        std::snprintf(text.data(), text.size(), ".%03d000", int(fraction));
        result += text.data();
    }
    return result;
}

/// MLflow's TensorSpec list, or nothing when a value is no tensor MLflow can describe.
std::optional<Json> tensorSchema(const std::vector<OnnxTensorSpec>& specs) {
    Json schema = Json::array();
    for (const OnnxTensorSpec& spec : specs) {
        if (spec.dtype.empty() || spec.shape.empty()) return std::nullopt;
        schema.push_back({{"name", spec.name},
                          {"type", "tensor"},
                          {"tensor-spec", {{"dtype", spec.dtype}, {"shape", spec.shape}}}});
    }
    return schema;
}

/// MLflow's ColSpec type for one of our column types.
const char* columnType(ColumnType type) {
    return type == ColumnType::Numeric ? "double" : "string";
}

/// ModelSignature.to_dict(): the schemas as JSON text. The ONNX graph, where there is one, says
/// what the python_function flavour is fed; a package alone says which columns
/// `oficina-cli predict` reads.
std::optional<Json> signature(const MlflowModelSpec& spec) {
    std::optional<Json> inputs, outputs;
    if (!spec.onnxFile.empty()) {
        inputs = tensorSchema(spec.onnx.inputs);
        outputs = tensorSchema(spec.onnx.outputs);
    } else if (spec.manifest) {
        inputs = outputs = Json::array();
        for (const auto& in : spec.manifest->inputs)
            inputs->push_back({{"name", in.name}, {"type", columnType(in.type)}});
        for (const auto& out : spec.manifest->outputs)
            outputs->push_back({{"name", out.name}, {"type", columnType(out.type)}});
    }
    if (!inputs || inputs->empty()) return std::nullopt;
    return Json{{"inputs", inputs->dump()},
                {"outputs", outputs && !outputs->empty() ? Json(outputs->dump()) : Json()},
                {"params", nullptr}};
}

Json oficinaFlavor(const MlflowModelSpec& spec) {
    Json flavor = {{"data", spec.packageFile},
                   {"format_version", deploy::kPackageFormatVersion},
                   {"oficina_version", OFICINA_VERSION}};
    if (const deploy::PackageManifest* m = spec.manifest) {
        flavor["estimator"] = m->estimatorType;
        flavor["task"] = toString(m->task);
        if (!m->target.empty()) flavor["target"] = m->target;
        if (!m->classes.empty()) flavor["classes"] = m->classes;
        if (!m->pipelineHash.empty()) flavor["pipeline_hash"] = m->pipelineHash;
        if (!m->trainingData.fingerprint.empty())
            flavor["training_data_sha256"] = m->trainingData.fingerprint;
    }
    return flavor;
}

// ---- YAML -------------------------------------------------------------------------------

/// Whether PyYAML reads `text` back as this string when written without quotes: a name-like
/// word that is none of YAML 1.1's booleans or nulls (those and numbers begin otherwise).
bool plainIsSafe(const std::string& text) {
    if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
        return false;
    for (const char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-' &&
            c != '/')
            return false;
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    static constexpr std::array<std::string_view, 9> keywords = {
        "yes", "no", "true", "false", "on", "off", "null", "y", "n"};
    return std::find(keywords.begin(), keywords.end(), lower) == keywords.end();
}

void emitString(YAML::Emitter& out, const std::string& text) {
    if (plainIsSafe(text))
        out << text;
    else
        out << YAML::SingleQuoted << text; // yaml-cpp double-quotes what has a line break
}

/// A float as YAML 1.1 reads one: with a '.', and .nan/.inf spelt YAML's way.
std::string floatText(double value) {
    if (std::isnan(value)) return ".nan";
    if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
    std::array<char, 32> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    std::string text(buffer.data(), end);
    if (text.find('.') == std::string::npos) {
        const size_t exponent = text.find('e');
        text.insert(exponent == std::string::npos ? text.size() : exponent, ".0");
    }
    return text;
}

void emit(YAML::Emitter& out, const Json& value) {
    switch (value.type()) {
    case Json::value_t::object:
        if (value.empty()) out << YAML::Flow;
        out << YAML::BeginMap;
        for (const auto& [key, item] : value.items()) {
            out << YAML::Key;
            emitString(out, key);
            out << YAML::Value;
            emit(out, item);
        }
        out << YAML::EndMap;
        break;
    case Json::value_t::array:
        if (value.empty()) out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const Json& item : value)
            emit(out, item);
        out << YAML::EndSeq;
        break;
    case Json::value_t::string:
        emitString(out, value.get_ref<const std::string&>());
        break;
    case Json::value_t::boolean:
        out << value.get<bool>();
        break;
    case Json::value_t::number_integer:
        out << value.get<int64_t>();
        break;
    case Json::value_t::number_unsigned:
        out << value.get<uint64_t>();
        break;
    case Json::value_t::number_float:
        out << floatText(value.get<double>());
        break;
    default:
        out << YAML::Null;
        break;
    }
}

} // namespace

Json mlmodelJson(const MlflowModelSpec& spec) {
    Json flavors = Json::object();
    if (!spec.onnxFile.empty()) {
        flavors["onnx"] = {
            {"data", spec.onnxFile},
            {"onnx_version", onnxLibraryVersion()},
            {"providers", Json::array({"CUDAExecutionProvider", "CPUExecutionProvider"})}};
        flavors["python_function"] = {
            {"data", spec.onnxFile},
            {"env", {{"conda", "conda.yaml"}, {"virtualenv", "python_env.yaml"}}},
            {"loader_module", "mlflow.onnx"}};
    }
    if (!spec.packageFile.empty()) flavors["oficina"] = oficinaFlavor(spec);
    Json model = {{"artifact_path", spec.artifactPath},
                  {"flavors", std::move(flavors)},
                  {"mlflow_version", kMlflowLayoutVersion},
                  {"model_size_bytes", spec.sizeBytes},
                  // uuid4().hex's shape; the same folder of the same run always gets the same.
                  {"model_uuid", sha256Hex(spec.runId + "/" + spec.artifactPath).substr(0, 32)},
                  {"run_id", spec.runId},
                  {"utc_time_created", utcTime(spec.createdMs)}};
    if (auto s = signature(spec)) model["signature"] = std::move(*s);
    return model;
}

std::vector<std::pair<std::string, std::string>> pythonEnvironmentFiles() {
    const std::vector<std::string> packages = {"mlflow", "onnx", "onnxruntime"};
    std::string requirements;
    for (const std::string& p : packages)
        requirements += p + "\n";
    const Json conda = {{"channels", Json::array({"conda-forge"})},
                        {"dependencies", Json::array({"python", "pip", Json{{"pip", packages}}})},
                        {"name", "mlflow-env"}};
    const Json python = {{"build_dependencies", Json::array({"pip"})},
                         {"dependencies", Json::array({"-r requirements.txt"})}};
    return {{"conda.yaml", yamlText(conda)},
            {"python_env.yaml", yamlText(python)},
            {"requirements.txt", requirements}};
}

std::string yamlText(const Json& value) {
    YAML::Emitter out;
    out.SetNullFormat(YAML::LowerNull);
    emit(out, value);
    return std::string(out.c_str(), out.size()) + "\n";
}

} // namespace oficina::core::track

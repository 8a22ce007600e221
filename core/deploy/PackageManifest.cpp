#include "deploy/PackageManifest.h"

#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <cmath>
#include <limits>

namespace oficina::core::deploy {

namespace {

constexpr const char* kTypeNames[] = {"numeric", "categorical"};

StateJson metricsJson(const std::vector<std::pair<std::string, double>>& metrics) {
    StateJson json = StateJson::object();
    for (const auto& [key, value] : metrics) // JSON has no NaN: null stands for it
        json[key] = std::isfinite(value) ? StateJson(value) : StateJson(nullptr);
    return json;
}

std::vector<std::pair<std::string, double>> readMetrics(const StateJson& json,
                                                        const std::string& path,
                                                        const StateReader& reader) {
    if (!json.is_object()) reader.fail(path, Message(OFICINA_TR_NOOP("expected a JSON object")));
    std::vector<std::pair<std::string, double>> metrics;
    for (const auto& [key, value] : json.items()) {
        if (value.is_null())
            metrics.emplace_back(key, std::numeric_limits<double>::quiet_NaN());
        else
            metrics.emplace_back(key, reader.number(json, path, key.c_str()));
    }
    return metrics;
}

ColumnType readType(const StateJson& json, const std::string& path, const StateReader& reader) {
    const std::string type = reader.text(json, path, "type");
    if (type == kTypeNames[0]) return ColumnType::Numeric;
    if (type == kTypeNames[1]) return ColumnType::Categorical;
    reader.fail(path + ".type",
                Message(OFICINA_TR_NOOP("expected \"numeric\" or \"categorical\", found \"%1\""),
                        {textExcerpt(type)}));
}

std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

} // namespace

StateJson manifestJson(const PackageManifest& m, const std::vector<EntryDigest>& entries) {
    StateJson json = StateJson::object();
    json["format"] = kPackageFormat;
    json["format_version"] = m.formatVersion;
    json["app_version"] = m.appVersion;
    json["created"] = m.created;
    json["name"] = m.name;
    json["pipeline"] = m.pipeline;
    json["pipeline_sha256"] = m.pipelineHash;
    json["task"] = toString(m.task);
    json["target"] = m.target;
    json["estimator"] = m.estimatorType;
    json["inputs"] = StateJson::array();
    for (const InputColumn& in : m.inputs) {
        StateJson column = StateJson::object();
        column["name"] = in.name;
        column["type"] = kTypeNames[in.type == ColumnType::Numeric ? 0 : 1];
        if (in.type == ColumnType::Categorical) column["categories"] = in.categories;
        column["may_be_missing"] = in.mayBeMissing;
        json["inputs"].push_back(std::move(column));
    }
    json["outputs"] = StateJson::array();
    for (const OutputColumn& out : m.outputs)
        json["outputs"].push_back(
            {{"name", out.name}, {"type", kTypeNames[out.type == ColumnType::Numeric ? 0 : 1]}});
    json["classes"] = m.classes;
    json["training_metrics"] = metricsJson(m.trainingMetrics);
    json["held_out"] = StateJson::array();
    for (const HeldOutMetrics& h : m.heldOut)
        json["held_out"].push_back({{"source", h.source}, {"metrics", metricsJson(h.metrics)}});
    StateJson data = StateJson::object();
    data["rows"] = m.trainingData.rows;
    data["columns"] = m.trainingData.columns;
    data["fingerprint"] = m.trainingData.fingerprint;
    data["files"] = StateJson::array();
    for (const auto& [file, hash] : m.trainingData.files)
        data["files"].push_back({{"path", file}, {"sha256", hash}});
    json["training_data"] = std::move(data);
    json["onnx"] = m.hasOnnx;
    json["entries"] = StateJson::object();
    for (const EntryDigest& e : entries)
        json["entries"][e.name] = {{"bytes", e.bytes}, {"sha256", e.sha256}};
    return json;
}

PackageManifest readManifest(const StateJson& json, const StateReader& reader,
                             std::vector<EntryDigest>& entries) {
    const std::string path = "manifest.json";
    if (reader.text(json, path, "format") != kPackageFormat)
        reader.fail(path, Message(OFICINA_TR_NOOP("not an Oficina model package (its format is "
                                                  "\"%1\")"),
                                  {textExcerpt(reader.text(json, path, "format"))}));
    PackageManifest m;
    m.formatVersion = int(reader.integer(json, path, "format_version", 1, 1'000'000));
    m.appVersion = reader.text(json, path, "app_version");
    if (m.formatVersion > kPackageFormatVersion)
        reader.fail(path, Message(OFICINA_TR_NOOP("the package has format version %1 (made by "
                                                  "Oficina %2); this Oficina reads up to version "
                                                  "%3: update Oficina"),
                                  {std::to_string(m.formatVersion), textExcerpt(m.appVersion),
                                   std::to_string(kPackageFormatVersion)}));
    m.created = reader.text(json, path, "created");
    m.name = reader.text(json, path, "name");
    m.pipeline = reader.text(json, path, "pipeline");
    m.pipelineHash = reader.text(json, path, "pipeline_sha256");
    const std::string task = reader.text(json, path, "task");
    bool knownTask = false;
    for (Task t : {Task::Classification, Task::Regression, Task::Clustering})
        if (task == toString(t)) {
            m.task = t;
            knownTask = true;
        }
    if (!knownTask)
        reader.fail(path + ".task",
                    Message(OFICINA_TR_NOOP("unknown task \"%1\""), {textExcerpt(task)}));
    m.target = reader.text(json, path, "target");
    m.estimatorType = reader.text(json, path, "estimator");

    const StateJson& inputs = reader.member(json, path, "inputs");
    if (!inputs.is_array())
        reader.fail(path + ".inputs", Message(OFICINA_TR_NOOP("expected a list of columns")));
    for (size_t i = 0; i < inputs.size(); ++i) {
        const std::string p = at(path + ".inputs", i);
        InputColumn in;
        in.name = reader.text(inputs[i], p, "name");
        in.type = readType(inputs[i], p, reader);
        if (in.type == ColumnType::Categorical) in.categories = reader.texts(inputs[i], p, "categories");
        in.mayBeMissing = reader.boolean(inputs[i], p, "may_be_missing");
        m.inputs.push_back(std::move(in));
    }
    const StateJson& outputs = reader.member(json, path, "outputs");
    if (!outputs.is_array())
        reader.fail(path + ".outputs", Message(OFICINA_TR_NOOP("expected a list of columns")));
    for (size_t i = 0; i < outputs.size(); ++i) {
        const std::string p = at(path + ".outputs", i);
        m.outputs.push_back({reader.text(outputs[i], p, "name"), readType(outputs[i], p, reader)});
    }
    m.classes = reader.texts(json, path, "classes");
    m.trainingMetrics = readMetrics(reader.member(json, path, "training_metrics"),
                                    path + ".training_metrics", reader);
    const StateJson& heldOut = reader.member(json, path, "held_out");
    if (!heldOut.is_array())
        reader.fail(path + ".held_out", Message(OFICINA_TR_NOOP("expected a list")));
    for (size_t i = 0; i < heldOut.size(); ++i) {
        const std::string p = at(path + ".held_out", i);
        m.heldOut.push_back({reader.text(heldOut[i], p, "source"),
                             readMetrics(reader.member(heldOut[i], p, "metrics"), p + ".metrics",
                                         reader)});
    }
    const std::string dataPath = path + ".training_data";
    const StateJson& data = reader.member(json, path, "training_data");
    const int64_t most = std::numeric_limits<int64_t>::max();
    m.trainingData.rows = size_t(reader.integer(data, dataPath, "rows", 0, most));
    m.trainingData.columns = size_t(reader.integer(data, dataPath, "columns", 0, most));
    m.trainingData.fingerprint = reader.text(data, dataPath, "fingerprint");
    const StateJson& files = reader.member(data, dataPath, "files");
    if (!files.is_array())
        reader.fail(dataPath + ".files", Message(OFICINA_TR_NOOP("expected a list")));
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string p = at(dataPath + ".files", i);
        m.trainingData.files.emplace_back(reader.text(files[i], p, "path"),
                                          reader.text(files[i], p, "sha256"));
    }
    m.hasOnnx = reader.boolean(json, path, "onnx");

    const StateJson& listed = reader.member(json, path, "entries");
    if (!listed.is_object())
        reader.fail(path + ".entries", Message(OFICINA_TR_NOOP("expected a JSON object")));
    for (const auto& [name, digest] : listed.items()) {
        const std::string p = path + ".entries." + name;
        entries.push_back({name, uint64_t(reader.integer(digest, p, "bytes", 0, most)),
                           reader.text(digest, p, "sha256")});
    }
    return m;
}

StateJson tableJson(const Table& table, StateWriter& writer) {
    StateJson json = StateJson::object();
    json["rows"] = table.rowCount();
    json["columns"] = StateJson::array();
    for (const Column& c : table.columns()) {
        StateJson column = StateJson::object();
        column["name"] = c.name();
        column["type"] = kTypeNames[c.isNumeric() ? 0 : 1];
        if (c.isNumeric()) {
            column["values"] = writer.doubles(c.values());
        } else {
            column["categories"] = c.categories();
            column["codes"] = writer.ints(c.codes());
        }
        json["columns"].push_back(std::move(column));
    }
    return json;
}

Table readTable(const StateJson& json, const std::string& path, const StateReader& reader) {
    const auto rows = size_t(reader.integer(json, path, "rows", 0, std::numeric_limits<int32_t>::max()));
    const StateJson& columns = reader.member(json, path, "columns");
    if (!columns.is_array())
        reader.fail(path + ".columns", Message(OFICINA_TR_NOOP("expected a list of columns")));
    std::vector<Column> result;
    for (size_t i = 0; i < columns.size(); ++i) {
        const std::string p = at(path + ".columns", i);
        std::string name = reader.text(columns[i], p, "name");
        for (const Column& earlier : result)
            if (earlier.name() == name)
                reader.fail(p, Message(OFICINA_TR_NOOP("the column \"%1\" appears twice"),
                                       {textExcerpt(name)}));
        if (readType(columns[i], p, reader) == ColumnType::Numeric) {
            result.push_back(
                Column::numeric(std::move(name), reader.doubles(columns[i], p, "values", rows)));
            continue;
        }
        std::vector<std::string> categories = reader.texts(columns[i], p, "categories");
        std::vector<int32_t> codes = reader.ints(columns[i], p, "codes", rows);
        for (int32_t code : codes)
            if (code != Column::kMissingCode && (code < 0 || size_t(code) >= categories.size()))
                reader.fail(p + ".codes",
                            Message(OFICINA_TR_NOOP("the code %1 has no category (there are %2)"),
                                    {std::to_string(code), std::to_string(categories.size())}));
        result.push_back(Column::categorical(std::move(name), std::move(codes),
                                             std::move(categories)));
    }
    return Table(std::move(result));
}

} // namespace oficina::core::deploy

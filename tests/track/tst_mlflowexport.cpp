// The run store exported in MLflow's file-store layout, checked field by field with a YAML
// parser that types values as MLflow's PyYAML does. The golden layout, from MLflow 2.x's
// mlflow/store/tracking/file_store.py and mlflow/store/model_registry/file_store.py (mlflow/
// mlflow commit 001cc178, 2.14 series) and mlflow/onnx + mlflow/models/model.py:
//
//   <exp>/meta.yaml          artifact_location, creation_time, experiment_id (str),
//                            last_update_time, lifecycle_stage, name
//   <exp>/<run>/meta.yaml    artifact_uri, end_time, entry_point_name, experiment_id (str),
//                            lifecycle_stage, run_id, run_name, run_uuid, source_name,
//                            source_type (int), source_version, start_time, status (RunStatus
//                            int), tags (list), user_id
//   <exp>/<run>/params|tags/<key>   the value, no trailing newline
//   <exp>/<run>/metrics/<key>       "<timestamp ms> <value> <step>" lines
//   <model folder>/MLmodel   artifact_path, flavors, mlflow_version, model_size_bytes,
//                            model_uuid, run_id, signature {inputs, outputs, params} (JSON
//                            text), utc_time_created
//   models/<name>/meta.yaml  aliases, creation_timestamp, description, last_updated_timestamp,
//                            name
//   models/<name>/version-N/meta.yaml   aliases, creation_timestamp, current_stage,
//                            description, last_updated_timestamp, name, run_id, run_link,
//                            source, status, status_message, storage_location, user_id, version
//   models/<name>/aliases/<alias>       the version number
#include "MlflowFixture.h"
#include "MlflowLayout.h"

#include "nodes/Nodes.h"
#include "track/MlflowExport.h"
#include "track/MlflowModel.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <memory>

using namespace oficina::core;
using namespace oficina::core::track;
using namespace oficina::tests;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

/// A set of names as one string, so that a failed comparison shows both.
QString list(const std::set<std::string>& names) {
    QStringList items;
    for (const std::string& name : names)
        items << text(name);
    return items.join(", ");
}

} // namespace

class MlflowExportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets/"});
        QVERIFY(m_dir.isValid());
        m_fixture = makeMlflowFixture(m_dir.path().toStdString(), m_registry);
        m_export = fs::path(m_dir.path().toStdString()) / "ml runs";
        m_summary = exportToMlflow(*m_fixture.store, m_export.string(), {.user = "ana"});
        // Where each run went, by its experiment's name (runMeta checks that it is there).
        std::map<std::string, std::string> ids = {{"", "0"}};
        for (const std::string& id : entries(m_export))
            if (id != ".trash" && id != "models")
                ids[readYaml(m_export / id / "meta.yaml")["name"].as<std::string>()] = id;
        for (const RunRecord& run : m_fixture.runs)
            m_ids.push_back(ids.at(run.experiment));
    }

    void summaryCounts() {
        QCOMPARE(m_summary.experiments, size_t(3)); // iris, wine, Default
        QCOMPARE(m_summary.runs, size_t(5));
        QCOMPARE(m_summary.models, size_t(1));
        QCOMPARE(m_summary.versions, size_t(2));
        QCOMPARE(m_summary.warnings.size(), size_t(1)); // damagedPackage
    }

    void experiments() {
        // .trash as MLflow's FileStore makes it; the registry's models/; three experiments.
        std::set<std::string> top = entries(m_export);
        QVERIFY(top.erase(".trash") && top.erase("models") && top.erase("0"));
        QCOMPARE(top.size(), size_t(2));
        std::map<std::string, std::string> idOf;
        for (const std::string& id : top) {
            const YAML::Node meta = readYaml(m_export / id / "meta.yaml");
            const std::map<std::string, std::string> types = {
                {"artifact_location", "str"}, {"creation_time", "int"},   {"experiment_id", "str"},
                {"last_update_time", "int"},  {"lifecycle_stage", "str"}, {"name", "str"}};
            QCOMPARE(fieldTypes(meta), types);
            QCOMPARE(meta["experiment_id"].as<std::string>(), id);
            QVERIFY(std::all_of(id.begin(), id.end(), ::isdigit));
            QCOMPARE(meta["artifact_location"].as<std::string>(), uri(m_export / id));
            QCOMPARE(meta["lifecycle_stage"].as<std::string>(), std::string("active"));
            idOf[meta["name"].as<std::string>()] = id;
        }
        QCOMPARE(idOf.size(), size_t(2));
        const YAML::Node iris = readYaml(m_export / idOf.at("iris") / "meta.yaml");
        QCOMPARE(iris["creation_time"].as<int64_t>(), m_fixture.runs[0].startMs);
        QCOMPARE(iris["last_update_time"].as<int64_t>(), m_fixture.runs[1].endMs);
        QVERIFY(idOf.contains("wine"));

        const YAML::Node standard = readYaml(m_export / "0" / "meta.yaml");
        QCOMPARE(standard["name"].as<std::string>(), std::string("Default"));
        QCOMPARE(pyType(standard["experiment_id"]), std::string("str"));
        QCOMPARE(standard["artifact_location"].as<std::string>(), uri(m_export / "0"));
    }

    void runMeta() {
        const std::vector<int> statuses = {3, 4, 5, 4, 3}; // FINISHED 3, FAILED 4, KILLED 5
        for (size_t i = 0; i < m_fixture.runs.size(); ++i) {
            const RunRecord& r = m_fixture.runs[i];
            const fs::path folder = runFolder(i);
            QCOMPARE(entries(folder), (std::set<std::string>{"artifacts", "meta.yaml", "metrics",
                                                             "params", "tags"}));
            const YAML::Node meta = readYaml(folder / "meta.yaml");
            const std::map<std::string, std::string> types = {
                {"artifact_uri", "str"},  {"end_time", "int"},        {"entry_point_name", "str"},
                {"experiment_id", "str"}, {"lifecycle_stage", "str"}, {"run_id", "str"},
                {"run_name", "str"},      {"run_uuid", "str"},        {"source_name", "str"},
                {"source_type", "int"},   {"source_version", "str"},  {"start_time", "int"},
                {"status", "int"},        {"tags", "list"},           {"user_id", "str"}};
            QCOMPARE(fieldTypes(meta), types);
            QCOMPARE(meta["artifact_uri"].as<std::string>(), uri(folder / "artifacts"));
            QCOMPARE(meta["end_time"].as<int64_t>(), r.endMs);
            QCOMPARE(meta["start_time"].as<int64_t>(), r.startMs);
            QCOMPARE(meta["entry_point_name"].as<std::string>(), std::string());
            QCOMPARE(meta["experiment_id"].as<std::string>(), m_ids[i]);
            QCOMPARE(meta["lifecycle_stage"].as<std::string>(), std::string("active"));
            QCOMPARE(meta["run_id"].as<std::string>(), r.id);
            QCOMPARE(meta["run_uuid"].as<std::string>(), r.id);
            const std::string name =
                (r.experiment.empty() ? "run" : r.experiment) + " #" + std::to_string(r.number);
            QCOMPARE(meta["run_name"].as<std::string>(), name);
            QCOMPARE(meta["source_type"].as<int>(), 4); // SourceType.LOCAL
            QCOMPARE(meta["status"].as<int>(), statuses[i]);
            QCOMPARE(meta["tags"].size(), size_t(0));
            QCOMPARE(meta["user_id"].as<std::string>(), std::string("ana"));
        }
        QCOMPARE(m_ids[3], std::string("0"));
    }

    void paramsAndMetrics() {
        const fs::path run = runFolder(0);
        QCOMPARE(entries(run / "params"),
                 (std::set<std::string>{"logreg.max_iter", "split.test_size", "odd_key_1_"}));
        QCOMPARE(readBytes(run / "params" / "logreg.max_iter"), std::string("200"));
        QCOMPARE(readBytes(run / "params" / "odd_key_1_"), std::string("x"));
        QCOMPARE(entries(run / "metrics"),
                 (std::set<std::string>{"evaluate.accuracy", "evaluate.r2", "logreg.loss"}));
        QCOMPARE(readBytes(run / "metrics" / "evaluate.accuracy"),
                 std::to_string(kMlflowEnd - 10) + " 0.95 0\n");
        // A value logged without a time takes the run's end; whole numbers read "1.0".
        QCOMPARE(readBytes(run / "metrics" / "evaluate.r2"),
                 std::to_string(kMlflowEnd) + " 1.0 0\n");
        QCOMPARE(readBytes(run / "metrics" / "logreg.loss"),
                 std::to_string(kMlflowStart + 1000) + " 0.9 0\n" +
                     std::to_string(kMlflowStart + 2000) + " 0.5 1\n" +
                     std::to_string(kMlflowStart + 3000) + " 0.25 2\n");
        QVERIFY(entries(runFolder(1) / "params").empty());
    }

    void tags() {
        const RunRecord& a = m_fixture.runs[0];
        const fs::path tags = runFolder(0) / "tags";
        const std::map<std::string, std::string> expected = {
            {"mlflow.runName", "iris #" + std::to_string(a.number)},
            {"mlflow.source.name", "/work/iris.oficina"},
            {"mlflow.source.type", "LOCAL"},
            {"mlflow.user", "ana"},
            {"mlflow.note.content", "first try\nwith **markdown**"},
            {"oficina.run_id", a.id},
            {"oficina.run_number", std::to_string(a.number)},
            {"oficina.status", "finished"},
            {"oficina.source", "cli"},
            {"oficina.pipeline_sha256", std::string(64, 'b')},
            {"oficina.reproducibility", "exact"},
            {"oficina.overrides", "logreg.max_iter=200"},
            {"oficina.seed.split.seed", "7"},
            {"oficina.version.oficina", "0.1.0"},
            {"oficina.input.load.path", "/data/iris.csv"},
            {"oficina.input.load.sha256", std::string(64, 'a')},
            {"oficina.input.load.size", "4551"},
            {"oficina.input.load.rows", "150"},
            {"oficina.input.load.columns", "5"},
            {"oficina.labels", "baseline, v1"}};
        std::set<std::string> names = {"mlflow.log-model.history"};
        for (const auto& item : expected)
            names.insert(item.first);
        QCOMPARE(list(entries(tags)), list(names));
        for (const auto& [key, value] : expected)
            QCOMPARE(readBytes(tags / key), value);

        // The models MLflow's UI lists for the run: their MLmodel, as JSON.
        const Json history = Json::parse(readBytes(tags / "mlflow.log-model.history"));
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history[0]["artifact_path"].get<std::string>(), std::string("logreg/model"));
        QCOMPARE(history[1]["artifact_path"].get<std::string>(), std::string("export/iris"));
        QCOMPARE(history[0]["run_id"].get<std::string>(), a.id);
        QVERIFY(history[0]["flavors"].contains("onnx"));

        const fs::path failed = runFolder(1) / "tags";
        QCOMPARE(readBytes(failed / "oficina.status"), std::string("failed"));
        QCOMPARE(readBytes(failed / "oficina.failed_node"), std::string("score"));
        QCOMPARE(readBytes(failed / "oficina.error"),
                 std::string("the target column is missing"));
        QVERIFY(!fs::exists(failed / "mlflow.note.content"));
        QCOMPARE(readBytes(runFolder(3) / "tags" / "oficina.status"), std::string("crashed"));
    }

    void artifacts() {
        const fs::path artifacts = runFolder(0) / "artifacts";
        QCOMPARE(list(entries(artifacts)), "export, logreg, pipeline.oficina, run_report.json");
        QCOMPARE(readBytes(artifacts / "pipeline.oficina"), m_fixture.runs[0].pipelineText);
        QCOMPARE(readBytes(artifacts / "run_report.json"), m_fixture.runs[0].report);
        QCOMPARE(entries(artifacts / "export"), (std::set<std::string>{"iris", "iris.md"}));
        QCOMPARE(readBytes(artifacts / "export" / "iris.md"), std::string("# Iris\n"));
        const std::set<std::string> environment = {"MLmodel", "conda.yaml", "python_env.yaml",
                                                   "requirements.txt"};
        std::set<std::string> onnxFolder = environment;
        onnxFolder.insert("iris.onnx");
        QCOMPARE(entries(artifacts / "export" / "iris"), onnxFolder);
        QCOMPARE(readBytes(artifacts / "export" / "iris" / "iris.onnx"), m_fixture.package.onnx);
        std::set<std::string> packageFolder = environment;
        packageFolder.insert({"model.ofmodel", "model.onnx"});
        QCOMPARE(entries(artifacts / "logreg"), std::set<std::string>{"model"});
        QCOMPARE(entries(artifacts / "logreg" / "model"), packageFolder);
        QCOMPARE(readBytes(artifacts / "logreg" / "model" / "model.onnx"), m_fixture.package.onnx);
        QCOMPARE(readBytes(artifacts / "logreg" / "model" / "model.ofmodel"),
                 readBytes(m_fixture.packageFile));

        // python_env.yaml without `python`: MLflow then takes the Python it runs in.
        const YAML::Node python = readYaml(artifacts / "export" / "iris" / "python_env.yaml");
        QCOMPARE(fieldTypes(python),
                 (std::map<std::string, std::string>{{"build_dependencies", "list"},
                                                     {"dependencies", "list"}}));
        QCOMPARE(python["dependencies"][0].as<std::string>(), std::string("-r requirements.txt"));
        QCOMPARE(readBytes(artifacts / "export" / "iris" / "requirements.txt"),
                 std::string("mlflow\nonnx\nonnxruntime\n"));
        const YAML::Node conda = readYaml(artifacts / "export" / "iris" / "conda.yaml");
        QCOMPARE(conda["dependencies"][2]["pip"].size(), size_t(3));
        QCOMPARE(conda["name"].as<std::string>(), std::string("mlflow-env"));

        // A run with only a package that has no ONNX form: its folder, no Python environment.
        QCOMPARE(entries(runFolder(1) / "artifacts" / "logreg" / "model"),
                 (std::set<std::string>{"MLmodel", "model.ofmodel"}));
        QVERIFY(entries(runFolder(2) / "artifacts").empty());
    }

    void onnxModel() {
        const RunRecord& a = m_fixture.runs[0];
        const YAML::Node m = readYaml(runFolder(0) / "artifacts" / "logreg" / "model" / "MLmodel");
        const std::map<std::string, std::string> types = {
            {"artifact_path", "str"},    {"flavors", "dict"},        {"mlflow_version", "str"},
            {"model_size_bytes", "int"}, {"model_uuid", "str"},      {"run_id", "str"},
            {"signature", "dict"},       {"utc_time_created", "str"}};
        QCOMPARE(fieldTypes(m), types);
        QCOMPARE(m["artifact_path"].as<std::string>(), std::string("logreg/model"));
        QCOMPARE(m["mlflow_version"].as<std::string>(), std::string(kMlflowLayoutVersion));
        QCOMPARE(m["run_id"].as<std::string>(), a.id);
        QVERIFY(std::regex_match(m["model_uuid"].as<std::string>(), std::regex("[0-9a-f]{32}")));
        QCOMPARE(m["utc_time_created"].as<std::string>(),
                 std::string("2024-05-01 12:00:05.456000"));
        const uint64_t packageBytes = fs::file_size(m_fixture.packageFile);
        QCOMPARE(m["model_size_bytes"].as<uint64_t>(),
                 packageBytes + m_fixture.package.onnx.size());

        const YAML::Node flavors = m["flavors"];
        QCOMPARE(fieldTypes(flavors),
                 (std::map<std::string, std::string>{
                     {"oficina", "dict"}, {"onnx", "dict"}, {"python_function", "dict"}}));
        QCOMPARE(fieldTypes(flavors["onnx"]),
                 (std::map<std::string, std::string>{
                     {"data", "str"}, {"onnx_version", "str"}, {"providers", "list"}}));
        QCOMPARE(flavors["onnx"]["data"].as<std::string>(), std::string("model.onnx"));
        QCOMPARE(flavors["onnx"]["onnx_version"].as<std::string>(), std::string("1.12.0"));
        QCOMPARE(flavors["onnx"]["providers"][1].as<std::string>(),
                 std::string("CPUExecutionProvider"));
        const YAML::Node pyfunc = flavors["python_function"];
        QCOMPARE(fieldTypes(pyfunc),
                 (std::map<std::string, std::string>{
                     {"data", "str"}, {"env", "dict"}, {"loader_module", "str"}}));
        QCOMPARE(pyfunc["loader_module"].as<std::string>(), std::string("mlflow.onnx"));
        QCOMPARE(pyfunc["data"].as<std::string>(), std::string("model.onnx"));
        QCOMPARE(pyfunc["env"]["conda"].as<std::string>(), std::string("conda.yaml"));
        QCOMPARE(pyfunc["env"]["virtualenv"].as<std::string>(), std::string("python_env.yaml"));
        const YAML::Node oficina = flavors["oficina"];
        QCOMPARE(oficina["data"].as<std::string>(), std::string("model.ofmodel"));
        QCOMPARE(oficina["task"].as<std::string>(), std::string("classification"));
        QCOMPARE(oficina["target"].as<std::string>(), m_fixture.package.manifest.target);
        QCOMPARE(oficina["classes"].as<std::vector<std::string>>(),
                 m_fixture.package.manifest.classes);
        QCOMPARE(oficina["estimator"].as<std::string>(), m_fixture.package.manifest.estimatorType);
        QCOMPARE(pyType(oficina["format_version"]), std::string("int"));

        // One [batch, 1] float64 tensor per raw column (core/export/OnnxExport.h), named after
        // it; the predicted label and the class probabilities out.
        const YAML::Node signature = m["signature"];
        QCOMPARE(fieldTypes(signature),
                 (std::map<std::string, std::string>{
                     {"inputs", "str"}, {"outputs", "str"}, {"params", "NoneType"}}));
        const Json inputs = Json::parse(signature["inputs"].as<std::string>());
        QCOMPARE(inputs.size(), m_fixture.package.manifest.inputs.size());
        for (size_t i = 0; i < inputs.size(); ++i) {
            const Json expected = {{"name", m_fixture.package.manifest.inputs[i].name},
                                   {"type", "tensor"},
                                   {"tensor-spec", {{"dtype", "float64"}, {"shape", {-1, 1}}}}};
            QCOMPARE(text(inputs[i].dump()), text(expected.dump()));
        }
        const Json outputs = Json::parse(signature["outputs"].as<std::string>());
        const Json expected = Json::parse(R"([
            {"name": "label", "type": "tensor", "tensor-spec": {"dtype": "str", "shape": [-1]}},
            {"name": "probabilities", "type": "tensor",
             "tensor-spec": {"dtype": "float64", "shape": [-1, 3]}}])");
        QCOMPARE(text(outputs.dump()), text(expected.dump()));

        // The Export node's ONNX file: the same signature, read from its graph alone.
        const YAML::Node file =
            readYaml(runFolder(0) / "artifacts" / "export" / "iris" / "MLmodel");
        QCOMPARE(file["flavors"]["onnx"]["data"].as<std::string>(), std::string("iris.onnx"));
        QVERIFY(!file["flavors"]["oficina"]);
        QCOMPARE(file["signature"]["inputs"].as<std::string>(),
                 signature["inputs"].as<std::string>());
        QCOMPARE(file["signature"]["outputs"].as<std::string>(),
                 signature["outputs"].as<std::string>());
        QVERIFY(file["model_uuid"].as<std::string>() != m["model_uuid"].as<std::string>());
    }

    void packageWithoutOnnx() {
        const YAML::Node m = readYaml(runFolder(1) / "artifacts" / "logreg" / "model" / "MLmodel");
        QCOMPARE(fieldTypes(m["flavors"]),
                 (std::map<std::string, std::string>{{"oficina", "dict"}}));
        // The columns `oficina-cli predict` reads and writes: a column-based signature.
        const Json inputs = Json::parse(m["signature"]["inputs"].as<std::string>());
        QCOMPARE(inputs.size(), size_t(4));
        for (size_t i = 0; i < inputs.size(); ++i)
            QCOMPARE(
                text(inputs[i].dump()),
                text(Json({{"name", m_fixture.package.manifest.inputs[i].name}, {"type", "double"}})
                         .dump()));
        const Json outputs = Json::parse(m["signature"]["outputs"].as<std::string>());
        QCOMPARE(outputs.size(), m_fixture.package.manifest.outputs.size());
        QCOMPARE(text(outputs[0].dump()), text(R"({"name":"prediction","type":"string"})"));
        QCOMPARE(outputs[1]["type"].get<std::string>(), std::string("double"));
    }

    /// A stored package that does not read is copied as the file it is, with a warning.
    void damagedPackage() {
        const QString warning = text(m_summary.warnings.at(0));
        QVERIFY2(warning.startsWith("run #5: broken.ofmodel copied as a file: "),
                 qPrintable(warning));
        const fs::path artifacts = runFolder(4) / "artifacts";
        QCOMPARE(list(entries(artifacts / "train")), "broken.ofmodel");
        QCOMPARE(readBytes(artifacts / "train" / "broken.ofmodel"), std::string("not a zip file"));
        QVERIFY(!fs::exists(runFolder(4) / "tags" / "mlflow.log-model.history"));
    }

    void registry() {
        const fs::path model = m_export / "models" / "iris-classifier";
        QCOMPARE(entries(model),
                 (std::set<std::string>{"aliases", "meta.yaml", "version-1", "version-2"}));
        const RegisteredModel registered = m_fixture.store->listModels().at(0);
        const YAML::Node meta = readYaml(model / "meta.yaml");
        QCOMPARE(fieldTypes(meta),
                 (std::map<std::string, std::string>{{"aliases", "dict"},
                                                     {"creation_timestamp", "int"},
                                                     {"description", "str"},
                                                     {"last_updated_timestamp", "int"},
                                                     {"name", "str"}}));
        QCOMPARE(meta["name"].as<std::string>(), std::string("iris-classifier"));
        QCOMPARE(meta["description"].as<std::string>(), std::string("Iris species"));
        QCOMPARE(meta["creation_timestamp"].as<int64_t>(), registered.createdMs);
        QCOMPARE(meta["last_updated_timestamp"].as<int64_t>(), registered.updatedMs);
        QCOMPARE(pyType(meta["aliases"]["champion"]), std::string("str"));
        QCOMPARE(meta["aliases"]["champion"].as<std::string>(), std::string("2"));
        QCOMPARE(entries(model / "aliases"), std::set<std::string>{"champion"});
        QCOMPARE(readBytes(model / "aliases" / "champion"), std::string("2"));

        const std::vector<ModelVersion> versions =
            m_fixture.store->modelVersions("iris-classifier");
        QCOMPARE(versions.size(), size_t(2));
        for (const ModelVersion& v : versions) {
            const size_t run = v.version == 1 ? 0 : 1;
            const fs::path folder = model / ("version-" + std::to_string(v.version));
            const YAML::Node m = readYaml(folder / "meta.yaml");
            const std::map<std::string, std::string> types = {
                {"aliases", "list"},
                {"creation_timestamp", "int"},
                {"current_stage", "str"},
                {"description", v.description.empty() ? "NoneType" : "str"},
                {"last_updated_timestamp", "int"},
                {"name", "str"},
                {"run_id", "str"},
                {"run_link", "NoneType"},
                {"source", "str"},
                {"status", "str"},
                {"status_message", "NoneType"},
                {"storage_location", "str"},
                {"user_id", "str"},
                {"version", "int"}};
            QCOMPARE(fieldTypes(m), types);
            QCOMPARE(m["version"].as<int64_t>(), v.version);
            QCOMPARE(m["name"].as<std::string>(), std::string("iris-classifier"));
            QCOMPARE(m["run_id"].as<std::string>(), m_fixture.runs[run].id);
            QCOMPARE(m["current_stage"].as<std::string>(), std::string("None"));
            QCOMPARE(m["status"].as<std::string>(), std::string("READY"));
            QCOMPARE(m["creation_timestamp"].as<int64_t>(), v.createdMs);
            const std::string source = uri(runFolder(run) / "artifacts" / "logreg" / "model");
            QCOMPARE(m["source"].as<std::string>(), source);
            QCOMPARE(m["storage_location"].as<std::string>(), source);
            QCOMPARE(m["aliases"].as<std::vector<std::string>>(), v.aliases);
            QCOMPARE(readBytes(folder / "tags" / "oficina.node"), std::string("logreg"));
            QCOMPARE(readBytes(folder / "tags" / "oficina.package_sha256"), v.artifactSha256);
        }
        QCOMPARE(readYaml(model / "version-1" / "meta.yaml")["description"].as<std::string>(),
                 std::string("first try"));
    }

    /// A second export into the same folder writes the same bytes and keeps what it did not
    /// write: a file of the user's, an experiment MLflow made, a version added in MLflow.
    void reexportIsIdempotent() {
        const fs::path folder = fs::path(m_dir.path().toStdString()) / "again";
        exportToMlflow(*m_fixture.store, folder.string(), {.user = "ana"});
        writeText(folder / "notes.txt", "mine");
        fs::create_directories(folder / "42");
        writeText(folder / "42" / "meta.yaml", "experiment_id: '42'\nname: mlflow-made\n");
        fs::create_directories(folder / "models" / "iris-classifier" / "version-3");
        writeText(folder / "models" / "iris-classifier" / "version-3" / "meta.yaml",
                  "version: 3\n");
        const auto before = tree(folder);
        const MlflowExportSummary again =
            exportToMlflow(*m_fixture.store, folder.string(), {.user = "ana"});
        QCOMPARE(again.runs, size_t(5));
        QVERIFY(tree(folder) == before);
    }

    void runFilter() {
        const fs::path folder = fs::path(m_dir.path().toStdString()) / "filtered";
        const RunRecord& b = m_fixture.runs[1];
        const MlflowExportSummary summary =
            exportToMlflow(*m_fixture.store, folder.string(),
                           {.runIds = {"#" + std::to_string(b.number)}, .user = "ana"});
        QCOMPARE(summary.runs, size_t(1));
        QCOMPARE(summary.experiments, size_t(1));
        QCOMPARE(summary.versions, size_t(1)); // version 2 only: its run is the one exported
        const std::string experiment = m_ids[1];
        QCOMPARE(entries(folder), (std::set<std::string>{".trash", "0", experiment, "models"}));
        QCOMPARE(entries(folder / experiment), (std::set<std::string>{"meta.yaml", b.id}));
        // The experiment's times come from all its runs, not only the exported ones.
        QCOMPARE(readYaml(folder / experiment / "meta.yaml")["creation_time"].as<int64_t>(),
                 m_fixture.runs[0].startMs);
        QCOMPARE(entries(folder / "models" / "iris-classifier"),
                 (std::set<std::string>{"aliases", "meta.yaml", "version-2"}));
        QCOMPARE(readBytes(folder / "models" / "iris-classifier" / "aliases" / "champion"),
                 std::string("2"));

        const MlflowExportSummary noModels = exportToMlflow(
            *m_fixture.store, (folder / "runs only").string(), {.runIds = {b.id}, .models = false});
        QCOMPARE(noModels.models, size_t(0));
        QVERIFY(!fs::exists(folder / "runs only" / "models"));

        bool refused = false;
        try {
            exportToMlflow(*m_fixture.store, folder.string(), {.runIds = {"999"}});
        } catch (const Error&) {
            refused = true;
        }
        QVERIFY(refused);
    }

    /// An experiment of the same name already in the folder (made by MLflow) receives the runs
    /// and keeps its metadata.
    void existingExperimentByName() {
        const fs::path folder = fs::path(m_dir.path().toStdString()) / "existing";
        fs::create_directories(folder / "123456");
        const std::string meta = "artifact_location: file:///elsewhere\ncreation_time: 1\n"
                                 "experiment_id: '123456'\nlast_update_time: 1\n"
                                 "lifecycle_stage: active\nname: wine\n";
        writeText(folder / "123456" / "meta.yaml", meta);
        exportToMlflow(*m_fixture.store, folder.string());
        QCOMPARE(readBytes(folder / "123456" / "meta.yaml"), meta);
        QVERIFY(fs::exists(folder / "123456" / m_fixture.runs[2].id / "meta.yaml"));
        QCOMPARE(readYaml(folder / "123456" / m_fixture.runs[2].id / "meta.yaml")["experiment_id"]
                     .as<std::string>(),
                 std::string("123456"));
        QVERIFY(!fs::exists(folder / m_ids[2]));
    }

    void unwritableFolder_data() {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("below a file") << false;
        QTest::newRow("read-only folder") << true;
    }

    void unwritableFolder() {
        QFETCH(bool, readOnly);
        const fs::path base = fs::path(m_dir.path().toStdString()) / (readOnly ? "ro" : "file");
        fs::path target = base;
        if (readOnly) {
            fs::create_directories(base);
            QCOMPARE(::chmod(base.c_str(), 0555), 0);
            if (::access(base.c_str(), W_OK) == 0) {
                ::chmod(base.c_str(), 0755);
                QSKIP("this user writes into read-only folders (root)");
            }
        } else {
            writeText(base, "a file");
            target = base / "mlruns";
        }
        QString where, message;
        try {
            exportToMlflow(*m_fixture.store, target.string());
        } catch (const Error& e) {
            where = text(e.where());
            message = text(e.message().english());
        }
        if (readOnly) ::chmod(base.c_str(), 0755);
        QVERIFY2(where.startsWith(text(base.string())), qPrintable(where));
        QVERIFY2(message.startsWith("cannot create the folder: "), qPrintable(message));
    }

    /// Strings YAML 1.1 would read as something else come out quoted, and read back the same.
    void yamlStrings_data() {
        QTest::addColumn<QString>("value");
        for (const char* s : {"true",
                              "No",
                              "null",
                              "~",
                              "",
                              "123",
                              "0.5",
                              "1e3",
                              ".inf",
                              "1:20",
                              "2024-05-01",
                              "a: b",
                              "it's",
                              "line\nbreak",
                              "None",
                              "READY",
                              "file:///tmp/a b",
                              "#hash",
                              "- dash",
                              "ação"})
            QTest::newRow(s) << QString::fromUtf8(s);
    }

    void yamlStrings() {
        QFETCH(QString, value);
        const std::string s = value.toStdString();
        const YAML::Node node = YAML::Load(yamlText(Json{{"key", s}}))["key"];
        QCOMPARE(pyType(node), std::string("str"));
        QCOMPARE(node.as<std::string>(), s);
    }

private:
    fs::path runFolder(size_t i) const { return m_export / m_ids[i] / m_fixture.runs[i].id; }

    static std::string uri(const fs::path& path) {
        std::string encoded = "file://";
        for (const char c : path.string())
            encoded += c == ' ' ? std::string("%20") : std::string(1, c);
        return encoded;
    }

    static void writeText(const fs::path& path, const std::string& bytes) {
        std::ofstream(path, std::ios::binary) << bytes;
    }

    NodeRegistry m_registry;
    QTemporaryDir m_dir;
    MlflowFixture m_fixture;
    std::vector<std::string> m_ids; // each run's experiment id in m_export
    fs::path m_export;
    MlflowExportSummary m_summary;
};

QTEST_GUILESS_MAIN(MlflowExportTest)
#include "tst_mlflowexport.moc"

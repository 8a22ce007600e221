#include "track/RunRecorder.h"

#include "data/Table.h"
#include "deploy/ModelPackage.h"
#include "eval/MetricCatalog.h"
#include "eval/Metrics.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/RunReport.h"
#include "util/Error.h"
#include "util/Sha256.h"

#include <Eigen/Core>
#include <sqlite3.h>
#include <sys/stat.h>
#include <xgboost/c_api.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace oficina::core::track {

namespace {

struct FileStamp {
    bool regular = false;
    uint64_t size = 0;
    int64_t modifiedNs = 0;
};

FileStamp stamp(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {};
    return {S_ISREG(info.st_mode), uint64_t(info.st_size),
            int64_t(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

std::string hashFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    Sha256 hash;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        hash.add(buffer.data(), size_t(in.gcount()));
    }
    return in.bad() ? std::string() : hash.hex();
}

// Runs beside the nodes that read the same files, so the bytes come from the page cache; a
// file whose path, size and time the store has seen is not read again.
std::vector<InputFile> fingerprint(const RunStore& store,
                                   const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<InputFile> inputs;
    for (const auto& [node, path] : files) {
        InputFile in;
        in.node = node;
        in.path = path;
        const FileStamp before = stamp(path);
        in.size = before.size;
        in.modifiedNs = before.modifiedNs;
        if (before.regular) {
            try {
                in.sha256 = store.knownHash(path, before.size, before.modifiedNs).value_or("");
            } catch (const Error&) {
                // A busy store only costs the hash below.
            }
            if (in.sha256.empty()) in.sha256 = hashFile(path);
            // Changed while hashed: the hash describes no version of the file for sure.
            const FileStamp after = stamp(path);
            if (after.size != before.size || after.modifiedNs != before.modifiedNs) in.sha256.clear();
        }
        inputs.push_back(std::move(in));
    }
    return inputs;
}

const Table* firstTable(const NodeResult& result) {
    for (const auto& [port, value] : result.outputs)
        if (const auto* table = std::get_if<std::shared_ptr<const Table>>(&value)) return table->get();
    return nullptr;
}

// The run report without what the record keeps elsewhere or can do without: metric series (in
// the metrics) and point matrices (ROC and precision-recall curves, residuals: one point per
// test row, megabytes a run). Tables such as confusion matrices stay.
std::string storedReport(nlohmann::ordered_json report) {
    for (auto& node : report["nodes"]) {
        node.erase("series");
        auto& matrices = node["matrices"];
        for (auto it = matrices.begin(); it != matrices.end();)
            it = matrixKind(it.key()) == MatrixKind::Points ? matrices.erase(it) : std::next(it);
    }
    return report.dump();
}

} // namespace

std::vector<std::pair<std::string, std::string>> inputFilesOf(const Graph& graph,
                                                              const NodeRegistry& registry) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& node : graph.nodes()) {
        const NodeSpec* spec = registry.find(node.type);
        if (!spec) continue;
        for (const auto& p : spec->params)
            if (p.kind == ParamKind::File && !p.writesFile && node.params.contains(p.key) &&
                !node.params.text(p.key).empty())
                files.emplace_back(node.id, resolvePath(graph, node.params.text(p.key)));
    }
    return files;
}

std::string reproducibilityOf(const Graph& graph, const NodeRegistry& registry) {
    for (const auto& node : graph.nodes()) {
        const NodeSpec* spec = registry.find(node.type);
        if (spec && spec->category == Category::NeuralNets) return "last_bits";
        // XGBoost sums gradients in a thread-dependent order: exact on one thread only.
        if (node.type.find("xgboost") != std::string::npos && node.params.contains("n_jobs") &&
            node.params.integer("n_jobs") != 1)
            return "last_bits";
    }
    return "exact";
}

std::map<std::string, std::string> libraryVersions() {
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return {
        {"oficina", OFICINA_VERSION},
        {"pipeline_format", std::to_string(kPipelineFormatVersion)},
        {"model_package_format", std::to_string(deploy::kPackageFormatVersion)},
        {"run_store_schema", std::to_string(kStoreSchemaVersion)},
        {"xgboost", std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch)},
        {"eigen", std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) +
                      "." + std::to_string(EIGEN_MINOR_VERSION)},
        {"sqlite", sqlite3_libversion()},
        {"compiler", __VERSION__},
    };
}

std::string artifactKind(const std::string& path) {
    const std::string extension = fs::path(path).extension().string();
    if (extension == deploy::kPackageExtension) return "model_package";
    if (extension == ".onnx") return "onnx";
    if (extension == ".md") return "card";
    if (extension == ".json") return "report";
    if (extension == ".png" || extension == ".svg") return "chart";
    return "file";
}

RunRecorder::RunRecorder(RunStore& store, const Graph& graph, const NodeRegistry& registry,
                         RecordOptions options)
    : m_store(store), m_graph(graph), m_registry(registry) {
    RunRecord& r = m_record;
    const std::string& fileName = graph.fileName();
    r.experiment = fileName.empty() ? "unsaved" : fs::path(fileName).stem().string();
    if (!fileName.empty())
        r.pipelinePath = (fs::path(graph.baseDirectory()) / fileName).lexically_normal().string();
    r.pipelineText = serializePipeline(graph, registry);
    r.pipelineHash = sha256Hex(r.pipelineText);
    r.source = std::move(options.source);
    r.overrides = std::move(options.overrides);
    r.note = std::move(options.note);
    r.tags = std::move(options.tags);
    for (const auto& node : graph.nodes()) {
        const NodeSpec* spec = registry.find(node.type);
        if (!spec) continue;
        for (const auto& [key, value] : node.params.all()) {
            const Parameter* p = spec->param(key);
            const std::string name = node.id + "." + key;
            r.params[name] = p ? p->display(value) : std::string();
            if (key == "seed" && std::holds_alternative<int64_t>(value))
                r.seeds[name] = uint64_t(std::get<int64_t>(value));
        }
    }
    r.versions = libraryVersions();
    r.reproducibility = reproducibilityOf(graph, registry);
    store.beginRun(r);
    m_hashing = std::async(std::launch::async, fingerprint, std::cref(store),
                           inputFilesOf(graph, registry));
}

RunRecorder::~RunRecorder() {
    if (m_hashing.valid()) m_hashing.wait();
}

void RunRecorder::logPoints(const std::vector<MetricPoint>& points) {
    if (points.empty()) return;
    std::vector<MetricValue> values;
    const int64_t now = epochMilliseconds();
    for (const auto& p : points) values.push_back({p.node + "." + p.series, p.value, p.step, now, true});
    m_store.logMetrics(m_record.id, values);
}

RunRecord& RunRecorder::finish(const RunResult& result) {
    RunRecord& r = m_record;
    r.endMs = epochMilliseconds();
    r.status = result.cancelled ? RunStatus::Stopped : RunStatus::Finished;
    if (!result.issues.empty()) {
        r.status = RunStatus::Failed;
        r.failedNode = result.issues.front().node;
        r.message = result.issues.front().message.english();
    }
    for (const auto& id : result.order) {
        const NodeResult& node = result.nodes.at(id);
        if (node.state == NodeState::Failed && r.status != RunStatus::Failed && !result.cancelled) {
            r.status = RunStatus::Failed;
            r.failedNode = id;
            r.message = describeError(node);
        }
        for (const auto& p : node.metrics)
            r.metrics.push_back({id + "." + p.series, p.value, p.step, r.endMs, true});
        for (const auto& [port, value] : node.outputs)
            if (const auto* m = std::get_if<std::shared_ptr<const Metrics>>(&value)) {
                for (const auto& [name, v] : (*m)->scalars)
                    r.metrics.push_back({id + "." + name, v, 0, r.endMs, false});
                // Cross-validation's per-fold scores, as series over the folds 1, 2…: beside
                // the scalars "accuracy_mean" and "accuracy_std", "accuracy" by fold.
                for (const auto& matrix : (*m)->matrices)
                    if (matrix.name == "folds")
                        for (size_t c = 0; c < matrix.columnLabels.size(); ++c)
                            for (size_t row = 0; row < matrix.rowLabels.size(); ++row)
                                r.metrics.push_back({id + "." + matrix.columnLabels[c],
                                                     matrix.at(row, c), double(row + 1), r.endMs,
                                                     true});
            }
    }

    r.inputs = m_hashing.get();
    for (auto& in : r.inputs) {
        const auto it = result.nodes.find(in.node);
        const Table* table = it == result.nodes.end() ? nullptr : firstTable(it->second);
        if (!table) continue;
        in.rows = table->rowCount();
        in.columns = table->columnCount();
        for (const auto& column : table->columns())
            in.schema.emplace_back(column.name(), toString(column.type()));
    }
    r.report = storedReport(runReport(m_graph, m_registry, result));

    std::set<std::string> kept;
    for (const auto& id : result.order)
        for (const auto& file : result.nodes.at(id).writtenFiles)
            if (const std::string kind = artifactKind(file); kind != "file" && kept.insert(file).second)
                addArtifactFile(file, kind, id);
    return r;
}

void RunRecorder::addArtifactFile(const std::string& file, const std::string& kind,
                                  const std::string& node) {
    try {
        m_record.artifacts.push_back(m_store.addArtifactFile(m_record.id, file, kind, node));
    } catch (const Error& e) {
        m_problems.push_back(e.what());
    }
}

void RunRecorder::commit() {
    if (m_committed) return;
    m_store.finishRun(m_record);
    m_committed = true;
}

} // namespace oficina::core::track

#include "Commands.h"
#include "Gates.h"
#include "RunRecording.h"

#include "data/ColumnSummary.h"
#include "data/CsvWriter.h"
#include "data/SampleData.h"
#include "data/TextInput.h"
#include "data/TableFile.h"
#include "deploy/ModelPackage.h"
#include "deploy/PackageFromRun.h"
#include "eval/MetricCatalog.h"
#include "eval/Metrics.h"
#include "export/OnnxExport.h"
#include "pipeline/Executor.h"
#include "pipeline/HeldOutMetrics.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/OutputFiles.h"
#include "pipeline/PipelineFile.h"
#include "pipeline/RunReport.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Sha256.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <new>
#include <optional>

namespace oficina::cli {

using core::Error;
using Json = nlohmann::ordered_json;

namespace {

// Text from files (column names, labels, data tokens) is shown with its control characters
// escaped: a crafted file must not drive the terminal.
std::string shown(std::string_view text) { return core::printableText(text, std::string::npos); }

void printError(const std::string& text) { std::cerr << "oficina-cli: " << shown(text) << "\n"; }

Json numberOrNull(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

Json parameterJson(const core::Parameter& p) {
    Json j{{"key", p.key}, {"label", p.label}, {"kind", core::toString(p.kind)},
           {"default", p.toJson(p.defaultValue)}, {"help", p.help}};
    if (p.min) j["min"] = *p.min;
    if (p.max) j["max"] = *p.max;
    if (!p.choices.empty()) {
        Json choices = Json::array();
        for (const auto& c : p.choices) choices.push_back(c.key);
        j["choices"] = std::move(choices);
    }
    return j;
}

Json portsJson(const std::vector<core::PortSpec>& ports) {
    Json out = Json::array();
    for (const auto& p : ports)
        out.push_back(Json{{"name", p.name}, {"type", core::toString(p.type)},
                           {"label", p.label}, {"optional", p.optional}});
    return out;
}

/// Applies one NODE.PARAM=VALUE override, validating it like the GUI's property editor does.
void applySet(core::Graph& graph, const core::NodeRegistry& registry, const std::string& set) {
    const size_t equals = set.find('=');
    const size_t dot = set.find('.');
    if (equals == std::string::npos || dot == std::string::npos || dot > equals)
        throw Error(core::Message("--set %1: expected NODE.PARAM=VALUE", {set}));
    const std::string nodeId = set.substr(0, dot);
    const std::string key = set.substr(dot + 1, equals - dot - 1);
    const core::Node* node = graph.node(nodeId);
    if (!node) throw Error(core::Message("--set %1: the pipeline has no node '%2'", {set, nodeId}));
    const core::NodeSpec* spec = registry.find(node->type);
    const core::Parameter* p = spec ? spec->param(key) : nullptr;
    if (!p)
        throw Error(core::Message("--set %1: node '%2' (%3) has no parameter '%4'",
                                  {set, nodeId, node->type, key}));
    core::Value value = p->parse(set.substr(equals + 1));
    if (auto why = p->rejects(value)) throw Error(*why, "--set " + set);
    graph.setParameter(nodeId, key, std::move(value));
}

struct PredictionTarget {
    std::string node, port, path;
};

PredictionTarget parsePredictionTarget(const std::string& text) {
    const size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw Error(core::Message("--predictions %1: expected NODE[.PORT]=FILE.csv", {text}));
    const std::string ref = text.substr(0, equals);
    const size_t dot = ref.find('.');
    return {ref.substr(0, dot), dot == std::string::npos ? "" : ref.substr(dot + 1),
            text.substr(equals + 1)};
}

struct ExportTarget {
    std::string node, path;
};

/// NODE=FILE, where NODE has a model output; `option` is "--export-onnx" or "--save-model".
ExportTarget parseExportTarget(const std::string& text, const char* option,
                               const core::Graph& graph, const core::NodeRegistry& registry) {
    const bool onnx = std::string_view(option) == "--export-onnx";
    const size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw Error(core::Message("%1 %2: expected NODE=FILE%3",
                                  {option, text, onnx ? ".onnx" : core::deploy::kPackageExtension}));
    ExportTarget target{text.substr(0, equals), text.substr(equals + 1)};
    const core::Node* node = graph.node(target.node);
    if (!node)
        throw Error(core::Message("%1 %2: the pipeline has no node '%3'",
                                  {option, text, target.node}));
    if (const auto why = onnx ? core::onnxRefusalForType(node->type) : std::nullopt)
        throw Error(core::Message("%1 %2: %3", {option, text, why->english()}));
    const core::NodeSpec* spec = registry.find(node->type);
    const bool trainsModel =
        spec && std::any_of(spec->outputs.begin(), spec->outputs.end(),
                            [](const auto& port) { return port.type == core::PortType::Model; });
    if (!trainsModel)
        throw Error(core::Message("%1 %2: node '%3' (%4) has no model output; name "
                                  "the node that trains the model",
                                  {option, text, target.node, node->type}));
    return target;
}

const core::Model* modelOutput(const core::NodeResult& result) {
    for (const auto& [name, value] : result.outputs)
        if (const auto* m = std::get_if<std::shared_ptr<const core::Model>>(&value)) return m->get();
    return nullptr;
}

/// Writes the model each target's node trained with `write`; returns the worst exit code.
int writeModels(const std::vector<ExportTarget>& targets, const char* option,
                const core::RunResult& result,
                const std::function<void(const core::Model&, const ExportTarget&)>& write) {
    int code = Ok;
    for (const auto& target : targets) {
        const core::Model* model = modelOutput(result.nodes.at(target.node));
        if (!model) {
            printError(std::string(option) + ": node '" + target.node + "' trained no model");
            code = std::max<int>(code, NodeFailed);
            continue;
        }
        try {
            write(*model, target);
        } catch (const Error& e) {
            printError(std::string(option) + " " + target.node + ": " + e.what());
            code = BadInput;
        }
    }
    return code;
}

int exportModels(const std::vector<ExportTarget>& targets, const core::Graph& graph,
                 const core::NodeRegistry& registry, const core::RunResult& result,
                 const RunOptions& options) {
    return writeModels(targets, "--export-onnx", result, [&](const core::Model& model,
                                                             const ExportTarget& target) {
        core::OnnxExportOptions exportOptions;
        exportOptions.pipelineName = std::filesystem::path(options.pipeline).filename().string();
        exportOptions.pipelineHash = core::sha256Hex(core::serializePipeline(graph, registry));
        exportOptions.heldOut = core::heldOutMetrics(graph, registry, result, target.node);
        exportOptions.floatInputs = options.onnxFloatInputs;
        const core::OnnxExportResult written = core::exportOnnx(model, target.path, exportOptions);
        if (!options.quiet)
            std::fprintf(stderr, "exported '%s' to %s (%.1f KB, %zu graph nodes) and %s\n",
                         target.node.c_str(), written.path.c_str(), double(written.bytes) / 1024,
                         written.nodeCount, written.cardPath.c_str());
    });
}

int saveModels(const std::vector<ExportTarget>& targets, const core::Graph& graph,
               const core::NodeRegistry& registry, const core::RunResult& result,
               const RunOptions& options) {
    const auto resultOf = [&](const std::string& id) {
        const auto found = result.nodes.find(id);
        return found == result.nodes.end() ? nullptr : &found->second;
    };
    return writeModels(targets, "--save-model", result, [&](const core::Model& model,
                                                            const ExportTarget& target) {
        const core::deploy::ModelPackage package = core::deploy::packageModel(
            model, core::deploy::packageOptionsFromRun(graph, registry, resultOf, target.node,
                                                       options.pipeline));
        core::deploy::writePackage(package, target.path);
        if (!options.quiet)
            std::fprintf(stderr, "saved '%s' to %s (%zu inputs%s)\n", target.node.c_str(),
                         target.path.c_str(), package.manifest.inputs.size(),
                         package.manifest.hasOnnx ? ", with its ONNX export" : "");
    });
}

const core::Table* tableOutput(const core::NodeResult& result, const std::string& port) {
    for (const auto& [name, value] : result.outputs)
        if (port.empty() || name == port)
            if (const auto* t = std::get_if<std::shared_ptr<const core::Table>>(&value))
                return t->get();
    return nullptr;
}

} // namespace

int inspect(const InspectOptions& options) {
    core::ReadResult result;
    std::vector<core::ColumnSummary> summaries;
    try {
        result = core::readTableFile(options.file);
        summaries = core::summarizeTable(result.table);
    } catch (const Error& e) {
        printError(e.what());
        return BadInput;
    } catch (const std::bad_alloc&) {
        // Said as `run` says it for a node, after freeing what was read so far.
        result = {};
        printError(options.file + ": out of memory");
        return BadInput;
    }
    if (options.json) {
        Json columns = Json::array();
        for (const auto& s : summaries) {
            Json c{{"name", s.name}, {"type", core::toString(s.type)}, {"missing", s.missing}};
            if (s.type == core::ColumnType::Numeric) {
                c["min"] = numberOrNull(s.min);
                c["max"] = numberOrNull(s.max);
                c["mean"] = numberOrNull(s.mean);
            } else {
                c["distinct"] = s.categoryCounts.size();
                Json counts = Json::object();
                for (const auto& [label, count] : s.categoryCounts) counts[label] = count;
                c["counts"] = std::move(counts);
            }
            columns.push_back(std::move(c));
        }
        Json warnings = Json::array();
        for (const auto& w : result.warnings) warnings.push_back(w.english());
        std::cout << Json{{"file", options.file},
                          {"rows", result.table.rowCount()},
                          {"columns", std::move(columns)},
                          {"warnings", std::move(warnings)}}
                         .dump(2)
                  << "\n";
        return Ok;
    }
    for (const auto& w : result.warnings) std::cerr << "warning: " << shown(w.english()) << "\n";
    std::printf("%s: %zu rows, %zu columns\n", shown(options.file).c_str(), result.table.rowCount(),
                result.table.columnCount());
    size_t width = 6;
    for (const auto& s : summaries) width = std::max(width, shown(s.name).size());
    std::printf("%-*s  %-11s  %7s  %s\n", int(width), "column", "type", "missing", "values");
    for (const auto& s : summaries) {
        std::string values;
        if (s.type == core::ColumnType::Numeric) {
            char buffer[128];
            std::snprintf(buffer, sizeof buffer, "min %.6g  max %.6g  mean %.6g", s.min, s.max,
                          s.mean);
            values = buffer;
        } else {
            values = std::to_string(s.categoryCounts.size()) + " distinct";
            for (size_t i = 0; i < std::min<size_t>(3, s.categoryCounts.size()); ++i)
                values += (i ? ", " : ": ") + shown(s.categoryCounts[i].first) + " (" +
                          std::to_string(s.categoryCounts[i].second) + ")";
        }
        std::printf("%-*s  %-11s  %7zu  %s\n", int(width), shown(s.name).c_str(),
                    core::toString(s.type), s.missing, values.c_str());
    }
    return Ok;
}

int listNodes(const core::NodeRegistry& registry, const std::string& type, bool json) {
    std::vector<const core::NodeSpec*> specs;
    for (const auto& spec : registry.all())
        if (type.empty() || spec.type == type) specs.push_back(&spec);
    if (specs.empty()) {
        printError("no node type '" + type + "'; `oficina-cli nodes` lists them");
        return BadInput;
    }
    if (json) {
        Json out = Json::array();
        for (const auto* spec : specs) {
            Json params = Json::array();
            for (const auto& p : spec->params) params.push_back(parameterJson(p));
            out.push_back(Json{{"type", spec->type},
                               {"version", spec->version},
                               {"title", spec->title},
                               {"category", core::toString(spec->category)},
                               {"help", spec->help},
                               {"when_to_use", spec->whenToUse},
                               {"concepts", spec->concepts},
                               {"inputs", portsJson(spec->inputs)},
                               {"outputs", portsJson(spec->outputs)},
                               {"params", std::move(params)}});
        }
        std::cout << out.dump(2) << "\n";
        return Ok;
    }
    for (const auto* spec : specs) {
        std::cout << spec->type << "  [" << core::toString(spec->category) << "]  " << spec->title
                  << "\n    " << spec->help << "\n    When to use it: " << spec->whenToUse
                  << "\n";
        const auto ports = [](const char* what, const std::vector<core::PortSpec>& list) {
            if (list.empty()) return;
            std::cout << "    " << what << ":";
            for (const auto& p : list)
                std::cout << " " << p.name << " (" << core::toString(p.type)
                          << (p.optional ? ", optional" : "") << ")";
            std::cout << "\n";
        };
        ports("inputs", spec->inputs);
        ports("outputs", spec->outputs);
        for (const auto& p : spec->params) {
            std::cout << "    " << p.key << " : " << core::toString(p.kind)
                      << " = " << p.display(p.defaultValue);
            if (p.min && p.max)
                std::cout << "  [" << core::formatNumber(*p.min) << ", "
                          << core::formatNumber(*p.max) << "]";
            if (!p.choices.empty()) {
                std::cout << "  {";
                for (size_t i = 0; i < p.choices.size(); ++i)
                    std::cout << (i ? ", " : "") << p.choices[i].key;
                std::cout << "}";
            }
            std::cout << "\n        " << p.label << (*p.help ? std::string(". ") + p.help : "")
                      << "\n";
        }
        std::cout << "\n";
    }
    return Ok;
}

int formatPipelines(const core::NodeRegistry& registry, const std::vector<std::string>& files,
                    bool check) {
    int status = Ok;
    for (const std::string& file : files) {
        try {
            const core::Graph graph = core::loadPipeline(file, registry);
            const std::string canonical = core::serializePipeline(graph, registry);
            std::ifstream in(file, std::ios::binary);
            const std::string current{std::istreambuf_iterator<char>(in), {}};
            if (current == canonical) continue;
            if (check) {
                std::cout << file << ": not in canonical form\n";
                status = NotCanonical;
            } else {
                core::savePipeline(graph, registry, file);
                std::cout << file << ": rewritten\n";
            }
        } catch (const Error& e) {
            printError(e.what());
            return BadInput;
        }
    }
    return status;
}

int listDatasets(bool json) {
    Json out = Json::array();
    for (const auto& d : core::sampleDatasets()) {
        if (!json) {
            std::cout << d.key << "  " << d.title << " (target: " << d.target << ")\n    "
                      << d.description << "\n    " << d.citation << "\n";
            continue;
        }
        out.push_back(Json{{"key", d.key}, {"title", d.title}, {"description", d.description},
                           {"citation", d.citation}, {"target", d.target}});
    }
    if (json) std::cout << out.dump(2) << "\n";
    return Ok;
}

int run(const core::NodeRegistry& registry, const RunOptions& options) {
    core::Graph graph;
    std::vector<PredictionTarget> predictionTargets;
    std::vector<ExportTarget> exportTargets, saveTargets;
    PreparedGates gates;
    try {
        graph = core::loadPipeline(options.pipeline, registry);
        for (const auto& set : options.sets) applySet(graph, registry, set);
        for (const auto& text : options.predictions) {
            PredictionTarget target = parsePredictionTarget(text);
            if (!graph.node(target.node))
                throw Error(core::Message("--predictions %1: the pipeline has no node '%2'",
                                          {text, target.node}));
            predictionTargets.push_back(std::move(target));
        }
        for (const auto& text : options.onnxExports)
            exportTargets.push_back(parseExportTarget(text, "--export-onnx", graph, registry));
        for (const auto& text : options.savedModels)
            saveTargets.push_back(parseExportTarget(text, "--save-model", graph, registry));
        gates = prepareGates(options);
    } catch (const Error& e) {
        printError(e.what());
        return BadInput;
    }
    const auto issues = core::validateGraph(graph, registry);
    if (!issues.empty()) {
        for (const auto& issue : issues)
            printError(options.pipeline + (issue.node.empty() ? "" : ": node '" + issue.node + "'") +
                       ": " + issue.message.english());
        return BadInput;
    }

    // A pipeline from elsewhere may name any file the user can write: say so before replacing
    // one outside its folder (no prompt: the CLI runs unattended, in CI too).
    for (const auto& file : core::overwritesOutsideFolder(graph, registry))
        std::fprintf(stderr,
                     "oficina-cli: warning: node '%s' will replace %s, outside the pipeline's "
                     "folder\n",
                     file.node.c_str(), file.path.c_str());

    core::RunContext context;
    if (!options.quiet)
        context.setProgressHandler([](const std::string& node, double fraction,
                                      const std::string& text) {
            if (fraction > 0 && fraction < 1)
                std::fprintf(stderr, "  %s: %3.0f%% %s\n", node.c_str(), fraction * 100,
                             text.c_str());
        });
    RunRecording recording(options, graph, registry, context);
    core::Executor executor(registry);
    executor.setNodeEventHandler([&](const std::string& id, const core::NodeResult& r) {
        const std::string label = core::nodeLabel(*graph.node(id), registry);
        // Quiet silences progress and warnings, never a failure: CI reads stderr for why.
        if (options.quiet) {
            if (r.state == core::NodeState::Failed)
                std::fprintf(stderr, "✗ %s: %s\n", label.c_str(), shown(core::describeError(r)).c_str());
            return;
        }
        if (r.state == core::NodeState::Running)
            std::fprintf(stderr, "▶ %s\n", label.c_str());
        else if (r.state == core::NodeState::Done)
            std::fprintf(stderr, "✓ %s (%.3f s%s)\n", label.c_str(), r.seconds,
                         r.fromCache ? ", cached" : "");
        else
            std::fprintf(stderr, "✗ %s: %s\n", label.c_str(), shown(core::describeError(r)).c_str());
        for (const auto& w : r.warnings)
            std::fprintf(stderr, "  warning: %s\n", shown(w.english()).c_str());
        for (const auto& path : r.writtenFiles)
            std::fprintf(stderr, "  wrote %s\n", path.c_str());
    });
    const core::RunResult result = executor.run(graph, context);

    for (const auto& id : result.order) {
        for (const auto& [port, value] : result.nodes.at(id).outputs)
            if (const auto* m = std::get_if<std::shared_ptr<const core::Metrics>>(&value)) {
                std::cout << core::nodeLabel(*graph.node(id), registry) << "\n"
                          << core::formatMetrics(**m);
                std::string series;
                for (const auto& matrix : (*m)->matrices)
                    if (core::matrixKind(matrix.name) == core::MatrixKind::Points)
                        series += " " + matrix.name;
                if (!series.empty()) std::cout << "  in the report (--report):" << series << "\n";
            }
    }

    int code = result.anyFailed() || result.cancelled ? NodeFailed : Ok;
    for (const auto& target : predictionTargets) {
        const core::Table* table = tableOutput(result.nodes.at(target.node), target.port);
        if (!table) {
            printError("--predictions: node '" + target.node + "' produced no table" +
                       (target.port.empty() ? "" : " on port '" + target.port + "'"));
            code = code == Ok ? NodeFailed : code;
            continue;
        }
        try {
            core::writeCsv(*table, target.path);
        } catch (const Error& e) {
            printError(e.what());
            code = BadInput;
        }
    }
    code = std::max(code, exportModels(exportTargets, graph, registry, result, options));
    code = std::max(code, saveModels(saveTargets, graph, registry, result, options));
    if (!options.report.empty()) {
        try {
            core::writeFileAtomically(options.report,
                                      core::runReport(graph, registry, result).dump(2) + "\n");
            recording.keep(options.report, {});
        } catch (const Error& e) {
            printError(e.what());
            code = BadInput;
        }
    }
    for (const auto& target : saveTargets) recording.keep(target.path, target.node);
    for (const auto& target : exportTargets) {
        recording.keep(target.path, target.node);
        recording.keep(std::filesystem::path(target.path).replace_extension(".md").string(),
                       target.node);
    }
    code = std::max(code, recording.finish(result));
    // Gates judge a run that completed; a failed one already says why.
    return code == Ok ? checkGates(gates, options, result) : code;
}

} // namespace oficina::cli

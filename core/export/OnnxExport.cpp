#include "export/OnnxExport.h"

#include "export/DescribeModel.h"
#include "export/Emitters.h"
#include "export/ModelDescription.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Sha256.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace oficina::core {

using namespace onnxexport;

namespace {

constexpr const char* kUnusedPrefix = "oficina.unused.";
constexpr const char* kLabel = "label";
constexpr const char* kProbabilities = "probabilities";
constexpr const char* kDistances = "distances";

/// A graph built from a model, with its inputs and outputs described.
struct BuiltGraph {
    explicit BuiltGraph(Elem numericInputs) : graph(numericInputs) {}
    OnnxGraph graph;
    std::vector<InputDescription> inputs;
    std::vector<OutputDescription> outputs;
    std::vector<std::string> classLabels;
};

/// How the raw columns enter the graph: one input per column, or one tensor for `columns`.
struct Binding {
    bool single = false;
    std::vector<std::string> columns; // single: the raw columns it holds, in order
};

std::string inputNameFor(const std::string& column) {
    const bool clash = column == kLabel || column == kProbabilities || column == kDistances;
    return clash ? column + "_input" : column;
}

SymTable bindSource(OnnxGraph& g, const Schema& source, const Binding& binding,
                    std::vector<InputDescription>& inputs) {
    SymTable table;
    if (!binding.single) {
        // Every input name first, so no value made on the way takes one of them.
        std::vector<std::string> names;
        for (const ColumnSchema& c : source) {
            names.push_back(inputNameFor(c.name));
            if (!g.claim(names.back())) names.back() = g.freshName(names.back() + "_input");
        }
        for (size_t i = 0; i < source.size(); ++i) {
            const ColumnSchema& c = source[i];
            const std::string& name = names[i];
            const bool numeric = c.type == ColumnType::Numeric;
            g.addInput(name, numeric ? g.numericInputs() : Elem::String, {kBatch, 1});
            inputs.push_back(
                {name, {c.name}, numeric, numeric ? std::vector<std::string>{} : c.categories});
            table.columns.push_back(
                {c.name, c.type, c.role, numeric ? castTo(g, name, Elem::Double) : name, {}, 0, 0});
        }
        return table;
    }
    const std::string name = "input";
    g.claim(name);
    const auto width = int64_t(binding.columns.size());
    g.addInput(name, g.numericInputs(), {kBatch, width});
    inputs.push_back({name, binding.columns, true, {}});
    const std::vector<SymColumn> split =
        splitBlock(g, castTo(g, name, Elem::Double), binding.columns);
    for (const ColumnSchema& c : source) {
        const auto it = std::find(binding.columns.begin(), binding.columns.end(), c.name);
        if (it != binding.columns.end()) {
            SymColumn column = split[size_t(it - binding.columns.begin())];
            column.role = c.role;
            table.columns.push_back(std::move(column));
        } else { // unused: must not survive pruning
            table.columns.push_back({c.name, c.type, c.role, kUnusedPrefix + c.name, {}, 0, 0});
        }
    }
    return table;
}

/// Names, casts and declares the estimator's outputs.
void addOutputs(OnnxGraph& g, const Estimator& estimator, const Model& model,
                const EstimatorOutputs& out, BuiltGraph& built) {
    const Task task = estimator.task();
    const auto k =
        int64_t(task == Task::Classification ? out.classLabels.size() : size_t(out.scoreWidth));
    // A classifier may give no probabilities (a linear SVM has none); a clusterer's distances
    // are part of its answer.
    if (out.label.empty() || (task != Task::Regression && k == 0) ||
        (task == Task::Clustering && out.scores.empty()))
        throw Error(Message(OFICINA_TR_NOOP("cannot export '%1' to ONNX: its emitter gave no "
                                            "complete output"),
                            {estimator.title()}));
    const auto declare = [&](const char* name, Elem elem, int64_t width, const char* type,
                             std::string meaning) {
        g.addOutput(name, elem,
                    width ? std::vector<int64_t>{kBatch, width} : std::vector<int64_t>{kBatch});
        built.outputs.push_back({name, type, width, std::move(meaning)});
    };
    // Numbers leave in the inputs' precision: double by default, float for a float export.
    const Elem number = g.numericInputs();
    const char* numberType = number == Elem::Double ? "double" : "float";
    const Attr toNumber("to", int64_t(number));
    switch (task) {
    case Task::Classification:
        g.nodeInto("Identity", {out.label}, {kLabel});
        declare(kLabel, Elem::String, 0, "string", "the predicted class label");
        if (!out.scores.empty()) {
            g.nodeInto("Cast", {out.scores}, {kProbabilities}, {toNumber});
            declare(kProbabilities, number, k, numberType,
                    "the probability of each class, in the order of class_labels");
        }
        built.classLabels = out.classLabels;
        break;
    case Task::Regression:
        g.nodeInto("Cast", {out.label}, {kLabel}, {toNumber});
        declare(kLabel, number, 0, numberType,
                model.targetName.empty() ? "the predicted value"
                                         : "the predicted value of " + model.targetName);
        break;
    case Task::Clustering:
        g.nodeInto("Identity", {out.label}, {kLabel});
        declare(kLabel, Elem::Int64, 0, "int64",
                "the index of the nearest cluster centre, 0 to " + std::to_string(k - 1));
        g.nodeInto("Cast", {out.scores}, {kDistances}, {toNumber});
        declare(kDistances, number, k, numberType,
                "the Euclidean distance to each cluster centre, in the space the model was "
                "fitted in");
        break;
    }
}

BuiltGraph buildGraph(const Model& model, const Binding& binding, Elem numericInputs) {
    const EmitterRegistry& registry = builtinEmitters();
    BuiltGraph built(numericInputs);
    OnnxGraph& g = built.graph;
    for (const char* name : {kLabel, kProbabilities, kDistances})
        g.claim(name);
    SymTable table = bindSource(g, model.lineage.source, binding, built.inputs);
    for (const auto& step : model.lineage.steps)
        table = registry.emit(*step, table, g);
    addOutputs(g, *model.estimator, model, registry.emit(*model.estimator, table, g), built);
    g.prune();
    // Keep the descriptions of the inputs that survived.
    std::erase_if(built.inputs, [&](const InputDescription& in) {
        const auto& inputs = g.proto().input();
        return std::none_of(inputs.begin(), inputs.end(),
                            [&](const auto& v) { return v.name() == in.name; });
    });
    for (const auto& node : g.proto().node())
        for (const std::string& input : node.input())
            if (input.starts_with(kUnusedPrefix))
                throw Error(Message(OFICINA_TR_NOOP("cannot export to ONNX: column '%1' is "
                                                    "needed but missing from the single input"),
                                    {input.substr(std::string_view(kUnusedPrefix).size())}));
    if (built.inputs.empty())
        throw Error(Message(OFICINA_TR_NOOP("cannot export to ONNX: the model uses no input "
                                            "column")));
    return built;
}

/// check_model, then strict shape inference with type checks (on a copy: the file stays lean).
void validate(const onnx::ModelProto& proto, const std::string& path) {
    try {
        onnx::checker::check_model(proto);
        onnx::ModelProto inferred = proto;
        onnx::shape_inference::InferShapes(inferred, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(true, 1, true));
    } catch (const std::exception& e) {
        throw Error(
            Message(OFICINA_TR_NOOP("the exported graph fails ONNX's checks: %1"), {e.what()}),
            path);
    }
}

/// Throws Error unless `cardPath` is free or holds the card of the model file `fileName`: another
/// model's card, or the user's own notes, are never replaced.
void refuseForeignCard(const std::string& cardPath, const std::string& fileName) {
    std::ifstream existing(cardPath);
    if (!existing && !std::filesystem::exists(cardPath)) return;
    std::string firstLine;
    std::getline(existing, firstLine);
    if (firstLine == cardMarker(fileName)) return;
    throw Error(Message(OFICINA_TR_NOOP("the model card would replace '%1', which is not the card "
                                        "of '%2': move that file or export under another name"),
                        {std::filesystem::path(cardPath).filename().string(), fileName}),
                cardPath);
}

} // namespace

std::optional<Message> onnxRefusal(const Model& model) {
    if (!model.estimator)
        return Message(OFICINA_TR_NOOP("the model has no fitted estimator to export"));
    const EmitterRegistry& registry = builtinEmitters();
    for (const auto& step : model.lineage.steps)
        if (auto why = registry.refusal(*step)) return why;
    return registry.refusal(*model.estimator);
}

std::optional<Message> onnxRefusalForType(const std::string& typeId) {
    return builtinEmitters().refusal(typeId);
}

OnnxRendering renderOnnx(const Model& model, const std::string& path,
                         const OnnxExportOptions& options) {
    if (auto why = onnxRefusal(model)) throw Error(*why);

    const Elem numbers = options.floatInputs ? Elem::Float : Elem::Double;
    BuiltGraph built = buildGraph(model, {}, numbers);
    if (options.singleInput) {
        Binding single{true, {}};
        for (const InputDescription& in : built.inputs) {
            if (!in.numeric)
                throw Error(Message(OFICINA_TR_NOOP("a single input tensor needs every input "
                                                    "column to be numeric, but '%1' is "
                                                    "categorical"),
                                    {in.columns.front()}));
            single.columns.push_back(in.columns.front());
        }
        built = buildGraph(model, single, numbers);
    }

    ModelDescription d;
    d.fileName = std::filesystem::path(path).filename().string();
    d.title = !options.nodeTitle.empty() ? options.nodeTitle
              : !model.name.empty()        ? model.name
                                           : std::string(model.estimator->title());
    d.pipeline = options.pipelineName;
    d.version = OFICINA_VERSION;
    d.created = utcTimestamp();
    d.task = toString(model.estimator->task());
    d.target = model.targetName;
    d.estimator = model.estimator->title();
    d.estimatorType = model.estimator->typeId();
    for (const auto& step : model.lineage.steps)
        d.steps.emplace_back(step->typeId(), step->title());
    d.numberType = options.floatInputs ? "float" : "double";
    d.inputs = built.inputs;
    d.outputs = built.outputs;
    d.classLabels = built.classLabels;
    d.metrics = model.trainingMetrics;
    for (const HeldOutMetrics& h : options.heldOut)
        d.heldOut.push_back({h.source, h.metrics});
    d.pipelineHash = options.pipelineHash;
    d.verifiedRuntime = OFICINA_VERIFIED_ORT_VERSION;
    d.opsets.emplace_back("", kOpset);
    if (built.graph.usesMlDomain()) d.opsets.emplace_back(kMlDomain, kMlOpset);
    for (const auto& node : built.graph.proto().node())
        if (node.domain() == kMlDomain &&
            std::find(d.mlOperators.begin(), d.mlOperators.end(), node.op_type()) ==
                d.mlOperators.end())
            d.mlOperators.push_back(node.op_type());
    std::sort(d.mlOperators.begin(), d.mlOperators.end());
    describeSteps(model.lineage, d);
    describeTraining(model, d);

    onnx::ModelProto proto;
    proto.set_ir_version(kIrVersion);
    proto.set_producer_name("Oficina");
    proto.set_producer_version(OFICINA_VERSION);
    proto.set_domain("org.oficina");
    proto.set_model_version(1);
    proto.set_doc_string(docString(d));
    for (const auto& [domain, version] : d.opsets) {
        onnx::OperatorSetIdProto& opset = *proto.add_opset_import();
        opset.set_domain(domain);
        opset.set_version(version);
    }
    for (const auto& [key, value] : metadataProps(d)) {
        onnx::StringStringEntryProto& entry = *proto.add_metadata_props();
        entry.set_key(key);
        entry.set_value(value);
    }
    onnx::GraphProto& graph = *proto.mutable_graph();
    graph = std::move(built.graph.proto());
    graph.set_name(d.title.empty() ? "oficina_model" : d.title);
    graph.set_doc_string(proto.doc_string());

    validate(proto, path);
    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw Error(Message(OFICINA_TR_NOOP("cannot serialise the ONNX model")), path);

    d.modelHash = sha256Hex(bytes);
    OnnxRendering rendering;
    rendering.card = modelCard(d);
    OnnxExportResult& result = rendering.result;
    result.path = path;
    result.cardPath = std::filesystem::path(path).replace_extension(".md").string();
    result.bytes = bytes.size();
    for (const InputDescription& in : d.inputs)
        result.inputs.push_back({in.name, in.numeric ? d.numberType : "string", in.columns});
    for (const OutputDescription& out : d.outputs)
        result.outputs.push_back(out.name);
    result.opsets = d.opsets;
    result.nodeCount = size_t(graph.node_size());
    rendering.model = std::move(bytes);
    return rendering;
}

OnnxExportResult exportOnnx(const Model& model, const std::string& path,
                            const OnnxExportOptions& options) {
    OnnxRendering rendering = renderOnnx(model, path, options);
    refuseForeignCard(rendering.result.cardPath,
                      std::filesystem::path(path).filename().string());
    writeFilesAtomically({{path, rendering.model}, {rendering.result.cardPath, rendering.card}});
    return rendering.result;
}

} // namespace oficina::core

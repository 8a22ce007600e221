// The Export node: writes its input model as an ONNX file (core/export) each time it runs.
#include "nodes/Nodes.h"

#include "eval/Metrics.h"
#include "export/OnnxExport.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

PortValues runExportOnnx(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Model& model = inputs.model("model");
    OnnxExportOptions options;
    options.singleInput = params.boolean("single_input");
    options.floatInputs = params.boolean("float_inputs");
    options.pipelineName = ctx.pipelineName();
    options.pipelineHash = ctx.pipelineHash();
    for (const auto& [port, source] : {std::pair{"test_metrics", "test rows"},
                                       std::pair{"cv_metrics", "cross-validation"}})
        if (inputs.has(port)) options.heldOut.push_back({source, inputs.metrics(port).scalars});
    const OnnxExportResult written = exportOnnx(model, params.text("path"), options);
    ctx.wroteFile(written.path);
    ctx.wroteFile(written.cardPath);
    Metrics summary;
    summary.task = "export";
    summary.scalars = {{"file_size_kb", double(written.bytes) / 1024.0},
                       {"graph_nodes", double(written.nodeCount)},
                       {"graph_inputs", double(written.inputs.size())}};
    return {{"export", metricsValue(std::move(summary))}};
}

NodeSpec exportOnnxSpec() {
    return {
        .type = "oficina.export.onnx",
        .title = OFICINA_TR_NOOP("Export to ONNX"),
        .category = Category::Export,
        .help = OFICINA_TR_NOOP(
            "Writes the trained model — its preprocessing and the estimator — as one ONNX "
            "file that ONNX Runtime runs with the same predictions, and a card beside it "
            "(model.onnx → model.md) saying what goes in and comes out, with an example; "
            "connect a Score or Cross-validation node's metrics to put them on the card. "
            "Models with no ONNX form (DBSCAN, agglomerative clustering, t-SNE) are refused "
            "before anything is written."),
        .whenToUse = OFICINA_TR_NOOP("When the model is good enough to be used outside Oficina: "
                                     "in an app, a web service or another programming language."),
        .concepts = {"model", "inference"},
        .inputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")},
                   {"test_metrics", PortType::Metrics, OFICINA_TR_NOOP("Test metrics"), true},
                   {"cv_metrics", PortType::Metrics, OFICINA_TR_NOOP("Cross-validation metrics"),
                    true}},
        .outputs = {{"export", PortType::Metrics, OFICINA_TR_NOOP("Export summary")}},
        .params = {Parameter::outputFile("path", OFICINA_TR_NOOP("ONNX file"),
                                         OFICINA_TR_NOOP("ONNX models (*.onnx)"))
                       .withHelp(OFICINA_TR_NOOP("Where to write the model; a relative path "
                                                 "is taken from the pipeline's folder")),
                   Parameter::boolean("single_input", OFICINA_TR_NOOP("One input tensor"), false)
                       .withHelp(OFICINA_TR_NOOP(
                           "One numeric tensor [batch, columns] with every input column side by "
                           "side instead of one input per column; only when all of them are "
                           "numeric")),
                   Parameter::boolean("float_inputs", OFICINA_TR_NOOP("Float32 numbers"), false)
                       .withHelp(OFICINA_TR_NOOP(
                           "Numeric inputs and outputs as float32 instead of double, for "
                           "runtimes that need it. Predictions then match only for values "
                           "float32 holds exactly (0.1 is not one): the card says how many "
                           "training values are not"))},
        .run = runExportOnnx,
        .companionExtensions = {".md"},
    };
}

} // namespace

void registerExportNodes(NodeRegistry& registry) {
    registry.add(exportOnnxSpec());
}

} // namespace oficina::core

// The Export node: writes its input model as an ONNX file (core/export) each time it runs.
#include "nodes/Nodes.h"

#include "eval/Metrics.h"
#include "export/OnnxExport.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

PortValues runExportOnnx(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Model& model = inputs.model("model");
    OnnxExportOptions options;
    options.singleInput = params.boolean("single_input");
    options.pipelineName = ctx.pipelineName();
    const OnnxExportResult written = exportOnnx(model, params.text("path"), options);
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
            "file that ONNX Runtime runs with the same predictions, and a MODEL.md card beside "
            "it saying what goes in and comes out. Models with no ONNX form (DBSCAN, "
            "agglomerative clustering, t-SNE) are refused before anything is written."),
        .whenToUse = OFICINA_TR_NOOP("When the model is good enough to be used outside Oficina: "
                                     "in an app, a web service or another programming language."),
        .concepts = {"model", "inference"},
        .inputs = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}},
        .outputs = {{"export", PortType::Metrics, OFICINA_TR_NOOP("Export summary")}},
        .params = {Parameter::outputFile("path", OFICINA_TR_NOOP("ONNX file"),
                                         OFICINA_TR_NOOP("ONNX models (*.onnx)"))
                       .withHelp(OFICINA_TR_NOOP("Where to write the model; a relative path "
                                                 "is taken from the pipeline's folder")),
                   Parameter::boolean("single_input", OFICINA_TR_NOOP("One input tensor"), false)
                       .withHelp(OFICINA_TR_NOOP(
                           "One float tensor [batch, columns] with every input column side by "
                           "side instead of one input per column; only when all of them are "
                           "numeric"))},
        .run = runExportOnnx,
    };
}

} // namespace

void registerExportNodes(NodeRegistry& registry) {
    registry.add(exportOnnxSpec());
}

} // namespace oficina::core

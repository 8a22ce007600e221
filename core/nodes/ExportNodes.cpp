// The export nodes: write their input model as an ONNX file (core/export) or as a model package
// (core/deploy) each time they run.
#include "nodes/Nodes.h"

#include "deploy/ModelPackage.h"
#include "eval/Metrics.h"
#include "export/OnnxExport.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

/// The metrics connected to the held-out ports, for the card and the manifest.
std::vector<HeldOutMetrics> heldOutInputs(const NodeInputs& inputs) {
    std::vector<HeldOutMetrics> heldOut;
    for (const auto& [port, source] : {std::pair{"test_metrics", "test rows"},
                                       std::pair{"cv_metrics", "cross-validation"}})
        if (inputs.has(port)) heldOut.push_back({source, inputs.metrics(port).scalars});
    return heldOut;
}

const std::vector<PortSpec> kModelInputs = {
    {"model", PortType::Model, OFICINA_TR_NOOP("Model")},
    {"test_metrics", PortType::Metrics, OFICINA_TR_NOOP("Test metrics"), true},
    {"cv_metrics", PortType::Metrics, OFICINA_TR_NOOP("Cross-validation metrics"), true}};

PortValues runExportOnnx(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Model& model = inputs.model("model");
    OnnxExportOptions options;
    options.singleInput = params.boolean("single_input");
    options.floatInputs = params.boolean("float_inputs");
    options.pipelineName = ctx.pipelineName();
    options.pipelineHash = ctx.pipelineHash();
    options.heldOut = heldOutInputs(inputs);
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
        .inputs = kModelInputs,
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

PortValues runSaveModel(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    deploy::PackageOptions options;
    options.pipelineName = ctx.pipelineName();
    options.pipelineHash = ctx.pipelineHash();
    options.heldOut = heldOutInputs(inputs);
    const deploy::ModelPackage package = deploy::packageModel(inputs.model("model"), options);
    deploy::writePackage(package, params.text("path"));
    ctx.wroteFile(params.text("path"));
    Metrics summary;
    summary.task = "export";
    summary.scalars = {{"inputs", double(package.manifest.inputs.size())},
                       {"training_rows", double(package.manifest.trainingData.rows)},
                       {"sample_rows", double(package.sample.rowCount())}};
    return {{"export", metricsValue(std::move(summary))}};
}

NodeSpec saveModelSpec() {
    return {
        .type = "oficina.export.model_package",
        .title = OFICINA_TR_NOOP("Save model"),
        .category = Category::Export,
        .help = OFICINA_TR_NOOP(
            "Writes the trained model as a model package (.ofmodel): its preprocessing and "
            "estimator exactly as fitted, the input columns it needs, its training metrics, "
            "a profile and a sample of the training data for drift checks, its ONNX export "
            "where it has one, and a card. `oficina-cli predict` and `oficina-cli serve` read "
            "it; nothing in it is run as code."),
        .whenToUse = OFICINA_TR_NOOP("To deploy the model: batch predictions on new files, or "
                                     "a real-time server that apps call over HTTP."),
        .concepts = {"model", "inference"},
        .inputs = kModelInputs,
        .outputs = {{"export", PortType::Metrics, OFICINA_TR_NOOP("Package summary")}},
        .params = {Parameter::outputFile("path", OFICINA_TR_NOOP("Model package"),
                                         OFICINA_TR_NOOP("Oficina models (*.ofmodel)"))
                       .withHelp(OFICINA_TR_NOOP("Where to write the package; a relative path "
                                                 "is taken from the pipeline's folder"))},
        .run = runSaveModel,
    };
}

} // namespace

void registerExportNodes(NodeRegistry& registry) {
    registry.add(exportOnnxSpec());
    registry.add(saveModelSpec());
}

} // namespace oficina::core

// oficina-cli: the headless face of the engine. Argument parsing and wiring only.
#include "Commands.h"
#include "DriftCommand.h"
#include "HealthCommand.h"
#include "ServeCommand.h"
#include "TrackCommands.h"

#include "data/SampleData.h"
#include "data/TextInput.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <new>

int main(int argc, char** argv) {
    using namespace oficina;
    CLI::App app{"Oficina: run machine-learning pipelines headless"};
    app.set_version_flag("--version", std::string(OFICINA_VERSION));
    app.require_subcommand(1);

    cli::InspectOptions inspectOptions;
    auto* inspect = app.add_subcommand("inspect", "Summarise a CSV/TSV/ARFF file's columns");
    inspect->add_option("FILE", inspectOptions.file, "Data file")->required();
    inspect->add_flag("--json", inspectOptions.json, "Print JSON instead of a table");

    std::string nodeType;
    bool nodesJson = false;
    auto* nodes = app.add_subcommand("nodes", "List node types with their ports and parameters");
    nodes->add_option("TYPE", nodeType, "Only this node type");
    nodes->add_flag("--json", nodesJson, "Print JSON");

    bool datasetsJson = false;
    auto* datasets = app.add_subcommand("datasets", "List the bundled sample datasets and sources");
    datasets->add_flag("--json", datasetsJson, "Print JSON");

    std::vector<std::string> formatFiles;
    bool formatCheck = false;
    auto* format = app.add_subcommand(
        "format", "Rewrite pipeline files in canonical form (every parameter, stable order)");
    format->add_option("PIPELINE", formatFiles, "Pipeline files")->required();
    format->add_flag("--check", formatCheck, "Change nothing; exit 1 if a file is not canonical");

    cli::RunOptions runOptions;
    auto* run = app.add_subcommand("run", "Run a pipeline (.oficina) as the GUI would");
    run->add_option("PIPELINE", runOptions.pipeline, "Pipeline file")->required();
    run->add_option("--set", runOptions.sets, "Override a parameter: NODE.PARAM=VALUE");
    run->add_option("--report", runOptions.report, "Write a JSON run report to this file");
    run->add_option("--predictions", runOptions.predictions,
                    "Write a node's table output as CSV: NODE[.PORT]=out.csv");
    run->add_option("--export-onnx", runOptions.onnxExports,
                    "Write the model a node trained as ONNX (and its card, out.md, beside it): "
                    "NODE=out.onnx");
    run->add_flag("--onnx-float", runOptions.onnxFloatInputs,
                  "Those exports take and give float32 numbers instead of double (predictions "
                  "then match only for values float32 holds exactly)");
    run->add_option("--save-model", runOptions.savedModels,
                    "Write the model a node trained as a model package for predict and serve: "
                    "NODE=model.ofmodel");
    run->add_flag("--quiet,-q", runOptions.quiet,
                  "No progress or warnings on stderr (errors are always printed)");
    run->add_flag("--no-record", runOptions.noRecord,
                  "Do not record this run in the run store (docs/runs.md)");
    run->add_option("--store", runOptions.store,
                    "The run store: a runs.db, or a folder for .oficina/runs.db (default: beside "
                    "the pipeline)");
    run->add_option("--note", runOptions.note, "A note kept with the run");
    run->add_option("--tag", runOptions.tags, "A tag kept with the run (repeatable)");
    run->add_option("--mlflow-uri", runOptions.mlflowUri,
                    "Also log the run live to this MLflow tracking server (http://HOST:PORT); "
                    "if it is down the run waits in the store for `runs push`");
    run->add_option("--require", runOptions.gates,
                    "A metric gate: NODE.METRIC OP VALUE, OP one of >= > <= <, VALUE a number, "
                    "baseline+D, baseline-D or baseline*R (repeatable); a failed gate exits 3");
    run->add_option("--baseline", runOptions.baseline,
                    "What baseline rules compare with: a run report (--report's JSON) or a "
                    "registered model, models:/NAME@ALIAS");
    run->add_option("--summary", runOptions.summary,
                    "Write the gates' results as Markdown (for a pull-request comment)");
    run->add_option("--register", runOptions.registerAs,
                    "Register the model package the run kept (a Save model node or "
                    "--save-model) in the model registry: [NODE=]NAME");

    cli::PredictOptions predictOptions;
    auto* predict = app.add_subcommand("predict", "Apply a model package to a data file");
    predict->add_option("MODEL", predictOptions.model, "Model package (.ofmodel)")->required();
    predict->add_option("INPUT", predictOptions.input, "Data file (CSV, TSV or ARFF)")->required();
    predict->add_option("-o,--output", predictOptions.output, "Predictions (CSV)")->required();
    predict->add_flag("--proba", predictOptions.probabilities,
                      "Add the class probabilities, P(class)");
    predict->add_option("--keep", predictOptions.keep,
                        "Input columns to copy in front of the predictions")
        ->delimiter(',');
    predict->add_flag("--quiet,-q", predictOptions.quiet, "No progress on stderr");

    cli::ServeCliOptions serveOptions;
    auto* serve = cli::addServeCommand(app, serveOptions);
    cli::DriftCliOptions driftOptions;
    auto* drift = cli::addDriftCommand(app, driftOptions);
    cli::HealthCliOptions healthOptions;
    auto* health = cli::addHealthCommand(app, healthOptions);
    cli::TrackCliOptions trackOptions;
    cli::addTrackCommands(app, trackOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? cli::Ok : cli::BadInput;
    }

    // The one catch-all: each command reports its own errors precisely; whatever still escapes
    // one is said plainly, with the bad-input exit code, instead of aborting (exit 134).
    const auto fail = [](const std::string& text) {
        const std::string escaped = core::printableText(text, std::string::npos);
        std::fprintf(stderr, "oficina-cli: %s\n", escaped.c_str());
        return int(cli::BadInput);
    };
    try {
        std::string share = core::findShareDirectory();
        core::NodeRegistry registry;
        core::registerBuiltinNodes(
            registry,
            {.datasetDirectory =
                 share.empty() ? "" : (std::filesystem::path(share) / "datasets").string()});

        if (*inspect) return cli::inspect(inspectOptions);
        if (*nodes) return cli::listNodes(registry, nodeType, nodesJson);
        if (*datasets) return cli::listDatasets(datasetsJson);
        if (*format) return cli::formatPipelines(registry, formatFiles, formatCheck);
        if (*predict) return cli::predict(predictOptions);
        if (*serve) return cli::serve(serveOptions);
        if (*health) return cli::health(healthOptions);
        if (*drift) return cli::drift(driftOptions);
        if (const int code = cli::runTrackCommand(app, trackOptions); code >= 0) return code;
        return cli::run(registry, runOptions);
    } catch (const core::Error& e) {
        return fail(e.what());
    } catch (const std::bad_alloc&) {
        return fail("out of memory");
    } catch (const std::exception& e) {
        return fail(std::string("unexpected error: ") + e.what());
    }
}

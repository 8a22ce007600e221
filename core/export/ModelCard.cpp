// The model card written beside an exported ONNX file, for the engineer who deploys it.
#include "export/ModelDescription.h"

#include "data/Column.h"
#include "util/Text.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace oficina::core::onnxexport {

namespace {

std::string opsetText(const ModelDescription& d) {
    std::vector<std::string> parts;
    for (const auto& [domain, version] : d.opsets)
        parts.push_back((domain.empty() ? std::string("opset ") : domain + " ") +
                        std::to_string(version));
    return joinList(parts);
}

std::string code(const std::string& text) {
    return "`" + text + "`";
}

/// A probability or value of the example, as the card prints it.
std::string sixDecimals(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

void precision(std::ostringstream& s, const ModelDescription& d) {
    if (d.numberType == "double") {
        s << "**Numbers:** numeric inputs and outputs are double (float64). Send the values as "
             "your data holds them: the graph computes like Oficina, in double, and gives its "
             "predictions.\n\n";
        return;
    }
    s << "**Numbers: float32.** This export takes and gives float32 numbers. Its predictions "
         "match Oficina's only for values that float32 represents exactly: a value such as 0.1 "
         "arrives rounded, and a tree split or category lookup can then decide otherwise. ";
    if (d.numericValues > 0)
        s << "Of the " << d.numericValues << " numeric values of the " << d.trainingRows
          << " training rows, " << d.floatInexactValues << " are not exact in float32. ";
    s << "Export with double inputs (the default) unless your runtime needs float.\n\n";
}

void inputs(std::ostringstream& s, const ModelDescription& d) {
    s << "## Inputs\n\nOne tensor per raw column (the batch size N is free). Missing values: NaN "
         "for numbers, the empty string for categories.\n\n"
         "| input | columns | type | shape | known categories | an unseen category |\n"
         "|---|---|---|---|---|---|\n";
    for (const InputDescription& in : d.inputs)
        s << "| " << code(in.name) << " | " << joinList(in.columns) << " | "
          << (in.numeric ? d.numberType : "string") << " | " << inputShape(in) << " | "
          << (in.numeric ? "—" : joinList(in.categories)) << " | "
          << (in.numeric ? "—" : in.unseen) << " |\n";
}

void outputs(std::ostringstream& s, const ModelDescription& d) {
    s << "\n## Outputs\n\n| output | type | shape | meaning |\n|---|---|---|---|\n";
    for (const OutputDescription& out : d.outputs)
        s << "| " << code(out.name) << " | " << out.type << " | " << shapeText(out.width) << " | "
          << out.meaning << " |\n";
    if (!d.classLabels.empty())
        s << (d.outputs.size() > 1 ? "\nClasses, in the order of the probability columns: "
                                   : "\nClasses: ")
          << joinList(d.classLabels) << ".\n";
}

void fitted(std::ostringstream& s, const ModelDescription& d) {
    if (d.steps.empty()) return;
    std::vector<std::string> titles;
    for (const auto& step : d.steps)
        titles.push_back(step.second);
    s << "\n## Preprocessing inside the graph\n\n" << joinList(titles, " → ")
      << ", fitted on the training rows and applied to every request.\n";
    if (d.fitted.empty()) return;
    s << "\n| step | column | fitted |\n|---|---|---|\n";
    for (const FittedValue& v : d.fitted)
        s << "| " << v.step << " | " << v.column << " | " << v.values << " |\n";
}

void metricsTable(std::ostringstream& s, const std::vector<std::pair<std::string, double>>& m) {
    s << "| metric | value |\n|---|---|\n";
    for (const auto& [metric, value] : m)
        s << "| " << metric << " | " << formatNumber(value) << " |\n";
}

void metrics(std::ostringstream& s, const ModelDescription& d) {
    s << "\n## How good it is\n\n";
    if (d.heldOut.empty()) {
        s << "No evaluation on held-out rows was connected to this export: the figures below "
             "come from the training rows and flatter the model.\n";
    }
    for (const HeldOutDescription& h : d.heldOut) {
        s << "### On " << h.source << "\n\n";
        metricsTable(s, h.metrics);
        s << "\n";
    }
    s << "### On the training rows\n\n";
    if (d.metrics.empty())
        s << "None recorded.\n";
    else
        metricsTable(s, d.metrics);
}

void example(std::ostringstream& s, const ModelDescription& d) {
    s << "\n## Example\n\n";
    if (!d.hasExample) {
        s << "No training row was available to build an example from; the snippets below send "
             "zeros and the first known category.\n";
        return;
    }
    s << "A real training row, as the request the snippets below send:\n\n"
         "| input | value |\n|---|---|\n";
    for (size_t i = 0; i < d.inputs.size(); ++i) {
        const InputDescription& in = d.inputs[i];
        std::vector<std::string> cells;
        for (size_t k = 0; k < in.columns.size(); ++k)
            cells.push_back(in.numeric ? (std::isnan(d.example.numbers[i][k])
                                              ? std::string("NaN")
                                              : formatNumber(d.example.numbers[i][k]))
                                       : "\"" + d.example.strings[i][k] + "\"");
        s << "| " << code(in.name) << " | " << joinList(cells) << " |\n";
    }
    s << "\nExpected output (Oficina's own prediction for the row):\n\n```\nlabel: "
      << d.example.label << "\n";
    if (!d.example.scores.empty()) {
        std::vector<std::string> values;
        for (double p : d.example.scores)
            values.push_back(sixDecimals(p));
        s << "probabilities: " << joinList(values) << "\n";
    }
    s << "```\n";
}

void versions(std::ostringstream& s, const ModelDescription& d) {
    s << "\n## Versions\n\n| what | value |\n|---|---|\n"
      << "| model file SHA-256 | " << code(d.modelHash) << " |\n";
    if (!d.dataFingerprint.empty())
        s << "| training data SHA-256 (" << d.trainingRows << " rows, " << d.trainingColumns
          << " raw columns) | " << code(d.dataFingerprint) << " |\n";
    if (!d.pipelineHash.empty())
        s << "| pipeline SHA-256 (canonical file) | " << code(d.pipelineHash) << " |\n";
    s << "| Oficina | " << d.version << " |\n"
      << "| verified with | ONNX Runtime " << d.verifiedRuntime
      << " (onnxruntime-node), Oficina's test suite |\n"
      << "| model_version | not registered |\n";
}

} // namespace

std::string cardMarker(const std::string& fileName) {
    return "<!-- Oficina model card of " + fileName + " -->";
}

std::string modelCard(const ModelDescription& d) {
    std::ostringstream s;
    s << cardMarker(d.fileName) << "\n";
    s << "# " << (d.title.empty() ? d.fileName : d.title) << "\n\n";
    s << code(d.fileName) << " is an ONNX model (IR 8, " << opsetText(d) << ") exported by "
      << "Oficina " << d.version << " on " << d.created;
    if (!d.pipeline.empty()) s << " from the pipeline " << code(d.pipeline);
    s << ". It needs no other file. ";
    if (d.mlOperators.empty())
        s << "It uses only the default ONNX domain, no `ai.onnx.ml` operator.\n\n";
    else
        s << "It uses `ai.onnx.ml` (" << joinList(d.mlOperators)
          << "): a runtime must support that domain (ONNX Runtime does).\n\n";
    s << "**Task:** " << d.task;
    if (!d.target.empty()) s << " of " << code(d.target);
    s << ", by " << d.estimator << ". The preprocessing runs inside the graph with the training "
      << "fit, so the inputs are the raw columns.\n\n";
    precision(s, d);
    inputs(s, d);
    outputs(s, d);
    fitted(s, d);
    metrics(s, d);
    example(s, d);
    s << "\n## Run it with ONNX Runtime\n\n### Python (`pip install onnxruntime numpy`)\n\n"
      << "```python\n" << pythonSnippet(d) << "```\n\n"
      << "### C++ (ONNX Runtime's C++ API, `onnxruntime_cxx_api.h`)\n\n```cpp\n" << cppSnippet(d)
      << "```\n\n### Node.js (`npm install onnxruntime-node`)\n\n```js\n" << nodeSnippet(d)
      << "```\n";
    versions(s, d);
    return s.str();
}

} // namespace oficina::core::onnxexport

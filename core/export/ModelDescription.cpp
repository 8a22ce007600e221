#include "export/ModelDescription.h"

#include "data/Column.h"
#include "util/Text.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace oficina::core::onnxexport {

namespace {

using Json = nlohmann::ordered_json;

std::string shapeText(int64_t width) {
    return width == 0 ? "[N]" : "[N, " + std::to_string(width) + "]";
}

std::string inputShape(const InputDescription& in) {
    return shapeText(int64_t(in.columns.size()));
}

std::string opsetText(const ModelDescription& d) {
    std::vector<std::string> parts;
    for (const auto& [domain, version] : d.opsets)
        parts.push_back((domain.empty() ? std::string("opset ") : domain + " ") +
                        std::to_string(version));
    return joinList(parts);
}

std::vector<std::string> stepTitles(const ModelDescription& d) {
    std::vector<std::string> titles;
    for (const auto& step : d.steps)
        titles.push_back(step.second);
    return titles;
}

// Example cells for the snippets: 0 for numbers, the first known category for labels.
std::string examplePythonValue(const InputDescription& in) {
    if (in.numeric) {
        std::string row;
        for (size_t k = 0; k < in.columns.size(); ++k)
            row += k ? ", 0.0" : "0.0";
        return "np.array([[" + row + "]], dtype=np.float32)";
    }
    const std::string label = in.categories.empty() ? "" : in.categories.front();
    return "np.array([[" + Json(label).dump() + "]], dtype=object)";
}

} // namespace

std::vector<std::pair<std::string, std::string>> metadataProps(const ModelDescription& d) {
    Json inputs = Json::array();
    for (const InputDescription& in : d.inputs)
        inputs.push_back({{"name", in.name},
                          {"columns", in.columns},
                          {"type", in.numeric ? "float" : "string"},
                          {"shape", inputShape(in)},
                          {"missing", in.numeric ? "NaN" : "empty string"}});
    Json outputs = Json::array();
    for (const OutputDescription& out : d.outputs)
        outputs.push_back({{"name", out.name},
                           {"type", out.type},
                           {"shape", shapeText(out.width)},
                           {"meaning", out.meaning}});
    Json metrics = Json::object();
    for (const auto& [name, value] : d.metrics)
        metrics[name] = value;
    Json steps = Json::array();
    for (const auto& [type, title] : d.steps)
        steps.push_back({{"type", type}, {"title", title}});

    std::vector<std::pair<std::string, std::string>> props{
        {"producer", "Oficina"},
        {"oficina_version", d.version},
        {"created", d.created},
        {"task", d.task},
        {"estimator", d.estimator},
        {"estimator_type", d.estimatorType},
        {"inputs", inputs.dump()},
        {"outputs", outputs.dump()},
        {"missing_values", "numeric inputs: NaN; categorical inputs: the empty string"},
        {"steps", steps.dump()},
        {"training_metrics", metrics.dump()},
    };
    if (!d.target.empty()) props.emplace_back("target", d.target);
    if (!d.classLabels.empty()) props.emplace_back("class_labels", Json(d.classLabels).dump());
    if (!d.pipeline.empty()) props.emplace_back("pipeline", d.pipeline);
    if (!d.title.empty()) props.emplace_back("node", d.title);
    return props;
}

std::string docString(const ModelDescription& d) {
    std::ostringstream s;
    s << "Oficina " << d.version << " model";
    if (!d.title.empty()) s << " '" << d.title << "'";
    if (!d.pipeline.empty()) s << " from pipeline '" << d.pipeline << "'";
    s << ": " << d.task;
    if (!d.target.empty()) s << " of '" << d.target << "'";
    s << " by " << d.estimator;
    if (!d.steps.empty()) s << " after " << joinList(stepTitles(d), ", ");
    s << ". Inputs are the raw columns (float, missing = NaN; string, missing = \"\"); outputs: ";
    std::vector<std::string> outputs;
    for (const OutputDescription& out : d.outputs)
        outputs.push_back(out.name + " (" + out.meaning + ")");
    s << joinList(outputs, "; ") << ". Exported " << d.created << ".";
    return s.str();
}

std::string modelCard(const ModelDescription& d) {
    std::ostringstream s;
    const std::string name = d.title.empty() ? d.fileName : d.title;
    s << "# " << name << "\n\n";
    s << "`" << d.fileName << "` is an ONNX model (IR 8, " << opsetText(d) << ") exported by "
      << "Oficina " << d.version << " on " << d.created;
    if (!d.pipeline.empty()) s << " from the pipeline `" << d.pipeline << "`";
    s << ". It needs no other file.\n\n";
    s << "**Task:** " << d.task;
    if (!d.target.empty()) s << " of `" << d.target << "`";
    s << ", by " << d.estimator;
    if (!d.steps.empty()) s << " after " << joinList(stepTitles(d), " → ");
    s << ". The preprocessing runs inside the graph with the training fit, so the inputs are "
         "the raw columns.\n\n";

    s << "## Inputs\n\nThe batch size N is free.\n\n"
         "| input | columns | type | shape | missing value |\n|---|---|---|---|---|\n";
    for (const InputDescription& in : d.inputs)
        s << "| `" << in.name << "` | " << joinList(in.columns) << " | "
          << (in.numeric ? "float" : "string") << " | " << inputShape(in) << " | "
          << (in.numeric ? "NaN" : "empty string \"\"") << " |\n";

    s << "\n## Outputs\n\n| output | type | shape | meaning |\n|---|---|---|---|\n";
    for (const OutputDescription& out : d.outputs)
        s << "| `" << out.name << "` | " << out.type << " | " << shapeText(out.width) << " | "
          << out.meaning << " |\n";
    if (!d.classLabels.empty())
        s << (d.outputs.size() > 1 ? "\nClasses, in the order of the probability columns: "
                                   : "\nClasses: ")
          << joinList(d.classLabels) << ".\n";

    s << "\n## Training metrics\n\n";
    if (d.metrics.empty())
        s << "None recorded.\n";
    else {
        s << "| metric | value |\n|---|---|\n";
        for (const auto& [metric, value] : d.metrics)
            s << "| " << metric << " | " << formatNumber(value) << " |\n";
    }

    std::vector<std::string> outputNames;
    for (const OutputDescription& out : d.outputs)
        outputNames.push_back(out.name);

    s << "\n## Run it with ONNX Runtime\n\n### Python (`pip install onnxruntime numpy`)\n\n"
         "```python\nimport numpy as np\nimport onnxruntime as ort\n\n"
      << "session = ort.InferenceSession(" << Json(d.fileName).dump() << ")\n"
      << "feeds = {  # one row; replace the values with yours\n";
    for (const InputDescription& in : d.inputs)
        s << "    " << Json(in.name).dump() << ": " << examplePythonValue(in) << ",\n";
    s << "}\n"
      << joinList(outputNames) << " = session.run(None, feeds)\n"
      << "print(" << joinList(outputNames) << ")\n```\n\n";

    s << "### C++ (ONNX Runtime's C++ API, `onnxruntime_cxx_api.h`)\n\n```cpp\n"
         "#include <onnxruntime_cxx_api.h>\n\n#include <array>\n#include <iostream>\n"
         "#include <vector>\n\nint main() {\n"
         "    Ort::Env env;\n"
      << "    Ort::Session session(env, " << Json(d.fileName).dump()
      << ", Ort::SessionOptions{});\n"
         "    auto memory = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);\n"
         "    Ort::AllocatorWithDefaultOptions allocator;\n";
    size_t floatCount = 0;
    for (const InputDescription& in : d.inputs)
        if (in.numeric) floatCount += in.columns.size();
    s << "    // One row; put your values here (numbers in the order of the float inputs).\n"
      << "    std::vector<float> numbers(" << floatCount << ", 0.0f);\n"
      << "    auto floats = [&](size_t first, int64_t width) {\n"
         "        const std::array<int64_t, 2> shape{1, width};\n"
         "        return Ort::Value::CreateTensor<float>(memory, numbers.data() + first, "
         "size_t(width),\n                                               shape.data(), 2);\n"
         "    };\n"
         "    auto text = [&](const char* value) {\n"
         "        const std::array<int64_t, 2> shape{1, 1};\n"
         "        auto tensor = Ort::Value::CreateTensor(allocator, shape.data(), 2,\n"
         "                                               ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING);\n"
         "        tensor.FillStringTensor(&value, 1);\n"
         "        return tensor;\n"
         "    };\n"
         "    std::vector<Ort::Value> inputs;\n";
    std::vector<std::string> inputNames;
    size_t first = 0;
    for (const InputDescription& in : d.inputs) {
        inputNames.push_back(Json(in.name).dump());
        if (in.numeric) {
            s << "    inputs.push_back(floats(" << first << ", " << in.columns.size() << "));  // "
              << in.name << "\n";
            first += in.columns.size();
        } else {
            const std::string label = in.categories.empty() ? "" : in.categories.front();
            s << "    inputs.push_back(text(" << Json(label).dump() << "));  // " << in.name
              << "\n";
        }
    }
    std::vector<std::string> quotedOutputs;
    for (const std::string& out : outputNames)
        quotedOutputs.push_back(Json(out).dump());
    s << "    const char* inputNames[] = {" << joinList(inputNames) << "};\n"
      << "    const char* outputNames[] = {" << joinList(quotedOutputs) << "};\n"
      << "    auto outputs = session.Run(Ort::RunOptions{nullptr}, inputNames, inputs.data(),\n"
      << "                               inputs.size(), outputNames, " << outputNames.size()
      << ");\n";
    const std::string& labelType = d.outputs.front().type;
    if (labelType == "string")
        s << "    std::cout << outputs[0].GetStringTensorElement(0) << '\\n';\n";
    else
        s << "    std::cout << outputs[0].GetTensorData<"
          << (labelType == "float" ? "float" : "int64_t") << ">()[0] << '\\n';\n";
    s << "}\n```\n";
    return s.str();
}

} // namespace oficina::core::onnxexport

// The model card's ready-to-run programs: each sends the card's example row (or zeros and the
// first known category when there is none) and prints the outputs.
#include "export/ModelDescription.h"

#include "data/Column.h"
#include "util/Text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace oficina::core::onnxexport {

namespace {

std::string quoted(const std::string& text) {
    return nlohmann::json(text).dump();
}

/// The cells the snippets send for input `i`: the example's, or placeholders.
std::vector<double> numbersOf(const ModelDescription& d, size_t i) {
    if (d.hasExample) return d.example.numbers[i];
    return std::vector<double>(d.inputs[i].columns.size(), 0.0);
}

std::vector<std::string> stringsOf(const ModelDescription& d, size_t i) {
    if (d.hasExample) return d.example.strings[i];
    const auto& categories = d.inputs[i].categories;
    return std::vector<std::string>(d.inputs[i].columns.size(),
                                    categories.empty() ? std::string() : categories.front());
}

/// A number as a literal of a language whose NaN and infinity are spelled `nan` and `inf`.
std::string literal(double v, const char* nan, const char* inf) {
    if (std::isnan(v)) return nan;
    if (std::isinf(v)) return v > 0 ? inf : std::string("-") + inf;
    return formatNumber(v);
}

bool hasProbabilities(const ModelDescription& d) {
    for (const OutputDescription& out : d.outputs)
        if (out.name == "probabilities") return true;
    return false;
}

std::string labelType(const ModelDescription& d) {
    return d.outputs.front().type;
}

} // namespace

std::string pythonSnippet(const ModelDescription& d) {
    const std::string dtype = d.numberType == "float" ? "np.float32" : "np.float64";
    std::ostringstream s;
    s << "import numpy as np\nimport onnxruntime as ort\n\n"
      << "session = ort.InferenceSession(" << quoted(d.fileName) << ")\n"
      << "feeds = {  # one row, [1, columns] per input\n";
    for (size_t i = 0; i < d.inputs.size(); ++i) {
        const InputDescription& in = d.inputs[i];
        std::vector<std::string> cells;
        if (in.numeric)
            for (double v : numbersOf(d, i))
                cells.push_back(literal(v, "np.nan", "np.inf"));
        else
            for (const std::string& text : stringsOf(d, i))
                cells.push_back(quoted(text));
        s << "    " << quoted(in.name) << ": np.array([[" << joinList(cells, ", ") << "]], dtype="
          << (in.numeric ? dtype : "object") << "),\n";
    }
    s << "}\nfor output, value in zip(session.get_outputs(), session.run(None, feeds)):\n"
      << "    print(output.name, value)\n";
    return s.str();
}

std::string cppSnippet(const ModelDescription& d) {
    const std::string number = d.numberType == "float" ? "float" : "double";
    std::vector<std::string> numbers;
    for (size_t i = 0; i < d.inputs.size(); ++i)
        if (d.inputs[i].numeric)
            for (double v : numbersOf(d, i))
                numbers.push_back(literal(v, "std::nan(\"\")", "INFINITY"));
    std::ostringstream s;
    s << "#include <onnxruntime_cxx_api.h>\n\n#include <array>\n#include <cmath>\n"
         "#include <iostream>\n#include <vector>\n\nint main() {\n"
         "    Ort::Env env;\n"
      << "    Ort::Session session(env, " << quoted(d.fileName) << ", Ort::SessionOptions{});\n"
      << "    auto memory = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);\n"
         "    Ort::AllocatorWithDefaultOptions allocator;\n"
         "    // One row: the numbers of the numeric inputs, in input order.\n"
      << "    std::vector<" << number << "> numbers{" << joinList(numbers, ", ") << "};\n"
      << "    auto numeric = [&](size_t first, int64_t width) {\n"
         "        const std::array<int64_t, 2> shape{1, width};\n"
      << "        return Ort::Value::CreateTensor<" << number
      << ">(memory, numbers.data() + first, size_t(width),\n"
         "                                               shape.data(), 2);\n"
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
    for (size_t i = 0; i < d.inputs.size(); ++i) {
        const InputDescription& in = d.inputs[i];
        inputNames.push_back(quoted(in.name));
        if (in.numeric) {
            s << "    inputs.push_back(numeric(" << first << ", " << in.columns.size()
              << "));  // " << in.name << "\n";
            first += in.columns.size();
        } else {
            s << "    inputs.push_back(text(" << quoted(stringsOf(d, i).front()) << "));  // "
              << in.name << "\n";
        }
    }
    std::vector<std::string> outputNames;
    for (const OutputDescription& out : d.outputs)
        outputNames.push_back(quoted(out.name));
    s << "    const char* inputNames[] = {" << joinList(inputNames, ", ") << "};\n"
      << "    const char* outputNames[] = {" << joinList(outputNames, ", ") << "};\n"
      << "    auto outputs = session.Run(Ort::RunOptions{nullptr}, inputNames, inputs.data(),\n"
      << "                               inputs.size(), outputNames, " << outputNames.size()
      << ");\n";
    const std::string type = labelType(d);
    if (type == "string")
        s << "    std::cout << \"label: \" << outputs[0].GetStringTensorElement(0) << '\\n';\n";
    else
        s << "    std::cout << \"label: \" << outputs[0].GetTensorData<"
          << (type == "int64" ? "int64_t" : number) << ">()[0] << '\\n';\n";
    if (hasProbabilities(d))
        s << "    const auto* p = outputs[1].GetTensorData<" << number << ">();\n"
          << "    std::cout << \"probabilities:\";\n"
          << "    for (size_t k = 0; k < " << d.classLabels.size() << "; ++k)\n"
          << "        std::cout << ' ' << p[k];\n"
          << "    std::cout << '\\n';\n";
    s << "}\n";
    return s.str();
}

std::string nodeSnippet(const ModelDescription& d) {
    const bool single = d.numberType == "float";
    std::ostringstream s;
    s << "const ort = require('onnxruntime-node');\n\nasync function main() {\n"
      << "    const session = await ort.InferenceSession.create(" << quoted(d.fileName) << ");\n"
      << "    const feeds = {  // one row, [1, columns] per input\n";
    for (size_t i = 0; i < d.inputs.size(); ++i) {
        const InputDescription& in = d.inputs[i];
        std::vector<std::string> cells;
        if (in.numeric)
            for (double v : numbersOf(d, i))
                cells.push_back(literal(v, "NaN", "Infinity"));
        else
            for (const std::string& text : stringsOf(d, i))
                cells.push_back(quoted(text));
        s << "        " << quoted(in.name) << ": new ort.Tensor(";
        if (in.numeric)
            s << (single ? "'float32', Float32Array" : "'float64', Float64Array") << ".from(["
              << joinList(cells, ", ") << "])";
        else
            s << "'string', [" << joinList(cells, ", ") << "]";
        s << ", [1, " << in.columns.size() << "]),\n";
    }
    const std::string type = labelType(d);
    s << "    };\n    const out = await session.run(feeds);\n"
      << "    console.log('label: ' + Array.from(out.label.data, v => "
      << (type == "string" || type == "int64" ? "String(v)" : "v.toFixed(6)")
      << ").join(', '));\n";
    if (hasProbabilities(d))
        s << "    console.log('probabilities: ' +\n"
             "                Array.from(out.probabilities.data, v => v.toFixed(6)).join(', '));\n";
    s << "}\n\nmain().catch(error => {\n    console.error(error);\n    process.exit(1);\n});\n";
    return s.str();
}

} // namespace oficina::core::onnxexport

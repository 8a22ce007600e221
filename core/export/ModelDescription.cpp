#include "export/ModelDescription.h"

#include "util/Text.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace oficina::core::onnxexport {

namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> stepTitles(const ModelDescription& d) {
    std::vector<std::string> titles;
    for (const auto& step : d.steps)
        titles.push_back(step.second);
    return titles;
}

} // namespace

std::string shapeText(int64_t width) {
    return width == 0 ? "[N]" : "[N, " + std::to_string(width) + "]";
}

std::string inputShape(const InputDescription& in) {
    return shapeText(int64_t(in.columns.size()));
}

std::vector<std::pair<std::string, std::string>> metadataProps(const ModelDescription& d) {
    Json inputs = Json::array();
    for (const InputDescription& in : d.inputs)
        inputs.push_back({{"name", in.name},
                          {"columns", in.columns},
                          {"type", in.numeric ? d.numberType : "string"},
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
    if (!d.heldOut.empty()) {
        Json heldOut = Json::array();
        for (const HeldOutDescription& h : d.heldOut) {
            Json values = Json::object();
            for (const auto& [name, value] : h.metrics)
                values[name] = value;
            heldOut.push_back({{"source", h.source}, {"metrics", values}});
        }
        props.emplace_back("held_out_metrics", heldOut.dump());
    }
    if (!d.dataFingerprint.empty())
        props.emplace_back("training_data", Json{{"rows", d.trainingRows},
                                                 {"columns", d.trainingColumns},
                                                 {"sha256", d.dataFingerprint}}
                                                .dump());
    if (!d.pipelineHash.empty()) props.emplace_back("pipeline_sha256", d.pipelineHash);
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
    s << ". Inputs are the raw columns (" << d.numberType
      << ", missing = NaN; string, missing = \"\"); outputs: ";
    std::vector<std::string> outputs;
    for (const OutputDescription& out : d.outputs)
        outputs.push_back(out.name + " (" + out.meaning + ")");
    s << joinList(outputs, "; ") << ". Exported " << d.created << ".";
    return s.str();
}

} // namespace oficina::core::onnxexport

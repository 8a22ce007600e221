#include "pipeline/RunReport.h"

#include "data/Table.h"
#include "eval/MetricCatalog.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace oficina::core {

using Json = nlohmann::ordered_json;

namespace {

Json matrixJson(const LabeledMatrix& m) {
    Json rows = Json::array();
    for (size_t r = 0; r < m.rowLabels.size(); ++r) {
        Json row = Json::array();
        for (size_t c = 0; c < m.columnLabels.size(); ++c) row.push_back(m.at(r, c));
        rows.push_back(std::move(row));
    }
    return Json{{"rows", m.rowLabels}, {"columns", m.columnLabels}, {"values", std::move(rows)}};
}

Json outputJson(const PortValue& value) {
    if (const auto* table = std::get_if<std::shared_ptr<const Table>>(&value))
        return Json{{"kind", "table"}, {"rows", (*table)->rowCount()},
                    {"columns", (*table)->columnCount()}};
    if (const auto* model = std::get_if<std::shared_ptr<const Model>>(&value)) {
        Json steps = Json::array();
        for (const auto& step : (*model)->lineage.steps) steps.push_back(step->typeId());
        return Json{{"kind", "model"}, {"estimator", (*model)->estimator->typeId()},
                    {"target", (*model)->targetName}, {"steps", std::move(steps)}};
    }
    if (std::holds_alternative<std::shared_ptr<const Metrics>>(value))
        return Json{{"kind", "metrics"}};
    return Json{{"kind", "none"}};
}

} // namespace

Json runReport(const Graph& graph, const NodeRegistry& registry, const RunResult& result) {
    Json nodes = Json::array();
    for (const auto& id : result.order) {
        const NodeResult& r = result.nodes.at(id);
        const Node* node = graph.node(id);
        Json n;
        n["id"] = id;
        n["type"] = node ? node->type : "";
        n["title"] = node ? nodeLabel(*node, registry) : id;
        n["state"] = toString(r.state);
        n["seconds"] = r.seconds;
        n["cached"] = r.fromCache;
        if (r.error) n["error"] = describeError(r);
        Json warnings = Json::array();
        for (const auto& w : r.warnings) warnings.push_back(w.english());
        n["warnings"] = std::move(warnings);
        Json outputs = Json::object();
        Json scalars = Json::object();
        Json matrices = Json::object();
        for (const auto& [port, value] : r.outputs) {
            outputs[port] = outputJson(value);
            if (const auto* m = std::get_if<std::shared_ptr<const Metrics>>(&value)) {
                for (const auto& [name, v] : (*m)->scalars) scalars[name] = v;
                for (const auto& matrix : (*m)->matrices) matrices[matrix.name] = matrixJson(matrix);
            }
        }
        n["outputs"] = std::move(outputs);
        n["metrics"] = std::move(scalars);
        n["matrices"] = std::move(matrices);
        std::map<std::string, Json> series;
        for (const auto& p : r.metrics) {
            auto& points = series[p.series];
            if (points.is_null()) points = Json::array();
            points.push_back(Json::array({p.step, p.value}));
        }
        Json seriesJson = Json::object();
        for (auto& [name, points] : series) seriesJson[name] = std::move(points);
        n["series"] = std::move(seriesJson);
        nodes.push_back(std::move(n));
    }
    // Everything that made the run fail, in one list: graph problems, then failed nodes.
    Json issues = Json::array();
    for (const auto& issue : result.issues)
        issues.push_back(Json{{"node", issue.node}, {"message", issue.message.english()}});
    for (const auto& id : result.order)
        if (const NodeResult& r = result.nodes.at(id); r.state == NodeState::Failed)
            issues.push_back(Json{{"node", id}, {"message", describeError(r)}});
    return Json{{"format", "oficina-run-report"},
                {"version", 1},
                {"ok", !result.anyFailed() && !result.cancelled},
                {"cancelled", result.cancelled},
                {"issues", std::move(issues)},
                {"nodes", std::move(nodes)}};
}

std::string formatMetrics(const Metrics& metrics) {
    std::string out;
    char buffer[64];
    size_t width = 0;
    for (const auto& [name, value] : metrics.scalars) width = std::max(width, name.size());
    for (const auto& [name, value] : metrics.scalars) {
        std::snprintf(buffer, sizeof buffer, "%.6g", value);
        out += "  " + name + std::string(width - name.size() + 2, ' ') + buffer + "\n";
    }
    for (const auto& m : metrics.matrices) {
        if (matrixKind(m.name) == MatrixKind::Points) continue;
        out += "  " + m.name + "\n";
        size_t labelWidth = 0;
        for (const auto& label : m.rowLabels) labelWidth = std::max(labelWidth, label.size());
        std::vector<size_t> widths;
        for (const auto& label : m.columnLabels) widths.push_back(std::max<size_t>(label.size(), 9));
        out += "    " + std::string(labelWidth, ' ');
        for (size_t c = 0; c < m.columnLabels.size(); ++c)
            out += "  " + std::string(widths[c] - m.columnLabels[c].size(), ' ') + m.columnLabels[c];
        out += "\n";
        for (size_t r = 0; r < m.rowLabels.size(); ++r) {
            out += "    " + m.rowLabels[r] + std::string(labelWidth - m.rowLabels[r].size(), ' ');
            for (size_t c = 0; c < m.columnLabels.size(); ++c) {
                std::snprintf(buffer, sizeof buffer, "%.4g", m.at(r, c));
                const std::string cell = buffer;
                out += "  " + std::string(widths[c] - std::min(widths[c], cell.size()), ' ') + cell;
            }
            out += "\n";
        }
    }
    return out;
}

} // namespace oficina::core

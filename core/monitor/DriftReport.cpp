#include "monitor/DriftReport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace oficina::core::monitor {

namespace {

using Json = nlohmann::ordered_json;

Json numberOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json numbersOrNull(const std::vector<double>& values) {
    Json out = Json::array();
    for (double v : values) out.push_back(numberOrNull(v));
    return out;
}

const char* toString(PsiLevel level) {
    switch (level) {
    case PsiLevel::Stable:
        return "stable";
    case PsiLevel::Moderate:
        return "moderate";
    case PsiLevel::Major:
        return "major";
    }
    return "";
}

bool nearThreshold(const ColumnDrift& c) {
    return hasPValue(c.test) ? c.pValue < 2 * c.threshold : c.statistic >= c.threshold / 2;
}

} // namespace

bool DriftReport::drift() const {
    return std::any_of(columns.begin(), columns.end(),
                       [](const ColumnDrift& c) { return c.drift; });
}

const char* toString(DriftSeverity severity) {
    switch (severity) {
    case DriftSeverity::Stable:
        return "stable";
    case DriftSeverity::Warning:
        return "warning";
    case DriftSeverity::Drift:
        return "drift";
    }
    return "";
}

DriftSeverity severity(const ColumnDrift& c) {
    if (c.drift) return DriftSeverity::Drift;
    const bool nothingToCompare = c.referenceCount == 0 || c.currentCount == 0;
    if (nothingToCompare || psiLevel(c.psi) != PsiLevel::Stable || nearThreshold(c) ||
        !c.newCategories.empty() ||
        // The rates are quotients: 0.25 - 0.2 falls a hair short of 0.05.
        c.currentMissingRate - c.referenceMissingRate >= kMissingRateWarning - 1e-12)
        return DriftSeverity::Warning;
    return DriftSeverity::Stable;
}

std::vector<size_t> severityOrder(const std::vector<ColumnDrift>& columns) {
    std::vector<size_t> order(columns.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::vector<DriftSeverity> severities;
    for (const ColumnDrift& c : columns) severities.push_back(severity(c));
    // NaN PSI (a side without values) sorts after every number.
    const auto psiKey = [&](size_t i) {
        return std::isnan(columns[i].psi) ? -1.0 : columns[i].psi;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (severities[a] != severities[b]) return severities[a] > severities[b];
        return psiKey(a) > psiKey(b);
    });
    return order;
}

Json columnDriftJson(const ColumnDrift& c) {
    Json json = {{"name", c.name},
                 {"kind", toString(c.kind)},
                 {"test", toString(c.test)},
                 {"statistic", numberOrNull(c.statistic)}};
    if (hasPValue(c.test)) json["p_value"] = numberOrNull(c.pValue);
    json["threshold"] = c.threshold;
    json["drift"] = c.drift;
    json["severity"] = toString(severity(c));
    json["psi"] = numberOrNull(c.psi);
    json["psi_level"] = std::isnan(c.psi) ? Json(nullptr) : Json(toString(psiLevel(c.psi)));
    json["reference_count"] = c.referenceCount;
    json["current_count"] = c.currentCount;
    json["reference_missing_rate"] = c.referenceMissingRate;
    json["current_missing_rate"] = c.currentMissingRate;
    json["new_categories"] = c.newCategories;
    json["new_category_counts"] = c.newCategoryCounts;
    if (c.kind == ColumnKind::Continuous)
        json["edges"] = numbersOrNull(c.edges);
    else
        json["categories"] = c.categories;
    json["reference_shares"] = numbersOrNull(c.referenceShares);
    json["current_shares"] = numbersOrNull(c.currentShares);
    return json;
}

Json driftReportJson(const DriftReport& report) {
    Json reference = {{"path", report.referencePath},
                      {"kind", report.referenceIsPackage ? "model_package" : "data"},
                      {"rows", report.referenceRows}};
    if (report.referenceIsPackage) reference["training_rows"] = report.trainingRows;
    Json json = {{"reference", std::move(reference)},
                 {"current", {{"path", report.currentPath}, {"rows", report.currentRows}}}};
    if (!report.modelPath.empty())
        json["model"] = {{"path", report.modelPath},
                         {"name", report.modelName},
                         {"prediction_columns", report.predictionColumns}};
    if (!report.created.empty()) json["created"] = report.created;
    json["drift"] = report.drift();
    Json drifted = Json::array(), columns = Json::array();
    for (const ColumnDrift& c : report.columns) {
        if (c.drift) drifted.push_back(c.name);
        columns.push_back(columnDriftJson(c));
    }
    json["drifted_columns"] = std::move(drifted);
    json["columns"] = std::move(columns);
    return json;
}

std::optional<DriftReportFormat> driftReportFormat(std::string_view path) {
    const size_t dot = path.rfind('.');
    const size_t slash = path.rfind('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return std::nullopt;
    std::string extension(path.substr(dot + 1));
    for (char& ch : extension) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    if (extension == "json") return DriftReportFormat::Json;
    if (extension == "html" || extension == "htm") return DriftReportFormat::Html;
    return std::nullopt;
}

std::string driftReportText(const DriftReport& report, DriftReportFormat format) {
    if (format == DriftReportFormat::Html) return driftReportHtml(report);
    return driftReportJson(report).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace oficina::core::monitor

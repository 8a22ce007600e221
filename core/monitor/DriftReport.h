#pragma once

// Drift reports: the per-column results of compareColumns (ColumnDrift.h) as JSON and as a
// self-contained HTML page. The server's GET /v2/models/{name}/drift (serve/LiveDrift.h) and
// `oficina-cli drift --report out.json` share the JSON of a column; `--report out.html` is a
// page with inline CSS and SVG charts, no script and nothing fetched from elsewhere, written as
// well-formed XML too (every element closed), so an XML parser reads it.
//
// A column's severity, the traffic light of the HTML report:
//   Drift    the column's test says it drifted;
//   Warning  no drift, but PSI ≥ 0.1 (moderate), or the test is near its threshold (a p-value
//            below twice the threshold, a distance at least half of it), or values the
//            reference never had, or a missing rate 5 points higher than the reference's, or a
//            side with no values to compare;
//   Stable   anything else.
// Plain functions, no state: thread-safe.

#include "monitor/ColumnDrift.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::monitor {

/// A comparison as the reports describe it.
///
/// Example: a data file against another, no model:
///   DriftReport report{.referencePath = "train.csv", .referenceRows = 150,
///                      .currentPath = "today.csv", .currentRows = 40,
///                      .columns = compareColumns(train, today)};
struct DriftReport {
    std::string referencePath; ///< as given
    size_t referenceRows = 0;
    /// The reference is a model package: its stored sample of `trainingRows` training rows.
    bool referenceIsPackage = false;
    size_t trainingRows = 0;
    std::string currentPath;
    size_t currentRows = 0;
    /// The model whose predictions were compared on both sides; empty path: none.
    std::string modelPath;
    std::string modelName;
    /// The compared columns that hold the model's predictions (the others are data columns).
    std::vector<std::string> predictionColumns;
    std::vector<ColumnDrift> columns;
    /// When the report was made (ISO 8601), shown as given; empty: not shown.
    std::string created;

    /// Whether any column drifted.
    [[nodiscard]] bool drift() const;
};

enum class DriftSeverity { Stable, Warning, Drift };
/// "stable", "warning", "drift".
const char* toString(DriftSeverity severity);

/// Missing-rate increase (absolute) from which a column is a Warning.
inline constexpr double kMissingRateWarning = 0.05;

DriftSeverity severity(const ColumnDrift& column);

/// Indices of `columns` from the most severe: by severity, then by PSI (highest first, NaN
/// last), then in the given order.
std::vector<size_t> severityOrder(const std::vector<ColumnDrift>& columns);

/// One column: name, kind, test, statistic, p_value (only for tests judged by one), threshold,
/// drift, severity, psi, psi_level, reference_count, current_count, reference_missing_rate,
/// current_missing_rate, new_categories, new_category_counts, then the bins: edges (continuous)
/// or categories (others), reference_shares and current_shares. Numbers that are not finite
/// are null, and so is psi_level when PSI is.
nlohmann::ordered_json columnDriftJson(const ColumnDrift& column);

/// The whole report: reference {path, kind: "data" | "model_package", rows, training_rows?},
/// current {path, rows}, model {path, name, prediction_columns} (with a model only), created
/// (when set), drift, drifted_columns, columns (in the compared order).
nlohmann::ordered_json driftReportJson(const DriftReport& report);

/// The HTML page: a summary (inputs, row counts, verdict, how many columns per severity), one
/// row per column sorted by severity with its traffic light, test, statistic, p-value,
/// threshold, PSI, missing rates, new categories and an SVG chart of both distributions
/// (histogram bars over the bins of a continuous column, grouped bars per category for the
/// others), and the definitions of the tests used. Every text from the data is escaped.
std::string driftReportHtml(const DriftReport& report);

enum class DriftReportFormat { Json, Html };
/// By the file's extension, ignoring case: .json, or .html/.htm; anything else: nothing.
std::optional<DriftReportFormat> driftReportFormat(std::string_view path);

/// The report's text in `format`: driftReportJson indented, or driftReportHtml. Text from the
/// data files that is not valid UTF-8 is replaced in the JSON, escaped in the HTML.
std::string driftReportText(const DriftReport& report, DriftReportFormat format);

} // namespace oficina::core::monitor

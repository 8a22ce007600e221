#pragma once
// `oficina-cli drift`: per-column drift between a reference (a data file, or a model package's
// stored training sample) and a current data file, with the model's predictions on both sides
// when there is a model (core/monitor/ColumnDrift.h, DriftReport.h; docs/monitoring.md).

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace oficina::cli {

/// Example: oficina-cli drift model.ofmodel today.csv --report drift.html --fail-on drift
///          --test 'age=psi' --threshold 'age=0.2'
struct DriftCliOptions {
    std::string reference;               ///< CSV/TSV/ARFF, or a .ofmodel package
    std::string current;                 ///< CSV/TSV/ARFF
    std::string model;                   ///< a .ofmodel whose predictions are compared too
    std::string report;                  ///< out.json or out.html, or empty
    std::string failOn;                  ///< "drift": exit 3 when a column drifted
    std::vector<std::string> columns;    ///< only these columns
    std::vector<std::string> tests;      ///< NAME=TEST
    std::vector<std::string> thresholds; ///< NAME=VALUE
};

/// Declares the `drift` subcommand and its options on `app`, filling `options` when parsed.
CLI::App* addDriftCommand(CLI::App& app, DriftCliOptions& options);

/// Prints the comparison as a table and a verdict on stdout and writes the report. Returns Ok
/// (drift or not), NodeFailed when the comparison fails (the model cannot predict), BadInput
/// for unreadable files, bad options or a current file without a compared column, DriftFound
/// when --fail-on drift and a column drifted.
int drift(const DriftCliOptions& options);

} // namespace oficina::cli

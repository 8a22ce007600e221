#include "serve/LiveDrift.h"

#include "monitor/DriftReport.h"
#include "serve/Metrics.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace oficina::core::serve {

namespace {

using Json = nlohmann::json;

Table withPredictions(const Table& input, const std::vector<Column>& predictions) {
    std::vector<Column> columns = input.columns();
    columns.insert(columns.end(), predictions.begin(), predictions.end());
    return Table(std::move(columns));
}

std::string sample(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

} // namespace

LiveDrift::LiveDrift(std::shared_ptr<const deploy::ModelPackage> package, size_t windowRows)
    : m_package(std::move(package)), m_on(windowRows > 0), m_recent(windowRows) {}

void LiveDrift::record(const Table& input, const std::vector<Column>& predictions) {
    if (m_on) m_recent.add(withPredictions(input, predictions));
}

// The model's predictions on its own training sample: what its outputs looked like when it
// was made. Computed once, on the first drift request, not at load.
const Table& LiveDrift::reference() const {
    std::call_once(m_referenceOnce, [this] {
        const deploy::ModelPackage& package = *m_package;
        if (package.sample.rowCount() == 0) {
            m_referenceError = "the model package keeps no sample of its training data";
            return;
        }
        try {
            const Table input =
                deploy::conformInput(package.sample, package.manifest.inputs, "sample");
            m_reference = withPredictions(input, deploy::predictColumns(package, input));
        } catch (const Error& e) {
            m_referenceError = std::string("the package's sample cannot be predicted: ") + e.what();
        }
    });
    return m_reference;
}

DriftSnapshot LiveDrift::compute() const {
    DriftSnapshot snapshot;
    if (!m_on) {
        snapshot.error = "live drift is off (oficina-cli serve --drift-window 0)";
        return snapshot;
    }
    const Table recent = m_recent.snapshot();
    snapshot.windowRows = recent.rowCount();
    snapshot.rowsSeen = m_recent.rowsAdded() + m_recent.rowsSkipped();
    snapshot.rowsSkipped = m_recent.rowsSkipped();
    const Table& ref = reference();
    if (!m_referenceError.empty()) {
        snapshot.error = m_referenceError;
        return snapshot;
    }
    if (recent.rowCount() == 0) return snapshot;
    try {
        // The tests' regime follows the training set's size, not the sample's.
        monitor::DriftOptions options;
        if (const size_t rows = m_package->manifest.trainingData.rows; rows > 0)
            options.referenceRows = rows;
        snapshot.columns = monitor::compareColumns(ref, recent, options);
    } catch (const Error& e) {
        snapshot.error = e.what();
    }
    return snapshot;
}

Json driftJson(const std::string& model, const std::string& version,
               const DriftSnapshot& snapshot) {
    // The columns' shape is the drift report's (oficina-cli drift --report out.json).
    Json columns = Json::array();
    for (const monitor::ColumnDrift& c : snapshot.columns)
        columns.push_back(Json(monitor::columnDriftJson(c)));
    Json body = {{"model_name", model},
                 {"model_version", version},
                 {"window_rows", snapshot.windowRows},
                 {"rows_seen", snapshot.rowsSeen},
                 {"rows_skipped", snapshot.rowsSkipped},
                 {"drift", std::any_of(snapshot.columns.begin(), snapshot.columns.end(),
                                       [](const monitor::ColumnDrift& c) { return c.drift; })},
                 {"columns", std::move(columns)}};
    if (!snapshot.error.empty()) body["error"] = snapshot.error;
    return body;
}

std::string driftMetricsText(const std::vector<std::pair<std::string, DriftSnapshot>>& models) {
    struct Family {
        const char* name;
        const char* help;
        double (*value)(const monitor::ColumnDrift&);
        bool pValuesOnly = false;
    };
    static const Family families[] = {
        {"oficina_drift_statistic", "The drift test's statistic per input and prediction column "
                                    "against the training sample (label test names it)",
         [](const monitor::ColumnDrift& c) { return c.statistic; }},
        {"oficina_drift_p_value", "The drift test's p-value, for the tests that have one",
         [](const monitor::ColumnDrift& c) { return c.pValue; }, true},
        {"oficina_drift_threshold", "The threshold the column's drift is judged by",
         [](const monitor::ColumnDrift& c) { return c.threshold; }},
        {"oficina_drift_detected", "1 when the column drifted, else 0",
         [](const monitor::ColumnDrift& c) { return c.drift ? 1.0 : 0.0; }},
        {"oficina_drift_psi", "Population stability index of the column on the reference's bins",
         [](const monitor::ColumnDrift& c) { return c.psi; }},
    };
    std::string out;
    for (const Family& family : families) {
        out += std::string("# HELP ") + family.name + " " + family.help + "\n# TYPE " +
               family.name + " gauge\n";
        for (const auto& [model, snapshot] : models)
            for (const monitor::ColumnDrift& c : snapshot.columns) {
                if (family.pValuesOnly && !monitor::hasPValue(c.test)) continue;
                out += std::string(family.name) + "{model=\"" + escapeLabelValue(model) +
                       "\",column=\"" + escapeLabelValue(c.name) + "\",test=\"" +
                       monitor::toString(c.test) + "\"} " + sample(family.value(c)) + "\n";
            }
    }
    out += "# HELP oficina_drift_window_rows Recent rows the drift figures compare\n"
           "# TYPE oficina_drift_window_rows gauge\n";
    for (const auto& [model, snapshot] : models)
        out += "oficina_drift_window_rows{model=\"" + escapeLabelValue(model) + "\"} " +
               std::to_string(snapshot.windowRows) + "\n";
    return out;
}

} // namespace oficina::core::serve

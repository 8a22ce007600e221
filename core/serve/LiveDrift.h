#pragma once

// Live drift of a served model: the rows it predicted last (inputs and predictions, a window
// of fixed size) against its training data as its package keeps it (the raw sample, and the
// model's own predictions on it), compared column by column with the drift tests
// (monitor/ColumnDrift.h) when asked: GET /v2/models/{name}/drift and GET /metrics.

#include "deploy/ModelPackage.h"
#include "monitor/ColumnDrift.h"
#include "monitor/RecentRows.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace oficina::core::serve {

struct DriftSnapshot {
    std::vector<monitor::ColumnDrift> columns;  ///< the inputs, then the prediction columns
    size_t windowRows = 0;                      ///< recent rows compared
    uint64_t rowsSeen = 0;                      ///< rows predicted since the model was loaded
    uint64_t rowsSkipped = 0;                   ///< of those, rows not kept (the window was busy)
    std::string error;  ///< why nothing could be compared (no sample in the package…), or ""
};

/// One per served model version. record() from any request thread (never waits); compute()
/// from any thread, costing a drift comparison of the window against the reference.
class LiveDrift {
public:
    /// `windowRows` 0: live drift off (record() keeps nothing, compute() says so).
    explicit LiveDrift(std::shared_ptr<const deploy::ModelPackage> package,
                       size_t windowRows = monitor::kDefaultRecentRows);

    /// Keeps a request's rows: its inputs as conformed for the model, and its predictions.
    void record(const Table& input, const std::vector<Column>& predictions);
    [[nodiscard]] DriftSnapshot compute() const;

private:
    const Table& reference() const;

    std::shared_ptr<const deploy::ModelPackage> m_package;
    const bool m_on;
    monitor::RecentRows m_recent;
    mutable std::once_flag m_referenceOnce;
    mutable Table m_reference;  ///< the sample with the model's predictions on it
    mutable std::string m_referenceError;
};

/// The JSON of GET /v2/models/{name}/drift: the window's figures, and each column as
/// monitor::columnDriftJson writes it (oficina-cli drift's JSON report has the same columns).
nlohmann::json driftJson(const std::string& model, const std::string& version,
                         const DriftSnapshot& snapshot);
/// Prometheus text for the models served, by name: oficina_drift_statistic,
/// oficina_drift_p_value, oficina_drift_threshold, oficina_drift_detected and oficina_drift_psi
/// per model and column, and oficina_drift_window_rows per model; each family once.
std::string driftMetricsText(const std::vector<std::pair<std::string, DriftSnapshot>>& models);

} // namespace oficina::core::serve

#pragma once

// What the inference server counts, and the Prometheus text (format 0.0.4) that /metrics gives.

#include <array>
#include <atomic>
#include <iterator>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>

namespace oficina::core {
class Column;
}

namespace oficina::core::serve {

/// Upper bounds (seconds) of the request-duration histogram's buckets; +Inf follows.
inline constexpr double kDurationBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                              0.1,    0.25,  0.5,    1,     2.5,  5,     10};

/// One model's requests summed over its routes, as they stand at one moment: what a live view
/// samples (the GUI's Serve dialog) without parsing text(). Every field only grows.
struct MetricTotals {
    unsigned long long requests = 0; ///< answered, whatever the status
    unsigned long long errors = 0;   ///< of those, answered with a status of 400 or more
    unsigned long long rows = 0;     ///< rows predicted
    double seconds = 0;              ///< the requests' durations, summed
    /// Requests per duration bucket, not cumulative: kDurationBuckets' bounds, then +Inf.
    std::array<unsigned long long, std::size(kDurationBuckets) + 1> buckets{};
};

/// The server's counters. Thread-safe: each model's figures have their own mutex, held for a
/// few increments; the map of models takes a shared lock, exclusive only the first time a
/// model (or the empty model of non-model routes) is seen. Label values are bounded by the
/// caller: model names of served models (or ""), the route templates of Routes, a model's
/// classes and input columns.
///
/// Example:
///     Metrics metrics;
///     metrics.countRequest("iris", "/v2/models/{name}/infer", 200, 0.0021);
///     metrics.countRows("iris", 3);
///     std::string text = metrics.text();  // what GET /metrics answers
class Metrics {
public:
    Metrics();
    ~Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;

    /// One answered request: oficina_requests_total and oficina_request_duration_seconds.
    void countRequest(std::string_view model, std::string_view route, int status, double seconds);
    /// Rows predicted: oficina_rows_predicted_total.
    void countRows(std::string_view model, size_t rows);
    /// A prediction column: labels (categorical) count into oficina_predictions_total by
    /// class; values (numeric, regressors) into the oficina_prediction_value summary.
    void countPredictions(std::string_view model, const Column& predictions);
    /// A request refused because of this input column: oficina_input_errors_total.
    void countInputError(std::string_view model, std::string_view column);
    /// A model version was loaded: oficina_model_loads_total and oficina_model_version.
    void countLoad(std::string_view model, unsigned long version);
    /// A connection answered 503 because every thread was busy and the queue full.
    void countRejected() { m_rejected.fetch_add(1, std::memory_order_relaxed); }
    /// Requests being answered now (oficina_requests_in_flight).
    void addInFlight(long delta) { m_inFlight.fetch_add(delta, std::memory_order_relaxed); }

    /// Every metric in Prometheus text format 0.0.4, families and series in a stable order.
    [[nodiscard]] std::string text() const;
    /// `model`'s figures summed over its routes (all zero for a model not seen yet). Cheap:
    /// copies a few numbers under the model's mutex; callable from any thread.
    [[nodiscard]] MetricTotals totals(std::string_view model) const;

private:
    struct ModelFigures;
    ModelFigures& figures(std::string_view model);

    mutable std::shared_mutex m_mutex; ///< guards the map, not the figures
    std::map<std::string, std::unique_ptr<ModelFigures>, std::less<>> m_models;
    std::atomic<unsigned long long> m_rejected{0};
    std::atomic<long> m_inFlight{0};
};

/// A Prometheus label value escaped: backslash, double quote and line feed.
std::string escapeLabelValue(std::string_view value);

} // namespace oficina::core::serve

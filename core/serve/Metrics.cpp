#include "serve/Metrics.h"

#include "data/Column.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <mutex>
#include <utility>
#include <vector>

namespace oficina::core::serve {

namespace {

constexpr size_t kBucketCount = std::size(kDurationBuckets);

struct Histogram {
    unsigned long long buckets[kBucketCount] = {}; ///< not cumulative: one bucket per request
    unsigned long long count = 0;
    double sum = 0;
};

/// Prometheus sample values: Go's ParseFloat reads C's shortest form and these spellings.
std::string sampleValue(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    // As Go's FormatFloat(v, 'g', -1, 64), which Prometheus' clients use for "le" labels:
    // 0.0005, not 5e-04.
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::general);
    return std::string(text, end.ptr);
}

void family(std::string& out, const char* name, const char* type, const char* help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

/// name{label="value",…} value
void sample(std::string& out, std::string_view name,
            std::initializer_list<std::pair<const char*, std::string_view>> labels,
            const std::string& value) {
    out += name;
    if (labels.size() > 0) {
        out += '{';
        bool first = true;
        for (const auto& [label, text] : labels) {
            if (!first) out += ',';
            first = false;
            out += label;
            out += "=\"";
            out += escapeLabelValue(text);
            out += '"';
        }
        out += '}';
    }
    out += ' ';
    out += value;
    out += '\n';
}

} // namespace

namespace {

/// One model's counters: what text() copies out under the model's lock.
struct Counters {
    std::map<std::string, std::map<int, unsigned long long>, std::less<>> requests;
    std::map<std::string, Histogram, std::less<>> durations;
    unsigned long long rows = 0;
    std::map<std::string, unsigned long long, std::less<>> predictions;
    unsigned long long valueCount = 0;
    double valueSum = 0;
    std::map<std::string, unsigned long long, std::less<>> inputErrors;
    unsigned long long loads = 0;
    unsigned long version = 0;
};

} // namespace

struct Metrics::ModelFigures : Counters {
    std::mutex mutex;
};

std::string escapeLabelValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

Metrics::ModelFigures& Metrics::figures(std::string_view model) {
    {
        std::shared_lock read(m_mutex);
        const auto it = m_models.find(model);
        if (it != m_models.end()) return *it->second;
    }
    std::unique_lock write(m_mutex);
    auto& slot = m_models[std::string(model)];
    if (!slot) slot = std::make_unique<ModelFigures>();
    return *slot; // figures are never removed, so the reference outlives the lock
}

void Metrics::countRequest(std::string_view model, std::string_view route, int status,
                           double seconds) {
    ModelFigures& f = figures(model);
    size_t bucket = 0;
    while (bucket < kBucketCount && seconds > kDurationBuckets[bucket])
        ++bucket;
    std::lock_guard lock(f.mutex);
    auto request = f.requests.find(route);
    if (request == f.requests.end())
        request = f.requests.emplace(std::string(route), std::map<int, unsigned long long>{}).first;
    ++request->second[status];
    auto duration = f.durations.find(route);
    if (duration == f.durations.end())
        duration = f.durations.emplace(std::string(route), Histogram{}).first;
    Histogram& h = duration->second;
    if (bucket < kBucketCount) ++h.buckets[bucket];
    ++h.count;
    h.sum += seconds;
}

void Metrics::countRows(std::string_view model, size_t rows) {
    ModelFigures& f = figures(model);
    std::lock_guard lock(f.mutex);
    f.rows += rows;
}

void Metrics::countPredictions(std::string_view model, const Column& predictions) {
    ModelFigures& f = figures(model);
    if (predictions.isNumeric()) {
        double sum = 0;
        unsigned long long count = 0;
        for (size_t r = 0; r < predictions.size(); ++r) {
            const double v = predictions.number(r);
            if (std::isfinite(v)) {
                sum += v;
                ++count;
            }
        }
        std::lock_guard lock(f.mutex);
        f.valueSum += sum;
        f.valueCount += count;
        return;
    }
    // Counted by code first, so the lock is held for one increment per class.
    const std::vector<std::string>& labels = predictions.categories();
    std::vector<unsigned long long> counts(labels.size() + 1, 0);
    for (size_t r = 0; r < predictions.size(); ++r) {
        const int32_t code = predictions.code(r);
        ++counts[code < 0 ? labels.size() : size_t(code)];
    }
    std::lock_guard lock(f.mutex);
    for (size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] == 0) continue;
        const std::string& label = c < labels.size() ? labels[c] : std::string();
        auto it = f.predictions.find(label);
        if (it == f.predictions.end()) it = f.predictions.emplace(label, 0).first;
        it->second += counts[c];
    }
}

void Metrics::countInputError(std::string_view model, std::string_view column) {
    ModelFigures& f = figures(model);
    std::lock_guard lock(f.mutex);
    auto it = f.inputErrors.find(column);
    if (it == f.inputErrors.end()) it = f.inputErrors.emplace(std::string(column), 0).first;
    ++it->second;
}

void Metrics::countLoad(std::string_view model, unsigned long version) {
    ModelFigures& f = figures(model);
    std::lock_guard lock(f.mutex);
    ++f.loads;
    f.version = version;
}

MetricTotals Metrics::totals(std::string_view model) const {
    MetricTotals totals;
    std::shared_lock read(m_mutex);
    const auto it = m_models.find(model);
    if (it == m_models.end()) return totals;
    ModelFigures& f = *it->second;
    std::lock_guard lock(f.mutex);
    for (const auto& [route, codes] : f.requests)
        for (const auto& [code, count] : codes) {
            totals.requests += count;
            if (code >= 400) totals.errors += count;
        }
    for (const auto& [route, h] : f.durations) {
        unsigned long long bucketed = 0;
        for (size_t b = 0; b < kBucketCount; ++b) {
            totals.buckets[b] += h.buckets[b];
            bucketed += h.buckets[b];
        }
        totals.buckets[kBucketCount] += h.count - bucketed;
        totals.seconds += h.sum;
    }
    totals.rows = f.rows;
    return totals;
}

std::string Metrics::text() const {
    // A copy of each model's figures, so no lock is held while formatting.
    struct Snapshot : Counters {
        std::string model;
    };
    std::vector<Snapshot> models;
    {
        std::shared_lock read(m_mutex);
        for (const auto& [name, f] : m_models) {
            std::lock_guard lock(f->mutex);
            models.push_back({static_cast<const Counters&>(*f), name});
        }
    }

    std::string out;
    family(out, "oficina_requests_total", "counter",
           "HTTP requests answered, by model, route template and status code.");
    for (const Snapshot& m : models)
        for (const auto& [route, codes] : m.requests)
            for (const auto& [code, count] : codes)
                sample(out, "oficina_requests_total",
                       {{"model", m.model}, {"route", route}, {"code", std::to_string(code)}},
                       std::to_string(count));

    family(out, "oficina_request_duration_seconds", "histogram",
           "Time from a request's first byte to its response's last, by model and route.");
    for (const Snapshot& m : models)
        for (const auto& [route, h] : m.durations) {
            unsigned long long cumulative = 0;
            for (size_t b = 0; b < kBucketCount; ++b) {
                cumulative += h.buckets[b];
                sample(out, "oficina_request_duration_seconds_bucket",
                       {{"model", m.model},
                        {"route", route},
                        {"le", sampleValue(kDurationBuckets[b])}},
                       std::to_string(cumulative));
            }
            sample(out, "oficina_request_duration_seconds_bucket",
                   {{"model", m.model}, {"route", route}, {"le", "+Inf"}}, std::to_string(h.count));
            sample(out, "oficina_request_duration_seconds_sum",
                   {{"model", m.model}, {"route", route}}, sampleValue(h.sum));
            sample(out, "oficina_request_duration_seconds_count",
                   {{"model", m.model}, {"route", route}}, std::to_string(h.count));
        }

    family(out, "oficina_rows_predicted_total", "counter", "Rows predicted, by model.");
    for (const Snapshot& m : models)
        if (!m.model.empty())
            sample(out, "oficina_rows_predicted_total", {{"model", m.model}},
                   std::to_string(m.rows));

    family(out, "oficina_predictions_total", "counter",
           "Predicted labels of classifiers and clusterers, by model and class.");
    for (const Snapshot& m : models)
        for (const auto& [label, count] : m.predictions)
            sample(out, "oficina_predictions_total", {{"model", m.model}, {"class", label}},
                   std::to_string(count));

    family(out, "oficina_prediction_value", "summary",
           "Values predicted by regressors (non-finite ones left out), by model.");
    for (const Snapshot& m : models)
        if (m.valueCount > 0) {
            sample(out, "oficina_prediction_value_sum", {{"model", m.model}},
                   sampleValue(m.valueSum));
            sample(out, "oficina_prediction_value_count", {{"model", m.model}},
                   std::to_string(m.valueCount));
        }

    family(out, "oficina_input_errors_total", "counter",
           "Requests refused because of an input column (missing, wrong type or shape), by "
           "model and column.");
    for (const Snapshot& m : models)
        for (const auto& [column, count] : m.inputErrors)
            sample(out, "oficina_input_errors_total", {{"model", m.model}, {"column", column}},
                   std::to_string(count));

    family(out, "oficina_model_loads_total", "counter",
           "Versions of a model loaded (at start and by the repository's load route).");
    for (const Snapshot& m : models)
        if (m.loads > 0)
            sample(out, "oficina_model_loads_total", {{"model", m.model}}, std::to_string(m.loads));

    family(out, "oficina_model_version", "gauge", "The version a model now serves.");
    for (const Snapshot& m : models)
        if (m.loads > 0)
            sample(out, "oficina_model_version", {{"model", m.model}}, std::to_string(m.version));

    family(out, "oficina_rejected_connections_total", "counter",
           "Connections answered 503 because every thread was busy and the queue was full.");
    sample(out, "oficina_rejected_connections_total", {},
           std::to_string(m_rejected.load(std::memory_order_relaxed)));

    family(out, "oficina_requests_in_flight", "gauge", "Requests being answered now.");
    sample(out, "oficina_requests_in_flight", {},
           std::to_string(m_inFlight.load(std::memory_order_relaxed)));
    return out;
}

} // namespace oficina::core::serve

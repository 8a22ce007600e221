#include "util/RunContext.h"

#include "util/Error.h"

#include <filesystem>
#include <utility>

namespace oficina::core {

void RunContext::throwIfStopped() const {
    if (stopRequested()) throw Cancelled{};
}

void RunContext::progress(double fraction, std::string_view text) {
    if (!m_onProgress) return;
    const auto now = std::chrono::steady_clock::now();
    const bool edge = fraction <= 0.0 || fraction >= 1.0;
    if (!edge && now - m_lastProgress < std::chrono::milliseconds(100)) return;
    m_lastProgress = now;
    m_onProgress(m_node, fraction, std::string(text));
}

void RunContext::metric(std::string_view series, double step, double value) {
    std::lock_guard lock(m_metricsMutex);
    m_metrics.push_back({m_node, std::string(series), step, value});
}

void RunContext::warning(Message message) { m_warnings.push_back(std::move(message)); }

void RunContext::wroteFile(std::string path) {
    // "project/../out/model.onnx" reads better as "out/model.onnx" in a log.
    m_writtenFiles.push_back(std::filesystem::path(path).lexically_normal().string());
}

std::vector<MetricPoint> RunContext::takeMetrics(size_t& cursor) const {
    std::lock_guard lock(m_metricsMutex);
    if (cursor >= m_metrics.size()) return {};
    std::vector<MetricPoint> out(m_metrics.begin() + std::ptrdiff_t(cursor), m_metrics.end());
    cursor = m_metrics.size();
    return out;
}

void RunContext::beginNode(const std::string& node,
                           std::map<std::string, std::string> inputSources) {
    m_node = node;
    m_inputSources = std::move(inputSources);
    m_warnings.clear();
    m_writtenFiles.clear();
    m_lastProgress = {};
}

std::vector<Message> RunContext::takeWarnings() { return std::exchange(m_warnings, {}); }

std::vector<std::string> RunContext::takeWrittenFiles() {
    return std::exchange(m_writtenFiles, {});
}

std::vector<MetricPoint> RunContext::metricsOf(const std::string& node) const {
    std::lock_guard lock(m_metricsMutex);
    std::vector<MetricPoint> out;
    for (const auto& p : m_metrics)
        if (p.node == node) out.push_back(p);
    return out;
}

} // namespace oficina::core

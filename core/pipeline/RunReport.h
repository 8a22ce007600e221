#pragma once

#include "pipeline/Executor.h"

#include <nlohmann/json.hpp>

#include <string>

namespace oficina::core {

struct Metrics;

/// The machine-readable record of a run (`oficina-cli run --report`): per node its state, time,
/// cache use, error, warnings, output shapes, metrics and metric series.
nlohmann::ordered_json runReport(const Graph& graph, const NodeRegistry& registry,
                                 const RunResult& result);

/// Metrics as aligned plain text: scalars, then each table (MatrixKind::Table); point series
/// (curves, residuals) are for charts and the run report.
std::string formatMetrics(const Metrics& metrics);

} // namespace oficina::core

#pragma once
// `oficina-cli run --require RULE… [--baseline B] [--summary out.md]`: metric gates for CI
// (core/monitor/Gates.h). A gate that fails makes the run exit 3.

#include "Commands.h"

#include "monitor/Gates.h"
#include "pipeline/Executor.h"

#include <optional>
#include <string>
#include <vector>

namespace oficina::cli {

/// The rules and the baseline's metrics, read before the run so that a typo or a missing
/// baseline is bad input (exit 2) rather than a failed gate after a long run.
struct PreparedGates {
    std::vector<core::monitor::GateRule> rules;
    std::optional<core::monitor::MetricMap> baseline;
    std::string baselineName;  ///< as given: "report.json", "models:/iris@champion"
};

/// Throws Error naming the rule or the baseline.
PreparedGates prepareGates(const RunOptions& options);

/// A run's scalar metrics as the gates see them: "NODE.METRIC" for every scalar a node
/// produced, and drift.max_psi, the largest "max_psi" of any node that reports one (the Drift
/// check nodes).
core::monitor::MetricMap gateMetrics(const core::RunResult& result);

/// Checks the gates after the run, prints one line per gate on stderr, writes --summary.
/// Returns GateFailed when one fails, BadInput when the summary cannot be written, else Ok.
int checkGates(const PreparedGates& gates, const RunOptions& options,
               const core::RunResult& result);

} // namespace oficina::cli

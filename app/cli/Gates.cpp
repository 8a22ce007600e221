#include "Gates.h"

#include "TrackCommands.h"

#include "data/TextInput.h"
#include "eval/Metrics.h"
#include "track/RunStore.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Text.h"

#include <cstdio>

namespace oficina::cli {

namespace {

using namespace core::monitor;

std::string number(std::optional<double> value) {
    return value ? core::formatSignificant(*value) : "-";
}

// The scalars of the run that made a registered model version, as the store recorded them.
MetricMap registryMetrics(const std::string& reference, const RunOptions& options) {
    const core::track::RunStore store(storePathFor(
        options.store.empty() ? core::track::defaultStorePath(options.pipeline) : options.store,
        true));
    const core::track::RunRecord run = store.run(store.resolveModel(reference).runId);
    MetricMap metrics;
    for (const auto& m : run.metrics)
        if (!m.series) metrics[m.key] = m.value;
    return metrics;
}

} // namespace

PreparedGates prepareGates(const RunOptions& options) {
    PreparedGates gates;
    for (const auto& text : options.gates) gates.rules.push_back(parseGateRule(text));
    if (!options.baseline.empty()) {
        gates.baselineName = options.baseline;
        gates.baseline = options.baseline.rfind("models:/", 0) == 0
                             ? registryMetrics(options.baseline, options)
                             : readReportMetrics(options.baseline);
    }
    return gates;
}

MetricMap gateMetrics(const core::RunResult& result) {
    std::vector<std::pair<std::string, const core::Metrics*>> nodes;
    for (const auto& [id, node] : result.nodes)
        for (const auto& [port, value] : node.outputs)
            if (const auto* m = std::get_if<std::shared_ptr<const core::Metrics>>(&value))
                nodes.emplace_back(id, m->get());
    return core::monitor::gateMetrics(nodes);
}

int checkGates(const PreparedGates& gates, const RunOptions& options,
               const core::RunResult& result) {
    if (gates.rules.empty()) return Ok;
    const MetricMap metrics = gateMetrics(result);
    const auto results =
        evaluateGates(gates.rules, metrics, gates.baseline ? &*gates.baseline : nullptr);
    // Failures are said even with --quiet: CI reads stderr for why.
    for (const GateResult& r : results) {
        if (options.quiet && r.passed) continue;
        std::string line = std::string(r.passed ? "✓ gate " : "✗ gate ") + r.rule.text + ": " +
                           number(r.value);
        if (r.bound) line += " against " + number(r.bound);
        if (!r.reason.english().empty()) line += " (" + r.reason.english() + ")";
        else if (!r.note.english().empty()) line += " (" + r.note.english() + ")";
        std::fprintf(stderr, "%s\n", core::printableText(line, std::string::npos).c_str());
    }
    int code = allGatesPassed(results) ? Ok : GateFailed;
    if (!options.summary.empty()) {
        try {
            core::writeFileAtomically(options.summary,
                                      gateSummaryMarkdown(results, gates.baselineName));
        } catch (const core::Error& e) {
            std::fprintf(stderr, "oficina-cli: %s\n", e.what());
            code = std::max(code, int(BadInput));
        }
    }
    return code;
}

} // namespace oficina::cli

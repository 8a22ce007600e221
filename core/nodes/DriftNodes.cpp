// The Drift check node: the columns of a current table against a reference one with the drift
// tests of `oficina-cli drift` (core/monitor/ColumnDrift.h), as metrics a Gate or
// `oficina-cli run --require 'drift.max_psi < 0.1'` can judge.
#include "nodes/Nodes.h"

#include "eval/Metrics.h"
#include "monitor/ColumnDrift.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <cmath>

namespace oficina::core {

namespace {

PortValues runDriftCheck(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    monitor::DriftOptions options;
    options.columns = params.list("columns");
    const auto drifts =
        monitor::compareColumns(inputs.table("reference"), inputs.table("current"), options);

    Metrics out;
    LabeledMatrix table{"drift_by_column", {}, {"statistic", "p_value", "threshold", "drifted", "psi"}, {}, {}};
    double maxPsi = 0;
    size_t drifted = 0;
    for (const monitor::ColumnDrift& c : drifts) {
        table.rowLabels.push_back(c.name);
        table.values.insert(table.values.end(),
                            {c.statistic, c.pValue, c.threshold, c.drift ? 1.0 : 0.0, c.psi});
        table.rowNotes.push_back(Message(OFICINA_TR_NOOP("test: %1"), {monitor::toString(c.test)}));
        if (std::isfinite(c.psi)) maxPsi = std::max(maxPsi, c.psi);
        drifted += c.drift;
        if (!c.newCategories.empty())
            ctx.warning(Message(OFICINA_TR_NOOP("column '%1' has values the reference never had, "
                                                "such as \"%2\""),
                                {c.name, c.newCategories.front()}));
    }
    out.scalars = {{"drifted_columns", double(drifted)},
                   {"columns_compared", double(drifts.size())},
                   {"max_psi", maxPsi}};
    out.matrices.push_back(std::move(table));
    return {{"metrics", metricsValue(std::move(out))}};
}

NodeSpec driftCheckSpec() {
    return {
        .type = "oficina.monitor.drift_check",
        .title = OFICINA_TR_NOOP("Drift check"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP(
            "Compares each column of new data with the data a model learned from: "
            "Kolmogorov-Smirnov, chi-squared or a two-proportion test on small reference sets, "
            "Wasserstein or Jensen-Shannon distances on larger ones, and PSI for every column, "
            "as oficina-cli drift does. A Gate can then fail the run on drift.max_psi."),
        .whenToUse = OFICINA_TR_NOOP("Before trusting a model on this month's data: has it "
                                     "moved away from what the model was trained on?"),
        .concepts = {"data", "inference"},
        .inputs = {{"reference", PortType::Table, OFICINA_TR_NOOP("Reference data")},
                   {"current", PortType::Table, OFICINA_TR_NOOP("Current data")}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Drift")}},
        .params = {Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .fromInput("reference")
                       .optional()
                       .meaningWhenEmpty(OFICINA_TR_NOOP("every column of the reference"))
                       .withHelp(OFICINA_TR_NOOP("The columns to compare; each must be in both "
                                                 "tables"))},
        .run = runDriftCheck,
    };
}

} // namespace

void registerDriftNodes(NodeRegistry& registry) {
    registry.add(driftCheckSpec());
}

} // namespace oficina::core

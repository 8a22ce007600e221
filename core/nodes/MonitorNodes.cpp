// The Gate node: the rules of `oficina-cli run --require` (core/monitor/Gates.h), checked in the
// editor against the metrics wired into it, so an analyst sees what CI will say.
#include "nodes/Nodes.h"

#include "eval/Metrics.h"
#include "monitor/Gates.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>

namespace oficina::core {

namespace {

using monitor::GateResult;
using monitor::GateRule;
using monitor::MetricMap;

constexpr const char* kMetricsPorts[] = {"metrics", "metrics_2", "metrics_3", "metrics_4"};

std::string_view trimmed(std::string_view text) {
    constexpr std::string_view spaces = " \t\r";
    const size_t first = text.find_first_not_of(spaces);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(spaces) - first + 1);
}

/// One rule per line or per ';' (the property editor has a single line), blank ones skipped.
/// A rule that does not parse fails the run, named by its number and text.
std::vector<GateRule> parseRules(std::string_view text) {
    std::vector<GateRule> rules;
    for (size_t start = 0; start <= text.size();) {
        const size_t end = std::min(text.find_first_of(";\n", start), text.size());
        const std::string_view rule = trimmed(text.substr(start, end - start));
        start = end + 1;
        if (rule.empty()) continue;
        try {
            rules.push_back(monitor::parseGateRule(rule));
        } catch (const Error& e) {
            throw Error(e.message(), "rule " + std::to_string(rules.size() + 1) + ", " + e.where());
        }
    }
    if (rules.empty())
        throw Error(Message(OFICINA_TR_NOOP("write at least one rule, such as "
                                            "score.accuracy >= 0.9")));
    return rules;
}

/// What the gate checks: the inputs' metrics as `oficina-cli run` gates on them, each under the
/// id of the node that sent it.
MetricMap inputMetrics(const NodeInputs& inputs, const std::map<std::string, std::string>& sources,
                       std::set<std::string>& connected) {
    std::vector<std::pair<std::string, const Metrics*>> nodes;
    for (const char* port : kMetricsPorts) {
        if (!inputs.has(port)) continue;
        const std::string& node = sources.at(port);
        connected.insert(node);
        nodes.emplace_back(node, &inputs.metrics(port));
    }
    return monitor::gateMetrics(nodes);
}

LabeledMatrix gatesMatrix(const std::vector<GateResult>& results) {
    constexpr double none = std::numeric_limits<double>::quiet_NaN();
    LabeledMatrix m{.name = "gates", .columnLabels = {"value", "baseline", "bound", "passed"}};
    for (const GateResult& r : results) {
        m.rowLabels.push_back(r.rule.text);
        m.values.insert(m.values.end(), {r.value.value_or(none), r.baseline.value_or(none),
                                         r.bound.value_or(none), r.passed ? 1.0 : 0.0});
        m.rowNotes.push_back(r.reason.textTemplate().empty() ? r.note : r.reason);
    }
    return m;
}

PortValues runGate(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const std::vector<GateRule> rules = parseRules(params.text("rules"));
    std::optional<MetricMap> baseline;
    if (!params.text("baseline").empty())
        baseline = monitor::readReportMetrics(params.text("baseline"));
    std::set<std::string> connected;
    const MetricMap metrics = inputMetrics(inputs, ctx.inputSources(), connected);
    std::vector<GateResult> results =
        monitor::evaluateGates(rules, metrics, baseline ? &*baseline : nullptr);

    std::set<std::string> said;
    size_t passed = 0;
    for (GateResult& r : results) {
        // `oficina-cli run` sees every node's metrics; a Gate only those wired into it.
        if (!r.value && !connected.count(r.rule.node) && r.rule.key != "drift.max_psi")
            r.reason = Message(OFICINA_TR_NOOP("node %1 is not connected to this gate: connect "
                                               "its metrics to one of the gate's inputs"),
                               {r.rule.node});
        passed += r.passed ? 1 : 0;
        for (const Message* m : {&r.reason, &r.note})
            if (!m->textTemplate().empty() && said.insert(m->english()).second) ctx.warning(*m);
    }

    Metrics out;
    out.task = "gates";
    out.scalars = {{"gates_passed", double(passed)},
                   {"gates_failed", double(results.size() - passed)},
                   {"passed", passed == results.size() ? 1.0 : 0.0}};
    out.matrices.push_back(gatesMatrix(results));
    return {{"metrics", metricsValue(std::move(out))}};
}

NodeSpec gateSpec() {
    Parameter rules =
        Parameter::text("rules", OFICINA_TR_NOOP("Rules"))
            .withHelp(OFICINA_TR_NOOP("One rule per line or separated by ';', as oficina-cli run "
                                      "--require takes them: NODE.METRIC OP VALUE, e.g. "
                                      "score.accuracy >= 0.9 or score.f1_macro >= baseline+0.01. "
                                      "NODE is the id of a node connected to the gate (its "
                                      "tooltip shows it); OP is >=, >, <= or <; VALUE is a "
                                      "number, baseline+D, baseline-D or baseline*R. "
                                      "drift.max_psi is the largest PSI among the inputs."));
    rules.allowEmpty = false;
    return {
        .type = "oficina.monitor.gate",
        .title = OFICINA_TR_NOOP("Gate"),
        .category = Category::Evaluate,
        .help = OFICINA_TR_NOOP("Checks metrics against rules, as a CI pipeline does with "
                                "oficina-cli run --require: each rule passes or fails, with its "
                                "value, the bound it was compared with and, when it could not "
                                "be checked, why. A rule may compare with a baseline: the "
                                "metrics of an earlier run's report. The gate's card says how "
                                "many rules passed, in green or red."),
        .whenToUse = OFICINA_TR_NOOP("To see, before pushing, whether CI will accept the model: "
                                     "accuracy above a bar, no worse than the last release."),
        .concepts = {"model", "overfitting"},
        .inputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Metrics")},
                   {"metrics_2", PortType::Metrics, OFICINA_TR_NOOP("Metrics 2"), true},
                   {"metrics_3", PortType::Metrics, OFICINA_TR_NOOP("Metrics 3"), true},
                   {"metrics_4", PortType::Metrics, OFICINA_TR_NOOP("Metrics 4"), true}},
        .outputs = {{"metrics", PortType::Metrics, OFICINA_TR_NOOP("Gates")}},
        .params = {std::move(rules),
                   Parameter::file("baseline", OFICINA_TR_NOOP("Baseline report"),
                                   OFICINA_TR_NOOP("Run reports (*.json)"))
                       .optional()
                       .meaningWhenEmpty(OFICINA_TR_NOOP("no baseline: rules that use one fail"))
                       .withHelp(OFICINA_TR_NOOP("The report of an earlier run (oficina-cli run "
                                                 "--report), e.g. the main branch's last one: "
                                                 "what baseline means in the rules"))},
        .run = runGate,
        .needsInputSources = true,
    };
}

} // namespace

void registerMonitorNodes(NodeRegistry& registry) {
    registry.add(gateSpec());
}

} // namespace oficina::core

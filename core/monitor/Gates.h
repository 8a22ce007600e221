#pragma once

// Metric gates for CI (`oficina-cli run --require RULE --baseline B`): rules such as
// "score.accuracy >= 0.9" or "score.f1_macro >= baseline+0.01" checked against a run's metrics
// and, for those that name it, a baseline's.
//
// Semantics are MLflow's mlflow.models.MetricThreshold (mlflow/models/evaluation/validation.py,
// MetricThreshold and _validate, read at mlflow/mlflow commit 0c2339493bb2, the 2.x line with
// validate_evaluation_results). There every check is non-strict: higher is better means
// value >= threshold, value >= baseline + min_absolute_change and
// (value - baseline) / baseline >= min_relative_change; lower is better means the mirror image
// with <= and baseline - change. A rule maps onto it as follows (D, R ≥ 0 as typed, b > 0 the
// baseline's value; b ≤ 0 below):
//
//   rule                   MetricThreshold                                   passes when
//   >= X   / <= X          threshold=X, greater_is_better=true / false       v >= X  / v <= X
//   >= baseline+D          min_absolute_change=D, greater_is_better=true     v >= b + D
//   <= baseline-D          min_absolute_change=D, greater_is_better=false    v <= b - D
//   >= baseline*R          min_relative_change=R-1, greater_is_better=true   v >= b·R
//   <= baseline*R          min_relative_change=1-R, greater_is_better=false  v <= b·R
//
// `>` and `<` are the same rules compared strictly (MLflow has no strict form). What MLflow
// refuses to construct is evaluated by the same formulas: a negative change, i.e. a tolerance,
// "no worse than" (`>= baseline-D`: min_absolute_change=-D; `<= baseline+D`: -D;
// `>= baseline*0.95`: min_relative_change=-0.05), a change of 0 (`baseline` alone,
// `baseline+0`) and a relative change above 1 (`>= baseline*3`).
//
// Two cases where MLflow's arithmetic is not followed word for word:
// - A negative baseline with a relative rule: MLflow divides by the baseline itself, which turns
//   "5% better" into "5% worse" when the baseline is negative; here the change is relative to
//   |b| (bound b + (R-1)·|b|, which is b·R for any positive b).
// - A zero baseline with a relative rule: the relative change is undefined. As MLflow does, a
//   rule that asks for an improvement (min_relative_change ≥ 0) falls back to "better than the
//   baseline": v >= 1e-10 when higher is better, v <= -1e-10 when lower is better (strict for
//   `>`, `<`), and the result carries a note saying so. A tolerance (change < 0) needs v >= 0
//   (resp. v <= 0), no worse than the baseline.
//
// A gate that cannot be evaluated fails, never passes silently: the metric missing from the
// run, a baseline needed but not given or without the metric, or a value that is not a number.
//
// No state, thread-safe. Core has no Qt: messages are Message, the summary is English.

#include "util/Message.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {
struct Metrics;
}

namespace oficina::core::monitor {

/// Metrics by key "NODE.METRIC" ("score.accuracy", "cv.accuracy_mean"), as in the run store.
/// `drift.max_psi` is an ordinary key here: the caller supplies it.
using MetricMap = std::map<std::string, double>;

enum class GateOp { GreaterEqual, Greater, LessEqual, Less };

/// What VALUE in `NODE.METRIC OP VALUE` is.
enum class GateValue {
    Number,        ///< `0.9`: an absolute threshold
    BaselinePlus,  ///< `baseline+D`
    BaselineMinus, ///< `baseline-D`
    BaselineTimes, ///< `baseline*R`
};

/// One parsed rule.
struct GateRule {
    std::string text; ///< the rule as given, trimmed
    std::string key;  ///< "NODE.METRIC"
    std::string node; ///< NODE: letters, digits, '_' and '-'
    GateOp op = GateOp::GreaterEqual;
    GateValue kind = GateValue::Number;
    double operand = 0;    ///< X, D or R (0 for a bare `baseline`)
    std::string condition; ///< "OP VALUE" without spaces inside VALUE: ">= baseline+0.01"

    [[nodiscard]] bool usesBaseline() const { return kind != GateValue::Number; }
    [[nodiscard]] bool greaterIsBetter() const {
        return op == GateOp::GreaterEqual || op == GateOp::Greater;
    }
};

/// A rule as MLflow's MetricThreshold holds it (one of the three set), widened by `strict`
/// and by the negative changes described at the top of this file.
struct GateThreshold {
    std::optional<double> threshold;
    std::optional<double> minAbsoluteChange;
    std::optional<double> minRelativeChange;
    bool greaterIsBetter = true;
    bool strict = false; ///< `>` or `<`: equality fails
};

/// Parses `NODE.METRIC OP VALUE`, spaces allowed around and between the parts. Grammar:
///   rule   := NODE '.' METRIC OP VALUE
///   NODE   := [A-Za-z0-9_-]+            METRIC := [A-Za-z0-9_:.-]+
///   OP     := '>=' | '>' | '<=' | '<'
///   VALUE  := NUMBER | 'baseline' [ ('+' | '-') UNSIGNED | '*' UNSIGNED ]
///   NUMBER := ['+' | '-'] UNSIGNED      UNSIGNED := decimal, optional exponent; finite
/// Throws Error at "gate 'TEXT'" with "column N: expected …", N counting characters from 1.
/// Example: parseGateRule("score.f1_macro >= baseline + 0.01")
GateRule parseGateRule(std::string_view text);

/// The rule's MetricThreshold (see the table at the top of this file).
GateThreshold metricThreshold(const GateRule& rule);

/// The outcome of one rule.
struct GateResult {
    GateRule rule;
    std::optional<double> value;    ///< the run's metric; none when the run lacks it
    std::optional<double> baseline; ///< the baseline's metric when there is one, any rule
    std::optional<double> bound;    ///< what the value was compared with, when it was
    bool passed = false;
    Message reason; ///< why the rule could not be evaluated (then it failed); empty otherwise
    Message note;   ///< something to know about a result, e.g. the zero-baseline fallback
};

/// Checks each rule against `run`, and `baseline` where the rule uses one (null: no baseline
/// given). Results in the order of `rules`.
std::vector<GateResult> evaluateGates(const std::vector<GateRule>& rules, const MetricMap& run,
                                      const MetricMap* baseline);

/// True when every result passed (and for no results).
bool allGatesPassed(const std::vector<GateResult>& results);

/// What gates see of nodes' metrics: each scalar under "NODE.METRIC", and drift.max_psi, the
/// largest "max_psi" of any of them (the Drift check nodes'). `nodes`: node id and its metrics.
MetricMap gateMetrics(const std::vector<std::pair<std::string, const Metrics*>>& nodes);

/// The scalar metrics of a run report (pipeline/RunReport.h, `oficina-cli run --report`):
/// nodes[].metrics under "NODE.METRIC"; a null value (a NaN when written) reads as NaN.
/// Throws Error at `where` for anything malformed.
MetricMap reportMetrics(const nlohmann::ordered_json& report, const std::string& where);
/// The same from a report file; errors name the file.
MetricMap readReportMetrics(const std::string& path);

/// A Markdown table for a pull-request comment, in English: per gate the metric, value,
/// baseline, delta (value - baseline), rule, the bound it was compared with and ✅ or ❌ (with
/// the reason or note), then an overall line. Numbers with 6 significant digits. `baseline`
/// names where the baseline came from ("report.json", "models:/iris@champion"), or is empty.
std::string gateSummaryMarkdown(const std::vector<GateResult>& results,
                                const std::string& baseline = {});

} // namespace oficina::core::monitor

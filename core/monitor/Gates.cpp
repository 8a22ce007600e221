#include "monitor/Gates.h"

#include "eval/Metrics.h"
#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace oficina::core::monitor {

using Json = nlohmann::ordered_json;

namespace {

// MLflow's margin when a relative change cannot be computed against a zero baseline.
constexpr double kZeroBaselineMargin = 1e-10;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t';
}
bool isNodeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '-';
}
bool isMetricChar(char c) {
    return isNodeChar(c) || c == ':' || c == '.';
}

class RuleScanner {
public:
    explicit RuleScanner(std::string_view text) : m_text(text) {}

    void skipSpaces() {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    [[nodiscard]] size_t pos() const { return m_pos; }
    bool take(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }
    bool take(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }
    std::string_view takeWhile(bool (*accept)(char)) {
        const size_t start = m_pos;
        while (!atEnd() && accept(m_text[m_pos]))
            ++m_pos;
        return m_text.substr(start, m_pos - start);
    }

    /// A decimal number without sign, optional exponent; its text, or empty when there is none.
    std::string_view takeUnsigned() {
        const size_t start = m_pos;
        size_t end = m_pos;
        size_t digits = 0;
        while (end < m_text.size() && isDigit(m_text[end]))
            ++end, ++digits;
        if (end < m_text.size() && m_text[end] == '.') {
            ++end;
            while (end < m_text.size() && isDigit(m_text[end]))
                ++end, ++digits;
        }
        if (digits == 0) return {};
        // The exponent only when complete: "1e" leaves the 'e' for the end-of-rule check.
        if (end < m_text.size() && (m_text[end] == 'e' || m_text[end] == 'E')) {
            size_t e = end + 1;
            if (e < m_text.size() && (m_text[e] == '+' || m_text[e] == '-')) ++e;
            if (e < m_text.size() && isDigit(m_text[e])) {
                while (e < m_text.size() && isDigit(m_text[e]))
                    ++e;
                end = e;
            }
        }
        m_pos = end;
        return m_text.substr(start, end - start);
    }

    [[noreturn]] void fail(size_t at, const char* textTemplate,
                           std::vector<std::string> more = {}) const {
        // Every token is ASCII, so the error is at or before the first other byte: byte = column.
        std::vector<std::string> args{std::to_string(at + 1)};
        args.insert(args.end(), more.begin(), more.end());
        throw Error(Message(textTemplate, std::move(args)), "gate '" + textExcerpt(m_text) + "'");
    }

    /// An unsigned number or an Error with `expected` at the current position.
    std::pair<double, std::string> unsignedNumber(const char* expected) {
        const size_t start = m_pos;
        const std::string_view lexeme = takeUnsigned();
        if (lexeme.empty()) fail(start, expected);
        double value = 0;
        const auto result = std::from_chars(lexeme.data(), lexeme.data() + lexeme.size(), value);
        if (result.ec != std::errc() || !std::isfinite(value))
            fail(start, OFICINA_TR_NOOP("column %1: the number %2 is out of range"),
                 {std::string(lexeme)});
        return {value, std::string(lexeme)};
    }

private:
    std::string_view m_text;
    size_t m_pos = 0;
};

std::string trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

const char* opText(GateOp op) {
    switch (op) {
    case GateOp::GreaterEqual:
        return ">=";
    case GateOp::Greater:
        return ">";
    case GateOp::LessEqual:
        return "<=";
    case GateOp::Less:
        return "<";
    }
    return "";
}

bool compare(GateOp op, double value, double bound) {
    switch (op) {
    case GateOp::GreaterEqual:
        return value >= bound;
    case GateOp::Greater:
        return value > bound;
    case GateOp::LessEqual:
        return value <= bound;
    case GateOp::Less:
        return value < bound;
    }
    return false;
}

} // namespace

GateRule parseGateRule(std::string_view text) {
    RuleScanner in(text);
    GateRule rule;
    rule.text = trimmed(text);

    in.skipSpaces();
    const std::string_view node = in.takeWhile(isNodeChar);
    if (node.empty())
        in.fail(in.pos(), OFICINA_TR_NOOP("column %1: expected a node id (letters, digits, '_' "
                                          "or '-')"));
    if (!in.take('.'))
        in.fail(in.pos(), OFICINA_TR_NOOP("column %1: expected '.' and a metric after the node "
                                          "id"));
    const std::string_view metric = in.takeWhile(isMetricChar);
    if (metric.empty()) in.fail(in.pos(), OFICINA_TR_NOOP("column %1: expected a metric name"));
    rule.node = node;
    rule.key = std::string(node) + "." + std::string(metric);

    in.skipSpaces();
    if (in.take(">="))
        rule.op = GateOp::GreaterEqual;
    else if (in.take('>'))
        rule.op = GateOp::Greater;
    else if (in.take("<="))
        rule.op = GateOp::LessEqual;
    else if (in.take('<'))
        rule.op = GateOp::Less;
    else
        in.fail(in.pos(), OFICINA_TR_NOOP("column %1: expected an operator: >=, >, <= or <"));

    in.skipSpaces();
    std::string value;
    if (in.take("baseline")) {
        value = "baseline";
        in.skipSpaces();
        const size_t at = in.pos();
        const char sign = in.peek();
        if (sign == '+' || sign == '-' || sign == '*') {
            in.take(sign);
            in.skipSpaces();
            auto [number, lexeme] = in.unsignedNumber(
                sign == '*' ? OFICINA_TR_NOOP("column %1: expected a ratio after baseline*")
                            : OFICINA_TR_NOOP("column %1: expected a number after baseline+ or "
                                              "baseline-"));
            rule.kind = sign == '+'   ? GateValue::BaselinePlus
                        : sign == '-' ? GateValue::BaselineMinus
                                      : GateValue::BaselineTimes;
            rule.operand = number;
            value += sign + lexeme;
        } else if (!in.atEnd()) {
            in.fail(at, OFICINA_TR_NOOP("column %1: expected +D, -D or *R after baseline, or "
                                        "the end of the rule"));
        } else {
            rule.kind = GateValue::BaselinePlus; // `baseline` alone: no worse than it
        }
    } else {
        std::string sign;
        if (in.peek() == '+' || in.peek() == '-') {
            sign = std::string(1, in.peek());
            in.take(in.peek());
        }
        auto [number, lexeme] = in.unsignedNumber(
            OFICINA_TR_NOOP("column %1: expected a number, baseline+D, baseline-D or baseline*R"));
        rule.kind = GateValue::Number;
        rule.operand = sign == "-" ? -number : number;
        value = sign + lexeme;
    }

    in.skipSpaces();
    if (!in.atEnd()) in.fail(in.pos(), OFICINA_TR_NOOP("column %1: expected the end of the rule"));
    rule.condition = std::string(opText(rule.op)) + " " + value;
    return rule;
}

GateThreshold metricThreshold(const GateRule& rule) {
    GateThreshold t;
    t.greaterIsBetter = rule.greaterIsBetter();
    t.strict = rule.op == GateOp::Greater || rule.op == GateOp::Less;
    // A change towards "better" is positive, as MLflow requires; towards "worse" a tolerance.
    const double better = t.greaterIsBetter ? 1 : -1;
    switch (rule.kind) {
    case GateValue::Number:
        t.threshold = rule.operand;
        break;
    case GateValue::BaselinePlus:
        t.minAbsoluteChange = better * rule.operand;
        break;
    case GateValue::BaselineMinus:
        t.minAbsoluteChange = -better * rule.operand;
        break;
    case GateValue::BaselineTimes:
        t.minRelativeChange = better * (rule.operand - 1);
        break;
    }
    return t;
}

std::vector<GateResult> evaluateGates(const std::vector<GateRule>& rules, const MetricMap& run,
                                      const MetricMap* baseline) {
    std::vector<GateResult> results;
    results.reserve(rules.size());
    for (const GateRule& rule : rules) {
        GateResult r{.rule = rule};
        const char* key = rule.key.c_str();
        if (const auto it = run.find(rule.key); it != run.end()) r.value = it->second;
        if (baseline)
            if (const auto it = baseline->find(rule.key); it != baseline->end())
                r.baseline = it->second;

        // In MLflow's order: the candidate's metric first, then the baseline's.
        if (!r.value)
            r.reason = Message(OFICINA_TR_NOOP("the run has no metric %1"), {key});
        else if (std::isnan(*r.value))
            r.reason = Message(OFICINA_TR_NOOP("the run's %1 is not a number"), {key});
        else if (rule.usesBaseline() && !baseline)
            r.reason = Message(OFICINA_TR_NOOP("the rule needs a baseline, and none was given"));
        else if (rule.usesBaseline() && !r.baseline)
            r.reason = Message(OFICINA_TR_NOOP("the baseline has no metric %1"), {key});
        else if (rule.usesBaseline() && std::isnan(*r.baseline))
            r.reason = Message(OFICINA_TR_NOOP("the baseline's %1 is not a number"), {key});
        if (!r.reason.textTemplate().empty()) {
            results.push_back(std::move(r));
            continue;
        }

        const GateThreshold t = metricThreshold(rule);
        double bound = 0;
        if (t.threshold) {
            bound = *t.threshold;
        } else if (t.minAbsoluteChange) {
            bound = t.greaterIsBetter ? *r.baseline + *t.minAbsoluteChange
                                      : *r.baseline - *t.minAbsoluteChange;
        } else {
            const double b = *r.baseline;
            if (b == 0 && *t.minRelativeChange >= 0) {
                bound = t.greaterIsBetter ? kZeroBaselineMargin : -kZeroBaselineMargin;
                r.note = Message(OFICINA_TR_NOOP("the baseline is 0, so the relative change is "
                                                 "undefined: as in MLflow, the value must beat "
                                                 "the baseline by %1"),
                                 {"1e-10"});
            } else {
                // b + (R - 1)·|b|, written so that a positive baseline gives b·R exactly.
                bound = b >= 0 ? b * rule.operand : b * (2 - rule.operand);
            }
        }
        if (std::isnan(bound)) {
            r.reason = Message(OFICINA_TR_NOOP("the bound computed from the baseline's %1 is "
                                               "not a number"),
                               {key});
        } else {
            r.bound = bound;
            r.passed = compare(rule.op, *r.value, bound);
        }
        results.push_back(std::move(r));
    }
    return results;
}

bool allGatesPassed(const std::vector<GateResult>& results) {
    return std::all_of(results.begin(), results.end(),
                       [](const GateResult& r) { return r.passed; });
}

MetricMap gateMetrics(const std::vector<std::pair<std::string, const Metrics*>>& nodes) {
    MetricMap metrics;
    std::optional<double> maxPsi;
    for (const auto& [node, values] : nodes)
        for (const auto& [name, value] : values->scalars) {
            metrics[node + "." + name] = value;
            if (name == "max_psi" && !std::isnan(value))
                maxPsi = std::max(maxPsi.value_or(value), value);
        }
    if (maxPsi) metrics["drift.max_psi"] = *maxPsi;
    return metrics;
}

MetricMap reportMetrics(const Json& report, const std::string& where) {
    if (!report.is_object() || report.value("format", Json()) != "oficina-run-report")
        throw Error(Message(OFICINA_TR_NOOP("not an Oficina run report (oficina-cli run "
                                            "--report writes one)")),
                    where);
    const Json version = report.value("version", Json());
    if (!version.is_number_integer())
        throw Error(Message(OFICINA_TR_NOOP("the run report has no format version")), where);
    if (version.get<int64_t>() > 1)
        throw Error(Message(OFICINA_TR_NOOP("run report version %1 is newer than this Oficina "
                                            "reads (%2)"),
                            {version.dump(), "1"}),
                    where);
    const auto nodes = report.find("nodes");
    if (nodes == report.end() || !nodes->is_array())
        throw Error(Message(OFICINA_TR_NOOP("the run report has no list of nodes")), where);

    MetricMap metrics;
    std::vector<std::string> seen;
    for (const Json& node : *nodes) {
        const auto id = node.is_object() ? node.find("id") : node.end();
        if (!node.is_object() || id == node.end() || !id->is_string())
            throw Error(Message(OFICINA_TR_NOOP("a node of the run report has no id: %1"),
                                {jsonExcerpt(node)}),
                        where);
        const std::string name = id->get<std::string>();
        if (std::find(seen.begin(), seen.end(), name) != seen.end())
            throw Error(Message(OFICINA_TR_NOOP("node %1 appears twice in the run report"), {name}),
                        where);
        seen.push_back(name);
        const auto scalars = node.find("metrics");
        if (scalars == node.end() || !scalars->is_object())
            throw Error(Message(OFICINA_TR_NOOP("node %1 of the run report has no metrics "
                                                "object"),
                                {name}),
                        where);
        for (const auto& [metric, value] : scalars->items()) {
            // nlohmann writes a NaN as null: the metric exists, its value is not a number.
            if (value.is_null())
                metrics[name + "." + metric] = std::nan("");
            else if (value.is_number())
                metrics[name + "." + metric] = value.get<double>();
            else
                throw Error(Message(OFICINA_TR_NOOP("metric %1 of node %2 is not a number: %3"),
                                    {metric, name, jsonExcerpt(value)}),
                            where);
        }
    }
    return metrics;
}

MetricMap readReportMetrics(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(Message(OFICINA_TR_NOOP("this is a folder, not a run report")), path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(Message(OFICINA_TR_NOOP("cannot open the file: %1"), {std::strerror(errno)}),
                    path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return reportMetrics(parseJsonText(buffer.str(), path), path);
}

namespace {

std::string number(double v) { return formatSignificant(v, 6, "NaN"); }

std::string optionalNumber(const std::optional<double>& v) {
    return v ? number(*v) : "—";
}

// A code span that holds any text (a baseline's file name): a fence longer than the longest
// run of backticks inside.
std::string codeSpan(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    size_t longest = 0, run = 0;
    for (const char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
    return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

} // namespace

std::string gateSummaryMarkdown(const std::vector<GateResult>& results,
                                const std::string& baseline) {
    const size_t passed = size_t(
        std::count_if(results.begin(), results.end(), [](const auto& r) { return r.passed; }));
    std::string out = passed == results.size() ? "✅" : "❌";
    out += " **" + std::to_string(passed) + " of " + std::to_string(results.size()) +
           (results.size() == 1 ? " gate" : " gates") + " passed**\n\n";
    if (!baseline.empty()) out += "Baseline: " + codeSpan(baseline) + "\n\n";
    out += "| Metric | Value | Baseline | Delta | Rule | Bound | Result |\n"
           "| --- | ---: | ---: | ---: | --- | ---: | --- |\n";
    for (const GateResult& r : results) {
        const std::string delta =
            r.value && r.baseline ? formatSignificant(*r.value - *r.baseline, 6, "NaN", true) : std::string("—");
        std::string result = r.passed ? "✅" : "❌";
        for (const Message* m : {&r.reason, &r.note})
            if (!m->textTemplate().empty()) result += " " + m->english();
        // Keys and conditions hold no '|' or '`' (the grammar has none), so no escaping.
        out += "| `" + r.rule.key + "` | " + optionalNumber(r.value) + " | " +
               optionalNumber(r.baseline) + " | " + delta + " | `" + r.rule.condition + "` | " +
               optionalNumber(r.bound) + " | " + result + " |\n";
    }
    return out;
}

} // namespace oficina::core::monitor

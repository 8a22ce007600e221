// driftReportHtml (DriftReport.h): the drift report as one HTML page, inline CSS and SVG.
// Well-formed XML as well as HTML, so that tests (and other tools) can parse it as either.
#include "monitor/DriftReport.h"

#include "data/TextInput.h"
#include "util/Text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace oficina::core::monitor {

namespace {

// Text from the data (column names, categories, paths): control characters and invalid UTF-8
// escaped as in terminal messages, then the five characters markup gives meaning to.
std::string escape(std::string_view text) {
    const std::string printable = printableText(text, std::string::npos);
    std::string out;
    out.reserve(printable.size());
    for (char ch : printable) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string number(double value, int digits = 4) { return formatSignificant(value, digits, "—"); }

std::string percent(double share) {
    if (!std::isfinite(share)) return "—";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100);
    return text;
}

// SVG coordinates, one decimal.
std::string coord(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// The first `maxChars` characters (not bytes) of UTF-8 text, "…" marking a cut.
std::string shortened(const std::string& text, size_t maxChars) {
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars++ == maxChars) return text.substr(0, i) + "…";
    }
    return text;
}

const char* testName(DriftTest test) {
    switch (test) {
    case DriftTest::KolmogorovSmirnov:
        return "Kolmogorov–Smirnov";
    case DriftTest::ChiSquared:
        return "chi-squared";
    case DriftTest::ZProportions:
        return "two-proportion Z";
    case DriftTest::Wasserstein:
        return "Wasserstein / std";
    case DriftTest::JensenShannon:
        return "Jensen–Shannon";
    case DriftTest::Psi:
        return "PSI";
    }
    return "";
}

const char* testDefinition(DriftTest test) {
    switch (test) {
    case DriftTest::KolmogorovSmirnov:
        return "two-sample Kolmogorov–Smirnov: the largest distance between the two empirical "
               "distribution functions, with SciPy's p-value (exact while both samples have at "
               "most 10,000 values, asymptotic beyond); drift when p &lt; threshold.";
    case DriftTest::ChiSquared:
        return "chi-squared goodness of fit of the current counts to the reference's proportions "
               "over the reference's categories, k − 1 degrees of freedom; drift when "
               "p &lt; threshold.";
    case DriftTest::ZProportions:
        return "two-proportion Z test of the share of the second value, pooled proportion "
               "p = (x₁ + x₂) / (n₁ + n₂), z = (x₁/n₁ − x₂/n₂) / √(p(1 − p)(1/n₁ + 1/n₂)), "
               "two-sided p-value; drift when p &lt; threshold.";
    case DriftTest::Wasserstein:
        return "Wasserstein distance between the two samples (the area between their "
               "distribution functions) divided by the reference's standard deviation; drift "
               "when ≥ threshold.";
    case DriftTest::JensenShannon:
        return "Jensen–Shannon distance (natural logarithm) between the bin shares, empty bins "
               "at 0.0001; drift when ≥ threshold.";
    case DriftTest::Psi:
        return "population stability index used as the test; drift when ≥ threshold.";
    }
    return "";
}

// One group of bars of a chart: a bin or a category, its share on each side.
struct Group {
    std::string label;   // under the axis (categories), already shortened later
    std::string tooltip; // the bin or category in full
    double reference = 0, current = 0;
    bool isNew = false;  // a value the reference never had
};

constexpr int kMaxCategoryGroups = 24;

std::vector<Group> categoryGroups(const ColumnDrift& c) {
    std::vector<Group> groups;
    for (size_t i = 0; i < c.categories.size(); ++i)
        groups.push_back({c.categories[i], c.categories[i], c.referenceShares[i],
                          c.currentShares[i], false});
    for (size_t i = 0; i < c.newCategories.size(); ++i)
        groups.push_back({c.newCategories[i], c.newCategories[i] + " (new)", 0,
                          c.currentCount ? double(c.newCategoryCounts[i]) / double(c.currentCount)
                                         : 0,
                          true});
    if (groups.size() <= size_t(kMaxCategoryGroups)) return groups;
    // Many categories: the largest ones on either side, the rest summed into one group.
    std::vector<size_t> order(groups.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto size = [&](size_t i) {
        const double r = std::isfinite(groups[i].reference) ? groups[i].reference : 0;
        const double c = std::isfinite(groups[i].current) ? groups[i].current : 0;
        return std::max(r, c);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return size(a) > size(b); });
    const std::set<size_t> kept(order.begin(), order.begin() + kMaxCategoryGroups - 1);
    std::vector<Group> out;
    Group other;
    for (size_t i = 0; i < groups.size(); ++i) {
        if (kept.count(i)) {
            out.push_back(groups[i]);
            continue;
        }
        if (std::isfinite(groups[i].reference)) other.reference += groups[i].reference;
        if (std::isfinite(groups[i].current)) other.current += groups[i].current;
    }
    const size_t others = groups.size() - kept.size();
    other.label = "other (" + std::to_string(others) + ")";
    other.tooltip = std::to_string(others) + " other categories";
    out.push_back(std::move(other));
    return out;
}

std::vector<Group> binGroups(const ColumnDrift& c) {
    std::vector<Group> groups;
    const size_t bins = c.edges.size() + 1;
    for (size_t i = 0; i < bins && i < c.referenceShares.size(); ++i) {
        std::string range = i == 0          ? "below " + number(c.edges[0])
                            : i + 1 == bins ? number(c.edges[i - 1]) + " and above"
                                            : "[" + number(c.edges[i - 1]) + ", " +
                                                  number(c.edges[i]) + ")";
        groups.push_back({"", range, c.referenceShares[i], c.currentShares[i], false});
    }
    return groups;
}

// The smallest round share at or above `largest`, for the chart's vertical scale.
double axisTop(double largest) {
    for (double top : {0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.8})
        if (largest <= top) return top;
    return 1.0;
}

constexpr double kChartWidth = 400, kChartHeight = 150;
constexpr double kLeft = 40, kRight = 8, kTop = 10, kBottom = 30;
constexpr double kCharWidth = 5.6; // of the 10 px axis font, on average

std::string chart(const ColumnDrift& c) {
    const bool continuous = c.kind == ColumnKind::Continuous;
    const std::vector<Group> groups = continuous ? binGroups(c) : categoryGroups(c);
    std::string svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      coord(kChartWidth) + "\" height=\"" + coord(kChartHeight) +
                      "\" viewBox=\"0 0 " + coord(kChartWidth) + " " + coord(kChartHeight) +
                      "\" role=\"img\" aria-label=\"Distributions of " + escape(c.name) +
                      ": reference and current\">";
    double largest = 0;
    for (const Group& g : groups)
        for (double share : {g.reference, g.current})
            if (std::isfinite(share)) largest = std::max(largest, share);
    const double plotWidth = kChartWidth - kLeft - kRight;
    const double plotHeight = kChartHeight - kTop - kBottom;
    const double baseline = kTop + plotHeight;
    if (groups.empty() || c.referenceCount == 0 || c.currentCount == 0) {
        svg += "<text class=\"empty\" x=\"" + coord(kChartWidth / 2) + "\" y=\"" +
               coord(kChartHeight / 2) + "\" text-anchor=\"middle\">no values to compare</text>";
        return svg + "</svg>";
    }
    const double top = axisTop(largest);
    const auto y = [&](double share) {
        return baseline - (std::isfinite(share) ? share : 0) / top * plotHeight;
    };
    for (double tick : {0.0, top / 2, top}) {
        svg += "<line class=\"grid\" x1=\"" + coord(kLeft) + "\" x2=\"" +
               coord(kChartWidth - kRight) + "\" y1=\"" + coord(y(tick)) + "\" y2=\"" +
               coord(y(tick)) + "\"/>";
        svg += "<text class=\"axis\" x=\"" + coord(kLeft - 4) + "\" y=\"" + coord(y(tick) + 3) +
               "\" text-anchor=\"end\">" + number(tick * 100, 3) + "%</text>";
    }
    const double width = plotWidth / double(groups.size());
    const auto rect = [&](const char* cls, double x, double w, double share) {
        return std::string("<rect class=\"") + cls + "\" x=\"" + coord(x) + "\" y=\"" +
               coord(y(share)) + "\" width=\"" + coord(std::max(w, 0.5)) + "\" height=\"" +
               coord(baseline - y(share)) + "\"/>";
    };
    // Category labels of at least 3 characters; where even those would overlap, every
    // labelStep-th group is labelled (the tooltips name them all).
    const size_t labelStep = size_t(std::ceil((3 * kCharWidth + 2) / width));
    const size_t labelChars = size_t((double(labelStep) * width - 2) / kCharWidth);
    for (size_t i = 0; i < groups.size(); ++i) {
        const Group& g = groups[i];
        const double x = kLeft + double(i) * width;
        svg += "<g><title>" + escape(g.tooltip) + ": reference " + percent(g.reference) +
               ", current " + percent(g.current) + "</title>";
        if (continuous) {
            // Overlaid: the current bin's outline over the reference's filled bar.
            svg += rect("ref", x + 0.5, width - 1, g.reference);
            svg += rect("cur overlay", x + 0.5, width - 1, g.current);
        } else {
            const double bar = width * 0.38;
            svg += rect("ref", x + width * 0.12, bar, g.reference);
            svg += rect(g.isNew ? "cur new" : "cur", x + width * 0.5, bar, g.current);
            if (i % labelStep == 0)
                svg += "<text class=\"axis" + std::string(g.isNew ? " new" : "") + "\" x=\"" +
                       coord(x + width / 2) + "\" y=\"" + coord(baseline + 13) +
                       "\" text-anchor=\"middle\">" + escape(shortened(g.label, labelChars)) +
                       "</text>";
        }
        svg += "</g>";
    }
    if (continuous) {
        // The bin edges under the axis; every other one where they would overlap.
        size_t longest = 0;
        for (double edge : c.edges) longest = std::max(longest, number(edge, 3).size());
        const size_t step = double(longest) * kCharWidth > width - 4 ? 2 : 1;
        for (size_t e = 0; e < c.edges.size(); e += step)
            svg += "<text class=\"axis\" x=\"" + coord(kLeft + double(e + 1) * width) +
                   "\" y=\"" + coord(baseline + 13) + "\" text-anchor=\"middle\">" +
                   number(c.edges[e], 3) + "</text>";
        svg += "<text class=\"axis caption\" x=\"" + coord(kLeft + plotWidth / 2) + "\" y=\"" +
               coord(baseline + 26) + "\" text-anchor=\"middle\">reference deciles</text>";
    }
    svg += "<line class=\"base\" x1=\"" + coord(kLeft) + "\" x2=\"" + coord(kChartWidth - kRight) +
           "\" y1=\"" + coord(baseline) + "\" y2=\"" + coord(baseline) + "\"/>";
    return svg + "</svg>";
}

const char* kStyle = R"(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       margin: 24px auto; max-width: 1400px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
.verdict { font-size: 17px; font-weight: 600; padding: 10px 14px; border-radius: 6px;
           margin: 8px 0 16px; }
.verdict.drift { background: #fdecea; color: #9b1c1c; border: 1px solid #f5c2bd; }
.verdict.stable { background: #eaf6ec; color: #1e6b2c; border: 1px solid #bfe3c6; }
table { border-collapse: collapse; }
.summary th { text-align: left; padding: 2px 16px 2px 0; color: #555; font-weight: 600; }
.summary td { padding: 2px 0; }
.columns { width: 100%; margin-top: 8px; }
.columns th { text-align: left; font-size: 12px; color: #555; border-bottom: 2px solid #ccc;
              padding: 6px 8px; white-space: nowrap; }
.columns td { border-bottom: 1px solid #e4e4e4; padding: 8px; vertical-align: middle; }
.columns td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.columns tr.drift td:first-child { border-left: 4px solid #d62728; }
.columns tr.warning td:first-child { border-left: 4px solid #f0a202; }
.columns tr.stable td:first-child { border-left: 4px solid #2e9e44; }
.name { font-weight: 600; min-width: 120px; overflow-wrap: anywhere; }
.sub { color: #666; font-size: 12px; }
.tag { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px;
       background: #eee; color: #444; margin-left: 4px; }
.light { display: inline-block; width: 14px; height: 14px; border-radius: 50%;
         vertical-align: -2px; margin-right: 6px; border: 1px solid rgba(0,0,0,.25); }
.light.drift { background: #d62728; }
.light.warning { background: #f0a202; }
.light.stable { background: #2e9e44; }
.state { font-size: 12px; white-space: nowrap; }
.new-cats { color: #9b1c1c; font-size: 12px; max-width: 160px; word-break: break-word; }
.legend { font-size: 13px; color: #444; margin: 6px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; vertical-align: -1px;
          margin: 0 4px 0 12px; }
.swatch.ref { background: #4c78a8; opacity: .55; }
.swatch.cur { border: 2px solid #e0700a; width: 9px; height: 9px; }
.swatch.cur.bars { background: #f58518; border: none; width: 12px; height: 12px; }
svg.chart { display: block; width: 100%; min-width: 240px; max-width: 400px; height: auto; }
svg.chart .ref { fill: #4c78a8; fill-opacity: .55; }
svg.chart .cur { fill: #f58518; fill-opacity: .8; }
svg.chart .cur.overlay { fill: none; stroke: #e0700a; stroke-width: 2; }
svg.chart .cur.new { fill: #d62728; }
svg.chart .grid { stroke: #e6e6e6; stroke-width: 1; }
svg.chart .base { stroke: #999; stroke-width: 1; }
svg.chart text { font: 10px system-ui, sans-serif; fill: #555; }
svg.chart text.new { fill: #d62728; }
svg.chart text.caption { fill: #888; }
svg.chart text.empty { font-size: 12px; fill: #888; }
.definitions { font-size: 13px; color: #333; }
.definitions li { margin: 3px 0; }
footer { margin-top: 24px; color: #888; font-size: 12px; }
)";

std::string row(const ColumnDrift& c, bool prediction) {
    const DriftSeverity level = severity(c);
    const char* cls = toString(level);
    std::string html = std::string("<tr class=\"") + cls + "\">";
    html += std::string("<td><span class=\"light ") + cls + "\"></span><span class=\"state\">" +
            (level == DriftSeverity::Drift     ? "DRIFT"
             : level == DriftSeverity::Warning ? "warning"
                                               : "no drift") +
            "</span></td>";
    html += "<td><div class=\"name\">" + escape(c.name) + "</div><div class=\"sub\">" +
            toString(c.kind) + (prediction ? "<span class=\"tag\">prediction</span>" : "") +
            "</div></td>";
    html += std::string("<td>") + testName(c.test) + "<div class=\"sub\">" + toString(c.test) +
            "</div></td>";
    html += "<td class=\"num\">" + number(c.statistic) + "</td>";
    html += "<td class=\"num\">" + (hasPValue(c.test) ? number(c.pValue, 3) : "—") + "</td>";
    html += "<td class=\"num\">" +
            (hasPValue(c.test) ? "p &lt; " + number(c.threshold) : "≥ " + number(c.threshold)) +
            "</td>";
    const PsiLevel psi = psiLevel(c.psi);
    html += "<td class=\"num\">" + number(c.psi, 3) + "<div class=\"sub\">" +
            (std::isnan(c.psi)                 ? ""
             : psi == PsiLevel::Major    ? "major"
             : psi == PsiLevel::Moderate ? "moderate"
                                         : "stable") +
            "</div></td>";
    html += "<td class=\"num\">" + percent(c.referenceMissingRate) + " → " +
            percent(c.currentMissingRate) + "</td>";
    std::string news;
    for (size_t i = 0; i < c.newCategories.size() && i < 5; ++i)
        news += (i ? ", " : "") + escape(shortened(c.newCategories[i], 24)) + " (" +
                std::to_string(c.newCategoryCounts[i]) + ")";
    if (c.newCategories.size() > 5)
        news += " and " + std::to_string(c.newCategories.size() - 5) + " more";
    html += news.empty() ? "<td>—</td>" : "<td class=\"new-cats\">" + news + "</td>";
    html += "<td>" + chart(c) + "</td></tr>\n";
    return html;
}

std::string summary(const DriftReport& report) {
    std::string html = "<table class=\"summary\">";
    html += "<tr><th>Reference</th><td>" + escape(report.referencePath) + " — ";
    html += report.referenceIsPackage
                ? "model package, a sample of " + std::to_string(report.referenceRows) +
                      " of its " + std::to_string(report.trainingRows) + " training rows"
                : std::to_string(report.referenceRows) + " rows";
    html += "</td></tr>";
    html += "<tr><th>Current</th><td>" + escape(report.currentPath) + " — " +
            std::to_string(report.currentRows) + " rows</td></tr>";
    if (!report.modelPath.empty()) {
        std::string outputs;
        for (const std::string& name : report.predictionColumns)
            outputs += (outputs.empty() ? "" : ", ") + escape(name);
        html += "<tr><th>Model</th><td>" + escape(report.modelName) + " (" +
                escape(report.modelPath) + "), its predictions compared too: " + outputs +
                "</td></tr>";
    }
    size_t counts[3] = {0, 0, 0};
    for (const ColumnDrift& c : report.columns) ++counts[size_t(severity(c))];
    html += "<tr><th>Columns</th><td>" + std::to_string(report.columns.size()) + ": " +
            "<span class=\"light drift\"></span>" + std::to_string(counts[2]) + " drift " +
            "<span class=\"light warning\"></span>" + std::to_string(counts[1]) + " warning " +
            "<span class=\"light stable\"></span>" + std::to_string(counts[0]) +
            " no drift</td></tr>";
    if (!report.created.empty())
        html += "<tr><th>Created</th><td>" + escape(report.created) + "</td></tr>";
    return html + "</table>\n";
}

} // namespace

std::string driftReportHtml(const DriftReport& report) {
    size_t drifted = 0;
    for (const ColumnDrift& c : report.columns) drifted += c.drift ? 1 : 0;
    const std::string title = "Drift report: " + escape(report.currentPath) + " against " +
                              escape(report.referencePath);
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                       "<title>" + title + "</title>\n<style>" + kStyle + "</style>\n</head>\n"
                       "<body>\n<h1>" + title + "</h1>\n";
    const size_t total = report.columns.size();
    const std::string columns = std::to_string(total) + (total == 1 ? " column" : " columns");
    html += drifted ? "<p class=\"verdict drift\">Drift in " + std::to_string(drifted) + " of " +
                          columns + "</p>\n"
                    : "<p class=\"verdict stable\">No drift in " + columns + "</p>\n";
    html += summary(report);

    html += "<h2>Columns, most severe first</h2>\n<p class=\"legend\">Distributions:"
            "<span class=\"swatch ref\"></span>reference<span class=\"swatch cur\"></span>"
            "current, outlined over the reference's deciles, or<span class=\"swatch cur bars\">"
            "</span>beside the reference's bar of each category (red: a value the reference "
            "never had). A light is red when the column's test finds drift; amber when it does "
            "not, but PSI is at least 0.1, the test is near its threshold, new values appear "
            "or more values are missing.</p>\n";
    html += "<table class=\"columns\">\n<thead><tr><th></th><th>Column</th><th>Test</th>"
            "<th>Statistic</th><th>p-value</th><th>Drift at</th><th>PSI</th>"
            "<th>Missing</th><th>New values</th><th>Reference and current</th></tr></thead>\n"
            "<tbody>\n";
    const std::set<std::string> predictions(report.predictionColumns.begin(),
                                            report.predictionColumns.end());
    for (size_t i : severityOrder(report.columns))
        html += row(report.columns[i], predictions.count(report.columns[i].name) > 0);
    html += "</tbody>\n</table>\n";

    html += "<h2>How the columns are compared</h2>\n<ul class=\"definitions\">\n";
    std::set<DriftTest> used;
    for (const ColumnDrift& c : report.columns) used.insert(c.test);
    for (DriftTest test : used)
        html += std::string("<li><b>") + toString(test) + "</b>: " + testDefinition(test) +
                "</li>\n";
    html += "<li><b>PSI</b>, for every column: Σ (current − reference) · ln(current / reference) "
            "over the bin shares, empty bins at 0.0001; below 0.1 stable, from 0.1 moderate, "
            "from 0.25 major.</li>\n"
            "<li><b>Bins</b>: a continuous column (numbers with more than 5 distinct values) "
            "has the 10 deciles of the reference; any other one bin per value of the "
            "reference. Missing values are left out of every test and shown as rates.</li>\n"
            "</ul>\n";
    html += "<footer>Made by Oficina " OFICINA_VERSION ".</footer>\n</body>\n</html>\n";
    return html;
}

} // namespace oficina::core::monitor

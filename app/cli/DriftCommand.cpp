// `oficina-cli drift`: options, loading and printing. The statistics and the reports are core's
// (monitor/ColumnDrift.h, monitor/DriftReport.h).
#include "DriftCommand.h"
#include "Commands.h"

#include "data/TableFile.h"
#include "data/TextInput.h"
#include "deploy/ModelPackage.h"
#include "monitor/DriftReport.h"
#include "util/Error.h"
#include "util/Text.h"
#include "util/SafeFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <new>
#include <optional>
#include <set>

namespace oficina::cli {

namespace {

using core::Error;
using core::Message;
namespace deploy = core::deploy;
namespace monitor = core::monitor;

// The comparison itself failed (the model cannot predict the rows, memory): exit 1. Errors
// about the files and options are Error: exit 2.
struct ComparisonFailed {
    std::string text;
};

// Text from files (column names, categories) is shown with its control characters escaped: a
// crafted file must not drive the terminal.
std::string shown(std::string_view text, size_t limit = std::string::npos) {
    return core::printableText(text, limit);
}

void printError(const std::string& text) { std::cerr << "oficina-cli: " << shown(text) << "\n"; }

bool isPackagePath(const std::string& path) {
    const std::string_view extension = deploy::kPackageExtension;
    return path.size() > extension.size() &&
           path.compare(path.size() - extension.size(), extension.size(), extension) == 0;
}

core::Table readData(const std::string& path) {
    if (isPackagePath(path))
        throw Error(Message("CURRENT is a data file (CSV, TSV or ARFF); a model package can be "
                            "the reference or --model"),
                    path);
    core::ReadResult result = core::readTableFile(path);
    for (const auto& w : result.warnings) std::cerr << "warning: " << shown(w.english()) << "\n";
    return std::move(result.table);
}

struct Override {
    monitor::ColumnOverride value;
    std::string testOption, thresholdOption; // as given, for messages
};

// NAME=VALUE, split at the last '=' (test names and numbers have none; column names may).
std::pair<std::string, std::string> assignment(const std::string& text, const char* option,
                                               const char* value) {
    const size_t equals = text.rfind('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw Error(Message("%1 %2: expected NAME=%3", {option, text, value}));
    return {text.substr(0, equals), text.substr(equals + 1)};
}

std::map<std::string, Override> parseOverrides(const DriftCliOptions& options) {
    std::map<std::string, Override> overrides;
    for (const std::string& text : options.tests) {
        const auto [name, id] = assignment(text, "--test", "TEST");
        const auto test = monitor::driftTestFromString(id);
        if (!test)
            throw Error(Message("--test %1: unknown test '%2'; the tests are ks, chi_squared, "
                                "z_proportions, wasserstein, jensen_shannon and psi",
                                {text, id}));
        Override& o = overrides[name];
        if (o.value.test)
            throw Error(Message("--test %1: column '%2' has a test already (%3)",
                                {text, name, o.testOption}));
        o.value.test = *test;
        o.testOption = "--test " + text;
    }
    for (const std::string& text : options.thresholds) {
        const auto [name, value] = assignment(text, "--threshold", "VALUE");
        char* end = nullptr;
        const double threshold = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0' || !std::isfinite(threshold) || threshold <= 0)
            throw Error(Message("--threshold %1: expected a number above 0", {text}));
        Override& o = overrides[name];
        if (o.value.threshold)
            throw Error(Message("--threshold %1: column '%2' has a threshold already (%3)",
                                {text, name, o.thresholdOption}));
        o.value.threshold = threshold;
        o.thresholdOption = "--threshold " + text;
    }
    return overrides;
}

// `raw` with the model's inputs in their training types and its predictions on them appended
// (replacing columns of the same names).
core::Table withPredictions(const core::Table& raw, const deploy::ModelPackage& model,
                            const std::string& where, std::vector<std::string>& names) {
    const core::Table input = deploy::conformInput(raw, model.manifest.inputs, where);
    std::vector<core::Column> predictions;
    try {
        predictions = deploy::predictColumns(model, input);
    } catch (const Error& e) {
        throw ComparisonFailed{where + ": the model cannot predict these rows: " + e.what()};
    }
    core::Table out = raw;
    for (const core::Column& column : input.columns()) out = out.withColumn(column);
    names.clear();
    for (const core::Column& column : predictions) {
        names.push_back(column.name());
        out = out.withColumn(column);
    }
    return out;
}

// The compared columns: --column's (each checked), else `defaults`.
std::vector<std::string> comparedColumns(const DriftCliOptions& options,
                                         const core::Table& reference, bool withModel,
                                         const std::vector<std::string>& defaults) {
    std::vector<std::string> columns;
    for (const std::string& name : options.columns) {
        if (!reference.find(name))
            throw Error(Message("--column %1: %2 has no column '%1'%3",
                                {name, options.reference,
                                 withModel ? ", and the model predicts no column of that name"
                                           : ""}));
        if (std::find(columns.begin(), columns.end(), name) == columns.end())
            columns.push_back(name);
    }
    return columns.empty() ? defaults : columns;
}

// Distinct non-missing values of `column`, counted up to `limit`.
size_t distinctValues(const core::Column& column, size_t limit) {
    std::set<std::string> values;
    for (size_t r = 0; r < column.size() && values.size() < limit; ++r)
        if (!column.isMissing(r)) values.insert(column.cellText(r));
    return values.size();
}

// A column with no value at all has no type of its own (a reader calls it numeric): it takes
// the other side's, so that it is reported as wholly missing rather than refused.
void alignEmptyColumn(core::Table& table, const core::Column& like, const std::string& name) {
    const size_t rows = table.rowCount();
    table = table.withColumn(
        like.isNumeric() ? core::Column::numeric(name, std::vector<double>(rows, std::nan("")))
                         : core::Column::categorical(
                               name, std::vector<int32_t>(rows, core::Column::kMissingCode), {}));
}

void checkColumns(const DriftCliOptions& options, const std::vector<std::string>& columns,
                  const std::map<std::string, Override>& overrides, core::Table& reference,
                  core::Table& current) {
    for (const auto& [name, o] : overrides) {
        if (std::find(columns.begin(), columns.end(), name) != columns.end()) continue;
        const std::string& option = o.testOption.empty() ? o.thresholdOption : o.testOption;
        throw Error(reference.find(name)
                        ? Message("%1: column '%2' is not compared (--column leaves it out)",
                                  {option, name})
                        : Message("%1: %2 has no column '%3'", {option, options.reference, name}));
    }
    for (const std::string& name : columns) {
        const core::Column& ref = reference.column(name);
        const core::Column* cur = current.find(name);
        if (!cur)
            throw Error(Message("%1 has no column '%2', which %3 has and the drift check compares",
                                {options.current, name, options.reference}));
        if (ref.type() != cur->type() && cur->missingCount() == cur->size()) {
            alignEmptyColumn(current, ref, name);
            continue;
        }
        if (ref.type() != cur->type() && ref.missingCount() == ref.size()) {
            alignEmptyColumn(reference, *cur, name);
            continue;
        }
        if (ref.type() != cur->type())
            throw Error(Message("column '%1' is %2 in %3 but %4 in %5",
                                {name, core::toString(ref.type()), options.reference,
                                 core::toString(cur->type()), options.current}));
        const auto it = overrides.find(name);
        if (it == overrides.end() || !it->second.value.test) continue;
        const monitor::DriftTest test = *it->second.value.test;
        if ((test == monitor::DriftTest::KolmogorovSmirnov ||
             test == monitor::DriftTest::Wasserstein) &&
            !ref.isNumeric())
            throw Error(Message("%1: test '%2' needs a numeric column; '%3' is categorical",
                                {it->second.testOption, monitor::toString(test), name}));
        if (test == monitor::DriftTest::ZProportions && distinctValues(ref, 3) > 2)
            throw Error(Message("%1: test '%2' needs a column of at most 2 distinct values; '%3' "
                                "has more in %4",
                                {it->second.testOption, monitor::toString(test), name,
                                 options.reference}));
    }
}

// A threshold is a p-value's only for the tests that have one; any p-value is at most 1.
void checkThresholds(const std::vector<monitor::ColumnDrift>& columns,
                     const std::map<std::string, Override>& overrides) {
    for (const monitor::ColumnDrift& c : columns) {
        if (!monitor::hasPValue(c.test) || c.threshold <= 1) continue;
        throw Error(Message("%1: column '%2' is judged by the p-value of test '%3', and a "
                            "p-value threshold above 1 flags any column",
                            {overrides.at(c.name).thresholdOption, c.name,
                             monitor::toString(c.test)}));
    }
}

std::string number(double value, int digits = 4) {
    return core::formatSignificant(value, digits, "-");
}

std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100);
    return text;
}

// Characters on a terminal, not bytes: names may be UTF-8.
size_t displayWidth(std::string_view text) {
    size_t width = 0;
    for (char ch : text) width += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return width;
}

void printTable(const std::vector<std::vector<std::string>>& rows,
                const std::vector<bool>& rightAligned) {
    std::vector<size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    for (const auto& row : rows) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) {
            const std::string padding(widths[i] - displayWidth(row[i]), ' ');
            line += (i ? "  " : "") + (rightAligned[i] ? padding + row[i] : row[i] + padding);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        std::cout << line << "\n";
    }
}

void print(const monitor::DriftReport& report) {
    std::cout << "reference: " << shown(report.referencePath) << " (";
    if (report.referenceIsPackage)
        std::cout << "model package: a sample of " << report.referenceRows << " of its "
                  << report.trainingRows << " training rows";
    else
        std::cout << report.referenceRows << " rows";
    std::cout << ")\ncurrent:   " << shown(report.currentPath) << " (" << report.currentRows
              << " rows)\n";
    if (!report.modelPath.empty())
        std::cout << "model:     " << shown(report.modelName, 60) << " ("
                  << shown(report.modelPath) << "), its predictions compared too\n";
    std::cout << "\n";

    std::vector<std::vector<std::string>> rows = {
        {"column", "kind", "test", "statistic", "p-value", "drift at", "PSI", "", "missing ref",
         "missing cur", "new", ""}};
    for (const monitor::ColumnDrift& c : report.columns) {
        const bool pValue = monitor::hasPValue(c.test);
        const monitor::PsiLevel level = monitor::psiLevel(c.psi);
        rows.push_back({shown(c.name, 40), monitor::toString(c.kind), monitor::toString(c.test),
                        number(c.statistic), pValue ? number(c.pValue, 3) : "-",
                        (pValue ? "p < " : ">= ") + number(c.threshold), number(c.psi, 3),
                        std::isnan(c.psi)                          ? ""
                        : level == monitor::PsiLevel::Major    ? "major"
                        : level == monitor::PsiLevel::Moderate ? "moderate"
                                                               : "stable",
                        percent(c.referenceMissingRate), percent(c.currentMissingRate),
                        std::to_string(c.newCategories.size()), c.drift ? "DRIFT" : ""});
    }
    printTable(rows, {false, false, false, true, true, true, true, false, true, true, true,
                      false});

    for (const monitor::ColumnDrift& c : report.columns) {
        if (c.newCategories.empty()) continue;
        std::string values;
        for (size_t i = 0; i < c.newCategories.size() && i < 5; ++i)
            values += (i ? ", " : "") + shown(c.newCategories[i], 30) + " (" +
                      std::to_string(c.newCategoryCounts[i]) + ")";
        if (c.newCategories.size() > 5)
            values += " and " + std::to_string(c.newCategories.size() - 5) + " more";
        std::cout << "new values in '" << shown(c.name, 40) << "': " << values << "\n";
    }

    std::string drifted;
    size_t count = 0;
    for (const monitor::ColumnDrift& c : report.columns)
        if (c.drift) drifted += (count++ ? ", " : "") + shown(c.name, 40);
    const size_t total = report.columns.size();
    const char* columns = total == 1 ? " column" : " columns";
    std::cout << "\n";
    if (count)
        std::cout << "drift in " << count << " of " << total << columns << ": " << drifted
                  << "\n";
    else
        std::cout << "no drift in " << total << columns << "\n";
}

int compare(const DriftCliOptions& options) {
    // The report's file is opened first: a wrong extension or folder is said before any work,
    // and nothing is written unless the whole report is (util/SafeFile.h).
    std::optional<monitor::DriftReportFormat> format;
    std::optional<core::SafeFile> reportFile;
    if (!options.report.empty()) {
        format = monitor::driftReportFormat(options.report);
        if (!format)
            throw Error(Message("--report %1: a drift report is JSON (.json) or HTML (.html); the "
                                "file's extension picks the format",
                                {options.report}));
        reportFile.emplace(options.report);
    }
    const std::map<std::string, Override> overrides = parseOverrides(options);

    monitor::DriftReport report;
    report.referencePath = options.reference;
    report.currentPath = options.current;
    report.referenceIsPackage = isPackagePath(options.reference);
    std::optional<deploy::ModelPackage> referencePackage, modelPackage;
    core::Table reference;
    if (report.referenceIsPackage) {
        referencePackage = deploy::readPackage(options.reference);
        reference = referencePackage->sample;
        report.trainingRows = referencePackage->manifest.trainingData.rows;
        if (reference.rowCount() == 0)
            throw Error(Message("the model package keeps no sample of its training data to "
                                "compare with; give the training data file instead"),
                        options.reference);
    } else {
        reference = readData(options.reference);
    }
    core::Table current = readData(options.current);
    report.referenceRows = reference.rowCount();
    report.currentRows = current.rowCount();
    if (!options.model.empty()) modelPackage = deploy::readPackage(options.model);
    const deploy::ModelPackage* model = modelPackage      ? &*modelPackage
                                        : referencePackage ? &*referencePackage
                                                           : nullptr;

    std::vector<std::string> defaults;
    if (model) {
        report.modelPath = modelPackage ? options.model : options.reference;
        report.modelName = model->manifest.name;
        for (const deploy::InputColumn& input : model->manifest.inputs)
            defaults.push_back(input.name);
        reference = withPredictions(reference, *model, options.reference, report.predictionColumns);
        current = withPredictions(current, *model, options.current, report.predictionColumns);
        defaults.insert(defaults.end(), report.predictionColumns.begin(),
                        report.predictionColumns.end());
    } else {
        defaults = reference.columnNames();
    }
    const std::vector<std::string> columns =
        comparedColumns(options, reference, model != nullptr, defaults);
    checkColumns(options, columns, overrides, reference, current);
    if (current.rowCount() == 0)
        std::cerr << "warning: " << shown(options.current) << " has no rows to compare\n";

    monitor::DriftOptions driftOptions;
    driftOptions.columns = columns;
    for (const auto& [name, o] : overrides) driftOptions.overrides[name] = o.value;
    // The default tests follow the size of the training set, not of the sample kept of it.
    if (report.referenceIsPackage && report.trainingRows > 0)
        driftOptions.referenceRows = report.trainingRows;
    try {
        report.columns = monitor::compareColumns(reference, current, driftOptions);
    } catch (const std::bad_alloc&) {
        throw ComparisonFailed{"out of memory while comparing " + options.current + " with " +
                               options.reference};
    }
    checkThresholds(report.columns, overrides);
    report.created = core::utcTimestamp();

    print(report);
    if (reportFile) {
        reportFile->write(monitor::driftReportText(report, *format));
        reportFile->commit();
    }
    return report.drift() && options.failOn == "drift" ? DriftFound : Ok;
}

} // namespace

CLI::App* addDriftCommand(CLI::App& app, DriftCliOptions& options) {
    auto* drift = app.add_subcommand(
        "drift", "Compare a data file with a reference (a data file or a model package's "
                 "training sample), column by column, for drift");
    drift->add_option("REFERENCE", options.reference,
                      "Reference: a data file (CSV, TSV, ARFF) or a model package (.ofmodel), "
                      "whose stored training sample and model's inputs are used")
        ->required();
    drift->add_option("CURRENT", options.current, "Current data (CSV, TSV or ARFF)")->required();
    drift->add_option("--model", options.model,
                      "Also compare this model package's predictions on both sides");
    drift->add_option("--report", options.report,
                      "Write a report: out.json or out.html (the extension picks the format)");
    drift->add_option("--fail-on", options.failOn, "Exit 3 when a column drifted: drift")
        ->check(CLI::IsMember({"drift"}));
    // One value per occurrence, so that a repeated option cannot swallow REFERENCE and CURRENT.
    drift->add_option("--column", options.columns, "Compare only this column (repeatable)")
        ->allow_extra_args(false);
    drift->add_option("--test", options.tests,
                      "A column's test: NAME=TEST, TEST one of ks, chi_squared, z_proportions, "
                      "wasserstein, jensen_shannon, psi (repeatable)")
        ->allow_extra_args(false);
    drift->add_option("--threshold", options.thresholds,
                      "A column's threshold: NAME=VALUE, a p-value for ks, chi_squared and "
                      "z_proportions, else a distance (repeatable)")
        ->allow_extra_args(false);
    return drift;
}

int drift(const DriftCliOptions& options) {
    try {
        return compare(options);
    } catch (const ComparisonFailed& failure) {
        printError(failure.text);
        return NodeFailed;
    } catch (const Error& e) {
        printError(e.what());
        return BadInput;
    } catch (const std::bad_alloc&) {
        printError("out of memory");
        return NodeFailed;
    }
}

} // namespace oficina::cli

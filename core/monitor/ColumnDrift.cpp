#include "monitor/ColumnDrift.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

namespace oficina::core::monitor {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One side's values, binned; `values` are kept for the numeric tests.
struct Side {
    std::vector<double> values;
    std::vector<size_t> counts; // per bin
    size_t total = 0;           // non-missing values, new ones included
};

struct Binned {
    ColumnKind kind = ColumnKind::Continuous;
    Side reference, current;
};

double missingRate(const Column& column) {
    return column.size() == 0 ? 0.0 : double(column.missingCount()) / double(column.size());
}

std::vector<double> numbers(const Column& column) {
    std::vector<double> values;
    values.reserve(column.size());
    for (size_t r = 0; r < column.size(); ++r)
        if (!column.isMissing(r)) values.push_back(column.number(r));
    return values;
}

void addNewCategory(ColumnDrift& out, std::unordered_map<std::string, size_t>& index,
                    const std::string& label) {
    const auto [it, inserted] = index.try_emplace(label, out.newCategories.size());
    if (inserted) {
        out.newCategories.push_back(label);
        out.newCategoryCounts.push_back(0);
    }
    ++out.newCategoryCounts[it->second];
}

Binned binNumbers(const Column& reference, const Column& current, ColumnDrift& out) {
    Binned b;
    b.reference.values = numbers(reference);
    b.current.values = numbers(current);
    std::vector<double> distinct = b.reference.values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const bool continuous = distinct.empty() || distinct.size() > kMaxDiscreteValues;
    b.kind = continuous             ? ColumnKind::Continuous
             : distinct.size() <= 2 ? ColumnKind::Binary
                                    : ColumnKind::Discrete;
    std::unordered_map<std::string, size_t> newIndex;
    if (continuous) {
        out.edges = quantileEdges(b.reference.values);
        for (Side* side : {&b.reference, &b.current}) {
            side->counts.assign(out.edges.size() + 1, 0);
            for (double v : side->values)
                ++side->counts[binOf(out.edges, v)];
            side->total = side->values.size();
        }
        return b;
    }
    for (double v : distinct)
        out.categories.push_back(formatNumber(v));
    for (Side* side : {&b.reference, &b.current}) {
        side->counts.assign(distinct.size(), 0);
        for (double v : side->values) {
            const auto it = std::lower_bound(distinct.begin(), distinct.end(), v);
            if (it != distinct.end() && *it == v)
                ++side->counts[size_t(it - distinct.begin())];
            else
                addNewCategory(out, newIndex, formatNumber(v));
        }
        side->total = side->values.size();
    }
    return b;
}

Binned binCategories(const Column& reference, const Column& current, ColumnDrift& out) {
    Binned b;
    const std::vector<std::string>& labels = reference.categories();
    std::vector<size_t> counts(labels.size(), 0);
    for (size_t r = 0; r < reference.size(); ++r)
        if (const int32_t code = reference.code(r); code != Column::kMissingCode)
            ++counts[size_t(code)];
    // The bins: the categories the reference rows hold, in dictionary order.
    std::unordered_map<std::string, size_t> binOfLabel;
    for (size_t c = 0; c < labels.size(); ++c) {
        if (counts[c] == 0) continue;
        binOfLabel.emplace(labels[c], out.categories.size());
        out.categories.push_back(labels[c]);
        b.reference.counts.push_back(counts[c]);
        b.reference.total += counts[c];
    }
    b.kind = out.categories.empty() || out.categories.size() > 2 ? ColumnKind::Discrete
                                                                 : ColumnKind::Binary;
    // The current column has its own dictionary: map its codes to bins once.
    const std::vector<std::string>& currentLabels = current.categories();
    std::vector<std::ptrdiff_t> binOfCode(currentLabels.size(), -1);
    for (size_t c = 0; c < currentLabels.size(); ++c)
        if (const auto it = binOfLabel.find(currentLabels[c]); it != binOfLabel.end())
            binOfCode[c] = std::ptrdiff_t(it->second);
    b.current.counts.assign(out.categories.size(), 0);
    std::unordered_map<std::string, size_t> newIndex;
    for (size_t r = 0; r < current.size(); ++r) {
        const int32_t code = current.code(r);
        if (code == Column::kMissingCode) continue;
        ++b.current.total;
        if (binOfCode[size_t(code)] >= 0)
            ++b.current.counts[size_t(binOfCode[size_t(code)])];
        else
            addNewCategory(out, newIndex, currentLabels[size_t(code)]);
    }
    return b;
}

std::vector<double> shares(const Side& side) {
    std::vector<double> out(side.counts.size());
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = double(side.counts[i]) / double(side.total);
    return out;
}

std::vector<double> floored(std::vector<double> shares) {
    for (double& s : shares)
        if (s == 0) s = kEmptyBinShare;
    return shares;
}

// Goodness of fit of the current counts over the reference's non-empty bins.
ChiSquareResult chiSquareDrift(const Binned& b) {
    std::vector<double> observed, referenceCounts;
    double referenceTotal = 0, observedTotal = 0;
    for (size_t i = 0; i < b.reference.counts.size(); ++i) {
        if (b.reference.counts[i] == 0) continue;
        referenceCounts.push_back(double(b.reference.counts[i]));
        observed.push_back(double(b.current.counts[i]));
        referenceTotal += referenceCounts.back();
        observedTotal += observed.back();
    }
    std::vector<double> expected(observed.size());
    for (size_t i = 0; i < expected.size(); ++i)
        expected[i] = referenceCounts[i] / referenceTotal * observedTotal;
    return chiSquare(observed, expected);
}

DriftTest defaultTest(ColumnKind kind, size_t referenceRows) {
    const bool small = referenceRows <= kSmallReferenceRows;
    switch (kind) {
    case ColumnKind::Continuous:
        return small ? DriftTest::KolmogorovSmirnov : DriftTest::Wasserstein;
    case ColumnKind::Binary:
        return small ? DriftTest::ZProportions : DriftTest::JensenShannon;
    case ColumnKind::Discrete:
        break;
    }
    return small ? DriftTest::ChiSquared : DriftTest::JensenShannon;
}

void checkApplies(DriftTest test, const Column& column, ColumnKind kind) {
    const bool numericTest = test == DriftTest::KolmogorovSmirnov || test == DriftTest::Wasserstein;
    if (numericTest && !column.isNumeric())
        throw Error(
            Message(OFICINA_TR_NOOP("test '%1' needs a numeric column; '%2' is categorical"),
                    {toString(test), column.name()}));
    if (test == DriftTest::ZProportions && kind != ColumnKind::Binary)
        throw Error(Message(OFICINA_TR_NOOP("test '%1' needs a column with at most 2 distinct "
                                            "values; '%2' has more"),
                            {toString(test), column.name()}));
}

} // namespace

const char* toString(DriftTest test) {
    switch (test) {
    case DriftTest::KolmogorovSmirnov:
        return "ks";
    case DriftTest::ChiSquared:
        return "chi_squared";
    case DriftTest::ZProportions:
        return "z_proportions";
    case DriftTest::Wasserstein:
        return "wasserstein";
    case DriftTest::JensenShannon:
        return "jensen_shannon";
    case DriftTest::Psi:
        return "psi";
    }
    return "";
}

std::optional<DriftTest> driftTestFromString(std::string_view id) {
    for (DriftTest test :
         {DriftTest::KolmogorovSmirnov, DriftTest::ChiSquared, DriftTest::ZProportions,
          DriftTest::Wasserstein, DriftTest::JensenShannon, DriftTest::Psi})
        if (id == toString(test)) return test;
    return std::nullopt;
}

bool hasPValue(DriftTest test) {
    return test == DriftTest::KolmogorovSmirnov || test == DriftTest::ChiSquared ||
           test == DriftTest::ZProportions;
}

double defaultThreshold(DriftTest test) {
    return hasPValue(test) ? 0.05 : 0.1;
}

const char* toString(ColumnKind kind) {
    switch (kind) {
    case ColumnKind::Continuous:
        return "continuous";
    case ColumnKind::Discrete:
        return "discrete";
    case ColumnKind::Binary:
        return "binary";
    }
    return "";
}

PsiLevel psiLevel(double psi) {
    if (psi >= kPsiMajor) return PsiLevel::Major;
    if (psi >= kPsiModerate) return PsiLevel::Moderate;
    return PsiLevel::Stable;
}

ColumnDrift compareColumn(const Column& reference, const Column& current,
                          const ColumnOverride& override, size_t referenceRows) {
    if (reference.type() != current.type())
        throw Error(
            Message(OFICINA_TR_NOOP("column '%1' is %2 in the reference data but %3 in "
                                    "the current data"),
                    {reference.name(), toString(reference.type()), toString(current.type())}));
    ColumnDrift out;
    out.name = reference.name();
    out.referenceMissingRate = missingRate(reference);
    out.currentMissingRate = missingRate(current);
    const Binned b = reference.isNumeric() ? binNumbers(reference, current, out)
                                           : binCategories(reference, current, out);
    out.kind = b.kind;
    out.referenceCount = b.reference.total;
    out.currentCount = b.current.total;
    out.referenceShares = shares(b.reference);
    out.currentShares = shares(b.current);
    const std::vector<double> p = floored(out.referenceShares), q = floored(out.currentShares);
    out.psi = out.referenceCount && out.currentCount ? psi(p, q) : kNaN;

    out.test = override.test.value_or(defaultTest(b.kind, referenceRows));
    checkApplies(out.test, reference, b.kind);
    out.threshold = override.threshold.value_or(defaultThreshold(out.test));
    out.pValue = kNaN;
    switch (out.test) {
    case DriftTest::KolmogorovSmirnov: {
        const KsResult ks = ks2samp(b.reference.values, b.current.values);
        out.statistic = ks.statistic;
        out.pValue = ks.pValue;
        break;
    }
    case DriftTest::ChiSquared: {
        const ChiSquareResult chi = chiSquareDrift(b);
        out.statistic = chi.statistic;
        out.pValue = chi.pValue;
        break;
    }
    case DriftTest::ZProportions: {
        // The counts of the reference's second value (the last bin).
        const auto last = [](const Side& s) { return s.counts.empty() ? 0 : s.counts.back(); };
        const ZTestResult z = proportionsZTest(last(b.reference), b.reference.total,
                                               last(b.current), b.current.total);
        out.statistic = z.statistic;
        out.pValue = z.pValue;
        break;
    }
    case DriftTest::Wasserstein:
        out.statistic = wassersteinDistance(b.reference.values, b.current.values) /
                        populationStd(b.reference.values);
        break;
    case DriftTest::JensenShannon:
        out.statistic = jensenShannon(p, q);
        break;
    case DriftTest::Psi:
        out.statistic = out.psi;
        break;
    }
    // NaN compares false both ways: no evidence, no drift.
    out.drift = hasPValue(out.test) ? out.pValue < out.threshold : out.statistic >= out.threshold;
    return out;
}

std::vector<ColumnDrift> compareColumns(const Table& reference, const Table& current,
                                        const DriftOptions& options) {
    const std::vector<std::string> names =
        options.columns.empty() ? reference.columnNames() : options.columns;
    const std::set<std::string> compared(names.begin(), names.end());
    for (const auto& [name, override] : options.overrides)
        if (!compared.count(name))
            throw Error(Message(OFICINA_TR_NOOP("the drift settings name column '%1', which is "
                                                "not compared"),
                                {name}));
    const size_t referenceRows = options.referenceRows.value_or(reference.rowCount());
    std::vector<ColumnDrift> out;
    out.reserve(names.size());
    for (const std::string& name : names) {
        const Column* currentColumn = current.find(name);
        if (!currentColumn)
            throw Error(
                Message(OFICINA_TR_NOOP("column '%1' is missing from the current data"), {name}));
        const auto it = options.overrides.find(name);
        out.push_back(compareColumn(reference.column(name), *currentColumn,
                                    it == options.overrides.end() ? ColumnOverride{} : it->second,
                                    referenceRows));
    }
    return out;
}

} // namespace oficina::core::monitor

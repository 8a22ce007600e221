#pragma once

// Per-column drift between a reference table (the training data, or a model package's stored
// sample) and a current one, with the tests the field's monitoring tools pick by default:
//
//   reference rows ≤ 1,000 (kSmallReferenceRows):
//     numeric with more than 5 distinct values     two-sample Kolmogorov-Smirnov
//     at most 2 distinct values (binary)            two-proportion Z test
//     any other column                              chi-squared goodness of fit
//     drift when the p-value < 0.05
//   more reference rows:
//     numeric with more than 5 distinct values     Wasserstein distance / reference std
//     any other column                              Jensen-Shannon distance
//     drift when the distance ≥ 0.1
//
// and, for every column, PSI (0.1 moderate, 0.25 major), the missing rates and the categories
// the reference never had. A column's kind comes from the reference's non-missing values.
//
// Bins (PSI, Jensen-Shannon, and chi-squared when asked for on a continuous column): a
// continuous column has the 10 decile bins of quantileEdges (DriftTests.h), values below the
// first edge and above the last in the end bins; any other column has one bin per value the
// reference holds (categories in the column's dictionary order, numbers ascending). A bin's
// share is its count over the side's non-missing values; an empty bin's share is set to 1e-4
// before PSI and Jensen-Shannon (which then normalises), with no renormalisation for PSI.
//
// Values the reference never had ("new categories"; for a numeric column of at most 5 values,
// new numbers) are listed apart with their counts. They stay in the current side's total, so
// they lower the shares of the reference's bins (PSI sees them; Jensen-Shannon, which
// normalises, does not). Chi-squared compares only the reference's categories: its expected
// counts are reference share × the current count over those categories; a reference category
// with no current rows contributes its full expected count. The Z test counts, on each side,
// the rows holding the second of the reference's two values (the later category, or the larger
// number) among all non-missing rows.
//
// Missing values (NaN, missing categories) are left out of every test and reported as rates.
// Plain functions, no state: thread-safe.

#include "data/Table.h"
#include "monitor/DriftTests.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::monitor {

enum class DriftTest {
    KolmogorovSmirnov,
    ChiSquared,
    ZProportions,
    Wasserstein,
    JensenShannon,
    Psi
};

/// Stable ids for reports and options: "ks", "chi_squared", "z_proportions", "wasserstein",
/// "jensen_shannon", "psi".
const char* toString(DriftTest test);
std::optional<DriftTest> driftTestFromString(std::string_view id);
/// True for the tests judged by a p-value (drift when p < threshold), false for distances
/// (drift when statistic ≥ threshold).
bool hasPValue(DriftTest test);
/// 0.05 for p-values, 0.1 for distances (PSI included: "moderate").
double defaultThreshold(DriftTest test);

/// How a column's values are compared, decided from the reference's non-missing values.
enum class ColumnKind {
    Continuous, ///< numeric with more than kMaxDiscreteValues distinct values
    Discrete,   ///< categorical, or numeric with 3 to kMaxDiscreteValues distinct values
    Binary,     ///< at most 2 distinct values
};
/// "continuous", "discrete", "binary".
const char* toString(ColumnKind kind);

inline constexpr size_t kSmallReferenceRows = 1000;
inline constexpr size_t kMaxDiscreteValues = 5;
inline constexpr double kEmptyBinShare = 1e-4;
inline constexpr double kPsiModerate = 0.1;
inline constexpr double kPsiMajor = 0.25;

enum class PsiLevel { Stable, Moderate, Major };
/// Major at ≥ 0.25, moderate at ≥ 0.1, otherwise (NaN included) stable.
PsiLevel psiLevel(double psi);

/// A column's own test and threshold instead of the defaults.
struct ColumnOverride {
    std::optional<DriftTest> test;
    std::optional<double> threshold;
};

/// Example: compare two columns only, with a stricter KS on "age":
///   DriftOptions options{.columns = {"age", "city"},
///                        .overrides = {{"age", {.threshold = 0.01}}}};
struct DriftOptions {
    /// The columns to compare, in this order; empty: every column of the reference.
    std::vector<std::string> columns;
    /// Per column name; each must name a compared column.
    std::map<std::string, ColumnOverride> overrides;
    /// The row count the default choice of test goes by; unset: the reference's. A model
    /// package's reference is a sample of its training rows: pass the training row count.
    std::optional<size_t> referenceRows;
};

struct ColumnDrift {
    std::string name;
    ColumnKind kind = ColumnKind::Continuous;
    DriftTest test = DriftTest::KolmogorovSmirnov;
    /// NaN when a side has no values (or, for Z, when all rows hold the same value).
    double statistic = 0;
    /// NaN for distances.
    double pValue = 0;
    double threshold = 0;
    bool drift = false;
    double psi = 0;
    /// Non-missing values compared on each side.
    size_t referenceCount = 0, currentCount = 0;
    double referenceMissingRate = 0, currentMissingRate = 0;
    /// Values of the current side the reference lacks, in order of appearance, and their counts.
    std::vector<std::string> newCategories;
    std::vector<size_t> newCategoryCounts;
    /// The bins: the 9 inner edges of a continuous column, or the labels of the others' bins.
    std::vector<double> edges;
    std::vector<std::string> categories;
    /// Each bin's share of each side, as counted (before the 1e-4 floor).
    std::vector<double> referenceShares, currentShares;
};

/// One column against another of the same type (throws Error otherwise, and for a test that
/// does not apply: KS and Wasserstein need numbers, the Z test a binary column).
ColumnDrift compareColumn(const Column& reference, const Column& current,
                          const ColumnOverride& override, size_t referenceRows);

/// The columns of `options` (default: all of the reference's), matched by name. Throws Error
/// naming a column the current table lacks or an override for a column not compared.
std::vector<ColumnDrift> compareColumns(const Table& reference, const Table& current,
                                        const DriftOptions& options = {});

} // namespace oficina::core::monitor

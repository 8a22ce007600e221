#pragma once

// The statistics of drift checks, each equal to its reference implementation (SciPy 1.10.1,
// NumPy 1.24, statsmodels 0.13 as Debian 12 ships them) on the fixtures that
// tests/data/make_drift_fixtures.py writes. Every function is plain, stateless and thread-safe;
// none sees missing values (the caller leaves NaN out). compareColumns (ColumnDrift.h) picks and
// runs them per column.
//
// Definitions:
// - ks2samp: scipy.stats.ks_2samp(a, b) with alternative='two-sided', method='auto'. D is the
//   largest |F_a(x) - F_b(x)| over the pooled values, both empirical CDFs right-continuous
//   (ties count as equal). Exact p-value (Hodges' lattice-path recursion; Viehmann's form for
//   1 - p when the sizes differ) when both samples have at most 10,000 values, D then being
//   round(D·lcm)/lcm; otherwise, or if the exact value falls outside [0, 1], kstwo.sf(D, n) with
//   n = round(n_a·n_b / (n_a + n_b)), the one-sample two-sided distribution as SciPy's _kolmogn
//   computes it (Simard and L'Ecuyer's choice between exact and Pelz-Good formulas).
// - chiSquare: scipy.stats.chisquare(observed, expected): Σ (o - e)² / e, p-value
//   chi2.sf(statistic, k - 1).
// - proportionsZTest: statsmodels' proportions_ztest([x1, x2], [n1, n2]) with the pooled
//   proportion: p = (x1 + x2) / (n1 + n2),
//   z = (x1/n1 - x2/n2) / sqrt(p (1 - p) (1/n1 + 1/n2)), two-sided p-value 2·Φ(-|z|). When every
//   observation has the same outcome (p = 0 or 1), z and the p-value are NaN.
// - wassersteinDistance: scipy.stats.wasserstein_distance(u, v), ∫ |U(x) - V(x)| dx between the
//   empirical CDFs; populationStd is np.std (ddof 0).
// - jensenShannon: scipy.spatial.distance.jensenshannon(p, q) in nats: p and q are normalised to
//   sum to 1 first, then sqrt((KL(p‖m) + KL(q‖m)) / 2) with m = (p + q) / 2.
// - psi: Σ (c_i - r_i)·ln(c_i / r_i) over bins, the shares given as they are.
// - quantileEdges: numpy.quantile(values, [0.1, ..., 0.9]) with the default 'linear' method;
//   binOf is numpy.digitize(value, edges): the number of edges ≤ value, so bin 0 is
//   (-∞, e1), bin i is [e_i, e_{i+1}) and the last bin is [e9, +∞).

#include <cstdint>
#include <span>
#include <vector>

namespace oficina::core::monitor {

struct KsResult {
    double statistic = 0;
    double pValue = 1;
    /// Whether the p-value is the exact one (false: asymptotic).
    bool exact = true;
};

struct ChiSquareResult {
    double statistic = 0;
    double pValue = 1;
    int64_t degreesOfFreedom = 0;
};

struct ZTestResult {
    double statistic = 0;
    double pValue = 1;
};

/// Two-sample Kolmogorov-Smirnov, two-sided. Either sample empty: NaN statistic and p-value.
/// Sorts copies of the samples: O((n_a + n_b) log(n_a + n_b)), plus O(lcm-bounded) for the exact
/// p-value (a fraction of a second at 10,000 against 10,000).
KsResult ks2samp(std::span<const double> a, std::span<const double> b);

/// scipy.stats.kstwo.sf(d, n): P(D_n > d) for the two-sided one-sample statistic with n
/// observations. NaN for n < 1 or not whole.
double kstwoSf(double d, double n);

/// scipy.special.smirnov(n, d): P(D+_n ≥ d) for the one-sided statistic.
double smirnovSf(int64_t n, double d);

/// Regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), as
/// scipy.special.gammaincc.
double gammaQ(double a, double x);

/// scipy.stats.chi2.sf(x, df).
double chi2Sf(double x, double df);

/// scipy.stats.norm.sf(z) = 1 - Φ(z).
double normalSf(double z);

/// Goodness of fit of `observed` to `expected` (same length, expected > 0, equal totals).
ChiSquareResult chiSquare(std::span<const double> observed, std::span<const double> expected);

/// Two-proportion Z test of x1 successes in n1 trials against x2 in n2.
ZTestResult proportionsZTest(uint64_t x1, uint64_t n1, uint64_t x2, uint64_t n2);

/// First Wasserstein distance between the empirical distributions of u and v (NaN if either is
/// empty).
double wassersteinDistance(std::span<const double> u, std::span<const double> v);

/// Standard deviation with divisor n, summed as NumPy does.
double populationStd(std::span<const double> values);

/// Jensen-Shannon distance between two non-negative weight vectors of the same length.
double jensenShannon(std::span<const double> p, std::span<const double> q);

/// Population stability index between reference shares r and current shares c (both > 0).
double psi(std::span<const double> referenceShares, std::span<const double> currentShares);

/// Decile bin edges of `values` (not empty): 9 edges, non-decreasing.
std::vector<double> quantileEdges(std::span<const double> values);

/// The bin of `value` among the bins `edges` (sorted) delimit: 0 … edges.size().
size_t binOf(std::span<const double> edges, double value);

} // namespace oficina::core::monitor

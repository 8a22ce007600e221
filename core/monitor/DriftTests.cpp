// The drift statistics other than Kolmogorov-Smirnov (KolmogorovSmirnov.cpp). Sums run in
// NumPy's order (PairwiseSum.h) and each formula in the reference's order of operations, so the
// results agree with SciPy and statsmodels to the last bit or two.

#include "monitor/DriftTests.h"
#include "monitor/Numerics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace oficina::core::monitor {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr long double kPiL = std::numbers::pi_v<long double>;
constexpr long double kEpsilonL = std::numeric_limits<long double>::epsilon();
// cephes MAXLOG (log of the largest double): SciPy's igamc returns 0 below e^-MAXLOG.
constexpr double kMaxLog = 7.09782712893383996732e2;

// log(x^a e^-x / Γ(a)), the prefactor of both incomplete gamma expansions. For a ≥ 16 it is
// written as a·(log(x/a) - (x-a)/a) + log(a / 2π)/2 - stirlingSeries(a), whose parts stay of
// modest size where a log x, x and log Γ(a) would cancel (x near a, both large).
long double logGammaPrefix(long double a, long double x) {
    if (a >= 16) {
        const long double t = x / a;
        const long double sigma = (x - a) / a;
        const long double logT = (t < 0.5L || t > 2) ? std::log(t) : std::log1p(sigma);
        return a * (logT - sigma) + std::log(a / (2 * kPiL)) / 2 - detail::stirlingSeries(a);
    }
    // log Γ(a) = log Γ(a + s) - log(a (a+1) … (a+s-1)) with a + s ≥ 16.
    long double shifted = a, product = 1;
    while (shifted < 16)
        product *= shifted++;
    const long double logGamma = (shifted - 0.5L) * std::log(shifted) - shifted +
                                 std::log(2 * kPiL) / 2 + detail::stirlingSeries(shifted) -
                                 std::log(product);
    return a * std::log(x) - x - logGamma;
}

// scipy.special.rel_entr: x log(x/y), 0 for x = 0.
double relEntr(double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return kNaN;
    if (x > 0 && y > 0) return x * std::log(x / y);
    if (x == 0 && y >= 0) return 0;
    return std::numeric_limits<double>::infinity();
}

} // namespace

double gammaQ(double a, double x) {
    if (std::isnan(a) || std::isnan(x) || x < 0 || a < 0) return kNaN;
    if (a == 0) return x > 0 ? 0.0 : kNaN;
    if (x == 0) return 1.0;
    if (std::isinf(a)) return std::isinf(x) ? kNaN : 1.0;
    if (std::isinf(x)) return 0.0;
    // In long double, so that the double result is correctly rounded but for a rare last bit:
    // SciPy's igamc (cephes with Temme's expansion near x = a) is accurate to about 1e-15, and
    // the two agree within that.
    const long double al = a, xl = x;
    const long double logPrefix = logGammaPrefix(al, xl);
    if (xl < al + 1) {
        // P(a, x) = prefix / a · Σ_k x^k / ((a+1)…(a+k)), and Q = 1 - P ≥ 0.08 here.
        long double term = 1, sum = 1, r = al;
        for (int i = 0; i < 1000000 && term > kEpsilonL * sum; ++i) {
            r += 1;
            term *= xl / r;
            sum += term;
        }
        return double(1 - std::exp(logPrefix) * sum / al);
    }
    if (std::abs(a - x) > 0.4 * a && logPrefix < -kMaxLog) return 0.0; // as SciPy: underflow
    // Q(a, x) = prefix · 1/(x+1-a- 1·(1-a)/(x+3-a- 2·(2-a)/(x+5-a- …))), by Lentz's method.
    constexpr long double tiny = std::numeric_limits<long double>::min() / kEpsilonL;
    long double b = xl + 1 - al;
    long double c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 1000000; ++i) {
        const long double an = -i * (i - al);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < tiny) d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1 / d;
        const long double step = d * c;
        h *= step;
        if (std::abs(step - 1) <= kEpsilonL) break;
    }
    return double(std::exp(logPrefix) * h);
}

double chi2Sf(double x, double df) {
    if (std::isnan(x) || !(df > 0)) return kNaN;
    if (x <= 0) return 1.0;
    if (std::isinf(x)) return 0.0;
    return gammaQ(df / 2.0, x / 2.0);
}

double normalSf(double z) {
    // cephes ndtr(-z), with the C library's erf and erfc.
    if (std::isnan(z)) return kNaN;
    constexpr double sqrtHalf = std::numbers::sqrt2 / 2;
    const double x = -z * sqrtHalf;
    if (std::abs(x) < sqrtHalf) return 0.5 + 0.5 * std::erf(x);
    const double y = 0.5 * std::erfc(std::abs(x));
    return x > 0 ? 1.0 - y : y;
}

ChiSquareResult chiSquare(std::span<const double> observed, std::span<const double> expected) {
    if (observed.size() != expected.size() || observed.empty()) return {kNaN, kNaN, 0};
    std::vector<double> terms(observed.size());
    for (size_t i = 0; i < terms.size(); ++i) {
        const double diff = observed[i] - expected[i];
        terms[i] = diff * diff / expected[i];
    }
    const double statistic = numpySum(terms);
    const auto df = int64_t(observed.size()) - 1;
    return {statistic, chi2Sf(statistic, double(df)), df};
}

ZTestResult proportionsZTest(uint64_t x1, uint64_t n1, uint64_t x2, uint64_t n2) {
    if (n1 == 0 || n2 == 0) return {kNaN, kNaN};
    const double diff = double(x1) * 1. / double(n1) - double(x2) * 1. / double(n2);
    const double pooled = double(x1 + x2) * 1. / double(n1 + n2);
    const double nobsFactor = 1. / double(n1) + 1. / double(n2);
    const double stdDiff = std::sqrt(pooled * (1 - pooled) * nobsFactor);
    const double z = diff / stdDiff; // 0/0 = NaN when every outcome is the same
    return {z, normalSf(std::abs(z)) * 2};
}

double wassersteinDistance(std::span<const double> u, std::span<const double> v) {
    if (u.empty() || v.empty()) return kNaN;
    std::vector<double> us(u.begin(), u.end()), vs(v.begin(), v.end());
    std::sort(us.begin(), us.end());
    std::sort(vs.begin(), vs.end());
    std::vector<double> all;
    all.reserve(us.size() + vs.size());
    std::merge(us.begin(), us.end(), vs.begin(), vs.end(), std::back_inserter(all));
    // |U - V| on each interval between consecutive pooled values, times its width.
    std::vector<double> terms(all.size() - 1);
    size_t i = 0, j = 0;
    for (size_t k = 0; k + 1 < all.size(); ++k) {
        while (i < us.size() && us[i] <= all[k])
            ++i;
        while (j < vs.size() && vs[j] <= all[k])
            ++j;
        const double uCdf = double(i) / double(us.size());
        const double vCdf = double(j) / double(vs.size());
        terms[k] = std::abs(uCdf - vCdf) * (all[k + 1] - all[k]);
    }
    return numpySum(terms);
}

double populationStd(std::span<const double> values) {
    if (values.empty()) return kNaN;
    const double n = double(values.size());
    const double mean = numpySum(values) / n;
    std::vector<double> squares(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        squares[i] = (values[i] - mean) * (values[i] - mean);
    return std::sqrt(numpySum(squares) / n);
}

double jensenShannon(std::span<const double> p, std::span<const double> q) {
    if (p.size() != q.size() || p.empty()) return kNaN;
    const double pSum = numpySum(p), qSum = numpySum(q);
    std::vector<double> left(p.size()), right(p.size());
    for (size_t i = 0; i < p.size(); ++i) {
        const double pi = p[i] / pSum, qi = q[i] / qSum;
        const double m = (pi + qi) / 2.0;
        left[i] = relEntr(pi, m);
        right[i] = relEntr(qi, m);
    }
    const double js = numpySum(left) + numpySum(right);
    return std::sqrt(js / 2.0);
}

double psi(std::span<const double> referenceShares, std::span<const double> currentShares) {
    if (referenceShares.size() != currentShares.size()) return kNaN;
    std::vector<double> terms(referenceShares.size());
    for (size_t i = 0; i < terms.size(); ++i)
        terms[i] = (currentShares[i] - referenceShares[i]) *
                   std::log(currentShares[i] / referenceShares[i]);
    return numpySum(terms);
}

std::vector<double> quantileEdges(std::span<const double> values) {
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> edges;
    if (sorted.empty()) return edges;
    const size_t last = sorted.size() - 1;
    for (int k = 1; k <= 9; ++k) {
        // numpy.quantile's 'linear' method, its lerp included: from the nearer end when the
        // weight is 0.5 or more.
        const double index = double(last) * (double(k) / 10.0);
        if (index >= double(last)) {
            edges.push_back(sorted[last]);
            continue;
        }
        const double below = std::floor(index);
        const double gamma = index - below;
        const double a = sorted[size_t(below)], b = sorted[size_t(below) + 1];
        const double diff = b - a;
        edges.push_back(gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma);
    }
    return edges;
}

size_t binOf(std::span<const double> edges, double value) {
    return size_t(std::upper_bound(edges.begin(), edges.end(), value) - edges.begin());
}

} // namespace oficina::core::monitor

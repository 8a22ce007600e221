// Two-sample Kolmogorov-Smirnov test and the distributions behind its p-values, following the
// code of SciPy 1.10.1 step by step where its rounding shows in the result:
// scipy/stats/_stats_py.py (ks_2samp, _attempt_exact_2kssamp, _compute_prob_outside_square),
// scipy/stats/_stats_pythran.py (_compute_outer_prob_inside_method) and
// scipy/stats/_ksstats.py (_kolmogn and its methods). The one-sided Smirnov probability is
// computed in our own way (SciPy uses double-double arithmetic, scipy/special/cephes/
// kolmogorov.c): its terms are all positive, so summing them accurately in long double gives the
// same value to the last bits or so.

#include "monitor/DriftTests.h"
#include "monitor/Numerics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <vector>

namespace oficina::core::monitor {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = std::numbers::pi;
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr long double kPiL = std::numbers::pi_v<long double>;
// _ksstats.py rescales by 2^128 to keep its products in range.
constexpr int kScaleExponent = 128;
const double kBig = std::ldexp(1.0, kScaleExponent);
const double kSmall = std::ldexp(1.0, -kScaleExponent);

double clip01(double p) {
    return std::clamp(p, 0.0, 1.0);
}

// A value that starts as a double and continues in long double once rescaled: NumPy promotes a
// float64 scalar multiplied by _ksstats.py's long double scale factors, and every later step
// then rounds to long double instead.
struct Promoting {
    double d = 0;
    long double l = 0;
    bool extended = false;

    [[nodiscard]] long double value() const { return extended ? l : d; }
    void scale(long double factor) {
        l = value() * factor;
        extended = true;
    }
};

// ------------------------------------------------------------------------------------------
// Exact two-sample p-values (Hodges 1958)

// P(D_{n,n} ≥ h/n) as 2·A0·(1 - A1·(1 - A2·(…))), each A_k a ratio of h terms.
double probOutsideSquare(int64_t n, int64_t h) {
    double prob = 0.0;
    for (auto k = int64_t(std::floor(double(n) / double(h))); k >= 0; --k) {
        double p1 = 1.0;
        for (int64_t j = 0; j < h; ++j)
            p1 = double(n - k * h - j) * p1 / double(n + k * h + j + 1);
        prob = p1 * (1.0 - prob);
    }
    return 2 * prob;
}

// The share of lattice paths from (0, 0) to (m, n) that leave |x/m - y/n| < h/lcm(m, n),
// computed directly (Viehmann 2021) one column at a time over a sliding window.
double probOutsideLattice(int64_t m, int64_t n, int64_t g, int64_t h) {
    if (m < n) std::swap(m, n);
    const int64_t mg = m / g, ng = n / g;
    int64_t minj = 0;
    int64_t maxj = std::min(int64_t(std::ceil(double(h) / double(mg))), n + 1);
    int64_t curlen = maxj - minj;
    const auto lenA = size_t(std::min(2 * maxj + 2, n + 1));
    std::vector<double> A(lenA, 1.0);
    std::fill(A.begin(), A.begin() + maxj, 0.0);
    for (int64_t i = 1; i <= m; ++i) {
        const int64_t lastminj = minj, lastlen = curlen;
        minj = std::max(int64_t(std::floor(double(ng * i - h) / double(mg))) + 1, int64_t(0));
        minj = std::min(minj, n);
        maxj = std::min(int64_t(std::ceil(double(ng * i + h) / double(mg))), n + 1);
        if (maxj <= minj) return 1.0;
        double val = minj == 0 ? 0.0 : 1.0;
        for (int64_t jj = 0; jj < maxj - minj; ++jj) {
            const int64_t j = jj + minj;
            val = (A[size_t(jj + minj - lastminj)] * double(i) + val * double(j)) / double(i + j);
            A[size_t(jj)] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen) {
            const auto from = size_t(maxj - minj);
            std::fill(A.begin() + std::ptrdiff_t(std::min(from, lenA)),
                      A.begin() + std::ptrdiff_t(std::min(from + size_t(lastlen - curlen), lenA)),
                      1.0);
        }
    }
    return A[size_t(maxj - minj - 1)];
}

// ------------------------------------------------------------------------------------------
// The one-sample two-sided distribution (_ksstats.py)

// log(n! / n^n) by Stirling's series.
double logFactorialOverPower(int64_t n) {
    const double rn = 1.0 / double(n);
    double poly = 0.0;
    for (double c : detail::kStirlingCoefficients)
        poly = poly * (rn / double(n)) + c;
    return std::log(double(n)) / 2 - double(n) + std::log(2 * kPi) / 2 + rn * poly;
}

using Matrix = std::vector<double>; // row-major, m × m

Matrix multiply(const Matrix& a, const Matrix& b, size_t m) {
    Matrix c(m * m, 0.0);
    for (size_t i = 0; i < m; ++i)
        for (size_t j = 0; j < m; ++j) {
            double sum = 0.0;
            for (size_t k = 0; k < m; ++k)
                sum += a[i * m + k] * b[k * m + j];
            c[i * m + j] = sum;
        }
    return c;
}

// P(D_n ≤ d) by Durbin's matrix algorithm as Marsaglia, Tsang and Wang evaluate it.
long double durbinCdf(int64_t n, double d) {
    if (d >= 1.0) return 1.0;
    const double nd = double(n) * d;
    if (nd <= 0.5) return 0.0;
    const auto k = size_t(std::ceil(nd));
    const double h = double(k) - nd;
    const size_t m = 2 * k - 1;

    std::vector<double> v(m), w(m);
    double fac = 1.0;
    for (size_t j = 1; j <= m; ++j) {
        v[j - 1] = 1.0 - std::pow(h, double(j));
        w[j - 1] = fac;
        fac /= double(j);
        v[j - 1] *= fac;
    }
    const double tt = std::pow(std::max(2 * h - 1.0, 0.0), double(m)) - 2 * std::pow(h, double(m));
    v[m - 1] = (1.0 + tt) * fac;

    Matrix H(m * m, 0.0);
    for (size_t i = 1; i < m; ++i)
        for (size_t r = i - 1; r < m; ++r)
            H[r * m + i] = w[r - (i - 1)];
    for (size_t r = 0; r < m; ++r)
        H[r * m] = v[r];
    for (size_t c = 0; c < m; ++c)
        H[(m - 1) * m + c] = v[m - 1 - c];

    Matrix power(m * m, 0.0);
    for (size_t i = 0; i < m; ++i)
        power[i * m + i] = 1.0;
    int64_t exponent = 0, hExponent = 0;
    for (int64_t rest = n; rest > 0; rest /= 2) {
        if (rest % 2) {
            power = multiply(power, H, m);
            exponent += hExponent;
        }
        H = multiply(H, H, m);
        hExponent *= 2; // as SciPy has it
        if (std::abs(H[(k - 1) * m + (k - 1)]) > kBig) {
            for (double& x : H)
                x /= kBig;
            hExponent += kScaleExponent;
        }
    }

    Promoting p{power[(k - 1) * m + (k - 1)]};
    for (int64_t i = 1; i <= n; ++i) {
        if (p.extended)
            p.l = (long double)(i)*p.l / (long double)(n);
        else
            p.d = double(i) * p.d / double(n);
        if (std::abs(p.value()) < kSmall) {
            p.scale((long double)(kBig));
            exponent -= kScaleExponent;
        }
    }
    long double cdf = p.value();
    if (exponent != 0)
        cdf = p.extended ? std::ldexp(cdf, int(exponent)) : std::ldexp(p.d, int(exponent));
    return std::clamp<long double>(cdf, 0, 1);
}

std::pair<int64_t, int64_t> pomeranzBounds(int64_t i, int64_t n, int64_t ll, int64_t ceilf,
                                           int64_t roundf) {
    int64_t j1, j2;
    if (i == 0) {
        j1 = -ll - ceilf - 1;
        j2 = ll + ceilf - 1;
    } else {
        const int64_t half = (i + 1) / 2;
        if ((i + 1) % 2 == 0) {
            if (half == n + 1) {
                j1 = n - ll - ceilf - 1;
                j2 = n + ll + ceilf - 1;
            } else {
                j1 = half - 1 - ll - roundf - 1;
                j2 = half + ll - 1 + ceilf - 1;
            }
        } else {
            j1 = half - 1 - ll - 1;
            j2 = half + ll + roundf - 1;
        }
    }
    return {std::max(j1 + 2, int64_t(0)), std::min(j2, n)};
}

// P(D_n ≤ x) by Pomeranz's recursion (SciPy uses it for n ≤ 140).
long double pomeranzCdf(int64_t n, double x) {
    const double t = double(n) * x;
    const auto ll = int64_t(std::floor(t));
    const double f = 1.0 * (t - double(ll));
    const double g = std::min(f, 1.0 - f);
    const int64_t ceilf = f > 0 ? 1 : 0;
    const int64_t roundf = f > 0.5 ? 1 : 0;
    const auto npwrs = size_t(2 * (ll + 1));
    // (g/n)^m/m!, (2g/n)^m/m!, ((1-2g)/n)^m/m!: Poisson probabilities but for their factor.
    std::vector<double> gpower(npwrs), twogpower(npwrs), onem2gpower(npwrs);
    gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
    const double gOverN = g / double(n), twoGOverN = 2 * g / double(n);
    const double oneMinusTwoGOverN = (1 - 2 * g) / double(n);
    for (size_t m = 1; m < npwrs; ++m) {
        gpower[m] = gpower[m - 1] * gOverN / double(m);
        twogpower[m] = twogpower[m - 1] * twoGOverN / double(m);
        onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / double(m);
    }

    std::vector<double> V0(npwrs, 0.0), V1(npwrs, 0.0);
    V1[0] = 1;
    int64_t V0s = 0, V1s = 0, exponent = 0;
    auto [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
    std::vector<double> conv;
    for (int64_t i = 1; i < 2 * n + 2; ++i) {
        const int64_t k1 = j1;
        std::swap(V0, V1);
        std::swap(V0s, V1s);
        std::fill(V1.begin(), V1.end(), 0.0);
        std::tie(j1, j2) = pomeranzBounds(i, n, ll, ceilf, roundf);
        const std::vector<double>& pwrs =
            (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 ? twogpower : onem2gpower);
        const int64_t ln2 = j2 - k1 + 1;
        if (ln2 <= 0) continue;
        // np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]), slices clipped as NumPy's.
        const auto aFrom = size_t(k1 - V0s);
        const size_t aLen = std::min(size_t(ln2), npwrs - std::min(aFrom, npwrs));
        const size_t bLen = std::min(size_t(ln2), npwrs);
        conv.assign(aLen + bLen - 1, 0.0);
        for (size_t a = 0; a < aLen; ++a)
            for (size_t b = 0; b < bLen; ++b)
                conv[a + b] += V0[aFrom + a] * pwrs[b];
        const int64_t convStart = j1 - k1, convLen = j2 - j1 + 1;
        for (int64_t c = 0; c < convLen && size_t(convStart + c) < conv.size(); ++c)
            V1[size_t(c)] = conv[size_t(convStart + c)];
        const double top = *std::max_element(V1.begin(), V1.end());
        if (0 < top && top < kSmall) {
            for (double& v : V1)
                v *= kBig;
            exponent -= kScaleExponent;
        }
        V1s = V0s + j1 - k1;
    }

    Promoting ans{V1[size_t(n - V1s)]};
    for (int64_t m = 1; m <= n; ++m) {
        if (std::abs(ans.value()) > kBig) {
            ans.scale((long double)(kSmall));
            exponent += kScaleExponent;
        }
        if (ans.extended)
            ans.l *= (long double)(m);
        else
            ans.d *= double(m);
    }
    long double cdf = ans.value();
    if (exponent != 0)
        cdf = ans.extended ? std::ldexp(cdf, int(exponent)) : std::ldexp(ans.d, int(exponent));
    return std::clamp<long double>(cdf, 0, 1);
}

// Pelz and Good's asymptotic series for P(D_n ≤ x), for n > 140.
double pelzGoodCdf(int64_t n, double x) {
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    const double piSquared = std::pow(kPi, 2.0), piFour = std::pow(kPi, 4.0);
    const double piSix = std::pow(kPi, 6.0), sqrt2Pi = std::sqrt(2 * kPi);
    const double z = std::sqrt(double(n)) * x;
    const double zsquared = std::pow(z, 2.0), zthree = std::pow(z, 3.0);
    const double zfour = std::pow(z, 4.0), zsix = std::pow(z, 6.0);

    const double qlog = -piSquared / 8 / zsquared;
    if (qlog < -708) return 0.0;
    double q = std::exp(qlog);

    const double k1a = -zsquared;
    const double k1b = piSquared / 4;
    const double k2a = 6 * zsix + 2 * zfour;
    const double k2b = (2 * zfour - 5 * zsquared) * piSquared / 4;
    const double k2c = piFour * (1 - 2 * zsquared) / 16;
    const double k3d = piSix * (5 - 30 * zsquared) / 64;
    const double k3c = piFour * (-60 * zsquared + 212 * zfour) / 16;
    const double k3b = piSquared * (135 * zfour - 96 * zsix) / 4;
    const double k3a = -30 * zsix - 90 * std::pow(z, 8.0);

    // Horner's scheme over the odd integers for Σ c_i q^(i²).
    double K[4] = {0, 0, 0, 0};
    const auto maxk = int64_t(std::ceil(16 * z / kPi));
    for (int64_t k = maxk; k > 0; --k) {
        const int64_t m = 2 * k - 1;
        const double m2 = double(m * m), m4 = double(m * m * m * m);
        const double m6 = double(m * m * m * m * m * m);
        const double qpower = std::pow(q, double(8 * k));
        const double coeffs[4] = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                                  k3a + k3b * m2 + k3c * m4 + k3d * m6};
        for (int i = 0; i < 4; ++i)
            K[i] = K[i] * qpower + coeffs[i];
    }
    const double divisors[4] = {z, 6 * zfour, 72 * std::pow(z, 7.0), 6480 * std::pow(z, 10.0)};
    for (int i = 0; i < 4; ++i)
        K[i] = K[i] * q * sqrt2Pi / divisors[i];

    // The terms of K2 and K3 summed over all integers k.
    q = std::exp(-piSquared / 2 / zsquared);
    const double sqrt3z = std::sqrt(3.0) * z;
    std::vector<double> k2terms, k3terms;
    for (int64_t k = maxk; k > 0; --k) {
        const double ksquared = double(k * k);
        const double kspi = kPi * double(k);
        const double qpower = std::pow(q, ksquared);
        k2terms.push_back(ksquared * qpower);
        k3terms.push_back((sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpower);
    }
    K[2] += numpySum(k2terms) * (piSquared * sqrt2Pi / (-36 * zthree));
    K[3] += numpySum(k3terms) * (piSquared * sqrt2Pi / (216 * zsix));
    double sum = 0;
    for (int i = 0; i < 4; ++i)
        sum += K[i] / std::pow(double(n) * 1.0, double(i) / 2.0);
    return sum;
}

// _kolmogn(n, x, cdf=False) for 0 < x < 1.
double kolmogorovSf(int64_t n, double x) {
    const double t = double(n) * x;
    if (t <= 1.0) { // Ruben and Gambino: 1/(2n) < x ≤ 1/n
        if (t <= 0.5) return 1.0;
        double cdf;
        if (n <= 140) {
            cdf = 1.0;
            for (int64_t i = 1; i <= n; ++i)
                cdf *= double(i) * (1.0 / double(n)) * (2 * t - 1);
        } else {
            cdf = std::exp(logFactorialOverPower(n) + double(n) * std::log(2 * t - 1));
        }
        return clip01(1.0 - cdf);
    }
    if (t >= double(n - 1)) return clip01(2 * std::pow(1.0 - x, double(n)));
    if (x >= 0.5) return clip01(2 * smirnovSf(n, x));

    const double nxsquared = t * x;
    long double cdf;
    if (n <= 140) {
        if (nxsquared <= 0.754693)
            cdf = durbinCdf(n, x);
        else if (nxsquared <= 4)
            cdf = pomeranzCdf(n, x);
        else
            return clip01(2 * smirnovSf(n, x));
    } else {
        if (nxsquared >= 370.0) return 0.0;
        if (nxsquared >= 2.2) return clip01(2 * smirnovSf(n, x));
        if (n <= 100000 && double(n) * std::pow(x, 1.5) <= 1.4)
            cdf = durbinCdf(n, x);
        else
            cdf = pelzGoodCdf(n, x);
    }
    return clip01(double(1.0L - std::clamp<long double>(cdf, 0, 1)));
}

// ------------------------------------------------------------------------------------------
// The one-sided distribution

// log k! - (k log k - k + log(2πk)/2): the remainder of Stirling's formula, k ≥ 1.
long double stirlingRemainder(int64_t k) {
    const auto kl = (long double)(k);
    if (k >= 16) return detail::stirlingSeries(kl);
    long double factorial = 1;
    for (int64_t i = 2; i <= k; ++i)
        factorial *= (long double)(i);
    return std::log(factorial) - (kl * std::log(kl) - kl + std::log(2 * kPiL * kl) / 2);
}

} // namespace

double smirnovSf(int64_t n, double x) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0)) return kNaN;
    if (n == 1) return 1 - x;
    if (x == 0.0) return 1.0;
    if (x == 1.0) return 0.0;
    // floor(n·x) from the exact product; a remainder within rounding of 1 counts as whole, as
    // SciPy's double-double modNX has it.
    const double nd = double(n);
    const double product = nd * x;
    const double error = std::fma(nd, x, -product);
    double whole = std::floor(product);
    if (whole == product && error < 0) whole -= 1;
    double alpha = (product - whole) + error;
    if (alpha >= 1) {
        whole += 1;
        alpha = 0;
    }
    const auto nxfl = int64_t(whole);

    const auto xl = (long double)(x);
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) // x ≤ 1/n
        return clip01(double(1 - xl * std::pow(1 + xl, (long double)(n - 1))));
    if (double(-2 * n) * x * x < -745.1332191019412) return 0.0; // cephes MINLOG: underflow
    if (nxfl >= n - 1) return clip01(double(std::pow(1 - xl, (long double)(n))));
    if (n > 1000000) { // SciPy's approximation e^(-(6nx+1)²/18n) for huge n
        const double logp = -std::pow(6.0 * nd * x + 1, 2.0) / 18.0 / nd;
        return clip01(logp < -std::numbers::ln2 ? std::exp(logp) : 1 - (-std::expm1(logp)));
    }

    // Birnbaum and Tingey:
    //   P(D+_n ≥ x) = x Σ_{v=0}^{⌊n(1-x)⌋} C(n,v) (x+v/n)^(v-1) (1-x-v/n)^(n-v),
    // the last term dropped when n(1-x) is whole (it is zero). With a = nx each term is
    // C(n,v) (v+a)^(v-1) (n-v-a)^(n-v) / n^(n-1); its logarithm, with Stirling's formula for the
    // factorials, is written in parts of modest size so that long double keeps it accurate:
    //   log n - log(v+a) + v log1p(a/v) + (n-v) log1p(-a/(n-v)) + log(n / (2π v (n-v))) / 2
    //   + r(n) - r(v) - r(n-v),   r the Stirling remainder.
    const long double a = (long double)(nd)*xl;
    const auto nl = (long double)(n);
    const int64_t terms = n - nxfl;
    const long double rn = stirlingRemainder(n);
    long double sum = std::exp(nl * std::log1p(-xl) - std::log(xl)); // v = 0: (1-x)^n / x
    for (int64_t v = 1; v < terms; ++v) {
        const auto vl = (long double)(v), rest = (long double)(n - v);
        const long double logTerm = std::log(nl) - std::log(vl + a) + vl * std::log1p(a / vl) +
                                    rest * std::log1p(-a / rest) +
                                    std::log(nl / (2 * kPiL * vl * rest)) / 2 + rn -
                                    stirlingRemainder(v) - stirlingRemainder(n - v);
        const long double term = std::exp(logTerm);
        sum += term;
        // SciPy's stopping rule: the terms left cannot reach the last bit of the sum.
        if (term > 0 && 4 * (long double)(terms - v) * term < kEpsilon * sum) break;
        if (term == 0 && v > n / 2) break;
    }
    return clip01(double(xl * sum));
}

double kstwoSf(double d, double n) {
    if (std::isnan(d) || !(n >= 1) || std::isinf(n) || n != std::floor(n)) return kNaN;
    if (d <= 0.5 / n) return 1.0; // the support of kstwo is [1/(2n), 1]
    if (d >= 1.0) return 0.0;
    return kolmogorovSf(int64_t(n), d);
}

KsResult ks2samp(std::span<const double> a, std::span<const double> b) {
    if (a.empty() || b.empty()) return {kNaN, kNaN, false};
    std::vector<double> x(a.begin(), a.end()), y(b.begin(), b.end());
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    const size_t n1 = x.size(), n2 = y.size();

    // F_a - F_b at every pooled value, each CDF counting the values ≤ it.
    double maxDiff = -std::numeric_limits<double>::infinity();
    double minDiff = std::numeric_limits<double>::infinity();
    for (size_t i = 0, j = 0; i < n1 || j < n2;) {
        const double value = (j >= n2 || (i < n1 && x[i] <= y[j])) ? x[i] : y[j];
        while (i < n1 && x[i] <= value)
            ++i;
        while (j < n2 && y[j] <= value)
            ++j;
        const double diff = double(i) / double(n1) - double(j) / double(n2);
        maxDiff = std::max(maxDiff, diff);
        minDiff = std::min(minDiff, diff);
    }
    const double minS = std::clamp(-minDiff, 0.0, 1.0);
    double d = minS > maxDiff ? minS : maxDiff;

    const auto m = int64_t(std::max(n1, n2)), n = int64_t(std::min(n1, n2));
    if (m <= 10000) {
        const int64_t g = std::gcd(m, n);
        const int64_t lcm = (int64_t(n1) / g) * int64_t(n2);
        const auto h = int64_t(std::nearbyint(d * double(lcm)));
        d = double(h) * 1.0 / double(lcm);
        if (h == 0) return {d, 1.0, true};
        const double prob = n1 == n2 ? probOutsideSquare(m, h) : probOutsideLattice(m, n, g, h);
        if (prob >= 0 && prob <= 1) return {d, prob, true};
    }
    // Asymptotic, also where the exact value failed (it never does for two-sided in practice).
    const double en = double(m) * double(n) / (double(m) + double(n));
    return {d, clip01(kstwoSf(d, std::nearbyint(en))), false};
}

} // namespace oficina::core::monitor

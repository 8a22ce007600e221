#pragma once

// Numerical helpers of the drift statistics. Internal to core/monitor.

#include <cstddef>
#include <span>

namespace oficina::core::monitor::detail {

/// NumPy's float64 summation (np.sum, np.mean, the sums inside SciPy): pairwise in blocks of
/// 128 with eight running sums each (numpy/core/src/umath/loops_utils.h.src, NumPy 1.24). The
/// drift statistics sum in the same order so that their last bits agree with NumPy's.
inline double pairwiseSum(std::span<const double> a) {
    const size_t n = a.size();
    if (n < 8) {
        double sum = 0.0;
        for (double v : a)
            sum += v;
        return sum;
    }
    if (n <= 128) {
        double r[8];
        for (size_t j = 0; j < 8; ++j)
            r[j] = a[j];
        size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (size_t j = 0; j < 8; ++j)
                r[j] += a[i + j];
        double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            sum += a[i];
        return sum;
    }
    size_t half = n / 2;
    half -= half % 8;
    return pairwiseSum(a.first(half)) + pairwiseSum(a.subspan(half));
}

/// B_2j / (2j (2j - 1)), j = 8 … 1, highest first: the coefficients of Stirling's series for
/// log Γ. These fractions round to the same doubles as SciPy's _STIRLING_COEFFS.
inline constexpr double kStirlingCoefficients[] = {
    -3617.0 / 122400.0, 1.0 / 156.0,  -691.0 / 360360.0, 1.0 / 1188.0,
    -1.0 / 1680.0,      1.0 / 1260.0, -1.0 / 360.0,      1.0 / 12.0};

/// Σ_j B_2j / (2j (2j - 1) z^(2j - 1)): log Γ(z) - ((z - 1/2) log z - z + log(2π)/2), to
/// 1e-21 for z ≥ 16.
inline long double stirlingSeries(long double z) {
    constexpr long double c[] = {-3617.0L / 122400.0L, 1.0L / 156.0L,   -691.0L / 360360.0L,
                                 1.0L / 1188.0L,       -1.0L / 1680.0L, 1.0L / 1260.0L,
                                 -1.0L / 360.0L,       1.0L / 12.0L};
    const long double w = 1 / (z * z);
    long double poly = 0;
    for (long double ci : c)
        poly = poly * w + ci;
    return poly / z;
}

} // namespace oficina::core::monitor::detail

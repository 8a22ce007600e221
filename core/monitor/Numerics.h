#pragma once

// Numerical helpers of the drift statistics. Internal to core/monitor.

#include <cstddef>
#include <span>

#include "util/NumpySum.h"

namespace oficina::core::monitor::detail {

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

#pragma once

#include <cstddef>
#include <span>

namespace oficina::core {

/// NumPy's float64 summation (np.sum, np.mean, add.reduce on a contiguous array, the sums
/// inside SciPy and scikit-learn): pairwise in blocks of 128 with eight running sums each
/// (numpy/core/src/umath/loops_utils.h.src, NumPy 1.24). Code that must agree with them in the
/// last bits sums in the same order: the power transform's likelihood, the drift statistics.
inline double numpySum(std::span<const double> a) {
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
    return numpySum(a.first(half)) + numpySum(a.subspan(half));
}

} // namespace oficina::core

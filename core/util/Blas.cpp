#include "util/Blas.h"

#include <cblas.h>

#include <cassert>
#include <mutex>

// Exported by OpenBLAS only; null under another BLAS, which then keeps its own threading.
extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace oficina::core::blas {

void useOneThreadPerCall() {
    static std::once_flag singleThreaded;
    std::call_once(singleThreaded, [] {
        if (openblas_set_num_threads) openblas_set_num_threads(1);
    });
}

void multiply(const Eigen::Ref<const Eigen::MatrixXd>& a, bool transposeA,
              const Eigen::Ref<const Eigen::MatrixXd>& b, bool transposeB,
              Eigen::Ref<Eigen::MatrixXd> out) {
    useOneThreadPerCall();
    const Eigen::Index m = transposeA ? a.cols() : a.rows();
    const Eigen::Index k = transposeA ? a.rows() : a.cols();
    const Eigen::Index n = transposeB ? b.rows() : b.cols();
    assert(out.rows() == m && out.cols() == n && (transposeB ? b.cols() : b.rows()) == k);
    if (m == 0 || n == 0) return;
    if (k == 0) {
        out.setZero();
        return;
    }
    cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans, int(m), int(n), int(k), 1.0, a.data(),
                int(a.outerStride()), b.data(), int(b.outerStride()), 0.0, out.data(),
                int(out.outerStride()));
}

} // namespace oficina::core::blas

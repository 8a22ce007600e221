#pragma once

#include <Eigen/Core>

namespace oficina::core::blas {

/// out = op(a) · op(b), where op transposes when asked, through the system BLAS (OpenBLAS once
/// packaging/install-deps.sh has run). Its kernels use the CPU's full vector width; Eigen's are
/// compiled for baseline x86-64, which makes the distance products of k-NN and K-Means 2-3x
/// slower. Blocks (middleRows, topLeftCorner) are fine: only the inner stride must be 1.
///
/// The loops that call this run their own threads, so the first call sets OpenBLAS to one
/// thread per call (two levels of threads on two cores only fight). Code that wants BLAS's own
/// threads (one big product from one thread) sets them itself.
void multiply(const Eigen::Ref<const Eigen::MatrixXd>& a, bool transposeA,
              const Eigen::Ref<const Eigen::MatrixXd>& b, bool transposeB,
              Eigen::Ref<Eigen::MatrixXd> out);

/// Sets OpenBLAS to one thread per call, once per process. LibTorch's CPU kernels call BLAS
/// from its own OpenMP threads: a second level of BLAS threads on two cores made an MLP epoch
/// 2-5x slower here.
void useOneThreadPerCall();

} // namespace oficina::core::blas

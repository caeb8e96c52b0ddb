// The one hot numeric kernel: a plain matrix product with a fixed summation order, so native
// and WebAssembly builds produce the same bits (Eigen's blocked GEMM picks its order by cache size).
#pragma once

#include "engine/tensor.hpp"

namespace ae {

Matrix matmul_values(const Matrix& a, const Matrix& b);   // (m,k) x (k,n) -> (m,n)
// The same product over raw column-major storage, written into `c` (no allocation): a is (m, depth),
// b is (depth, n), c is (m, n); c must not overlap a or b.
void matmul_into(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n);

}  // namespace ae

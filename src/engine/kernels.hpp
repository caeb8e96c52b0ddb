// The one hot numeric kernel: a plain matrix product with a fixed summation order, so native
// and WebAssembly builds produce the same bits (Eigen's blocked GEMM picks its order by cache size).
#pragma once

#include "engine/tensor.hpp"

namespace ae {

Matrix matmul_values(const Matrix& a, const Matrix& b);   // (m,k) x (k,n) -> (m,n)

// Add: c += a . b, the product summed first (the same bits as computing it, then adding it).
enum class Store { Write, Add };
// The same product over raw column-major storage, into `c` (no allocation): a is (m, depth),
// b is (depth, n), c is (m, n); c must not overlap a or b.
void matmul_into(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n,
                 Store store = Store::Write);
// c = a . bt^T (or +=) with bt (n, depth): the same sums as matmul_into over an explicit transpose.
void matmul_bt_into(const double* a, const double* bt, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n,
                    Store store = Store::Write);

}  // namespace ae

// The one hot numeric kernel: a plain matrix product with a fixed summation order, so native
// and WebAssembly builds produce the same bits (Eigen's blocked GEMM picks its order by cache size).
#pragma once

#include "engine/tensor.hpp"

namespace ae {

Matrix matmul_values(const Matrix& a, const Matrix& b);   // (m,k) x (k,n) -> (m,n)

}  // namespace ae

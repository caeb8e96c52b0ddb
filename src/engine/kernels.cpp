// Column-major product: C(:, j) += A(:, k) * B(k, j) for k in order. Each entry of C sums its
// k terms in the same order on every platform; the inner loop over rows vectorises cleanly.
#include "engine/kernels.hpp"

namespace ae {

Matrix matmul_values(const Matrix& a, const Matrix& b) {
    const Eigen::Index m = a.rows(), depth = a.cols(), n = b.cols();
    Matrix c = Matrix::Zero(m, n);
    const double* pa = a.data();
    const double* pb = b.data();
    double* pc = c.data();
    for (Eigen::Index j = 0; j < n; ++j) {
        double* cj = pc + j * m;
        for (Eigen::Index k = 0; k < depth; ++k) {
            const double bkj = pb[j * depth + k];
            const double* ak = pa + k * m;
            for (Eigen::Index i = 0; i < m; ++i) cj[i] += ak[i] * bkj;
        }
    }
    return c;
}

}  // namespace ae

// Column-major product C = A · B in 4x4 register blocks: each block of C is accumulated over the
// whole depth in registers, then stored once. Every entry of C still sums its k terms in order
// from 0, so the result is the same bits on every platform (and as the plain triple loop). The
// block is written with pairs of doubles (SSE2 natively, simd128 in WebAssembly): a pair holds two
// rows of one column of C, so the pairing changes no sum, and both compilers emit the same plain
// multiply then add (-ffp-contract=off) instead of guessing at a vectorisation of their own.
#include "engine/kernels.hpp"

#include <algorithm>
#include <cstring>

namespace ae {
namespace {

constexpr Eigen::Index kBlock = 4;

typedef double Pair __attribute__((vector_size(16)));   // GCC and Clang vector extension
inline Pair load_pair(const double* p) {
    Pair v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store_pair(double* p, Pair v) { std::memcpy(p, &v, sizeof v); }

// One full 4x4 block of C at (i0, j0).
inline void block4x4(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth,
                     Eigen::Index i0, Eigen::Index j0) {
    Pair acc[kBlock][2] = {};   // acc[jj][p] = C(i0 + 2p .. i0 + 2p + 1, j0 + jj)
    for (Eigen::Index k = 0; k < depth; ++k) {
        const double* ak = a + k * m + i0;
        const Pair low = load_pair(ak), high = load_pair(ak + 2);
        for (Eigen::Index jj = 0; jj < kBlock; ++jj) {
            const double bkj = b[(j0 + jj) * depth + k];
            const Pair both = {bkj, bkj};
            acc[jj][0] += low * both;
            acc[jj][1] += high * both;
        }
    }
    for (Eigen::Index jj = 0; jj < kBlock; ++jj) {
        store_pair(c + (j0 + jj) * m + i0, acc[jj][0]);
        store_pair(c + (j0 + jj) * m + i0 + 2, acc[jj][1]);
    }
}

// Any block at the edges, entry by entry in the same order.
inline void edge(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index i0,
                 Eigen::Index i1, Eigen::Index j0, Eigen::Index j1) {
    for (Eigen::Index j = j0; j < j1; ++j)
        for (Eigen::Index i = i0; i < i1; ++i) {
            double sum = 0;
            for (Eigen::Index k = 0; k < depth; ++k) sum += a[k * m + i] * b[j * depth + k];
            c[j * m + i] = sum;
        }
}

}  // namespace

void matmul_into(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n) {
    const Eigen::Index m4 = m - m % kBlock, n4 = n - n % kBlock;
    for (Eigen::Index j0 = 0; j0 < n4; j0 += kBlock)
        for (Eigen::Index i0 = 0; i0 < m4; i0 += kBlock) block4x4(a, b, c, m, depth, i0, j0);
    edge(a, b, c, m, depth, m4, m, 0, n);     // the last rows, every column
    edge(a, b, c, m, depth, 0, m4, n4, n);    // the last columns, the other rows
}

Matrix matmul_values(const Matrix& a, const Matrix& b) {
    Matrix c(a.rows(), b.cols());
    matmul_into(a.data(), b.data(), c.data(), a.rows(), a.cols(), b.cols());
    return c;
}

}  // namespace ae

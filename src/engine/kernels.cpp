// Column-major product C = A · B in register blocks of 8 (or 4) rows by 4 columns: each block of C is accumulated over the
// whole depth in registers, then stored once. Every entry of C still sums its k terms in order
// from 0, so the result is the same bits on every platform (and as the plain triple loop). The
// block is written with pairs of doubles (SSE2 natively, simd128 in WebAssembly): a pair holds two
// rows of one column of C, so the pairing changes no sum, and both compilers emit the same plain
// multiply then add (-ffp-contract=off) instead of guessing at a vectorisation of their own.
#include "engine/kernels.hpp"

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

// One full block of C at (i0, j0): kRows rows (8, or 4 where fewer are left) by 4 columns.
template <int kRows>
inline void block(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth,
                  Eigen::Index i0, Eigen::Index j0) {
    constexpr int kPairs = kRows / 2;
    Pair acc[kBlock][kPairs] = {};   // acc[jj][p] = C(i0 + 2p .. i0 + 2p + 1, j0 + jj)
    for (Eigen::Index k = 0; k < depth; ++k) {
        const double* ak = a + k * m + i0;
        Pair column[kPairs];
        for (int p = 0; p < kPairs; ++p) column[p] = load_pair(ak + 2 * p);
        for (Eigen::Index jj = 0; jj < kBlock; ++jj) {
            const double bkj = b[(j0 + jj) * depth + k];
            const Pair both = {bkj, bkj};
            for (int p = 0; p < kPairs; ++p) acc[jj][p] += column[p] * both;
        }
    }
    for (Eigen::Index jj = 0; jj < kBlock; ++jj)
        for (int p = 0; p < kPairs; ++p) store_pair(c + (j0 + jj) * m + i0 + 2 * p, acc[jj][p]);
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
    const Eigen::Index m8 = m - m % 8, m4 = m - m % kBlock, n4 = n - n % kBlock;
    for (Eigen::Index j0 = 0; j0 < n4; j0 += kBlock) {
        for (Eigen::Index i0 = 0; i0 < m8; i0 += 8) block<8>(a, b, c, m, depth, i0, j0);
        if (m4 > m8) block<4>(a, b, c, m, depth, m8, j0);
    }
    edge(a, b, c, m, depth, m4, m, 0, n);     // the last rows, every column
    edge(a, b, c, m, depth, 0, m4, n4, n);    // the last columns, the other rows
}

Matrix matmul_values(const Matrix& a, const Matrix& b) {
    Matrix c(a.rows(), b.cols());
    matmul_into(a.data(), b.data(), c.data(), a.rows(), a.cols(), b.cols());
    return c;
}

}  // namespace ae

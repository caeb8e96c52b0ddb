// Column-major product C = A · B in register blocks of 8 (or 4, or 2) rows by 2 columns: each
// block of C is accumulated over the whole depth in registers, then stored (or added to C) once; B
// may be read from its transpose, which changes which address holds B(k, j) and nothing else.
// Every entry of C still sums its k terms in order from 0, so the result is the same bits on every
// platform (and as the plain triple loop). The block is written with pairs of doubles (engine/
// pairs.hpp): a pair holds two rows of one column of C, so the pairing changes no sum.
#include "engine/kernels.hpp"

#include "engine/pairs.hpp"

namespace ae {
namespace {

// 2 columns: 8 pairs of accumulators, 4 of A and a B fit in 16 vector registers (x86-64 without
// AVX; V8 keeps one for itself), where 8 x 4 blocks need 21; in WebAssembly 8 x 2 measured a few
// per cent faster, and leaves fewer columns to the scalar edge.
constexpr Eigen::Index kBlock = 2;

// B(k, j) of b (depth, n) column-major, or of b given transposed (n, depth).
template <bool kTransposedB>
inline double b_at(const double* b, Eigen::Index depth, Eigen::Index n, Eigen::Index k, Eigen::Index j) {
    return kTransposedB ? b[k * n + j] : b[j * depth + k];
}

template <Store kStore>
inline void put(double* c, double sum) {
    if (kStore == Store::Add) *c += sum;
    else *c = sum;
}
template <Store kStore>
inline void put_pair(double* c, Pair sum) {
    store_pair(c, kStore == Store::Add ? load_pair(c) + sum : sum);
}

// One full block of C at (i0, j0): kRows rows (8, or 4 or 2 where fewer are left) by kBlock columns.
template <int kRows, bool kTransposedB, Store kStore>
inline void block(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n,
                  Eigen::Index i0, Eigen::Index j0) {
    constexpr int kPairs = kRows / 2;
    Pair acc[kBlock][kPairs] = {};   // acc[jj][p] = C(i0 + 2p .. i0 + 2p + 1, j0 + jj)
    for (Eigen::Index k = 0; k < depth; ++k) {
        const double* ak = a + k * m + i0;
        Pair column[kPairs];
        for (int p = 0; p < kPairs; ++p) column[p] = load_pair(ak + 2 * p);
        for (Eigen::Index jj = 0; jj < kBlock; ++jj) {
            const Pair bkj = both(b_at<kTransposedB>(b, depth, n, k, j0 + jj));
            for (int p = 0; p < kPairs; ++p) acc[jj][p] += column[p] * bkj;
        }
    }
    for (Eigen::Index jj = 0; jj < kBlock; ++jj)
        for (int p = 0; p < kPairs; ++p) put_pair<kStore>(c + (j0 + jj) * m + i0 + 2 * p, acc[jj][p]);
}

// Any block at the edges, entry by entry in the same order.
template <bool kTransposedB, Store kStore>
inline void edge(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n,
                 Eigen::Index i0, Eigen::Index i1, Eigen::Index j0, Eigen::Index j1) {
    for (Eigen::Index j = j0; j < j1; ++j)
        for (Eigen::Index i = i0; i < i1; ++i) {
            double sum = 0;
            for (Eigen::Index k = 0; k < depth; ++k) sum += a[k * m + i] * b_at<kTransposedB>(b, depth, n, k, j);
            put<kStore>(c + j * m + i, sum);
        }
}

template <bool kTransposedB, Store kStore>
void product(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n) {
    const Eigen::Index m8 = m - m % 8, m4 = m - m % 4, m2 = m - m % 2, n2 = n - n % kBlock;
    for (Eigen::Index j0 = 0; j0 < n2; j0 += kBlock) {
        for (Eigen::Index i0 = 0; i0 < m8; i0 += 8) block<8, kTransposedB, kStore>(a, b, c, m, depth, n, i0, j0);
        if (m4 > m8) block<4, kTransposedB, kStore>(a, b, c, m, depth, n, m8, j0);
        if (m2 > m4) block<2, kTransposedB, kStore>(a, b, c, m, depth, n, m4, j0);
    }
    edge<kTransposedB, kStore>(a, b, c, m, depth, n, m2, m, 0, n);     // the last row, every column
    edge<kTransposedB, kStore>(a, b, c, m, depth, n, 0, m2, n2, n);    // the last column, the other rows
}

}  // namespace

void matmul_into(const double* a, const double* b, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n,
                 Store store) {
    if (store == Store::Add) product<false, Store::Add>(a, b, c, m, depth, n);
    else product<false, Store::Write>(a, b, c, m, depth, n);
}

void matmul_bt_into(const double* a, const double* bt, double* c, Eigen::Index m, Eigen::Index depth, Eigen::Index n,
                    Store store) {
    if (store == Store::Add) product<true, Store::Add>(a, bt, c, m, depth, n);
    else product<true, Store::Write>(a, bt, c, m, depth, n);
}

Matrix matmul_values(const Matrix& a, const Matrix& b) {
    Matrix c(a.rows(), b.cols());
    matmul_into(a.data(), b.data(), c.data(), a.rows(), a.cols(), b.cols());
    return c;
}

}  // namespace ae

// Pairs of doubles (SSE2 natively, simd128 in WebAssembly) for loops whose elements are independent:
// each lane goes through the same IEEE operations in the same order as one element at a time (no
// fused multiply-add: -ffp-contract=off), so a loop written with pairs gives the same bits.
#pragma once

#include <cstring>

namespace ae {

typedef double Pair __attribute__((vector_size(16)));   // GCC and Clang vector extension
typedef long long Bits __attribute__((vector_size(16)));   // a Pair's bits, or a comparison's lanes

inline Pair load_pair(const double* p) {
    Pair v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store_pair(double* p, Pair v) { std::memcpy(p, &v, sizeof v); }
inline Pair both(double x) { return Pair{x, x}; }
inline Bits bits_of(Pair v) {
    Bits b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}
inline Pair pair_of(Bits b) {
    Pair v;
    std::memcpy(&v, &b, sizeof v);
    return v;
}

}  // namespace ae

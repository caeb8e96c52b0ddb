// Range reduction to a small interval, then a fixed polynomial evaluated in a fixed order.
#include "engine/exact_math.hpp"

#include "engine/pairs.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>

namespace ae {
namespace {
// ln 2 split so that k * kLn2Hi is exact for |k| < 2^11 (Cody and Waite).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
// 1/13!, 1/12!, …, 1/2! (the decimal literals round to the same doubles on every compiler)
constexpr double kInverseFactorials[] = {1.6059043836821613e-10, 2.08767569878681e-09, 2.505210838544172e-08, 2.755731922398589e-07, 2.7557319223985893e-06, 2.48015873015873e-05, 0.0001984126984126984, 0.001388888888888889, 0.008333333333333333, 0.041666666666666664, 0.16666666666666666, 0.5};
// Adding then subtracting 1.5 * 2^52 rounds |y| < 2^51 to an integer, ties to even (nearbyint)
constexpr double kRoundingShift = 6755399441055744.0;

// exact_exp of the 2 * kPairs numbers at x, in place, where all of them take its main path (x in
// range, 2^k a normal number): the same operations lane by lane, the pairs interleaved (Horner's
// rule is a chain of dependent steps). Returns false, with x unchanged, otherwise.
template <int kPairs>
bool exp_pairs(double* x) {
    Pair k[kPairs], r[kPairs], p[kPairs];
    for (int i = 0; i < kPairs; ++i) {
        const Pair v = load_pair(x + 2 * i);
        k[i] = (v * kInvLn2 + kRoundingShift) - kRoundingShift;
        const Bits in_range = (v >= -745.1332191019412) & (v <= 709.782712893384) & (k[i] >= -1022.0) & (k[i] <= 1023.0);
        if (!(in_range[0] && in_range[1])) return false;
        r[i] = (v - k[i] * kLn2Hi) - k[i] * kLn2Lo;
        p[i] = both(kInverseFactorials[0]);
    }
    for (size_t n = 1; n < std::size(kInverseFactorials); ++n)
        for (int i = 0; i < kPairs; ++i) p[i] = p[i] * r[i] + kInverseFactorials[n];
    for (int i = 0; i < kPairs; ++i) {
        p[i] = p[i] * r[i] + 1.0;
        p[i] = p[i] * r[i] + 1.0;
        // 2^k from its bits: k + 1023 + 2^52 holds k + 1023 in its low bits, shifted into the exponent
        const Pair scale = pair_of(bits_of(k[i] + (1023.0 + 4503599627370496.0)) << 52);
        store_pair(x + 2 * i, p[i] * scale);
    }
    return true;
}
}  // namespace

void exact_exp_each(double* x, std::ptrdiff_t n) {
    std::ptrdiff_t i = 0;
    for (; i + 8 <= n; i += 8)
        if (!exp_pairs<4>(x + i))
            for (std::ptrdiff_t j = i; j < i + 8; ++j) x[j] = exact_exp(x[j]);
    for (; i + 2 <= n; i += 2)
        if (!exp_pairs<1>(x + i))
            for (std::ptrdiff_t j = i; j < i + 2; ++j) x[j] = exact_exp(x[j]);
    for (; i < n; ++i) x[i] = exact_exp(x[i]);
}

double exact_exp(double x) {
    if (std::isnan(x)) return x;
    if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
    if (x < -745.1332191019412) return 0.0;
    // x = k ln2 + r, |r| <= ln2 / 2
    const double k = std::nearbyint(x * kInvLn2);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    // e^r by its Taylor series to r^13 (the first term left out is below 1e-17 relative), Horner
    double p = kInverseFactorials[0];
    for (size_t n = 1; n < std::size(kInverseFactorials); ++n) p = p * r + kInverseFactorials[n];
    p = p * r + 1.0;
    p = p * r + 1.0;
    const int e = static_cast<int>(k);
    if (e < -1022 || e > 1023) return std::ldexp(p, e);   // subnormal or near-overflow results
    // 2^e built from its bits: an exact scaling, cheaper than ldexp
    const std::uint64_t bits = static_cast<std::uint64_t>(e + 1023) << 52;
    double scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

double exact_log(double x) {
    if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (std::isinf(x)) return x;
    // x = m 2^e with m in [sqrt(1/2), sqrt(2))
    int e = 0;
    double m = std::frexp(x, &e);   // m in [0.5, 1)
    if (m < 0.7071067811865476) {
        m *= 2;
        --e;
    }
    // log m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1) / (m + 1), |s| < 0.1716
    const double s = (m - 1) / (m + 1), s2 = s * s;
    double series = 1.0 / 23;
    for (int n = 21; n >= 1; n -= 2) series = series * s2 + 1.0 / n;
    const double log_m = 2 * s * series;
    return (e * kLn2Hi + log_m) + e * kLn2Lo;
}

}  // namespace ae

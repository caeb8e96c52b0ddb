// Range reduction to a small interval, then a fixed polynomial evaluated in a fixed order.
#include "engine/exact_math.hpp"

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
}  // namespace

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

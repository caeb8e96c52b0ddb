// splitmix64 for raw bits; uniforms from the top 53 bits; Gaussians by the polar method, which
// needs only log (the project's exact_log) and sqrt (no cos/sin, whose last bits differ between C libraries).
#include "engine/rng.hpp"

#include "engine/exact_math.hpp"

#include <cmath>

namespace ae {

Rng::Rng(std::uint64_t seed) : state_(seed) {}

std::uint64_t Rng::next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

std::uint64_t Rng::below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;   // reject the uneven tail
    std::uint64_t x;
    do x = next_u64(); while (x >= limit);
    return x % n;
}

double Rng::gaussian() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    double u, v, s;
    do {
        u = uniform(-1.0, 1.0);
        v = uniform(-1.0, 1.0);
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * exact_log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
}

Matrix Rng::gaussian_matrix(Eigen::Index rows, Eigen::Index cols, double stddev) {
    Matrix m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = stddev * gaussian();
    return m;
}

Matrix Rng::uniform_matrix(Eigen::Index rows, Eigen::Index cols, double lo, double hi) {
    Matrix m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = uniform(lo, hi);
    return m;
}

}  // namespace ae

// The project's own seeded random numbers: the same seed gives the same bits natively and in
// WebAssembly (std::*_distribution differ between libstdc++ and libc++, so none is used).
#pragma once

#include "engine/tensor.hpp"

#include <cstdint>

namespace ae {

class Rng {
public:
    explicit Rng(std::uint64_t seed);
    std::uint64_t next_u64();                       // splitmix64
    double uniform();                               // [0, 1), 53 random bits
    double uniform(double lo, double hi);           // [lo, hi)
    std::uint64_t below(std::uint64_t n);           // [0, n), unbiased
    double gaussian();                              // N(0, 1), Marsaglia's polar method
    Matrix gaussian_matrix(Eigen::Index rows, Eigen::Index cols, double stddev);
    Matrix uniform_matrix(Eigen::Index rows, Eigen::Index cols, double lo, double hi);

private:
    std::uint64_t state_;
    double spare_ = 0;
    bool has_spare_ = false;
};

}  // namespace ae

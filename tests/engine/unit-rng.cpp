// The project's RNG: reproducible bits, sane uniform and Gaussian statistics.
#include "engine/rng.hpp"

#include <doctest/doctest.h>

using namespace ae;

TEST_CASE("same seed, same numbers, known first value of splitmix64") {
    Rng a(1234), b(1234), c(1235);
    CHECK(Rng(0).next_u64() == 0xE220A8397B1DCDAFull);   // splitmix64's published first output for seed 0
    for (int i = 0; i < 100; ++i) CHECK(a.gaussian() == b.gaussian());
    CHECK(Rng(1234).uniform() != c.uniform());
}

TEST_CASE("uniform and below stay in range") {
    Rng rng(7);
    for (int i = 0; i < 10000; ++i) {
        const double u = rng.uniform();
        CHECK((u >= 0 && u < 1));
        CHECK(rng.below(7) < 7);
    }
}

TEST_CASE("Gaussian draws have mean 0 and variance 1") {
    Rng rng(42);
    const int n = 200000;
    double s = 0, s2 = 0;
    for (int i = 0; i < n; ++i) {
        const double g = rng.gaussian();
        s += g;
        s2 += g * g;
    }
    CHECK(std::abs(s / n) < 0.01);
    CHECK(s2 / n == doctest::Approx(1).epsilon(0.01));
}

TEST_CASE("weight matrices: shape and scale") {
    Rng rng(3);
    const Matrix w = rng.gaussian_matrix(64, 64, 0.1);
    CHECK(w.rows() == 64);
    CHECK(w.cols() == 64);
    const double stddev = std::sqrt(w.array().square().mean());
    CHECK(stddev == doctest::Approx(0.1).epsilon(0.05));
}

// exact_exp and exact_log: within 2 ulp of the C library across their ranges, and the edges.
#include "engine/exact_math.hpp"
#include "engine/rng.hpp"
#include "support/approx.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace ae;

namespace {
double ulps(double a, double b) { return std::abs(a - b) / std::abs(std::nextafter(b, INFINITY) - b); }
}  // namespace

TEST_CASE("exact_exp agrees with std::exp to 2 ulp") {
    Rng rng(5);
    double worst = 0;
    for (int i = 0; i < 200000; ++i) {
        const double x = rng.uniform(-700, 700) * (i % 2 ? 1 : 1e-3);
        worst = test::nan_max(worst, ulps(exact_exp(x), std::exp(x)));
    }
    MESSAGE("worst exp error ", worst, " ulp");
    CHECK(worst <= 2);
    CHECK(exact_exp(0) == 1);
    CHECK(ulps(exact_exp(1), std::exp(1.0)) <= 1);
    CHECK(exact_exp(710) == std::numeric_limits<double>::infinity());
    CHECK(exact_exp(-746) == 0);
    CHECK(exact_exp(-740) > 0);   // subnormal results
    CHECK(std::isnan(exact_exp(std::nan(""))));
}

TEST_CASE("exact_exp_each gives exact_exp's bits, edges included, wherever they fall in its pairs") {
    Rng rng(7);
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> edges = {0.0, -0.0, std::nan(""), inf, -inf, 709.78, 709.79, -745.1, -745.2, -740, -708.5, 1e-300, -1e-17};
    for (int offset = 0; offset < 9; ++offset) {   // each edge lands in a group of 8, a pair and the tail
        std::vector<double> x;
        for (int i = 0; i < 40 + offset; ++i) x.push_back(rng.uniform(-30, 5) * (i % 3 ? 1 : 20));
        for (size_t e = 0; e < edges.size(); ++e) x[(static_cast<size_t>(offset) + 3 * e) % x.size()] = edges[e];
        std::vector<double> y = x;
        exact_exp_each(y.data(), static_cast<std::ptrdiff_t>(y.size()));
        int differing = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            const double one = exact_exp(x[i]);
            differing += std::memcmp(&one, &y[i], sizeof one) != 0;
        }
        CAPTURE(offset);
        CHECK(differing == 0);
    }
}

TEST_CASE("exact_log agrees with std::log to 2 ulp") {
    Rng rng(6);
    double worst = 0;
    for (int i = 0; i < 200000; ++i) {
        const double x = std::exp(rng.uniform(-700, 700));
        worst = test::nan_max(worst, ulps(exact_log(x), std::log(x)));
    }
    MESSAGE("worst log error ", worst, " ulp");
    CHECK(worst <= 2);
    CHECK(exact_log(1) == 0);
    CHECK(exact_log(0) == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(exact_log(-1)));
    CHECK(exact_log(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
    CHECK(exact_log(5e-324) == doctest::Approx(std::log(5e-324)));
}

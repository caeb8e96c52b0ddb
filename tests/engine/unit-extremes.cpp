// Numerical extremes: scores of ±1e300 through every normaliser, overflow, d = 1, n = 1, n = 512.
#include "attention/attention.hpp"
#include "engine/rng.hpp"
#include "support/approx.hpp"

#include <chrono>

using namespace ae;
using namespace ae::test;

namespace {
AttentionOptions with(const char* normalize) {
    AttentionOptions o;
    o.normalize = parse_normalizer(normalize);
    return o;
}
}  // namespace

TEST_CASE("scores of +-1e300 through every normaliser: finite and right, or a clear error") {
    const Tensor q = constant(row({1e150})), k = constant(rows({{1e150}, {-1e150}, {1}})), v = constant(rows({{1, 2}, {3, 4}, {5, 6}}));
    for (const std::string n : {"softmax", "scaled-softmax", "hard"}) {
        CAPTURE(n);
        const auto a = attend(q, k, v, with(n.c_str()));
        CHECK_MATRIX_NEAR(a.scores->value / 1e300, row({1, -1, 1e-150}), 1e-15);
        CHECK_MATRIX_NEAR(a.weights->value, row({1, 0, 0}), 0);
        CHECK_MATRIX_NEAR(a.output->value, row({1, 2}), 0);
    }
    // divide-by-sum: 1e300 and -1e300 nearly cancel, leaving weights of order 1e150
    const auto sum = attend(q, k, v, with("sum"));
    CHECK(sum.weights->value.allFinite());
    CHECK(sum.weights->value(0, 0) == doctest::Approx(1e300 / 1e150));
    const Tensor cancel = constant(rows({{1e150}, {-1e150}}));
    CHECK_THROWS_WITH_AS(attend(q, cancel, constant(rows({{1}, {2}})), with("sum")),
                         "attention: the scores of query 1 add up to 0, so they cannot be divided by their sum", std::invalid_argument);
    // gradients stay finite under softmax even at these scores
    const Tensor qi = input(row({1e150})), ki = input(rows({{1e150}, {-1e150}, {1}}));
    backward(ae::sum(attend(qi, ki, v).output));
}

TEST_CASE("overflow is an error, not inf or NaN") {
    CHECK_THROWS_WITH_AS(attend(constant(row({1e200})), constant(rows({{1e200}})), constant(rows({{1}}))),
                         "attention: a score is too large for a number to hold (a query times a key exceeds 1.8e308); "
                         "make the queries or keys smaller",
                         std::invalid_argument);
    // divide-by-sum of scores (-1, 3) weighs by (-0.5, 1.5): a convex blend no more, so it can overflow
    CHECK_THROWS_WITH_AS(attend(constant(row({1})), constant(rows({{-1}, {3}})), constant(rows({{0}, {1.7e308}})), with("sum")),
                         doctest::Contains("attention: the output is too large for a number to hold (the weighted sum of the values exceeds "
                         "1.8e308); make the values smaller"), std::invalid_argument);
    // denormals are ordinary numbers
    const auto tiny = attend(constant(row({5e-324})), constant(rows({{5e-324}, {1}})), constant(rows({{1}, {2}})));
    CHECK(tiny.weights->value.allFinite());
}

TEST_CASE("d = 1, n = 1") {
    const auto a = attend(input(row({2})), input(rows({{3}})), input(rows({{4}})));
    CHECK_MATRIX_NEAR(a.weights->value, row({1}), 0);
    CHECK_MATRIX_NEAR(a.output->value, row({4}), 0);
    for (const char* n : {"softmax", "scaled-softmax", "sum", "hard"}) CHECK(attend(constant(row({2})), constant(rows({{3}})), constant(rows({{4}})), with(n)).output->value(0, 0) == 4);
}

TEST_CASE("n = 512 tokens: causal self-attention and its backward") {
    Rng rng(8);
    const auto x = input(rng.gaussian_matrix(512, 16, 1.0)), w = input(rng.gaussian_matrix(16, 16, 0.25));
    AttentionOptions o = with("scaled-softmax");
    o.causal = true;
    const auto start = std::chrono::steady_clock::now();
    const auto s = self_attend(x, w, w, w, o);
    backward(ae::sum(s.output));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("512 tokens, d = 16, forward and backward: ", ms, " ms");
    CHECK(s.weights->rows() == 512);
    CHECK(s.weights->value(0, 1) == 0);
    CHECK(s.weights->value.rowwise().sum().isOnes(1e-12));
    CHECK(x->grad.allFinite());
}

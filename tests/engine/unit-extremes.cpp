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
        // relative: an absolute 1e-15 would accept anything for the entry of 1e150
        CHECK_MATRIX_NEAR(a.scores->value.cwiseQuotient(row({1e300, -1e300, 1e150})), row({1, 1, 1}), 1e-15);
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
    // Gradients stay finite under softmax even at these scores. Worked by hand: the weights are
    // (1, 0, 0), so d(sum of output)/d(weights) = the values' row sums (3, 7, 11), and the softmax
    // backward w * (g - w.g) = (1 * (3 - 3), 0, 0) is zero; so are the query and key gradients.
    const Tensor qi = input(row({1e150})), ki = input(rows({{1e150}, {-1e150}, {1}})), vi = input(v->value);
    const auto a = attend(qi, ki, vi);
    backward(ae::sum(a.output));
    CHECK_MATRIX_NEAR(a.weights->grad, row({3, 7, 11}), 0);
    CHECK_MATRIX_NEAR(a.scores->grad, row({0, 0, 0}), 0);
    CHECK_MATRIX_NEAR(qi->grad, row({0}), 0);
    CHECK_MATRIX_NEAR(ki->grad, rows({{0}, {0}, {0}}), 0);
    CHECK_MATRIX_NEAR(vi->grad, rows({{1, 1}, {0, 0}, {0, 0}}), 0);
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
    CHECK_THROWS_WITH_AS(weighted_sum(rows({{1e308, 1e308}}), rows({{1e308}, {1e308}})),
                         "weighted sum: the output (1x1) has a non-finite value at row 0, column 0: the computation overflows a "
                         "double (beyond ±1.8e308)",
                         std::invalid_argument);
    // with a focus token, attend() never sees the other queries: B's overflows all the same
    CHECK_THROWS_WITH_AS(self_attend(constant(rows({{1}, {1e300}})), constant(row({1e10})), constant(row({1e-300})),
                                     constant(row({1e-300})), {}, 0),
                         doctest::Contains("self-attention: queries (embeddings x wq) (2x1) has a non-finite value at row 1, column 0"),
                         std::invalid_argument);
    // denormals are ordinary numbers: scores (0, 5e-324) weigh the two keys equally
    const auto tiny = attend(constant(row({5e-324})), constant(rows({{5e-324}, {1}})), constant(rows({{1}, {2}})));
    CHECK_MATRIX_NEAR(tiny.weights->value, row({0.5, 0.5}), 0);
    CHECK_MATRIX_NEAR(tiny.output->value, row({1.5}), 0);
}

TEST_CASE("a loss or gradient that overflows is an error from backward_finite, not inf") {
    const auto a = attend(input(row({1})), input(rows({{1}})), input(rows({{1}})));
    CHECK_THROWS_WITH_AS(backward_finite(half_sse_loss(a.output, constant(row({1e308}))), "learn"),
                         doctest::Contains("learn: the loss (1x1) has a non-finite value"), std::invalid_argument);
    // A finite loss whose query gradient overflows: keys of +-1.5e308 times a tiny query give
    // scores of about +-1, and d(loss)/d(query) = d(scores) . keys is over 1.8e308.
    auto overflowing = [] {
        const Tensor q = input(row({1 / 1.5e308}), "queries");
        const auto b = attend(q, constant(rows({{1.5e308}, {-1.5e308}})), constant(rows({{1}, {0}})));
        return std::pair{q, half_sse_loss(b.output, constant(row({-100})))};
    };
    const auto [q, loss] = overflowing();
    CHECK(std::isfinite(loss->value(0, 0)));
    backward(loss);
    CHECK_FALSE(q->grad.allFinite());   // the plain backward lets it through: the check below is needed
    const auto [q2, loss2] = overflowing();
    CHECK_THROWS_WITH_AS(backward_finite(loss2, "learn"), doctest::Contains("learn: the gradient of queries (1x1) has a non-finite value"),
                         std::invalid_argument);
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

// layer norm, sum, mean, mean squared / half sum of squares loss, softmax cross-entropy.
#include "engine/ops.hpp"
#include "support/approx.hpp"
#include "support/gradcheck.hpp"

using namespace ae;
using namespace ae::test;

TEST_CASE("layer_norm") {
    SUBCASE("hand-worked value: (1, 3) -> (-1, 1) before gamma and beta") {
        auto y = layer_norm(constant(row({1, 3})), constant(row({2, 2})), constant(row({0, 1})), 0.0);
        CHECK_MATRIX_NEAR(y->value, row({-2, 3}), 1e-12);
    }
    SUBCASE("gradient equals finite differences for x, gamma and beta") {
        for (auto [m, n] : std::vector<std::pair<int, int>>{{1, 2}, {3, 4}, {2, 7}})
            CHECK(gradcheck([](auto& x) { return layer_norm(x[0], x[1], x[2]); },
                            {random_matrix(m, n, 50), random_matrix(1, n, 51), random_matrix(1, n, 52)})
                      .max_error < 1e-6);
    }
}

TEST_CASE("sum and mean") {
    CHECK(sum(constant(rows({{1, 2}, {3, 4}})))->value(0, 0) == 10);
    CHECK(mean(constant(rows({{1, 2}, {3, 4}})))->value(0, 0) == 2.5);
    for (auto [m, n] : std::vector<std::pair<int, int>>{{1, 1}, {3, 4}}) {
        CHECK(gradcheck([](auto& x) { return sum(x[0]); }, {random_matrix(m, n, 53)}).max_error < 1e-8);
        CHECK(gradcheck([](auto& x) { return mean(x[0]); }, {random_matrix(m, n, 54)}).max_error < 1e-8);
    }
}

TEST_CASE("squared-error losses") {
    auto p = constant(row({1, 2, 4})), t = constant(row({0, 2, 2}));
    CHECK(half_sse_loss(p, t)->value(0, 0) == 2.5);                   // (1 + 0 + 4) / 2
    for (auto [m, n] : std::vector<std::pair<int, int>>{{1, 1}, {2, 3}}) {
        CHECK(gradcheck([](auto& x) { return half_sse_loss(x[0], x[1]); },
                        {random_matrix(m, n, 57), random_matrix(m, n, 58)})
                  .max_error < 1e-8);
    }
}

TEST_CASE("cross_entropy from logits") {
    SUBCASE("hand-worked value: uniform logits over 4 classes give ln 4") {
        CHECK(cross_entropy(constant(Matrix::Zero(2, 4)), {0, 3})->value(0, 0) == doctest::Approx(std::log(4.0)));
    }
    SUBCASE("stable for logits of 1e3") {
        const double loss = cross_entropy(constant(row({1000, 0})), {1})->value(0, 0);
        CHECK(loss == doctest::Approx(1000));
    }
    SUBCASE("gradient is (softmax - one-hot) / rows, and equals finite differences") {
        auto z = input(row({0, std::log(3.0)}));
        backward(cross_entropy(z, {1}));
        CHECK_MATRIX_NEAR(z->grad, row({0.25, -0.25}), 1e-15);
        CHECK(gradcheck([](auto& x) { return cross_entropy(x[0], {2, 0, 1}); }, {2.0 * random_matrix(3, 4, 59)})
                  .max_error < 1e-8);
        CHECK(gradcheck([](auto& x) { return cross_entropy(x[0], {0}); }, {random_matrix(1, 1, 60)}).max_error < 1e-8);
    }
}

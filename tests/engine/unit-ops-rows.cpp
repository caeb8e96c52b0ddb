// softmax, divide-by-sum and hard argmax, row by row, with and without a mask.
#include "engine/ops.hpp"
#include "support/approx.hpp"
#include "support/gradcheck.hpp"

using namespace ae;
using namespace ae::test;

namespace {
const std::vector<std::pair<int, int>> kShapes = {{1, 1}, {1, 4}, {3, 1}, {2, 3}, {4, 5}};
Mask lower_triangle(int n) {
    Mask m(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) m(i, j) = j <= i;
    return m;
}
}  // namespace

TEST_CASE("softmax") {
    SUBCASE("hand-worked value: softmax(0, ln 3) = (1/4, 3/4)") {
        CHECK_MATRIX_NEAR(softmax_rows(constant(row({0, std::log(3.0)})))->value, row({0.25, 0.75}), 1e-15);
    }
    SUBCASE("stable for scores of +-1e3") {
        auto y = softmax_rows(constant(row({1000, 999, -1000})))->value;
        const double e = std::exp(-1.0);
        CHECK_MATRIX_NEAR(y, row({1 / (1 + e), e / (1 + e), 0}), 1e-15);
        CHECK(y.allFinite());
    }
    SUBCASE("masked entries are exactly zero") {
        auto y = softmax_rows(constant(rows({{5, 1, 2}, {1, 1, 9}, {0, 0, 0}})), lower_triangle(3))->value;
        CHECK_MATRIX_NEAR(y, rows({{1, 0, 0}, {0.5, 0.5, 0}, {1.0 / 3, 1.0 / 3, 1.0 / 3}}), 1e-15);
    }
    SUBCASE("gradient equals finite differences") {
        for (auto [m, n] : kShapes)
            CHECK(gradcheck([](auto& x) { return softmax_rows(x[0]); }, {3.0 * random_matrix(m, n, 20)}).max_error < 1e-7);
        CHECK(gradcheck([](auto& x) { return softmax_rows(x[0], lower_triangle(4)); }, {random_matrix(4, 4, 21)})
                  .max_error < 1e-7);
    }
}

TEST_CASE("divide-by-sum") {
    SUBCASE("hand-worked value") {
        CHECK_MATRIX_NEAR(divide_by_sum_rows(constant(row({1, 2, 5})))->value, row({0.125, 0.25, 0.625}), 1e-15);
    }
    SUBCASE("negative scores give negative 'weights'") {
        CHECK_MATRIX_NEAR(divide_by_sum_rows(constant(row({-1, 3})))->value, row({-0.5, 1.5}), 1e-15);
    }
    SUBCASE("gradient equals finite differences") {
        for (auto [m, n] : kShapes)
            CHECK(gradcheck([](auto& x) { return divide_by_sum_rows(x[0]); },
                            {random_matrix(m, n, 22) + Matrix::Constant(m, n, 2.0)})
                      .max_error < 1e-6);
        CHECK(gradcheck([](auto& x) { return divide_by_sum_rows(x[0], lower_triangle(3)); },
                        {random_matrix(3, 3, 23) + Matrix::Constant(3, 3, 2.0)})
                  .max_error < 1e-6);
    }
}

TEST_CASE("hard argmax") {
    SUBCASE("one-hot, ties go to the lowest index") {
        CHECK_MATRIX_NEAR(hard_argmax_rows(constant(rows({{1, 5, 2}, {3, 3, 1}, {7, 7, 7}})))->value,
                          rows({{0, 1, 0}, {1, 0, 0}, {1, 0, 0}}), 0);
    }
    SUBCASE("the mask is respected") {
        CHECK_MATRIX_NEAR(hard_argmax_rows(constant(rows({{1, 9}, {1, 9}})), lower_triangle(2))->value,
                          rows({{1, 0}, {0, 1}}), 0);
    }
    SUBCASE("no gradient flows through it, and the scores still get a (zero) gradient") {
        auto s = input(row({1, 5, 2}));
        backward(sum(mul(hard_argmax_rows(s), constant(row({3, 4, 5})))));
        CHECK_MATRIX_NEAR(s->grad, row({0, 0, 0}), 0);
        // finite differences agree: the output is locally constant
        CHECK(gradcheck([](auto& x) { return hard_argmax_rows(x[0]); }, {row({1, 5, 2})}).max_error == 0);
    }
}

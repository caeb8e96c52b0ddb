// matmul, add, mul, scale, transpose: hand-worked values and finite-difference gradients.
#include "engine/kernels.hpp"
#include "engine/ops.hpp"

#include <array>
#include "support/approx.hpp"
#include "support/gradcheck.hpp"

using namespace ae;
using namespace ae::test;

namespace {
// Shapes to check each op on, 1x1 included.
const std::vector<std::pair<int, int>> kShapes = {{1, 1}, {1, 4}, {3, 1}, {2, 3}, {5, 4}};
constexpr double kTol = 1e-7;
}  // namespace

TEST_CASE("matmul") {
    SUBCASE("hand-worked value") {
        auto c = matmul(constant(rows({{1, 2}, {3, 4}})), constant(rows({{5}, {6}})));
        CHECK_MATRIX_NEAR(c->value, rows({{17}, {39}}), 0);
    }
    SUBCASE("gradient equals finite differences") {
        for (auto [m, k] : kShapes) {
            const auto g = gradcheck([](auto& x) { return matmul(x[0], x[1]); },
                                     {random_matrix(m, k, 1), random_matrix(k, 3, 2)});
            CHECK(g.max_error < kTol);
        }
    }
}

TEST_CASE("add, with a broadcast row") {
    SUBCASE("hand-worked value") {
        CHECK_MATRIX_NEAR(add(constant(rows({{1, 2}, {3, 4}})), constant(row({10, 20})))->value,
                          rows({{11, 22}, {13, 24}}), 0);
    }
    SUBCASE("gradient equals finite differences") {
        for (auto [m, n] : kShapes) {
            CHECK(gradcheck([](auto& x) { return add(x[0], x[1]); }, {random_matrix(m, n, 3), random_matrix(m, n, 4)})
                      .max_error < kTol);
            CHECK(gradcheck([](auto& x) { return add(x[0], x[1]); }, {random_matrix(m, n, 5), random_matrix(1, n, 6)})
                      .max_error < kTol);
        }
    }
    SUBCASE("the broadcast row's gradient is the column sum") {
        auto a = input(rows({{1, 2}, {3, 4}, {5, 6}}));
        auto b = input(row({1, 1}));
        backward(sum(add(a, b)));
        CHECK_MATRIX_NEAR(b->grad, row({3, 3}), 0);
    }
}

TEST_CASE("mul (elementwise)") {
    CHECK_MATRIX_NEAR(mul(constant(row({2, 3})), constant(row({4, -1})))->value, row({8, -3}), 0);
    for (auto [m, n] : kShapes)
        CHECK(gradcheck([](auto& x) { return mul(x[0], x[1]); }, {random_matrix(m, n, 9), random_matrix(m, n, 10)})
                  .max_error < kTol);
}

TEST_CASE("scale") {
    CHECK_MATRIX_NEAR(scale(constant(row({2, -3})), 0.5)->value, row({1, -1.5}), 0);
    for (auto [m, n] : kShapes)
        CHECK(gradcheck([](auto& x) { return scale(x[0], -2.5); }, {random_matrix(m, n, 11)}).max_error < kTol);
}

TEST_CASE("transpose") {
    CHECK_MATRIX_NEAR(transpose(constant(rows({{1, 2, 3}})))->value, rows({{1}, {2}, {3}}), 0);
    for (auto [m, n] : kShapes)
        CHECK(gradcheck([](auto& x) { return matmul(transpose(x[0]), x[1]); },
                        {random_matrix(m, n, 12), random_matrix(m, 2, 13)})
                  .max_error < kTol);
}

TEST_CASE("the matmul kernel: blocked and edge paths give the plain triple loop's exact bits") {
    for (auto [m, k, n] : std::vector<std::array<int, 3>>{{1, 1, 1}, {4, 4, 4}, {5, 3, 7}, {8, 16, 12}, {13, 9, 6}, {3, 0, 2}, {14, 5, 3}, {7, 2, 9}}) {
        const Matrix a = random_matrix(m, k, 80), b = random_matrix(k, n, 81);
        Matrix plain = Matrix::Zero(m, n);
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < m; ++i)
                for (int kk = 0; kk < k; ++kk) plain(i, j) += a(i, kk) * b(kk, j);
        CAPTURE(m);
        CAPTURE(n);
        CHECK(max_abs_diff(matmul_values(a, b), plain) == 0);
        CHECK(max_abs_diff(matmul_values(a, b), a * b) < 1e-12);   // and Eigen agrees
        // b read from its transpose, and the product added to what c holds: the same sums
        const Matrix bt = b.transpose();
        Matrix from_bt(m, n), added = Matrix::Constant(m, n, 0.375);
        matmul_bt_into(a.data(), bt.data(), from_bt.data(), m, k, n);
        matmul_into(a.data(), b.data(), added.data(), m, k, n, Store::Add);
        CHECK(max_abs_diff(from_bt, plain) == 0);
        CHECK(max_abs_diff(added, (Matrix::Constant(m, n, 0.375) + plain).eval()) == 0);
        added.setConstant(0.375);
        matmul_bt_into(a.data(), bt.data(), added.data(), m, k, n, Store::Add);
        CHECK(max_abs_diff(added, (Matrix::Constant(m, n, 0.375) + plain).eval()) == 0);
    }
}

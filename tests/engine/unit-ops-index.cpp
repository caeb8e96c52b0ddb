// Row gather (embedding lookup), column/row slices and concatenations.
#include "engine/ops.hpp"
#include "support/approx.hpp"
#include "support/gradcheck.hpp"

using namespace ae;
using namespace ae::test;

TEST_CASE("gather_rows") {
    SUBCASE("hand-worked value and scatter-add backward") {
        auto table = input(rows({{1, 2}, {3, 4}, {5, 6}}));
        auto out = gather_rows(table, {2, 0, 2});
        CHECK_MATRIX_NEAR(out->value, rows({{5, 6}, {1, 2}, {5, 6}}), 0);
        backward(sum(out));
        CHECK_MATRIX_NEAR(table->grad, rows({{1, 1}, {0, 0}, {2, 2}}), 0);   // row 2 used twice
    }
    SUBCASE("gradient equals finite differences") {
        CHECK(gradcheck([](auto& x) { return gather_rows(x[0], {0}); }, {random_matrix(1, 1, 40)}).max_error < 1e-8);
        CHECK(gradcheck([](auto& x) { return gather_rows(x[0], {3, 1, 1, 0}); }, {random_matrix(5, 3, 41)})
                  .max_error < 1e-8);
    }
}

TEST_CASE("slice and concat columns (heads)") {
    auto a = constant(rows({{1, 2, 3, 4}, {5, 6, 7, 8}}));
    CHECK_MATRIX_NEAR(slice_cols(a, 1, 2)->value, rows({{2, 3}, {6, 7}}), 0);
    CHECK_MATRIX_NEAR(concat_cols({slice_cols(a, 2, 2), slice_cols(a, 0, 2)})->value,
                      rows({{3, 4, 1, 2}, {7, 8, 5, 6}}), 0);
    CHECK(gradcheck([](auto& x) { return concat_cols({slice_cols(x[0], 1, 2), x[1], slice_cols(x[0], 0, 1)}); },
                    {random_matrix(3, 4, 42), random_matrix(3, 1, 43)})
              .max_error < 1e-8);
    CHECK(gradcheck([](auto& x) { return slice_cols(x[0], 0, 1); }, {random_matrix(1, 1, 44)}).max_error < 1e-8);
}

TEST_CASE("slice and concat rows (sequences of a batch)") {
    auto a = constant(rows({{1, 2}, {3, 4}, {5, 6}}));
    CHECK_MATRIX_NEAR(slice_rows(a, 1, 2)->value, rows({{3, 4}, {5, 6}}), 0);
    CHECK_MATRIX_NEAR(concat_rows({slice_rows(a, 2, 1), slice_rows(a, 0, 1)})->value, rows({{5, 6}, {1, 2}}), 0);
    CHECK(gradcheck([](auto& x) { return concat_rows({slice_rows(x[0], 1, 2), x[1]}); },
                    {random_matrix(4, 3, 45), random_matrix(2, 3, 46)})
              .max_error < 1e-8);
}

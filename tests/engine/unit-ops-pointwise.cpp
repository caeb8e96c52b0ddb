// ReLU: values and finite-difference gradients (inputs kept away from ReLU's kink).
#include "engine/ops.hpp"
#include "support/approx.hpp"
#include "support/gradcheck.hpp"

using namespace ae;
using namespace ae::test;

namespace {
// Entries in [0.1, 1) with random signs: no entry within h of ReLU's kink at 0.
Matrix away_from_zero(int m, int n, std::uint64_t seed) {
    Matrix x = random_matrix(m, n, seed);
    return x.unaryExpr([](double v) { return v < 0 ? v - 0.1 : v + 0.1; });
}
}  // namespace

TEST_CASE("relu") {
    CHECK_MATRIX_NEAR(relu(constant(row({-2, 0, 3})))->value, row({0, 0, 3}), 0);
    for (auto [m, n] : std::vector<std::pair<int, int>>{{1, 1}, {2, 5}, {4, 3}})
        CHECK(gradcheck([](auto& x) { return relu(x[0]); }, {away_from_zero(m, n, 30)}).max_error < 1e-8);
}

// The graph itself: shared subexpressions, accumulation across calls, zeroing, no-grad mode.
#include "engine/ops.hpp"
#include "support/approx.hpp"

using namespace ae;
using namespace ae::test;

TEST_CASE("a value used twice gets both contributions (topological order)") {
    auto x = input(row({3}));
    auto y = mul(x, x);                 // x^2
    auto z = add(y, scale(x, 2));       // x^2 + 2x, x reached along three paths
    backward(z);
    CHECK(x->grad(0, 0) == 8);          // 2x + 2
}

TEST_CASE("leaf gradients accumulate across backward calls until zeroed") {
    auto x = input(row({3}));
    auto loss = mul(x, x);
    backward(loss);
    backward(loss);
    CHECK(x->grad(0, 0) == 12);
    zero_grad({x});
    CHECK(x->grad(0, 0) == 0);
    backward(loss);
    CHECK(x->grad(0, 0) == 6);
}

TEST_CASE("intermediate gradients are those of the latest call, not a running sum") {
    auto x = input(row({3}));
    auto y = scale(x, 2);
    auto loss = mul(y, y);
    backward(loss);
    backward(loss);
    CHECK(y->grad(0, 0) == 12);   // 2y, once
}

TEST_CASE("no-grad mode builds no graph") {
    auto x = parameter(row({1, 2}));
    Tensor y;
    {
        NoGradGuard guard;
        CHECK_FALSE(grad_enabled());
        y = scale(x, 3);
    }
    CHECK(grad_enabled());
    CHECK(y->parents.empty());
    CHECK_FALSE(y->requires_grad);
    CHECK_MATRIX_NEAR(y->value, row({3, 6}), 0);
}

TEST_CASE("constants get no gradient, parameters and inputs do") {
    auto c = constant(row({1}));
    auto p = parameter(row({2}));
    backward(mul(c, p));
    CHECK(c->grad.size() == 0);
    CHECK(p->grad(0, 0) == 1);
}

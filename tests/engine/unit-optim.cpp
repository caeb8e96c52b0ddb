// SGD with momentum and Adam: hand-worked first steps, and convergence on a quadratic.
#include "engine/ops.hpp"
#include "engine/optim.hpp"
#include "support/approx.hpp"

using namespace ae;
using namespace ae::test;

namespace {
// loss = 1/2 |p - (3, -1)|^2, gradient p - (3, -1)
Tensor quadratic(const Tensor& p) { return half_sse_loss(p, constant(row({3, -1}))); }
}  // namespace

TEST_CASE("SGD with momentum: two hand-worked steps") {
    auto p = parameter(row({0, 0}));
    Sgd opt({p}, 0.1, 0.5);
    backward(quadratic(p));   // g = (-3, 1); v = g; p = -0.1 v
    opt.step();
    CHECK_MATRIX_NEAR(p->value, row({0.3, -0.1}), 1e-15);
    opt.zero_grad();
    backward(quadratic(p));   // g = (-2.7, 0.9); v = 0.5 (-3, 1) + g = (-4.2, 1.4)
    opt.step();
    CHECK_MATRIX_NEAR(p->value, row({0.72, -0.24}), 1e-15);
}

TEST_CASE("Adam: the first step moves each entry by lr against the gradient's sign") {
    auto p = parameter(row({0, 0}));
    Adam opt({p}, AdamOptions{0.01});
    backward(quadratic(p));
    opt.step();
    CHECK_MATRIX_NEAR(p->value, row({0.01, -0.01}), 1e-9);
}

TEST_CASE("both optimisers reach the minimum of a quadratic") {
    auto a = parameter(row({0, 0})), b = parameter(row({0, 0}));
    Sgd sgd({a}, 0.1, 0.9);
    Adam adam({b}, AdamOptions{0.1});
    for (int i = 0; i < 500; ++i) {
        for (auto [opt, p] : {std::pair<Optimizer*, Tensor>{&sgd, a}, {&adam, b}}) {
            opt->zero_grad();
            backward(quadratic(p));
            opt->step();
        }
    }
    CHECK_MATRIX_NEAR(a->value, row({3, -1}), 1e-6);
    CHECK_MATRIX_NEAR(b->value, row({3, -1}), 1e-3);
}

TEST_CASE("optimisers refuse non-parameters and bad learning rates") {
    CHECK_THROWS_WITH_AS(Sgd({constant(row({1}))}, 0.1), doctest::Contains("did you forget ae::parameter?"),
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(Adam({parameter(row({1}))}, AdamOptions{-1}), doctest::Contains("learning rate"),
                         std::invalid_argument);
}

// The learning problem of steps 7-9: one step moves exactly the named inputs by -rate * gradient,
// and every question it cannot answer is refused with a message.
#include "attention/learning.hpp"
#include "attention/worked_example.hpp"
#include "support/approx.hpp"

using namespace ae;
using namespace ae::test;

namespace {
LearningProblem example_problem() {
    const WorkedExample& ex = worked_example();
    AttentionOptions o;
    o.names = ex.tokens;
    return {ex.embeddings, ex.wq, ex.wk, ex.wv, o, 0, ex.target};
}
}  // namespace

TEST_CASE("descend moves each named input by -learning rate x its gradient and leaves the rest") {
    const LearningProblem p = example_problem();
    const Learned before = learn(p);
    double loss_before = -1;
    const LearningProblem next = descend(p, {"wk", "wv"}, 0.25, &loss_before);
    CHECK(loss_before == before.loss);
    CHECK_MATRIX_NEAR(next.wk, p.wk - 0.25 * before.inputs.at("wk")->grad, 1e-15);
    CHECK_MATRIX_NEAR(next.wv, p.wv - 0.25 * before.inputs.at("wv")->grad, 1e-15);
    CHECK_MATRIX_NEAR(next.wq, p.wq, 0);
    CHECK_MATRIX_NEAR(next.embeddings, p.embeddings, 0);
}

TEST_CASE("without a target there is no loss and no backward pass") {
    LearningProblem p = example_problem();
    p.target = Matrix();
    const Learned l = learn(p);
    CHECK(l.loss == 0);
    CHECK(l.inputs.at("wq")->grad.size() == 0);
}

TEST_CASE("what the learning problem refuses, in words a reader understands") {
    LearningProblem p = example_problem();
    CHECK_THROWS_WITH(descend(p, {}, 0.5), "learning: a step needs at least one of embeddings, wq, wk, wv to change");
    CHECK_THROWS_WITH(descend(p, {"wo"}, 0.5), "learning: 'wo' cannot be learned (choose from embeddings, wq, wk, wv)");
    CHECK_THROWS_WITH(descend(p, {"wq", "wq"}, 0.5), "learning: 'wq' is named twice");
    CHECK_THROWS_WITH(descend(p, {"wq"}, 0), "optimizer: the learning rate must be a number above 0, got 0");
    p.target = row({1e10, 0, 0});
    CHECK_THROWS_WITH(descend(p, {"wq"}, 1e308),
                      "learning: the step overflows (learning rate 1e+308 times the gradient exceeds 1.8e308); take a "
                      "smaller learning rate");
    p.target = row({1, 2});
    CHECK_THROWS_WITH(learn(p), "learning: the target (1x2) must have the output's shape (1x3)");
    p.target = row({1e300, 0, 0});
    CHECK_THROWS_WITH(learn(p), "learning: the loss overflows (the output is too far from the target); bring the target closer");
    p.target = Matrix();
    CHECK_THROWS_WITH(descend(p, {"wq"}, 0.5), "learning: a step needs a target to learn towards");
}

TEST_CASE("divide-by-sum names the token whose scores add up to 0") {
    LearningProblem p = example_problem();
    p.options.normalize = Normalizer::Sum;
    p.wk = rows({{1, 0, 0}, {-1, 0, 0}, {0, 0, 0}});   // A's scores: 1, -1, 0
    p.wq = rows({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    CHECK_THROWS_WITH(learn(p), "attention: the scores of A add up to 0, so they cannot be divided by their sum");
    p.options.names.clear();
    CHECK_THROWS_WITH(learn(p), "attention: the scores of query 1 add up to 0, so they cannot be divided by their sum");
}

// Attention on the walkthrough's worked example: every number it lists, gradients by hand and
// by finite differences, hard vs soft, masks.
#include "attention/attention.hpp"
#include "attention/worked_example.hpp"
#include "support/approx.hpp"
#include "support/gradcheck.hpp"

using namespace ae;
using namespace ae::test;

namespace {
const WorkedExample& ex = worked_example();
// The target the hand derivations below use (kept fixed here; the page's default target is
// chosen for its story and checked in tests/page).
const Matrix target = row({0, 1, 0});
Tensor query_a() { return input(ex.queries.topRows(1)); }
AttentionOptions with(Normalizer n) {
    AttentionOptions o;
    o.normalize = n;
    return o;
}
}  // namespace

TEST_CASE("worked example: scores and outputs of every normaliser") {
    SUBCASE("scores are [1, 2, 5]: B's is 2, not the stated 4") {
        auto a = attend(query_a(), input(ex.keys), input(ex.values));
        CHECK_MATRIX_NEAR(a.scores->value, row({1, 2, 5}), 0);
        CHECK(a.scores->value(0, 1) != ex.stated_scores(0, 1));
        CHECK(a.scores->value(0, 0) == ex.stated_scores(0, 0));
        CHECK(a.scores->value(0, 2) == ex.stated_scores(0, 2));
    }
    SUBCASE("the stated weights 0.1, 0.4, 0.5 give [0.2, 1.3, 0.6]") {
        auto out = matmul(constant(ex.stated_weights), constant(ex.values));
        CHECK_MATRIX_NEAR(out->value, ex.stated_output, 1e-12);
    }
    SUBCASE("divide-by-sum") {
        auto a = attend(query_a(), input(ex.keys), input(ex.values), with(Normalizer::Sum));
        CHECK_MATRIX_NEAR(a.weights->value, row({0.125, 0.25, 0.625}), 1e-12);
        CHECK_MATRIX_NEAR(a.output->value, row({0.5, 1.125, 0.75}), 1e-12);
    }
    SUBCASE("softmax") {
        auto a = attend(query_a(), input(ex.keys), input(ex.values), with(Normalizer::Softmax));
        CHECK_MATRIX_NEAR(a.weights->value, row({0.01715, 0.04661, 0.93624}), 1e-5);
        CHECK_MATRIX_NEAR(a.output->value, row({0.90677, 1.02946, 0.95339}), 1e-5);
    }
    SUBCASE("scaled softmax (scores / sqrt 3)") {
        auto a = attend(query_a(), input(ex.keys), input(ex.values), with(Normalizer::ScaledSoftmax));
        CHECK_MATRIX_NEAR(a.weights->value, row({0.07782, 0.13863, 0.78355}), 1e-5);
        CHECK_MATRIX_NEAR(a.output->value, row({0.72275, 1.06080, 0.86137}), 1e-5);
    }
    SUBCASE("hard: all attention on C") {
        auto a = attend(query_a(), input(ex.keys), input(ex.values), with(Normalizer::Hard));
        CHECK_MATRIX_NEAR(a.weights->value, row({0, 0, 1}), 0);
        CHECK_MATRIX_NEAR(a.output->value, row({1, 1, 1}), 0);
    }
    SUBCASE("temperature divides the scores before the softmax") {
        AttentionOptions o;
        o.temperature = 2;
        auto hot = attend(query_a(), input(ex.keys), input(ex.values), o);
        auto direct = softmax_rows(constant(row({0.5, 1, 2.5})));
        CHECK_MATRIX_NEAR(hot.weights->value, direct->value, 1e-15);
    }
}

TEST_CASE("softmax's exponentials: e^((s - largest) / T), and the weights are them over their sum") {
    const Matrix scores = row({1, 2, 5});
    SUBCASE("softmax at T = 2: e^(-2), e^(-1.5), 1") {
        AttentionOptions o;
        o.temperature = 2;
        const Matrix e = softmax_exponentials(scores, 3, o);
        CHECK_MATRIX_NEAR(e, row({std::exp(-2.0), std::exp(-1.5), 1}), 1e-15);
        auto a = attend(query_a(), input(ex.keys), input(ex.values), o);
        CHECK_MATRIX_NEAR(a.weights->value, Matrix(e / (e(0) + e(1) + e(2))), 0);   // the softmax's own numbers, bit for bit
    }
    SUBCASE("scaled-softmax divides by sqrt(d) too") {
        const Matrix e = softmax_exponentials(scores, 3, with(Normalizer::ScaledSoftmax));
        CHECK_MATRIX_NEAR(e, row({std::exp(-4 / std::sqrt(3.0)), std::exp(-3 / std::sqrt(3.0)), 1}), 1e-15);
    }
    SUBCASE("a causal mask leaves the future out: 0, and the largest allowed is 1") {
        AttentionOptions o;
        o.causal = true;
        const Matrix e = softmax_exponentials(Matrix{{3, 9}, {4, 2}}, 2, o);
        CHECK_MATRIX_NEAR(e, (Matrix{{1, 0}, {1, std::exp(-2.0)}}), 1e-15);
    }
    SUBCASE("other normalisers have none") {
        CHECK_THROWS_WITH(softmax_exponentials(scores, 3, with(Normalizer::Sum)),
                          "attention: only a softmax has exponentials; this is sum");
    }
}

// Divide-by-sum keeps the hand derivation in fractions. With target t = [0, 1, 0]:
//   s = [1, 2, 5], S = 8, w = s / S = [1/8, 2/8, 5/8], o = sum_j w_j v_j = [1/2, 9/8, 3/4]
//   L = 1/2 |o - t|^2 = 1/2 (1/4 + 1/64 + 9/16) = 53/128
//   dL/do   = o - t = [1/2, 1/8, 3/4]
//   dL/dv_j = w_j (o - t)                -> v_A = [1/16, 1/64, 3/32], v_B = 2 v_A, v_C = 5 v_A
//   dL/dw_j = (o - t) . v_j              -> [5/4, -1/4, 11/8]
//   dL/ds_j = (dL/dw_j - sum_k dL/dw_k w_k) / S,  sum_k dL/dw_k w_k = 61/64
//                                        -> [19/512, -77/512, 27/512]
//   dL/dq   = sum_j dL/ds_j k_j          -> [-87/256, 85/512, -1/128]
//   dL/dk_j = dL/ds_j q                  -> (19/512) [1, 2, -1], (-77/512) [1, 2, -1], (27/512) [1, 2, -1]
TEST_CASE("worked example gradients, derived by hand (divide-by-sum)") {
    auto q = query_a(), k = input(ex.keys), v = input(ex.values);
    auto a = attend(q, k, v, with(Normalizer::Sum));
    auto loss = half_sse_loss(a.output, constant(target));
    backward(loss);
    CHECK(loss->value(0, 0) == 53.0 / 128);
    CHECK_MATRIX_NEAR(a.output->grad, row({0.5, 0.125, 0.75}), 1e-15);
    CHECK_MATRIX_NEAR(v->grad, rows({{1, 0.25, 1.5}, {2, 0.5, 3}, {5, 1.25, 7.5}}) / 16, 1e-15);
    CHECK_MATRIX_NEAR(a.weights->grad, row({1.25, -0.25, 1.375}), 1e-15);
    CHECK_MATRIX_NEAR(a.scores->grad, row({19, -77, 27}) / 512, 1e-15);
    CHECK_MATRIX_NEAR(q->grad, row({-174, 85, -4}) / 512, 1e-15);
    CHECK_MATRIX_NEAR(k->grad, Matrix(rows({{19}, {-77}, {27}}) * row({1, 2, -1}) / 512), 1e-15);
}

TEST_CASE("attention gradients equal finite differences for every normaliser, with and without a mask") {
    for (Normalizer n : {Normalizer::Softmax, Normalizer::ScaledSoftmax, Normalizer::Sum}) {
        for (bool causal : {false, true}) {
            CAPTURE(normalizer_name(n));
            CAPTURE(causal);
            AttentionOptions o = with(n);
            o.causal = causal;
            o.temperature = 1.5;
            const auto g = gradcheck(
                [&](auto& x) { return half_sse_loss(attend(x[0], x[1], x[2], o).output, constant(target.replicate(3, 1))); },
                {ex.queries, ex.keys, ex.values});
            CHECK(g.max_error < 1e-6);
        }
    }
    SUBCASE("self-attention from embeddings and Wq, Wk, Wv, with random shapes") {
        const auto g = gradcheck(
            [](auto& x) { return self_attend(x[0], x[1], x[2], x[3], with(Normalizer::ScaledSoftmax)).output; },
            {random_matrix(4, 5, 70), random_matrix(5, 3, 71), random_matrix(5, 3, 72), random_matrix(5, 2, 73)});
        CHECK(g.max_error < 1e-7);
    }
}

TEST_CASE("hard attention passes no gradient to scores, queries or keys, softmax reaches every key") {
    auto q = query_a(), k = input(ex.keys), v = input(ex.values);
    auto hard = attend(q, k, v, with(Normalizer::Hard));
    backward(half_sse_loss(hard.output, constant(target)));
    CHECK(hard.scores->grad.isZero(0));
    CHECK(q->grad.isZero(0));
    CHECK(k->grad.isZero(0));
    CHECK_MATRIX_NEAR(v->grad, rows({{0, 0, 0}, {0, 0, 0}, {1, 0, 1}}), 0);   // only C's value can learn

    auto q2 = query_a(), k2 = input(ex.keys), v2 = input(ex.values);
    auto soft = attend(q2, k2, v2, with(Normalizer::Softmax));
    backward(half_sse_loss(soft.output, constant(target)));
    for (Eigen::Index j = 0; j < 3; ++j) {
        CAPTURE(j);
        CHECK(k2->grad.row(j).norm() > 0);   // even A, with weight 0.017
        CHECK(v2->grad.row(j).norm() > 0);
    }
}

TEST_CASE("self-attention exposes Q = X Wq, K = X Wk, V = X Wv") {
    auto s = self_attend(input(ex.embeddings), input(ex.wq), input(ex.wk), input(ex.wv));
    CHECK_MATRIX_NEAR(s.queries->value, ex.queries, 0);
    CHECK_MATRIX_NEAR(s.keys->value, ex.keys, 0);
    CHECK_MATRIX_NEAR(s.values->value, ex.values, 0);
    CHECK_MATRIX_NEAR(s.scores->value.row(0), row({1, 2, 5}), 0);
}

TEST_CASE("masks: causal and self-only") {
    AttentionOptions o;
    o.causal = true;
    auto a = attend(input(ex.queries), input(ex.keys), input(ex.values), o);
    CHECK_MATRIX_NEAR(a.weights->value.row(0), row({1, 0, 0}), 0);   // A sees only itself
    CHECK(a.weights->value(1, 2) == 0);
    o.causal = false;
    o.self_only = true;
    auto s = attend(input(ex.queries), input(ex.keys), input(ex.values), o);
    CHECK_MATRIX_NEAR(s.weights->value, Matrix::Identity(3, 3), 0);
    CHECK_MATRIX_NEAR(s.output->value, ex.values, 0);
}

TEST_CASE("self-attention with a focus token: only that token is a query") {
    auto x = input(ex.embeddings), wq = input(ex.wq), wk = input(ex.wk), wv = input(ex.wv);
    AttentionOptions o = with(Normalizer::Sum);
    auto s = self_attend(x, wq, wk, wv, o, 0);
    CHECK_MATRIX_NEAR(s.scores->value, row({1, 2, 5}), 0);
    CHECK_MATRIX_NEAR(s.output->value, row({0.5, 1.125, 0.75}), 1e-15);
    backward(half_sse_loss(s.output, constant(target)));
    // X is one-hot, so d/dWq = d/dQ, and only A's query is used: Wq's row A has the hand-derived
    // gradient of unit-attention's divide-by-sum case, rows B and C none.
    CHECK_MATRIX_NEAR(wq->grad, rows({{-174, 85, -4}, {0, 0, 0}, {0, 0, 0}}) / 512, 1e-15);
    o.causal = true;
    CHECK_THROWS_WITH_AS(self_attend(x, wq, wk, wv, o, 0), "self-attention: a focus token and a causal mask cannot be combined",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(self_attend(x, wq, wk, wv, {}, 3), "self-attention: there is no token 4 to focus on: there are 3 tokens",
                         std::invalid_argument);
}

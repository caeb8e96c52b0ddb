// Every number the default page shows, computed natively by the same engine code the page runs
// in WebAssembly (web/app/compute.js makes these calls through the JS API), each checked against
// the walkthrough or against a formula written out independently here.
#include "attention/attention.hpp"
#include "attention/learning.hpp"
#include "attention/worked_example.hpp"
#include "support/approx.hpp"

#include <cmath>

using namespace ae;
using namespace ae::test;

namespace {
const WorkedExample& ex = worked_example();

AttentionOptions with_normalizer(const std::string& name) {
    AttentionOptions o;
    o.normalize = parse_normalizer(name);
    o.temperature = ex.temperature;
    return o;
}

// softmax written out with std::exp, independent of the engine's stable implementation
Matrix softmax_by_hand(const Matrix& s) {
    Matrix w = s.array().exp().matrix();
    for (Eigen::Index r = 0; r < w.rows(); ++r) w.row(r) /= w.row(r).sum();
    return w;
}

// Step 7's loss written out with Eigen alone, A the focus: 1/2 |softmax(q_A K^T) V - target|^2,
// for finite differences that owe nothing to the engine.
double loss_by_hand(const Matrix& x) {
    const Matrix q = (x * ex.wq).topRows(1), k = x * ex.wk, v = x * ex.wv;
    return 0.5 * (softmax_by_hand(q * k.transpose()) * v - ex.target).squaredNorm();
}

// Step 7's learning problem, as the page poses it: A is the focus, the default target.
LearningProblem problem(const std::string& normalize = ex.normalize) {
    return {ex.embeddings, ex.wq, ex.wk, ex.wv, with_normalizer(normalize), 0, ex.target};
}

struct Learning {
    Learned learned;
    const SelfAttention& s = learned.attention;
    const double loss = learned.loss;
    explicit Learning(const std::string& normalize = ex.normalize) : learned(learn(problem(normalize))) {}
    const Matrix& grad(const std::string& input) const { return learned.inputs.at(input)->grad; }
};
}  // namespace

TEST_CASE("page defaults come from the worked example") {
    CHECK(ex.normalize == "softmax");
    CHECK(ex.temperature == 1);
    CHECK(ex.embeddings.isIdentity());
    CHECK_MATRIX_NEAR(ex.target, row({1.5, -1, 0.5}), 0);
}

TEST_CASE("steps 1-3: tokens, q/k/v and scores") {
    const auto s = self_attend(constant(ex.embeddings), constant(ex.wq), constant(ex.wk), constant(ex.wv));
    CHECK_MATRIX_NEAR(s.queries->value, ex.queries, 0);
    CHECK_MATRIX_NEAR(s.keys->value, ex.keys, 0);
    CHECK_MATRIX_NEAR(s.values->value, ex.values, 0);
    const auto a = attend(constant(ex.queries.topRows(1)), constant(ex.keys), constant(ex.values));
    CHECK_MATRIX_NEAR(a.scores->value, row({1, 2, 5}), 0);
    CHECK_MATRIX_NEAR(ex.stated_scores, row({1, 4, 5}), 0);
    // the slip the page flags: only B differs
    CHECK(a.scores->value(0, 1) != ex.stated_scores(0, 1));
    CHECK(a.scores->value(0, 0) == ex.stated_scores(0, 0));
    CHECK(a.scores->value(0, 2) == ex.stated_scores(0, 2));
}

TEST_CASE("steps 4-5: every normaliser's weights, the stated weights, each output and its parts") {
    const Tensor q = constant(ex.queries.topRows(1)), k = constant(ex.keys), v = constant(ex.values);
    const Matrix scores = row({1, 2, 5});
    const auto sum = attend(q, k, v, with_normalizer("sum"));
    CHECK_MATRIX_NEAR(sum.weights->value, scores / 8, 1e-15);
    CHECK_MATRIX_NEAR(sum.output->value, row({0.5, 1.125, 0.75}), 1e-15);
    const auto soft = attend(q, k, v, with_normalizer("softmax"));
    CHECK_MATRIX_NEAR(soft.weights->value, softmax_by_hand(scores), 1e-15);
    CHECK_MATRIX_NEAR(soft.weights->value, row({0.01715, 0.04661, 0.93624}), 1e-5);
    CHECK_MATRIX_NEAR(soft.output->value, row({0.90677, 1.02946, 0.95339}), 1e-5);
    const auto scaled = attend(q, k, v, with_normalizer("scaled-softmax"));
    CHECK_MATRIX_NEAR(scaled.weights->value, softmax_by_hand(scores / std::sqrt(3.0)), 1e-15);
    CHECK_MATRIX_NEAR(scaled.output->value, row({0.72275, 1.06080, 0.86137}), 1e-5);
    CHECK_MATRIX_NEAR(matmul(constant(ex.stated_weights), v)->value, row({0.2, 1.3, 0.6}), 1e-15);
    // step 5 draws the parts w_j v_j: the rows of diag(w) V, which add up to the output
    const Matrix parts = matmul(constant(Matrix(soft.weights->value.row(0).asDiagonal())), v)->value;
    for (Eigen::Index j = 0; j < 3; ++j) CHECK_MATRIX_NEAR(parts.row(j), soft.weights->value(0, j) * ex.values.row(j), 1e-15);
    CHECK_MATRIX_NEAR(parts.colwise().sum(), soft.output->value, 1e-15);
}

TEST_CASE("step 6: all tokens at once, with and without the causal mask") {
    AttentionOptions o = with_normalizer("softmax");
    const auto all = attend(constant(ex.queries), constant(ex.keys), constant(ex.values), o);
    const Matrix expected = softmax_by_hand(ex.queries * ex.keys.transpose());
    CHECK_MATRIX_NEAR(all.weights->value, expected, 1e-15);
    CHECK_MATRIX_NEAR(all.output->value, expected * ex.values, 1e-14);
    o.causal = true;
    const auto causal = attend(constant(ex.queries), constant(ex.keys), constant(ex.values), o);
    CHECK_MATRIX_NEAR(causal.weights->value.row(0), row({1, 0, 0}), 0);
    CHECK(causal.weights->value(1, 2) == 0);
    CHECK_MATRIX_NEAR(causal.weights->value.row(2), expected.row(2), 1e-15);
}

// Step 7's gradients from the formulas: dL/do = o - t; dL/dw_j = (o - t).v_j;
// dL/ds = w * (dL/dw - sum_k dL/dw_k w_k); dL/dq = dL/ds K; dL/dk_j = dL/ds_j q; dL/dv_j = w_j (o - t).
TEST_CASE("step 7: loss and every gradient the page shows, from the formulas") {
    Learning l;
    const Matrix q = ex.queries.topRows(1), w = softmax_by_hand(q * ex.keys.transpose());
    const Matrix o = w * ex.values, d = o - ex.target;
    CHECK(l.loss == doctest::Approx(0.5 * d.squaredNorm()).epsilon(1e-15));
    const Matrix dw = d * ex.values.transpose();
    const Matrix ds = (w.array() * (dw.array() - dw.cwiseProduct(w).sum())).matrix();
    CHECK_MATRIX_NEAR(l.s.output->grad, d, 1e-15);
    CHECK_MATRIX_NEAR(l.s.weights->grad, dw, 1e-15);
    CHECK_MATRIX_NEAR(l.s.scores->grad, ds, 1e-15);
    CHECK_MATRIX_NEAR(l.s.queries->grad.row(0), ds * ex.keys, 1e-15);
    CHECK_MATRIX_NEAR(l.s.keys->grad, ds.transpose() * q, 1e-15);
    CHECK_MATRIX_NEAR(l.s.values->grad, w.transpose() * d, 1e-15);
    // dL/dW = X^T dL/d(XW); with one-hot tokens (X = I) that repeats the vectors' gradients, as
    // the page's <details> says
    Matrix dq = Matrix::Zero(3, 3);
    dq.row(0) = ds * ex.keys;
    CHECK_MATRIX_NEAR(l.grad("wq"), ex.embeddings.transpose() * dq, 1e-15);
    CHECK_MATRIX_NEAR(l.grad("wk"), ex.embeddings.transpose() * (ds.transpose() * q), 1e-15);
    CHECK_MATRIX_NEAR(l.grad("wv"), ex.embeddings.transpose() * (w.transpose() * d), 1e-15);
    // the counterfactual sentences: more of A lowers the loss, more of B raises it
    CHECK(dw(0, 0) < 0);
    CHECK(dw(0, 1) > 0);
}

// The explanation's story, told by the default target's gradients under the default normaliser:
// "a bit more of A's value and a bit less of B's" (A's score up, B's down: A's query and B's key
// apart), and "C's value larger in its first entry, smaller in its third". Descent moves each
// number against its gradient, so "up" is a negative gradient.
TEST_CASE("step 7: the default target's gradients have the explanation's signs") {
    Learning l;
    const Matrix& gs = l.s.scores->grad;
    CHECK(gs(0, 0) < 0);   // A's score for A up
    CHECK(gs(0, 1) > 0);   // A's score for B down
    CHECK(l.s.weights->grad(0, 0) < 0);   // more of A's value helps
    CHECK(l.s.weights->grad(0, 1) > 0);   // more of B's value hurts
    const Matrix& gv = l.s.values->grad;
    CHECK(gv(2, 0) < 0);   // C's value, entry 1 up
    CHECK(gv(2, 2) > 0);   // C's value, entry 3 down
    // pulling A's query and B's key apart: B's key moves against A's query (gradient = ds_B * q)
    CHECK_MATRIX_NEAR(l.s.keys->grad.row(1), gs(0, 1) * ex.queries.row(0), 1e-15);
}

TEST_CASE("step 7: the default nudge agrees with the gradient, and ten steps lower the loss") {
    Learning l;
    const double g = l.grad("wq")(0, 1);
    Matrix nudged = ex.wq;
    nudged(0, 1) += ex.nudge;
    const double after = half_sse_loss(self_attend(constant(ex.embeddings), constant(nudged), constant(ex.wk),
                                                   constant(ex.wv), with_normalizer(ex.normalize), 0).output,
                                       constant(ex.target))->value(0, 0);
    CHECK(std::abs((after - l.loss) - ex.nudge * g) <= 1e-3 * std::abs(ex.nudge * g));

    LearningProblem p = problem();
    double previous = l.loss;
    for (int i = 0; i < 10; ++i) {
        double before = 0;
        p = descend(p, {"wq", "wk", "wv"}, ex.learning_rate, &before);
        CHECK(before == previous);
        const double now = learn(p).loss;
        CHECK(now < previous);
        previous = now;
    }
}

TEST_CASE("step 8: hard attention gives scores, queries and keys no gradient, soft gives the sliver one") {
    Learning hard("hard"), soft("softmax");
    CHECK(hard.s.scores->grad.isZero(0));
    CHECK(hard.s.queries->grad.isZero(0));
    CHECK(hard.s.keys->grad.isZero(0));
    CHECK_MATRIX_NEAR(hard.s.values->grad, rows({{0, 0, 0}, {0, 0, 0}, {-0.5, 2, 0.5}}), 0);   // o - t = C's value - target
    // A has the smallest softmax weight (0.017) and still gets a key and value gradient
    CHECK(soft.s.weights->value(0, 0) < 0.02);
    CHECK(soft.s.keys->grad.row(0).norm() > 0);
    CHECK(soft.s.values->grad.row(0).norm() > 0);
}

// Step 8's button: 30 steps of the default learning rate on Wq and Wk only (where to look).
// Hard attention never moves (no gradient reaches them); softmax learns below hard's loss.
TEST_CASE("step 8: learning where to look, 30 steps on Wq and Wk: soft ends below hard, hard never moves") {
    auto run = [](const std::string& normalize) {
        LearningProblem p = problem(normalize);
        const double first = learn(p).loss;
        for (int i = 0; i < 30; ++i) p = descend(p, {"wq", "wk"}, ex.learning_rate);
        return std::pair<double, double>{first, learn(p).loss};
    };
    const auto [soft_first, soft_last] = run("softmax");
    const auto [hard_first, hard_last] = run("hard");
    CHECK(hard_last == hard_first);
    CHECK(soft_last < soft_first);
    CHECK(soft_last < hard_last);
}

TEST_CASE("step 9: the token vectors' gradient, and one step of the default size lowers the loss") {
    Learning l;
    Matrix numeric(3, 3);   // central differences of the loss written out by hand
    for (Eigen::Index i = 0; i < numeric.size(); ++i) {
        const double h = 1e-6;
        Matrix up = ex.embeddings, down = ex.embeddings;
        up(i) += h;
        down(i) -= h;
        numeric(i) = (loss_by_hand(up) - loss_by_hand(down)) / (2 * h);
    }
    CHECK(l.loss == doctest::Approx(loss_by_hand(ex.embeddings)).epsilon(1e-15));
    CHECK_MATRIX_NEAR(l.grad("embeddings"), numeric, 1e-8);
    const LearningProblem next = descend(problem(), {"embeddings"}, ex.embedding_rate);
    // the step moved the token vectors against their gradient, and nothing else
    CHECK_MATRIX_NEAR(next.embeddings, ex.embeddings - ex.embedding_rate * numeric, 1e-8);
    CHECK_MATRIX_NEAR(next.wq, ex.wq, 0);
    CHECK(learn(next).loss < l.loss);
}

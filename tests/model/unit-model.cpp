// The model's forward pass: shapes, causal attention maps for every layer and head, and the
// gradient of a full training step's loss against finite differences.
#include "model/model.hpp"
#include "model/trainer.hpp"
#include "support/approx.hpp"

using namespace ae;

namespace {
ModelConfig tiny() {
    ModelConfig c;
    c.d = 4;
    c.heads = 2;
    c.layers = 2;
    c.context = 6;
    c.mlp = true;
    c.layer_norm = true;
    c.seed = 7;
    return c;
}
const std::vector<std::vector<int>> kBatch = {{0, 5, 6, 7}, {0, 8, 9}, {0, 3}};
const std::vector<int> kTargets = {5, 6, 7, 1, 8, 9, 1, 3, 1};
}  // namespace

TEST_CASE("forward: logits for every token, attention for every layer, head and sequence") {
    const Model m(tiny(), 12);
    const Forward f = m.forward(kBatch);
    CHECK(f.logits->rows() == 9);
    CHECK(f.logits->cols() == 12);
    REQUIRE(f.attention.size() == 2);
    for (const auto& layer : f.attention) {
        REQUIRE(layer.size() == 2);
        for (const auto& head : layer) {
            REQUIRE(head.size() == 3);
            const Matrix& w = head[0]->value;   // (4, 4), causal
            CHECK(w.rows() == 4);
            for (Eigen::Index i = 0; i < 4; ++i) {
                CHECK(w.row(i).sum() == doctest::Approx(1));
                for (Eigen::Index j = i + 1; j < 4; ++j) CHECK(w(i, j) == 0);
            }
        }
    }
}

TEST_CASE("a sequence's logits do not depend on the other sequences of its batch") {
    const Model m(tiny(), 12);
    const Matrix alone = m.forward({kBatch[1]}).logits->value;
    const Matrix together = m.forward(kBatch).logits->value.middleRows(4, 3);
    CHECK_MATRIX_NEAR(together, alone, 1e-12);
}

TEST_CASE("attention off: every position attends only to itself") {
    ModelConfig c = tiny();
    c.attention = false;
    const Forward f = Model(c, 12).forward(kBatch);
    CHECK_MATRIX_NEAR(f.attention[0][0][0]->value, Matrix::Identity(4, 4), 0);
}

TEST_CASE("gradient of a full training step's loss equals finite differences, every parameter") {
    const Model m(tiny(), 12);
    const Tensor loss = cross_entropy(m.forward(kBatch).logits, kTargets);
    backward(loss);
    double worst = 0;
    int checked = 0;
    for (const auto& [name, p] : m.named_parameters()) {
        for (Eigen::Index i = 0; i < p->value.size(); ++i) {
            const double saved = p->value(i), h = 1e-6;
            auto at = [&](double x) {
                NoGradGuard no_grad;
                p->value(i) = x;
                return cross_entropy(m.forward(kBatch).logits, kTargets)->value(0, 0);
            };
            const double numeric = (at(saved + h) - at(saved - h)) / (2 * h);
            p->value(i) = saved;
            const double err = std::abs(numeric - p->grad(i)) / std::max(1.0, std::abs(numeric));
            if (!(err <= worst)) INFO(name);   // NaN included
            worst = ae::test::nan_max(worst, err);
            ++checked;
        }
    }
    CHECK(checked > 300);
    CHECK(worst < 1e-6);
}

TEST_CASE("bad input to the model") {
    const Model m(tiny(), 12);
    CHECK_THROWS_WITH_AS(m.forward({{0, 1, 2, 3, 4, 5, 6}}), "model: a sequence of 7 tokens does not fit the context of 6",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(m.forward({{0, 12}}), "model: token id 12 is outside the vocabulary of 12", std::invalid_argument);
    ModelConfig c = tiny();
    c.heads = 3;
    CHECK_THROWS_WITH_AS(Model(c, 12), "model config: d = 4 is not divisible by heads = 3", std::invalid_argument);
}

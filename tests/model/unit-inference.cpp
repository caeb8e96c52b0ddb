// Predictions, attention maps and the PCA view of a trained model.
#include "model/inference.hpp"
#include "model/trainer.hpp"
#include "support/approx.hpp"

using namespace ae;

TEST_CASE("a trained model predicts the follower that the context word decides") {
    Trainer t{ModelConfig{}};
    t.train(400);
    const auto river = predict(t.model(), t.tokenizer(), "we saw the river near the bank", 3);
    const auto money = predict(t.model(), t.tokenizer(), "we saw the salary near the bank", 3);
    REQUIRE(river.size() == 3);
    CHECK(river[0].word == "grass");
    CHECK(money[0].word == "account");
    CHECK(river[0].probability > river[1].probability);
    CHECK(river[0].probability > 0.5);
    CHECK_THROWS_WITH_AS(predict(t.model(), t.tokenizer(), "x", 0), "predict: top = 0 must be >= 1", std::invalid_argument);
}

TEST_CASE("attention map: tokens with <bos>, unknown words marked, one causal matrix per head") {
    ModelConfig c;
    c.heads = 2;
    const Trainer t{c};
    const AttentionMap map = attention_map(t.model(), t.tokenizer(), "the zebra saw the bank");
    CHECK(map.tokens == std::vector<std::string>{"<bos>", "the", "zebra", "saw", "the", "bank"});
    CHECK(map.known == std::vector<bool>{true, true, false, true, true, true});
    REQUIRE(map.weights.size() == 1);
    REQUIRE(map.weights[0].size() == 2);
    for (const Matrix& w : map.weights[0]) {   // causal softmax rows: nothing above the diagonal, each sums to 1
        REQUIRE(w.rows() == 6);
        REQUIRE(w.cols() == 6);
        CHECK_MATRIX_NEAR(w.triangularView<Eigen::StrictlyUpper>().toDenseMatrix(), Matrix::Zero(6, 6), 0);
        CHECK_MATRIX_NEAR(w.rowwise().sum(), Matrix::Ones(6, 1), 1e-12);
    }
}

TEST_CASE("PCA: a hand-worked projection and a stable sign") {
    // Points on the line y = 2x: all variance on one component, none on the other.
    const Matrix x = ae::test::rows({{-1, -2}, {0, 0}, {1, 2}});
    const Matrix p = pca2(x);
    CHECK_MATRIX_NEAR(p.col(0), ae::test::rows({{-std::sqrt(5.0)}, {0}, {std::sqrt(5.0)}}), 1e-12);
    CHECK_MATRIX_NEAR(p.col(1), Matrix::Zero(3, 1), 1e-12);
    const Trainer t{ModelConfig{}};
    const EmbeddingView v = embedding_view(t.model(), t.tokenizer());
    CHECK_MATRIX_NEAR(v.vectors, t.model().parameter("token_embedding")->value, 0);
    CHECK_MATRIX_NEAR(v.projected, pca2(v.vectors), 0);
    CHECK(v.words == t.tokenizer().words());
}

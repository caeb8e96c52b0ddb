// Predictions, attention maps and the PCA view, all without building a graph.
#include "model/inference.hpp"

#include "engine/checks.hpp"

#include <algorithm>
#include <numeric>

namespace ae {
namespace {

// <bos> + the words, keeping the last `context` tokens.
std::vector<int> prompt(const Tokenizer& tokenizer, const std::string& text, int context) {
    std::vector<int> ids = tokenizer.encode(text, false);
    if (static_cast<int>(ids.size()) > context) ids.erase(ids.begin(), ids.end() - context);
    return ids;
}

}  // namespace

std::vector<Prediction> predict(const Model& model, const Tokenizer& tokenizer, const std::string& text, int top) {
    if (top < 1) fail("predict", "top = " + std::to_string(top) + " must be >= 1");
    NoGradGuard no_grad;
    const Forward f = model.forward({prompt(tokenizer, text, model.config().context)});
    // A loaded model's parameters may be finite yet large enough to overflow on the way.
    require_finite_result("predict", "the model's scores for the next word", f.logits->value.bottomRows(1));
    const Tensor probs = softmax_rows(constant(f.logits->value.bottomRows(1)));
    std::vector<int> order(static_cast<size_t>(tokenizer.size()));
    std::iota(order.begin(), order.end(), 0);
    const Matrix& p = probs->value;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p(0, a) > p(0, b); });
    std::vector<Prediction> out;
    for (int i = 0; i < std::min(top, tokenizer.size()); ++i)
        out.push_back({tokenizer.word(order[static_cast<size_t>(i)]), p(0, order[static_cast<size_t>(i)])});
    return out;
}

AttentionMap attention_map(const Model& model, const Tokenizer& tokenizer, const std::string& text) {
    NoGradGuard no_grad;
    const std::vector<int> ids = prompt(tokenizer, text, model.config().context);
    AttentionMap map;
    std::vector<std::string> words = tokenizer.split(text);
    words.insert(words.begin(), "<bos>");
    words.erase(words.begin(), words.end() - static_cast<long>(ids.size()));
    for (size_t i = 0; i < ids.size(); ++i) {
        map.tokens.push_back(words[i]);
        map.known.push_back(ids[i] != Tokenizer::kUnk);
    }
    const Forward f = model.forward({ids});
    for (const auto& layer : f.attention) {
        map.weights.emplace_back();
        for (const auto& head : layer) {
            require_finite_result("attention", "a head's weights", head[0]->value);
            map.weights.back().push_back(head[0]->value);
        }
    }
    return map;
}

Matrix pca2(const Matrix& x) {
    if (x.rows() < 2 || x.cols() < 2) fail("pca", "needs at least (2x2), got " + shape_of(x));
    const Matrix centred = x.rowwise() - x.colwise().mean();
    const Matrix cov = centred.transpose() * centred / static_cast<double>(x.rows() - 1);
    Eigen::SelfAdjointEigenSolver<Matrix> solver(cov);
    const Eigen::Index d = x.cols();
    Matrix components(d, 2);   // eigenvalues come in increasing order: take the last two
    components.col(0) = solver.eigenvectors().col(d - 1);
    components.col(1) = solver.eigenvectors().col(d - 2);
    for (Eigen::Index c = 0; c < 2; ++c) {
        Eigen::Index at = 0;
        components.col(c).cwiseAbs().maxCoeff(&at);
        if (components(at, c) < 0) components.col(c) *= -1;
    }
    return centred * components;
}

EmbeddingView embedding_view(const Model& model, const Tokenizer& tokenizer) {
    EmbeddingView view;
    view.words = tokenizer.words();
    view.vectors = model.parameter("token_embedding")->value;
    view.projected = pca2(view.vectors);
    require_finite_result("embeddings", "the 2-D projection", view.projected);
    return view;
}

}  // namespace ae

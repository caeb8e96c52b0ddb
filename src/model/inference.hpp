// What a reader asks of a model: next-word predictions, attention maps of a sentence, and the
// token embeddings projected to 2-D (PCA) for plotting.
#pragma once

#include "model/model.hpp"
#include "model/tokenizer.hpp"

#include <string>
#include <vector>

namespace ae {

struct Prediction {
    std::string word;
    double probability;
};

struct AttentionMap {
    std::vector<std::string> tokens;   // "<bos>" then the words (unknown ones as typed)
    std::vector<bool> known;           // false where a word is not in the vocabulary
    // weights[layer][head]: (L, L), rows = queries, causal
    std::vector<std::vector<Matrix>> weights;
};

struct EmbeddingView {
    std::vector<std::string> words;
    Matrix vectors;     // (V, d) the token embeddings
    Matrix projected;   // (V, 2) onto the top two principal components
};

// The `top` likeliest next words after `text` (which gets a leading <bos>; the last `context`
// tokens are used).
std::vector<Prediction> predict(const Model& model, const Tokenizer& tokenizer, const std::string& text, int top);
AttentionMap attention_map(const Model& model, const Tokenizer& tokenizer, const std::string& text);
EmbeddingView embedding_view(const Model& model, const Tokenizer& tokenizer);

// (n, 2) projection of the rows of `x` onto its top two principal components; each component's
// sign is fixed so its largest-magnitude loading is positive (stable from step to step).
Matrix pca2(const Matrix& x);

}  // namespace ae

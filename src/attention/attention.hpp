// Attention with every intermediate exposed as a graph node, named as the page names them.
// Shapes: m queries, n keys/values, d query/key width, dv value width.
//
//   scores  = queries . keys^T                      (m, n)  raw dot products
//   weights = normalise(scores / temperature)       (m, n)  each row sums to 1
//   output  = weights . values                      (m, dv)
//
// `scaled-softmax` also divides the scores by sqrt(d) before the softmax.
#pragma once

#include "engine/ops.hpp"

#include <string>
#include <vector>

namespace ae {

enum class Normalizer { Softmax, ScaledSoftmax, Sum, Hard };

Normalizer parse_normalizer(const std::string& name);   // "softmax" | "scaled-softmax" | "sum" | "hard"
std::string normalizer_name(Normalizer n);

struct AttentionOptions {
    Normalizer normalize = Normalizer::Softmax;
    double temperature = 1.0;   // divides the scores before a softmax; must be > 0
    bool causal = false;        // query i sees keys j <= i (aligned at the end when m != n)
    bool self_only = false;     // query i sees only key i: attention switched off
    // What error messages call query i ("A"); "query i+1" when absent. self_attend names the
    // queries after the tokens, so these are token names there.
    std::vector<std::string> names;
};

// How messages name query `i`.
std::string query_name(const AttentionOptions& options, Eigen::Index i);

struct Attention {
    Tensor scores;    // (m, n)
    Tensor weights;   // (m, n)
    Tensor output;    // (m, dv)
};

struct SelfAttention {
    Tensor queries;   // (n, d)  = embeddings . wq
    Tensor keys;      // (n, d)  = embeddings . wk
    Tensor values;    // (n, dv) = embeddings . wv
    Tensor scores;    // (n, n)
    Tensor weights;   // (n, n)
    Tensor output;    // (n, dv)
};

// What the scores are divided by before a softmax: the temperature, times sqrt(d) for
// scaled-softmax; 1 for the other normalisers.
double score_divisor(const AttentionOptions& options, Eigen::Index d);

// The softmax's exponentials of attend's scores (m, n): e^((s - row max) / divisor), the row's
// largest 1 and masked entries 0; the weights are each row divided by its sum. Softmax and
// scaled-softmax only.
Matrix softmax_exponentials(const Matrix& scores, Eigen::Index d, const AttentionOptions& options);

// queries (m, d), keys (n, d), values (n, dv). Inputs must be non-empty and finite.
Attention attend(const Tensor& queries, const Tensor& keys, const Tensor& values,
                 const AttentionOptions& options = {});

// The same graph with the shape checks only: for a model whose intermediates may legitimately
// overflow while it diverges (the trainer reports that as a non-finite loss).
Attention attention_graph(const Tensor& queries, const Tensor& keys, const Tensor& values,
                          const AttentionOptions& options);

// The page's weighted-sum step on its own: weights (m, n) . values (n, dv), finite or an error.
Matrix weighted_sum(const Matrix& weights, const Matrix& values);

// embeddings (n, e), wq (e, d), wk (e, d), wv (e, dv). With `focus` = i >= 0 only token i is
// a query (the walkthrough's "the token being worked on"): scores and weights are (1, n), the
// output (1, dv); queries, keys and values are still computed for every token.
SelfAttention self_attend(const Tensor& embeddings, const Tensor& wq, const Tensor& wk, const Tensor& wv,
                          const AttentionOptions& options = {}, Eigen::Index focus = -1);

// The mask `options` implies for m queries over n keys (empty when nothing is masked).
Mask attention_mask(Eigen::Index m, Eigen::Index n, const AttentionOptions& options);

}  // namespace ae

// The model's training step compiled once: the forward and backward that Model::forward +
// cross_entropy + ae::backward build as a fresh graph every step, op for op in the same
// floating-point order (so the same bits), replayed over buffers sized for the largest batch.
// A step allocates nothing; define-by-run stays the reference (and what the page shows).
#pragma once

#include "engine/kernels.hpp"
#include "model/model.hpp"

#include <vector>

namespace ae {

// A batch of sequences laid out flat: N tokens, sequence after sequence.
struct FlatBatch {
    std::vector<int> ids;         // (N) input token ids
    std::vector<int> positions;   // (N) each token's position within its sequence
    std::vector<int> lengths;     // one per sequence, each 1..context
    std::vector<int> targets;     // (N) the next word of each input token
    void clear();
    int tokens() const { return static_cast<int>(ids.size()); }
};

class CompiledStep {
public:
    // Buffers for `model.config().batch` sequences of up to `context` tokens; the model's
    // parameters are read and their grads written in place at every step.
    explicit CompiledStep(const Model& model);
    ~CompiledStep();
    CompiledStep(const CompiledStep&) = delete;
    CompiledStep& operator=(const CompiledStep&) = delete;

    // The mean next-word cross-entropy of `batch`; keeps what backward() needs.
    double forward(const FlatBatch& batch);
    // The same forward, returning `total` plus each token's cross-entropy term, added in row order
    // (forward() is that sum from 0, divided by N): a test set run batch by batch sums its terms as
    // one cross_entropy over all of it would, since every row is computed on its own.
    double forward_sum(const FlatBatch& batch, double total);
    // The (L, L) attention weights of `head` in `layer` for sequence `s` of the last forward.
    Eigen::Map<const Matrix> weights(int layer, int head, int s) const;
    // Adds d(loss)/d(parameter) of the last forward() into every parameter's grad.
    void backward();
    // (N, V) logits of the last forward().
    Eigen::Map<const Matrix> logits() const;

    struct Layer;   // one layer's parameters and buffers (compiled_step.cpp)

private:
    void attention_forward(Layer& layer, const double* h);
    void attention_backward(Layer& layer);
    void norm_forward(const double* x, const Node& gain, const Node& bias, std::vector<double>& xhat,
                      std::vector<double>& inv_std, double* y);
    void norm_backward(const double* g, const std::vector<double>& xhat, const std::vector<double>& inv_std,
                       Node& gain, Node& bias, double* dx);
    const double* transposed(const double* a, Eigen::Index k);
    void linear_backward(const double* a_t, Eigen::Index k, Node& w, const double* g, double* ga, Store into);
    double* slot(int i) { return heads_scratch_.data() + i * slot_size_; }

    const Model& model_;
    const FlatBatch* batch_ = nullptr;   // the last forward()'s batch
    Eigen::Index n_ = 0;                 // its token count
    Node *token_embedding_, *position_embedding_, *unembedding_, *unembedding_bias_;
    Node *final_gain_ = nullptr, *final_bias_ = nullptr;
    std::vector<Layer> layers_;
    std::vector<double> x0_, final_xhat_, final_inv_std_, hf_, logits_, probs_, ce_rows_;   // ce_rows_: each row's max, sum
    // Gradients flowing back (each (N, width)), and scratch: an activation transposed for a weight
    // gradient (a_t_), the MLP's output product, the per-head-and-sequence matrices of attention
    // (slots of `slot_size_`).
    std::vector<double> g_stream_, g_mid_, g_h_, g_heads_, g_q_, g_k_, g_v_, g_hidden_, g_pre_, g_logits_;
    std::vector<double> dxhat_, row_means_, a_t_, product_, heads_scratch_;
    Eigen::Index slot_size_ = 0;
};

}  // namespace ae

// The tiny next-word model: token + learned position embeddings -> `layers` causal
// self-attention layers (heads, residual, optional MLP and layer norm) -> unembedding.
//
// Shapes: N = total tokens of a batch of sequences, d = width, V = vocabulary, dh = d / heads.
// Sequences are stacked as rows; each one attends only within itself.
#pragma once

#include "attention/attention.hpp"
#include "model/config.hpp"

#include <map>
#include <string>
#include <vector>

namespace ae {

struct Forward {
    Tensor logits;   // (N, V)
    // attention[layer][head][sequence]: (L, L) weights of that sequence, rows = queries
    std::vector<std::vector<std::vector<Tensor>>> attention;
};

class Model {
public:
    Model(const ModelConfig& config, int vocab_size);   // seeded initial weights

    // Each sequence is a list of token ids, 1..context long.
    Forward forward(const std::vector<std::vector<int>>& sequences) const;

    const ModelConfig& config() const { return config_; }
    int vocab_size() const { return vocab_size_; }
    // Every parameter by a stable name ("token_embedding", "layer0.wq", ...).
    const std::map<std::string, Tensor>& named_parameters() const { return params_; }
    std::vector<Tensor> parameters() const;
    const Tensor& parameter(const std::string& name) const;
    void set_learning_rate(double lr) { config_.learning_rate = lr; }

private:
    Tensor add_param(const std::string& name, Matrix value);

    ModelConfig config_;
    int vocab_size_;
    std::map<std::string, Tensor> params_;
};

}  // namespace ae

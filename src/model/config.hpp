// The tiny language model's configuration, with the defaults the page and the tests use.
#pragma once

#include <cstdint>
#include <string>

namespace ae {

struct ModelConfig {
    int d = 16;                  // model width (embedding size); heads must divide it
    int heads = 1;               // attention heads per layer, each of width d / heads
    int layers = 1;              // attention layers (each: attention + residual [+ MLP])
    int context = 16;            // longest input window, in tokens
    bool mlp = false;            // a 4d ReLU MLP with residual after each attention
    bool layer_norm = false;     // pre-norm before attention, MLP and unembedding
    bool attention = true;       // false: each position attends only to itself
    int batch = 16;              // sentences per training step
    double learning_rate = 2e-2; // Adam
    std::uint64_t seed = 1;      // initial weights and batch order
};

// Throws std::invalid_argument naming the first field out of range.
void validate(const ModelConfig& config);

}  // namespace ae

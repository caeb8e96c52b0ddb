// The walkthrough's learning problem (steps 7-9): self-attention for one focus token, a target
// for its output, the loss between them, every gradient, and gradient-descent steps on chosen
// inputs. The bindings and the native page tests both call this, so they compute one thing.
//
//   loss = 1/2 sum((output - target)^2)           (1, 1)
//   a step: W <- W - learning_rate * dloss/dW     for each W named in `learn`
#pragma once

#include "attention/attention.hpp"

#include <map>
#include <string>
#include <vector>

namespace ae {

struct LearningProblem {
    Matrix embeddings;          // (n, e) one row per token
    Matrix wq, wk, wv;          // (e, d), (e, d), (e, dv)
    AttentionOptions options;
    Eigen::Index focus = -1;    // the token being worked on; -1: every token is a query
    Matrix target;              // (1, dv) with a focus, else (n, dv); empty: no loss, no gradients
};

// The names of the inputs a step may change, in the order results list them.
const std::vector<std::string>& learnable_inputs();   // embeddings, wq, wk, wv

struct Learned {
    std::map<std::string, Tensor> inputs;   // learnable_inputs(), as graph leaves with gradients
    SelfAttention attention;                // queries ... output, each with its gradient
    double loss = 0;                        // 0 when the problem has no target
};

// loss = 1/2 sum((output - target)^2), then its backward pass; returns the loss. Checks the
// target's shape and that the loss is finite.
double backward_to_target(const Tensor& output, const Matrix& target);

// Forward, and with a target the loss and its backward pass.
Learned learn(const LearningProblem& problem);

// One gradient-descent step on the inputs named in `learn` (each once, from learnable_inputs()).
// Returns the problem with those inputs moved; `loss_before` receives the loss before the step.
LearningProblem descend(const LearningProblem& problem, const std::vector<std::string>& learn,
                        double learning_rate, double* loss_before = nullptr);

}  // namespace ae

// The worked example of the walkthrough: token A attending over A, B, C with 3-number vectors.
// One source of these defaults for the engine's tests, the JS API and the page.
#pragma once

#include "engine/tensor.hpp"

#include <string>
#include <vector>

namespace ae {

struct WorkedExample {
    std::vector<std::string> tokens;   // "A", "B", "C"
    Matrix queries;         // (3, 3); row A is the explanation's, rows B and C are the project's
    Matrix keys;            // (3, 3)
    Matrix values;          // (3, 3)
    Matrix embeddings;      // (3, 3) one-hot tokens, so Q = Wq, K = Wk, V = Wv row by row
    Matrix wq, wk, wv;      // (3, 3)
    Matrix stated_scores;   // (1, 3) as the explanation states them: 1, 4, 5 (B's is mis-added)
    Matrix stated_weights;  // (1, 3) 0.1, 0.4, 0.5
    Matrix stated_output;   // (1, 3) 0.2, 1.3, 0.6
    Matrix target;          // (1, 3) the default target for A's output in the learning steps

    // The page's other defaults, kept here so the native test of "every number the default page
    // shows" and the page read the same values.
    std::string normalize = "softmax";   // the weights used after step 4
    double temperature = 1;
    double learning_rate = 0.5;          // step 7's gradient-descent step size
    double embedding_rate = 0.1;         // step 9's step size for the token vectors
    double nudge = 1e-4;                 // step 7's nudge epsilon
};

const WorkedExample& worked_example();

}  // namespace ae

// Honest baselines for the training demo's loss chart: the mean next-word loss of three models
// that need no attention (guessing uniformly, the unigram and the bigram model), fitted to and
// measured on the training sentences, the same windows the model trains on.
#pragma once

#include "model/tokenizer.hpp"

#include <string>
#include <vector>

namespace ae {

struct Baselines {
    double uniform = 0;      // ln V: every word of the vocabulary equally likely
    double unigram = 0;      // each word as often as it occurs in training, ignoring what came before
    double bigram = 0;       // each word as often as it follows the word before it in training
    int vocabulary = 0;      // V, the words a model chooses from (with <bos>, <eos>, <unk>)
    long predictions = 0;    // next words counted (the targets of every training window)
};

// `context`: the model's input window, so the counts cover exactly the words the model predicts.
Baselines baselines(const Tokenizer& tokenizer, const std::vector<std::string>& sentences, int context);

}  // namespace ae

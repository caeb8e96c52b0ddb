// The baselines' losses: empirical entropies of the training targets, alone (unigram) and given
// the word before (bigram). A model fitted by counting reaches exactly these on the data it counted.
#include "model/baselines.hpp"

#include "model/trainer.hpp"

#include <cmath>
#include <map>

namespace ae {

Baselines baselines(const Tokenizer& tokenizer, const std::vector<std::string>& sentences, int context) {
    std::vector<long> unigram(static_cast<size_t>(tokenizer.size()), 0);
    std::map<std::pair<int, int>, long> bigram;   // (previous, next) -> count
    std::vector<long> previous(static_cast<size_t>(tokenizer.size()), 0);
    Baselines out;
    for (const auto& s : sentences) {
        const std::vector<int> ids = window(tokenizer, s, context);
        for (size_t i = 1; i < ids.size(); ++i) {
            ++unigram[static_cast<size_t>(ids[i])];
            ++bigram[{ids[i - 1], ids[i]}];
            ++previous[static_cast<size_t>(ids[i - 1])];
            ++out.predictions;
        }
    }
    const double n = static_cast<double>(out.predictions);
    out.vocabulary = tokenizer.size();
    out.uniform = std::log(static_cast<double>(tokenizer.size()));
    for (long c : unigram)
        if (c > 0) out.unigram -= static_cast<double>(c) / n * std::log(static_cast<double>(c) / n);
    for (const auto& [pair, c] : bigram) {
        const double given = static_cast<double>(previous[static_cast<size_t>(pair.first)]);
        out.bigram -= static_cast<double>(c) / n * std::log(static_cast<double>(c) / given);
    }
    return out;
}

}  // namespace ae

// The loss chart's baselines, recomputed here from the corpus text alone (words split by hand,
// string counts, the loss as an average over every predicted word) and compared with the engine's.
#include "model/baselines.hpp"
#include "model/config.hpp"
#include "model/corpus.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

using namespace ae;

TEST_CASE("baselines: uniform, unigram and bigram losses match a count done from the corpus text") {
    const auto& train = corpus().train;
    const int context = ModelConfig{}.context;
    std::set<std::string> vocabulary = {"<bos>", "<eos>", "<unk>"};
    std::vector<std::vector<std::string>> windows;
    for (const auto& s : train) {
        std::vector<std::string> w = {"<bos>"};
        std::istringstream words(s);
        for (std::string word; words >> word;) w.push_back(word);
        w.push_back("<eos>");
        for (size_t i = 1; i + 1 < w.size(); ++i) vocabulary.insert(w[i]);
        if (w.size() > static_cast<size_t>(context + 1)) w.resize(static_cast<size_t>(context + 1));
        windows.push_back(w);
    }
    std::map<std::string, double> next, before;
    std::map<std::pair<std::string, std::string>, double> pairs;
    double n = 0;
    for (const auto& w : windows)
        for (size_t i = 1; i < w.size(); ++i, ++n) {
            next[w[i]] += 1;
            before[w[i - 1]] += 1;
            pairs[{w[i - 1], w[i]}] += 1;
        }
    // Loss of each counted model, averaged over every predicted word (not an entropy formula).
    double unigram = 0, bigram = 0;
    for (const auto& w : windows)
        for (size_t i = 1; i < w.size(); ++i) {
            unigram -= std::log(next[w[i]] / n) / n;
            bigram -= std::log(pairs[{w[i - 1], w[i]}] / before[w[i - 1]]) / n;
        }

    const Baselines b = baselines(Tokenizer::from_sentences(train), train, context);
    CHECK(b.predictions == static_cast<long>(n));
    CHECK(b.vocabulary == static_cast<int>(vocabulary.size()));
    CHECK(b.uniform == doctest::Approx(std::log(static_cast<double>(vocabulary.size()))).epsilon(1e-12));
    CHECK(b.unigram == doctest::Approx(unigram).epsilon(1e-9));
    CHECK(b.bigram == doctest::Approx(bigram).epsilon(1e-9));
    // Each model sees more than the one before it, so it can only do better.
    CHECK(b.bigram < b.unigram);
    CHECK(b.unigram < b.uniform);
}

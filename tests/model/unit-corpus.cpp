// The corpus and tokenizer: size, determinism, and a split whose test pairs are never trained on.
#include "model/corpus.hpp"
#include "model/tokenizer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

using namespace ae;

namespace {
// (context word, distance to "bank") of every bank sentence in `sentences`.
std::set<std::pair<std::string, int>> bank_combinations(const std::vector<std::string>& sentences) {
    std::set<std::pair<std::string, int>> out;
    const Tokenizer t;
    for (const auto& s : sentences) {
        const auto words = t.split(s);
        for (size_t i = 0; i < words.size(); ++i) {
            if (words[i] != "bank") continue;
            for (size_t j = 0; j < i; ++j)
                for (const auto& p : bank_pairs())
                    if (words[j] == p.context) out.emplace(p.context, static_cast<int>(i - j));
        }
    }
    return out;
}
}  // namespace

TEST_CASE("vocabulary of at most 80 words, specials first") {
    const Tokenizer t = Tokenizer::from_sentences(corpus().train);
    CHECK(t.size() <= 80);
    CHECK(t.word(0) == "<bos>");
    CHECK(t.word(1) == "<eos>");
    CHECK(t.word(2) == "<unk>");
    for (const auto& s : corpus().test)
        for (const auto& w : t.split(s)) CHECK(t.known(w));
}

TEST_CASE("every generated bank sentence: context word 1-8 words before bank, its follower after") {
    const Tokenizer t;
    int bank_sentences = 0;
    for (const auto* split : {&corpus().train, &corpus().test})
        for (const auto& s : *split) {
            const auto words = t.split(s);
            const auto bank = std::find(words.begin(), words.end(), "bank");
            if (bank == words.end()) continue;
            ++bank_sentences;
            REQUIRE(bank + 1 != words.end());
            bool found = false;
            for (const auto& p : bank_pairs()) {
                const auto ctx = std::find(words.begin(), bank, p.context);
                if (ctx == bank) continue;
                found = true;
                CHECK(bank - ctx >= 1);
                CHECK(bank - ctx <= 8);
                CHECK(*(bank + 1) == p.follower);
            }
            CHECK(found);
        }
    CHECK(bank_sentences > 1000);
}

TEST_CASE("test sentences use (context word, distance) pairs never seen in training") {
    const auto train = bank_combinations(corpus().train);
    const auto test = bank_combinations(corpus().test);
    CHECK(test.size() == 12);
    for (const auto& combo : test) {
        CAPTURE(combo.first);
        CAPTURE(combo.second);
        CHECK(train.count(combo) == 0);
    }
}

TEST_CASE("the corpus is the same on every call, the split is fixed") {
    CHECK(corpus().train.size() > 1400);
    CHECK(corpus().test.size() == 180);
    CHECK(&corpus() == &corpus());
    CHECK(corpus().test.front() == "the boy saw the river bank grass");
}

TEST_CASE("tokenizer: encode with specials, unknown words, bad vocabularies") {
    const Tokenizer t = Tokenizer::from_sentences({"the river bank"});
    CHECK(t.encode("The river BANK") == std::vector<int>{0, 3, 4, 5, 1});
    CHECK(t.encode("the zebra", false) == std::vector<int>{0, 3, Tokenizer::kUnk});
    CHECK_THROWS_WITH_AS(Tokenizer::from_words({"a"}), "tokenizer: vocabulary must start with <bos>, <eos>, <unk>",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(Tokenizer::from_words({"<bos>", "<eos>", "<unk>", "x", "x"}),
                         "tokenizer: word 'x' appears twice in the vocabulary", std::invalid_argument);
}

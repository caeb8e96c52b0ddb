// Word-level tokeniser: words split on spaces, with <bos>, <eos> and <unk> (ids 0, 1, 2).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace ae {

class Tokenizer {
public:
    static constexpr int kBos = 0, kEos = 1, kUnk = 2;

    // Vocabulary: the three specials, then every word of `sentences` in order of first use.
    static Tokenizer from_sentences(const std::vector<std::string>& sentences);
    // From a saved word list; throws if it does not start with the specials or repeats a word.
    static Tokenizer from_words(std::vector<std::string> words);

    // "<bos> w1 w2 ... <eos>" as ids; unknown words become <unk>. `with_eos` off for prompts.
    std::vector<int> encode(const std::string& sentence, bool with_eos = true) const;
    std::vector<std::string> split(const std::string& text) const;   // the words, lower-cased
    int id(const std::string& word) const;                           // kUnk if unknown
    bool known(const std::string& word) const;
    const std::string& word(int id) const;
    int size() const { return static_cast<int>(words_.size()); }
    const std::vector<std::string>& words() const { return words_; }

private:
    std::vector<std::string> words_;
    std::unordered_map<std::string, int> ids_;
};

}  // namespace ae

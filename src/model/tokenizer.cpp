// Tokeniser implementation.
#include "model/tokenizer.hpp"

#include "engine/checks.hpp"

#include <algorithm>
#include <cctype>

namespace ae {

Tokenizer Tokenizer::from_sentences(const std::vector<std::string>& sentences) {
    std::vector<std::string> words = {"<bos>", "<eos>", "<unk>"};
    std::unordered_map<std::string, int> seen;
    for (const auto& w : words) seen.emplace(w, 0);
    Tokenizer probe;
    for (const auto& s : sentences)
        for (const auto& w : probe.split(s))
            if (seen.emplace(w, 0).second) words.push_back(w);
    return from_words(std::move(words));
}

Tokenizer Tokenizer::from_words(std::vector<std::string> words) {
    if (words.size() < 3 || words[0] != "<bos>" || words[1] != "<eos>" || words[2] != "<unk>")
        fail("tokenizer", "vocabulary must start with <bos>, <eos>, <unk>");
    Tokenizer t;
    for (size_t i = 0; i < words.size(); ++i)
        if (!t.ids_.emplace(words[i], static_cast<int>(i)).second)
            fail("tokenizer", "word '" + words[i] + "' appears twice in the vocabulary");
    t.words_ = std::move(words);
    return t;
}

std::vector<std::string> Tokenizer::split(const std::string& text) const {
    // Words are what `std::istream >> word` reads (runs between C-locale spaces), found by hand:
    // no streams, which would add ~70 KB to the WebAssembly module.
    std::vector<std::string> out;
    const auto space = [](char ch) { return std::isspace(static_cast<unsigned char>(ch)) != 0; };
    for (auto at = text.begin(); at != text.end();) {
        at = std::find_if_not(at, text.end(), space);
        const auto end = std::find_if(at, text.end(), space);
        if (at == end) break;
        std::string w(at, end);
        for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        out.push_back(std::move(w));
        at = end;
    }
    return out;
}

std::vector<int> Tokenizer::encode(const std::string& sentence, bool with_eos) const {
    std::vector<int> ids = {kBos};
    for (const auto& w : split(sentence)) ids.push_back(id(w));
    if (with_eos) ids.push_back(kEos);
    return ids;
}

int Tokenizer::id(const std::string& word) const {
    auto it = ids_.find(word);
    return it == ids_.end() ? kUnk : it->second;
}

bool Tokenizer::known(const std::string& word) const { return ids_.count(word) > 0; }

const std::string& Tokenizer::word(int id) const {
    if (id < 0 || id >= size()) fail("tokenizer", "id " + std::to_string(id) + " is outside the vocabulary of " + std::to_string(size()));
    return words_[static_cast<size_t>(id)];
}

}  // namespace ae

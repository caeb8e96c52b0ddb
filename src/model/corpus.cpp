// The template grammar and the hand-written sentences of the corpus.
#include "model/corpus.hpp"

#include "engine/rng.hpp"

namespace ae {
namespace {

const std::vector<std::string> kSubjects = {"the boy", "the girl", "the farmer", "the teacher", "my friend",
                                            "we", "they", "she", "he"};
// Neutral about the sense: only the context word tells river from money.
const std::vector<std::string> kVerbs = {"saw the", "spoke of the", "thought about the", "talked about the",
                                         "heard about the", "found the", "mentioned the", "forgot the"};
const std::vector<std::vector<std::string>> kFillers = {
    {},
    {"then", "later", "again", "slowly", "soon", "quickly"},
    {"and then", "that day", "after all", "we waited", "she stopped", "he walked"},
    {"a bit later", "some time later", "on the way", "and went to"},
};
const std::vector<std::string> kBeforeBank = {"near the", "at the", "by the"};

constexpr int kMaxDistance = 8;        // the context word stands 1..8 words before "bank"
constexpr int kTrainPerPair = 40;      // sentences per seen (context, distance)
constexpr int kTestPerPair = 15;       // sentences per held-out (context, distance)
constexpr std::uint64_t kCorpusSeed = 20261127;

const std::string& pick(Rng& rng, const std::vector<std::string>& from) { return from[rng.below(from.size())]; }

// Exactly `count` filler words; the last two are often "near the" / "at the" / "by the".
std::string fillers(Rng& rng, int count) {
    std::string out;
    auto append = [&](const std::string& phrase) { out += (out.empty() ? "" : " ") + phrase; };
    const bool lead_in = count >= 2 && rng.below(2) == 0;
    int left = lead_in ? count - 2 : count;
    while (left > 0) {
        const int len = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(std::min(left, 3))));
        append(pick(rng, kFillers[static_cast<size_t>(len)]));
        left -= len;
    }
    if (lead_in) append(pick(rng, kBeforeBank));
    return out;
}

std::string sentence(Rng& rng, const BankPair& pair, int distance) {
    // One draw per statement: the order of operands of + is unspecified, and GCC and Clang
    // differ, which would give a different corpus natively and in WebAssembly.
    const std::string subject = pick(rng, kSubjects);
    const std::string verb = pick(rng, kVerbs);
    std::string s = subject + " " + verb + " " + pair.context;
    const std::string gap = fillers(rng, distance - 1);
    if (!gap.empty()) s += " " + gap;
    return s + " bank " + pair.follower;
}

// Each context word keeps two of its eight distances for the test split only; every distance
// is still seen in training with other context words.
bool held_out(size_t context_index, int distance) {
    const int a = static_cast<int>(context_index * 3) % kMaxDistance + 1;
    const int b = static_cast<int>(context_index * 3 + 5) % kMaxDistance + 1;
    return distance == a || distance == b;
}

// Written by hand, in the grammar's vocabulary; same rule: the context word decides the follower.
const std::vector<std::string> kHandWritten = {
    "the farmer saw the river rise over the bank grass",
    "after all the river and the bank grass",
    "we talked about the stream and walked to the bank fish",
    "the boy found the creek and sat by the bank mud",
    "my friend forgot the money at the bank loan",
    "she thought about the salary and then went to the bank account",
    "he mentioned the cash and then the bank vault",
    "the teacher spoke of the stream that day at the bank fish",
    "they saw the creek later near the old bank mud",
    "the girl heard about the salary bank account",
    "we found the cash on the way to the bank vault",
    "the boy talked about the money and then the bank loan",
    "she saw the river slowly by the bank grass",
    "he forgot the creek some time later at the bank mud",
    "my friend spoke of the cash then the bank vault",
    "the farmer thought about the salary a bit later near the bank account",
    "the girl walked to the stream near the bank fish",
    "they mentioned the money soon at the bank loan",
    "we saw the boy and the girl",
    "the teacher walked home slowly",
    "she waited and then she stopped",
    "he saw the farmer that day",
    "the boy and the girl walked home",
    "my friend waited some time later",
    "they talked about the teacher again",
    "we went to the river",
    "she spoke of the money",
    "the farmer found the cash",
    "he heard about the stream",
    "the girl thought about the salary",
};

Corpus build() {
    Corpus c;
    Rng rng(kCorpusSeed);
    const auto& pairs = bank_pairs();
    for (size_t i = 0; i < pairs.size(); ++i)
        for (int d = 1; d <= kMaxDistance; ++d) {
            const bool test = held_out(i, d);
            const int n = test ? kTestPerPair : kTrainPerPair;
            for (int k = 0; k < n; ++k) (test ? c.test : c.train).push_back(sentence(rng, pairs[i], d));
        }
    c.train.insert(c.train.end(), kHandWritten.begin(), kHandWritten.end());
    return c;
}

}  // namespace

const std::vector<BankPair>& bank_pairs() {
    static const std::vector<BankPair> pairs = {
        {"river", "grass", "river"}, {"stream", "fish", "river"},  {"creek", "mud", "river"},
        {"money", "loan", "money"},  {"salary", "account", "money"}, {"cash", "vault", "money"},
    };
    return pairs;
}

const Corpus& corpus() {
    static const Corpus c = build();
    return c;
}

}  // namespace ae

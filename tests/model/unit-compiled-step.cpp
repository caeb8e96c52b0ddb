// The compiled (replayed) training step against define-by-run: the same losses and parameters,
// bit for bit, over 1,000 steps; the evaluation (the compiled forward, a batch of test sentences
// at a time) equals one define-by-run forward over the whole test split, bit for bit; and a
// replayed step makes no heap allocation (counted by src/cli/allocation_counter.cpp, linked into
// this test binary).
#include "cli/allocation_counter.hpp"
#include "model/corpus.hpp"
#include "model/trainer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

using namespace ae;

namespace {

// Trains two copies of `config` side by side, one replayed, one define-by-run.
void check_same_bits(const ModelConfig& config, int steps) {
    Trainer replay{config}, graph{config};
    graph.set_step_mode(StepMode::DefineByRun);
    int differing = 0;
    for (int i = 0; i < steps; ++i) {
        const StepResult a = replay.train_step(), b = graph.train_step();
        if (a.loss != b.loss || a.accuracy != b.accuracy) {
            if (differing++ == 0) MESSAGE("first difference at step ", a.step, ": ", a.loss, " vs ", b.loss);
        }
    }
    CHECK(differing == 0);
    const auto& pa = replay.model().named_parameters();
    const auto& pb = graph.model().named_parameters();
    for (const auto& [name, p] : pa) {
        INFO(name);
        CHECK(p->value == pb.at(name)->value);
    }
}

ModelConfig deep(bool layer_norm) {
    ModelConfig c;
    c.layers = 2;
    c.heads = 2;
    c.mlp = true;
    c.layer_norm = layer_norm;
    c.batch = 8;
    return c;
}

// The test split's loss, accuracy and per-head context finding by one define-by-run graph
// (how Trainer::evaluate computed them before it used the compiled forward).
Evaluation graph_evaluation(const Trainer& t) {
    NoGradGuard no_grad;
    std::vector<std::vector<int>> inputs;
    std::vector<int> targets;
    for (const auto& sentence : corpus().test) {
        const std::vector<int> w = window(t.tokenizer(), sentence, t.model().config().context);
        inputs.emplace_back(w.begin(), w.end() - 1);
        targets.insert(targets.end(), w.begin() + 1, w.end());
    }
    const Forward f = t.model().forward(inputs);
    const auto argmax = [](const Matrix& m, Eigen::Index row) {
        Eigen::Index best = 0;
        m.row(row).maxCoeff(&best);
        return best;
    };
    std::vector<int> context_ids;
    for (const auto& pair : bank_pairs()) context_ids.push_back(t.tokenizer().id(pair.context));
    const int bank = t.tokenizer().id("bank");
    Evaluation e;
    e.loss = cross_entropy(f.logits, targets)->value(0, 0);
    int right = 0, row = 0;
    std::vector<int> finds(f.attention.front().size(), 0);
    for (size_t s = 0; s < inputs.size(); ++s) {
        for (size_t i = 0; i < inputs[s].size(); ++i, ++row) {
            right += argmax(f.logits->value, row) == targets[static_cast<size_t>(row)];
            if (inputs[s][i] != bank) continue;
            Eigen::Index context_at = -1;
            for (size_t j = 0; j < i; ++j)
                if (std::count(context_ids.begin(), context_ids.end(), inputs[s][j])) context_at = static_cast<Eigen::Index>(j);
            for (size_t h = 0; h < finds.size(); ++h)
                finds[h] += context_at >= 0 && argmax(f.attention.front()[h][s]->value, static_cast<Eigen::Index>(i)) == context_at;
        }
    }
    e.accuracy = static_cast<double>(right) / static_cast<double>(targets.size());
    for (int n : finds) e.head_finds_context.push_back(n);
    return e;
}

}  // namespace

TEST_CASE("evaluation through the compiled forward = one define-by-run graph over the test split, bit for bit") {
    ModelConfig bigger;   // the page's bigger model: 4 sentences a batch, so 45 batches of test sentences
    bigger.layers = 2;
    bigger.heads = 4;
    bigger.d = 64;
    bigger.layer_norm = true;
    bigger.batch = 4;
    for (const ModelConfig& c : {ModelConfig{}, deep(false), bigger}) {
        Trainer t{c};
        t.train(150);   // far enough that heads find the context word (compared below)
        const Evaluation e = t.evaluate(), g = graph_evaluation(t);
        CHECK(e.loss == g.loss);
        CHECK(e.accuracy == g.accuracy);
        REQUIRE(e.head_finds_context.size() == g.head_finds_context.size());
        for (size_t h = 0; h < g.head_finds_context.size(); ++h)
            CHECK(e.head_finds_context[h] == g.head_finds_context[h] / e.bank_count);
        CHECK(*std::max_element(g.head_finds_context.begin(), g.head_finds_context.end()) > 0);
    }
}

TEST_CASE("replay = define-by-run, bit for bit, over 1,000 steps: default config") { check_same_bits(ModelConfig{}, 1000); }

TEST_CASE("replay = define-by-run, bit for bit, over 1,000 steps: 2 layers, 2 heads, MLP, layer norm") {
    check_same_bits(deep(true), 1000);
}

TEST_CASE("replay = define-by-run, bit for bit, over 1,000 steps: 2 layers, 2 heads, MLP, no layer norm") {
    check_same_bits(deep(false), 1000);
}

TEST_CASE("replay = define-by-run, bit for bit, over 1,000 steps: attention off, one sequence per batch") {
    ModelConfig c;
    c.attention = false;
    c.batch = 1;
    check_same_bits(c, 1000);
}

TEST_CASE("a replayed training step makes no heap allocation (default and large configs)") {
    ModelConfig large;
    large.d = 32;
    large.heads = 2;
    large.mlp = true;
    large.batch = 64;
    for (const ModelConfig& c : {ModelConfig{}, large, deep(true)}) {
        Trainer t{c};
        for (int i = 0; i < 3; ++i) t.train_step();   // the first steps size the gradients and moments
        const long before = ae::allocations();
        for (int i = 0; i < 20; ++i) t.train_step();
        CHECK(ae::allocations() - before == 0);
    }
}

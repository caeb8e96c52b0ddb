// The compiled (replayed) training step against define-by-run: the same losses and parameters,
// bit for bit, over 1,000 steps; and a replayed step makes no heap allocation (counted by
// src/cli/allocation_counter.cpp, linked into this test binary).
#include "cli/allocation_counter.hpp"
#include "model/trainer.hpp"

#include <doctest/doctest.h>

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

}  // namespace

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

// The compiled (replayed) training step against define-by-run: the same losses and parameters,
// bit for bit, over 1,000 steps; and a replayed step makes no heap allocation (malloc is wrapped
// for this test binary, see tests/CMakeLists.txt).
#include "model/trainer.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> g_allocations{0};
}

extern "C" {
void* __real_malloc(size_t);
void* __real_calloc(size_t, size_t);
void* __real_realloc(void*, size_t);
void* __wrap_malloc(size_t n);
void* __wrap_calloc(size_t n, size_t size);
void* __wrap_realloc(void* p, size_t n);
void* __wrap_malloc(size_t n) {
    ++g_allocations;
    return __real_malloc(n);
}
void* __wrap_calloc(size_t n, size_t size) {
    ++g_allocations;
    return __real_calloc(n, size);
}
void* __wrap_realloc(void* p, size_t n) {
    ++g_allocations;
    return __real_realloc(p, n);
}
}

// A shared libstdc++ calls malloc from inside itself, where --wrap does not reach: replacing
// operator new with one that calls malloc from here counts every std::vector and shared_ptr too.
void* operator new(std::size_t n) {
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"   // free() is right: this new calls malloc
#endif
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

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
        const long before = g_allocations.load();
        for (int i = 0; i < 20; ++i) t.train_step();
        CHECK(g_allocations.load() - before == 0);
    }
}

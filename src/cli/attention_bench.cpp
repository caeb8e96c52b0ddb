// attention-bench: training speed of the tiny model and heap allocations per step in the steady
// state, natively and (built under emcmake) in WebAssembly, counted by wrapping malloc (linked with
// --wrap, see CMakeLists.txt) and replacing operator new: Eigen's and the standard library's
// allocations alike. The replayed step and the define-by-run step in the same run; one JSON
// object per config.
//
//   attention-bench [--steps N] [--runs N]
#include "allocation_counter.hpp"
#include "model/corpus.hpp"
#include "model/serialize.hpp"

#include <nlohmann/json.hpp>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

namespace {

struct Named {
    const char* name;
    ae::ModelConfig config;
};

// Matrix-product FLOPs of one training step, averaged over the corpus's training windows (a batch
// draws them uniformly): each forward product 2mkn, the backward two products per forward one.
// Layer norm, softmax, exp and Adam are not counted.
double matmul_flops_per_step(const ae::ModelConfig& c) {
    const ae::Tokenizer t = ae::Tokenizer::from_sentences(ae::corpus().train);
    const double d = c.d, v = t.size();
    double total = 0;
    for (const auto& sentence : ae::corpus().train) {
        const double len = static_cast<double>(ae::window(t, sentence, c.context).size() - 1);
        const double layer = 8 * len * d * d           // q, k, v and the output projection
                             + 4 * len * len * d        // scores and weighted sums, all heads
                             + (c.mlp ? 16 * len * d * d : 0);
        total += 3 * (c.layers * layer + 2 * len * d * v);   // + unembedding; x3: forward + backward
    }
    return c.batch * total / static_cast<double>(ae::corpus().train.size());
}

// CPU time of this process in ms: on a machine shared with other work, steps timed by the wall
// clock also count the time others had the core; both are reported.
double cpu_ms() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_DOUBLE({
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
    }, 0);   // one (unused) argument: the macro takes at least one under -Wpedantic
#else
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

// The core's clock while busy, in MHz: a chain of dependent 64-bit multiplies takes 3 cycles a
// link on x86-64 cores (Intel since Nehalem, AMD since Zen), so links per CPU second give cycles
// per second; a VM's /proc/cpuinfo shows the nominal clock, not the one the benchmark runs at.
// (A chain of immediate adds would not do: recent cores fold those away at rename.) 0 elsewhere.
double measured_mhz() {
#if defined(__x86_64__)
    constexpr long kIterations = 20'000'000;   // 10 multiplies each
    long x = 3;
    const double start = cpu_ms();
    for (long i = 0; i < kIterations; ++i)
        asm volatile("imul %0, %0\n\timul %0, %0\n\timul %0, %0\n\timul %0, %0\n\timul %0, %0\n\t"
                     "imul %0, %0\n\timul %0, %0\n\timul %0, %0\n\timul %0, %0\n\timul %0, %0"
                     : "+r"(x));
    return 3 * 10.0 * static_cast<double>(kIterations) / ((cpu_ms() - start) / 1000) / 1e6;
#else
    return 0;
#endif
}

double median(std::vector<double> xs) {
    std::sort(xs.begin(), xs.end());
    return xs[xs.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int steps = 300, runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--steps") steps = std::atoi(argv[i + 1]);
        else if (flag == "--runs") runs = std::atoi(argv[i + 1]);
    }
    ae::ModelConfig large;
    large.d = 32;
    large.heads = 2;
    large.mlp = true;
    large.batch = 64;
    ae::ModelConfig batch64;
    batch64.batch = 64;
    ae::ModelConfig bigger;   // the page's "bigger model"
    bigger.layers = 2;
    bigger.heads = 4;
    bigger.d = 64;
    bigger.layer_norm = true;
    bigger.batch = 4;
    struct Run {
        double wall_ms, cpu_ms;
        long allocations;
    };
    const auto run = [&](const ae::ModelConfig& config, ae::StepMode mode) {
        ae::Trainer t{config};
        t.set_step_mode(mode);
        for (int i = 0; i < 50; ++i) t.train_step();
        const long before = ae::allocations();
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = cpu_ms();
        for (int i = 0; i < steps; ++i) t.train_step();
        const double cpu_spent = cpu_ms() - cpu_start;
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return Run{ms / steps, cpu_spent / steps, ae::allocations() - before};
    };
    std::cout << nlohmann::json{{"config", "clock"}, {"mhz", measured_mhz()}}.dump() << "\n";
    for (const Named& n : {Named{"default", ae::ModelConfig{}}, Named{"default-batch64", batch64}, Named{"large", large}, Named{"bigger", bigger}}) {
        // Replayed and define-by-run runs alternate, so a change in the machine's load hits both;
        // the speedups are medians of each pair's ratio. The first pair warms up.
        std::vector<double> wall, cpu, graph_wall, graph_cpu, speedup, speedup_cpu;
        Run replay{}, graph{};
        for (int r = 0; r < runs + 1; ++r) {
            replay = run(n.config, ae::StepMode::Replay);
            graph = run(n.config, ae::StepMode::DefineByRun);
            if (r == 0) continue;
            wall.push_back(replay.wall_ms);
            cpu.push_back(replay.cpu_ms);
            graph_wall.push_back(graph.wall_ms);
            graph_cpu.push_back(graph.cpu_ms);
            speedup.push_back(graph.wall_ms / replay.wall_ms);
            speedup_cpu.push_back(graph.cpu_ms / replay.cpu_ms);
        }
        const double ms = median(wall), flops = matmul_flops_per_step(n.config);
        std::cout << nlohmann::json{{"config", n.name},
                                    {"model", nlohmann::json::parse(ae::config_to_json(n.config))},
                                    {"ms_per_step", ms},
                                    {"steps_per_second", 1000.0 / ms},
                                    {"cpu_ms_per_step", median(cpu)},
                                    {"allocations_per_step", static_cast<double>(replay.allocations) / steps},
                                    {"define_by_run_ms_per_step", median(graph_wall)},
                                    {"define_by_run_cpu_ms_per_step", median(graph_cpu)},
                                    {"define_by_run_allocations_per_step", static_cast<double>(graph.allocations) / steps},
                                    {"replay_speedup", median(speedup)},
                                    {"replay_speedup_cpu", median(speedup_cpu)},
                                    {"matmul_gflops", flops / ms / 1e6},
                                    {"matmul_gflops_cpu", flops / median(cpu) / 1e6}}
                         .dump()
                  << "\n";
    }
}

// attention-train: trains the tiny next-word model on the bank corpus from the command line.
// Progress goes to stderr (a bar on a terminal, plain lines otherwise); a JSON summary to stdout.
#include "model/serialize.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>
#include <type_traits>
#include <unistd.h>

namespace {

const char* const kHelp = R"(usage: attention-train [options]

Trains the tiny next-word model (token + position embeddings, causal self-attention,
unembedding) on the bank corpus and prints a JSON summary.

model (defaults in brackets)
  --d N             model width [16]
  --heads N         attention heads, must divide d [1]
  --layers N        attention layers [1]
  --context N       longest window in tokens [16]
  --mlp             add a 4d ReLU MLP after each attention layer [off]
  --layer-norm      pre-norm before attention, MLP and unembedding [off]
  --no-attention    each position attends only to itself [attention on]
training
  --batch N         sentences per step [16]
  --lr X            Adam learning rate [0.02]
  --seed N          initial weights and batch order [1]
  --steps N         training steps [300]
  --every N         progress interval in steps [10]
  --until-bank X    stop early once test bank accuracy >= X (checked every --every steps)
  --define-by-run   build a fresh graph every step instead of replaying the compiled step
                    (the reference: the same losses, bit for bit, slower)
files
  --save FILE       write the trained model as JSON
  --load FILE       continue from a saved model, with the settings it was saved with
                    (so no model or training flag above may be given with it)
  --help            this text
)";

struct Options {
    ae::ModelConfig config;
    int steps = 300;
    int every = 10;
    double until_bank = 2;   // > 1: never stop early
    std::string save, load;
    bool define_by_run = false;
};

[[noreturn]] void usage_error(const std::string& message) {
    std::cerr << "attention-train: " << message << "\n(see attention-train --help)\n";
    std::exit(2);
}

// The whole text must be a number of type T within [lo, hi]: "-5" steps are refused, never wrapped,
// clamped or ignored. Model fields are range-checked by the model's config, their one home.
template <typename T>
T number(const std::string& flag, const char* text, T lo = std::numeric_limits<T>::lowest(),
         T hi = std::numeric_limits<T>::max()) {
    std::istringstream in(text);
    T value{};
    const bool negative_unsigned = std::is_unsigned_v<T> && std::string(text).find('-') != std::string::npos;
    if (negative_unsigned || !(in >> value) || !in.eof() || !(value >= lo && value <= hi)) {
        std::ostringstream range;
        range << lo << " to " << hi;
        usage_error(flag + " needs " + (std::is_integral_v<T> ? "a whole number" : "a number") + " from " + range.str() +
                    ", got '" + text + "'");
    }
    return value;
}

Options parse(int argc, char** argv) {
    Options o;
    constexpr int kMany = 1000000;
    std::string model_flag;   // a model or training setting; --load brings its own
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage_error(flag + " needs a value");
            return argv[++i];
        };
        auto model = [&](auto& field, auto parsed) {
            field = parsed;
            model_flag = flag;
        };
        if (flag == "--help" || flag == "-h") {
            std::cout << kHelp;
            std::exit(0);
        } else if (flag == "--d") model(o.config.d, number<int>(flag, value()));
        else if (flag == "--heads") model(o.config.heads, number<int>(flag, value()));
        else if (flag == "--layers") model(o.config.layers, number<int>(flag, value()));
        else if (flag == "--context") model(o.config.context, number<int>(flag, value()));
        else if (flag == "--mlp") model(o.config.mlp, true);
        else if (flag == "--layer-norm") model(o.config.layer_norm, true);
        else if (flag == "--no-attention") model(o.config.attention, false);
        else if (flag == "--batch") model(o.config.batch, number<int>(flag, value()));
        else if (flag == "--lr") model(o.config.learning_rate, number<double>(flag, value()));
        else if (flag == "--seed") model(o.config.seed, number<std::uint64_t>(flag, value()));
        else if (flag == "--steps") o.steps = number<int>(flag, value(), 0, kMany);
        else if (flag == "--every") o.every = number<int>(flag, value(), 1, kMany);
        else if (flag == "--until-bank") o.until_bank = number<double>(flag, value(), 0.0, 1.0);
        else if (flag == "--define-by-run") o.define_by_run = true;
        else if (flag == "--save") o.save = value();
        else if (flag == "--load") o.load = value();
        else usage_error("unknown option '" + flag + "'");
    }
    if (!o.load.empty() && !model_flag.empty())
        usage_error(model_flag + " cannot be combined with --load: a loaded model keeps the settings it was saved with");
    return o;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void progress(bool tty, int done, int total, const ae::StepResult& r, double steps_per_s) {
    if (tty) {
        const int width = 30, filled = total ? done * width / total : width;
        std::fprintf(stderr, "\r[%s%s] %d/%d  loss %.4f  %.0f steps/s ", std::string(static_cast<size_t>(filled), '#').c_str(),
                     std::string(static_cast<size_t>(width - filled), '.').c_str(), done, total, r.loss, steps_per_s);
        if (done == total) std::fputc('\n', stderr);
    } else {
        std::fprintf(stderr, "step %ld  loss %.4f  accuracy %.3f  %.0f steps/s\n", r.step, r.loss, r.accuracy, steps_per_s);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    try {
        auto trainer = o.load.empty() ? std::make_unique<ae::Trainer>(o.config) : ae::load_json(read_file(o.load));
        if (o.define_by_run) trainer->set_step_mode(ae::StepMode::DefineByRun);
        const bool tty = isatty(STDERR_FILENO);
        nlohmann::json losses = nlohmann::json::array();
        using clock = std::chrono::steady_clock;
        const auto start = clock::now();
        int done = 0;
        std::string error;
        try {
            while (done < o.steps) {
                const int n = std::min(o.every, o.steps - done);
                const auto results = trainer->train(n);
                done += n;
                for (const auto& r : results) losses.push_back(r.loss);
                const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
                progress(tty, done, o.steps, results.back(), done / elapsed);
                if (o.until_bank <= 1 && trainer->evaluate().bank_accuracy >= o.until_bank) break;
            }
        } catch (const ae::TrainingDiverged& e) {
            error = e.what();
            std::cerr << "\nattention-train: " << error << "\n";
        }
        const double seconds = std::chrono::duration<double>(clock::now() - start).count();
        const ae::Evaluation e = trainer->evaluate();
        if (!o.save.empty()) {
            std::ofstream out(o.save);
            if (!(out << ae::save_json(*trainer)) || !out.flush()) throw std::runtime_error("cannot write " + o.save);
        }
        nlohmann::json summary = {
            {"config", nlohmann::json::parse(ae::config_to_json(trainer->model().config()))},
            {"steps", trainer->step()},
            {"losses", losses},
            {"final_loss", losses.empty() ? nlohmann::json(nullptr) : losses.back()},
            {"test", {{"loss", e.loss}, {"accuracy", e.accuracy}, {"bank_accuracy", e.bank_accuracy},
                      {"bank_count", e.bank_count}, {"head_finds_context", e.head_finds_context}}},
            {"steps_per_second", done / std::max(seconds, 1e-9)},
            {"wall_seconds", seconds},
        };
        if (!error.empty()) summary["error"] = error;
        std::cout << summary.dump(2) << "\n";
        return error.empty() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "attention-train: " << e.what() << "\n";
        return 1;
    }
}

// Conversions across the JS boundary. A matrix crosses as {rows, cols, data: Float64Array}
// (row-major); results are copied out, never live views into wasm memory.
#pragma once

#include "attention/attention.hpp"
#include "attention/learning.hpp"
#include "engine/checks.hpp"
#include "model/trainer.hpp"

#include <emscripten/val.h>

#include <string>

namespace ae::wasm {

using emscripten::val;

// The largest inputs the boundary accepts: one home, read by the JS API through limits() so
// both sides refuse the same sizes with the same words.
struct Limits {
    static constexpr int max_side = 4096;        // rows or columns of one matrix
    static constexpr int max_entries = 1 << 20;  // entries of one matrix
    static constexpr int max_text = 10000;       // characters of a sentence given to a model
};

Matrix matrix_from_js(const val& args, const char* name, const std::string& op);   // args[name]
val matrix_to_js(const Matrix& m);
val numbers_to_js(const std::vector<double>& xs);                                  // Float64Array
AttentionOptions options_from_js(const val& args, const std::string& op);  // normalize, temperature, causal, tokens
Eigen::Index focus_from_js(const val& args, const std::string& op);              // args.focus, -1 if absent
bool has(const val& args, const char* name);                                      // present and not null
double number_from_js(const val& args, const char* name, const std::string& op);
std::vector<std::string> strings_from_js(const val& args, const char* name, const std::string& op);
// embeddings, wq, wk, wv, normalize, temperature, causal, focus, target (optional)
LearningProblem problem_from_js(const val& args, const std::string& op);

// A JS Error with this message and name; an engine error also gives error.reason (its sentence
// without the operation's name, for a reader) and, when a reader can cause it, error.code and
// error.params (an object of the values the sentence names), for the page's catalogue.
[[noreturn]] void throw_js_error(const std::string& message, const char* name, const std::string* reason = nullptr,
                                 const std::string& code = {}, const ErrorParams& params = {});

// Runs `f`; a C++ exception leaves as a JS Error with its message, so the module stays usable
// (left to itself, Emscripten hands JS a bare pointer and the message is lost). Divergence keeps its own name, "TrainingDiverged".
template <typename F>
auto guard(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const TrainingDiverged& e) {
        throw_js_error(e.what(), "TrainingDiverged", nullptr, e.code, e.params);
    } catch (const Error& e) {
        throw_js_error(e.what(), "Error", &e.reason(), e.code(), e.params());
    } catch (const std::exception& e) {
        throw_js_error(e.what(), "Error");
    }
}

}  // namespace ae::wasm

// Conversions across the JS boundary. A matrix crosses as {rows, cols, data: Float64Array}
// (row-major); results are copied out, never live views into wasm memory.
#pragma once

#include "attention/attention.hpp"
#include "model/trainer.hpp"

#include <emscripten/val.h>

#include <string>

namespace ae::wasm {

using emscripten::val;

Matrix matrix_from_js(const val& args, const char* name, const std::string& op);   // args[name]
val matrix_to_js(const Matrix& m);
val numbers_to_js(const std::vector<double>& xs);                                  // Float64Array
AttentionOptions options_from_js(const val& args, const std::string& op);        // normalize, temperature, causal
Eigen::Index focus_from_js(const val& args, const std::string& op);              // args.focus, -1 if absent

[[noreturn]] void throw_js_error(const std::string& message, const char* name);

// Runs `f`; a C++ exception leaves as a JS Error with its message (TOOLCHAIN.md, quirk 6), so the
// module stays usable. Divergence keeps its own name, "TrainingDiverged".
template <typename F>
auto guard(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const TrainingDiverged& e) {
        throw_js_error(e.what(), "TrainingDiverged");
    } catch (const std::exception& e) {
        throw_js_error(e.what(), "Error");
    }
}

}  // namespace ae::wasm

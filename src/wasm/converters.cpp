// Matrix <-> JS and option parsing for the bindings.
#include "wasm/converters.hpp"

#include "engine/checks.hpp"

namespace ae::wasm {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Matrix matrix_from_js(const val& args, const char* name, const std::string& op) {
    const val m = args[name];
    if (m.isNull() || m.typeOf().as<std::string>() != "object") fail(op, std::string(name) + " is missing");
    const val rows = m["rows"], cols = m["cols"], data = m["data"];
    if (!rows.isNumber() || !cols.isNumber() || data.isUndefined() || data.isNull())
        fail(op, std::string(name) + " must be {rows, cols, data}");
    const double r = rows.as<double>(), c = cols.as<double>();
    if (!(r >= 1 && c >= 1 && r == std::floor(r) && c == std::floor(c)))
        fail(op, std::string(name) + " has an invalid shape");
    if (r > Limits::max_side || c > Limits::max_side || r * c > Limits::max_entries)
        fail(op, std::string(name) + " is too large (" + format_number(r) + "x" + format_number(c) + "); at most " +
                     std::to_string(Limits::max_side) + " rows or columns and " + std::to_string(Limits::max_entries) +
                     " entries are allowed");
    const auto values = emscripten::convertJSArrayToNumberVector<double>(data);
    if (static_cast<double>(values.size()) != r * c)
        fail(op, std::string(name) + " has " + std::to_string(values.size()) + " numbers for a (" +
                     format_number(r) + "x" + format_number(c) + ") matrix");
    return Eigen::Map<const RowMajor>(values.data(), static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
}

val matrix_to_js(const Matrix& m) {
    const RowMajor rm = m;
    val out = val::object();
    out.set("rows", static_cast<double>(m.rows()));
    out.set("cols", static_cast<double>(m.cols()));
    out.set("data", val(emscripten::typed_memory_view(static_cast<size_t>(rm.size()), rm.data())).call<val>("slice"));
    return out;
}

val numbers_to_js(const std::vector<double>& xs) {
    return val(emscripten::typed_memory_view(xs.size(), xs.data())).call<val>("slice");
}

void throw_js_error(const std::string& message, const char* name, const std::string* reason, const std::string& code,
                    const ErrorParams& params) {
    val error = val::global("Error").new_(message);
    error.set("name", std::string(name));
    if (reason) error.set("reason", *reason);
    if (!code.empty()) {
        val values = val::object();
        for (const auto& [key, value] : params) values.set(key, value);
        error.set("code", code);
        error.set("params", values);
    }
    error.throw_();
    __builtin_unreachable();
}

AttentionOptions options_from_js(const val& args, const std::string& op) {
    AttentionOptions o;
    const val normalize = args["normalize"];
    if (!normalize.isUndefined()) {
        if (!normalize.isString()) fail(op, "normalize must be a string");
        o.normalize = parse_normalizer(normalize.as<std::string>());
    }
    const val temperature = args["temperature"];
    if (!temperature.isUndefined()) {
        if (!temperature.isNumber()) fail(op, "temperature must be a number");
        o.temperature = temperature.as<double>();
    }
    const val causal = args["causal"];
    if (!causal.isUndefined()) o.causal = causal.as<bool>();
    if (has(args, "tokens")) o.names = strings_from_js(args, "tokens", op);
    return o;
}

bool has(const val& args, const char* name) { return !args[name].isUndefined() && !args[name].isNull(); }

double number_from_js(const val& args, const char* name, const std::string& op) {
    const val x = args[name];
    if (!x.isNumber()) fail(op, std::string(name) + " must be a number");
    return x.as<double>();
}

std::vector<std::string> strings_from_js(const val& args, const char* name, const std::string& op) {
    const val list = args[name];
    if (!val::global("Array").call<bool>("isArray", list)) fail(op, std::string(name) + " must be an array of names");
    std::vector<std::string> out;
    const int n = list["length"].as<int>();
    for (int i = 0; i < n; ++i) {
        if (!list[i].isString()) fail(op, std::string(name) + " must be an array of names");
        out.push_back(list[i].as<std::string>());
    }
    return out;
}

LearningProblem problem_from_js(const val& args, const std::string& op) {
    LearningProblem p;
    p.embeddings = matrix_from_js(args, "embeddings", op);
    p.wq = matrix_from_js(args, "wq", op);
    p.wk = matrix_from_js(args, "wk", op);
    p.wv = matrix_from_js(args, "wv", op);
    p.options = options_from_js(args, op);
    p.focus = focus_from_js(args, op);
    if (has(args, "target")) p.target = matrix_from_js(args, "target", op);
    return p;
}

Eigen::Index focus_from_js(const val& args, const std::string& op) {
    const val focus = args["focus"];
    if (focus.isUndefined() || focus.isNull()) return -1;
    if (!focus.isNumber() || focus.as<double>() < 0 || focus.as<double>() != std::floor(focus.as<double>()))
        fail(op, "focus must be a token index (an integer >= 0)");
    return static_cast<Eigen::Index>(focus.as<double>());
}

}  // namespace ae::wasm

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
    if (!(r >= 0 && c >= 0 && r == std::floor(r) && c == std::floor(c) && r * c <= 1e8))
        fail(op, std::string(name) + " has an invalid shape");
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

void throw_js_error(const std::string& message, const char* name) {
    val error = val::global("Error").new_(message);
    error.set("name", std::string(name));
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
    return o;
}

Eigen::Index focus_from_js(const val& args, const std::string& op) {
    const val focus = args["focus"];
    if (focus.isUndefined() || focus.isNull()) return -1;
    if (!focus.isNumber() || focus.as<double>() < 0 || focus.as<double>() != std::floor(focus.as<double>()))
        fail(op, "focus must be a token index (an integer >= 0)");
    return static_cast<Eigen::Index>(focus.as<double>());
}

}  // namespace ae::wasm

// JSON (de)serialisation (model/json.hpp); every field checked before anything is built.
#include "model/serialize.hpp"

#include "engine/checks.hpp"

#include "model/json.hpp"

#include <algorithm>
#include <limits>

namespace ae {
namespace {

using json::Value;
const char* const kFormat = "attention-explained-model";
const std::string kOp = "load model";

Value config_json(const ModelConfig& c) {
    return Value::Object{{"d", c.d},         {"heads", c.heads},         {"layers", c.layers},
                         {"context", c.context}, {"mlp", c.mlp},         {"layerNorm", c.layer_norm},
                         {"attention", c.attention}, {"batch", c.batch}, {"learningRate", c.learning_rate},
                         {"seed", c.seed}};
}

template <typename T>
void read_field(const Value& j, const char* key, T& out, const char* type_name) {
    const Value* v = j.find(key);
    if (!v) return;
    bool ok = false;
    if constexpr (std::is_same_v<T, bool>) {
        if ((ok = v->is_boolean())) out = v->boolean();
    } else if constexpr (std::is_same_v<T, double>) {
        if ((ok = v->is_number())) out = v->number();
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
        if ((ok = v->is_unsigned())) out = v->unsigned_integer();
    } else {
        long long x = 0;   // no silent narrowing
        if ((ok = v->integer_in(std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), x))) out = static_cast<T>(x);
    }
    if (!ok) fail("model config", std::string("field '") + key + "' must be " + type_name + ", got " + v->dump());
}

ModelConfig config_of(const Value& j) {
    if (!j.is_object()) fail("model config", "expected a JSON object, got " + std::string(j.type_name()));
    static const std::vector<std::string> known = {"d", "heads", "layers", "context", "mlp", "layerNorm",
                                                   "attention", "batch", "learningRate", "seed"};
    for (const auto& [key, value] : j.object())
        if (std::find(known.begin(), known.end(), key) == known.end()) fail("model config", "unknown field '" + key + "'");
    ModelConfig c;
    read_field(j, "d", c.d, "an integer");
    read_field(j, "heads", c.heads, "an integer");
    read_field(j, "layers", c.layers, "an integer");
    read_field(j, "context", c.context, "an integer");
    read_field(j, "mlp", c.mlp, "true or false");
    read_field(j, "layerNorm", c.layer_norm, "true or false");
    read_field(j, "attention", c.attention, "true or false");
    read_field(j, "batch", c.batch, "an integer");
    read_field(j, "learningRate", c.learning_rate, "a number");
    read_field(j, "seed", c.seed, "a non-negative integer");
    validate(c);
    return c;
}

Value parse(const std::string& text, const std::string& op) {
    try {
        return json::parse(text);
    } catch (const json::SyntaxError& e) {   // a syntax error, or a number too large for a double
        fail(op, std::string("not valid JSON (") + e.what() + ")");
    }
}

const Value& member(const Value& j, const char* key) {
    const Value* v = j.find(key);
    if (!v) fail(kOp, std::string("missing field '") + key + "'");
    return *v;
}

bool is_number(const Value& v, double x) { return v.is_number() && v.number() == x; }

}  // namespace

std::string config_to_json(const ModelConfig& config) { return config_json(config).dump(); }

ModelConfig config_from_json(const std::string& text) { return config_of(parse(text, "model config")); }

std::string save_json(const Trainer& trainer) {
    Value::Object params;
    for (const auto& [name, p] : trainer.model().named_parameters()) {
        Value::Array data;
        data.reserve(static_cast<size_t>(p->value.size()));
        for (Eigen::Index r = 0; r < p->rows(); ++r)
            for (Eigen::Index c = 0; c < p->cols(); ++c) data.emplace_back(p->value(r, c));
        params[name] = Value::Object{{"rows", p->rows()}, {"cols", p->cols()}, {"data", std::move(data)}};
    }
    ModelConfig config = trainer.model().config();
    config.learning_rate = trainer.learning_rate();
    const auto& words = trainer.tokenizer().words();
    return Value(Value::Object{{"format", kFormat},
                               {"version", 1},
                               {"step", trainer.step()},
                               {"config", config_json(config)},
                               {"vocabulary", Value::Array(words.begin(), words.end())},
                               {"parameters", std::move(params)}})
        .dump();
}

std::unique_ptr<Trainer> load_json(const std::string& text) {
    const Value j = parse(text, kOp);
    if (!j.is_object()) fail(kOp, "expected a JSON object, got " + std::string(j.type_name()));
    const Value& format = member(j, "format");
    if (!format.is_string() || format.string() != kFormat) fail(kOp, "format is not '" + std::string(kFormat) + "'");
    if (!is_number(member(j, "version"), 1)) fail(kOp, "version " + member(j, "version").dump() + " is not supported (expected 1)");
    long long step = 0;
    if (!member(j, "step").integer_in(0, std::numeric_limits<long>::max(), step)) fail(kOp, "step must be a non-negative integer");
    const ModelConfig config = config_of(member(j, "config"));

    const Value& vocab = member(j, "vocabulary");
    if (!vocab.is_array()) fail(kOp, "vocabulary must be an array of words");
    std::vector<std::string> words;
    for (const auto& w : vocab.array()) {
        if (!w.is_string()) fail(kOp, "vocabulary entry " + w.dump() + " is not a string");
        words.push_back(w.string());
    }
    Tokenizer tokenizer = Tokenizer::from_words(std::move(words));

    auto model = std::make_unique<Model>(config, tokenizer.size());
    const Value& params = member(j, "parameters");
    if (!params.is_object()) fail(kOp, "parameters must be an object");
    for (const auto& [name, p] : params.object())
        if (!model->named_parameters().count(name)) fail(kOp, "unexpected parameter '" + name + "' for this config");
    for (const auto& [name, p] : model->named_parameters()) {
        const Value* entry = params.find(name);
        if (!entry) fail(kOp, "parameter '" + name + "' is missing");
        const Value& rows = member(*entry, "rows");
        const Value& cols = member(*entry, "cols");
        const Value& data = member(*entry, "data");
        if (!is_number(rows, static_cast<double>(p->rows())) || !is_number(cols, static_cast<double>(p->cols())))
            fail(kOp, "parameter '" + name + "' is (" + rows.dump() + "x" + cols.dump() + ") but the config needs " +
                          shape_of(p->value));
        if (!data.is_array() || data.array().size() != static_cast<size_t>(p->value.size()))
            fail(kOp, "parameter '" + name + "' needs " + std::to_string(p->value.size()) + " numbers in 'data'");
        Matrix value(p->rows(), p->cols());
        size_t i = 0;
        for (Eigen::Index r = 0; r < p->rows(); ++r)
            for (Eigen::Index c = 0; c < p->cols(); ++c, ++i) {
                const Value& x = data.array()[i];
                if (!x.is_number()) fail(kOp, "parameter '" + name + "' entry " + std::to_string(i) + " is not a number");
                value(r, c) = x.number();
            }
        require_finite(kOp, "parameter '" + name + "'", value);
        p->value = std::move(value);
    }
    return std::make_unique<Trainer>(std::move(model), std::move(tokenizer), static_cast<long>(step));
}

}  // namespace ae

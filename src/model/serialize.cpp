// JSON (de)serialisation with nlohmann/json; every field checked before anything is built.
#include "model/serialize.hpp"

#include "engine/checks.hpp"

#include <nlohmann/json.hpp>

#include <limits>

namespace ae {
namespace {

using json = nlohmann::json;
const char* const kFormat = "attention-explained-model";
const std::string kOp = "load model";

json config_json(const ModelConfig& c) {
    return {{"d", c.d},         {"heads", c.heads},         {"layers", c.layers},
            {"context", c.context}, {"mlp", c.mlp},         {"layerNorm", c.layer_norm},
            {"attention", c.attention}, {"batch", c.batch}, {"learningRate", c.learning_rate},
            {"seed", c.seed}};
}

template <typename T>
void read_field(const json& j, const char* key, T& out, const char* type_name) {
    if (!j.contains(key)) return;
    const json& v = j.at(key);
    bool ok;
    if constexpr (std::is_same_v<T, bool>) ok = v.is_boolean();
    else if constexpr (std::is_same_v<T, double>) ok = v.is_number();
    else if constexpr (std::is_same_v<T, std::uint64_t>) ok = v.is_number_unsigned();
    else ok = v.is_number_integer() && v.get<long long>() >= std::numeric_limits<T>::min() &&
              v.get<long long>() <= std::numeric_limits<T>::max();   // no silent narrowing
    if (!ok) fail("model config", std::string("field '") + key + "' must be " + type_name + ", got " + v.dump());
    out = v.get<T>();
}

ModelConfig config_of(const json& j) {
    if (!j.is_object()) fail("model config", "expected a JSON object, got " + std::string(j.type_name()));
    static const std::vector<std::string> known = {"d", "heads", "layers", "context", "mlp", "layerNorm",
                                                   "attention", "batch", "learningRate", "seed"};
    for (const auto& [key, value] : j.items())
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

json parse(const std::string& text, const std::string& op) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {   // a syntax error, or a number too large for a double
        fail(op, std::string("not valid JSON (") + e.what() + ")");
    }
}

const json& member(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) fail(kOp, std::string("missing field '") + key + "'");
    return j.at(key);
}

}  // namespace

std::string config_to_json(const ModelConfig& config) { return config_json(config).dump(); }

ModelConfig config_from_json(const std::string& text) { return config_of(parse(text, "model config")); }

std::string save_json(const Trainer& trainer) {
    json params = json::object();
    for (const auto& [name, p] : trainer.model().named_parameters()) {
        std::vector<double> data;
        data.reserve(static_cast<size_t>(p->value.size()));
        for (Eigen::Index r = 0; r < p->rows(); ++r)
            for (Eigen::Index c = 0; c < p->cols(); ++c) data.push_back(p->value(r, c));
        params[name] = {{"rows", p->rows()}, {"cols", p->cols()}, {"data", data}};
    }
    ModelConfig config = trainer.model().config();
    config.learning_rate = trainer.learning_rate();
    return json{{"format", kFormat},
                {"version", 1},
                {"step", trainer.step()},
                {"config", config_json(config)},
                {"vocabulary", trainer.tokenizer().words()},
                {"parameters", params}}
        .dump();
}

std::unique_ptr<Trainer> load_json(const std::string& text) {
    const json j = parse(text, kOp);
    if (!j.is_object()) fail(kOp, "expected a JSON object, got " + std::string(j.type_name()));
    if (member(j, "format") != kFormat) fail(kOp, "format is not '" + std::string(kFormat) + "'");
    if (member(j, "version") != 1) fail(kOp, "version " + member(j, "version").dump() + " is not supported (expected 1)");
    const json& step = member(j, "step");
    if (!step.is_number_integer() || step.get<long>() < 0) fail(kOp, "step must be a non-negative integer");
    const ModelConfig config = config_of(member(j, "config"));

    const json& vocab = member(j, "vocabulary");
    if (!vocab.is_array()) fail(kOp, "vocabulary must be an array of words");
    std::vector<std::string> words;
    for (const auto& w : vocab) {
        if (!w.is_string()) fail(kOp, "vocabulary entry " + w.dump() + " is not a string");
        words.push_back(w.get<std::string>());
    }
    Tokenizer tokenizer = Tokenizer::from_words(std::move(words));

    auto model = std::make_unique<Model>(config, tokenizer.size());
    const json& params = member(j, "parameters");
    if (!params.is_object()) fail(kOp, "parameters must be an object");
    for (const auto& [name, p] : params.items())
        if (!model->named_parameters().count(name)) fail(kOp, "unexpected parameter '" + name + "' for this config");
    for (const auto& [name, p] : model->named_parameters()) {
        if (!params.contains(name)) fail(kOp, "parameter '" + name + "' is missing");
        const json& entry = params.at(name);
        const json& rows = member(entry, "rows");
        const json& cols = member(entry, "cols");
        const json& data = member(entry, "data");
        if (rows != p->rows() || cols != p->cols())
            fail(kOp, "parameter '" + name + "' is (" + rows.dump() + "x" + cols.dump() + ") but the config needs " +
                          shape_of(p->value));
        if (!data.is_array() || data.size() != static_cast<size_t>(p->value.size()))
            fail(kOp, "parameter '" + name + "' needs " + std::to_string(p->value.size()) + " numbers in 'data'");
        Matrix value(p->rows(), p->cols());
        size_t i = 0;
        for (Eigen::Index r = 0; r < p->rows(); ++r)
            for (Eigen::Index c = 0; c < p->cols(); ++c, ++i) {
                if (!data[i].is_number()) fail(kOp, "parameter '" + name + "' entry " + std::to_string(i) + " is not a number");
                value(r, c) = data[i].get<double>();
            }
        require_finite(kOp, "parameter '" + name + "'", value);
        p->value = std::move(value);
    }
    return std::make_unique<Trainer>(std::move(model), std::move(tokenizer), step.get<long>());
}

}  // namespace ae

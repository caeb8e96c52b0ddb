// Each function: read the arguments, run the engine, copy the results out. Errors become JS
// Errors through guard().
#include "wasm/api.hpp"

#include "attention/worked_example.hpp"
#include "engine/checks.hpp"
#include "engine/optim.hpp"
#include "model/corpus.hpp"
#include "model/inference.hpp"
#include "model/serialize.hpp"
#include "wasm/converters.hpp"

#include <malloc.h>

#include <chrono>
#include <map>
#include <memory>

namespace ae::wasm {
namespace {

std::map<int, std::unique_ptr<Trainer>> g_models;
int g_next_id = 1;

Trainer& model(int id, const char* op) {
    auto it = g_models.find(id);
    if (it == g_models.end()) fail(op, "no model with handle " + std::to_string(id) + " (was it disposed?)");
    return *it->second;
}

int keep(std::unique_ptr<Trainer> t) {
    g_models.emplace(g_next_id, std::move(t));
    return g_next_id++;
}

val attention_to_js(const Attention& a) {
    val out = val::object();
    out.set("scores", matrix_to_js(a.scores->value));
    out.set("weights", matrix_to_js(a.weights->value));
    out.set("output", matrix_to_js(a.output->value));
    return out;
}

// A node's gradient; zeros if the backward pass never reached it.
Matrix grad_of(const Tensor& t) { return t->grad.size() ? t->grad : Matrix::Zero(t->rows(), t->cols()); }

val grads_to_js(std::initializer_list<std::pair<const char*, Tensor>> nodes) {
    val grad = val::object();
    for (const auto& [name, t] : nodes) grad.set(name, matrix_to_js(grad_of(t)));
    return grad;
}

// loss = 1/2 sum((output - target)^2), backward from it.
double backward_to_target(const Tensor& output, const val& args, const std::string& op) {
    const Matrix target = matrix_from_js(args, "target", op);
    require_finite(op, "target", target);
    if (target.rows() != output->rows() || target.cols() != output->cols())
        fail(op, "target " + shape_of(target) + " must match output " + shape_of(output->value));
    const Tensor loss = half_sse_loss(output, constant(target));
    backward_finite(loss, op);
    return loss->value(0, 0);
}

val steps_to_js(const std::vector<StepResult>& steps, long step) {
    std::vector<double> losses, accuracies;
    for (const auto& s : steps) {
        losses.push_back(s.loss);
        accuracies.push_back(s.accuracy);
    }
    val out = val::object();
    out.set("step", static_cast<double>(step));
    out.set("loss", steps.empty() ? val::null() : val(steps.back().loss));
    out.set("accuracy", steps.empty() ? val::null() : val(steps.back().accuracy));
    out.set("losses", numbers_to_js(losses));
    out.set("accuracies", numbers_to_js(accuracies));
    return out;
}

val strings_to_js(const std::vector<std::string>& xs) {
    val out = val::array();
    for (const auto& x : xs) out.call<void>("push", x);
    return out;
}

}  // namespace

val attend(const val& args) {
    return guard([&] {
        const std::string op = "attend";
        return attention_to_js(ae::attend(constant(matrix_from_js(args, "queries", op)),
                                          constant(matrix_from_js(args, "keys", op)),
                                          constant(matrix_from_js(args, "values", op)), options_from_js(args, op)));
    });
}

val attention_gradients(const val& args) {
    return guard([&] {
        const std::string op = "attentionGradients";
        const Tensor q = input(matrix_from_js(args, "queries", op)), k = input(matrix_from_js(args, "keys", op)),
                     v = input(matrix_from_js(args, "values", op));
        const Attention a = ae::attend(q, k, v, options_from_js(args, op));
        const double loss = backward_to_target(a.output, args, op);
        val out = attention_to_js(a);
        out.set("loss", loss);
        out.set("grad", grads_to_js({{"queries", q}, {"keys", k}, {"values", v}, {"scores", a.scores},
                                     {"weights", a.weights}, {"output", a.output}}));
        return out;
    });
}

val self_attention(const val& args) {
    return guard([&] {
        const std::string op = "selfAttention";
        const Tensor x = input(matrix_from_js(args, "embeddings", op)), wq = input(matrix_from_js(args, "wq", op)),
                     wk = input(matrix_from_js(args, "wk", op)), wv = input(matrix_from_js(args, "wv", op));
        const SelfAttention s = self_attend(x, wq, wk, wv, options_from_js(args, op), focus_from_js(args, op));
        val out = val::object();
        for (const auto& [name, t] : {std::pair<const char*, Tensor>{"queries", s.queries}, {"keys", s.keys},
                                      {"values", s.values}, {"scores", s.scores}, {"weights", s.weights},
                                      {"output", s.output}})
            out.set(name, matrix_to_js(t->value));
        if (!args["target"].isUndefined() && !args["target"].isNull()) {
            out.set("loss", backward_to_target(s.output, args, op));
            out.set("grad", grads_to_js({{"embeddings", x}, {"wq", wq}, {"wk", wk}, {"wv", wv}, {"queries", s.queries},
                                         {"keys", s.keys}, {"values", s.values}, {"scores", s.scores},
                                         {"weights", s.weights}, {"output", s.output}}));
        }
        return out;
    });
}

val weighted_sum(const val& args) {
    return guard([&] {
        const std::string op = "weightedSum";
        val out = val::object();
        out.set("output", matrix_to_js(ae::weighted_sum(matrix_from_js(args, "weights", op), matrix_from_js(args, "values", op))));
        return out;
    });
}

val descend(const val& args) {
    return guard([&] {
        const std::string op = "descend";
        std::map<std::string, Tensor> inputs;
        for (const char* name : {"embeddings", "wq", "wk", "wv"}) inputs[name] = parameter(matrix_from_js(args, name, op), name);
        std::vector<Tensor> learn;
        const val names = args["learn"];
        const int count = names["length"].isNumber() ? names["length"].as<int>() : -1;
        if (count < 1) fail(op, "learn must list at least one of embeddings, wq, wk, wv");
        for (int i = 0; i < count; ++i) {
            const val name = names[i];
            if (!name.isString() || !inputs.count(name.as<std::string>()))
                fail(op, "learn may name only embeddings, wq, wk, wv");
            learn.push_back(inputs.at(name.as<std::string>()));
        }
        const val lr = args["learningRate"];
        if (!lr.isNumber()) fail(op, "learningRate must be a number");
        Sgd sgd(learn, lr.as<double>());
        const SelfAttention s = self_attend(inputs["embeddings"], inputs["wq"], inputs["wk"], inputs["wv"],
                                            options_from_js(args, op), focus_from_js(args, op));
        const double loss = backward_to_target(s.output, args, op);
        sgd.step();
        for (const auto& [name, t] : inputs) require_finite_result(op, name + " after the step", t->value);
        val out = val::object();
        for (const auto& [name, t] : inputs) out.set(name, matrix_to_js(t->value));
        out.set("lossBefore", loss);
        return out;
    });
}

val worked_example() {
    return guard([] {
        const WorkedExample& w = ae::worked_example();
        val out = val::object();
        out.set("tokens", strings_to_js(w.tokens));
        for (const auto& [name, m] : {std::pair<const char*, const Matrix&>{"queries", w.queries}, {"keys", w.keys},
                                      {"values", w.values}, {"embeddings", w.embeddings}, {"wq", w.wq}, {"wk", w.wk},
                                      {"wv", w.wv}, {"statedScores", w.stated_scores},
                                      {"statedWeights", w.stated_weights}, {"statedOutput", w.stated_output},
                                      {"target", w.target}})
            out.set(name, matrix_to_js(m));
        out.set("normalize", w.normalize);
        out.set("temperature", w.temperature);
        out.set("learningRate", w.learning_rate);
        out.set("embeddingRate", w.embedding_rate);
        out.set("nudge", w.nudge);
        return out;
    });
}

val model_defaults() {
    return guard([] { return val::global("JSON").call<val>("parse", config_to_json(ModelConfig{})); });
}

val corpus_sentences() {
    return guard([] {
        val out = val::object();
        out.set("train", strings_to_js(corpus().train));
        out.set("test", strings_to_js(corpus().test));
        return out;
    });
}

int model_create(const std::string& config_json) {
    return guard([&] { return keep(std::make_unique<Trainer>(config_from_json(config_json))); });
}

int model_load(const std::string& json) {
    return guard([&] { return keep(load_json(json)); });
}

val model_train(int id, int steps) {
    return guard([&] {
        Trainer& t = model(id, "train");
        const auto start = std::chrono::steady_clock::now();
        const auto results = t.train(steps);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        val out = steps_to_js(results, t.step());
        out.set("elapsedMs", ms);   // inside C++: the JS boundary's cost is the rest
        return out;
    });
}

double model_loss(int id, const val& sentences) {
    return guard([&] {
        const int n = sentences["length"].isNumber() ? sentences["length"].as<int>() : -1;
        if (n < 1) fail("loss", "expected an array of sentences");
        std::vector<std::string> list;
        for (int i = 0; i < n; ++i) {
            if (!sentences[i].isString()) fail("loss", "sentence " + std::to_string(i) + " is not a string");
            list.push_back(sentences[i].as<std::string>());
        }
        return model(id, "loss").loss(list);
    });
}

val model_evaluate(int id) {
    return guard([&] {
        const Evaluation e = model(id, "evaluate").evaluate();
        val out = val::object();
        out.set("loss", e.loss);
        out.set("accuracy", e.accuracy);
        out.set("bankAccuracy", e.bank_accuracy);
        out.set("bankCount", e.bank_count);
        out.set("headFindsContext", numbers_to_js(e.head_finds_context));
        return out;
    });
}

val model_attention(int id, const std::string& text) {
    return guard([&] {
        const Trainer& t = model(id, "attention");
        const AttentionMap map = attention_map(t.model(), t.tokenizer(), text);
        val out = val::object();
        out.set("tokens", strings_to_js(map.tokens));
        val known = val::array();
        for (bool k : map.known) known.call<void>("push", k);
        out.set("known", known);
        val layers = val::array();
        for (const auto& layer : map.weights) {
            val heads = val::array();
            for (const auto& w : layer) heads.call<void>("push", matrix_to_js(w));
            val entry = val::object();
            entry.set("heads", heads);
            layers.call<void>("push", entry);
        }
        out.set("layers", layers);
        return out;
    });
}

val model_predict(int id, const std::string& text, int top) {
    return guard([&] {
        const Trainer& t = model(id, "predict");
        val out = val::array();
        for (const auto& p : predict(t.model(), t.tokenizer(), text, top)) {
            val entry = val::object();
            entry.set("word", p.word);
            entry.set("probability", p.probability);
            out.call<void>("push", entry);
        }
        return out;
    });
}

val model_embeddings(int id) {
    return guard([&] {
        const Trainer& t = model(id, "embeddings");
        const EmbeddingView v = embedding_view(t.model(), t.tokenizer());
        val out = val::object();
        out.set("words", strings_to_js(v.words));
        out.set("vectors", matrix_to_js(v.vectors));
        out.set("projected", matrix_to_js(v.projected));
        return out;
    });
}

val model_info(int id) {
    return guard([&] {
        const Trainer& t = model(id, "info");
        ModelConfig config = t.model().config();
        config.learning_rate = t.learning_rate();
        val out = val::object();
        out.set("config", val::global("JSON").call<val>("parse", config_to_json(config)));
        out.set("step", static_cast<double>(t.step()));
        out.set("vocabulary", strings_to_js(t.tokenizer().words()));
        return out;
    });
}

std::string model_to_json(int id) {
    return guard([&] { return save_json(model(id, "toJSON")); });
}

void model_set_learning_rate(int id, double lr) {
    guard([&] { model(id, "setLearningRate").set_learning_rate(lr); });
}

int model_restore_last_good(int id) {
    return guard([&] { return static_cast<int>(model(id, "restoreLastGood").restore_last_good()); });
}

void model_dispose(int id) { g_models.erase(id); }

int live_models() { return static_cast<int>(g_models.size()); }

double heap_used() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace ae::wasm

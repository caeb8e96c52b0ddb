// Each function: read the arguments, run the engine, copy the results out. Errors become JS
// Errors through guard().
#include "wasm/api.hpp"

#include "attention/learning.hpp"
#include "attention/worked_example.hpp"
#include "engine/checks.hpp"
#include "model/baselines.hpp"
#include "model/corpus.hpp"
#include "model/inference.hpp"
#include "model/serialize.hpp"
#include "wasm/converters.hpp"

#include <malloc.h>

#include <algorithm>
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

// Characters are counted as Unicode code points (UTF-8 lead bytes), as the JS API counts them.
void require_text(const std::string& op, const std::string& text) {
    const auto characters = std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
    if (characters > Limits::max_text)
        fail(op, "the text has " + std::to_string(characters) + " characters; at most " +
                     std::to_string(Limits::max_text) + " are allowed");
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
        const Tensor q = constant(matrix_from_js(args, "queries", op));
        const AttentionOptions options = options_from_js(args, op);
        const Attention a = ae::attend(q, constant(matrix_from_js(args, "keys", op)), constant(matrix_from_js(args, "values", op)), options);
        val out = attention_to_js(a);
        if (options.normalize == Normalizer::Softmax || options.normalize == Normalizer::ScaledSoftmax)
            out.set("exponentials", matrix_to_js(softmax_exponentials(a.scores->value, q->cols(), options)));
        return out;
    });
}

val attention_gradients(const val& args) {
    return guard([&] {
        const std::string op = "attentionGradients";
        const Tensor q = input(matrix_from_js(args, "queries", op)), k = input(matrix_from_js(args, "keys", op)),
                     v = input(matrix_from_js(args, "values", op));
        const Attention a = ae::attend(q, k, v, options_from_js(args, op));
        const double loss = backward_to_target(a.output, matrix_from_js(args, "target", op));
        val out = attention_to_js(a);
        out.set("loss", loss);
        out.set("grad", grads_to_js({{"queries", q}, {"keys", k}, {"values", v}, {"scores", a.scores},
                                     {"weights", a.weights}, {"output", a.output}}));
        return out;
    });
}

val self_attention(const val& args) {
    return guard([&] {
        const Learned l = learn(problem_from_js(args, "selfAttention"));
        const SelfAttention& s = l.attention;
        val out = val::object();
        for (const auto& [name, t] : {std::pair<const char*, Tensor>{"queries", s.queries}, {"keys", s.keys},
                                      {"values", s.values}, {"scores", s.scores}, {"weights", s.weights},
                                      {"output", s.output}})
            out.set(name, matrix_to_js(t->value));
        if (has(args, "target")) {
            out.set("loss", l.loss);
            out.set("grad", grads_to_js({{"embeddings", l.inputs.at("embeddings")}, {"wq", l.inputs.at("wq")},
                                         {"wk", l.inputs.at("wk")}, {"wv", l.inputs.at("wv")}, {"queries", s.queries},
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
        double loss_before = 0;
        const LearningProblem next = ae::descend(problem_from_js(args, op), strings_from_js(args, "learn", op),
                                                 number_from_js(args, "learningRate", op), &loss_before);
        val out = val::object();
        for (const auto& [name, m] : {std::pair<const char*, const Matrix&>{"embeddings", next.embeddings},
                                      {"wq", next.wq}, {"wk", next.wk}, {"wv", next.wv}})
            out.set(name, matrix_to_js(m));
        out.set("lossBefore", loss_before);
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

val limits() {
    val out = val::object();
    out.set("maxSide", Limits::max_side);
    out.set("maxEntries", Limits::max_entries);
    out.set("maxText", Limits::max_text);
    std::vector<std::string> names;
    for (Normalizer n : {Normalizer::Softmax, Normalizer::ScaledSoftmax, Normalizer::Sum, Normalizer::Hard})
        names.push_back(normalizer_name(n));
    out.set("normalizers", strings_to_js(names));
    return out;
}

val model_defaults() {
    return guard([] { return val::global("JSON").call<val>("parse", config_to_json(ModelConfig{})); });
}

// Each split as one text, a sentence a line (JS splits it): one string across the boundary
// instead of 1,650, which took ~20 ms of the page's start.
val corpus_sentences() {
    return guard([] {
        const auto lines = [](const std::vector<std::string>& sentences) {
            std::string text;
            for (size_t i = 0; i < sentences.size(); ++i) text += (i ? "\n" : "") + sentences[i];
            return text;
        };
        val out = val::object();
        out.set("train", lines(corpus().train));
        out.set("test", lines(corpus().test));
        return out;
    });
}

val training_baselines() {
    return guard([] {
        const Baselines b = baselines(Tokenizer::from_sentences(corpus().train), corpus().train, ModelConfig{}.context);
        val out = val::object();
        out.set("uniform", b.uniform);
        out.set("unigram", b.unigram);
        out.set("bigram", b.bigram);
        out.set("vocabulary", b.vocabulary);
        out.set("predictions", static_cast<double>(b.predictions));
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
            require_text("loss", list.back());
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
        require_text("attention", text);
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
        require_text("predict", text);
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

val model_weights(int id) {
    return guard([&] {
        const std::vector<double> w = model(id, "weights").weights();
        return val(emscripten::typed_memory_view(w.size(), w.data())).call<val>("slice");   // a copy JS owns
    });
}

void model_set_weights(int id, const val& weights) {
    guard([&] {
        if (!weights.instanceof(val::global("Float64Array"))) fail("setWeights", "expected a Float64Array");
        model(id, "setWeights").set_weights(emscripten::convertJSArrayToNumberVector<double>(weights));
    });
}

void model_dispose(int id) { g_models.erase(id); }

int live_models() { return static_cast<int>(g_models.size()); }

double heap_used() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace ae::wasm

// The functions the JS API calls: one call per recompute or per training slice. Models live
// in a registry and JS holds integer handles, so no C++ object is ever owned by JS.
#pragma once

#include <emscripten/val.h>

#include <string>

namespace ae::wasm {

using emscripten::val;

val attend(const val& args);               // {scores, weights, output}
val attention_gradients(const val& args);  // + loss, grad{queries, keys, values, scores, weights, output}
val self_attention(const val& args);       // + queries, keys, values; loss and grad when a target is given
val weighted_sum(const val& args);         // {weights (m,n), values (n,dv)} -> {output}
val descend(const val& args);              // one SGD step of self-attention's loss on the chosen inputs
val worked_example();
val limits();                              // {maxSide, maxEntries, maxText, normalizers}

val model_defaults();                      // the default ModelConfig as an object
val corpus_sentences();                    // {train, test}: each split's sentences as one text, one a line
val training_baselines();                  // {uniform, unigram, bigram, vocabulary, predictions} on the training sentences
int model_create(const std::string& config_json);
int model_load(const std::string& json);
val model_train(int id, int steps);        // {step, loss, accuracy, losses, accuracies, elapsedMs}
val model_evaluate(int id);
double model_loss(int id, const val& sentences);   // mean next-word loss on these sentences
val model_attention(int id, const std::string& text);
val model_predict(int id, const std::string& text, int top);
val model_embeddings(int id);
val model_info(int id);                    // {config, step, vocabulary}
std::string model_to_json(int id);
void model_set_learning_rate(int id, double lr);
int model_restore_last_good(int id);        // back to the last step that was still learning
val model_weights(int id);                  // every parameter as one Float64Array (a snapshot)
void model_set_weights(int id, const val& weights);   // a snapshot of a model of the same config back in
void model_dispose(int id);
int live_models();
double heap_used();                        // bytes malloc'ed right now

}  // namespace ae::wasm

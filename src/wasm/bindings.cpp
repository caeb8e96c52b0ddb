// Embind registrations only: the names JS sees (web/engine/attention-engine.js wraps them).
#include "wasm/api.hpp"

#include <emscripten/bind.h>

EMSCRIPTEN_BINDINGS(attention_engine) {
    using namespace ae::wasm;
    emscripten::function("attend", &attend);
    emscripten::function("attentionGradients", &attention_gradients);
    emscripten::function("selfAttention", &self_attention);
    emscripten::function("weightedSum", &weighted_sum);
    emscripten::function("descend", &descend);
    emscripten::function("workedExample", &worked_example);
    emscripten::function("limits", &limits);
    emscripten::function("modelDefaults", &model_defaults);
    emscripten::function("corpus", &corpus_sentences);
    emscripten::function("trainingBaselines", &training_baselines);
    emscripten::function("modelCreate", &model_create);
    emscripten::function("modelLoad", &model_load);
    emscripten::function("modelTrain", &model_train);
    emscripten::function("modelEvaluate", &model_evaluate);
    emscripten::function("modelLoss", &model_loss);
    emscripten::function("modelAttention", &model_attention);
    emscripten::function("modelPredict", &model_predict);
    emscripten::function("modelEmbeddings", &model_embeddings);
    emscripten::function("modelInfo", &model_info);
    emscripten::function("modelToJSON", &model_to_json);
    emscripten::function("modelSetLearningRate", &model_set_learning_rate);
    emscripten::function("modelRestoreLastGood", &model_restore_last_good);
    emscripten::function("modelWeights", &model_weights);
    emscripten::function("modelSetWeights", &model_set_weights);
    emscripten::function("modelDispose", &model_dispose);
    emscripten::function("liveModels", &live_models);
    emscripten::function("heapUsed", &heap_used);
}

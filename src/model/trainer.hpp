// Training and evaluation of the tiny model on the corpus: mini-batches of sentences, Adam,
// next-word loss; evaluation reports next-word accuracy and the accuracy right after "bank".
#pragma once

#include "engine/checks.hpp"
#include "engine/optim.hpp"
#include "engine/rng.hpp"
#include "model/compiled_step.hpp"
#include "model/model.hpp"
#include "model/tokenizer.hpp"

#include <memory>
#include <stdexcept>

namespace ae {

struct StepResult {
    long step;         // steps taken so far, this one included
    double loss;       // mean next-word cross-entropy of the batch
    double accuracy;   // fraction of the batch's next words predicted (argmax) right
};

struct Evaluation {
    double loss = 0;            // on the test split
    double accuracy = 0;        // every next word of the test split
    double bank_accuracy = 0;   // the word right after "bank"
    int bank_count = 0;
    // Per head of the first layer: fraction of test sentences whose "bank" row puts its
    // largest weight on the context word (river, salary, ...).
    std::vector<double> head_finds_context;
};

// Thrown when the loss stops being finite or explodes (above 10x chance, 10 ln V), or a
// parameter stops being finite; the parameters are then those before the failed step, and
// restore_last_good() can go back further, to the last step that was still learning.
// what(): the whole story in English; code and params: the same for the page's catalogue
// ("loss-diverged", {{"step", "12"}, {"loss", "41.2"}, …}), as ae::Error has them.
struct TrainingDiverged : std::runtime_error {
    TrainingDiverged(const std::string& message, std::string error_code, ErrorParams error_params)
        : std::runtime_error(message), code(std::move(error_code)), params(std::move(error_params)) {}
    std::string code;
    ErrorParams params;
};

// Token ids of a sentence with <bos>/<eos>, cut to fit `context` + 1 (inputs + last target).
std::vector<int> window(const Tokenizer& tokenizer, const std::string& sentence, int context);

// How a training step runs: the compiled step replayed over preallocated buffers (no allocation),
// or a fresh define-by-run graph (the reference; the same losses, bit for bit).
enum class StepMode { Replay, DefineByRun };

class Trainer {
public:
    explicit Trainer(const ModelConfig& config);
    // Continue from a loaded model (same corpus tokenizer, step count restored).
    Trainer(std::unique_ptr<Model> model, Tokenizer tokenizer, long step);

    std::vector<StepResult> train(int steps);
    StepResult train_step();   // one step; with StepMode::Replay it allocates nothing
    void set_step_mode(StepMode mode) { mode_ = mode; }
    StepMode step_mode() const { return mode_; }
    Evaluation evaluate() const;   // between steps only: it runs the compiled step's forward
    // Mean next-word cross-entropy on the given sentences (no training, no graph).
    double loss(const std::vector<std::string>& sentences) const;

    const Model& model() const { return *model_; }
    const Tokenizer& tokenizer() const { return tokenizer_; }
    long step() const { return step_; }
    double learning_rate() const { return optimizer_->learning_rate(); }
    void set_learning_rate(double lr);
    // Back to the parameters of the last step whose loss was within 2x the best loss seen, with
    // fresh optimiser moments; returns that step.
    long restore_last_good();
    // Every parameter's numbers in one list (parameters() order, each column-major, as Eigen
    // stores it), and back: a snapshot that a trainer of the same config and vocabulary evaluates
    // with the same bits (the page evaluates on a second worker while the first trains).
    // set_weights checks the count.
    std::vector<double> weights() const;
    void set_weights(const std::vector<double>& weights);

private:
    void sample_batch();
    void restore(const std::vector<Matrix>& saved);
    void reset_optimizer();

    std::unique_ptr<Model> model_;
    Tokenizer tokenizer_;
    std::unique_ptr<Adam> optimizer_;
    std::vector<Tensor> params_;   // model_->parameters(), kept: the list is built once
    std::unique_ptr<CompiledStep> compiled_;
    StepMode mode_ = StepMode::Replay;
    FlatBatch batch_;              // this step's batch, its capacity reserved once
    mutable FlatBatch eval_batch_;   // evaluate()'s test sentences, a batch at a time (scratch)
    Rng rng_;
    long step_ = 0;
    std::vector<std::vector<int>> train_windows_, test_windows_;
    std::vector<Matrix> before_step_;   // parameters before the current step, to undo it
    std::vector<Matrix> last_good_;     // parameters of the last step that was still learning
    long last_good_step_ = 0;
    double best_loss_ = 0;              // 0 until the first step
};

}  // namespace ae

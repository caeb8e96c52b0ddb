// The training loop, divergence handling and evaluation.
#include "model/trainer.hpp"

#include "engine/checks.hpp"
#include "engine/exact_math.hpp"
#include "model/corpus.hpp"

#include <algorithm>
#include <cmath>

namespace ae {
namespace {

constexpr std::uint64_t kBatchStream = 0x6261746368ull;   // batch order draws its own stream

std::vector<std::vector<int>> windows(const Tokenizer& t, const std::vector<std::string>& sentences, int context) {
    std::vector<std::vector<int>> out;
    for (const auto& s : sentences) out.push_back(window(t, s, context));
    return out;
}

// Inputs are all but the last token of each window; targets are all but the first.
void split_inputs_targets(const std::vector<std::vector<int>>& batch, std::vector<std::vector<int>>& inputs,
                          std::vector<int>& targets) {
    for (const auto& w : batch) {
        inputs.emplace_back(w.begin(), w.end() - 1);
        targets.insert(targets.end(), w.begin() + 1, w.end());
    }
}

// The sequences of a flat batch, for Model::forward.
std::vector<std::vector<int>> sequences_of(const FlatBatch& b) {
    std::vector<std::vector<int>> out;
    auto at = b.ids.begin();
    for (int len : b.lengths) {
        out.emplace_back(at, at + len);
        at += len;
    }
    return out;
}

// A window's inputs (all but its last token) and targets (all but its first) appended to a batch.
void append_window(FlatBatch& b, const std::vector<int>& w) {
    const int inputs = static_cast<int>(w.size()) - 1;
    b.lengths.push_back(inputs);
    for (int t = 0; t < inputs; ++t) {
        b.ids.push_back(w[static_cast<size_t>(t)]);
        b.positions.push_back(t);
        b.targets.push_back(w[static_cast<size_t>(t) + 1]);
    }
}

Eigen::Index argmax(const Eigen::Ref<const Matrix>& m, Eigen::Index row) {
    Eigen::Index best = 0;
    m.row(row).maxCoeff(&best);
    return best;
}

double accuracy(const Eigen::Ref<const Matrix>& logits, const std::vector<int>& targets) {
    int right = 0;
    for (size_t i = 0; i < targets.size(); ++i) right += argmax(logits, static_cast<Eigen::Index>(i)) == targets[i];
    return static_cast<double>(right) / static_cast<double>(targets.size());
}

// Copies the parameters' values into `out`, reusing its matrices once they have the right sizes
// (called every training step: no allocation after the first).
void copy_values(const std::vector<Tensor>& params, std::vector<Matrix>& out) {
    out.resize(params.size());
    for (size_t i = 0; i < params.size(); ++i) out[i] = params[i]->value;
}

std::unique_ptr<Model> new_model(const ModelConfig& config, const Tokenizer& t) {
    return std::make_unique<Model>(config, t.size());
}

}  // namespace

std::vector<int> window(const Tokenizer& tokenizer, const std::string& sentence, int context) {
    std::vector<int> ids = tokenizer.encode(sentence);
    if (static_cast<int>(ids.size()) > context + 1) ids.resize(static_cast<size_t>(context + 1));
    return ids;
}

Trainer::Trainer(const ModelConfig& config)
    : Trainer(new_model(config, Tokenizer::from_sentences(corpus().train)), Tokenizer::from_sentences(corpus().train), 0) {}

Trainer::Trainer(std::unique_ptr<Model> model, Tokenizer tokenizer, long step)
    : model_(std::move(model)), tokenizer_(std::move(tokenizer)), rng_(model_->config().seed ^ kBatchStream), step_(step) {
    if (model_->vocab_size() != tokenizer_.size())
        fail("trainer", "model has " + std::to_string(model_->vocab_size()) + " words but the tokenizer " +
                            std::to_string(tokenizer_.size()));
    params_ = model_->parameters();
    reset_optimizer();
    compiled_ = std::make_unique<CompiledStep>(*model_);
    const size_t most_tokens = static_cast<size_t>(model_->config().batch) * static_cast<size_t>(model_->config().context);
    for (auto* v : {&batch_.ids, &batch_.positions, &batch_.targets}) v->reserve(most_tokens);
    batch_.lengths.reserve(static_cast<size_t>(model_->config().batch));
    train_windows_ = windows(tokenizer_, corpus().train, model_->config().context);
    test_windows_ = windows(tokenizer_, corpus().test, model_->config().context);
    copy_values(params_, last_good_);
    last_good_step_ = step_;
}

void Trainer::reset_optimizer() {
    AdamOptions adam;
    adam.lr = model_->config().learning_rate;
    optimizer_ = std::make_unique<Adam>(params_, adam);
}

void Trainer::set_learning_rate(double lr) {
    optimizer_->set_learning_rate(lr);
    model_->set_learning_rate(lr);
}

long Trainer::restore_last_good() {
    restore(last_good_);
    step_ = last_good_step_;
    reset_optimizer();
    return step_;
}

std::vector<StepResult> Trainer::train(int steps) {
    if (steps < 0) fail("train", "steps = " + std::to_string(steps) + " must be >= 0");
    std::vector<StepResult> out;
    out.reserve(static_cast<size_t>(steps));
    for (int i = 0; i < steps; ++i) out.push_back(train_step());
    return out;
}

void Trainer::sample_batch() {
    batch_.clear();
    for (int i = 0; i < model_->config().batch; ++i) append_window(batch_, train_windows_[rng_.below(train_windows_.size())]);
}

StepResult Trainer::train_step() {
    sample_batch();
    const bool replay = mode_ == StepMode::Replay;
    Forward f;
    Tensor loss;
    if (!replay) {
        f = model_->forward(sequences_of(batch_));
        loss = cross_entropy(f.logits, batch_.targets);
    }
    const double value = replay ? compiled_->forward(batch_) : loss->value(0, 0);
    const double exploded = 10.0 * exact_log(static_cast<double>(tokenizer_.size()));
    if (!std::isfinite(value) || value > exploded)
        throw TrainingDiverged(
            "training diverged at step " + std::to_string(step_ + 1) + ": the loss is " + format_number(value) +
                (std::isfinite(value) ? ", over 10 times chance (" + format_number(exploded) + ")" : "") + " (learning rate " +
                format_number(learning_rate()) + " is too high?); the parameters of step " + std::to_string(step_) + " are kept",
            std::isfinite(value) ? "loss-diverged" : "loss-not-finite",
            {{"step", std::to_string(step_ + 1)}, {"loss", format_number(value)}, {"chance", format_number(exploded)},
             {"rate", format_number(learning_rate())}, {"kept", std::to_string(step_)}});
    copy_values(params_, before_step_);
    optimizer_->zero_grad();
    if (replay) compiled_->backward();
    else backward(loss);
    optimizer_->step();
    for (const auto& p : params_)
        if (!p->value.allFinite()) {
            restore(before_step_);
            throw TrainingDiverged("training diverged at step " + std::to_string(step_ + 1) + ": parameter '" + p->label +
                                       "' is no longer finite (learning rate " + format_number(learning_rate()) +
                                       " is too high?); the parameters of step " + std::to_string(step_) + " are kept",
                                   "parameter-not-finite",
                                   {{"step", std::to_string(step_ + 1)}, {"parameter", p->label},
                                    {"rate", format_number(learning_rate())}, {"kept", std::to_string(step_)}});
        }
    ++step_;
    if (best_loss_ == 0 || value < best_loss_) best_loss_ = value;
    if (value <= 2 * best_loss_) {
        last_good_.swap(before_step_);   // the parameters that produced this still-learning loss
        last_good_step_ = step_ - 1;
    }
    return {step_, value, replay ? accuracy(compiled_->logits(), batch_.targets) : accuracy(f.logits->value, batch_.targets)};
}

void Trainer::restore(const std::vector<Matrix>& saved) {
    for (size_t i = 0; i < params_.size(); ++i) params_[i]->value = saved[i];
}

double Trainer::loss(const std::vector<std::string>& sentences) const {
    if (sentences.empty()) fail("loss", "no sentences given");
    NoGradGuard no_grad;
    std::vector<std::vector<int>> inputs;
    std::vector<int> targets;
    split_inputs_targets(windows(tokenizer_, sentences, model_->config().context), inputs, targets);
    const Matrix loss = cross_entropy(model_->forward(inputs).logits, targets)->value;
    require_finite_result("loss", "the loss", loss);
    return loss(0, 0);
}

std::vector<double> Trainer::weights() const {
    std::vector<double> out;
    for (const auto& p : params_) out.insert(out.end(), p->value.data(), p->value.data() + p->value.size());
    return out;
}

void Trainer::set_weights(const std::vector<double>& weights) {
    size_t count = 0;
    for (const auto& p : params_) count += static_cast<size_t>(p->value.size());
    if (weights.size() != count)
        fail("set weights", "this model has " + std::to_string(count) + " parameters, got " + std::to_string(weights.size()));
    const double* from = weights.data();
    for (const auto& p : params_) {   // in place: the compiled step reads these buffers
        std::copy(from, from + p->value.size(), p->value.data());
        from += p->value.size();
    }
}

// The test split, `batch` sentences at a time, through the compiled forward (no graph): the same
// bits as Model::forward and one cross_entropy over the whole split (tests/model/unit-trainer.cpp).
Evaluation Trainer::evaluate() const {
    std::vector<int> context_ids;
    for (const auto& pair : bank_pairs()) context_ids.push_back(tokenizer_.id(pair.context));
    const int bank = tokenizer_.id("bank");
    const size_t per_batch = static_cast<size_t>(model_->config().batch);
    std::vector<int> finds(static_cast<size_t>(model_->config().heads), 0);
    Evaluation e;
    double total = 0;
    int tokens = 0, right = 0, bank_right = 0;
    for (size_t from = 0; from < test_windows_.size(); from += per_batch) {
        const size_t to = std::min(test_windows_.size(), from + per_batch);
        eval_batch_.clear();
        for (size_t s = from; s < to; ++s) append_window(eval_batch_, test_windows_[s]);
        total = compiled_->forward_sum(eval_batch_, total);
        const auto logits = compiled_->logits();
        Eigen::Index row = 0;
        for (size_t s = from; s < to; ++s) {
            const auto& seq = test_windows_[s];
            for (size_t i = 0; i + 1 < seq.size(); ++i, ++row) {
                right += argmax(logits, row) == seq[i + 1];
                if (seq[i] != bank) continue;
                ++e.bank_count;
                bank_right += argmax(logits, row) == seq[i + 1];
                // the nearest context word before "bank"
                Eigen::Index context_at = -1;
                for (size_t j = 0; j < i; ++j)
                    if (std::count(context_ids.begin(), context_ids.end(), seq[j])) context_at = static_cast<Eigen::Index>(j);
                for (size_t h = 0; h < finds.size(); ++h)
                    finds[h] += context_at >= 0 &&
                                argmax(compiled_->weights(0, static_cast<int>(h), static_cast<int>(s - from)), static_cast<Eigen::Index>(i)) == context_at;
            }
        }
        tokens += eval_batch_.tokens();
    }
    e.loss = total / static_cast<double>(tokens);
    require_finite_result("evaluate", "the test loss", Matrix::Constant(1, 1, e.loss));   // a loaded model's parameters may overflow
    e.accuracy = static_cast<double>(right) / static_cast<double>(tokens);
    if (e.bank_count > 0) {
        e.bank_accuracy = static_cast<double>(bank_right) / e.bank_count;
        for (int n : finds) e.head_finds_context.push_back(static_cast<double>(n) / e.bank_count);
    }
    return e;
}

}  // namespace ae

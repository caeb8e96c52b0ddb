// The learning problem: checks that only make sense for it (target shape, what may be learned,
// the step size), then the engine's own ops and optimiser do the work.
#include "attention/learning.hpp"

#include "engine/checks.hpp"
#include "engine/optim.hpp"

#include <algorithm>

namespace ae {

const std::vector<std::string>& learnable_inputs() {
    static const std::vector<std::string> names{"embeddings", "wq", "wk", "wv"};
    return names;
}

double backward_to_target(const Tensor& output, const Matrix& target) {
    if (target.rows() != output->rows() || target.cols() != output->cols())
        fail("learning", "the target " + shape_of(target) + " must have the output's shape " + shape_of(output->value));
    require_finite("learning", "the target", target);
    const Tensor loss = half_sse_loss(output, constant(target));
    if (!std::isfinite(loss->value(0, 0)))
        fail("learning", "the loss overflows (the output is too far from the target); bring the target closer", "loss-overflow");
    backward_finite(loss, "learning");
    return loss->value(0, 0);
}

Learned learn(const LearningProblem& p) {
    Learned l;
    l.inputs = {{"embeddings", parameter(p.embeddings, "embeddings")}, {"wq", parameter(p.wq, "wq")},
                {"wk", parameter(p.wk, "wk")}, {"wv", parameter(p.wv, "wv")}};
    l.attention = self_attend(l.inputs["embeddings"], l.inputs["wq"], l.inputs["wk"], l.inputs["wv"], p.options,
                              p.focus);
    if (p.target.size() != 0) l.loss = backward_to_target(l.attention.output, p.target);
    return l;
}

LearningProblem descend(const LearningProblem& p, const std::vector<std::string>& learn_names,
                        double learning_rate, double* loss_before) {
    if (p.target.size() == 0) fail("learning", "a step needs a target to learn towards");
    if (learn_names.empty()) fail("learning", "a step needs at least one of embeddings, wq, wk, wv to change");
    for (const auto& name : learn_names) {
        const auto& all = learnable_inputs();
        if (std::find(all.begin(), all.end(), name) == all.end())
            fail("learning", "'" + name + "' cannot be learned (choose from embeddings, wq, wk, wv)");
        if (std::count(learn_names.begin(), learn_names.end(), name) > 1)
            fail("learning", "'" + name + "' is named twice");
    }
    Learned l = learn(p);
    std::vector<Tensor> moving;
    for (const auto& name : learn_names) moving.push_back(l.inputs.at(name));
    Sgd(moving, learning_rate).step();
    for (const auto& t : moving)
        if (!t->value.allFinite())
            fail("learning", "the step overflows (learning rate " + format_number(learning_rate) +
                                 " times the gradient exceeds 1.8e308); take a smaller learning rate",
                 "step-overflow", {{"rate", format_number(learning_rate)}});
    if (loss_before) *loss_before = l.loss;
    LearningProblem next = p;
    next.embeddings = l.inputs.at("embeddings")->value;
    next.wq = l.inputs.at("wq")->value;
    next.wk = l.inputs.at("wk")->value;
    next.wv = l.inputs.at("wv")->value;
    return next;
}

}  // namespace ae

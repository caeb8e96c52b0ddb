// SGD with momentum (v = mu*v + g; p -= lr*v) and Adam with bias correction.
#include "engine/optim.hpp"

#include "engine/checks.hpp"

#include <cmath>

namespace ae {

Optimizer::Optimizer(std::vector<Tensor> params) : params_(std::move(params)) {
    for (const auto& p : params_)
        if (!p->requires_grad) fail("optimizer", "tensor '" + p->label + "' is not a parameter (did you forget ae::parameter?)");
}

void Optimizer::zero_grad() { ae::zero_grad(params_); }

void Optimizer::set_learning_rate(double lr) {
    if (!(lr > 0) || !std::isfinite(lr)) fail("optimizer", "the learning rate must be a number above 0, got " + format_number(lr));
    lr_ = lr;
}

Sgd::Sgd(std::vector<Tensor> params, double lr, double momentum) : Optimizer(std::move(params)), momentum_(momentum) {
    set_learning_rate(lr);
    if (!(momentum >= 0 && momentum < 1)) fail("sgd", "momentum " + format_number(momentum) + " must be in [0, 1)");
    for (const auto& p : params_) velocity_.push_back(Matrix::Zero(p->rows(), p->cols()));
}

void Sgd::step() {
    for (size_t i = 0; i < params_.size(); ++i) {
        Node& p = *params_[i];
        if (p.grad.size() == 0) continue;
        velocity_[i] = momentum_ * velocity_[i] + p.grad;
        p.value -= lr_ * velocity_[i];
    }
}

Adam::Adam(std::vector<Tensor> params, AdamOptions options) : Optimizer(std::move(params)), options_(options) {
    set_learning_rate(options.lr);
    for (const auto& p : params_) {
        m_.push_back(Matrix::Zero(p->rows(), p->cols()));
        v_.push_back(Matrix::Zero(p->rows(), p->cols()));
    }
}

void Adam::step() {
    beta1_power_ *= options_.beta1;
    beta2_power_ *= options_.beta2;
    const double c1 = 1.0 - beta1_power_, c2 = 1.0 - beta2_power_;
    for (size_t i = 0; i < params_.size(); ++i) {
        Node& p = *params_[i];
        if (p.grad.size() == 0) continue;
        // One pass over the entries: m, v, then the parameter, each entry on its own.
        const double b1 = options_.beta1, b2 = options_.beta2, rest1 = 1.0 - b1, rest2 = 1.0 - b2;
        const double eps = options_.eps, lr = lr_;
        const double* g = p.grad.data();
        double *m = m_[i].data(), *v = v_[i].data(), *value = p.value.data();
        for (Eigen::Index e = 0; e < p.value.size(); ++e) {
            m[e] = b1 * m[e] + rest1 * g[e];
            v[e] = b2 * v[e] + rest2 * (g[e] * g[e]);
            value[e] -= lr * (m[e] / c1) / (std::sqrt(v[e] / c2) + eps);
        }
    }
}

}  // namespace ae

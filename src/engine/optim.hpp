// Optimisers over a fixed list of parameters: SGD with momentum, and Adam.
#pragma once

#include "engine/tensor.hpp"

#include <vector>

namespace ae {

class Optimizer {
public:
    explicit Optimizer(std::vector<Tensor> params);
    virtual ~Optimizer() = default;
    virtual void step() = 0;                 // uses each parameter's grad; leaves it in place
    void zero_grad();
    double learning_rate() const { return lr_; }
    void set_learning_rate(double lr);       // throws unless finite and > 0

protected:
    std::vector<Tensor> params_;
    double lr_ = 0;
};

class Sgd : public Optimizer {
public:
    Sgd(std::vector<Tensor> params, double lr, double momentum = 0.0);
    void step() override;

private:
    double momentum_;
    std::vector<Matrix> velocity_;
};

struct AdamOptions {
    double lr = 1e-2;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
};

class Adam : public Optimizer {
public:
    Adam(std::vector<Tensor> params, AdamOptions options = {});
    void step() override;

private:
    std::vector<Matrix> m_, v_;   // first and second moments, one per parameter
    AdamOptions options_;
    double beta1_power_ = 1, beta2_power_ = 1;   // beta^t kept by multiplication, not pow()
};

}  // namespace ae

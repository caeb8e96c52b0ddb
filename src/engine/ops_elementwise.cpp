// Elementwise nonlinearities: ReLU and tanh.
#include "engine/ops.hpp"

namespace ae {

Tensor relu(const Tensor& a) {
    return make_result(a->value.cwiseMax(0.0), {a}, [](Node& out) {
        const Matrix& x = out.parents[0]->value;
        accumulate(*out.parents[0], (x.array() > 0).select(out.grad, 0.0));
    }, "relu");
}

Tensor tanh(const Tensor& a) {
    return make_result(a->value.array().tanh().matrix(), {a}, [](Node& out) {
        accumulate(*out.parents[0], out.grad.cwiseProduct((1.0 - out.value.array().square()).matrix()));
    }, "tanh");
}

}  // namespace ae

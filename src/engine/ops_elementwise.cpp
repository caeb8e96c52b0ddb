// Elementwise nonlinearity: ReLU (the model's MLP).
#include "engine/ops.hpp"

namespace ae {

Tensor relu(const Tensor& a) {
    return make_result(a->value.cwiseMax(0.0), {a}, [](Node& out) {
        const Matrix& x = out.parents[0]->value;
        accumulate(*out.parents[0], (x.array() > 0).select(out.grad, 0.0));
    }, "relu");
}

}  // namespace ae

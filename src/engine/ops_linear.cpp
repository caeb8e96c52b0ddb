// matmul, add, mul, scale, transpose and their backwards.
#include "engine/checks.hpp"
#include "engine/kernels.hpp"
#include "engine/ops.hpp"

namespace ae {
namespace {

// The gradient of a broadcast (1,n) row is the column sum of the output gradient.
Matrix reduce_to(const Matrix& g, const Matrix& like) {
    if (g.rows() == like.rows()) return g;
    return g.colwise().sum();
}


}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b) {
    if (a->cols() != b->rows())
        fail("matmul", shape_of(a->value) + " x " + shape_of(b->value) + ": inner sizes differ");
    require_non_empty("matmul", "left", a->value);
    require_non_empty("matmul", "right", b->value);
    return make_result(matmul_values(a->value, b->value), {a, b}, [](Node& out) {
        Node& lhs = *out.parents[0];
        Node& rhs = *out.parents[1];
        if (lhs.requires_grad) accumulate(lhs, matmul_values(out.grad, rhs.value.transpose()));
        if (rhs.requires_grad) accumulate(rhs, matmul_values(lhs.value.transpose(), out.grad));
    }, "matmul");
}

Tensor add(const Tensor& a, const Tensor& b) {
    require_broadcastable("add", a->value, b->value);
    Matrix sum = a->value;
    if (b->rows() == a->rows()) sum += b->value;
    else sum.rowwise() += b->value.row(0);
    return make_result(std::move(sum), {a, b}, [](Node& out) {
        accumulate(*out.parents[0], out.grad);
        accumulate(*out.parents[1], reduce_to(out.grad, out.parents[1]->value));
    }, "add");
}

Tensor mul(const Tensor& a, const Tensor& b) {
    require_same_shape("mul", a->value, b->value);
    return make_result(a->value.cwiseProduct(b->value), {a, b}, [](Node& out) {
        accumulate(*out.parents[0], out.grad.cwiseProduct(out.parents[1]->value));
        accumulate(*out.parents[1], out.grad.cwiseProduct(out.parents[0]->value));
    }, "mul");
}

Tensor scale(const Tensor& a, double c) {
    if (!std::isfinite(c)) fail("scale", "factor " + format_number(c) + " is not finite");
    return make_result(a->value * c, {a}, [c](Node& out) { accumulate(*out.parents[0], out.grad * c); },
                       "scale");
}

Tensor transpose(const Tensor& a) {
    return make_result(a->value.transpose(), {a},
                       [](Node& out) { accumulate(*out.parents[0], out.grad.transpose()); }, "transpose");
}

}  // namespace ae

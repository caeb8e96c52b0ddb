// Layer norm, sum, mean and the losses (mean squared, half sum of squares, cross-entropy).
#include "engine/checks.hpp"
#include "engine/exact_math.hpp"
#include "engine/ops.hpp"

namespace ae {

Tensor layer_norm(const Tensor& x, const Tensor& gamma, const Tensor& beta, double eps) {
    require_non_empty("layer_norm", "input", x->value);
    if (gamma->rows() != 1 || gamma->cols() != x->cols() || beta->rows() != 1 || beta->cols() != x->cols())
        fail("layer_norm", "input " + shape_of(x->value) + " needs gamma and beta of (1x" +
                               std::to_string(x->cols()) + "), got " + shape_of(gamma->value) + " and " +
                               shape_of(beta->value));
    const double d = static_cast<double>(x->cols());
    const Eigen::VectorXd mu = x->value.rowwise().sum() / d;              // (n, 1)
    const Matrix centred = x->value.colwise() - mu;                        // (n, d)
    const Eigen::VectorXd inv_std =
        ((centred.array().square().rowwise().sum() / d) + eps).rsqrt();   // (n, 1)
    const Matrix xhat = centred.array().colwise() * inv_std.array();       // (n, d)
    Matrix y = (xhat.array().rowwise() * gamma->value.row(0).array()).rowwise() + beta->value.row(0).array();
    return make_result(y, {x, gamma, beta}, [xhat, inv_std, d](Node& out) {
        Node& xn = *out.parents[0];
        Node& g = *out.parents[1];
        accumulate(g, out.grad.cwiseProduct(xhat).colwise().sum());
        accumulate(*out.parents[2], out.grad.colwise().sum());
        if (!xn.requires_grad) return;
        const Matrix dxhat = out.grad.array().rowwise() * g.value.row(0).array();
        const Eigen::VectorXd mean_dxhat = dxhat.rowwise().sum() / d;
        const Eigen::VectorXd mean_dxhat_xhat = dxhat.cwiseProduct(xhat).rowwise().sum() / d;
        Matrix dx = (dxhat.colwise() - mean_dxhat) - (xhat.array().colwise() * mean_dxhat_xhat.array()).matrix();
        accumulate(xn, dx.array().colwise() * inv_std.array());
    }, "layer_norm");
}

Tensor sum(const Tensor& a) {
    return make_result(Matrix::Constant(1, 1, a->value.sum()), {a}, [](Node& out) {
        Node& p = *out.parents[0];
        accumulate(p, Matrix::Constant(p.rows(), p.cols(), out.grad(0, 0)));
    }, "sum");
}

Tensor mean(const Tensor& a) {
    require_non_empty("mean", "input", a->value);
    const double n = static_cast<double>(a->value.size());
    return make_result(Matrix::Constant(1, 1, a->value.sum() / n), {a}, [n](Node& out) {
        Node& p = *out.parents[0];
        accumulate(p, Matrix::Constant(p.rows(), p.cols(), out.grad(0, 0) / n));
    }, "mean");
}

namespace {
// loss = factor * sum((pred - target)^2); d(pred) = 2 * factor * (pred - target).
Tensor squared_error(const char* op, const Tensor& pred, const Tensor& target, double factor) {
    require_same_shape(op, pred->value, target->value);
    require_non_empty(op, "prediction", pred->value);
    const Matrix diff = pred->value - target->value;
    return make_result(Matrix::Constant(1, 1, factor * diff.squaredNorm()), {pred, target},
                       [diff, factor](Node& out) {
                           const Matrix g = (2.0 * factor * out.grad(0, 0)) * diff;
                           accumulate(*out.parents[0], g);
                           accumulate(*out.parents[1], -g);
                       }, op);
}
}  // namespace

Tensor half_sse_loss(const Tensor& pred, const Tensor& target) {
    return squared_error("half_sse_loss", pred, target, 0.5);
}

Tensor cross_entropy(const Tensor& logits, const std::vector<int>& targets) {
    const Matrix& z = logits->value;   // (N, V)
    require_non_empty("cross_entropy", "logits", z);
    if (static_cast<Eigen::Index>(targets.size()) != z.rows())
        fail("cross_entropy", "logits " + shape_of(z) + " need " + std::to_string(z.rows()) + " targets, got " +
                                  std::to_string(targets.size()));
    const double n = static_cast<double>(z.rows());
    Matrix probs(z.rows(), z.cols());   // softmax of each row, kept for the backward
    double total = 0;
    for (Eigen::Index r = 0; r < z.rows(); ++r) {
        const int t = targets[static_cast<size_t>(r)];
        if (t < 0 || t >= z.cols())
            fail("cross_entropy", "target " + std::to_string(t) + " of row " + std::to_string(r) +
                                      " is outside logits " + shape_of(z));
        const double top = z.row(r).maxCoeff();
        for (Eigen::Index c = 0; c < z.cols(); ++c) probs(r, c) = exact_exp(z(r, c) - top);
        const double row_sum = probs.row(r).sum();
        probs.row(r) /= row_sum;
        total += exact_log(row_sum) + top - z(r, t);
    }
    return make_result(Matrix::Constant(1, 1, total / n), {logits}, [probs, targets, n](Node& out) {
        Matrix g = probs;
        for (size_t r = 0; r < targets.size(); ++r) g(static_cast<Eigen::Index>(r), targets[r]) -= 1.0;
        accumulate(*out.parents[0], g * (out.grad(0, 0) / n));
    }, "cross_entropy");
}

}  // namespace ae

// Row-wise normalisers: softmax, divide-by-sum, hard argmax. Each turns a row of scores into a
// row of weights; masked entries are left out and come out exactly 0.
#include "engine/checks.hpp"
#include "engine/exact_math.hpp"
#include "engine/ops.hpp"

#include <limits>

namespace ae {
namespace {

void require_mask_fits(const std::string& op, const Matrix& a, const Mask& mask) {
    if (mask.size() == 0) return;
    if (mask.rows() != a.rows() || mask.cols() != a.cols())
        fail(op, "mask (" + std::to_string(mask.rows()) + "x" + std::to_string(mask.cols()) +
                     ") does not match scores " + shape_of(a));
    for (Eigen::Index r = 0; r < mask.rows(); ++r)
        if (!mask.row(r).any()) fail(op, "row " + std::to_string(r) + " is fully masked");
}

bool allowed(const Mask& mask, Eigen::Index r, Eigen::Index c) { return mask.size() == 0 || mask(r, c); }

// d(in) = y * (d(out) - rowsum(d(out) * y)) / s, where y = out and s = 1 for softmax,
// s = the row sum for divide-by-sum. Masked entries have y = 0 and get no gradient.
Matrix normalizer_backward(const Matrix& y, const Matrix& dy, const Matrix& factor) {
    Matrix dx(y.rows(), y.cols());
    for (Eigen::Index r = 0; r < y.rows(); ++r) {
        const double dot = dy.row(r).dot(y.row(r));
        dx.row(r) = (dy.row(r).array() - dot) * factor.row(r).array();
    }
    return dx;
}

}  // namespace

Matrix softmax_numerators(const Matrix& x, const Mask& mask) {
    require_non_empty("softmax", "scores", x);
    require_mask_fits("softmax", x, mask);
    Matrix y = Matrix::Zero(x.rows(), x.cols());
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        double top = -std::numeric_limits<double>::infinity();
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            if (allowed(mask, r, c)) top = std::max(top, x(r, c));
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            if (allowed(mask, r, c)) y(r, c) = exact_exp(x(r, c) - top);
    }
    return y;
}

Tensor softmax_rows(const Tensor& a, const Mask& mask) {
    Matrix y = softmax_numerators(a->value, mask);
    for (Eigen::Index r = 0; r < y.rows(); ++r) {
        double total = 0;
        for (Eigen::Index c = 0; c < y.cols(); ++c) total += y(r, c);   // masked entries add 0
        y.row(r) /= total;
    }
    return make_result(y, {a}, [](Node& out) {
        accumulate(*out.parents[0], normalizer_backward(out.value, out.grad, out.value));
    }, "softmax");
}

Tensor divide_by_sum_rows(const Tensor& a, const Mask& mask) {
    require_non_empty("divide-by-sum", "scores", a->value);
    require_mask_fits("divide-by-sum", a->value, mask);
    const Matrix& x = a->value;
    Matrix y = Matrix::Zero(x.rows(), x.cols());
    Matrix inv_sum(x.rows(), x.cols());
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        double total = 0;
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            if (allowed(mask, r, c)) total += x(r, c);
        if (total == 0 || !std::isfinite(total))
            fail("divide-by-sum", "row " + std::to_string(r) + " of scores " + shape_of(x) +
                                      (total == 0 ? " sums to zero" : " has a non-finite sum") +
                                      ", so its weights are undefined");
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            if (allowed(mask, r, c)) y(r, c) = x(r, c) / total;
        inv_sum.row(r).setConstant(1.0 / total);
    }
    Mask keep = mask;
    return make_result(y, {a}, [inv_sum, keep](Node& out) {
        Matrix ones_where_allowed = keep.size() == 0 ? Matrix(inv_sum) : Matrix(inv_sum.cwiseProduct(keep.cast<double>()));
        accumulate(*out.parents[0], normalizer_backward(out.value, out.grad, ones_where_allowed));
    }, "divide-by-sum");
}

Tensor hard_argmax_rows(const Tensor& a, const Mask& mask) {
    require_non_empty("hard", "scores", a->value);
    require_mask_fits("hard", a->value, mask);
    const Matrix& x = a->value;
    Matrix y = Matrix::Zero(x.rows(), x.cols());
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        Eigen::Index best = -1;
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            if (allowed(mask, r, c) && (best < 0 || x(r, c) > x(r, best))) best = c;
        y(r, best) = 1;
    }
    // Picking one index is piecewise constant: the parent stays in the graph (so it is given a
    // zero gradient) but nothing flows back.
    return make_result(y, {a}, nullptr, "hard");
}

}  // namespace ae

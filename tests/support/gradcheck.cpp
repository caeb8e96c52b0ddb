// Implementation of the finite-difference gradient check.
#include "support/gradcheck.hpp"

#include "support/approx.hpp"

#include "engine/ops.hpp"
#include "engine/rng.hpp"

#include <algorithm>
#include <cmath>

namespace ae::test {
namespace {

double reduce(const Tensor& out, const Matrix& w) { return out->value.cwiseProduct(w).sum(); }

}  // namespace

Matrix random_matrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
    Rng rng(seed);
    return rng.uniform_matrix(rows, cols, -1.0, 1.0);
}

GradCheck gradcheck(const Function& f, const std::vector<Matrix>& inputs, double h) {
    std::vector<Tensor> leaves;
    for (const auto& m : inputs) leaves.push_back(input(m));
    Tensor out = f(leaves);
    const Matrix w = random_matrix(out->rows(), out->cols(), 99) + Matrix::Constant(out->rows(), out->cols(), 1.5);
    backward(sum(mul(out, constant(w))));

    GradCheck result;
    for (size_t i = 0; i < inputs.size(); ++i) {
        result.analytic.push_back(leaves[i]->grad);
        Matrix numeric(inputs[i].rows(), inputs[i].cols());
        for (Eigen::Index r = 0; r < numeric.rows(); ++r)
            for (Eigen::Index c = 0; c < numeric.cols(); ++c) {
                auto at = [&](double delta) {
                    NoGradGuard no_grad;
                    std::vector<Tensor> shifted;
                    for (size_t j = 0; j < inputs.size(); ++j) {
                        Matrix m = inputs[j];
                        if (j == i) m(r, c) += delta;
                        shifted.push_back(constant(m));
                    }
                    return reduce(f(shifted), w);
                };
                numeric(r, c) = (at(h) - at(-h)) / (2 * h);
                const double err = std::abs(numeric(r, c) - leaves[i]->grad(r, c)) / std::max(1.0, std::abs(numeric(r, c)));
                result.max_error = nan_max(result.max_error, err);
            }
        result.numeric.push_back(numeric);
    }
    return result;
}

}  // namespace ae::test

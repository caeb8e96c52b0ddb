// Central finite differences against the autograd, for any function of a few matrices.
#pragma once

#include "engine/tensor.hpp"

#include <functional>
#include <vector>

namespace ae::test {

using Function = std::function<Tensor(const std::vector<Tensor>&)>;

struct GradCheck {
    double max_error = 0;   // max over all inputs and entries of |analytic - numeric| / max(1, |numeric|); NaN if any is
    std::vector<Matrix> analytic;
    std::vector<Matrix> numeric;
};

// f may return any shape: it is reduced to a scalar with fixed random weights, so every entry
// of the output's Jacobian is exercised.
GradCheck gradcheck(const Function& f, const std::vector<Matrix>& inputs, double h = 1e-6);

// Random matrix with entries in [-1, 1), from the project's Rng.
Matrix random_matrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed);

}  // namespace ae::test

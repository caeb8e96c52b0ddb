// The differentiable operations. Shapes: (m, k) means m rows, k columns; a "row" is (1, n).
// Each op validates its inputs (std::invalid_argument naming the op and the shapes), computes
// its value, and attaches a backward that adds into its inputs' gradients.
//
//   auto q = ae::input(Q), k = ae::input(K);
//   auto s = ae::matmul(q, ae::transpose(k));      // (m, n) scores
//   ae::backward(ae::sum(ae::softmax_rows(s)));    // q->grad, k->grad filled
#pragma once

#include "engine/tensor.hpp"

#include <vector>

namespace ae {

// true = this (query, key) pair may be attended to. An empty mask means "all allowed".
using Mask = Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>;

// --- linear algebra (ops_linear.cpp)
Tensor matmul(const Tensor& a, const Tensor& b);        // (m,k) x (k,n) -> (m,n)
Tensor add(const Tensor& a, const Tensor& b);           // (m,n) + (m,n) or a (1,n) row per row
// elementwise, same shape; the finite-difference checks weight an op's outputs with it
Tensor mul(const Tensor& a, const Tensor& b);
Tensor scale(const Tensor& a, double c);                // c * a
Tensor transpose(const Tensor& a);                      // (m,n) -> (n,m)

// --- row-wise normalisers (ops_rows.cpp); masked entries come out exactly 0
Tensor softmax_rows(const Tensor& a, const Mask& mask = Mask());       // stable: max subtracted
// softmax_rows before its division: e^(x - row max), masked entries 0. Each row's largest is 1.
Matrix softmax_numerators(const Matrix& x, const Mask& mask = Mask());
Tensor divide_by_sum_rows(const Tensor& a, const Mask& mask = Mask()); // a / row sum; zero sum throws
Tensor hard_argmax_rows(const Tensor& a, const Mask& mask = Mask());   // one-hot, ties -> lowest index;
                                                                       // passes no gradient back

// --- elementwise nonlinearity (ops_elementwise.cpp)
Tensor relu(const Tensor& a);

// --- indexing and reshaping (ops_index.cpp)
Tensor gather_rows(const Tensor& table, const std::vector<int>& ids);   // (V,d) -> (ids,d)
Tensor slice_cols(const Tensor& a, Eigen::Index start, Eigen::Index count);
Tensor concat_cols(const std::vector<Tensor>& parts);                   // same row count
Tensor slice_rows(const Tensor& a, Eigen::Index start, Eigen::Index count);
Tensor concat_rows(const std::vector<Tensor>& parts);                   // same column count

// --- normalisation, reductions and losses (ops_reduce.cpp); reductions give (1,1)
Tensor layer_norm(const Tensor& x, const Tensor& gamma, const Tensor& beta, double eps = 1e-5);
Tensor sum(const Tensor& a);
Tensor mean(const Tensor& a);
Tensor half_sse_loss(const Tensor& pred, const Tensor& target);   // 1/2 sum((pred - target)^2)
// mean over rows of -log softmax(logits)[row, target]; fused and stable.
Tensor cross_entropy(const Tensor& logits, const std::vector<int>& targets);

}  // namespace ae

// The autograd node: a 2-D value (a vector is a 1xd row), its gradient, its parents and a
// backward that only *adds* into the parents' gradients. Shapes are written (rows x cols).
#pragma once

#include <Eigen/Dense>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ae {

using Matrix = Eigen::MatrixXd;

struct Node;
using Tensor = std::shared_ptr<Node>;

struct Node {
    Matrix value;                          // (r, c)
    Matrix grad;                           // (r, c) once backward() has run through it
    std::vector<Tensor> parents;
    std::function<void(Node&)> backward;   // adds d(out)/d(parent) * grad into parents' grads
    std::string label;
    bool requires_grad = false;

    Eigen::Index rows() const { return value.rows(); }
    Eigen::Index cols() const { return value.cols(); }
};

// A leaf holding data; it gets a gradient only if asked (inputs whose gradient the page shows).
Tensor constant(Matrix value, std::string label = "");
Tensor input(Matrix value, std::string label = "");       // requires_grad = true
Tensor parameter(Matrix value, std::string label = "");   // requires_grad = true

// Builds an op's output node. Under no-grad mode (or when no parent needs a gradient) the node
// keeps neither parents nor backward, so no graph is built.
Tensor make_result(Matrix value, std::vector<Tensor> parents, std::function<void(Node&)> backward,
                   std::string label);

// Topological sort from `root`, intermediate grads reset, root's grad seeded with ones,
// walk in reverse. Leaf grads accumulate across calls until zero_grad().
void backward(const Tensor& root);
// backward(), for a caller that hands the loss and gradients to a person: std::invalid_argument
// naming `op` if the loss or any gradient it reaches is not finite. (The trainer uses backward():
// it reports a diverging model itself.)
void backward_finite(const Tensor& root, const std::string& op);
void zero_grad(const std::vector<Tensor>& tensors);

// The node's gradient to add into, allocated (zero) on first use; nullptr if it wants none.
Matrix* grad_to_add(Node& node);
// Adds `g` into `node.grad`, allocating it on first use (only if the node wants a gradient).
void accumulate(Node& node, const Matrix& g);
// Adds `g` into the block of `node.grad` starting at (row, col): the backward of a slice, without
// building a zero matrix the size of the whole input.
void accumulate_block(Node& node, Eigen::Index row, Eigen::Index col, const Matrix& g);

// While alive, ops build no graph (evaluation, prediction).
class NoGradGuard {
public:
    NoGradGuard();
    ~NoGradGuard();
    NoGradGuard(const NoGradGuard&) = delete;
    NoGradGuard& operator=(const NoGradGuard&) = delete;

private:
    bool previous_;
};
bool grad_enabled();

}  // namespace ae

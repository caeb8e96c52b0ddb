// Graph bookkeeping: leaves, op results, the reverse walk.
#include "engine/tensor.hpp"

#include "engine/checks.hpp"

#include <unordered_set>

namespace ae {
namespace {
thread_local bool g_grad_enabled = true;

Tensor make_leaf(Matrix value, std::string label, bool requires_grad) {
    auto node = std::make_shared<Node>();
    node->value = std::move(value);
    node->label = std::move(label);
    node->requires_grad = requires_grad;
    return node;
}
}  // namespace

Tensor constant(Matrix value, std::string label) { return make_leaf(std::move(value), std::move(label), false); }
Tensor input(Matrix value, std::string label) { return make_leaf(std::move(value), std::move(label), true); }
Tensor parameter(Matrix value, std::string label) { return make_leaf(std::move(value), std::move(label), true); }

Tensor make_result(Matrix value, std::vector<Tensor> parents, std::function<void(Node&)> backward_fn,
                   std::string label) {
    auto node = std::make_shared<Node>();
    node->value = std::move(value);
    node->label = std::move(label);
    if (!g_grad_enabled) return node;
    for (const auto& p : parents) node->requires_grad = node->requires_grad || p->requires_grad;
    if (node->requires_grad) {
        node->parents = std::move(parents);
        node->backward = std::move(backward_fn);
    }
    return node;
}

Matrix* grad_to_add(Node& node) {
    if (!node.requires_grad) return nullptr;
    if (node.grad.size() == 0) node.grad = Matrix::Zero(node.rows(), node.cols());
    return &node.grad;
}

void accumulate(Node& node, const Matrix& g) {
    if (Matrix* grad = grad_to_add(node)) *grad += g;
}

void accumulate_block(Node& node, Eigen::Index row, Eigen::Index col, const Matrix& g) {
    if (Matrix* grad = grad_to_add(node)) grad->block(row, col, g.rows(), g.cols()) += g;
}

namespace {

// Every node reachable from `root`, parents before children.
std::vector<Node*> topological_order(const Tensor& root) {
    std::vector<Node*> order;
    std::unordered_set<Node*> seen;
    // Iterative post-order DFS: graphs of a training step are deep enough to make recursion risky.
    std::vector<std::pair<Node*, size_t>> stack{{root.get(), 0}};
    seen.insert(root.get());
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next < node->parents.size()) {
            Node* parent = node->parents[next++].get();
            if (seen.insert(parent).second) stack.emplace_back(parent, 0);
        } else {
            order.push_back(node);
            stack.pop_back();
        }
    }
    return order;
}

void backward_through(const Tensor& root, const std::vector<Node*>& order) {
    for (Node* n : order) {
        const bool leaf = n->parents.empty();
        if (n->requires_grad && (!leaf || n->grad.size() == 0)) n->grad = Matrix::Zero(n->rows(), n->cols());
    }
    if (!root->requires_grad) return;
    root->grad = Matrix::Ones(root->rows(), root->cols());
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if ((*it)->backward) (*it)->backward(**it);
}

}  // namespace

void backward(const Tensor& root) { backward_through(root, topological_order(root)); }

void backward_finite(const Tensor& root, const std::string& op) {
    require_finite_result(op, "the loss", root->value);
    const std::vector<Node*> order = topological_order(root);
    backward_through(root, order);
    for (const Node* n : order)
        if (n->grad.size())
            require_finite_result(op, "the gradient of " + (n->label.empty() ? std::string("an input") : n->label), n->grad);
}

void zero_grad(const std::vector<Tensor>& tensors) {
    for (const auto& t : tensors) t->grad = Matrix::Zero(t->rows(), t->cols());
}

NoGradGuard::NoGradGuard() : previous_(g_grad_enabled) { g_grad_enabled = false; }
NoGradGuard::~NoGradGuard() { g_grad_enabled = previous_; }
bool grad_enabled() { return g_grad_enabled; }

}  // namespace ae

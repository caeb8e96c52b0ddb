// The compiled training step. Each block replays one define-by-run op (ops_*.cpp, model.cpp)
// with that op's own expressions over Eigen maps of preallocated buffers, and gradients are
// summed into each node in the order ae::backward visits its consumers, so every bit matches.
#include "model/compiled_step.hpp"

#include "engine/checks.hpp"
#include "engine/exact_math.hpp"
#include "engine/kernels.hpp"
#include "engine/pairs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ae {

using Index = Eigen::Index;
using View = Eigen::Map<Matrix>;
using ConstView = Eigen::Map<const Matrix>;
using VecView = Eigen::Map<Eigen::VectorXd>;
using ConstVecView = Eigen::Map<const Eigen::VectorXd>;

struct CompiledStep::Layer {
    Node *wq, *wk, *wv, *wo;
    Node *ln1_gain = nullptr, *ln1_bias = nullptr, *ln2_gain = nullptr, *ln2_bias = nullptr;
    Node *w1 = nullptr, *b1 = nullptr, *w2 = nullptr, *b2 = nullptr;
    // Activations of the last forward, (N, width) each; `weights` holds every head's (L, L)
    // softmax of every sequence, head by head, sequence by sequence.
    std::vector<double> h1, ln1_xhat, ln1_inv_std, q, k, v, weights, heads, x_mid;
    std::vector<double> h2, ln2_xhat, ln2_inv_std, pre, hidden, x_out;
    const double* input = nullptr;   // x entering the layer (the previous layer's output or x0)
    const double* h1_at = nullptr;   // what q, k and v are computed from: h1, or input without norm
    const double* h2_at = nullptr;   // what the MLP reads: h2, or x_mid without norm
    const double* output() const { return w1 ? x_out.data() : x_mid.data(); }
};

namespace {

constexpr double kNormEps = 1e-5;   // layer_norm's default, as Model::forward uses it

View view(double* p, Index rows, Index cols) { return View(p, rows, cols); }
ConstView view(const double* p, Index rows, Index cols) { return ConstView(p, rows, cols); }

Node* param(const Model& m, const std::string& name) { return m.parameter(name).get(); }
std::string layer_name(int layer, const char* what) { return "layer" + std::to_string(layer) + "." + what; }

// The gradient of a parameter, allocated on first use only (like grad_to_add).
Matrix& grad_of(Node& p) { return *grad_to_add(p); }

// g = (pre > 0).select(d_hidden, 0.0) over `size` entries, in pairs without a branch: each entry's
// bits or +0.0.
void relu_backward(const double* pre, const double* d_hidden, double* g, Index size) {
    Index i = 0;
    for (; i + 2 <= size; i += 2)
        store_pair(g + i, pair_of(bits_of(load_pair(d_hidden + i)) & (load_pair(pre + i) > 0.0)));
    for (; i < size; ++i) g[i] = pre[i] > 0 ? d_hidden[i] : 0.0;
}

// x.rowwise() += bias for x (rows, cols), column by column (contiguous, so the loop goes in pairs).
void add_to_rows(double* x, Index rows, Index cols, const Node& bias) {
    for (Index j = 0; j < cols; ++j) {
        const double b = bias.value(0, j);
        double* column = x + j * rows;
        for (Index r = 0; r < rows; ++r) column[r] += b;
    }
}

// sums += g.colwise().sum() for g (rows, cols), each column summed from its first entry down as
// Eigen does, four columns at a time in two pairs.
void add_column_sums(const double* g, Index rows, Index cols, Matrix& sums) {
    double* out = sums.data();
    Index j = 0;
    for (; j + 4 <= cols; j += 4) {
        const double *c0 = g + j * rows, *c1 = c0 + rows, *c2 = c1 + rows, *c3 = c2 + rows;
        Pair first{c0[0], c1[0]}, second{c2[0], c3[0]};
        for (Index r = 1; r < rows; ++r) {
            first += Pair{c0[r], c1[r]};
            second += Pair{c2[r], c3[r]};
        }
        store_pair(out + j, load_pair(out + j) + first);
        store_pair(out + j + 2, load_pair(out + j + 2) + second);
    }
    for (; j < cols; ++j) {
        const double* column = g + j * rows;
        double total = column[0];
        for (Index r = 1; r < rows; ++r) total += column[r];
        out[j] += total;
    }
}

}  // namespace

void FlatBatch::clear() {
    ids.clear();
    positions.clear();
    lengths.clear();
    targets.clear();
}

CompiledStep::CompiledStep(const Model& model) : model_(model) {
    const ModelConfig& c = model.config();
    const Index n = static_cast<Index>(c.batch) * c.context, d = c.d, hidden = 4 * d, vocab = model.vocab_size();
    const auto rows = [n](Index width) { return std::vector<double>(static_cast<size_t>(n * width)); };
    token_embedding_ = param(model, "token_embedding");
    position_embedding_ = param(model, "position_embedding");
    unembedding_ = param(model, "unembedding");
    unembedding_bias_ = param(model, "unembedding_bias");
    if (c.layer_norm) {
        final_gain_ = param(model, "final_ln_gain");
        final_bias_ = param(model, "final_ln_bias");
    }
    layers_.resize(static_cast<size_t>(c.layers));
    for (int l = 0; l < c.layers; ++l) {
        Layer& y = layers_[static_cast<size_t>(l)];
        y.wq = param(model, layer_name(l, "wq"));
        y.wk = param(model, layer_name(l, "wk"));
        y.wv = param(model, layer_name(l, "wv"));
        y.wo = param(model, layer_name(l, "wo"));
        y.q = rows(d), y.k = rows(d), y.v = rows(d), y.heads = rows(d), y.x_mid = rows(d);
        y.weights = std::vector<double>(static_cast<size_t>(c.heads * n * c.context));
        if (c.layer_norm) {
            y.ln1_gain = param(model, layer_name(l, "ln1_gain"));
            y.ln1_bias = param(model, layer_name(l, "ln1_bias"));
            y.h1 = rows(d), y.ln1_xhat = rows(d), y.ln1_inv_std = rows(1);
        }
        if (c.mlp) {
            if (c.layer_norm) {
                y.ln2_gain = param(model, layer_name(l, "ln2_gain"));
                y.ln2_bias = param(model, layer_name(l, "ln2_bias"));
                y.h2 = rows(d), y.ln2_xhat = rows(d), y.ln2_inv_std = rows(1);
            }
            y.w1 = param(model, layer_name(l, "mlp_w1"));
            y.b1 = param(model, layer_name(l, "mlp_b1"));
            y.w2 = param(model, layer_name(l, "mlp_w2"));
            y.b2 = param(model, layer_name(l, "mlp_b2"));
            y.pre = rows(hidden), y.hidden = rows(hidden), y.x_out = rows(d);
        }
    }
    x0_ = rows(d), hf_ = rows(d), logits_ = rows(vocab), probs_ = rows(vocab);
    if (c.layer_norm) final_xhat_ = rows(d), final_inv_std_ = rows(1);
    g_stream_ = rows(d), g_mid_ = rows(d), g_h_ = rows(d), g_heads_ = rows(d);
    g_q_ = rows(d), g_k_ = rows(d), g_v_ = rows(d), dxhat_ = rows(d), row_means_ = rows(2);
    g_logits_ = rows(vocab), ce_rows_ = rows(2);
    if (c.mlp) g_hidden_ = rows(hidden), g_pre_ = rows(hidden);
    product_ = rows(d);
    a_t_ = rows(std::max(hidden, d));
    slot_size_ = static_cast<Index>(c.context) * std::max<Index>(c.context, d);
    heads_scratch_ = std::vector<double>(static_cast<size_t>(8 * slot_size_));
}

CompiledStep::~CompiledStep() = default;

Eigen::Map<const Matrix> CompiledStep::logits() const {
    return ConstView(logits_.data(), n_, static_cast<Index>(model_.vocab_size()));
}

// layer_norm (ops_reduce.cpp): the row means are kept in inv_std until it is computed.
void CompiledStep::norm_forward(const double* x_at, const Node& gain, const Node& bias, std::vector<double>& xhat_buf,
                                std::vector<double>& inv_std_buf, double* y_at) {
    const Index cols = gain.cols();
    const double d = static_cast<double>(cols);
    const ConstView x = view(x_at, n_, cols);   // (N, d)
    View xhat = view(xhat_buf.data(), n_, cols);
    VecView inv_std(inv_std_buf.data(), n_);    // (N)
    inv_std = x.rowwise().sum() / d;            // the means first
    xhat = x.colwise() - inv_std;               // centred
    inv_std.array() = ((xhat.array().square().rowwise().sum() / d) + kNormEps).rsqrt();
    xhat.array() = xhat.array().colwise() * inv_std.array();
    view(y_at, n_, cols).array() =
        (xhat.array().rowwise() * gain.value.row(0).array()).rowwise() + bias.value.row(0).array();
}

// layer_norm's backward: gain and bias first, then dx added into `dx_at`.
void CompiledStep::norm_backward(const double* g_at, const std::vector<double>& xhat_buf,
                                 const std::vector<double>& inv_std_buf, Node& gain, Node& bias, double* dx_at) {
    const Index cols = gain.cols();
    const double d = static_cast<double>(cols);
    const ConstView g = view(g_at, n_, cols), xhat = view(xhat_buf.data(), n_, cols);   // (N, d)
    const ConstVecView inv_std(inv_std_buf.data(), n_);
    grad_of(gain) += g.cwiseProduct(xhat).colwise().sum();
    add_column_sums(g_at, n_, cols, grad_of(bias));
    View dxhat = view(dxhat_.data(), n_, cols);
    dxhat.array() = g.array().rowwise() * gain.value.row(0).array();
    VecView mean_dxhat(row_means_.data(), n_), mean_dxhat_xhat(row_means_.data() + n_, n_);
    mean_dxhat = dxhat.rowwise().sum() / d;
    mean_dxhat_xhat = dxhat.cwiseProduct(xhat).rowwise().sum() / d;
    view(dx_at, n_, cols).array() +=
        ((dxhat.colwise() - mean_dxhat) - (xhat.array().colwise() * mean_dxhat_xhat.array()).matrix()).array().colwise() *
        inv_std.array();
}

// a (N, k) transposed into a_t_ (k, N) (for the weight gradients of the products that read a),
// in 2 x 2 tiles of pairs.
const double* CompiledStep::transposed(const double* a, Index k) {
    double* at = a_t_.data();
    const Index n2 = n_ - n_ % 2, k2 = k - k % 2;
    for (Index i = 0; i < n2; i += 2)
        for (Index j = 0; j < k2; j += 2) {
            const Pair left = load_pair(a + j * n_ + i), right = load_pair(a + (j + 1) * n_ + i);
            store_pair(at + i * k + j, Pair{left[0], right[0]});
            store_pair(at + (i + 1) * k + j, Pair{left[1], right[1]});
        }
    for (Index j = 0; j < k; ++j)   // the last row and column, if odd
        for (Index i = j < k2 ? n2 : 0; i < n_; ++i) at[i * k + j] = a[j * n_ + i];
    return at;
}

// matmul's backward for out = a (N, k) . w (k, n), given a_t = a^T (k, N) from transposed() and
// g = d(out) (N, n): d(a) = g . w^T into ga (added, or written when it is ga's first
// contribution), then w.grad += a^T . g; each sum in the order of one kernel over explicit
// transposes. Writing instead of adding to zeros differs only in the sign of a zero gradient,
// which nothing downstream can see (no gradient is ever a divisor).
void CompiledStep::linear_backward(const double* a_t, Index k, Node& w, const double* g, double* ga, Store into) {
    const Index n = w.cols();
    matmul_bt_into(g, w.value.data(), ga, n_, n, k, into);
    matmul_into(a_t, g, grad_of(w).data(), k, n_, n, Store::Add);
}

// Per head, per sequence: scores = Qs . Ks^T, x = scores * c, weights = causal softmax(x),
// output = weights . Vs (attention_graph, softmax_rows), written into the head's columns.
void CompiledStep::attention_forward(Layer& y, const double* h) {
    const ModelConfig& c = model_.config();
    const Index d = c.d, dh = d / c.heads;
    View q = view(y.q.data(), n_, d), k = view(y.k.data(), n_, d), v = view(y.v.data(), n_, d);
    matmul_into(h, y.wq->value.data(), q.data(), n_, d, d);
    matmul_into(h, y.wk->value.data(), k.data(), n_, d, d);
    matmul_into(h, y.wv->value.data(), v.data(), n_, d, d);
    double divisor = 1.0;   // the temperature
    divisor *= std::sqrt(static_cast<double>(dh));
    const double scale = 1.0 / divisor;
    double* w_at = y.weights.data();
    for (int hd = 0; hd < c.heads; ++hd) {
        Index at = 0;
        for (int len : batch_->lengths) {
            const Index L = len;
            View qs = view(slot(0), L, dh), ks = view(slot(1), L, dh), vs = view(slot(2), L, dh);
            View xt = view(slot(3), L, L), out = view(slot(4), L, dh), w = view(w_at, L, L);
            qs = q.block(at, hd * dh, L, dh);
            ks = k.block(at, hd * dh, L, dh);
            vs = v.block(at, hd * dh, L, dh);
            // x transposed (Ks . Qs^T, the same terms), so that query r's scores are column r
            matmul_bt_into(ks.data(), qs.data(), xt.data(), L, dh, L);
            xt *= scale;
            w.setZero();
            for (Index r = 0; r < L; ++r) {
                // Query r sees keys 0..r, or only itself with attention switched off.
                const Index from = c.attention ? 0 : r;
                double* x_r = &xt(0, r);
                double top = -std::numeric_limits<double>::infinity();
                for (Index j = from; j <= r; ++j) top = std::max(top, x_r[j]);
                for (Index j = from; j <= r; ++j) x_r[j] -= top;
                exact_exp_each(x_r + from, r - from + 1);
                double total = 0;
                for (Index j = from; j <= r; ++j) total += (w(r, j) = x_r[j]);
                w.row(r) /= total;
            }
            matmul_into(w.data(), vs.data(), out.data(), L, L, dh);
            view(y.heads.data(), n_, d).block(at, hd * dh, L, dh) = out;
            at += L;
            w_at += L * L;
        }
    }
}

// The backward of attention_forward from d(heads) in g_heads_: d(q), d(k), d(v) into g_q_, g_k_, g_v_.
void CompiledStep::attention_backward(Layer& y) {
    const ModelConfig& c = model_.config();
    const Index d = c.d, dh = d / c.heads;
    View q = view(y.q.data(), n_, d), k = view(y.k.data(), n_, d), v = view(y.v.data(), n_, d);
    View gq = view(g_q_.data(), n_, d), gk = view(g_k_.data(), n_, d), gv = view(g_v_.data(), n_, d);
    View g_heads = view(g_heads_.data(), n_, d);
    double divisor = 1.0;
    divisor *= std::sqrt(static_cast<double>(dh));
    const double scale = 1.0 / divisor;
    const double* w_at = y.weights.data();
    for (int hd = 0; hd < c.heads; ++hd) {
        Index at = 0;
        for (int len : batch_->lengths) {
            const Index L = len;
            const ConstView w = view(w_at, L, L);
            View vs = view(slot(0), L, dh), g_out = view(slot(1), L, dh), dw = view(slot(2), L, L);
            View wt = view(slot(3), L, L), part = view(slot(4), L, dh), ds = view(slot(5), L, L);
            View ks = view(slot(6), L, dh), ds_t = view(slot(7), L, L), qs = vs;
            g_out = g_heads.block(at, hd * dh, L, dh);
            // output = weights . Vs: d(weights) = d(out) . Vs^T, d(Vs) = weights^T . d(out)
            vs = v.block(at, hd * dh, L, dh);
            matmul_bt_into(g_out.data(), vs.data(), dw.data(), L, dh, L);
            wt = w.transpose();
            matmul_into(wt.data(), g_out.data(), part.data(), L, L, dh);
            gv.block(at, hd * dh, L, dh) = part;   // the blocks tile d(v): each written once
            // softmax: d(x) = (d(w) - rowdot(d(w), w)) * w; scale: d(scores) = d(x) * c (kept
            // transposed too, for d(Ks))
            for (Index r = 0; r < L; ++r) {
                const double dot = dw.row(r).dot(w.row(r));
                for (Index j = 0; j < L; ++j) ds_t(j, r) = ds(r, j) = (dw(r, j) - dot) * w(r, j) * scale;
            }
            // scores = Qs . Ks^T: d(Qs) = d(scores) . Ks, d(Ks) = d(scores)^T . Qs (the terms of
            // Qs^T . d(scores), transposed, in the same order)
            ks = k.block(at, hd * dh, L, dh);
            matmul_into(ds.data(), ks.data(), part.data(), L, L, dh);
            gq.block(at, hd * dh, L, dh) = part;
            qs = q.block(at, hd * dh, L, dh);
            matmul_into(ds_t.data(), qs.data(), part.data(), L, L, dh);
            gk.block(at, hd * dh, L, dh) = part;
            at += L;
            w_at += L * L;
        }
    }
}

double CompiledStep::forward(const FlatBatch& batch) {
    return forward_sum(batch, 0.0) / static_cast<double>(batch.tokens());
}

Eigen::Map<const Matrix> CompiledStep::weights(int layer, int head, int s) const {
    Index per_head = 0, before = 0;   // each head holds every sequence's (L, L), in order
    for (size_t i = 0; i < batch_->lengths.size(); ++i) {
        const Index area = static_cast<Index>(batch_->lengths[i]) * batch_->lengths[i];
        per_head += area;
        if (static_cast<int>(i) < s) before += area;
    }
    const Index L = batch_->lengths[static_cast<size_t>(s)];
    return ConstView(layers_[static_cast<size_t>(layer)].weights.data() + head * per_head + before, L, L);
}

double CompiledStep::forward_sum(const FlatBatch& batch, double total) {
    const ModelConfig& c = model_.config();
    const Index d = c.d, vocab = model_.vocab_size();
    if (batch.tokens() < 1 || static_cast<Index>(batch.tokens()) > static_cast<Index>(c.batch) * c.context)
        fail("compiled step", std::to_string(batch.tokens()) + " tokens do not fit " + std::to_string(c.batch) +
                                  " sequences of " + std::to_string(c.context));
    batch_ = &batch;
    n_ = batch.tokens();
    // x0 = token embedding + position embedding (gather_rows, add), column by column
    const Matrix &tokens = token_embedding_->value, &positions = position_embedding_->value;
    for (Index col = 0; col < d; ++col) {
        double* x0 = x0_.data() + col * n_;
        for (Index i = 0; i < n_; ++i)
            x0[i] = tokens(batch.ids[static_cast<size_t>(i)], col) + positions(batch.positions[static_cast<size_t>(i)], col);
    }
    const double* x = x0_.data();
    for (Layer& y : layers_) {
        y.input = x;
        y.h1_at = x;
        if (y.ln1_gain) {
            norm_forward(x, *y.ln1_gain, *y.ln1_bias, y.ln1_xhat, y.ln1_inv_std, y.h1.data());
            y.h1_at = y.h1.data();
        }
        attention_forward(y, y.h1_at);
        // x_mid = x + heads . wo
        std::copy(x, x + n_ * d, y.x_mid.data());
        matmul_into(y.heads.data(), y.wo->value.data(), y.x_mid.data(), n_, d, d, Store::Add);
        if (y.w1) {
            const Index hidden = y.w1->cols();
            y.h2_at = y.x_mid.data();
            if (y.ln2_gain) {
                norm_forward(y.x_mid.data(), *y.ln2_gain, *y.ln2_bias, y.ln2_xhat, y.ln2_inv_std, y.h2.data());
                y.h2_at = y.h2.data();
            }
            View pre = view(y.pre.data(), n_, hidden), hid = view(y.hidden.data(), n_, hidden);
            matmul_into(y.h2_at, y.w1->value.data(), pre.data(), n_, d, hidden);
            add_to_rows(pre.data(), n_, hidden, *y.b1);
            for (Index i = 0; i < n_ * hidden; ++i) hid.data()[i] = std::max(pre.data()[i], 0.0);
            View out = view(product_.data(), n_, d);
            matmul_into(hid.data(), y.w2->value.data(), out.data(), n_, hidden, d);
            add_to_rows(out.data(), n_, d, *y.b2);
            for (Index i = 0; i < n_ * d; ++i) y.x_out[static_cast<size_t>(i)] = y.x_mid[static_cast<size_t>(i)] + out.data()[i];
        }
        x = y.output();
    }
    const double* hf = x;
    if (final_gain_) {
        norm_forward(x, *final_gain_, *final_bias_, final_xhat_, final_inv_std_, hf_.data());
        hf = hf_.data();
    }
    View z = view(logits_.data(), n_, vocab), probs = view(probs_.data(), n_, vocab);
    matmul_into(hf, unembedding_->value.data(), z.data(), n_, d, vocab);
    add_to_rows(z.data(), n_, vocab, *unembedding_bias_);
    // cross_entropy (ops_reduce.cpp), column by column (contiguous, so the loops over rows go in
    // pairs): each row's max, exps, sum and divisions in cross_entropy's order (its sum from column 0).
    double* top = ce_rows_.data();
    double* row_sum = ce_rows_.data() + n_;
    std::copy(z.data(), z.data() + n_, top);
    for (Index j = 1; j < vocab; ++j) {
        const double* zj = &z(0, j);
        for (Index r = 0; r < n_; ++r) top[r] = std::max(top[r], zj[r]);
    }
    for (Index j = 0; j < vocab; ++j) {
        double* pj = &probs(0, j);
        const double* zj = &z(0, j);
        for (Index r = 0; r < n_; ++r) pj[r] = zj[r] - top[r];
        exact_exp_each(pj, n_);
    }
    std::copy(probs.data(), probs.data() + n_, row_sum);
    for (Index j = 1; j < vocab; ++j) {
        const double* pj = &probs(0, j);
        for (Index r = 0; r < n_; ++r) row_sum[r] += pj[r];
    }
    for (Index j = 0; j < vocab; ++j) {
        double* pj = &probs(0, j);
        for (Index r = 0; r < n_; ++r) pj[r] /= row_sum[r];
    }
    for (Index r = 0; r < n_; ++r)
        total += exact_log(row_sum[r]) + top[r] - z(r, batch.targets[static_cast<size_t>(r)]);
    return total;
}

void CompiledStep::backward() {
    const ModelConfig& c = model_.config();
    const Index d = c.d, vocab = model_.vocab_size();
    View g_stream = view(g_stream_.data(), n_, d), g_mid = view(g_mid_.data(), n_, d);
    View g_h = view(g_h_.data(), n_, d);
    // cross_entropy: d(logits) = (probs - onehot(target)) / N
    View g_logits = view(g_logits_.data(), n_, vocab);
    const ConstView probs = view(static_cast<const double*>(probs_.data()), n_, vocab);
    const double inv_n = 1.0 / static_cast<double>(n_);
    for (Index i = 0; i < n_ * vocab; ++i) g_logits.data()[i] = probs.data()[i] * inv_n;
    for (Index r = 0; r < n_; ++r) {
        const Index t = batch_->targets[static_cast<size_t>(r)];
        g_logits(r, t) = (probs(r, t) - 1.0) * inv_n;
    }
    // logits = hf . unembedding + bias
    add_column_sums(g_logits.data(), n_, vocab, grad_of(*unembedding_bias_));
    const double* x_last = layers_.back().output();
    if (final_gain_) {
        linear_backward(transposed(hf_.data(), d), d, *unembedding_, g_logits.data(), g_h.data(), Store::Write);
        g_stream.setZero();
        norm_backward(g_h.data(), final_xhat_, final_inv_std_, *final_gain_, *final_bias_, g_stream.data());
    } else {
        linear_backward(transposed(x_last, d), d, *unembedding_, g_logits.data(), g_stream.data(), Store::Write);
    }
    // g_stream is d(layer output); walk the layers backwards.
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
        Layer& y = *it;
        if (y.w1) {
            // x_out = x_mid + (relu(h2 . w1 + b1) . w2 + b2): d(x_mid) gets the residual, then the MLP's
            const Index hidden = y.w1->cols();
            add_column_sums(g_stream.data(), n_, d, grad_of(*y.b2));
            View g_hidden = view(g_hidden_.data(), n_, hidden), g_pre = view(g_pre_.data(), n_, hidden);
            linear_backward(transposed(y.hidden.data(), hidden), hidden, *y.w2, g_stream.data(), g_hidden.data(), Store::Write);
            relu_backward(y.pre.data(), g_hidden.data(), g_pre.data(), n_ * hidden);
            add_column_sums(g_pre.data(), n_, hidden, grad_of(*y.b1));
            g_mid = g_stream;
            if (y.ln2_gain) {
                linear_backward(transposed(y.h2_at, d), d, *y.w1, g_pre.data(), g_h.data(), Store::Write);
                norm_backward(g_h.data(), y.ln2_xhat, y.ln2_inv_std, *y.ln2_gain, *y.ln2_bias, g_mid.data());
            } else {
                linear_backward(transposed(y.h2_at, d), d, *y.w1, g_pre.data(), g_mid.data(), Store::Add);
            }
        } else {
            g_mid = g_stream;
        }
        // x_mid = x + heads . wo
        View g_heads = view(g_heads_.data(), n_, d);
        linear_backward(transposed(y.heads.data(), d), d, *y.wo, g_mid.data(), g_heads.data(), Store::Write);
        attention_backward(y);
        // d(x) = residual, then through q, k, v in the order ae::backward reaches them: v, k, q
        g_stream = g_mid;
        double* g_h1 = y.ln1_gain ? g_h.data() : g_stream.data();
        const double* h1_t = transposed(y.h1_at, d);   // one transpose for the three products
        linear_backward(h1_t, d, *y.wv, g_v_.data(), g_h1, y.ln1_gain ? Store::Write : Store::Add);
        linear_backward(h1_t, d, *y.wk, g_k_.data(), g_h1, Store::Add);
        linear_backward(h1_t, d, *y.wq, g_q_.data(), g_h1, Store::Add);
        if (y.ln1_gain) norm_backward(g_h.data(), y.ln1_xhat, y.ln1_inv_std, *y.ln1_gain, *y.ln1_bias, g_stream.data());
    }
    // x0 = gather(token) + gather(position): each row's gradient added in row order
    // (column by column: each entry still gets its rows' terms in row order)
    Matrix& g_token = grad_of(*token_embedding_);
    Matrix& g_position = grad_of(*position_embedding_);
    for (Index col = 0; col < d; ++col)
        for (Index i = 0; i < n_; ++i) g_token(batch_->ids[static_cast<size_t>(i)], col) += g_stream(i, col);
    for (Index col = 0; col < d; ++col)
        for (Index i = 0; i < n_; ++i) g_position(batch_->positions[static_cast<size_t>(i)], col) += g_stream(i, col);
}

}  // namespace ae

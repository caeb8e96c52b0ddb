// scores -> weights -> output, each a node so a loss on the output reaches every one of them.
#include "attention/attention.hpp"

#include "engine/checks.hpp"

namespace ae {

Normalizer parse_normalizer(const std::string& name) {
    if (name == "softmax") return Normalizer::Softmax;
    if (name == "scaled-softmax") return Normalizer::ScaledSoftmax;
    if (name == "sum") return Normalizer::Sum;
    if (name == "hard") return Normalizer::Hard;
    fail("attention", "unknown normaliser '" + name + "' (expected softmax, scaled-softmax, sum or hard)");
}

std::string normalizer_name(Normalizer n) {
    switch (n) {
        case Normalizer::Softmax: return "softmax";
        case Normalizer::ScaledSoftmax: return "scaled-softmax";
        case Normalizer::Sum: return "sum";
        case Normalizer::Hard: return "hard";
    }
    return "softmax";
}

Mask attention_mask(Eigen::Index m, Eigen::Index n, const AttentionOptions& options) {
    if (!options.causal && !options.self_only) return Mask();
    Mask mask(m, n);
    const Eigen::Index shift = n - m;   // the last query lines up with the last key
    for (Eigen::Index i = 0; i < m; ++i)
        for (Eigen::Index j = 0; j < n; ++j) {
            bool ok = true;
            if (options.causal) ok = ok && j <= i + shift;
            if (options.self_only) ok = ok && j == i + shift;
            mask(i, j) = ok;
        }
    return mask;
}

namespace {

void check_attention_inputs(const Tensor& queries, const Tensor& keys, const Tensor& values,
                            const AttentionOptions& options) {
    const std::string op = "attention";
    require_non_empty(op, "queries", queries->value);
    require_non_empty(op, "keys", keys->value);
    require_non_empty(op, "values", values->value);
    if (queries->cols() != keys->cols())
        fail(op, "queries " + shape_of(queries->value) + " and keys " + shape_of(keys->value) +
                     ": column counts differ");
    if (keys->rows() != values->rows())
        fail(op, "keys " + shape_of(keys->value) + " and values " + shape_of(values->value) +
                     ": row counts differ (one value per key)");
    if (!(options.temperature > 0) || !std::isfinite(options.temperature))
        fail(op, "temperature " + format_number(options.temperature) + " must be finite and > 0");
    if (options.self_only && queries->rows() > keys->rows())
        fail(op, "self-only attention needs at least as many keys as queries, got queries " +
                     shape_of(queries->value) + " and keys " + shape_of(keys->value));
}

}  // namespace

Attention attend(const Tensor& queries, const Tensor& keys, const Tensor& values, const AttentionOptions& options) {
    require_finite("attention", "queries", queries->value);
    require_finite("attention", "keys", keys->value);
    require_finite("attention", "values", values->value);
    Attention a = attention_graph(queries, keys, values, options);
    // Finite inputs can still overflow a double (1e200 · 1e200): say so rather than return inf or NaN.
    if (!a.scores->value.allFinite())
        fail("attention", "a score overflows (queries times keys exceeds 1.8e308); scale the inputs down");
    if (!a.output->value.allFinite())
        fail("attention", "the output overflows (the weighted sum of values exceeds 1.8e308); scale the values down");
    return a;
}

Attention attention_graph(const Tensor& queries, const Tensor& keys, const Tensor& values,
                          const AttentionOptions& options) {
    check_attention_inputs(queries, keys, values, options);
    Attention a;
    a.scores = matmul(queries, transpose(keys));   // (m, n)
    const Mask mask = attention_mask(queries->rows(), keys->rows(), options);
    double divisor = options.temperature;
    if (options.normalize == Normalizer::ScaledSoftmax) divisor *= std::sqrt(static_cast<double>(queries->cols()));
    switch (options.normalize) {
        case Normalizer::Softmax:
        case Normalizer::ScaledSoftmax:
            a.weights = softmax_rows(divisor == 1.0 ? a.scores : scale(a.scores, 1.0 / divisor), mask);
            break;
        case Normalizer::Sum: a.weights = divide_by_sum_rows(a.scores, mask); break;
        case Normalizer::Hard: a.weights = hard_argmax_rows(a.scores, mask); break;
    }
    a.output = matmul(a.weights, values);   // (m, dv)
    a.scores->label = "scores";
    a.weights->label = "weights";
    a.output->label = "output";
    return a;
}

Matrix weighted_sum(const Matrix& weights, const Matrix& values) {
    const std::string op = "weighted sum";
    require_finite(op, "weights", weights);
    require_finite(op, "values", values);
    const Matrix output = matmul(constant(weights), constant(values))->value;
    require_finite_result(op, "the output", output);
    return output;
}

SelfAttention self_attend(const Tensor& embeddings, const Tensor& wq, const Tensor& wk, const Tensor& wv,
                          const AttentionOptions& options, Eigen::Index focus) {
    const std::string op = "self-attention";
    require_non_empty(op, "embeddings", embeddings->value);
    require_finite(op, "embeddings", embeddings->value);
    for (const auto& [name, w] : {std::pair<const char*, const Tensor&>{"wq", wq}, {"wk", wk}, {"wv", wv}}) {
        require_finite(op, name, w->value);
        if (w->rows() != embeddings->cols())
            fail(op, std::string("embeddings ") + shape_of(embeddings->value) + " x " + name + " " +
                         shape_of(w->value) + ": inner sizes differ");
    }
    SelfAttention s;
    s.queries = matmul(embeddings, wq);
    s.keys = matmul(embeddings, wk);
    s.values = matmul(embeddings, wv);
    // attend() checks only what it uses, and a focus token leaves the other queries out
    require_finite_result(op, "queries (embeddings x wq)", s.queries->value);
    require_finite_result(op, "keys (embeddings x wk)", s.keys->value);
    require_finite_result(op, "values (embeddings x wv)", s.values->value);
    s.queries->label = "queries";
    s.keys->label = "keys";
    s.values->label = "values";
    if (focus >= embeddings->rows())
        fail(op, "focus token " + std::to_string(focus) + " is outside embeddings " + shape_of(embeddings->value));
    if (focus >= 0 && options.causal) fail(op, "a focus token and a causal mask cannot be combined");
    const Tensor queries = focus < 0 ? s.queries : slice_rows(s.queries, focus, 1);
    const Attention a = attend(queries, s.keys, s.values, options);
    s.scores = a.scores;
    s.weights = a.weights;
    s.output = a.output;
    return s;
}

}  // namespace ae

// scores -> weights -> output, each a node so a loss on the output reaches every one of them.
#include "attention/attention.hpp"

#include "engine/checks.hpp"

namespace ae {

Normalizer parse_normalizer(const std::string& name) {
    if (name == "softmax") return Normalizer::Softmax;
    if (name == "scaled-softmax") return Normalizer::ScaledSoftmax;
    if (name == "sum") return Normalizer::Sum;
    if (name == "hard") return Normalizer::Hard;
    fail("attention", "there is no normaliser called '" + name + "' (choose softmax, scaled-softmax, sum or hard)");
}

std::string query_name(const AttentionOptions& options, Eigen::Index i) {
    return i < static_cast<Eigen::Index>(options.names.size()) ? options.names[static_cast<size_t>(i)]
                                                               : "query " + std::to_string(i + 1);
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
        fail(op, "each query has " + std::to_string(queries->cols()) + " numbers but each key has " +
                     std::to_string(keys->cols()) + "; a query and a key need the same length to be multiplied");
    if (keys->rows() != values->rows())
        fail(op, "there are " + std::to_string(keys->rows()) + " keys but " + std::to_string(values->rows()) +
                     " values; every key needs its value");
    if (!(options.temperature > 0) || !std::isfinite(options.temperature))
        fail(op, "the temperature must be a number above 0, got " + format_number(options.temperature));
    if (options.self_only && queries->rows() > keys->rows())
        fail(op, "self-only attention needs at least as many keys as queries, got queries " +
                     shape_of(queries->value) + " and keys " + shape_of(keys->value));
}

// Divide-by-sum needs each row's (unmasked) scores to add up to a finite number other than 0.
void require_divisible_rows(const Matrix& scores, const Mask& mask, const AttentionOptions& options) {
    for (Eigen::Index r = 0; r < scores.rows(); ++r) {
        double total = 0;
        for (Eigen::Index c = 0; c < scores.cols(); ++c)
            if (mask.size() == 0 || mask(r, c)) total += scores(r, c);
        if (total == 0)
            fail("attention", "the scores of " + query_name(options, r) + " add up to 0, so they cannot be divided by their sum",
                 "scores-sum-zero", {{"query", query_name(options, r)}});
        if (!std::isfinite(total))
            fail("attention", "the scores of " + query_name(options, r) +
                                  " add up to more than a number can hold, so they cannot be divided by their sum",
                 "scores-sum-overflow", {{"query", query_name(options, r)}});
    }
}

}  // namespace

Attention attend(const Tensor& queries, const Tensor& keys, const Tensor& values, const AttentionOptions& options) {
    require_finite("attention", "queries", queries->value);
    require_finite("attention", "keys", keys->value);
    require_finite("attention", "values", values->value);
    Attention a = attention_graph(queries, keys, values, options);
    // Finite inputs can still overflow a double (1e200 · 1e200): say so rather than return inf or NaN.
    if (!a.scores->value.allFinite())
        fail("attention", "a score is too large for a number to hold (a query times a key exceeds 1.8e308); "
                          "make the queries or keys smaller", "score-overflow");
    if (!a.output->value.allFinite())
        fail("attention", "the output is too large for a number to hold (the weighted sum of the values exceeds "
                          "1.8e308); make the values smaller", "output-overflow");
    return a;
}

double score_divisor(const AttentionOptions& options, Eigen::Index d) {
    switch (options.normalize) {
        case Normalizer::Softmax: return options.temperature;
        case Normalizer::ScaledSoftmax: return options.temperature * std::sqrt(static_cast<double>(d));
        case Normalizer::Sum:
        case Normalizer::Hard: return 1.0;
    }
    return 1.0;
}

Matrix softmax_exponentials(const Matrix& scores, Eigen::Index d, const AttentionOptions& options) {
    if (options.normalize != Normalizer::Softmax && options.normalize != Normalizer::ScaledSoftmax)
        fail("attention", "only a softmax has exponentials; this is " + normalizer_name(options.normalize));
    const double divisor = score_divisor(options, d);
    // the same product as attention_graph's scale(), so the numbers are the ones its softmax used
    return softmax_numerators(divisor == 1.0 ? scores : Matrix(scores * (1.0 / divisor)),
                              attention_mask(scores.rows(), scores.cols(), options));
}

Attention attention_graph(const Tensor& queries, const Tensor& keys, const Tensor& values,
                          const AttentionOptions& options) {
    check_attention_inputs(queries, keys, values, options);
    Attention a;
    a.scores = matmul(queries, transpose(keys));   // (m, n)
    const Mask mask = attention_mask(queries->rows(), keys->rows(), options);
    const double divisor = score_divisor(options, queries->cols());
    switch (options.normalize) {
        case Normalizer::Softmax:
        case Normalizer::ScaledSoftmax:
            a.weights = softmax_rows(divisor == 1.0 ? a.scores : scale(a.scores, 1.0 / divisor), mask);
            break;
        case Normalizer::Sum:
            require_divisible_rows(a.scores->value, mask, options);
            a.weights = divide_by_sum_rows(a.scores, mask);
            break;
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
    if (weights.cols() != values.rows())
        fail(op, "the weights " + shape_of(weights) + " need one row of values per weight, got values " + shape_of(values));
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
            fail(op, "each token has " + std::to_string(embeddings->cols()) + " numbers but " + name + " has " +
                         std::to_string(w->rows()) + " rows; a token times a matrix needs one row per number");
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
        fail(op, "there is no token " + std::to_string(focus + 1) + " to focus on: there are " +
                     std::to_string(embeddings->rows()) + " tokens");
    if (focus >= 0 && options.causal) fail(op, "a focus token and a causal mask cannot be combined");
    const Tensor queries = focus < 0 ? s.queries : slice_rows(s.queries, focus, 1);
    AttentionOptions named = options;
    if (focus >= 0) named.names = {query_name(options, focus)};
    const Attention a = attend(queries, s.keys, s.values, named);
    s.scores = a.scores;
    s.weights = a.weights;
    s.output = a.output;
    return s;
}

}  // namespace ae

// Parameters and the forward pass of the tiny language model.
#include "model/model.hpp"

#include "engine/checks.hpp"
#include "engine/rng.hpp"

#include <cmath>

namespace ae {
namespace {

std::string layer_name(int layer, const char* what) { return "layer" + std::to_string(layer) + "." + what; }

}  // namespace

Model::Model(const ModelConfig& config, int vocab_size) : config_(config), vocab_size_(vocab_size) {
    validate(config_);
    if (vocab_size < 4) fail("model", "vocabulary of " + std::to_string(vocab_size) + " words is too small");
    const Eigen::Index d = config_.d, v = vocab_size, hidden = 4 * d;
    Rng rng(config_.seed);
    const double linear = 1.0 / std::sqrt(static_cast<double>(d));
    add_param("token_embedding", rng.gaussian_matrix(v, d, 0.5));
    add_param("position_embedding", rng.gaussian_matrix(config_.context, d, 0.1));
    for (int l = 0; l < config_.layers; ++l) {
        for (const char* w : {"wq", "wk", "wv", "wo"}) add_param(layer_name(l, w), rng.gaussian_matrix(d, d, linear));
        if (config_.layer_norm) {
            add_param(layer_name(l, "ln1_gain"), Matrix::Ones(1, d));
            add_param(layer_name(l, "ln1_bias"), Matrix::Zero(1, d));
        }
        if (config_.mlp) {
            if (config_.layer_norm) {
                add_param(layer_name(l, "ln2_gain"), Matrix::Ones(1, d));
                add_param(layer_name(l, "ln2_bias"), Matrix::Zero(1, d));
            }
            add_param(layer_name(l, "mlp_w1"), rng.gaussian_matrix(d, hidden, linear));
            add_param(layer_name(l, "mlp_b1"), Matrix::Zero(1, hidden));
            add_param(layer_name(l, "mlp_w2"), rng.gaussian_matrix(hidden, d, 1.0 / std::sqrt(static_cast<double>(hidden))));
            add_param(layer_name(l, "mlp_b2"), Matrix::Zero(1, d));
        }
    }
    if (config_.layer_norm) {
        add_param("final_ln_gain", Matrix::Ones(1, d));
        add_param("final_ln_bias", Matrix::Zero(1, d));
    }
    add_param("unembedding", rng.gaussian_matrix(d, v, linear));
    add_param("unembedding_bias", Matrix::Zero(1, v));
}

Tensor Model::add_param(const std::string& name, Matrix value) {
    auto p = ae::parameter(std::move(value), name);
    params_.emplace(name, p);
    return p;
}

const Tensor& Model::parameter(const std::string& name) const {
    auto it = params_.find(name);
    if (it == params_.end()) fail("model", "no parameter named '" + name + "'");
    return it->second;
}

std::vector<Tensor> Model::parameters() const {
    std::vector<Tensor> out;
    for (const auto& [name, p] : params_) out.push_back(p);
    return out;
}

Forward Model::forward(const std::vector<std::vector<int>>& sequences) const {
    if (sequences.empty()) fail("model", "no sequences to run");
    std::vector<int> ids, positions;
    std::vector<Eigen::Index> offsets, lengths;
    for (const auto& s : sequences) {
        if (s.empty() || static_cast<int>(s.size()) > config_.context)
            fail("model", "a sequence of " + std::to_string(s.size()) + " tokens does not fit the context of " +
                              std::to_string(config_.context));
        offsets.push_back(static_cast<Eigen::Index>(ids.size()));
        lengths.push_back(static_cast<Eigen::Index>(s.size()));
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] < 0 || s[i] >= vocab_size_)
                fail("model", "token id " + std::to_string(s[i]) + " is outside the vocabulary of " + std::to_string(vocab_size_));
            ids.push_back(s[i]);
            positions.push_back(static_cast<int>(i));
        }
    }
    const bool one_sequence = sequences.size() == 1;
    const Eigen::Index dh = config_.d / config_.heads;
    AttentionOptions options;
    options.normalize = Normalizer::ScaledSoftmax;
    options.causal = true;
    options.self_only = !config_.attention;
    auto norm = [&](const Tensor& x, const std::string& gain, const std::string& bias) {
        return config_.layer_norm ? layer_norm(x, parameter(gain), parameter(bias)) : x;
    };

    Forward f;
    Tensor x = add(gather_rows(parameter("token_embedding"), ids),
                   gather_rows(parameter("position_embedding"), positions));   // (N, d)
    for (int l = 0; l < config_.layers; ++l) {
        const Tensor h = norm(x, layer_name(l, "ln1_gain"), layer_name(l, "ln1_bias"));
        const Tensor q = matmul(h, parameter(layer_name(l, "wq")));   // (N, d)
        const Tensor k = matmul(h, parameter(layer_name(l, "wk")));
        const Tensor v = matmul(h, parameter(layer_name(l, "wv")));
        std::vector<Tensor> head_outputs;
        f.attention.emplace_back();
        for (int hd = 0; hd < config_.heads; ++hd) {
            auto cols = [&](const Tensor& t) { return config_.heads == 1 ? t : slice_cols(t, hd * dh, dh); };
            const Tensor qh = cols(q), kh = cols(k), vh = cols(v);   // (N, dh)
            std::vector<Tensor> per_sequence;
            f.attention.back().emplace_back();
            for (size_t s = 0; s < sequences.size(); ++s) {
                auto rows = [&](const Tensor& t) { return one_sequence ? t : slice_rows(t, offsets[s], lengths[s]); };
                const Attention a = attention_graph(rows(qh), rows(kh), rows(vh), options);   // (L, dh)
                per_sequence.push_back(a.output);
                f.attention.back().back().push_back(a.weights);
            }
            head_outputs.push_back(one_sequence ? per_sequence[0] : concat_rows(per_sequence));
        }
        const Tensor heads = config_.heads == 1 ? head_outputs[0] : concat_cols(head_outputs);   // (N, d)
        x = add(x, matmul(heads, parameter(layer_name(l, "wo"))));
        if (config_.mlp) {
            const Tensor h2 = norm(x, layer_name(l, "ln2_gain"), layer_name(l, "ln2_bias"));
            const Tensor hidden = relu(add(matmul(h2, parameter(layer_name(l, "mlp_w1"))), parameter(layer_name(l, "mlp_b1"))));
            x = add(x, add(matmul(hidden, parameter(layer_name(l, "mlp_w2"))), parameter(layer_name(l, "mlp_b2"))));
        }
    }
    const Tensor hf = norm(x, "final_ln_gain", "final_ln_bias");
    f.logits = add(matmul(hf, parameter("unembedding")), parameter("unembedding_bias"));   // (N, V)
    return f;
}

}  // namespace ae

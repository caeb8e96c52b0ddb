// libFuzzer harness: attention and self-attention, forward and backward, on arbitrary shapes and
// arbitrary bit patterns (NaN, ±Inf, 1e308, denormals, empty). Bad input must be reported with
// std::invalid_argument; anything else (a crash, a sanitizer report, another exception, or a call
// that succeeds with an inf or NaN anywhere in its results) is a bug.
#include "attention/attention.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <stdexcept>

namespace {

struct Reader {
    const uint8_t* data;
    size_t size;
    uint8_t byte() {
        if (size == 0) return 0;
        --size;
        return *data++;
    }
    double number() {
        double x = 0;
        uint8_t raw[8] = {};
        for (auto& b : raw) b = byte();
        std::memcpy(&x, raw, sizeof x);
        return x;
    }
    ae::Matrix matrix(Eigen::Index rows, Eigen::Index cols) {
        ae::Matrix m(rows, cols);
        for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = number();
        return m;
    }
};

// A call that succeeded must have produced finite values and gradients: abort, so libFuzzer keeps
// the input.
void abort_unless_finite(std::initializer_list<ae::Tensor> nodes) {
    for (const auto& t : nodes)
        if (!t->value.allFinite() || !t->grad.allFinite()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Reader in{data, size};
    const Eigen::Index m = in.byte() % 6, n = in.byte() % 6, d = in.byte() % 5, dv = in.byte() % 5;
    ae::AttentionOptions options;
    options.normalize = static_cast<ae::Normalizer>(in.byte() % 4);
    const uint8_t flags = in.byte();
    options.causal = flags & 1;
    options.self_only = flags & 2;
    options.temperature = (flags & 4) ? in.number() : 1.0;
    try {
        if (flags & 8) {
            const auto x = ae::input(in.matrix(n, d)), wq = ae::input(in.matrix(d, dv)), wk = ae::input(in.matrix(d, dv)),
                       wv = ae::input(in.matrix(d, dv));
            const Eigen::Index focus = (flags & 16) ? static_cast<Eigen::Index>(in.byte() % 7) - 1 : -1;
            const auto s = ae::self_attend(x, wq, wk, wv, options, focus);
            abort_unless_finite({s.queries, s.keys, s.values, s.scores, s.weights, s.output});
            const auto loss = ae::half_sse_loss(s.output, ae::constant(ae::Matrix::Zero(s.output->rows(), s.output->cols())));
            ae::backward_finite(loss, "fuzz");
            abort_unless_finite({loss, x, wq, wk, wv, s.queries, s.keys, s.values, s.scores, s.weights, s.output});
        } else {
            const auto q = ae::input(in.matrix(m, d)), k = ae::input(in.matrix(n, d)), v = ae::input(in.matrix(n, dv));
            const auto a = ae::attend(q, k, v, options);
            abort_unless_finite({a.scores, a.weights, a.output});
            const auto loss = ae::half_sse_loss(a.output, ae::constant(in.matrix(a.output->rows(), a.output->cols())));
            ae::backward_finite(loss, "fuzz");
            abort_unless_finite({loss, q, k, v, a.scores, a.weights, a.output});
        }
    } catch (const std::invalid_argument&) {
        // reported clearly: fine
    }
    return 0;
}

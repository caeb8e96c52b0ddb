// Range checks for ModelConfig.
#include "model/config.hpp"

#include "engine/checks.hpp"

namespace ae {
namespace {
void require_in(const char* field, int value, int lo, int hi) {
    if (value < lo || value > hi)
        fail("model config", std::string(field) + " = " + std::to_string(value) + " must be in [" + std::to_string(lo) +
                                 ", " + std::to_string(hi) + "]");
}
}  // namespace

void validate(const ModelConfig& c) {
    require_in("d", c.d, 1, 256);
    require_in("heads", c.heads, 1, 16);
    require_in("layers", c.layers, 1, 8);
    require_in("context", c.context, 2, 64);
    require_in("batch", c.batch, 1, 1024);
    if (c.d % c.heads != 0)
        fail("model config", "d = " + std::to_string(c.d) + " is not divisible by heads = " + std::to_string(c.heads));
    if (!(c.learning_rate > 0) || !std::isfinite(c.learning_rate))
        fail("model config", "learningRate must be a number above 0, got " + format_number(c.learning_rate));
}

}  // namespace ae

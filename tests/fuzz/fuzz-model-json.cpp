// libFuzzer harness: the model JSON loader (and the config parser) on arbitrary text. A file that
// is not a valid model must be rejected with std::invalid_argument; a valid one must load and run,
// and a prediction that succeeds must be a probability (a NaN or inf one aborts: a bug).
#include "model/inference.hpp"
#include "model/serialize.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto trainer = ae::load_json(text);
        for (const auto& p : ae::predict(trainer->model(), trainer->tokenizer(), "the river bank", 3))   // a loaded model works
            if (!(p.probability >= 0 && p.probability <= 1)) std::abort();
    } catch (const std::invalid_argument&) {
    }
    try {
        ae::config_from_json(text);
    } catch (const std::invalid_argument&) {
    }
    return 0;
}

// libFuzzer harness: the model JSON loader (and the config parser) on arbitrary text. A file that
// is not a valid model must be rejected with std::invalid_argument; a valid one must load and run.
#include "model/inference.hpp"
#include "model/serialize.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto trainer = ae::load_json(text);
        ae::predict(trainer->model(), trainer->tokenizer(), "the river bank", 1);   // a loaded model works
    } catch (const std::invalid_argument&) {
    }
    try {
        ae::config_from_json(text);
    } catch (const std::invalid_argument&) {
    }
    return 0;
}

// Save/load as JSON: exact round trip, and every kind of bad file rejected with a message.
#include "model/serialize.hpp"
#include "support/approx.hpp"

#include <nlohmann/json.hpp>

using namespace ae;
using json = nlohmann::json;

namespace {
const std::vector<std::vector<int>> kProbe = {{0, 4, 5, 6, 7, 8}};

std::string trained_json() {
    Trainer t{ModelConfig{}};
    t.train(20);
    return save_json(t);
}
}  // namespace

TEST_CASE("a save/load round trip reproduces the logits exactly and keeps the step") {
    Trainer t{ModelConfig{}};
    t.train(20);
    const auto loaded = load_json(save_json(t));
    CHECK(loaded->step() == 20);
    CHECK(loaded->model().config().d == 16);
    const Matrix before = t.model().forward(kProbe).logits->value;
    const Matrix after = loaded->model().forward(kProbe).logits->value;
    CHECK(ae::test::max_abs_diff(before, after) == 0);
    CHECK(save_json(*loaded) == save_json(t));
}

TEST_CASE("corrupt or mismatched files are rejected, naming what is wrong") {
    const json good = json::parse(trained_json());
    auto rejects = [](const json& j, const std::string& message) {
        CHECK_THROWS_WITH_AS(load_json(j.dump()), doctest::Contains(message.c_str()), std::invalid_argument);
    };
    CHECK_THROWS_WITH_AS(load_json("{\"format\": "), doctest::Contains("load model: not valid JSON"), std::invalid_argument);
    CHECK_THROWS_WITH_AS(load_json("[]"), "load model: expected a JSON object, got array", std::invalid_argument);
    json j = good;
    j["format"] = "something else";
    rejects(j, "format is not 'attention-explained-model'");
    j = good;
    j["version"] = 2;
    rejects(j, "version 2 is not supported");
    j = good;
    j["parameters"]["layer0.wq"]["rows"] = 8;
    rejects(j, "parameter 'layer0.wq' is (8x16) but the config needs (16x16)");
    j = good;
    j["parameters"]["layer0.wq"]["data"].erase(0);
    rejects(j, "parameter 'layer0.wq' needs 256 numbers in 'data'");
    j = good;
    j["parameters"]["layer0.wq"]["data"][3] = "x";
    rejects(j, "parameter 'layer0.wq' entry 3 is not a number");
    j = good;
    j["parameters"].erase("unembedding");
    rejects(j, "parameter 'unembedding' is missing");
    j = good;
    j["parameters"]["extra"] = good["parameters"]["layer0.wq"];
    rejects(j, "unexpected parameter 'extra' for this config");
    j = good;
    j["config"]["d"] = 32;
    rejects(j, "but the config needs (32x32)");   // the first parameter that no longer fits is named
    j = good;
    j["config"]["heads"] = "two";
    rejects(j, "model config: field 'heads' must be an integer, got \"two\"");
    j = good;
    j["config"]["colour"] = 1;
    rejects(j, "model config: unknown field 'colour'");
    j = good;
    j["vocabulary"][0] = "bos";
    rejects(j, "tokenizer: vocabulary must start with <bos>, <eos>, <unk>");
    j = good;
    j.erase("step");
    rejects(j, "missing field 'step'");
    j = good;
    j["config"]["d"] = 1LL << 40;
    rejects(j, "model config: field 'd' must be an integer");
    // found by the fuzzer: a number too large for a double is a parse error, not a crash
    CHECK_THROWS_WITH_AS(load_json("{\"step\": 0.5567e69838771969}"), doctest::Contains("load model: not valid JSON"),
                         std::invalid_argument);
}

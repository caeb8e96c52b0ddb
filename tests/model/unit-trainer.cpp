// Training on the bank corpus: attention solves it, attention off does not, the head finds the
// context word by itself; runs are reproducible; divergence keeps the last finite parameters.
#include "model/trainer.hpp"
#include "support/approx.hpp"

using namespace ae;

namespace {
constexpr int kSteps = 400;   // about 0.3 s natively with the default config
}

TEST_CASE("default config: bank accuracy >= 95% on the test split, and the head finds the context word") {
    Trainer t{ModelConfig{}};
    const auto steps = t.train(kSteps);
    CHECK(steps.back().step == kSteps);
    CHECK(steps.back().loss < steps.front().loss);
    const Evaluation e = t.evaluate();
    MESSAGE("bank accuracy ", e.bank_accuracy, ", head finds context ", e.head_finds_context[0], ", accuracy ", e.accuracy);
    CHECK(e.bank_count == 180);
    CHECK(e.bank_accuracy >= 0.95);
    REQUIRE(e.head_finds_context.size() == 1);
    CHECK(e.head_finds_context[0] >= 0.80);
}

TEST_CASE("the same run with attention off stays <= 65% after <bank>") {
    ModelConfig c;
    c.attention = false;
    Trainer t{c};
    t.train(kSteps);
    const Evaluation e = t.evaluate();
    MESSAGE("bank accuracy without attention ", e.bank_accuracy);
    CHECK(e.bank_accuracy <= 0.65);
}

TEST_CASE("same seed: bit-identical losses over 200 steps, another seed differs") {
    Trainer a{ModelConfig{}}, b{ModelConfig{}};
    ModelConfig other;
    other.seed = 2;
    Trainer c{other};
    const auto la = a.train(200), lb = b.train(200), lc = c.train(200);
    for (size_t i = 0; i < la.size(); ++i) CHECK(la[i].loss == lb[i].loss);
    CHECK(la.back().loss != lc.back().loss);
}

TEST_CASE("an exploding loss stops training, restore_last_good goes back to a step that was learning") {
    Trainer t{ModelConfig{}};
    t.train(100);
    const double learning = t.evaluate().loss;
    t.set_learning_rate(50);
    CHECK_THROWS_WITH_AS(t.train(100), doctest::Contains("over 10 times chance"), TrainingDiverged);
    const long failed_at = t.step();
    CHECK(t.evaluate().loss > learning);
    const long good = t.restore_last_good();
    CHECK(good <= failed_at);
    CHECK(good >= 100);
    CHECK(t.step() == good);
    // the restored parameters are exactly those of a fresh run taken to that step
    Trainer fresh{ModelConfig{}};
    fresh.train(100);
    fresh.set_learning_rate(50);
    fresh.train(static_cast<int>(good - 100));
    const auto restored = t.model().parameters(), expected = fresh.model().parameters();
    REQUIRE(restored.size() == expected.size());
    for (size_t i = 0; i < restored.size(); ++i) {
        CAPTURE(restored[i]->label);
        CHECK(restored[i]->value == expected[i]->value);
    }
    t.set_learning_rate(0.02);
    t.train(300);   // and training goes on from there
    CHECK(t.evaluate().bank_accuracy >= 0.95);
}

TEST_CASE("a diverging learning rate stops with a clear error and keeps the last finite parameters") {
    ModelConfig c;
    c.learning_rate = 1e300;
    Trainer t{c};
    CHECK_THROWS_WITH_AS(t.train(50), doctest::Contains("training diverged at step"), TrainingDiverged);
    CHECK(t.step() < 50);
    for (const auto& p : t.model().parameters()) CHECK(p->value.allFinite());
    t.set_learning_rate(0.01);
    // Finite is not sane: one step of 1e300 left parameters that overflow the next forward pass,
    // so training resumes only from the last step that was still learning.
    CHECK_THROWS_AS(t.train(1), TrainingDiverged);
    const long resumed = t.restore_last_good();
    CHECK(resumed == 0);
    const double before = t.evaluate().loss;
    const auto more = t.train(50);
    CHECK(t.step() == resumed + 50);
    for (const auto& r : more) CHECK(std::isfinite(r.loss));
    CHECK(t.evaluate().loss < before);
    CHECK_THROWS_AS(t.set_learning_rate(-1), std::invalid_argument);
}

TEST_CASE("a divergence carries a code and the values its sentence names, for the page's catalogue") {
    Trainer t{ModelConfig{}};
    t.train(100);
    t.set_learning_rate(50);
    try {
        t.train(100);
        FAIL("no divergence");
    } catch (const TrainingDiverged& e) {
        CHECK(e.code == "loss-diverged");
        std::vector<std::string> names;
        for (const auto& [name, value] : e.params) names.push_back(name);
        CHECK(names == std::vector<std::string>{"step", "loss", "chance", "rate", "kept"});
        CHECK(e.params[0].second == std::to_string(t.step() + 1));
        CHECK(e.params[3].second == "50");
        CHECK(e.params[4].second == std::to_string(t.step()));
    }
    ModelConfig c;
    c.learning_rate = 1e300;
    Trainer u{c};
    try {
        u.train(50);
        FAIL("no divergence");
    } catch (const TrainingDiverged& e) {
        CHECK(e.code == "loss-not-finite");
        CHECK(e.params[1].first == "loss");
        CHECK(!std::isfinite(std::stod(e.params[1].second)));
    }
}

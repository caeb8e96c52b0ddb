// Bad input: each error is std::invalid_argument naming the operation and the shapes.
#include "attention/attention.hpp"
#include "attention/worked_example.hpp"
#include "engine/checks.hpp"
#include "support/approx.hpp"

#include <limits>

using namespace ae;
using namespace ae::test;

TEST_CASE("shape mismatches name the op and both shapes") {
    CHECK_THROWS_WITH_AS(matmul(constant(Matrix::Zero(2, 3)), constant(Matrix::Zero(4, 2))),
                         "matmul: (2x3) x (4x2): inner sizes differ", std::invalid_argument);
    CHECK_THROWS_WITH_AS(add(constant(Matrix::Zero(2, 3)), constant(Matrix::Zero(2, 2))),
                         doctest::Contains("add: (2x3) and (2x2): shapes differ"), std::invalid_argument);
    CHECK_THROWS_WITH_AS(mul(constant(Matrix::Zero(2, 3)), constant(Matrix::Zero(3, 2))),
                         "mul: (2x3) and (3x2): shapes differ", std::invalid_argument);
    CHECK_THROWS_WITH_AS(attend(constant(Matrix::Zero(1, 2)), constant(Matrix::Zero(3, 3)), constant(Matrix::Zero(3, 3))),
                         "attention: each query has 2 numbers but each key has 3; a query and a key need the same length to be "
                         "multiplied", std::invalid_argument);
    CHECK_THROWS_WITH_AS(attend(constant(Matrix::Zero(1, 3)), constant(Matrix::Zero(3, 3)), constant(Matrix::Zero(2, 3))),
                         doctest::Contains("attention: there are 3 keys but 2 values; every key needs its value"), std::invalid_argument);
    CHECK_THROWS_WITH_AS(cross_entropy(constant(Matrix::Zero(2, 3)), {0, 5}),
                         "cross_entropy: target 5 of row 1 is outside logits (2x3)", std::invalid_argument);
    CHECK_THROWS_WITH_AS(gather_rows(constant(Matrix::Zero(4, 2)), {4}), "gather_rows: id 4 is outside table (4x2)",
                         std::invalid_argument);
}

TEST_CASE("empty matrices") {
    CHECK_THROWS_WITH_AS(attend(constant(Matrix(0, 3)), constant(Matrix::Zero(3, 3)), constant(Matrix::Zero(3, 3))),
                         "attention: queries (0x3) is empty", std::invalid_argument);
    CHECK_THROWS_WITH_AS(softmax_rows(constant(Matrix(0, 0))), "softmax: scores (0x0) is empty", std::invalid_argument);
}

TEST_CASE("non-finite values where they are not allowed") {
    Matrix keys = worked_example().keys;
    keys(1, 2) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH_AS(attend(constant(worked_example().queries), constant(keys), constant(worked_example().values)),
                         "attention: keys (3x3) has a non-finite value at row 1, column 2", std::invalid_argument);
    AttentionOptions o;
    o.temperature = 0;
    keys = worked_example().keys;
    CHECK_THROWS_WITH_AS(attend(constant(keys.topRows(1)), constant(keys), constant(worked_example().values), o),
                         "attention: the temperature must be a number above 0, got 0", std::invalid_argument);
    CHECK_THROWS_WITH_AS(scale(constant(keys), std::numeric_limits<double>::infinity()),
                         "scale: factor inf is not finite", std::invalid_argument);
}

TEST_CASE("unknown normaliser") {
    CHECK_THROWS_WITH_AS(parse_normalizer("sparsemax"),
                         "attention: there is no normaliser called 'sparsemax' (choose softmax, scaled-softmax, sum or hard)",
                         std::invalid_argument);
    for (const char* name : {"softmax", "scaled-softmax", "sum", "hard"}) CHECK(normalizer_name(parse_normalizer(name)) == name);
}

TEST_CASE("divide-by-sum on a row whose scores sum to zero names the row") {
    // A's query against keys whose scores are [1, -1, 0]: the sum is 0.
    AttentionOptions o;
    o.normalize = Normalizer::Sum;
    auto q = constant(rows({{1, 1, 1}, {1, 0, 0}}));
    auto k = constant(rows({{1, 0, 0}, {0, -1, 0}, {0, 0, 0}}));
    CHECK_THROWS_WITH_AS(attend(q, k, constant(Matrix::Identity(3, 3)), o),
                         "attention: the scores of query 1 add up to 0, so they cannot be divided by their sum",
                         std::invalid_argument);
}

TEST_CASE("an error a reader can cause carries a code and the values its sentence names") {
    AttentionOptions o;
    o.normalize = Normalizer::Sum;
    o.names = {"A", "B"};
    auto q = constant(rows({{1, 1, 1}, {1, 0, 0}}));
    auto k = constant(rows({{1, 0, 0}, {0, -1, 0}, {0, 0, 0}}));
    try {
        attend(q, k, constant(Matrix::Identity(3, 3)), o);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == "scores-sum-zero");
        CHECK(e.params() == ErrorParams{{"query", "A"}});
        CHECK(e.reason() == "the scores of A add up to 0, so they cannot be divided by their sum");
    }
    // one only a program can cause has no code
    try {
        attend(q, constant(rows({{1, 0}})), constant(rows({{1}})), o);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code().empty());
        CHECK(e.params().empty());
    }
}

TEST_CASE("a fully masked row and a mask of the wrong shape") {
    Mask m = Mask::Constant(2, 2, true);
    m.row(1).setConstant(false);
    CHECK_THROWS_WITH_AS(softmax_rows(constant(Matrix::Zero(2, 2)), m), "softmax: row 1 is fully masked",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(softmax_rows(constant(Matrix::Zero(2, 3)), m),
                         "softmax: mask (2x2) does not match scores (2x3)", std::invalid_argument);
}

// The engine's own JSON reader and writer (model/json.hpp), checked against nlohmann/json (the
// library it replaced in the engine, still used by the CLI) as the reference.
#include "model/json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

using ae::json::Value;

namespace {
std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}
}  // namespace

TEST_CASE("json: doubles are written so they read back to the same bits, as short as nlohmann writes them") {
    std::vector<double> xs = {0.0, -0.0, 1.0, -1.5, 0.1, 0.01, 1e-5, 1e-300, 5e-324, 1e21, 123456789.125,
                              std::numeric_limits<double>::max(), std::numeric_limits<double>::min()};
    std::mt19937_64 rng(7);
    for (int i = 0; i < 2000; ++i) {
        double x;
        const std::uint64_t b = rng();
        std::memcpy(&x, &b, sizeof x);
        if (std::isfinite(x)) xs.push_back(x);
        xs.push_back(static_cast<double>(rng() % 2000001) / 1000.0 - 1000.0);   // weights-like
    }
    for (const double x : xs) {
        CAPTURE(x);
        const std::string ours = Value(x).dump();
        CHECK(bits(ae::json::parse(ours).number()) == bits(x));
        CHECK(bits(nlohmann::json::parse(ours).get<double>()) == bits(x));
        CHECK(ours.size() <= nlohmann::json(x).dump().size());
        CHECK_FALSE(ae::json::parse(ours).is_integer());   // 1.0 stays a fraction
    }
    CHECK(Value(std::nan("")).dump() == "null");
}

TEST_CASE("json: integers are exact over 64 bits, and those too large are doubles") {
    const auto v = ae::json::parse("[0, -0, 18446744073709551615, -9223372036854775808, 18446744073709551616, 1.0, 1e2]");
    const auto& a = v.array();
    CHECK(a[0].is_unsigned());
    CHECK(a[1].is_unsigned());
    CHECK(a[2].unsigned_integer() == std::numeric_limits<std::uint64_t>::max());
    long long x = 0;
    CHECK(a[3].integer_in(std::numeric_limits<long long>::min(), 0, x));
    CHECK(x == std::numeric_limits<long long>::min());
    CHECK_FALSE(a[4].is_integer());
    CHECK(a[4].number() == 18446744073709551616.0);
    CHECK_FALSE(a[5].is_integer());
    CHECK_FALSE(a[6].is_integer());
    CHECK_FALSE(a[2].integer_in(0, std::numeric_limits<long long>::max(), x));
    CHECK(Value(std::numeric_limits<std::uint64_t>::max()).dump() == "18446744073709551615");
    CHECK(Value(std::numeric_limits<long long>::min()).dump() == "-9223372036854775808");
}

TEST_CASE("json: a document reads as nlohmann reads it, and is written back as nlohmann writes it") {
    const char* documents[] = {
        R"({"b": [true, false, null], "a": {"x": -12, "y": 2.5e-3}, "s": "tab\t quote\" slash\/ \u00e9 \ud83d\ude00 \u0001"})",
        R"(  [ ]  )",
        R"({})",
        R"("\\\b\f\n\r")",
        R"({"k": 1, "k": 2})",
    };
    for (const char* text : documents) {
        CAPTURE(text);
        const nlohmann::json reference = nlohmann::json::parse(text);
        CHECK(ae::json::parse(text).dump() == reference.dump());
        CHECK(nlohmann::json::parse(ae::json::parse(text).dump()) == reference);
    }
}

TEST_CASE("json: what is not JSON is refused, saying where") {
    const char* bad[] = {"", "{", "[1,]", "[1 2]", "{\"a\" 1}", "{1: 2}", "01", "1.", "-", "1e", ".5", "+1", "tru", "nul",
                         "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "[1] 2", "1e400",
                         "-1e400", "NaN", "Infinity", "'a'"};
    for (const char* text : bad) {
        CAPTURE(text);
        CHECK_THROWS_AS(ae::json::parse(text), ae::json::SyntaxError);
        CHECK_THROWS(nlohmann::json::parse(text));   // the reference refuses it too
    }
    CHECK_THROWS_WITH(ae::json::parse("[1, 2 3]"), "syntax error at byte 7: expected ',' or ']'");
    CHECK_THROWS_WITH(ae::json::parse(std::string(100000, '[')), "syntax error at byte 258: nested too deeply");
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += '[';
    for (int i = 0; i < 200; ++i) deep += ']';
    CHECK(ae::json::parse(deep).dump() == deep);
}

// The little JSON the model files need (serialize.cpp): a value, a strict reader (RFC 8259) and a
// writer. Written here rather than taken from a JSON library because a general one was about a
// sixth of the WebAssembly module (README, "Page load").
//
//   const json::Value v = json::parse(R"({"d": 16, "lr": 0.01})");   // throws json::SyntaxError
//   v.find("d")->is_integer();   // true: written without fraction or exponent
//   v.dump();                    // {"d":16,"lr":0.01}: keys sorted, doubles in their shortest exact form
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace ae::json {

class SyntaxError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Value {
public:
    enum class Kind { null, boolean, number, string, array, object };
    using Array = std::vector<Value>;
    using Object = std::map<std::string, Value>;   // sorted keys; a repeated key keeps its last value

    Value() = default;
    Value(bool b) : kind_(Kind::boolean), boolean_(b) {}
    Value(double x) : kind_(Kind::number), number_(x) {}   // written with a fraction: 1 is "1.0"
    template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    Value(T i) : kind_(Kind::number), number_(static_cast<double>(i)), integer_(true) {
        if constexpr (std::is_signed_v<T>) negative_ = i < 0;
        magnitude_ = negative_ ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    }
    Value(std::string s) : kind_(Kind::string), string_(std::move(s)) {}
    Value(const char* s) : Value(std::string(s)) {}
    Value(Array a) : kind_(Kind::array), array_(std::move(a)) {}
    Value(Object o) : kind_(Kind::object), object_(std::move(o)) {}

    Kind kind() const { return kind_; }
    const char* type_name() const;   // "null", "boolean", "number", "string", "array", "object"
    bool is_boolean() const { return kind_ == Kind::boolean; }
    bool is_number() const { return kind_ == Kind::number; }
    bool is_string() const { return kind_ == Kind::string; }
    bool is_array() const { return kind_ == Kind::array; }
    bool is_object() const { return kind_ == Kind::object; }
    // Written as an integer (no fraction, no exponent) that fits 64 bits, signed or not.
    bool is_integer() const { return integer_; }
    bool is_unsigned() const { return integer_ && !negative_; }
    // is_integer() and within [lo, hi]; out holds it then.
    bool integer_in(long long lo, long long hi, long long& out) const;

    bool boolean() const { return boolean_; }
    double number() const { return number_; }   // any number, as the nearest double
    std::uint64_t unsigned_integer() const { return magnitude_; }   // when is_unsigned()
    const std::string& string() const { return string_; }
    const Array& array() const { return array_; }
    const Object& object() const { return object_; }
    const Value* find(const std::string& key) const;   // nullptr when not an object or no such key

    std::string dump() const;

private:
    friend class Reader;
    Kind kind_ = Kind::null;
    bool boolean_ = false;
    double number_ = 0;
    bool integer_ = false, negative_ = false;
    std::uint64_t magnitude_ = 0;
    std::string string_;
    Array array_;
    Object object_;
};

Value parse(const std::string& text);   // the whole text is one value; throws SyntaxError saying where

}  // namespace ae::json

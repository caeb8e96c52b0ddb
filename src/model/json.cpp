// JSON reader and writer (json.hpp).
#include "model/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>

namespace ae::json {

namespace {
constexpr int kMaxDepth = 256;   // nesting deeper than any model file, so a hostile one cannot exhaust the stack

bool digit(char c) { return c >= '0' && c <= '9'; }

// The fewest significant digits (at most 17) that read back as the same double: more digits
// than enough still read back, so search down from 17 until one digit fewer would not.
std::string number_text(double x) {
    if (!std::isfinite(x)) return "null";   // JSON has no inf or NaN
    char text[40], fewer[40];
    std::snprintf(text, sizeof text, "%.17g", x);
    for (int precision = 16; precision >= 1; --precision) {
        std::snprintf(fewer, sizeof fewer, "%.*g", precision, x);
        if (std::strtod(fewer, nullptr) != x) break;
        std::memcpy(text, fewer, sizeof text);
    }
    std::string out = text;
    if (out.find_first_of(".e") == std::string::npos) out += ".0";   // still a fraction when read back
    return out;
}

// The two-character escapes: the letter after the backslash, and the character it stands for.
constexpr char kEscapes[][2] = {{'"', '"'}, {'\\', '\\'}, {'/', '/'}, {'b', '\b'}, {'f', '\f'}, {'n', '\n'}, {'r', '\r'}, {'t', '\t'}};

void dump_string(const std::string& s, std::string& out) {
    out += '"';
    for (const char c : s) {
        const auto* escape = std::find_if(std::begin(kEscapes), std::end(kEscapes), [c](const char* e) { return e[1] == c; });
        if (c != '/' && escape != std::end(kEscapes)) {   // "/" may be written as it is
            out += '\\';
            out += (*escape)[0];
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
            out += code;
        } else {
            out += c;
        }
    }
    out += '"';
}

void dump_to(const Value& v, std::string& out) {
    switch (v.kind()) {
        case Value::Kind::null: out += "null"; break;
        case Value::Kind::boolean: out += v.boolean() ? "true" : "false"; break;
        case Value::Kind::number:
            if (v.is_integer()) out += (v.is_unsigned() ? "" : "-") + std::to_string(v.unsigned_integer());
            else out += number_text(v.number());
            break;
        case Value::Kind::string: dump_string(v.string(), out); break;
        case Value::Kind::array: {
            out += '[';
            const char* comma = "";
            for (const auto& item : v.array()) {
                out += comma;
                dump_to(item, out);
                comma = ",";
            }
            out += ']';
            break;
        }
        case Value::Kind::object: {
            out += '{';
            const char* comma = "";
            for (const auto& [key, item] : v.object()) {
                out += comma;
                dump_string(key, out);
                out += ':';
                dump_to(item, out);
                comma = ",";
            }
            out += '}';
            break;
        }
    }
}

void append_utf8(std::uint32_t code, std::string& out) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}
}  // namespace

// Recursive descent over the text; every error names the byte where reading stopped.
class Reader {
public:
    explicit Reader(const std::string& text) : text_(text) {}

    Value document() {
        Value v = value(0);
        space();
        if (at_ < text_.size()) error("unexpected text after the value");
        return v;
    }

private:
    const std::string& text_;
    size_t at_ = 0;

    [[noreturn]] void error(const std::string& what) const {
        throw SyntaxError("syntax error at byte " + std::to_string(at_ + 1) + ": " + what);
    }
    char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
    bool done() const { return at_ >= text_.size(); }
    void space() {
        while (!done() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) ++at_;
    }
    void expect(char c, const char* what) {
        space();
        if (done() || text_[at_] != c) error(std::string("expected ") + what);
        ++at_;
    }
    void literal(const char* word) {
        const size_t n = std::strlen(word);
        if (text_.compare(at_, n, word) != 0) error("invalid literal");
        at_ += n;
    }

    Value value(int depth) {
        if (depth > kMaxDepth) error("nested too deeply");
        space();
        if (done()) error("unexpected end of input");
        switch (text_[at_]) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return Value(string());
            case 't': literal("true"); return Value(true);
            case 'f': literal("false"); return Value(false);
            case 'n': literal("null"); return Value();
            default:
                if (text_[at_] == '-' || digit(text_[at_])) return number();
                error("unexpected character");
        }
    }

    // The comma-separated items of an object or an array, from its opening bracket to `close`;
    // each() reads one.
    template <typename Each>
    void items(char close, const char* expected, Each each) {
        ++at_;
        space();
        if (peek() == close) {
            ++at_;
            return;
        }
        for (;;) {
            each();
            space();
            if (peek() != ',') break;
            ++at_;
        }
        expect(close, expected);
    }

    Value object(int depth) {
        Value::Object members;
        items('}', "',' or '}'", [&] {
            space();
            if (peek() != '"') error("expected a key in quotes");
            std::string key = string();
            expect(':', "':'");
            members[std::move(key)] = value(depth + 1);
        });
        return Value(std::move(members));
    }

    Value array(int depth) {
        Value::Array list;
        items(']', "',' or ']'", [&] { list.push_back(value(depth + 1)); });
        return Value(std::move(list));
    }

    std::uint32_t hex4() {
        if (at_ + 4 > text_.size()) error("unexpected end of input in a \\u escape");
        std::uint32_t code = 0;
        for (int i = 0; i < 4; ++i, ++at_) {
            const char c = text_[at_];
            const int d = digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0) error("invalid \\u escape");
            code = code * 16 + static_cast<std::uint32_t>(d);
        }
        return code;
    }

    std::string string() {
        ++at_;   // the opening quote
        std::string out;
        for (;;) {
            if (done()) error("unterminated string");
            const char c = text_[at_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) error("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (done()) error("unterminated string");
            const char letter = text_[at_++];
            const auto* escape = std::find_if(std::begin(kEscapes), std::end(kEscapes), [letter](const char* e) { return e[0] == letter; });
            if (escape != std::end(kEscapes)) {
                out += (*escape)[1];
                continue;
            }
            if (letter != 'u') {
                --at_;
                error("invalid escape");
            }
            std::uint32_t code = hex4();
            if (code >= 0xDC00 && code <= 0xDFFF) error("a low surrogate without a high one");
            if (code >= 0xD800 && code <= 0xDBFF) {   // a pair: \uD83D\uDE00
                if (text_.compare(at_, 2, "\\u") != 0) error("a high surrogate without a low one");
                at_ += 2;
                const std::uint32_t low = hex4();
                if (low < 0xDC00 || low > 0xDFFF) error("a high surrogate without a low one");
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            append_utf8(code, out);
        }
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; an integer is kept exactly when it fits 64
    // bits, and read as a double otherwise.
    Value number() {
        const size_t start = at_;
        Value v;
        v.kind_ = Value::Kind::number;
        v.negative_ = peek() == '-';
        if (v.negative_) ++at_;
        if (!digit(peek())) error("expected a digit");
        bool fits = true;
        if (peek() == '0') {
            ++at_;
        } else {
            while (digit(peek())) {
                const auto d = static_cast<std::uint64_t>(text_[at_++] - '0');
                if (v.magnitude_ > (std::numeric_limits<std::uint64_t>::max() - d) / 10) fits = false;
                else v.magnitude_ = v.magnitude_ * 10 + d;
            }
        }
        bool fraction = false;
        if (peek() == '.') {
            fraction = true;
            ++at_;
            if (!digit(peek())) error("expected a digit after '.'");
            while (digit(peek())) ++at_;
        }
        if (peek() == 'e' || peek() == 'E') {
            fraction = true;
            ++at_;
            if (peek() == '+' || peek() == '-') ++at_;
            if (!digit(peek())) error("expected a digit in the exponent");
            while (digit(peek())) ++at_;
        }
        const std::string lexeme = text_.substr(start, at_ - start);
        v.number_ = std::strtod(lexeme.c_str(), nullptr);
        if (!std::isfinite(v.number_)) {
            at_ = start;
            error("the number " + lexeme.substr(0, 40) + " is too large for a double");
        }
        const std::uint64_t most_negative = std::uint64_t{1} << 63;
        v.integer_ = !fraction && fits && (!v.negative_ || v.magnitude_ <= most_negative);
        if (v.integer_ && v.magnitude_ == 0) v.negative_ = false;   // -0 is the integer 0
        if (!v.integer_) v.negative_ = false, v.magnitude_ = 0;
        return v;
    }
};

const char* Value::type_name() const {
    switch (kind_) {
        case Kind::null: return "null";
        case Kind::boolean: return "boolean";
        case Kind::number: return "number";
        case Kind::string: return "string";
        case Kind::array: return "array";
        case Kind::object: return "object";
    }
    return "null";
}

bool Value::integer_in(long long lo, long long hi, long long& out) const {
    if (!integer_) return false;
    const auto limit = static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
    if (negative_ ? magnitude_ > limit + 1 : magnitude_ > limit) return false;
    const long long x = negative_ ? (magnitude_ == limit + 1 ? std::numeric_limits<long long>::min() : -static_cast<long long>(magnitude_))
                                  : static_cast<long long>(magnitude_);
    if (x < lo || x > hi) return false;
    out = x;
    return true;
}

const Value* Value::find(const std::string& key) const {
    if (kind_ != Kind::object) return nullptr;
    const auto it = object_.find(key);
    return it == object_.end() ? nullptr : &it->second;
}

std::string Value::dump() const {
    std::string out;
    dump_to(*this, out);
    return out;
}

Value parse(const std::string& text) { return Reader(text).document(); }

}  // namespace ae::json

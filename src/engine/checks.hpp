// Input validation shared by every op: messages name the operation and the shapes involved,
// e.g. "matmul: (2x3) x (4x2): inner sizes differ".
#pragma once

#include "engine/tensor.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ae {

// Every error the engine raises: what() is "<op>: <reason>"; reason() alone is the sentence a
// reader is shown ("the scores of A add up to 0, so they cannot be divided by their sum"). An
// error a reader can cause from the page also has a code ("scores-sum-zero") and the values its
// sentence names ({"query", "A"}), so the page can say it in the reader's language.
using ErrorParams = std::vector<std::pair<std::string, std::string>>;

class Error : public std::invalid_argument {
public:
    Error(const std::string& op, const std::string& reason, std::string code = {}, ErrorParams params = {});
    const std::string& reason() const { return reason_; }
    const std::string& code() const { return code_; }
    const ErrorParams& params() const { return params_; }

private:
    std::string reason_;
    std::string code_;
    ErrorParams params_;
};

std::string shape_of(const Matrix& m);                // "(2x3)"
std::string format_number(double x);                  // shortest readable form: "0", "1.5", "inf"
[[noreturn]] void fail(const std::string& op, const std::string& message);
[[noreturn]] void fail(const std::string& op, const std::string& message, const std::string& code, ErrorParams params = {});
void require_non_empty(const std::string& op, const std::string& name, const Matrix& m);
void require_finite(const std::string& op, const std::string& name, const Matrix& m);
// For a computed result rather than an input: finite inputs can still overflow a double, and a
// caller must get an error then, never inf or NaN.
void require_finite_result(const std::string& op, const std::string& name, const Matrix& m);
void require_same_shape(const std::string& op, const Matrix& a, const Matrix& b);
// b is either a's shape or a (1 x cols) row broadcast over a's rows.
void require_broadcastable(const std::string& op, const Matrix& a, const Matrix& b);

}  // namespace ae

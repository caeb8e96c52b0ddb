// Validation helpers: every engine error is an ae::Error (a std::invalid_argument) with
// "<op>: <what is wrong>".
#include "engine/checks.hpp"

#include <cstdio>
#include <stdexcept>

namespace ae {

std::string shape_of(const Matrix& m) {
    return "(" + std::to_string(m.rows()) + "x" + std::to_string(m.cols()) + ")";
}

// What `std::ostream << x` writes (%g), without the streams and locales that would add ~70 KB to
// the WebAssembly module.
std::string format_number(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", x);
    return text;
}

Error::Error(const std::string& op, const std::string& reason, std::string code, ErrorParams params)
    : std::invalid_argument(op + ": " + reason), reason_(reason), code_(std::move(code)), params_(std::move(params)) {}

void fail(const std::string& op, const std::string& message) { throw Error(op, message); }

void fail(const std::string& op, const std::string& message, const std::string& code, ErrorParams params) {
    throw Error(op, message, code, std::move(params));
}

void require_non_empty(const std::string& op, const std::string& name, const Matrix& m) {
    if (m.size() == 0) fail(op, name + " " + shape_of(m) + " is empty");
}

void require_finite(const std::string& op, const std::string& name, const Matrix& m) {
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            if (!std::isfinite(m(r, c)))
                fail(op, name + " " + shape_of(m) + " has a non-finite value at row " + std::to_string(r) +
                             ", column " + std::to_string(c));
}

void require_finite_result(const std::string& op, const std::string& name, const Matrix& m) {
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            if (!std::isfinite(m(r, c)))
                fail(op, name + " " + shape_of(m) + " has a non-finite value at row " + std::to_string(r) + ", column " +
                             std::to_string(c) + ": the computation overflows a double (beyond ±1.8e308)");
}

void require_same_shape(const std::string& op, const Matrix& a, const Matrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        fail(op, shape_of(a) + " and " + shape_of(b) + ": shapes differ");
}

void require_broadcastable(const std::string& op, const Matrix& a, const Matrix& b) {
    const bool same = a.rows() == b.rows() && a.cols() == b.cols();
    const bool row = b.rows() == 1 && b.cols() == a.cols();
    if (!same && !row)
        fail(op, shape_of(a) + " and " + shape_of(b) + ": shapes differ and the second is not a (1x" +
                     std::to_string(a.cols()) + ") row to broadcast");
}

}  // namespace ae

// Matrix comparisons for doctest: every entry within an absolute tolerance, and a NaN anywhere
// fails (std::max and Eigen's maxCoeff both drop a NaN, which would let a NaN result pass).
#pragma once

#include "engine/tensor.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

namespace ae::test {

inline Matrix row(std::initializer_list<double> xs) {
    Matrix m(1, static_cast<Eigen::Index>(xs.size()));
    Eigen::Index i = 0;
    for (double x : xs) m(0, i++) = x;
    return m;
}

inline Matrix rows(std::initializer_list<std::initializer_list<double>> rs) {
    Matrix m(static_cast<Eigen::Index>(rs.size()), static_cast<Eigen::Index>(rs.begin()->size()));
    Eigen::Index r = 0;
    for (const auto& xs : rs) m.row(r++) = row(xs);
    return m;
}

// max(worst, err), except that a NaN wins and stays.
inline double nan_max(double worst, double err) { return std::isnan(err) || err > worst ? err : worst; }

// max |a - b| over all entries (same shapes); NaN if any difference is NaN.
inline double max_abs_diff(const Matrix& a, const Matrix& b) {
    double worst = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i) worst = nan_max(worst, std::abs(a(i) - b(i)));
    return worst;
}

#define CHECK_MATRIX_NEAR(actual, expected, tol)                                                        \
    do {                                                                                                \
        const ae::Matrix a_ = (actual), e_ = (expected);                                                \
        std::ostringstream msg_;                                                                        \
        msg_ << "actual\n" << a_ << "\nexpected\n" << e_;                                               \
        INFO(msg_.str());                                                                               \
        REQUIRE(a_.rows() == e_.rows());                                                                \
        REQUIRE(a_.cols() == e_.cols());                                                                \
        CHECK(ae::test::max_abs_diff(a_, e_) <= (tol));                                                \
    } while (0)

}  // namespace ae::test

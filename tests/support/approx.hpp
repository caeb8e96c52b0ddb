// Matrix comparisons for doctest: every entry within an absolute tolerance.
#pragma once

#include "engine/tensor.hpp"

#include <doctest/doctest.h>

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

#define CHECK_MATRIX_NEAR(actual, expected, tol)                                                        \
    do {                                                                                                \
        const ae::Matrix a_ = (actual), e_ = (expected);                                                \
        std::ostringstream msg_;                                                                        \
        msg_ << "actual\n" << a_ << "\nexpected\n" << e_;                                               \
        INFO(msg_.str());                                                                               \
        REQUIRE(a_.rows() == e_.rows());                                                                \
        REQUIRE(a_.cols() == e_.cols());                                                                \
        CHECK((a_ - e_).cwiseAbs().maxCoeff() <= (tol));                                                \
    } while (0)

}  // namespace ae::test

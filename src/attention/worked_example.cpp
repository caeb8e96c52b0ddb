// The numbers of the explanation's example, typed once.
#include "attention/worked_example.hpp"

namespace ae {
namespace {

Matrix rows3(std::initializer_list<std::initializer_list<double>> rows) {
    Matrix m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows.begin()->size()));
    Eigen::Index r = 0;
    for (const auto& row : rows) {
        Eigen::Index c = 0;
        for (double x : row) m(r, c++) = x;
        ++r;
    }
    return m;
}

WorkedExample make() {
    WorkedExample w;
    w.tokens = {"A", "B", "C"};
    w.queries = rows3({{1, 2, -1}, {0, 1, 1}, {1, 0, 0}});
    w.keys = rows3({{3, -1, 0}, {3, -1, -1}, {0, 1, -3}});
    w.values = rows3({{1, 0, 1}, {-1, 2, 0}, {1, 1, 1}});
    w.embeddings = Matrix::Identity(3, 3);
    w.wq = w.queries;
    w.wk = w.keys;
    w.wv = w.values;
    w.stated_scores = rows3({{1, 4, 5}});
    w.stated_weights = rows3({{0.1, 0.4, 0.5}});
    w.stated_output = rows3({{0.2, 1.3, 0.6}});
    w.target = rows3({{1.5, -1, 0.5}});
    return w;
}

}  // namespace

const WorkedExample& worked_example() {
    static const WorkedExample example = make();
    return example;
}

}  // namespace ae

// Row gather (embedding lookup) and the slices/concatenations that split heads and sequences.
#include "engine/checks.hpp"
#include "engine/ops.hpp"

namespace ae {
namespace {

void require_range(const std::string& op, const char* what, Eigen::Index start, Eigen::Index count,
                   Eigen::Index size, const Matrix& a) {
    if (start < 0 || count < 1 || start + count > size)
        fail(op, std::string(what) + " [" + std::to_string(start) + ", " + std::to_string(start + count) +
                     ") is outside " + shape_of(a));
}

}  // namespace

Tensor gather_rows(const Tensor& table, const std::vector<int>& ids) {
    if (ids.empty()) fail("gather_rows", "no ids given for table " + shape_of(table->value));
    Matrix out(static_cast<Eigen::Index>(ids.size()), table->cols());
    for (size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] < 0 || ids[i] >= table->rows())
            fail("gather_rows", "id " + std::to_string(ids[i]) + " is outside table " + shape_of(table->value));
        out.row(static_cast<Eigen::Index>(i)) = table->value.row(ids[i]);
    }
    return make_result(out, {table}, [ids](Node& node) {
        Matrix* grad = grad_to_add(*node.parents[0]);
        if (!grad) return;
        for (size_t i = 0; i < ids.size(); ++i) grad->row(ids[i]) += node.grad.row(static_cast<Eigen::Index>(i));
    }, "gather_rows");
}

Tensor slice_cols(const Tensor& a, Eigen::Index start, Eigen::Index count) {
    require_range("slice_cols", "columns", start, count, a->cols(), a->value);
    return make_result(a->value.middleCols(start, count), {a},
                       [start](Node& out) { accumulate_block(*out.parents[0], 0, start, out.grad); }, "slice_cols");
}

Tensor slice_rows(const Tensor& a, Eigen::Index start, Eigen::Index count) {
    require_range("slice_rows", "rows", start, count, a->rows(), a->value);
    return make_result(a->value.middleRows(start, count), {a},
                       [start](Node& out) { accumulate_block(*out.parents[0], start, 0, out.grad); }, "slice_rows");
}

Tensor concat_cols(const std::vector<Tensor>& parts) {
    if (parts.empty()) fail("concat_cols", "nothing to concatenate");
    Eigen::Index cols = 0;
    for (const auto& p : parts) {
        if (p->rows() != parts[0]->rows())
            fail("concat_cols", shape_of(parts[0]->value) + " and " + shape_of(p->value) + ": row counts differ");
        cols += p->cols();
    }
    Matrix out(parts[0]->rows(), cols);
    Eigen::Index at = 0;
    for (const auto& p : parts) {
        out.middleCols(at, p->cols()) = p->value;
        at += p->cols();
    }
    return make_result(out, parts, [](Node& node) {
        Eigen::Index from = 0;
        for (const auto& p : node.parents) {
            accumulate(*p, node.grad.middleCols(from, p->cols()));
            from += p->cols();
        }
    }, "concat_cols");
}

Tensor concat_rows(const std::vector<Tensor>& parts) {
    if (parts.empty()) fail("concat_rows", "nothing to concatenate");
    Eigen::Index rows = 0;
    for (const auto& p : parts) {
        if (p->cols() != parts[0]->cols())
            fail("concat_rows", shape_of(parts[0]->value) + " and " + shape_of(p->value) + ": column counts differ");
        rows += p->rows();
    }
    Matrix out(rows, parts[0]->cols());
    Eigen::Index at = 0;
    for (const auto& p : parts) {
        out.middleRows(at, p->rows()) = p->value;
        at += p->rows();
    }
    return make_result(out, parts, [](Node& node) {
        Eigen::Index from = 0;
        for (const auto& p : node.parents) {
            accumulate(*p, node.grad.middleRows(from, p->rows()));
            from += p->rows();
        }
    }, "concat_rows");
}

}  // namespace ae

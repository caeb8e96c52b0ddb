// attention-example: prints the walkthrough's worked example as the engine computes it.
#include "attention/attention.hpp"
#include "attention/worked_example.hpp"

#include <iomanip>
#include <iostream>

namespace {

void print_row(const char* name, const ae::Matrix& m) {
    std::cout << "  " << std::left << std::setw(28) << name << "[";
    for (Eigen::Index c = 0; c < m.cols(); ++c) std::cout << (c ? ", " : "") << std::setprecision(6) << m(0, c);
    std::cout << "]\n";
}

}  // namespace

int main() {
    const ae::WorkedExample& ex = ae::worked_example();
    auto q = ae::constant(ex.queries.topRows(1)), k = ae::constant(ex.keys), v = ae::constant(ex.values);
    std::cout << "Token A attends over A, B, C (query of A = [1, 2, -1]).\n\n";
    const auto plain = ae::attend(q, k, v);
    print_row("scores (computed)", plain.scores->value);
    print_row("scores (as stated)", ex.stated_scores);
    for (Eigen::Index j = 0; j < 3; ++j)
        if (plain.scores->value(0, j) != ex.stated_scores(0, j))
            std::cout << "  note: " << ex.tokens[static_cast<size_t>(j)] << "'s score is " << plain.scores->value(0, j)
                      << ", not " << ex.stated_scores(0, j) << ": the method is right, one product was mis-added.\n";
    print_row("stated weights", ex.stated_weights);
    print_row("output from stated weights", ae::matmul(ae::constant(ex.stated_weights), v)->value);
    for (const char* name : {"sum", "softmax", "scaled-softmax"}) {
        ae::AttentionOptions options;
        options.normalize = ae::parse_normalizer(name);
        const auto a = ae::attend(q, k, v, options);
        std::cout << "\n" << name << ":\n";
        print_row("weights", a.weights->value);
        print_row("output", a.output->value);
    }
}

// exp and log that give the same bits on every platform: only +, -, *, / (all correctly rounded
// by IEEE 754, with contraction into FMA turned off) and exact scaling by powers of two. The C
// libraries' versions differ in the last bit between glibc (native) and musl (WebAssembly), which
// is enough to make a training run drift. Accuracy: within about 1 ulp.
#pragma once

#include <cstddef>

namespace ae {

double exact_exp(double x);
double exact_log(double x);
// x[i] = exact_exp(x[i]) for i < n, in pairs of lanes: the same bits, faster.
void exact_exp_each(double* x, std::ptrdiff_t n);

}  // namespace ae

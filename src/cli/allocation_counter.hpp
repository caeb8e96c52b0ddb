// Counts heap allocations, for attention-bench and the allocation test: linked into a program
// with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (see src/cli/CMakeLists.txt).
#pragma once

namespace ae {

long allocations();   // malloc, calloc, realloc and operator new calls so far

}  // namespace ae

# The WebAssembly module (only under emcmake): one ES module + .wasm serving the page, a Web
# Worker and Node. The environment is web,worker only: with Node in the list, Emscripten 3.1.6's
# ES module output refers to __dirname, which ES modules lack; Node loads this module all the same
# when the caller passes the .wasm bytes itself (loadEngine({ wasmBinary })).
add_executable(attention-engine-module src/wasm/bindings.cpp src/wasm/api.cpp src/wasm/converters.cpp)
target_link_libraries(attention-engine-module PRIVATE attention_engine)
target_compile_options(attention-engine-module PRIVATE ${AE_WARNINGS})
# -msimd128: the matmul kernel's pairs of doubles are f64x2 (Eigen itself stays scalar in wasm).
# -O3 throughout: built -Oz (the rest) with the training code -O3, the module was 35 KB smaller
# gzipped but its training step ran about 5x slower (measured 2026-11-28), so size is not bought
# that way (README, "Benchmarks").
set(AE_WASM_FLAGS -O3 -msimd128 -fwasm-exceptions)
target_compile_options(attention_engine PRIVATE ${AE_WASM_FLAGS})
target_compile_options(attention-engine-module PRIVATE ${AE_WASM_FLAGS})
# emmalloc: a smaller allocator than the default dlmalloc (2.8 KB less gzipped); a replayed training
# step allocates nothing, and the page's define-by-run calls measured no slower with it (README,
# "Page load").
target_link_options(attention-engine-module PRIVATE
  ${AE_WASM_FLAGS} --bind -sMALLOC=emmalloc
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createAttentionModule
  -sENVIRONMENT=web,worker -sALLOW_MEMORY_GROWTH=1 -sFILESYSTEM=0)
# No new Function in Embind's glue, so the page runs under a strict CSP (no 'unsafe-eval').
# scripts/bench builds it OFF too, to measure what the policy costs per call.
option(AE_STRICT_CSP "Link with -sDYNAMIC_EXECUTION=0" ON)
if(AE_STRICT_CSP)
  target_link_options(attention-engine-module PRIVATE -sDYNAMIC_EXECUTION=0)
endif()

# The WebAssembly module (only under emcmake): one ES module + .wasm serving the page, a Web
# Worker and Node. The environment is web,worker only: with Node in the list, Emscripten 3.1.6's
# ES module output refers to __dirname, which ES modules lack; Node loads this module all the same
# when the caller passes the .wasm bytes itself (loadEngine({ wasmBinary })).
add_executable(attention-engine-module src/wasm/bindings.cpp src/wasm/api.cpp src/wasm/converters.cpp)
target_link_libraries(attention-engine-module PRIVATE attention_engine)
target_compile_options(attention-engine-module PRIVATE ${AE_WARNINGS})
# -msimd128: the matmul kernel's pairs of doubles are f64x2 (Eigen itself stays scalar in wasm).
# -Oz: the module is most of the page's first load, and most of its code runs once per edit. What
# training runs (the autograd ops, the model's forward, its compiled step, the trainer and its
# evaluation, the views the training demo snapshots) is built -O3 (AE_WASM_HOT), so the replayed
# step is compared with a define-by-run step built the same way. The level changes no bit: no
# fast-math, no contraction (-ffp-contract=off), and every loss is checked against the native build's.
set(AE_WASM_FLAGS -Oz -msimd128 -fwasm-exceptions)
file(GLOB AE_WASM_HOT CONFIGURE_DEPENDS src/engine/*.cpp)
list(APPEND AE_WASM_HOT src/model/model.cpp src/model/compiled_step.cpp src/model/trainer.cpp src/model/inference.cpp)
set_source_files_properties(${AE_WASM_HOT} PROPERTIES COMPILE_OPTIONS -O3)
target_compile_options(attention_engine PRIVATE ${AE_WASM_FLAGS})
target_compile_options(attention-engine-module PRIVATE ${AE_WASM_FLAGS})
target_link_options(attention-engine-module PRIVATE
  ${AE_WASM_FLAGS} --bind
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createAttentionModule
  -sENVIRONMENT=web,worker -sALLOW_MEMORY_GROWTH=1 -sFILESYSTEM=0)
# No new Function in Embind's glue, so the page runs under a strict CSP (no 'unsafe-eval').
# scripts/bench builds it OFF too, to measure what the policy costs per call.
option(AE_STRICT_CSP "Link with -sDYNAMIC_EXECUTION=0" ON)
if(AE_STRICT_CSP)
  target_link_options(attention-engine-module PRIVATE -sDYNAMIC_EXECUTION=0)
endif()

# Runs the CLI with arguments it cannot honour and requires a refusal: a non-zero exit, the
# expected message on stderr and nothing trained. Called by CTest as
#   cmake -DCLI=<attention-train> -DARGS=<a;list> -DMESSAGE=<regex> -P expect-refusal.cmake
execute_process(COMMAND ${CLI} ${ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(code EQUAL 0)
  message(FATAL_ERROR "attention-train ${ARGS} exited 0; expected a refusal\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT err MATCHES "${MESSAGE}")
  message(FATAL_ERROR "attention-train ${ARGS}: stderr does not match '${MESSAGE}'\nstderr: ${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "attention-train ${ARGS} printed a summary although it refused:\n${out}")
endif()

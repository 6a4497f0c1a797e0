# Runs wsbind-config and checks its exit status and output.
#   cmake -DTOOL=... -DARGS="check|file" -DEXPECT_STATUS=1 -DEXPECT_REGEX=... [-DREJECT_REGEX=...] -P run_cli.cmake
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND "${TOOL}" ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT "${status}" STREQUAL "${EXPECT_STATUS}")
  message(FATAL_ERROR "wsbind-config ${ARGS}: exit status ${status}, expected ${EXPECT_STATUS}\n${out}\n${err}")
endif()
if(DEFINED EXPECT_REGEX AND NOT "${out}${err}" MATCHES "${EXPECT_REGEX}")
  message(FATAL_ERROR "wsbind-config ${ARGS}: output does not match '${EXPECT_REGEX}':\n${out}\n${err}")
endif()
if(DEFINED REJECT_REGEX AND "${out}${err}" MATCHES "${REJECT_REGEX}")
  message(FATAL_ERROR "wsbind-config ${ARGS}: output matches '${REJECT_REGEX}':\n${out}\n${err}")
endif()
message(STATUS "ok: wsbind-config ${ARGS}")

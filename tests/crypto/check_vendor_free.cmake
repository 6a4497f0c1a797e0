# Fails if the vendor-neutral header HEADER pulls in OpenSSL or Botan (directly or indirectly).
file(WRITE "${OUT}/${NAME}.cpp" "#include <${HEADER}>\n")
execute_process(COMMAND ${CXX} -std=c++20 -M ${INCLUDES} "${OUT}/${NAME}.cpp" RESULT_VARIABLE rc OUTPUT_VARIABLE deps ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${HEADER} does not compile on its own:\n${err}")
endif()
if(deps MATCHES "/openssl/" OR deps MATCHES "botan")
  message(FATAL_ERROR "${HEADER} includes a vendor header:\n${deps}")
endif()

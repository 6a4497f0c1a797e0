# Compiles SOURCE with CXX (-std=c++20 -fsyntax-only). EXPECT_FAIL=1: the compilation must fail and
# its output match REGEX. EXPECT_FAIL=0: it must succeed.
separate_arguments(_incs UNIX_COMMAND "${INCLUDES}")
execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only ${_incs} ${SOURCE}
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
set(_all "${_out}${_err}")
if(EXPECT_FAIL)
  if(_rc EQUAL 0)
    message(FATAL_ERROR "expected ${SOURCE} to fail to compile, but it compiled")
  endif()
  if(NOT _all MATCHES "${REGEX}")
    message(FATAL_ERROR "compilation failed, but without the expected message '${REGEX}':\n${_all}")
  endif()
  message(STATUS "failed as expected with '${REGEX}'")
else()
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "expected ${SOURCE} to compile:\n${_all}")
  endif()
endif()

# Compile-fail tests: a TU that must NOT compile, matched on the compiler's message, and its positive twin.
#
# wsbind_add_compile_fail_test(<source> NAME <rel-name> RSP <response file> [COMPILER <cxx>] [TAG <tag>]
#                              [FAIL_VERDICT <verdict>] [PASS_VERDICT <verdict>])
#   Registers <prefix>:<rel-name>.fail and <prefix>:<rel-name>.pass (prefix: compile_fail, or
#   compile_fail[<tag>] for an extra compiler), each running cmake/WsbindCompileCheck.cmake (see there for the
#   file format and the verdicts). FAIL_VERDICT/PASS_VERDICT turn a test into a harness self-test that passes
#   only when the harness reaches that verdict (used to prove the harness rejects what it must reject).
#
# wsbind_check_compile_fail_source(<source>): configure-time lint: the file must have an expect-error line and
#   a WSBIND_COMPILE_FAIL branch; a precise configure error otherwise.
set(WSBIND_COMPILE_CHECK_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/WsbindCompileCheck.cmake")

function(wsbind_check_compile_fail_source source)
  file(READ "${source}" text)
  if(NOT text MATCHES "//[ \t]*expect-error:[ \t]*[^ \t\r\n]")
    message(FATAL_ERROR "${source}: a compile-fail test needs a line '// expect-error: <regex>'")
  endif()
  if(NOT text MATCHES "#[ \t]*if(def[ \t]+|[ \t]+defined[ \t(]*)WSBIND_COMPILE_FAIL")
    message(FATAL_ERROR "${source}: a compile-fail test is written as '#ifdef WSBIND_COMPILE_FAIL <must fail> #else <positive twin> #endif'")
  endif()
endfunction()

function(wsbind_add_compile_fail_test source)
  cmake_parse_arguments(T "" "NAME;RSP;COMPILER;TAG;FAIL_VERDICT;PASS_VERDICT" "" ${ARGN})
  if(NOT T_COMPILER)
    set(T_COMPILER "${CMAKE_CXX_COMPILER}")
  endif()
  if(T_TAG)
    set(prefix "compile_fail[${T_TAG}]")
  else()
    set(prefix "compile_fail")
  endif()
  foreach(mode IN ITEMS fail pass)
    set(test "${prefix}:${T_NAME}.${mode}")
    add_test(NAME "${test}"
      COMMAND "${CMAKE_COMMAND}" "-DCXX=${T_COMPILER}" "-DRSP=${T_RSP}" "-DSOURCE=${source}" "-DMODE=${mode}"
              -P "${WSBIND_COMPILE_CHECK_SCRIPT}")
    set_tests_properties("${test}" PROPERTIES LABELS "compile_fail" TIMEOUT 300)
    string(TOUPPER "${mode}" MODE)
    if(T_${MODE}_VERDICT)
      set_tests_properties("${test}" PROPERTIES
        PASS_REGULAR_EXPRESSION "wsbind-compile-check: verdict=${T_${MODE}_VERDICT}")
    endif()
  endforeach()
endfunction()

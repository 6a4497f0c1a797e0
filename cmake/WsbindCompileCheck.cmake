# cmake -P script run by CTest: compiles one compile-fail test file and judges the result.
#
#   cmake -DCXX=<compiler> -DRSP=<flags response file> -DSOURCE=<file.cpp> -DMODE=fail|pass -P WsbindCompileCheck.cmake
#
# The file holds one or more lines `// expect-error: <regex>` (CMake regular expressions, matched against the
# compiler's combined output in the C locale) and is written as
#   #ifdef WSBIND_COMPILE_FAIL  <code that must not compile>  #else  <its positive twin>  #endif
# MODE=fail compiles with -DWSBIND_COMPILE_FAIL and passes only if the compiler fails AND its output matches
# every expect-error regex. MODE=pass compiles without the macro and passes only if the compiler succeeds.
# Both are syntax-only (-fsyntax-only: full semantic analysis and template instantiation, no code, no link).
# The last line printed is always "wsbind-compile-check: verdict=<verdict>", one of
#   failed-as-expected, output-mismatch, compiled-but-must-fail, compiled, positive-twin-failed, bad-test-file.
cmake_minimum_required(VERSION 3.20)

# Prints the report unwrapped (a FATAL_ERROR message is word-wrapped), then the verdict line; fails unless ok.
function(verdict ok name text)
  message("${text}\nwsbind-compile-check: verdict=${name}")
  if(NOT ok)
    message(FATAL_ERROR "wsbind-compile-check: FAILED (${name})")
  endif()
endfunction()

foreach(var IN ITEMS CXX RSP SOURCE MODE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    verdict(FALSE bad-test-file "WsbindCompileCheck.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT MODE MATCHES "^(fail|pass)$")
  verdict(FALSE bad-test-file "WsbindCompileCheck.cmake: MODE must be 'fail' or 'pass', not '${MODE}'")
endif()

# Extract the expect-error lines. Semicolons are CMake's list separator, so they travel as a placeholder.
file(READ "${SOURCE}" text)
string(REPLACE ";" "@WSBIND_SEMICOLON@" text "${text}")
string(REGEX MATCHALL "//[ \t]*expect-error:[^\r\n]*" lines "${text}")
set(patterns "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^//[ \t]*expect-error:[ \t]*" "" pattern "${line}")
  string(STRIP "${pattern}" pattern)
  if(pattern STREQUAL "")
    verdict(FALSE bad-test-file "${SOURCE}: empty '// expect-error:' line")
  endif()
  list(APPEND patterns "${pattern}")
endforeach()
if(MODE STREQUAL "fail" AND NOT patterns)
  verdict(FALSE bad-test-file "${SOURCE}: no '// expect-error: <regex>' line")
endif()

set(ENV{LC_ALL} C)          # ASCII quotes and English messages from GCC and Clang
set(ENV{LANG} C)
set(command "${CXX}" "@${RSP}" -fsyntax-only)
if(MODE STREQUAL "fail")
  list(APPEND command -DWSBIND_COMPILE_FAIL)
endif()
list(APPEND command "${SOURCE}")
execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE output)
string(REPLACE ";" " " shown "${command}")
set(report "command: ${shown}\nexit: ${rc}\n--- compiler output ---\n${output}--- end of compiler output ---")

if(MODE STREQUAL "pass")
  if(rc STREQUAL "0")
    verdict(TRUE compiled "${report}")
  else()
    verdict(FALSE positive-twin-failed "${report}\nThe positive twin (without WSBIND_COMPILE_FAIL) must compile.")
  endif()
else()
  if(rc STREQUAL "0")
    verdict(FALSE compiled-but-must-fail "${report}\nWith WSBIND_COMPILE_FAIL defined this file must not compile.")
  endif()
  if(NOT rc MATCHES "^[0-9]+$")
    verdict(FALSE output-mismatch "${report}\nThe compiler did not run normally (${rc}).")
  endif()
  foreach(pattern IN LISTS patterns)
    string(REPLACE "@WSBIND_SEMICOLON@" ";" pattern "${pattern}")
    if(NOT output MATCHES "${pattern}")
      verdict(FALSE output-mismatch "${report}\nThe compiler failed, but its output does not match the expected error:\n  ${pattern}")
    endif()
  endforeach()
  verdict(TRUE failed-as-expected "${report}")
endif()

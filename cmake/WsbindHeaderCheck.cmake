# cmake -P script run by CTest over the generated one-header TUs of tests/headers.
#
#   cmake -DCXX=<compiler> -DRSP=<flags response file> -DSOURCES=<tu1|tu2|...> -DMODE=deps|syntax
#         [-DINCLUDE_ROOT=<project>/include] [-DFORBIDDEN_VENDOR=<regex>] [-DFORBIDDEN_LAYERS=<regex>]
#         -P WsbindHeaderCheck.cmake
#
# MODE=syntax: each TU must compile (-fsyntax-only) with CXX and the flags in RSP.
# MODE=deps:   each TU is preprocessed with -M (every header it reads, system headers included) and
#   - no header outside INCLUDE_ROOT may match FORBIDDEN_VENDOR (e.g. pugixml, OpenSSL, Botan, Beast, Asio),
#   - no wsbind header may lie in a layer matching FORBIDDEN_LAYERS (path relative to INCLUDE_ROOT/wsbind/).
# Every offending (TU, header) pair is reported; the script fails if there is any.
# SOURCES uses '|' as separator (';' would be split by add_test).
cmake_minimum_required(VERSION 3.20)

string(REPLACE "|" ";" SOURCES "${SOURCES}")
set(ENV{LC_ALL} C)
set(failures "")
set(checked 0)
foreach(tu IN LISTS SOURCES)
  if(MODE STREQUAL "syntax")
    execute_process(COMMAND "${CXX}" "@${RSP}" -fsyntax-only "${tu}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc STREQUAL "0")
      string(APPEND failures "\n${tu} does not compile with ${CXX}:\n${out}")
    endif()
  elseif(MODE STREQUAL "deps")
    execute_process(COMMAND "${CXX}" "@${RSP}" -M -MT tu "${tu}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc STREQUAL "0")
      string(APPEND failures "\n${tu} could not be preprocessed:\n${err}")
      continue()
    endif()
    # "tu: a.cpp b.hpp \\\n c.hpp ..." -> one path per list element
    string(REGEX REPLACE "^tu:" "" out "${out}")
    string(REGEX REPLACE "\\\\\r?\n" " " out "${out}")
    string(REGEX REPLACE "[ \t\r\n]+" ";" deps "${out}")
    foreach(dep IN LISTS deps)
      if(dep STREQUAL "")
        continue()
      endif()
      file(TO_CMAKE_PATH "${dep}" dep)
      string(FIND "${dep}" "${INCLUDE_ROOT}/wsbind/" pos)
      if(pos EQUAL 0)
        string(LENGTH "${INCLUDE_ROOT}/wsbind/" len)
        string(SUBSTRING "${dep}" ${len} -1 rel)
        if(FORBIDDEN_LAYERS AND rel MATCHES "${FORBIDDEN_LAYERS}")
          string(APPEND failures "\n${tu}: includes <wsbind/${rel}>, a layer above it (forbidden: ${FORBIDDEN_LAYERS})")
        endif()
      elseif(FORBIDDEN_VENDOR AND dep MATCHES "${FORBIDDEN_VENDOR}")
        string(APPEND failures "\n${tu}: includes ${dep} (forbidden in this layer: ${FORBIDDEN_VENDOR})")
      endif()
    endforeach()
  else()
    message(FATAL_ERROR "MODE must be deps or syntax, not '${MODE}'")
  endif()
  math(EXPR checked "${checked} + 1")
endforeach()

if(failures)
  message("${failures}\n")   # unwrapped, one finding per line
  message(FATAL_ERROR "wsbind-header-check (${MODE}): FAILED")
endif()
if(checked EQUAL 0)
  message(FATAL_ERROR "wsbind-header-check (${MODE}): no translation unit given")
endif()
message("wsbind-header-check (${MODE}): ${checked} translation units OK")

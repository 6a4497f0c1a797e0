# cmake -P driver for the consumer-project tests of tests/cmake/CMakeLists.txt.
#
#   -DSOURCE_DIR= -DBINARY_DIR= -DGENERATOR= -DMAKE_PROGRAM= -DCXX= -DBUILD_TYPE=
#   -DARGS=<-Dvar=value|-Dvar=value...>   extra configure arguments, '|'-separated
#   -DEXPECT=success|configure-failure    success: configure, build, run the project's CTests
#   -DEXPECT_REGEX=<regex>                configure-failure: the configure output must match it
#   -DPACKAGE_PREFIX=<dir>                success: wsbind_DIR must lie inside this prefix (no other wsbind found)
#   -DBUILD=OFF                           configure only
cmake_minimum_required(VERSION 3.20)

function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  string(REPLACE ";" " " shown "${ARGN}")
  message("--- ${step}: ${shown}\n${out}")
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${BINARY_DIR}")
string(REPLACE "|" ";" ARGS "${ARGS}")
set(configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF ${ARGS})
if(MAKE_PROGRAM)
  list(APPEND configure "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
unset(ENV{CMAKE_PREFIX_PATH})
run(configure ${configure})

if(EXPECT STREQUAL "configure-failure")
  if(rc STREQUAL "0")
    message(FATAL_ERROR "wsbind-consumer: configuring succeeded, but it must fail with a message matching: ${EXPECT_REGEX}")
  endif()
  if(NOT out MATCHES "${EXPECT_REGEX}")
    message(FATAL_ERROR "wsbind-consumer: configuring failed as it must, but without a message matching: ${EXPECT_REGEX}")
  endif()
  message("wsbind-consumer: configure failed as expected")
  return()
endif()

if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "wsbind-consumer: configuring ${SOURCE_DIR} failed")
endif()
if(PACKAGE_PREFIX)
  file(STRINGS "${BINARY_DIR}/CMakeCache.txt" dir_line REGEX "^wsbind_DIR:")
  string(REGEX REPLACE "^[^=]*=" "" dir "${dir_line}")
  file(REAL_PATH "${PACKAGE_PREFIX}" prefix)
  if(dir STREQUAL "" OR NOT EXISTS "${dir}")
    message(FATAL_ERROR "wsbind-consumer: wsbind_DIR is not set in the consumer's cache")
  endif()
  file(REAL_PATH "${dir}" dir)
  string(FIND "${dir}" "${prefix}/" pos)
  if(NOT pos EQUAL 0)
    message(FATAL_ERROR "wsbind-consumer: wsbind was found in ${dir}, not in the test prefix ${prefix}")
  endif()
endif()
if(BUILD STREQUAL "OFF")
  message("wsbind-consumer: configured")
  return()
endif()
# One job: CTest already runs tests in parallel (scripts/run-tests.sh: -j2 on a 2-core machine).
run(build "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --config "${BUILD_TYPE}" --parallel 1)
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "wsbind-consumer: building ${SOURCE_DIR} failed")
endif()
run(test "${CMAKE_CTEST_COMMAND}" --test-dir "${BINARY_DIR}" --output-on-failure -C "${BUILD_TYPE}" --no-tests=error)
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "wsbind-consumer: the consumer's programs failed")
endif()
message("wsbind-consumer: built and ran")

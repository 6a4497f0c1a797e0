# cmake -P script (CTest fixture cmake:install): installs the current build tree into a fresh prefix and checks
# what is there. -DBUILD_DIR= -DPREFIX= -DCONFIG= -DSOURCE_DIR= -DCOMPONENTS=<core,config,...>
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" --config "${CONFIG}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "wsbind-install: cmake --install failed")
endif()

set(cmakedir "${PREFIX}/share/cmake/wsbind")
set(expected "${PREFIX}/include/wsbind/version.hpp" "${PREFIX}/include/wsbind/config.hpp"
  "${cmakedir}/wsbindConfig.cmake" "${cmakedir}/wsbindConfigVersion.cmake" "${PREFIX}/share/doc/wsbind/LICENSE")
string(REPLACE "," ";" COMPONENTS "${COMPONENTS}")
foreach(comp IN LISTS COMPONENTS)
  list(APPEND expected "${cmakedir}/wsbind-${comp}-targets.cmake")
endforeach()
foreach(file IN LISTS expected)
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "wsbind-install: ${file} was not installed")
  endif()
endforeach()

# Every header of the source tree is installed, and the package is relocatable: no installed CMake file names
# the source or build tree.
file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/*.hpp")
foreach(header IN LISTS headers)
  if(NOT EXISTS "${PREFIX}/include/${header}")
    message(FATAL_ERROR "wsbind-install: header ${header} was not installed")
  endif()
endforeach()
file(GLOB cmake_files "${cmakedir}/*.cmake")
foreach(file IN LISTS cmake_files)
  file(READ "${file}" text)
  foreach(tree IN ITEMS "${SOURCE_DIR}" "${BUILD_DIR}")
    string(FIND "${text}" "${tree}" pos)
    if(NOT pos EQUAL -1)
      message(FATAL_ERROR "wsbind-install: ${file} refers to ${tree}; the installed package must be relocatable")
    endif()
  endforeach()
endforeach()
list(LENGTH headers n)
message("wsbind-install: ${n} headers and the CMake package installed in ${PREFIX}")

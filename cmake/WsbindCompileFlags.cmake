# wsbind_compile_flags_file(<name> <out-var> LIBS <target>... [OPTIONS <flag>...])
#
# Writes a compiler response file with the flags a target linking LIBS would be compiled with in this
# build: the C++20 option, CMAKE_CXX_FLAGS and CMAKE_CXX_FLAGS_<CONFIG>, and the transitive usage
# requirements of LIBS (include directories, compile definitions, compile options), plus OPTIONS.
# wsbind's own include directory is passed with -I, every other include directory with -isystem, as CMake
# does for imported targets. <out-var> receives the file's path; it contains $<CONFIG>, so use it only
# where generator expressions are evaluated (add_test COMMAND). GCC and Clang read response files (@file).
#
# Used by the test harnesses that run the compiler themselves (compile-fail tests, header dependency
# checks), so that what they compile is compiled exactly as the build compiles the rest of wsbind.
function(wsbind_compile_flags_file name out_var)
  cmake_parse_arguments(F "" "" "LIBS;OPTIONS" ${ARGN})
  set(helper wsbind_flags_${name})
  add_library(${helper} INTERFACE)
  target_link_libraries(${helper} INTERFACE ${F_LIBS})

  string(REGEX REPLACE "([][.+*?()^$|\\\\])" "\\\\\\1" own_dir_regex "${PROJECT_SOURCE_DIR}/include")
  # The compiler's own directories (/usr/include) are left out, as CMake does: -isystem /usr/include would
  # reorder them and break libstdc++'s #include_next <stdlib.h>.
  set(implicit_regex "")
  foreach(dir IN LISTS CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
    string(REGEX REPLACE "([][.+*?()^$|\\\\])" "\\\\\\1" dir "${dir}")
    string(APPEND implicit_regex "|${dir}")
  endforeach()
  set(dirs "$<REMOVE_DUPLICATES:$<TARGET_PROPERTY:${helper},INTERFACE_INCLUDE_DIRECTORIES>>")
  set(own "$<FILTER:${dirs},INCLUDE,^${own_dir_regex}>")
  set(sys "$<FILTER:${dirs},EXCLUDE,^${own_dir_regex}>")
  if(implicit_regex)
    string(SUBSTRING "${implicit_regex}" 1 -1 implicit_regex)
    set(sys "$<FILTER:${sys},EXCLUDE,^(${implicit_regex})/?$>")
  endif()
  set(defs "$<TARGET_PROPERTY:${helper},INTERFACE_COMPILE_DEFINITIONS>")
  set(opts "$<TARGET_PROPERTY:${helper},INTERFACE_COMPILE_OPTIONS>")

  if(DEFINED CMAKE_CXX_EXTENSIONS AND NOT CMAKE_CXX_EXTENSIONS)
    set(std "${CMAKE_CXX20_STANDARD_COMPILE_OPTION}")
  else()
    set(std "${CMAKE_CXX20_EXTENSION_COMPILE_OPTION}")   # what cxx_std_20 gives a target by default
  endif()
  set(config_flags "")
  foreach(cfg IN ITEMS Debug Release RelWithDebInfo MinSizeRel)
    string(TOUPPER "${cfg}" CFG)
    string(APPEND config_flags "$<$<CONFIG:${cfg}>:${CMAKE_CXX_FLAGS_${CFG}}>\n")
  endforeach()
  list(JOIN F_OPTIONS "\n" extra)

  # One argument per line; paths are quoted so that spaces survive.
  set(content "${std}\n${CMAKE_CXX_FLAGS}\n${config_flags}${extra}\n")
  string(APPEND content "$<$<BOOL:${own}>:\"-I$<JOIN:${own},\"\n\"-I>\"\n>")
  string(APPEND content "$<$<BOOL:${sys}>:\"-isystem$<JOIN:${sys},\"\n\"-isystem>\"\n>")
  string(APPEND content "$<$<BOOL:${defs}>:\"-D$<JOIN:${defs},\"\n\"-D>\"\n>")
  string(APPEND content "$<$<BOOL:${opts}>:$<JOIN:${opts},\n>\n>")
  set(file "${CMAKE_CURRENT_BINARY_DIR}/${name}-$<CONFIG>.rsp")
  file(GENERATE OUTPUT "${file}" CONTENT "${content}" TARGET ${helper})
  set(${out_var} "${file}" PARENT_SCOPE)
endfunction()

# wsbind_extra_test_compilers(<out-var>): the compilers, besides CMAKE_CXX_COMPILER, that the syntax-only
# harnesses (compile-fail tests, header checks) also run, so that diagnostics and headers are checked with
# both GCC and Clang in one build. Cache variable WSBIND_EXTRA_TEST_COMPILERS overrides the detection
# (set it to an empty string to disable). Each is returned as <tag>=<path>, e.g. clang14=/usr/bin/clang++-14.
function(wsbind_extra_test_compilers out_var)
  if(NOT DEFINED WSBIND_EXTRA_TEST_COMPILERS)
    set(found "")
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      find_program(WSBIND_CLANGXX NAMES clang++-14 clang++)
      mark_as_advanced(WSBIND_CLANGXX)
      if(WSBIND_CLANGXX)
        set(found "${WSBIND_CLANGXX}")
      endif()
    elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
      find_program(WSBIND_GXX NAMES g++-12 g++)
      mark_as_advanced(WSBIND_GXX)
      if(WSBIND_GXX)
        set(found "${WSBIND_GXX}")
      endif()
    endif()
    set(WSBIND_EXTRA_TEST_COMPILERS "${found}" CACHE STRING
      "Compilers besides CMAKE_CXX_COMPILER that the compile-fail and header tests also run (empty: none)")
  endif()
  set(result "")
  foreach(cxx IN LISTS WSBIND_EXTRA_TEST_COMPILERS)
    get_filename_component(tag "${cxx}" NAME)
    string(REGEX REPLACE "[^A-Za-z0-9]" "" tag "${tag}")
    string(REGEX REPLACE "^g([0-9]*)$" "gcc\\1" tag "${tag}")   # clang++-14 -> clang14, g++-12 -> gcc12
    list(APPEND result "${tag}=${cxx}")
  endforeach()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

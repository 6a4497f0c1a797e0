# The INTERFACE targets of wsbind, one per layer that brings its own dependency.
# Names match the Conan recipe (conanfile.py) exactly; tests/cmake/check_conan_recipe.py checks it.
#
#   wsbind::core     std + Boost.Hana                       always
#   wsbind::config   + pugixml                              WSBIND_WITH_CONFIG
#   wsbind::openssl  + OpenSSL 3 (libcrypto)                WSBIND_WITH_OPENSSL
#   wsbind::botan    + Botan 2 (pkg-config module botan-2)  WSBIND_WITH_BOTAN
#   wsbind::beast    + Boost.Beast/Asio, OpenSSL 3, Threads WSBIND_WITH_BEAST
#   wsbind::wsbind   every component above that is built    always
#
# Optional components: each WSBIND_WITH_<X> is ON (the dependency is required; configuring fails with
# a precise message if it is missing), AUTO (the default: built when the dependency is found) or OFF.
# A component that is not built has NO target, so a consumer that links it gets CMake's own
# "target wsbind::botan was not found" at generate time instead of a missing-header error somewhere in
# a compile; the status lines below say why it is missing. scripts/run-tests.sh sets every WSBIND_WITH_* to
# ON so that CI never skips a backend silently. Code that is optional in this tree (tests, benchmarks of a
# backend) checks `if(TARGET wsbind::botan)` or WSBIND_ENABLED_COMPONENTS.
#
# Sets WSBIND_ENABLED_COMPONENTS (core ... wsbind, in dependency order), used by install and tests.
include(GNUInstallDirs)

set(WSBIND_OPTIONAL_COMPONENTS config openssl botan beast)
foreach(_wsbind_comp IN LISTS WSBIND_OPTIONAL_COMPONENTS)
  string(TOUPPER "${_wsbind_comp}" _wsbind_COMP)
  set(WSBIND_WITH_${_wsbind_COMP} AUTO CACHE STRING
    "Build component wsbind::${_wsbind_comp}: ON (its dependency is required), AUTO (if found) or OFF")
  set_property(CACHE WSBIND_WITH_${_wsbind_COMP} PROPERTY STRINGS AUTO ON OFF)
  # Accept CMake's boolean spellings too (-DWSBIND_WITH_BOTAN=1, =FALSE ...).
  set(_wsbind_value "${WSBIND_WITH_${_wsbind_COMP}}")
  string(TOUPPER "${_wsbind_value}" _wsbind_value)
  if(_wsbind_value STREQUAL "AUTO")
    set(_wsbind_with_${_wsbind_comp} AUTO)
  elseif(_wsbind_value MATCHES "^(ON|YES|TRUE|Y|1)$")
    set(_wsbind_with_${_wsbind_comp} ON)
  elseif(_wsbind_value MATCHES "^(OFF|NO|FALSE|N|0)$")
    set(_wsbind_with_${_wsbind_comp} OFF)
  else()
    message(FATAL_ERROR "WSBIND_WITH_${_wsbind_COMP} is '${WSBIND_WITH_${_wsbind_COMP}}'; allowed values are ON, AUTO and OFF.")
  endif()
endforeach()

# _wsbind_decide(<comp> <found> <what is missing> <debian package>): sets _wsbind_build_<comp>.
function(_wsbind_decide comp found what package)
  string(TOUPPER "${comp}" COMP)
  if(found)
    set(_wsbind_build_${comp} ON PARENT_SCOPE)
    message(STATUS "wsbind::${comp}: built")
  elseif(_wsbind_with_${comp} STREQUAL "ON")
    message(FATAL_ERROR "wsbind::${comp}: WSBIND_WITH_${COMP}=ON but ${what} was not found. "
      "Install it (Debian 12: apt-get install ${package}; or run scripts/install-deps.sh), point CMake at it "
      "(CMAKE_PREFIX_PATH), or configure with -DWSBIND_WITH_${COMP}=AUTO or OFF.")
  else()
    set(_wsbind_build_${comp} OFF PARENT_SCOPE)
    message(STATUS "wsbind::${comp}: NOT built: ${what} was not found (WSBIND_WITH_${COMP}=AUTO)")
  endif()
endfunction()

find_package(Boost 1.74 REQUIRED)            # Hana (core); Beast/Asio (beast) are header-only too

add_library(wsbind_core INTERFACE)
add_library(wsbind::core ALIAS wsbind_core)
set_target_properties(wsbind_core PROPERTIES EXPORT_NAME core)
target_compile_features(wsbind_core INTERFACE cxx_std_20)
target_include_directories(wsbind_core INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(wsbind_core INTERFACE Boost::headers)
set(WSBIND_ENABLED_COMPONENTS core)

# config: <system.serviceModel> reader/writer (pugixml)
if(_wsbind_with_config STREQUAL "OFF")
  message(STATUS "wsbind::config: NOT built (WSBIND_WITH_CONFIG=OFF)")
else()
  find_package(pugixml QUIET)
  if(TARGET pugixml::pugixml)
    set(_wsbind_pugixml_target pugixml::pugixml)
  elseif(TARGET pugixml)
    set(_wsbind_pugixml_target pugixml)
  else()
    set(_wsbind_pugixml_target "")
  endif()
  _wsbind_decide(config "${_wsbind_pugixml_target}" "pugixml (CMake package 'pugixml')" libpugixml-dev)
  if(_wsbind_build_config)
    add_library(wsbind_config INTERFACE)
    add_library(wsbind::config ALIAS wsbind_config)
    set_target_properties(wsbind_config PROPERTIES EXPORT_NAME config)
    target_link_libraries(wsbind_config INTERFACE wsbind_core ${_wsbind_pugixml_target})
    list(APPEND WSBIND_ENABLED_COMPONENTS config)
  endif()
endif()

# OpenSSL 3 serves two components: openssl (libcrypto) and beast (TLS: libssl + libcrypto).
if(NOT (_wsbind_with_openssl STREQUAL "OFF" AND _wsbind_with_beast STREQUAL "OFF"))
  find_package(OpenSSL 3 QUIET)
endif()

# openssl: crypto backend over OpenSSL 3
if(_wsbind_with_openssl STREQUAL "OFF")
  message(STATUS "wsbind::openssl: NOT built (WSBIND_WITH_OPENSSL=OFF)")
else()
  _wsbind_decide(openssl "${OpenSSL_FOUND}" "OpenSSL 3 (CMake's FindOpenSSL)" libssl-dev)
  if(_wsbind_build_openssl)
    add_library(wsbind_openssl INTERFACE)
    add_library(wsbind::openssl ALIAS wsbind_openssl)
    set_target_properties(wsbind_openssl PROPERTIES EXPORT_NAME openssl)
    target_link_libraries(wsbind_openssl INTERFACE wsbind_core OpenSSL::Crypto)
    list(APPEND WSBIND_ENABLED_COMPONENTS openssl)
  endif()
endif()

# botan: crypto backend over Botan 2. Botan 2 ships no CMake package; pkg-config is its interface.
if(_wsbind_with_botan STREQUAL "OFF")
  message(STATUS "wsbind::botan: NOT built (WSBIND_WITH_BOTAN=OFF)")
else()
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    # The imported target is PkgConfig::WSBIND_BOTAN2; wsbindConfig.cmake recreates it under the same name.
    pkg_check_modules(WSBIND_BOTAN2 QUIET IMPORTED_TARGET botan-2)
  endif()
  if(TARGET PkgConfig::WSBIND_BOTAN2)
    set(_wsbind_botan_found ON)
  else()
    set(_wsbind_botan_found OFF)
  endif()
  _wsbind_decide(botan "${_wsbind_botan_found}" "Botan 2 (pkg-config module 'botan-2', needs pkg-config)" "libbotan-2-dev pkg-config")
  if(_wsbind_build_botan)
    add_library(wsbind_botan INTERFACE)
    add_library(wsbind::botan ALIAS wsbind_botan)
    set_target_properties(wsbind_botan PROPERTIES EXPORT_NAME botan)
    target_link_libraries(wsbind_botan INTERFACE wsbind_core PkgConfig::WSBIND_BOTAN2)
    list(APPEND WSBIND_ENABLED_COMPONENTS botan)
  endif()
endif()

# beast: HTTP backend over Boost.Beast/Asio, TLS through OpenSSL
if(_wsbind_with_beast STREQUAL "OFF")
  message(STATUS "wsbind::beast: NOT built (WSBIND_WITH_BEAST=OFF)")
else()
  find_package(Threads QUIET)
  if(Threads_FOUND AND OpenSSL_FOUND)
    set(_wsbind_beast_found ON)
  else()
    set(_wsbind_beast_found OFF)
  endif()
  _wsbind_decide(beast "${_wsbind_beast_found}" "OpenSSL 3 (for TLS) or a threads library" libssl-dev)
  if(_wsbind_build_beast)
    add_library(wsbind_beast INTERFACE)
    add_library(wsbind::beast ALIAS wsbind_beast)
    set_target_properties(wsbind_beast PROPERTIES EXPORT_NAME beast)
    target_link_libraries(wsbind_beast INTERFACE wsbind_core Threads::Threads OpenSSL::SSL OpenSSL::Crypto)
    list(APPEND WSBIND_ENABLED_COMPONENTS beast)
  endif()
endif()

# wsbind: everything that is built
add_library(wsbind_wsbind INTERFACE)
add_library(wsbind::wsbind ALIAS wsbind_wsbind)
set_target_properties(wsbind_wsbind PROPERTIES EXPORT_NAME wsbind)
foreach(_wsbind_comp IN LISTS WSBIND_ENABLED_COMPONENTS)
  target_link_libraries(wsbind_wsbind INTERFACE wsbind_${_wsbind_comp})
endforeach()
list(APPEND WSBIND_ENABLED_COMPONENTS wsbind)
message(STATUS "wsbind components: ${WSBIND_ENABLED_COMPONENTS}")

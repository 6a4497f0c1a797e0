# The INTERFACE targets of wsbind, one per layer that brings its own dependency.
# Names match the Conan recipe's components (conanfile.py) exactly.
include(GNUInstallDirs)

find_package(Boost 1.74 REQUIRED)            # Hana (core); Beast/Asio (beast) are header-only too

add_library(wsbind_core INTERFACE)
add_library(wsbind::core ALIAS wsbind_core)
set_target_properties(wsbind_core PROPERTIES EXPORT_NAME core)
target_compile_features(wsbind_core INTERFACE cxx_std_20)
target_include_directories(wsbind_core INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(wsbind_core INTERFACE Boost::headers)

# config: <system.serviceModel> reader/writer (pugixml)
find_package(pugixml QUIET)
add_library(wsbind_config INTERFACE)
add_library(wsbind::config ALIAS wsbind_config)
set_target_properties(wsbind_config PROPERTIES EXPORT_NAME config)
target_link_libraries(wsbind_config INTERFACE wsbind_core)
if(TARGET pugixml::pugixml)
  target_link_libraries(wsbind_config INTERFACE pugixml::pugixml)
elseif(TARGET pugixml)
  target_link_libraries(wsbind_config INTERFACE pugixml)
endif()

# openssl: crypto backend over OpenSSL 3
find_package(OpenSSL 3 QUIET)
add_library(wsbind_openssl INTERFACE)
add_library(wsbind::openssl ALIAS wsbind_openssl)
set_target_properties(wsbind_openssl PROPERTIES EXPORT_NAME openssl)
target_link_libraries(wsbind_openssl INTERFACE wsbind_core)
if(OpenSSL_FOUND)
  target_link_libraries(wsbind_openssl INTERFACE OpenSSL::Crypto)
endif()

# botan: crypto backend over Botan 2
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(BOTAN2 QUIET IMPORTED_TARGET botan-2)
endif()
add_library(wsbind_botan INTERFACE)
add_library(wsbind::botan ALIAS wsbind_botan)
set_target_properties(wsbind_botan PROPERTIES EXPORT_NAME botan)
target_link_libraries(wsbind_botan INTERFACE wsbind_core)
if(TARGET PkgConfig::BOTAN2)
  target_link_libraries(wsbind_botan INTERFACE PkgConfig::BOTAN2)
endif()

# beast: HTTP backend over Boost.Beast/Asio, TLS through OpenSSL
find_package(Threads REQUIRED)
add_library(wsbind_beast INTERFACE)
add_library(wsbind::beast ALIAS wsbind_beast)
set_target_properties(wsbind_beast PROPERTIES EXPORT_NAME beast)
target_link_libraries(wsbind_beast INTERFACE wsbind_core Threads::Threads)
if(OpenSSL_FOUND)
  target_link_libraries(wsbind_beast INTERFACE OpenSSL::SSL OpenSSL::Crypto)
endif()

# wsbind: everything
add_library(wsbind_wsbind INTERFACE)
add_library(wsbind::wsbind ALIAS wsbind_wsbind)
set_target_properties(wsbind_wsbind PROPERTIES EXPORT_NAME wsbind)
target_link_libraries(wsbind_wsbind INTERFACE wsbind_core wsbind_config wsbind_openssl wsbind_botan wsbind_beast)

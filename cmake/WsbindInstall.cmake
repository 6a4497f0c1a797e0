# Install rules and the CMake package `wsbind` (find_package(wsbind REQUIRED COMPONENTS core config ...)).
#
# Layout under the prefix:
#   include/wsbind/**                         the headers
#   share/cmake/wsbind/wsbindConfig.cmake      handles COMPONENTS, finds each component's dependencies
#   share/cmake/wsbind/wsbindConfigVersion.cmake   SameMinorVersion (0.x: minor releases may break), ARCH_INDEPENDENT
#   share/cmake/wsbind/wsbind-<comp>-targets.cmake one export set per component, loaded only when that
#                                             component is requested and its dependencies were found
#   share/doc/wsbind/{LICENSE,README.md}
# The package is header-only and architecture-independent, hence share/ rather than lib/.
#
# One export set per component (rather than one wsbindTargets set) so that a consumer asking for
# COMPONENTS core never sees targets that reference OpenSSL::Crypto or PkgConfig::WSBIND_BOTAN2, which its
# find_package call did not look for; a component that was not requested has no target at all, exactly as
# in the build tree when a component is not built.
include(CMakePackageConfigHelpers)

set(WSBIND_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/wsbind"
  CACHE STRING "Where wsbind's CMake package files are installed, relative to the prefix")
mark_as_advanced(WSBIND_INSTALL_CMAKEDIR)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT wsbind_development
  FILES_MATCHING PATTERN "*.hpp")

foreach(_wsbind_comp IN LISTS WSBIND_ENABLED_COMPONENTS)
  install(TARGETS wsbind_${_wsbind_comp} EXPORT wsbind_${_wsbind_comp}_targets COMPONENT wsbind_development)
  install(EXPORT wsbind_${_wsbind_comp}_targets
    NAMESPACE wsbind::
    FILE wsbind-${_wsbind_comp}-targets.cmake
    DESTINATION "${WSBIND_INSTALL_CMAKEDIR}"
    COMPONENT wsbind_development)
endforeach()

# Read by wsbindConfig.cmake.in.
set(WSBIND_INSTALLED_COMPONENTS ${WSBIND_ENABLED_COMPONENTS})
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/wsbindConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/wsbindConfig.cmake"
  INSTALL_DESTINATION "${WSBIND_INSTALL_CMAKEDIR}"
  NO_SET_AND_CHECK_MACRO)
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/cmake/wsbindConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)
install(FILES
  "${PROJECT_BINARY_DIR}/cmake/wsbindConfig.cmake"
  "${PROJECT_BINARY_DIR}/cmake/wsbindConfigVersion.cmake"
  DESTINATION "${WSBIND_INSTALL_CMAKEDIR}"
  COMPONENT wsbind_development)

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}"
  COMPONENT wsbind_development)

# Conan 2 recipe for wsbind (header-only). Components are named exactly like the CMake package's targets
# (cmake/WsbindTargets.cmake); tests/cmake/check_conan_recipe.py checks that they stay equal.
#
#   component  CMake target     requires
#   core       wsbind::core     boost::headers (Hana)
#   config     wsbind::config   core, pugixml::pugixml                      option with_config
#   openssl    wsbind::openssl  core, openssl::crypto                       option with_openssl
#   botan      wsbind::botan    core, botan::botan (Botan 2)                option with_botan
#   beast      wsbind::beast    core, boost::headers, openssl::ssl/crypto, threads   option with_beast
#   (root)     wsbind::wsbind   every component above that is enabled
#
# wsbind::wsbind is the package's root target, which CMakeDeps generates and links to every declared
# component: exactly what the CMake package's wsbind::wsbind (component `wsbind`) is. It is not declared as a
# component of its own, because a component with the root's target name would make the root target link to
# itself. CMakeDeps ignores find_package COMPONENTS, so `find_package(wsbind REQUIRED COMPONENTS core wsbind)`
# works with both the CMake package and Conan.
import os
import re

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout
from conan.tools.scm import Version

required_conan_version = ">=2.0"


class WsbindConan(ConanFile):
    name = "wsbind"
    description = ("WCF bindings, credentials and WS-* messaging for C++20: compile-time bindings, "
                   "<system.serviceModel> configuration, X.509 credentials, OpenSSL 3 / Botan 2 crypto backends")
    license = "BSL-1.0"
    topics = ("wcf", "soap", "ws-security", "ws-reliablemessaging", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "with_config": [True, False],
        "with_openssl": [True, False],
        "with_botan": [True, False],
        "with_beast": [True, False],
    }
    default_options = {
        "with_config": True,
        "with_openssl": True,
        "with_botan": False,   # the second crypto backend is opt-in
        "with_beast": True,
    }
    exports_sources = "include/*", "LICENSE"
    no_copy_source = True

    _min_cppstd = "20"
    _min_compiler_versions = {"gcc": "12", "clang": "14", "apple-clang": "15", "msvc": "193"}

    def set_version(self):
        # The version is stated once, in include/wsbind/version.hpp.
        text = load(self, os.path.join(self.recipe_folder, "include", "wsbind", "version.hpp"))
        match = re.search(r'#define\s+WSBIND_VERSION_STRING\s+"([^"]+)"', text)
        self.version = self.version or match.group(1)

    def layout(self):
        basic_layout(self, src_folder=".")

    def requirements(self):
        # A header-library's requirements reach its consumers: their headers are included by ours.
        self.requires("boost/1.83.0", transitive_headers=True)
        if self.options.with_config:
            self.requires("pugixml/1.14", transitive_headers=True)
        if self.options.with_openssl or self.options.with_beast:
            self.requires("openssl/[>=3 <4]", transitive_headers=True)
        if self.options.with_botan:
            self.requires("botan/[>=2.19 <3]", transitive_headers=True)

    def package_id(self):
        self.info.clear()

    def validate(self):
        if self.settings.compiler.get_safe("cppstd"):
            check_min_cppstd(self, self._min_cppstd)
        minimum = self._min_compiler_versions.get(str(self.settings.compiler))
        if minimum and Version(self.settings.compiler.version) < minimum:
            raise ConanInvalidConfiguration(
                f"{self.ref} needs C++20 ({self.settings.compiler} >= {minimum}), "
                f"not {self.settings.compiler} {self.settings.compiler.version}")

    def source(self):
        pass  # exports_sources brings include/ and LICENSE

    def build(self):
        pass  # header-only

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"), os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.set_property("cmake_file_name", "wsbind")
        self.cpp_info.set_property("cmake_target_name", "wsbind::wsbind")
        self.cpp_info.set_property("pkg_config_name", "wsbind")

        def component(name, requires):
            comp = self.cpp_info.components[name]
            comp.set_property("cmake_target_name", f"wsbind::{name}")
            comp.set_property("pkg_config_name", f"wsbind-{name}")
            comp.bindirs = []
            comp.libdirs = []
            comp.requires = requires
            return comp

        component("core", ["boost::headers"])
        if self.options.with_config:
            component("config", ["core", "pugixml::pugixml"])
        if self.options.with_openssl:
            component("openssl", ["core", "openssl::crypto"])
        if self.options.with_botan:
            component("botan", ["core", "botan::botan"])
        if self.options.with_beast:
            beast = component("beast", ["core", "boost::headers", "openssl::ssl", "openssl::crypto"])
            if self.settings.os in ("Linux", "FreeBSD"):
                beast.system_libs = ["pthread"]

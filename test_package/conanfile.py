# Conan 2 test_package: finds the wsbind package and builds one program per enabled component
# (the same CMake project CTest builds against a `cmake --install` prefix, see tests/cmake).
import os

from conan import ConanFile
from conan.tools.build import can_run
from conan.tools.cmake import CMake, CMakeToolchain, cmake_layout


class WsbindTestPackageConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    generators = "CMakeDeps", "VirtualRunEnv"
    test_type = "explicit"

    def requirements(self):
        self.requires(self.tested_reference_str)

    def layout(self):
        cmake_layout(self)

    def _enabled(self):
        options = self.dependencies[self.tested_reference_str].options
        return {"config": bool(options.with_config), "openssl": bool(options.with_openssl),
                "botan": bool(options.with_botan), "beast": bool(options.with_beast)}

    def generate(self):
        toolchain = CMakeToolchain(self)
        for component, enabled in self._enabled().items():
            toolchain.cache_variables[f"WSBIND_TEST_{component.upper()}"] = enabled
        toolchain.cache_variables["WSBIND_TEST_UMBRELLA"] = True
        toolchain.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def test(self):
        if not can_run(self):
            return
        programs = ["core"] + [c for c, enabled in self._enabled().items() if enabled] + ["wsbind"]
        for program in programs:
            self.run(os.path.join(self.cpp.build.bindir, f"test_{program}"), env="conanrun")

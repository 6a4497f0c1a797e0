#!/usr/bin/env python3
"""Checks conanfile.py against the CMake package without a Conan client (none can be installed here).

Parses conanfile.py with Python's ast (no import of `conan`) and cmake/WsbindTargets.cmake with regular
expressions, and fails with a precise message unless:
  - package_type is "header-library", no_copy_source is True, package_id() clears self.info;
  - options are exactly with_config/with_openssl/with_botan/with_beast, booleans;
  - cmake_file_name is "wsbind" (the CMake package name: project() and wsbindConfig.cmake);
  - the CMake target names the recipe declares (root + components) equal the CMake package's targets;
  - each component's name is the suffix of its cmake_target_name (components named like the targets);
  - test_package/CMakeLists.txt finds package "wsbind" and links only declared targets.
Usage: check_conan_recipe.py <source-dir>
"""
import ast
import pathlib
import re
import sys


def fail(message):
    print(f"check_conan_recipe: FAILED: {message}")
    sys.exit(1)


def literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def main():
    root = pathlib.Path(sys.argv[1])
    recipe_path = root / "conanfile.py"
    tree = ast.parse(recipe_path.read_text(), str(recipe_path))
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)
               and any(getattr(b, "id", None) == "ConanFile" for b in n.bases)]
    if len(classes) != 1:
        fail("conanfile.py must define exactly one ConanFile class")
    recipe = classes[0]

    attributes = {}
    methods = {}
    for node in recipe.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    attributes[target.id] = literal(node.value)
        elif isinstance(node, ast.FunctionDef):
            methods[node.name] = node

    if attributes.get("name") != "wsbind":
        fail(f"name is {attributes.get('name')!r}, not 'wsbind'")
    if attributes.get("package_type") != "header-library":
        fail(f"package_type is {attributes.get('package_type')!r}, not 'header-library'")
    if attributes.get("no_copy_source") is not True:
        fail("no_copy_source must be True")
    options = attributes.get("options") or {}
    expected_options = {"with_config", "with_openssl", "with_botan", "with_beast"}
    if set(options) != expected_options:
        fail(f"options are {sorted(options)}, expected {sorted(expected_options)}")
    for option, values in options.items():
        if sorted(values, key=str) != [False, True]:
            fail(f"option {option} must be boolean, is {values}")
        if option not in (attributes.get("default_options") or {}):
            fail(f"option {option} has no default")

    package_id = methods.get("package_id")
    if package_id is None or "self.info.clear()" not in ast.unparse(package_id):
        fail("package_id() must call self.info.clear()")
    if "check_min_cppstd" not in ast.unparse(methods.get("validate", ast.Pass())):
        fail("validate() must call check_min_cppstd")

    info = methods.get("package_info")
    if info is None:
        fail("no package_info()")
    info_text = ast.unparse(info)
    file_names = re.findall(r"set_property\('cmake_file_name', '([^']+)'\)", info_text)
    if file_names != ["wsbind"]:
        fail(f"cmake_file_name must be set once to 'wsbind', found {file_names}")
    root_targets = re.findall(r"self\.cpp_info\.set_property\('cmake_target_name', '([^']+)'\)", info_text)
    # Components are declared through a local helper `component(name, requires)` or directly.
    components = re.findall(r"\bcomponent\('([a-z0-9_]+)'", info_text)
    components += re.findall(r"self\.cpp_info\.components\['([a-z0-9_]+)'\]", info_text)
    components = sorted(set(components))
    component_target_pattern = re.findall(r"set_property\('cmake_target_name', f'wsbind::\{name\}'\)", info_text)
    if components and not component_target_pattern:
        fail("components must set cmake_target_name to f'wsbind::{name}'")
    conan_targets = set(root_targets) | {f"wsbind::{c}" for c in components}

    targets_cmake = (root / "cmake" / "WsbindTargets.cmake").read_text()
    cmake_targets = set(re.findall(r"add_library\((wsbind::[a-z0-9_]+) ALIAS", targets_cmake))
    export_names = set(re.findall(r"EXPORT_NAME ([a-z0-9_]+)\)", targets_cmake))
    if {f"wsbind::{n}" for n in export_names} != cmake_targets:
        fail(f"WsbindTargets.cmake: EXPORT_NAMEs {sorted(export_names)} differ from aliases {sorted(cmake_targets)}")
    if conan_targets != cmake_targets:
        fail(f"conanfile.py declares {sorted(conan_targets)}, the CMake package exports {sorted(cmake_targets)}")

    project = re.search(r"project\((\w+)", (root / "CMakeLists.txt").read_text())
    if not project or project.group(1) != "wsbind":
        fail("the top-level project() must be named wsbind (the CMake package name)")

    consumer = (root / "test_package" / "CMakeLists.txt").read_text()
    if not re.search(r"find_package\(wsbind\b", consumer):
        fail("test_package/CMakeLists.txt must find_package(wsbind ...)")
    used = set(re.findall(r"wsbind::[a-z0-9_${}]+", consumer))
    for target in used:
        if "$" not in target and target not in conan_targets:
            fail(f"test_package links {target}, which the recipe does not declare")

    print(f"check_conan_recipe: OK: {sorted(conan_targets)} in conanfile.py and the CMake package")


if __name__ == "__main__":
    main()

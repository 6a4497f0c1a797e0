#!/usr/bin/env bash
# The first of the README's two commands. Builds and runs the main example end to end:
#  1. the calculator (examples/calculator/): calculator-service opened from an app.config (wsHttpBinding and
#     basicHttpBinding endpoints), calculator-client calling Add/Subtract/Multiply/Divide on each, results printed,
#     service stopped (examples/calculator/run.sh);
#  2. wsbind_example_bindings (examples/bindings/): the seed scenarios' bindings defined at compile time, each
#     printed with what it means (mode, credentials, signing/encryption, certificates, reliable session).
# Installs missing Debian packages first (scripts/install-deps.sh). Options: see scripts/lib/build.sh.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/build.sh"

target=wsbind_example_bindings
wsbind_configure
# CMakeLists.txt writes the program's path here when the target exists, and removes the file when it does not.
path_file="$wsbind_build_dir/$target.path"
if [[ ! -f "$path_file" ]]; then
  echo "run-example: this source tree has no CMake target '$target' (expected from examples/bindings/CMakeLists.txt)." >&2
  exit 1
fi
wsbind_build "$target" calculator-service calculator-client
wsbind_step "calculator: service and client over HTTP (examples/calculator/run.sh)"
bash "$wsbind_root/examples/calculator/run.sh" http "$wsbind_build_dir"
program=$(<"$path_file")
wsbind_step "run $program"
"$program" "$@"

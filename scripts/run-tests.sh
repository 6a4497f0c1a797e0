#!/usr/bin/env bash
# Builds everything with tests and runs every test: the second of the README's two commands, and what CI runs.
# Installs missing Debian packages first (scripts/install-deps.sh). Ends with ctest's summary; exits non-zero
# if any step or any test fails. Options: see scripts/lib/build.sh (CXX=clang++-14 builds with Clang in
# build-clang++-14/). Extra arguments go to ctest (e.g. -R compile_fail, -L headers).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/build.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/build.sh"

wsbind_configure
# shellcheck disable=SC2119 # build everything; this script's arguments are for ctest
wsbind_build
wsbind_step "test"
cd "$wsbind_build_dir"
exec ctest --output-on-failure --parallel "$wsbind_jobs" --no-tests=error "$@"

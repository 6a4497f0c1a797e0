# shellcheck shell=bash
# Sourced by scripts/run-tests.sh and scripts/run-example.sh: one build configuration for both, so running one
# after the other reuses the build instead of reconfiguring it.
#
# Environment (all optional):
#   WSBIND_BUILD_DIR   build directory (default: build, or build-<compiler> when CXX is set)
#   WSBIND_BUILD_TYPE  CMake build type (default: RelWithDebInfo: optimised like a release, debuggable)
#   WSBIND_JOBS        parallel jobs for the build and for ctest (default: 2, the CI machine's cores)
#   CXX                compiler (default: CMake's choice, g++ on Debian)
#   WSBIND_SKIP_DEPS=1 do not run scripts/install-deps.sh
set -euo pipefail

wsbind_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -n "${WSBIND_BUILD_DIR:-}" ]]; then
  wsbind_build_dir=$WSBIND_BUILD_DIR
elif [[ -n "${CXX:-}" ]]; then
  wsbind_build_dir="$wsbind_root/build-$(basename "$CXX")"
else
  wsbind_build_dir="$wsbind_root/build"
fi
wsbind_build_type=${WSBIND_BUILD_TYPE:-RelWithDebInfo}
wsbind_jobs=${WSBIND_JOBS:-2}

wsbind_step() { printf '\n== %s\n' "$*"; }

# wsbind_configure: installs the dependencies, then configures with every component required (a missing
# backend is an error here, never a silently skipped test) and tests, examples and benchmarks on.
wsbind_configure() {
  wsbind_step "dependencies"
  bash "$wsbind_root/scripts/install-deps.sh"
  wsbind_step "configure ($wsbind_build_dir, $wsbind_build_type)"
  local compiler=()
  if [[ -n "${CXX:-}" ]]; then compiler=("-DCMAKE_CXX_COMPILER=$CXX"); fi
  cmake -S "$wsbind_root" -B "$wsbind_build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE="$wsbind_build_type" \
    ${compiler[@]+"${compiler[@]}"} \
    -DWSBIND_BUILD_TESTS=ON -DWSBIND_BUILD_EXAMPLES=ON -DWSBIND_BUILD_BENCHMARKS=ON -DWSBIND_BUILD_TOOLS=ON \
    -DWSBIND_WITH_CONFIG=ON -DWSBIND_WITH_OPENSSL=ON -DWSBIND_WITH_BOTAN=ON -DWSBIND_WITH_BEAST=ON
}

# wsbind_build [targets...]: builds everything, or the given targets.
wsbind_build() {
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  wsbind_step "build ${*:-everything}"
  cmake --build "$wsbind_build_dir" --parallel "$wsbind_jobs" ${targets[@]+"${targets[@]}"}
}

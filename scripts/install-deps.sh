#!/usr/bin/env bash
# Installs the Debian 12 packages wsbind's build, tests, examples, benchmarks and fuzzers need.
# Idempotent: when every package is already installed it touches nothing (no apt-get update, no root needed).
# Runs apt-get as root, or through sudo when not root. Set WSBIND_SKIP_DEPS=1 to skip it altogether
# (e.g. on another distribution, after installing the equivalents yourself).
set -euo pipefail

# package                            why
packages=(
  build-essential                    # make, libc headers, the usual toolchain baseline
  g++                                # GCC 12: the primary compiler
  clang-14                           # Clang 14: second compiler (header and compile-fail tests), fuzzers
  libclang-rt-14-dev                 # libFuzzer and sanitizer runtimes for clang-14 (fuzz/)
  cmake                              # 3.25: the build (3.20 is the minimum)
  ninja-build                        # the generator the scripts use
  pkg-config                         # how CMake finds Botan 2 (it ships no CMake package)
  libboost-dev                       # 1.74: Hana (core), Beast/Asio (beast) - header-only parts only
  libpugixml-dev                     # <system.serviceModel> reader/writer (wsbind::config)
  libssl-dev                         # OpenSSL 3: crypto backend, TLS for Beast
  openssl                            # openssl(1): makes test certificates and keys
  libbotan-2-dev                     # Botan 2: second crypto backend
  catch2                             # Catch2 v2 (<catch2/catch.hpp>): unit tests
  libbenchmark-dev                   # Google Benchmark: benchmarks/
  python3                            # tests/cmake/check_conan_recipe.py (Conan recipe checks)
  xmlsec1                            # interop tests: an independent XML-Signature/Encryption implementation
  mono-devel                         # interop tests: Mono's C# compiler and runtime ...
  libmono-system-servicemodel4.0a-cil  # ... with Mono's WCF (System.ServiceModel), the reference peer
)
# curl is not installed: nothing in the build or the tests downloads anything.

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  if [[ "${WSBIND_SKIP_DEPS:-0}" == "1" ]]; then
    exit 0
  fi
  echo "install-deps: this is not a Debian-like system (no dpkg-query/apt-get)." >&2
  echo "install-deps: install the equivalents of: ${packages[*]}" >&2
  echo "install-deps: then rerun with WSBIND_SKIP_DEPS=1." >&2
  exit 1
fi

# "installed" only when dpkg has the package fully installed (not merely unpacked, or removed with its config).
missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$package")
  fi
done

if [[ "${WSBIND_SKIP_DEPS:-0}" == "1" ]]; then
  if (( ${#missing[@]} )); then
    echo "install-deps: WSBIND_SKIP_DEPS=1: not installing ${missing[*]}" >&2
  fi
  exit 0
fi

if (( ${#missing[@]} == 0 )); then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: not root and no sudo; as root, run: apt-get update && apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg (e.g. unattended-upgrades on a fresh machine) instead of failing on its lock.
apt_options=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update
# No recommends: none of the recommended packages is needed (mono-devel's and clang-14's recommends pull in
# hundreds of MB of documentation, IDE helpers and LLVM tools the build never runs).
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install --no-install-recommends "${missing[@]}"

still_missing=()
for package in "${missing[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || still_missing+=("$package")
done
if (( ${#still_missing[@]} )); then
  echo "install-deps: still not installed: ${still_missing[*]}" >&2
  exit 1
fi
echo "install-deps: done"

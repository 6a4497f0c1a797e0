#!/usr/bin/env bash
# tests/fuzz/side_build.sh SOURCE_DIR BINARY_DIR GENERATOR MAKE_PROGRAM CXX [CORPUS]
# Configures a Clang build with WSBIND_BUILD_FUZZERS=ON and builds its fuzz targets (fuzz:build).
# Exit 77 (skipped) when there is no Clang with libFuzzer; the marker .skipped tells fuzz:smoke.
set -euo pipefail
source_dir=$1 binary_dir=$2 generator=$3 make_program=$4 cxx=$5 corpus=${6:-}
mkdir -p "$binary_dir"
rm -f "$binary_dir/.skipped"
skip() { echo "SKIPPED: $1"; echo "$1" > "$binary_dir/.skipped"; exit 77; }
[[ -n "$cxx" && -x "$cxx" ]] || skip "no clang++ found: the fuzz targets need Clang's libFuzzer (Debian: clang-14 libclang-rt-14-dev)"
rt=$("$cxx" -print-file-name=libclang_rt.fuzzer-x86_64.a)
[[ "$rt" == /* && -f "$rt" ]] || skip "$cxx has no libFuzzer runtime (Debian: libclang-rt-14-dev)"
args=(-S "$source_dir" -B "$binary_dir" -G "$generator" "-DCMAKE_CXX_COMPILER=$cxx" -DWSBIND_BUILD_FUZZERS=ON
      -DWSBIND_BUILD_TESTS=ON -DWSBIND_BUILD_EXAMPLES=OFF -DWSBIND_BUILD_BENCHMARKS=OFF)
[[ -z "$make_program" ]] || args+=("-DCMAKE_MAKE_PROGRAM=$make_program")
[[ -z "$corpus" ]] || args+=("-DWSBIND_WCF_CORPUS=$corpus")
cmake "${args[@]}" > "$binary_dir/configure.log" 2>&1 || { cat "$binary_dir/configure.log"; exit 1; }
cmake --build "$binary_dir" --target wsbind_fuzzers --parallel 2
echo "fuzz targets built in $binary_dir"

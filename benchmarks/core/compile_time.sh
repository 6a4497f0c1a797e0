#!/usr/bin/env bash
# Compile-time cost of the core header, measured in one run against a baseline:
# bindings20.cpp (20 bindings defined and described through <wsbind/wsbind.hpp>) versus
# baseline20.cpp (the same answers as plain constants). Runs each N times, alternating, and reports
# the medians and the time wsbind adds (goal: at most 0.5 s on this machine).
# Usage: compile_time.sh [compiler] [runs]   (from any directory)
# WSBIND_BENCH_FLAGS=-DWSBIND_BENCH_WITH_FACTS also derives wsbind::facts<B> for every binding.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cxx="${1:-${CXX:-g++}}"
runs="${2:-7}"
flags=(-std=c++20 -O2 -c -o /dev/null -I"$root/include" ${WSBIND_BENCH_FLAGS:-})
# CPU time (user + system) of the compiler: the machine is shared, so wall time would measure the neighbours.
measure() { /usr/bin/time -f '%U %S' "$cxx" "${flags[@]}" "$1" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w=(); b=()
for ((i = 0; i < runs; i++)); do
  w+=("$(measure "$here/bindings20.cpp")")
  b+=("$(measure "$here/baseline20.cpp")")
done
mw=$(printf '%s\n' "${w[@]}" | median)
mb=$(printf '%s\n' "${b[@]}" | median)
added=$(echo "$mw - $mb" | bc -l)
printf 'compiler: %s, runs: %d\n' "$("$cxx" --version | head -1)" "$runs"
printf 'CPU time, median of %d: wsbind TU (20 bindings): %.3f s   baseline TU: %.3f s   added by wsbind: %.3f s   (goal <= 0.500 s)\n' "$runs" "$mw" "$mb" "$added"

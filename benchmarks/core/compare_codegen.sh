#!/usr/bin/env bash
# Shows that querying a compile-time binding costs nothing at run time: the optimised machine code
# of wsbind_query() and hand_written_query() in codegen_probe.cpp must be identical.
# Usage: compare_codegen.sh [compiler]   exit status 1 if the two differ.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cxx="${1:-${CXX:-g++}}"
obj="$(mktemp --suffix=.o)"
trap 'rm -f "$obj"' EXIT
"$cxx" -std=c++20 -O2 -c -I"$root/include" "$here/codegen_probe.cpp" -o "$obj"
body() { objdump -d --no-show-raw-insn "$obj" | awk -v f="<$1>:" '$2 == f {on=1; next} on && /^$/ {exit} on {sub(/^[ \t]*[0-9a-f]+:[ \t]*/, ""); if ($0 !~ /^(nop|xchg   %ax,%ax|data16)/) print}'; }
a="$(body wsbind_query)"; b="$(body hand_written_query)"
echo "wsbind_query:";       echo "$a" | sed 's/^/    /'
echo "hand_written_query:"; echo "$b" | sed 's/^/    /'
if [ "$a" = "$b" ] && [ -n "$a" ]; then echo "identical machine code: querying a compile-time binding costs nothing at run time"; else echo "DIFFERENT"; exit 1; fi

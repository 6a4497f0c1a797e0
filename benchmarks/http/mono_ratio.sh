#!/usr/bin/env bash
# The same Mono WCF client against two calculator services, wsbind's and Mono's own: a fair
# server-to-server ratio (benchmarks/http/README.md).
#   mono_ratio.sh PEER MONO MONO_SERVICE_EXE MONO_BENCH_CLIENT_EXE [SECONDS]
# PEER is tests/interop_runtime's wsbind_interop_runtime_peer (build it in Release for figures).
set -euo pipefail
peer=$1 mono=$2 service_exe=$3 bench_exe=$4 seconds=${5:-5}
source "$(dirname "$0")/../../tests/interop_runtime/service_process.sh"
declare -A result
run_client() { # server binding clients port
  local out
  out=$(timeout 300 "$mono" "$bench_exe" "$2" "http://127.0.0.1:$4/calculator/$2" "$seconds" "$3")
  result[$1,$2,$3]=$out
  printf '%-8s %-6s %3s clients: %s\n' "$1" "$2" "$3" "$out"
}
for server in wsbind mono; do
  if [[ $server == wsbind ]]; then
    start_service "$peer" service
    wait_ready
    port=$(ready_line | awk '{print $2}')
  else
    port=$("$peer" free-port)
    start_service "$mono" "$service_exe" "$port"
    wait_ready
  fi
  for binding in basic ws; do
    for clients in 1 16; do run_client "$server" "$binding" "$clients" "$port"; done
  done
  stop_service
done
echo
echo "Mono client, wsbind service vs Mono service (round trips per second):"
for binding in basic ws; do
  for clients in 1 16; do
    w=$(sed -n 's/.*round_trips_per_second=\([0-9]*\).*/\1/p' <<<"${result[wsbind,$binding,$clients]}")
    m=$(sed -n 's/.*round_trips_per_second=\([0-9]*\).*/\1/p' <<<"${result[mono,$binding,$clients]}")
    awk -v b="$binding" -v c="$clients" -v w="$w" -v m="$m" \
      'BEGIN { printf "  %-5s %2d clients: wsbind %6d/s, Mono %6d/s, ratio %.1fx\n", b, c, w, m, (m > 0 ? w / m : 0) }'
  done
done

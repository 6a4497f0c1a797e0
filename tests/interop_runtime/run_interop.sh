#!/usr/bin/env bash
# One interop test: starts a calculator service (wsbind's or Mono's), runs the other side's client
# against it, stops the service. Always cleans up the service process.
#   run_interop.sh wsbind-service|mono-service basic|ws PEER MONO SERVICE_EXE CLIENT_EXE
set -euo pipefail
mode=$1 binding=$2 peer=$3 mono=$4 service_exe=$5 client_exe=$6
log=$(mktemp)
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -f "$log"
}
trap cleanup EXIT
wait_ready() {
  for _ in $(seq 1 300); do
    if grep -q READY "$log"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "service exited early:"; cat "$log"; return 1; fi
    sleep 0.1
  done
  echo "service did not become ready:"; cat "$log"; return 1
}
if [[ $mode == wsbind-service ]]; then
  "$peer" service < /dev/null > "$log" 2>&1 &
  pid=$!
  wait_ready
  port=$(awk '/READY/ {print $2}' "$log")
  echo "wsbind service on port $port; Mono client over $binding:"
  timeout 120 "$mono" "$client_exe" "$binding" "http://127.0.0.1:$port/calculator/$binding"
else
  port=$("$peer" free-port)
  "$mono" "$service_exe" "$port" < /dev/null > "$log" 2>&1 &
  pid=$!
  wait_ready
  echo "Mono service on port $port; wsbind client over $binding:"
  timeout 120 "$peer" client "$binding" "http://127.0.0.1:$port/calculator/$binding"
fi

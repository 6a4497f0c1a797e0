#!/usr/bin/env bash
# One interop test: starts a calculator service (wsbind's or Mono's), runs the other side's client
# against it, stops the service. Always cleans up the service process.
#   run_interop.sh wsbind-service|mono-service basic|ws PEER MONO SERVICE_EXE CLIENT_EXE
set -euo pipefail
mode=$1 binding=$2 peer=$3 mono=$4 service_exe=$5 client_exe=$6
source "$(dirname "$0")/service_process.sh"
if [[ $mode == wsbind-service ]]; then
  start_service "$peer" service
  wait_ready
  port=$(ready_line | awk '{print $2}')
  echo "wsbind service on port $port; Mono client over $binding:"
  timeout 120 "$mono" "$client_exe" "$binding" "http://127.0.0.1:$port/calculator/$binding"
else
  port=$("$peer" free-port)
  start_service "$mono" "$service_exe" "$port"
  wait_ready
  echo "Mono service on port $port; wsbind client over $binding:"
  timeout 120 "$peer" client "$binding" "http://127.0.0.1:$port/calculator/$binding"
fi

# Sourced by the interop and benchmark scripts: one service child process at a time, always stopped
# when the script exits (also on failure).
#   start_service CMD ARGS...   runs it in the background, its output in $service_log
#   wait_ready                  returns when it printed READY; fails when it exits or after 30 s
#   ready_line                  the READY line it printed
#   stop_service                kills it and waits for it
# A script with more to clean up defines on_exit (called after the service is stopped).
service_log=$(mktemp)
service_pid=""
stop_service() {
  if [[ -n $service_pid ]]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  service_pid=""
}
trap 'stop_service; rm -f "$service_log"; if declare -F on_exit > /dev/null; then on_exit; fi' EXIT
start_service() {
  : > "$service_log"
  "$@" < /dev/null > "$service_log" 2>&1 &
  service_pid=$!
}
wait_ready() {
  for _ in $(seq 1 300); do
    grep -q READY "$service_log" && return 0
    kill -0 "$service_pid" 2>/dev/null || { echo "service exited early:"; cat "$service_log"; return 1; }
    sleep 0.1
  done
  echo "service did not become ready:"; cat "$service_log"; return 1
}
ready_line() { grep -m1 READY "$service_log"; }

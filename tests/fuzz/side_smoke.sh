#!/usr/bin/env bash
# tests/fuzz/side_smoke.sh BINARY_DIR CTEST: runs the side build's fuzz smoke tests (fuzz:smoke).
set -euo pipefail
binary_dir=$1 ctest=$2
if [[ -f "$binary_dir/.skipped" ]]; then echo "SKIPPED: $(cat "$binary_dir/.skipped")"; exit 77; fi
exec "$ctest" --test-dir "$binary_dir" -L fuzz --output-on-failure --no-tests=error

#!/usr/bin/env bash
# Transport security with Mono's WCF client (Mono 6.8, TLS 1.2) against wsbind's HTTPS calculator
# service: basicHttpBinding and wsHttpBinding, clientCredentialType None and Certificate, and the
# refusal of a client without the certificate an endpoint requires. Prints OK when all passed.
#   run_mono_https.sh PEER MONO HTTPS_CLIENT_EXE PKI_DIR
set -euo pipefail
peer=$1 mono=$2 client_exe=$3 pki=$4
source "$(dirname "$0")/service_process.sh"
work=$(mktemp -d)
on_exit() { rm -rf "$work"; }
# Mono reads the client certificate from PKCS#12 (legacy algorithms: Mono 6.8 has no PBES2 support).
openssl pkcs12 -export -in "$pki/client.pem" -inkey "$pki/client.key" -out "$work/client.pfx" -passout pass:test \
  -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1
start_service "$peer" https-service "$pki"
wait_ready
port=$(ready_line | awk '{print $2}')
base="https://localhost:$port/calculator"
failures=0
check() { # name, expected (pass|fail), client arguments...
  local name=$1 expected=$2; shift 2
  local out rc=0
  out=$(timeout 120 "$mono" "$client_exe" "$@" 2>&1) || rc=$?
  if [[ $expected == pass && $rc -eq 0 && $out == *"Add(2, 3) = 5"* ]] || [[ $expected == fail && $rc -ne 0 ]]; then
    echo "ok:   $name: $(tr '\n' ' ' <<<"$out")"
  else
    echo "FAIL: $name (exit $rc): $out"; failures=$((failures + 1))
  fi
}
check "basicHttpBinding Transport, no client certificate" pass basic "$base/open-basic" "$pki/ca.pem"
check "wsHttpBinding Transport, no client certificate" pass ws "$base/open" "$pki/ca.pem"
check "basicHttpBinding Transport, client certificate" pass basic "$base/certificate" "$pki/ca.pem" "$work/client.pfx" test
check "wsHttpBinding Transport, client certificate" pass ws "$base/certificate-ws" "$pki/ca.pem" "$work/client.pfx" test
check "basicHttpBinding Transport, certificate required, none sent" fail basic "$base/certificate" "$pki/ca.pem"
check "wsHttpBinding Transport, certificate required, none sent" fail ws "$base/certificate-ws" "$pki/ca.pem"
if [[ $failures -eq 0 ]]; then echo; echo OK; else echo "$failures FAILED"; exit 1; fi

#!/usr/bin/env bash
# Transport security checked with independent tools (curl, openssl s_client) against wsbind's HTTPS
# calculator service: a client certificate is required and accepted, refused when absent or from
# another CA; TLS 1.1 is refused, TLS 1.2 accepted; an endpoint without client certificates works
# without one. Prints OK at the end when every check passed.
#   run_runtime_https_curl.sh PEER PKI_DIR
set -euo pipefail
peer=$1 pki=$2
source "$(dirname "$0")/service_process.sh"
start_service "$peer" https-service "$pki"
wait_ready
read -r _ strict_port open_port < <(ready_line)
body='<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Add xmlns="http://Microsoft.ServiceModel.Samples"><n1>2</n1><n2>3</n2></Add></s:Body></s:Envelope>'
strict="https://localhost:$strict_port/calculator/certificate"
failures=0
check() { # name, expected (pass|fail), command...
  local name=$1 expected=$2; shift 2
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if [[ $expected == pass && $rc -eq 0 && $out == *"<AddResult>5</AddResult>"* ]] || [[ $expected == fail && ( $rc -ne 0 || $out != *"<AddResult>"* ) ]]; then
    echo "ok:   $name (exit $rc)"
  else
    echo "FAIL: $name (exit $rc): $out"; failures=$((failures + 1))
  fi
}
curl_add() { curl -sS --max-time 10 --cacert "$pki/ca.pem" -H 'Content-Type: text/xml; charset=utf-8' \
  -H 'SOAPAction: "http://Microsoft.ServiceModel.Samples/ICalculator/Add"' --data-binary "$body" "$@"; }
check "curl with the client certificate" pass curl_add --cert "$pki/client.pem" --key "$pki/client.key" "$strict"
check "curl without a client certificate is refused (HTTP 403 fault from the transport step, or a TLS alert)" fail curl_add "$strict"
check "curl with a certificate from another CA is refused" fail curl_add --cert "$pki/rogue_client.pem" --key "$pki/rogue_client.key" "$strict"
check "curl with TLS 1.1 at most is refused" fail curl_add --cert "$pki/client.pem" --key "$pki/client.key" --tls-max 1.1 "$strict"
check "curl with TLS 1.2 exactly" pass curl_add --cert "$pki/client.pem" --key "$pki/client.key" --tlsv1.2 --tls-max 1.2 "$strict"
check "curl without certificate on the open endpoint (wsHttpBinding needs SOAP 1.2: a fault, not a TLS error)" fail \
  curl_add "https://localhost:$open_port/calculator/open"
out=$(curl -sS --max-time 10 --cacert "$pki/ca.pem" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/soap+xml; charset=utf-8' \
  --data-binary '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"/>' "https://localhost:$open_port/calculator/open" 2>&1 || true)
if [[ $out == 400 ]]; then echo "ok:   open endpoint answers over TLS without a client certificate (HTTP $out)"; else echo "FAIL: open endpoint: $out"; failures=$((failures + 1)); fi
s_client() { timeout 10 openssl s_client -connect "127.0.0.1:$strict_port" -CAfile "$pki/ca.pem" -verify_return_error "$@" < /dev/null; }
tls12=$(s_client -cert "$pki/client.pem" -key "$pki/client.key" -tls1_2 2>&1 || true)
if [[ $tls12 == *"Verify return code: 0 (ok)"* && $tls12 == *"Protocol  : TLSv1.2"* ]]; then
  echo "ok:   openssl s_client TLS 1.2 with the client certificate, server certificate verified"
else echo "FAIL: openssl s_client TLS 1.2: $tls12"; failures=$((failures + 1)); fi
tls11=$(s_client -cert "$pki/client.pem" -key "$pki/client.key" -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' 2>&1 || true)
if [[ $tls11 == *"alert protocol version"* || $tls11 == *"Cipher is (NONE)"* ]]; then
  echo "ok:   openssl s_client TLS 1.1 refused (protocol version alert)"
else echo "FAIL: openssl s_client TLS 1.1 was not refused: $tls11"; failures=$((failures + 1)); fi
[[ $failures -eq 0 ]] && echo OK || { echo "$failures FAILURES"; exit 1; }

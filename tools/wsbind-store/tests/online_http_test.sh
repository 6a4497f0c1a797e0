#!/bin/sh
# `verify --revocation Online` over real HTTP: demo PKI whose CRL distribution points name a local
# python3 web server that serves the PKI's crl/ directory. Good certificates pass, the revoked one
# fails, and with the server gone validation fails closed naming the URL.
# Usage: online_http_test.sh TOOL PYTHON3 "BACKENDS..."
set -u
TOOL=$1; PY=$2; BACKENDS=$3
DIR=$(mktemp -d "${TMPDIR:-/tmp}/wsbind-store-online.XXXXXX")
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$DIR"; }
trap cleanup EXIT
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS+1)); }

# a free port chosen by the OS
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
URL="http://127.0.0.1:$PORT/"
for backend in $BACKENDS; do
  "$TOOL" --backend "$backend" demo-pki "$DIR/$backend" --key-bits 1024 --crl-base-uri "$URL$backend/crl/" >/dev/null || fail "demo-pki $backend"
done
"$PY" -m http.server "$PORT" --bind 127.0.0.1 --directory "$DIR" >/dev/null 2>&1 &
SERVER=$!
i=0; until "$PY" -c "import urllib.request; urllib.request.urlopen('$URL')" 2>/dev/null; do i=$((i+1)); [ $i -gt 50 ] && break; sleep 0.1; done

for backend in $BACKENDS; do
  V() { "$TOOL" --backend "$backend" --no-system-trust --root "$DIR/$backend/store" verify --mode ChainTrust --revocation Online "$@"; }
  # the store holds the CRLs locally too; remove them so that only HTTP can answer
  rm -rf "$DIR/$backend/store/LocalMachine/CRL" "$DIR/$backend/store/CurrentUser/CRL"
  out=$(V "$DIR/$backend/cohowinery.pem" 2>&1) && echo "ok: $backend accepts Cohowinery.com online" || fail "$backend rejects Cohowinery.com online: $out"
  out=$(V --role service "$DIR/$backend/contoso.pem" 2>&1) && echo "ok: $backend accepts Contoso.com online" || fail "$backend rejects Contoso.com online: $out"
  out=$(V "$DIR/$backend/revoked.pem" 2>&1) && fail "$backend accepts the revoked certificate online" || {
    case "$out" in *Revoked*) echo "ok: $backend rejects the revoked certificate online";; *) fail "$backend: revoked, but says: $out";; esac; }
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=""
for backend in $BACKENDS; do
  out=$("$TOOL" --backend "$backend" --no-system-trust --root "$DIR/$backend/store" verify --mode ChainTrust --revocation Online "$DIR/$backend/cohowinery.pem" 2>&1) &&
    fail "$backend accepts with the CRL server down" || {
    case "$out" in *"$URL$backend/crl/"*) echo "ok: $backend fails closed naming the URL";; *) fail "$backend: server down, but says: $out";; esac; }
done
[ "$FAILS" = 0 ] && echo "all passed" || { echo "$FAILS failed"; exit 1; }

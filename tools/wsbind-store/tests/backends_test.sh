#!/bin/sh
# wsbind-store must carry every crypto backend the build found, and each must work on what the
# others produce. Usage: backends_test.sh TOOL "EXPECTED BACKENDS..." (the list CMake computed).
# Guards against a backend silently dropped from the tool (it happened: the tool's CMake tested a
# pkg-config target name that the build no longer defined, so Botan was left out without a word).
set -u
TOOL=$1; EXPECTED=$2
DIR=$(mktemp -d "${TMPDIR:-/tmp}/wsbind-store-backends.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS+1)); }

got=$("$TOOL" backends | tr '\n' ' ' | sed 's/ *$//')
if [ "$got" = "$EXPECTED" ]; then echo "ok: built in: $got"; else fail "built in: '$got', the build found: '$EXPECTED'"; fi

for maker in $EXPECTED; do
  "$TOOL" --backend "$maker" demo-pki "$DIR/$maker" --key-bits 1024 >/dev/null 2>&1 || { fail "demo-pki with $maker"; continue; }
  for user in $EXPECTED; do
    out=$("$TOOL" --backend "$user" --no-system-trust --root "$DIR/$maker/store" find --location LocalMachine --store My \
          --find-type FindBySubjectName --value Contoso.com 2>&1) || fail "$user finds Contoso.com in $maker's PKI: $out"
    case "$out" in *"CN=Contoso.com"*) echo "ok: $user finds Contoso.com in $maker's PKI";; *) fail "$user find output: $out";; esac
    "$TOOL" --backend "$user" --no-system-trust --root "$DIR/$maker/store" verify --mode ChainTrust --revocation Offline \
        "$DIR/$maker/cohowinery.pem" >/dev/null 2>&1 && echo "ok: $user accepts $maker's Cohowinery.com" || fail "$user rejects $maker's Cohowinery.com"
    "$TOOL" --backend "$user" --no-system-trust --root "$DIR/$maker/store" verify --mode ChainTrust --revocation Offline \
        "$DIR/$maker/revoked.pem" >/dev/null 2>&1 && fail "$user accepts $maker's revoked certificate" || echo "ok: $user rejects $maker's revoked certificate"
  done
done
out=$("$TOOL" --backend nosuch backends 2>&1) || true
out=$("$TOOL" --backend nosuch list --location CurrentUser --store My 2>&1); st=$?
if [ "$st" = 2 ]; then echo "ok: unknown backend is a usage error"; else fail "unknown backend: exit $st"; fi
case "$out" in *"built in: "*) echo "ok: the error lists the built-in backends";; *) fail "error without the built-in list: $out";; esac

[ "$FAILS" = 0 ] && echo "all passed" || { echo "$FAILS failed"; exit 1; }

#!/bin/sh
# CLI test of wsbind-store: demo-pki, list, find, verify (every demo certificate, several modes),
# import of PEM and PFX, remove, and the error paths. Usage: cli_test.sh TOOL BACKEND [OPENSSL]
set -u
TOOL=$1; BACKEND=$2; OPENSSL=${3:-}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/wsbind-store-cli.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
FAILS=0
T() { "$TOOL" --backend "$BACKEND" --no-system-trust "$@"; }
expect() { # expect STATUS DESCRIPTION COMMAND...
  want=$1; what=$2; shift 2
  out=$("$@" 2>&1); got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: $what: exit $got, expected $want"; echo "$out" | sed 's/^/    /'; FAILS=$((FAILS+1)); else echo "ok: $what"; fi
  LAST="$out"
}
contains() { case "$LAST" in *"$1"*) echo "ok: output has '$1'";; *) echo "FAIL: output lacks '$1'"; echo "$LAST" | sed 's/^/    /'; FAILS=$((FAILS+1));; esac; }

expect 0 "demo-pki" T demo-pki "$DIR/pki" --key-bits 2048
export WSBIND_CERT_STORE_ROOT="$DIR/pki/store"
expect 0 "list LocalMachine My" T list --location LocalMachine --store My
contains "CN=Contoso.com, O=Contoso, C=US"
contains "key"
expect 0 "find Contoso.com (seed: FindBySubjectName)" T find --location LocalMachine --store My --find-type FindBySubjectName --value Contoso.com
contains "CN=Contoso.com, O=Contoso, C=US"
TP=$(echo "$LAST" | cut -d' ' -f1)
expect 0 "find by thumbprint" T find --location LocalMachine --store My --find-type FindByThumbprint --value "$TP"
expect 1 "find nothing" T find --location LocalMachine --store My --find-type FindBySubjectName --value Fabrikam
contains "Cannot find the X.509 certificate"
expect 1 "find several" T find --location LocalMachine --store My --find-type FindByIssuerName --value "Issuing CA"
contains "2 certificates in store LocalMachine\\My"
expect 2 "find with an invalid find type" T find --location LocalMachine --store My --find-type FindByName --value x
contains "allowed: FindByThumbprint"
expect 2 "find with a bad thumbprint" T find --location LocalMachine --store My --find-type FindByThumbprint --value "zz"
expect 2 "bad store name" T list --location LocalMachine --store Personal

CRLMAP="--crl-map $DIR/pki/crl"
for mode in ChainTrust PeerOrChainTrust; do
  for rev in NoCheck Offline Online; do
    expect 0 "verify Cohowinery.com $mode $rev" T verify --mode $mode --revocation $rev $CRLMAP "$DIR/pki/cohowinery.pem"
    expect 0 "verify Contoso.com as a service certificate $mode $rev" T verify --role service --mode $mode --revocation $rev $CRLMAP "$DIR/pki/contoso.pem"
  done
done
expect 0 "revoked passes without revocation checking" T verify --mode ChainTrust --revocation NoCheck "$DIR/pki/revoked.pem"
expect 1 "revoked fails offline" T verify --mode ChainTrust --revocation Offline "$DIR/pki/revoked.pem"
contains "Revoked"
expect 1 "revoked fails online" T verify --mode ChainTrust --revocation Online $CRLMAP "$DIR/pki/revoked.pem"
cp -r "$DIR/pki/store" "$DIR/nocrl" && rm -rf "$DIR/nocrl/LocalMachine/CRL"
expect 1 "online without a reachable CRL fails closed" T --root "$DIR/nocrl" verify --mode ChainTrust --revocation Online "$DIR/pki/cohowinery.pem"
contains "RevocationStatusUnknown"
for bad in expired not-yet-valid wrong-usage self-signed unknown-issuer; do
  expect 1 "ChainTrust rejects $bad" T verify --mode ChainTrust --revocation NoCheck "$DIR/pki/$bad.pem"
done
expect 0 "PeerTrust accepts the self-signed certificate in TrustedPeople" T verify --mode PeerTrust --revocation NoCheck "$DIR/pki/self-signed.pem"
expect 1 "PeerTrust rejects Contoso.com" T verify --mode PeerTrust --revocation NoCheck "$DIR/pki/contoso.pem"
expect 0 "None accepts anything" T verify --mode None --revocation NoCheck "$DIR/pki/expired.pem"
expect 1 "a client certificate is not a service certificate" T verify --role service --mode ChainTrust --revocation NoCheck "$DIR/pki/cohowinery.pem"
contains "server authentication"

# import: PEM with --key, then a PFX made by the openssl command line (legacy RC2 and modern)
expect 0 "import PEM + key" T import --location CurrentUser --store TrustedPeople --key "$DIR/pki/contoso.key" "$DIR/pki/contoso.pem"
expect 0 "list TrustedPeople" T list --location CurrentUser --store TrustedPeople
contains "Contoso.com"
if [ -n "$OPENSSL" ]; then
  "$OPENSSL" pkcs12 -export -legacy -in "$DIR/pki/cohowinery.pem" -inkey "$DIR/pki/cohowinery.key" -certfile "$DIR/pki/intermediate-ca.pem" -out "$DIR/legacy.pfx" -passout pass:secret 2>/dev/null
  "$OPENSSL" pkcs12 -export -in "$DIR/pki/contoso.pem" -inkey "$DIR/pki/contoso.key" -out "$DIR/modern.p12" -passout pass:secret 2>/dev/null
  expect 0 "import a legacy (RC2) PFX" T import --location CurrentUser --store AddressBook --password secret "$DIR/legacy.pfx"
  contains "(with private key)"
  expect 0 "import a modern PFX" T import --location CurrentUser --store AddressBook --password secret "$DIR/modern.p12"
  expect 3 "import a PFX with the wrong password" T import --location CurrentUser --store AddressBook --password nope "$DIR/legacy.pfx"
  contains "password"
  expect 0 "list AddressBook" T list --location CurrentUser --store AddressBook
  contains "CN=wsbind Demo Issuing CA"
fi
head -c 300 "$DIR/pki/contoso.pem" > "$DIR/truncated.pem"
expect 3 "import a truncated PEM" T import --location CurrentUser --store AddressBook "$DIR/truncated.pem"
expect 3 "import a key that does not match" T import --location CurrentUser --store AddressBook --key "$DIR/pki/contoso.key" "$DIR/pki/cohowinery.pem"
contains "does not belong"
expect 3 "import a missing file" T import --location CurrentUser --store AddressBook "$DIR/none.pem"
expect 0 "remove" T remove --location LocalMachine --store My --thumbprint "$TP"
expect 1 "find after remove" T find --location LocalMachine --store My --find-type FindByThumbprint --value "$TP"
expect 1 "remove again" T remove --location LocalMachine --store My --thumbprint "$TP"
cp "$DIR/truncated.pem" "$WSBIND_CERT_STORE_ROOT/LocalMachine/My/broken.pem"
expect 0 "list a store with a broken file" T list --location LocalMachine --store My
contains "broken.pem"
expect 2 "usage" T frobnicate
expect 0 "help" "$TOOL" --help

if [ "$FAILS" -ne 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "all passed"

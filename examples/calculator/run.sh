#!/usr/bin/env bash
# Runs the calculator example: starts calculator-service with service.config, runs calculator-client
# with client.config against it (every endpoint: wsHttpBinding and basicHttpBinding), prints the
# results, stops the service. `run.sh https` does the same over HTTPS (security mode Transport, one
# endpoint requiring a client certificate), with a throw-away PKI made by the openssl CLI.
#   run.sh [http|https] [BUILD_DIR]      (BUILD_DIR default: build; the programs must be built)
# WSBIND_CALCULATOR_PORT overrides the port of the configuration files (8000 / 8443).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mode=${1:-http}
build=${2:-$here/../../build}
service=$build/examples/calculator/calculator-service
client=$build/examples/calculator/calculator-client
for p in "$service" "$client"; do
  [[ -x $p ]] || { echo "run.sh: $p is not built (cmake --build $build --target calculator-service calculator-client)" >&2; exit 1; }
done
work=$(mktemp -d)
pid=""
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $mode == https ]]; then
  default_port=8443 service_config=service-https.config client_config=client-https.config
else
  default_port=8000 service_config=service.config client_config=client.config
fi
port=${WSBIND_CALCULATOR_PORT:-$default_port}
sed "s/localhost:$default_port/localhost:$port/g" "$here/$service_config" > "$work/service.config"
sed "s/localhost:$default_port/localhost:$port/g" "$here/$client_config" > "$work/client.config"

service_args=(--config "$work/service.config")
client_args=(--config "$work/client.config")
if [[ $mode == https ]]; then
  (
    cd "$work"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=calculator example CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
    printf 'extendedKeyUsage=clientAuth\n' > client.ext
    for who in server client; do
      openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr -subj "/CN=calculator $who" 2>/dev/null
      openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $who.pem -days 2 -extfile $who.ext 2>/dev/null
    done
  )
  service_args+=(--certificate "$work/server.pem" --key "$work/server.key" --client-ca "$work/ca.pem")
  client_args+=(--ca "$work/ca.pem" --certificate "$work/client.pem" --key "$work/client.key")
fi

echo "\$ calculator-service --config $service_config"
"$service" "${service_args[@]}" < /dev/null > "$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q "The service is ready." "$work/service.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.1
done
sed 's/^/  /' "$work/service.log"
echo "\$ calculator-client --config $client_config"
"$client" "${client_args[@]}"

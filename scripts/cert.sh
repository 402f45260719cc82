#!/usr/bin/env bash
# Makes a self-signed development certificate DIR/cert.pem + DIR/key.pem (kept if present), valid for
# *.desk.localhost, desk.localhost, localhost and 127.0.0.1.
#   scripts/cert.sh DIR
set -euo pipefail
SCRIPT_NAME=cert
. "$(dirname "$0")/lib.sh"

[[ $# -eq 1 ]] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
mkdir -p "$dir"
if [[ -s "$dir/cert.pem" && -s "$dir/key.pem" ]]; then
    exit 0
fi
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 825 \
    -subj "/CN=desk.localhost" \
    -addext "subjectAltName=DNS:*.desk.localhost,DNS:desk.localhost,DNS:localhost,IP:127.0.0.1,IP:::1" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$dir/key.pem.tmp" -out "$dir/cert.pem.tmp" >/dev/null 2>&1 \
    || die "openssl could not make the certificate"
chmod 600 "$dir/key.pem.tmp"
mv "$dir/key.pem.tmp" "$dir/key.pem"
mv "$dir/cert.pem.tmp" "$dir/cert.pem"
log "made $dir/cert.pem (self-signed, *.desk.localhost)"

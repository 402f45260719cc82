#!/usr/bin/env bash
# Installs the Debian 12 packages deskd needs to build, run and test, and checks for Swift.
# Idempotent: when everything is present it only runs dpkg-query and exits (well under a second).
# Must run as root when something is missing (it calls apt-get).
set -euo pipefail

PACKAGES=(
    build-essential pkg-config
    libfcgi-dev libmariadb-dev libssl-dev
    mariadb-server mariadb-client
    nginx openssl curl
    python3 python3-pytest python3-requests python3-venv
    wrk
    chromium chromium-driver python3-selenium libnss3-tools fonts-ipafont-gothic
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "deps: installing ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "deps: missing packages (${missing[*]}); run this script as root" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Swift lives outside apt (/opt/swift on the project machines).
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
if ! swift_version=$(swift --version 2>&1); then
    echo "deps: swift not found (expected at /opt/swift/usr/bin/swift or on PATH); install Swift 6 first" >&2
    exit 1
fi
echo "deps: ok (${swift_version%%$'\n'*})"

#!/usr/bin/env bash
# `make stop`: stops the local stack started by `make run` (nginx, deskd, MariaDB), each by its pid file.
set -euo pipefail
SCRIPT_NAME=stop
. "$(dirname "$0")/lib.sh"
RUN="$ROOT/.run"

"$ROOT/scripts/nginx.sh" stop "$RUN/nginx"
stop_pid deskd "$RUN/deskd.pid" 20
rm -f "$RUN/deskd.sock"
if [[ -d "$RUN/mariadb" ]]; then
    "$ROOT/scripts/mariadb.sh" stop "$RUN/mariadb"
fi

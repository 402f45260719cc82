#!/usr/bin/env bash
# `make run`: the whole local stack — MariaDB (five region databases on one private server, unix socket
# only), deskd (release build) and nginx on https://{us,eu,in,au,cn}.desk.localhost:8443/.
# Everything lives under .run/; running again keeps the data and starts only what is not running.
set -euo pipefail
SCRIPT_NAME=run
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

RUN="$ROOT/.run"
HTTPS_PORT=${DESKD_HTTPS_PORT:-8443}
HTTP_PORT=${DESKD_HTTP_PORT:-8080}
REGIONS=(us eu in au cn)
export DESKD_DB_PASSWORD=${DESKD_DB_PASSWORD:-deskd-dev}
export DESKD_DATABASES="desk_us desk_eu desk_in desk_au desk_cn"

"$ROOT/scripts/deps.sh"
build_release

mkdir -p "$RUN"
"$ROOT/scripts/mariadb.sh" start "$RUN/mariadb"

CONFIG="$RUN/deskd.toml"
if [[ ! -f "$CONFIG" ]]; then
    {
        echo "# deskd development configuration, written by scripts/run.sh (edit freely; kept on later runs)."
        echo "[server]"
        echo "socket = \"$RUN/deskd.sock\""
        echo "workers = 32"
        echo "diagnostics = false"
        echo "max_body_bytes = 26214400"
        echo "drain_timeout_seconds = 10"
        echo
        echo "[database]"
        echo "migrations = \"$ROOT/sql\""
        echo
        echo "[log]"
        echo "level = \"info\""
        echo
        echo "# Help-center emails are written to this folder (one .eml file each) instead of being sent."
        echo "[mail]"
        echo "sink_directory = \"$RUN/mail\""
        for r in "${REGIONS[@]}"; do
            echo
            echo "[regions.$r]"
            echo "hosts = [\"$r.desk.localhost\"]"
            echo "dsn = \"mariadb://deskd:$DESKD_DB_PASSWORD@localhost/desk_$r?socket=$RUN/mariadb/mysqld.sock\""
        done
    } >"$CONFIG"
    log "wrote $CONFIG"
fi
export DESKD_CONFIG="$CONFIG"

"$BIN" config check
"$BIN" db migrate --all

# The demo tenant, created once: portal demo in region eu, administrator admin@demo.example.
if ! "$BIN" org show --region eu --portal demo >/dev/null 2>&1; then
    "$BIN" org create --region eu --portal demo --name "Demo" --admin-email admin@demo.example \
        --admin-last-name Admin
fi

# deskd: restart when the binary is newer than the running process.
if pid_alive "$RUN/deskd.pid" && [[ "$BIN" -nt "$RUN/deskd.pid" ]]; then
    log "binary rebuilt: restarting deskd"
    stop_pid deskd "$RUN/deskd.pid" 20
fi
if pid_alive "$RUN/deskd.pid"; then
    log "deskd already running (pid $(<"$RUN/deskd.pid"))"
else
    rm -f "$RUN/deskd.sock"
    setsid "$BIN" serve --config "$CONFIG" </dev/null >>"$RUN/deskd.log" 2>&1 &
    echo $! >"$RUN/deskd.pid"
    socket_ready() { [[ -S "$RUN/deskd.sock" ]] || ! kill -0 "$(<"$RUN/deskd.pid")" 2>/dev/null; }
    wait_for 20 "deskd socket" socket_ready
    if ! pid_alive "$RUN/deskd.pid" || [[ ! -S "$RUN/deskd.sock" ]]; then
        tail -n 20 "$RUN/deskd.log" >&2 || true
        die "deskd did not start (log $RUN/deskd.log)"
    fi
    log "deskd started (pid $(<"$RUN/deskd.pid"), log $RUN/deskd.log)"
fi

"$ROOT/scripts/nginx.sh" start "$RUN/nginx" "$HTTPS_PORT" "$HTTP_PORT" "$RUN/deskd.sock" "$RUN/tls"

cat <<MSG

deskd is running:
$(for r in "${REGIONS[@]}"; do echo "  https://$r.desk.localhost:$HTTPS_PORT/"; done)
  (self-signed certificate: $RUN/tls/cert.pem; *.localhost resolves to 127.0.0.1 in most browsers,
   for curl add --resolve or -H 'Host: us.desk.localhost' https://127.0.0.1:$HTTPS_PORT/...)

Demo org: portal demo in region eu, administrator admin@demo.example; "make token" prints an access token:
          curl --cacert $RUN/tls/cert.pem -H "Authorization: Zoho-oauthtoken \$(make -s token)" \\
               --resolve eu.desk.localhost:$HTTPS_PORT:127.0.0.1 https://eu.desk.localhost:$HTTPS_PORT/api/v1/tickets
Help center: https://eu.desk.localhost:$HTTPS_PORT/portal/demo/ (sign-up and reset emails land in $RUN/mail/)
Health:   curl --cacert $RUN/tls/cert.pem https://127.0.0.1:$HTTPS_PORT/healthz -H 'Host: us.desk.localhost'
Config:   $CONFIG   (DESKD_CONFIG=$CONFIG $BIN …)
Logs:     $RUN/deskd.log  $RUN/nginx/error.log  $RUN/nginx/access.log  $RUN/mariadb/error.log
Stop:     make stop
MSG

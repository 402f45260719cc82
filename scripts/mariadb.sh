#!/usr/bin/env bash
# A private MariaDB server for development and tests, independent of the system one.
#
#   scripts/mariadb.sh start DIR [PORT]   initialise DIR/data if new, start mariadbd, create databases and user
#   scripts/mariadb.sh stop DIR           stop it (SIGTERM by pid file, bounded wait)
#   scripts/mariadb.sh status DIR         exit 0 when it answers a ping
#
# Without PORT the server listens on the unix socket DIR/mysqld.sock only (--skip-networking); with PORT it
# also listens on 127.0.0.1:PORT. Databases come from DESKD_DATABASES (space separated, e.g.
# "desk_us desk_eu"); the user deskd@localhost and deskd@127.0.0.1 gets every right on `desk\_%`, with the
# password DESKD_DB_PASSWORD (default "deskd-dev"). Root logs in over the socket without a password.
# Starting again keeps the data. Log: DIR/error.log.
set -euo pipefail
SCRIPT_NAME=mariadb
. "$(dirname "$0")/lib.sh"

usage() { echo "usage: $0 start DIR [PORT] | stop DIR | status DIR" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
port=${3:-}
socket="$dir/mysqld.sock"
pidfile="$dir/mysqld.pid"
password=${DESKD_DB_PASSWORD:-deskd-dev}
start_bound=${MARIADB_START_TIMEOUT:-30}

client() { mariadb --no-defaults --socket="$socket" -uroot "$@"; }
ping() { mariadb-admin --no-defaults --socket="$socket" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
# True when the server answers, or when the process we launched has already exited (no point waiting).
ping_or_exited() { ping || ! kill -0 "$1" 2>/dev/null; }
run_user() { if [[ $(id -u) -eq 0 ]]; then echo root; else id -un; fi; }

sql_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

provision() {
    local sql="" db pw
    for db in ${DESKD_DATABASES:-}; do
        [[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || die "bad database name: $db"
        sql+="CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    done
    pw=$(sql_quote "$password")
    for host in localhost 127.0.0.1; do
        sql+="CREATE USER IF NOT EXISTS 'deskd'@'$host' IDENTIFIED BY $pw;"
        sql+="ALTER USER 'deskd'@'$host' IDENTIFIED BY $pw;"
        sql+="GRANT ALL PRIVILEGES ON \`desk\\_%\`.* TO 'deskd'@'$host';"
    done
    client -e "$sql"
}

start() {
    if pid_alive "$pidfile" && ping; then
        log "already running (pid $(<"$pidfile"), socket $socket)"
        provision
        return 0
    fi
    rm -f "$pidfile" "$socket"
    if [[ ! -d "$dir/data/mysql" ]]; then
        log "initialising $dir/data"
        rm -rf "$dir/data"
        mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(run_user)" \
            --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
            || { cat "$dir/install.log" >&2; die "mariadb-install-db failed (log: $dir/install.log)"; }
    fi
    local net=(--skip-networking)
    [[ -n "$port" ]] && net=(--bind-address=127.0.0.1 --port="$port")
    # setsid: the server must not die with the shell (or test session) that started it.
    setsid mariadbd --no-defaults --datadir="$dir/data" --socket="$socket" --pid-file="$pidfile" \
        "${net[@]}" --user="$(run_user)" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --log-error="$dir/error.log" --innodb-buffer-pool-size=64M \
        ${MARIADB_EXTRA_ARGS:-} </dev/null >/dev/null 2>&1 &
    local launched=$!
    if ! wait_for "$start_bound" "mariadb ping" ping_or_exited "$launched" || ! ping; then
        kill "$launched" 2>/dev/null || true
        tail -n 20 "$dir/error.log" >&2 || true
        die "mariadbd did not start within ${start_bound}s (log: $dir/error.log)"
    fi
    wait_for 5 "pid file" test -s "$pidfile" || echo "$launched" >"$pidfile"
    provision
    log "started (pid $(<"$pidfile"), socket $socket${port:+, 127.0.0.1:$port})"
}

case "$cmd" in
    start) start ;;
    stop) stop_pid mariadbd "$pidfile" 60; rm -f "$socket" ;;
    status) if ping; then log "running (pid $(cat "$pidfile" 2>/dev/null || echo ?))"; else log "not running"; exit 1; fi ;;
    *) usage ;;
esac

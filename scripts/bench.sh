#!/usr/bin/env bash
# `make bench`: deskd's GET /livez against a minimal C libfcgi responder (bench/c_responder.c), both
# behind the same nginx with the same FastCGI keep-alive settings, measured with wrk in the same run.
# Prints requests/s, p50 and p99 for each, alternating over BENCH_ROUNDS rounds (default 3), and the
# median ratio deskd / C (target ≥ 0.8). Not a test: it asserts nothing. State under .run/bench (MariaDB
# data kept between runs).
# deskd runs at log level info, as in production: one access-log line per request is part of the cost.
# BENCH_LOG_LEVEL=warning measures it without access logging.
set -euo pipefail
SCRIPT_NAME=bench
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

BENCH="$ROOT/.run/bench"
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
WORKERS=${BENCH_WORKERS:-32}
LOG_LEVEL=${BENCH_LOG_LEVEL:-info}
ROUNDS=${BENCH_ROUNDS:-3}
export DESKD_DB_PASSWORD=${DESKD_DB_PASSWORD:-deskd-bench}
export DESKD_DATABASES="desk_us"

"$ROOT/scripts/deps.sh"
build_release
mkdir -p "$BENCH/tmp"
log "building the C baseline responder"
gcc -O2 -Wall -o "$BENCH/c_responder" "$ROOT/bench/c_responder.c" -lfcgi -lpthread

# Unix socket paths are limited to 107 bytes: sockets live in a short temporary folder.
SOCKDIR=$(mktemp -d /tmp/deskd-bench.XXXXXX)
DESKD_SOCKET="$SOCKDIR/deskd.sock"
C_SOCKET="$SOCKDIR/c.sock"

cleanup() {
    local status=$?
    stop_pid nginx "$BENCH/nginx.pid" 15 || true
    stop_pid c_responder "$BENCH/c_responder.pid" 10 || true
    stop_pid deskd "$BENCH/deskd.pid" 20 || true
    "$ROOT/scripts/mariadb.sh" stop "$BENCH/mariadb" || true
    rm -rf "$SOCKDIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ROOT/scripts/mariadb.sh" start "$BENCH/mariadb"

cat >"$BENCH/deskd.toml" <<TOML
[server]
socket = "$DESKD_SOCKET"
workers = $WORKERS
diagnostics = false
max_body_bytes = 26214400
drain_timeout_seconds = 10

[database]
migrations = "$ROOT/sql"

[log]
level = "$LOG_LEVEL"

[regions.us]
hosts = ["us.desk.localhost"]
dsn = "mariadb://deskd:$DESKD_DB_PASSWORD@localhost/desk_us?socket=$BENCH/mariadb/mysqld.sock"
TOML
"$BIN" db migrate --all --config "$BENCH/deskd.toml" >/dev/null

setsid "$BIN" serve --config "$BENCH/deskd.toml" </dev/null >"$BENCH/deskd.log" 2>&1 &
echo $! >"$BENCH/deskd.pid"
setsid "$BENCH/c_responder" "$C_SOCKET" "$WORKERS" </dev/null >"$BENCH/c_responder.log" 2>&1 &
echo $! >"$BENCH/c_responder.pid"
wait_for 20 "sockets" test -S "$DESKD_SOCKET" -a -S "$C_SOCKET" \
    || die "responders did not start (logs $BENCH/deskd.log, $BENCH/c_responder.log)"

DESKD_PORT=$(free_port)
C_PORT=$(free_port)
while [[ "$C_PORT" == "$DESKD_PORT" ]]; do C_PORT=$(free_port); done
mkdir -p "$BENCH/snippets"
ln -sfn "$ROOT/nginx/snippets" "$BENCH/snippets/deskd"
sed -e "s|@PREFIX@|$BENCH|g" -e "s|@DESKD_SOCKET@|$DESKD_SOCKET|g" -e "s|@C_SOCKET@|$C_SOCKET|g" \
    -e "s|@DESKD_PORT@|$DESKD_PORT|g" -e "s|@C_PORT@|$C_PORT|g" \
    -e "s|@USER@|$(id -un)|g" -e "s|@GROUP@|$(id -gn)|g" \
    "$ROOT/bench/nginx.conf.template" >"$BENCH/nginx.conf"
rm -f "$BENCH/nginx.pid"
nginx -e "$BENCH/error.log" -p "$BENCH" -c "$BENCH/nginx.conf" || die "nginx did not start ($BENCH/error.log)"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for 10 "nginx" port_open "$DESKD_PORT" || die "nginx not listening"

C_URL="http://127.0.0.1:$C_PORT/livez"
DESKD_URL="http://127.0.0.1:$DESKD_PORT/livez"
HOST_HEADER="Host: us.desk.localhost"
for url in "$C_URL" "$DESKD_URL"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$HOST_HEADER" "$url")
    [[ "$code" == 200 ]] || die "$url answered $code, not 200"
done

log "warming up (3s each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "$HOST_HEADER" "$C_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "$HOST_HEADER" "$DESKD_URL" >/dev/null

measure() { # NAME URL → prints "rps p50 p99", keeps wrk's report in BENCH/wrk-NAME.txt
    local name=$1 url=$2 report="$BENCH/wrk-$1.txt"
    log "measuring $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $url" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$HOST_HEADER" "$url" >"$report"
    if grep -q "Non-2xx" "$report"; then
        log "warning: $name had non-2xx responses: $(grep Non-2xx "$report")" >&2
    fi
    awk '/Requests\/sec:/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}' "$report"
}

# The machine's speed drifts (shared cores): measure C and deskd alternately, ROUNDS times, and report
# each round and the median of the per-round ratios.
printf '%-8s %-22s %12s %10s %10s\n' "round" "responder" "requests/s" "p50" "p99"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
    read -r C_RPS C_P50 C_P99 < <(measure "c-$round" "$C_URL")
    read -r D_RPS D_P50 D_P99 < <(measure "deskd-$round" "$DESKD_URL")
    printf '%-8s %-22s %12s %10s %10s\n' "$round" "C libfcgi baseline" "$C_RPS" "$C_P50" "$C_P99"
    printf '%-8s %-22s %12s %10s %10s\n' "$round" "deskd GET /livez" "$D_RPS" "$D_P50" "$D_P99"
    ratios+=("$(awk -v d="$D_RPS" -v c="$C_RPS" 'BEGIN { if (c > 0) printf "%.3f", d / c; else print 0 }')")
done
RATIO=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "%.2f", r[int((NR + 1) / 2)] }')
echo
echo "per-round ratios deskd / C: ${ratios[*]}"
echo "ratio deskd / C (median of $ROUNDS rounds): $RATIO (target >= 0.8)   deskd log level $LOG_LEVEL; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; reports in $BENCH/wrk-*.txt"

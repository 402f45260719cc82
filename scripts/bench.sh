#!/usr/bin/env bash
# `make bench`: deskd against minimal C libfcgi responders, all behind the same nginx with the same FastCGI
# keep-alive settings, measured with wrk in the same run. Not a test: it asserts nothing. State under
# .run/bench (MariaDB data, the bench tenant and its tickets are kept between runs).
#
# 1. GET /livez against bench/c_responder.c (a fixed body), BENCH_CONNECTIONS (32) connections: requests/s,
#    p50, p99, and the median ratio deskd / C (target ≥ 0.8).
# 2. The agent API's ticket routes on a tenant of BENCH_TICKETS (200,000) tickets (org `bench` in region us,
#    loaded once with one INSERT … SELECT FROM seq_1_to_N), BENCH_TICKET_CONNECTIONS (16) connections:
#    GET /api/v1/tickets/{id} (random ids, bench/random_ticket.lua), GET /api/v1/tickets?limit=50 and
#    POST /api/v1/tickets (bench/create_ticket.lua), against bench/c_responder_db.c, which runs one
#    primary-key SELECT per request on its own connection per thread. Prints requests/s, p50, p99, the
#    median ratio GET /tickets/{id} / C-with-SELECT (target ≥ 0.6) and POST /tickets requests/s against
#    the target 3,000/s. Every POST creates a ticket: the tenant grows by that many tickets during a run, and
#    the next run starts by deleting them again (back to the loaded tickets).
# 3. Record visibility: GET /api/v1/tickets?limit=50 as an agent with `private` ticket sharing against the
#    same list as the administrator, same tenant, same connections. The tenant gets (once, with SQL, like the
#    tickets; bench/access_setup.sh) a role tree CEO → two managers → three agent roles, BENCH_AGENTS (20)
#    agents with the built-in Agent profile spread over them, each loaded ticket assigned to the bench agent
#    number (id mod BENCH_AGENTS), and tickets set to `private`. The agent measured is the first manager: it
#    sees its own tickets and those of the three agents of its agent role (4 of 20 agents, 20% of the loaded
#    tickets). Prints how many tickets each one sees (a warning when the agent sees all: record visibility is
#    not applied to lists), requests/s, p50, p99 and the median ratio of time per request agent /
#    administrator (target <= 1.5).
# The parts repeat over BENCH_ROUNDS rounds (default 3; the ticket and visibility parts BENCH_TICKET_ROUNDS,
# default BENCH_ROUNDS). Within a round, a responder and the baseline it is compared with run for
# BENCH_DURATION (10s, an even number of seconds) each, in 1 s slices in the order A B B A A B B A …: this
# host's speed drifts by up to ±20% within seconds, and slices this short make a drift slow both alike
# instead of deciding the ratio (two 5 s halves A B B A still left single rounds anywhere from 0.59 to 0.81
# for the same binaries). Requests/s are over all slices; p50 and p99 are the median of the slices' values.
# deskd runs at log level info, as in production: one access-log line per request is part of the cost.
# BENCH_LOG_LEVEL=warning measures it without access logging.
# BENCH_PROFILE=1 records a CPU profile of deskd during each deskd ticket measurement of round 1
# (`perf record -e cpu-clock -g`, into BENCH/perf-NAME.data; read with `perf report -i …`). Profiling slows
# deskd: numbers of a profiled round are not comparable.
set -euo pipefail
SCRIPT_NAME=bench
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

BENCH="$ROOT/.run/bench"
DURATION=${BENCH_DURATION:-10s}
[[ "$DURATION" =~ ^([1-9][0-9]*)s$ && ${BASH_REMATCH[1]} -ge 2 && $((BASH_REMATCH[1] % 2)) -eq 0 ]] \
    || { echo "bench: BENCH_DURATION must be an even number of whole seconds, at least 2s (e.g. 10s)" >&2; exit 2; }
SLICES=${DURATION%s}   # responders measured against each other run in this many 1 s slices each
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
WORKERS=${BENCH_WORKERS:-32}
LOG_LEVEL=${BENCH_LOG_LEVEL:-info}
ROUNDS=${BENCH_ROUNDS:-3}
TICKET_ROUNDS=${BENCH_TICKET_ROUNDS:-$ROUNDS}
TICKET_CONNECTIONS=${BENCH_TICKET_CONNECTIONS:-16}
export BENCH_TICKETS=${BENCH_TICKETS:-200000}   # read by bench/random_ticket.lua too
[[ "$BENCH_TICKETS" =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_TICKETS must be a positive integer" >&2; exit 2; }
PORTAL=bench
ADMIN_EMAIL=admin@bench.example
BENCH_AGENTS=${BENCH_AGENTS:-20}
[[ "$BENCH_AGENTS" =~ ^[1-9][0-9]*$ && "$BENCH_AGENTS" -ge 5 ]] || { echo "bench: BENCH_AGENTS must be >= 5" >&2; exit 2; }
export DESKD_DB_PASSWORD=${DESKD_DB_PASSWORD:-deskd-bench}
export DESKD_DATABASES="desk_us"
# 200,000 tickets and their indexes do not fit the 64 MB buffer pool of the dev server.
export MARIADB_EXTRA_ARGS=${MARIADB_EXTRA_ARGS:---innodb-buffer-pool-size=256M}

"$ROOT/scripts/deps.sh"
build_release
mkdir -p "$BENCH/tmp"
log "building the C baseline responder"
gcc -O2 -Wall -o "$BENCH/c_responder" "$ROOT/bench/c_responder.c" "$ROOT/bench/fcgi_threads.c" -lfcgi -lpthread
# shellcheck disable=SC2046 # pkg-config's output is a list of flags
gcc -O2 -Wall -o "$BENCH/c_responder_db" "$ROOT/bench/c_responder_db.c" "$ROOT/bench/fcgi_threads.c" \
    $(pkg-config --cflags --libs libmariadb) -lfcgi -lpthread

# Unix socket paths are limited to 107 bytes: sockets live in a short temporary folder.
SOCKDIR=$(mktemp -d /tmp/deskd-bench.XXXXXX)
DESKD_SOCKET="$SOCKDIR/deskd.sock"
C_SOCKET="$SOCKDIR/c.sock"
C_DB_SOCKET="$SOCKDIR/c-db.sock"

cleanup() {
    local status=$?
    stop_pid nginx "$BENCH/nginx.pid" 15 || true
    stop_pid c_responder "$BENCH/c_responder.pid" 10 || true
    stop_pid c_responder_db "$BENCH/c_responder_db.pid" 10 || true
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

# The bench tenant: created once, kept between runs (`org show` exits 1 when the portal is missing).
DB_SOCKET="$BENCH/mariadb/mysqld.sock"
sql() { mariadb --no-defaults --socket="$DB_SOCKET" -uroot --batch --skip-column-names desk_us "$@"; }
if ! org_line=$("$BIN" org show --config "$BENCH/deskd.toml" --region us --portal "$PORTAL" 2>/dev/null); then
    log "creating the bench org (portal $PORTAL, region us)"
    "$BIN" org create --config "$BENCH/deskd.toml" --region us --portal "$PORTAL" --name "Bench" \
        --admin-email "$ADMIN_EMAIL" >/dev/null
    org_line=$("$BIN" org show --config "$BENCH/deskd.toml" --region us --portal "$PORTAL")
fi
ORG_ID=$(sed -n 's/^org \([0-9][0-9]*\):.*/\1/p' <<<"$org_line")
[[ -n "$ORG_ID" ]] || die "cannot read the org id from: $org_line"
TOKEN=$("$BIN" token create --config "$BENCH/deskd.toml" --region us --portal "$PORTAL" \
    --agent "$ADMIN_EMAIL" --ttl 2h)
[[ -n "$TOKEN" ]] || die "deskd token create printed no token"
AUTH_HEADER="Authorization: Zoho-oauthtoken $TOKEN"

# Tickets 1…BENCH_TICKETS: ids are seq itself, far below the generator's range (an ID made now is over
# 2^50; these decode to 2024-01-01), ticket numbers too; created times spread over a year, a status,
# priority and channel mix. One statement, so a run either loads them all or none.
loaded=$(sql -e "SELECT COUNT(*) FROM tickets WHERE org_id = $ORG_ID AND id BETWEEN 1 AND $BENCH_TICKETS")
if ((loaded < BENCH_TICKETS)); then
    log "loading $BENCH_TICKETS tickets into org $ORG_ID (once; $loaded there)"
    load_start=$SECONDS
    sql -e "
        INSERT IGNORE INTO tickets (org_id, id, ticket_number, subject, description, status, priority, channel,
                                    email, assignee_id, due_date, created_at, updated_at, version)
        SELECT $ORG_ID, seq, seq,
               CONCAT('Bench ticket ', seq, ': ', ELT(1 + seq % 4, 'cannot sign in', 'invoice question',
                      'printer offline', 'feature request')),
               IF(seq % 3 = 0, NULL, CONCAT('Loaded by make bench (ticket ', seq, ').')),
               ELT(1 + seq % 10, 'Open', 'Open', 'Open', 'On Hold', 'Escalated',
                   'Closed', 'Closed', 'Closed', 'Closed', 'Closed'),
               ELT(1 + seq % 5, 'Low', 'Medium', 'High', 'Urgent', NULL),
               ELT(1 + seq % 5, 'Email', 'Phone', 'Web', 'Chat', 'Forums'),
               CONCAT('customer', seq % 5000, '@example.com'),
               NULL,
               IF(seq % 7 = 0, TIMESTAMP('2025-01-01') + INTERVAL (seq % 365) DAY, NULL),
               TIMESTAMP('2025-01-01') + INTERVAL (seq * 31536 DIV $BENCH_TICKETS) * 1000 SECOND
                   + INTERVAL seq % 1000 SECOND,
               TIMESTAMP('2025-01-01') + INTERVAL (seq * 31536 DIV $BENCH_TICKETS) * 1000 SECOND
                   + INTERVAL seq % 1000 SECOND + INTERVAL seq % 86400 SECOND,
               1 + seq % 3
        FROM seq_1_to_$BENCH_TICKETS"
    log "loaded in $((SECONDS - load_start))s"
fi
# Every run measures the same tenant: the tickets earlier runs created through POST (ids far above the
# loaded ones) and their audit rows go first, in batches of 50,000 rows (short transactions).
delete_batches() { # TABLE CONDITION — repeats a 50,000-row DELETE until none is left
    local deleted=1
    while ((deleted > 0)); do
        deleted=$(sql -e "DELETE FROM $1 WHERE org_id = $ORG_ID AND $2 LIMIT 50000; SELECT ROW_COUNT()")
    done
}
created=$(sql -e "SELECT COUNT(*) FROM tickets WHERE org_id = $ORG_ID AND id > $BENCH_TICKETS")
if ((created > 0)); then
    log "removing $created tickets created by earlier runs"
    delete_batches audit_log "record_type = 'ticket' AND record_id > $BENCH_TICKETS"
    delete_batches tickets "id > $BENCH_TICKETS"
fi
# InnoDB purges deleted rows and their index entries in the background; measuring while it works would
# measure the purge too (stalls of hundreds of milliseconds in POST's p99). Wait until it is done.
purge_start=$SECONDS
history=$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'" | awk '{print $2}')
while ((history > 0 && SECONDS - purge_start < 600)); do
    log "waiting for InnoDB to purge the deleted rows (history list length $history)"
    sleep 5
    history=$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'" | awk '{print $2}')
done
((history == 0)) || log "warning: InnoDB's purge is still behind after 600 s (history list length $history)"
# API creates take ticket numbers from ticket_number_blocks: start them after the loaded ones.
sql -e "
    INSERT INTO ticket_number_blocks (org_id, next_number, updated_at)
    VALUES ($ORG_ID, $((BENCH_TICKETS + 1)), UTC_TIMESTAMP(6))
    ON DUPLICATE KEY UPDATE next_number = GREATEST(next_number, VALUES(next_number))"

# Part 3's access model (idempotent, kept between runs): roles, agents, ticket assignees, private sharing.
. "$ROOT/bench/access_setup.sh"
bench_access_setup

setsid "$BIN" serve --config "$BENCH/deskd.toml" </dev/null >"$BENCH/deskd.log" 2>&1 &
echo $! >"$BENCH/deskd.pid"
setsid "$BENCH/c_responder" "$C_SOCKET" "$WORKERS" </dev/null >"$BENCH/c_responder.log" 2>&1 &
echo $! >"$BENCH/c_responder.pid"
setsid "$BENCH/c_responder_db" "$C_DB_SOCKET" "$WORKERS" "$DB_SOCKET" deskd desk_us "$ORG_ID" \
    </dev/null >"$BENCH/c_responder_db.log" 2>&1 &
echo $! >"$BENCH/c_responder_db.pid"
wait_for 20 "sockets" test -S "$DESKD_SOCKET" -a -S "$C_SOCKET" -a -S "$C_DB_SOCKET" \
    || die "responders did not start (logs $BENCH/deskd.log, $BENCH/c_responder.log, $BENCH/c_responder_db.log)"

DESKD_PORT=$(free_port)
C_PORT=$(free_port)
while [[ "$C_PORT" == "$DESKD_PORT" ]]; do C_PORT=$(free_port); done
C_DB_PORT=$(free_port)
while [[ "$C_DB_PORT" == "$DESKD_PORT" || "$C_DB_PORT" == "$C_PORT" ]]; do C_DB_PORT=$(free_port); done
mkdir -p "$BENCH/snippets"
ln -sfn "$ROOT/nginx/snippets" "$BENCH/snippets/deskd"
sed -e "s|@PREFIX@|$BENCH|g" -e "s|@DESKD_SOCKET@|$DESKD_SOCKET|g" -e "s|@C_SOCKET@|$C_SOCKET|g" \
    -e "s|@C_DB_SOCKET@|$C_DB_SOCKET|g" -e "s|@C_DB_PORT@|$C_DB_PORT|g" \
    -e "s|@DESKD_PORT@|$DESKD_PORT|g" -e "s|@C_PORT@|$C_PORT|g" \
    -e "s|@USER@|$(id -un)|g" -e "s|@GROUP@|$(id -gn)|g" \
    "$ROOT/bench/nginx.conf.template" >"$BENCH/nginx.conf"
rm -f "$BENCH/nginx.pid"
nginx -e "$BENCH/error.log" -p "$BENCH" -c "$BENCH/nginx.conf" || die "nginx did not start ($BENCH/error.log)"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for 10 "nginx" port_open "$DESKD_PORT" || die "nginx not listening"
wait_for 10 "nginx" port_open "$C_DB_PORT" || die "nginx not listening on $C_DB_PORT"

C_URL="http://127.0.0.1:$C_PORT/livez"
DESKD_URL="http://127.0.0.1:$DESKD_PORT/livez"
HOST_HEADER="Host: us.desk.localhost"
for url in "$C_URL" "$DESKD_URL"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$HOST_HEADER" "$url")
    [[ "$code" == 200 ]] || die "$url answered $code, not 200"
done
# The ticket routes answer before anything is measured.
API="http://127.0.0.1:$DESKD_PORT/api/v1"
C_DB_URL="http://127.0.0.1:$C_DB_PORT/ticket?id="   # random_ticket.lua appends the id to the URL's path
GET_URL="$API/tickets/"
LIST_URL="$API/tickets?limit=50"
POST_URL="$API/tickets"
check() { # EXPECTED CURL ARGS… — die unless the request answers EXPECTED
    local expected=$1 code
    shift
    code=$(curl -s -m 10 -o "$BENCH/check.json" -w '%{http_code}' -H "$HOST_HEADER" "$@") || true
    [[ "$code" == "$expected" ]] || die "${*: -1} answered $code, not $expected: $(head -c 300 "$BENCH/check.json")"
}
check 200 "${C_DB_URL}1"
check 200 -H "$AUTH_HEADER" "${GET_URL}1"
check 200 -H "$AUTH_HEADER" "${GET_URL}$BENCH_TICKETS"
check 200 -H "$AUTH_HEADER" "$LIST_URL"
check 200 -H "$AGENT_AUTH_HEADER" "$LIST_URL"
check 200 -H "$AUTH_HEADER" -H "Content-Type: application/json" \
    --data-binary '{"subject":"make bench check","channel":"Web"}' "$POST_URL"

log "warming up (3s each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "$HOST_HEADER" "$C_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "$HOST_HEADER" "$DESKD_URL" >/dev/null

measure() { # NAME CONNECTIONS URL [WRK ARGS…] → prints "rps p50 p99", keeps wrk's report in BENCH/wrk-NAME.txt
    local name=$1 connections=$2 url=$3 report="$BENCH/wrk-$1.txt"
    shift 3
    [[ -n "${QUIET:-}" ]] || log "measuring $name: wrk -t$THREADS -c$connections -d$DURATION --latency $* $url" >&2
    local perf_pid=""
    if [[ "${BENCH_PROFILE:-0}" == 1 && "$name" =~ ^(get-ticket-1-a|list-tickets-1|post-ticket-1)$ ]]; then
        perf record -q -e cpu-clock -g -p "$(<"$BENCH/deskd.pid")" -o "$BENCH/perf-$name.data" \
            >/dev/null 2>&1 &
        perf_pid=$!
    fi
    # wrk stops by itself after DURATION; `timeout` only bounds a hung run.
    timeout 120 wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency -H "$HOST_HEADER" "$@" "$url" \
        >"$report" || log "warning: wrk for $name exited with status $?" >&2
    if [[ -n "$perf_pid" ]]; then
        kill -INT "$perf_pid" 2>/dev/null || true
        wait "$perf_pid" 2>/dev/null || true
        log "profile of $name: perf report -i $BENCH/perf-$name.data" >&2
    fi
    if grep -q "Non-2xx" "$report"; then
        log "warning: $name had non-2xx responses: $(grep Non-2xx "$report")" >&2
    fi
    if grep -q "Socket errors" "$report"; then
        log "warning: $name had socket errors: $(grep "Socket errors" "$report")" >&2
    fi
    awk '/Requests\/sec:/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps+0, p50, p99}' "$report"
}
median() { sort -n | awk '{ r[NR] = $1 } END { printf "%.2f", r[int((NR + 1) / 2)] }'; }

# measure_pair NAME_A NAME_B CONNECTIONS URL_A ARGS_A URL_B ARGS_B (ARGS_*: names of arrays of wrk args)
# A responder and its baseline for DURATION each, in 1 s slices in the order A B B A A B B A … (see the
# header; reports wrk-NAME_A-s1.txt … wrk-NAME_A-sN.txt, the same for NAME_B). Prints "rpsA p50A p99A rpsB
# p50B p99B": requests/s over all slices, and the median of the slices' p50 and p99.
measure_pair() {
    local name_a=$1 name_b=$2 connections=$3 url_a=$4 url_b=$6
    local -n pair_args_a=$5 pair_args_b=$7
    local slice a_results=() b_results=()
    log "measuring $name_a against $name_b: $SLICES 1 s slices each, A B B A …:" \
        "wrk -t$THREADS -c$connections -d1s --latency ${pair_args_a[*]} $url_a | ${pair_args_b[*]} $url_b" >&2
    for ((slice = 1; slice <= SLICES; slice++)); do
        if ((slice % 2 == 1)); then
            a_results+=("$(QUIET=1 DURATION=1s measure "$name_a-s$slice" "$connections" "$url_a" "${pair_args_a[@]}")")
            b_results+=("$(QUIET=1 DURATION=1s measure "$name_b-s$slice" "$connections" "$url_b" "${pair_args_b[@]}")")
        else
            b_results+=("$(QUIET=1 DURATION=1s measure "$name_b-s$slice" "$connections" "$url_b" "${pair_args_b[@]}")")
            a_results+=("$(QUIET=1 DURATION=1s measure "$name_a-s$slice" "$connections" "$url_a" "${pair_args_a[@]}")")
        fi
    done
    printf '%s %s\n' "$(printf '%s\n' "${a_results[@]}" | combine_slices)" \
        "$(printf '%s\n' "${b_results[@]}" | combine_slices)"
}
# combine_slices: lines "rps p50 p99" of 1 s slices → "rps p50 p99": mean requests/s, median p50 and p99
combine_slices() {
    awk '
        function us(t) {   # wrk latency text (850.00us, 1.23ms, 1.02s) in microseconds
            if (t ~ /us$/) return t + 0
            if (t ~ /ms$/) return t * 1000
            if (t ~ /s$/) return t * 1000000
            return t + 0
        }
        function text(v) { return v >= 1000 ? sprintf("%.2fms", v / 1000) : sprintf("%.2fus", v) }
        function median(values, n,    i, j, t) {
            for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] > values[j]; j--) {
                t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
            }
            return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
        }
        { n++; rps += $1; p50[n] = us($2); p99[n] = us($3) }
        END { printf "%.2f %s %s", rps / n, text(median(p50, n)), text(median(p99, n)) }'
}

# ROUNDS rounds of deskd against C (measure_pair); report each round and the median of the per-round ratios.
printf '%-8s %-22s %12s %10s %10s\n' "round" "responder" "requests/s" "p50" "p99"
ratios=()
NO_ARGS=()
for round in $(seq 1 "$ROUNDS"); do
    read -r D_RPS D_P50 D_P99 C_RPS C_P50 C_P99 \
        < <(measure_pair "deskd-$round" "c-$round" "$CONNECTIONS" "$DESKD_URL" NO_ARGS "$C_URL" NO_ARGS)
    printf '%-8s %-22s %12s %10s %10s\n' "$round" "C libfcgi baseline" "$C_RPS" "$C_P50" "$C_P99"
    printf '%-8s %-22s %12s %10s %10s\n' "$round" "deskd GET /livez" "$D_RPS" "$D_P50" "$D_P99"
    ratios+=("$(awk -v d="$D_RPS" -v c="$C_RPS" 'BEGIN { if (c > 0) printf "%.3f", d / c; else print 0 }')")
done
RATIO=$(printf '%s\n' "${ratios[@]}" | median)
echo
echo "per-round ratios deskd / C: ${ratios[*]}"
echo "ratio deskd / C (median of $ROUNDS rounds): $RATIO (target >= 0.8)   deskd log level $LOG_LEVEL; wrk -t$THREADS -c$CONNECTIONS -d$DURATION; reports in $BENCH/wrk-*.txt"

# Part 2: the agent API's ticket routes.
GET_ARGS=(-H "$AUTH_HEADER" -s "$ROOT/bench/random_ticket.lua")
LIST_ARGS=(-H "$AUTH_HEADER")
POST_ARGS=(-H "$AUTH_HEADER" -s "$ROOT/bench/create_ticket.lua")
C_DB_ARGS=(-s "$ROOT/bench/random_ticket.lua")
echo
log "ticket routes: org $ORG_ID, $BENCH_TICKETS loaded tickets, $TICKET_CONNECTIONS connections; warming up (2s each)"
timeout 30 wrk -t"$THREADS" -c"$TICKET_CONNECTIONS" -d2s -H "$HOST_HEADER" "${C_DB_ARGS[@]}" "$C_DB_URL" >/dev/null || true
timeout 30 wrk -t"$THREADS" -c"$TICKET_CONNECTIONS" -d2s -H "$HOST_HEADER" "${GET_ARGS[@]}" "$GET_URL" >/dev/null || true
timeout 30 wrk -t"$THREADS" -c"$TICKET_CONNECTIONS" -d2s -H "$HOST_HEADER" "${LIST_ARGS[@]}" "$LIST_URL" >/dev/null || true
timeout 30 wrk -t"$THREADS" -c"$TICKET_CONNECTIONS" -d2s -H "$HOST_HEADER" "${POST_ARGS[@]}" "$POST_URL" >/dev/null || true

printf '%-8s %-30s %12s %10s %10s\n' "round" "responder" "requests/s" "p50" "p99"
get_ratios=()
post_rates=()
for round in $(seq 1 "$TICKET_ROUNDS"); do
    read -r G_RPS G_P50 G_P99 CD_RPS CD_P50 CD_P99 < <(measure_pair "get-ticket-$round" "c-db-$round" \
        "$TICKET_CONNECTIONS" "$GET_URL" GET_ARGS "$C_DB_URL" C_DB_ARGS)
    read -r L_RPS L_P50 L_P99 < <(measure "list-tickets-$round" "$TICKET_CONNECTIONS" "$LIST_URL" "${LIST_ARGS[@]}")
    read -r P_RPS P_P50 P_P99 < <(measure "post-ticket-$round" "$TICKET_CONNECTIONS" "$POST_URL" "${POST_ARGS[@]}")
    printf '%-8s %-30s %12s %10s %10s\n' "$round" "C libfcgi + SELECT by id" "$CD_RPS" "$CD_P50" "$CD_P99"
    printf '%-8s %-30s %12s %10s %10s\n' "$round" "deskd GET /tickets/{id}" "$G_RPS" "$G_P50" "$G_P99"
    printf '%-8s %-30s %12s %10s %10s\n' "$round" "deskd GET /tickets?limit=50" "$L_RPS" "$L_P50" "$L_P99"
    printf '%-8s %-30s %12s %10s %10s\n' "$round" "deskd POST /tickets" "$P_RPS" "$P_P50" "$P_P99"
    get_ratios+=("$(awk -v d="$G_RPS" -v c="$CD_RPS" 'BEGIN { if (c > 0) printf "%.3f", d / c; else print 0 }')")
    post_rates+=("$P_RPS")
done
GET_RATIO=$(printf '%s\n' "${get_ratios[@]}" | median)
POST_RATE=$(printf '%s\n' "${post_rates[@]}" | median)
echo
echo "per-round ratios GET /tickets/{id} / C with SELECT: ${get_ratios[*]}"
echo "ratio GET /tickets/{id} / C with SELECT (median of $TICKET_ROUNDS rounds): $GET_RATIO (target >= 0.6)"
echo "POST /tickets (median of $TICKET_ROUNDS rounds): $POST_RATE requests/s (target >= 3000)   wrk -t$THREADS -c$TICKET_CONNECTIONS -d$DURATION; reports in $BENCH/wrk-*.txt"

# Part 3: record visibility — the ticket list as an agent with private sharing against the administrator.
. "$ROOT/bench/access_measure.sh"
bench_access_measure

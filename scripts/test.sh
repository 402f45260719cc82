#!/usr/bin/env bash
# `make test`: every test, from a fresh Debian 12 machine.
#   1. installs missing packages (deps.sh)
#   2. one debug build of everything (swift build --build-tests): used by swift test and by the
#      integration tests (.build/debug/deskd)
#   3. two private MariaDB servers on free TCP ports (.run/test/mdb-a, .run/test/mdb-b, fresh each run) —
#      two regions on two servers
#   4. swift test, then the Python integration tests through real nginx (Tests/integration)
# Everything started here is stopped at the end, also on failure. Exit status non-zero on any failure.
# DESKD_SCRATCH_PATH overrides the build folder (default .build); its test state then goes to .run/test-NAME.
set -euo pipefail
SCRIPT_NAME=test
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

# State of this run; a separate folder per build folder, so runs from two build folders never collide.
TESTRUN="$ROOT/.run/test"
[[ -n "${DESKD_SCRATCH_PATH:-}" ]] && TESTRUN="$ROOT/.run/test-$(basename "$SCRATCH")"
export DESKD_DB_PASSWORD=${DESKD_DB_PASSWORD:-deskd-test}

"$ROOT/scripts/deps.sh"

log "building (debug, with tests) in $SCRATCH"
swift build --scratch-path "$SCRATCH" --build-tests

# Stops, by pid file, everything a test run starts: nginx and deskd instances the pytest fixtures did not
# get to stop (interrupted run), and the MariaDB servers.
stop_test_processes() {
    local pidfile dir
    for pidfile in "$TESTRUN"/*/nginx/nginx.pid; do
        if [[ -e "$pidfile" ]]; then stop_pid nginx "$pidfile" 15; fi
    done
    for pidfile in "$TESTRUN"/*/deskd.pid; do
        if [[ -e "$pidfile" ]]; then stop_pid deskd "$pidfile" 20; fi
    done
    for dir in "$TESTRUN"/mdb-*; do
        if [[ -d "$dir" ]]; then "$ROOT/scripts/mariadb.sh" stop "$dir" || true; fi
    done
}

cleanup() {
    local status=$?
    stop_test_processes
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Stop what a previous interrupted run may have left, then start fresh.
stop_test_processes
rm -rf "$TESTRUN"
mkdir -p "$TESTRUN"

PORT_A=$(free_port)
DESKD_DATABASES="desk_us desk_test" "$ROOT/scripts/mariadb.sh" start "$TESTRUN/mdb-a" "$PORT_A"
PORT_B=$(free_port)
while [[ "$PORT_B" == "$PORT_A" ]]; do PORT_B=$(free_port); done
DESKD_DATABASES="desk_eu desk_test" "$ROOT/scripts/mariadb.sh" start "$TESTRUN/mdb-b" "$PORT_B"

export DESKD_TEST_MARIADB_DSN="mariadb://deskd:$DESKD_DB_PASSWORD@127.0.0.1:$PORT_A/desk_test"
export DESKD_TEST_MARIADB_DSN_B="mariadb://deskd:$DESKD_DB_PASSWORD@127.0.0.1:$PORT_B/desk_test"
export DESKD_TEST_ROOT="$ROOT"
export DESKD_TEST_BIN="$SCRATCH/debug/deskd"
export DESKD_TEST_SQL="$ROOT/sql"
export DESKD_TEST_MDB_A_DIR="$TESTRUN/mdb-a" DESKD_TEST_MDB_A_PORT="$PORT_A"
export DESKD_TEST_MDB_B_DIR="$TESTRUN/mdb-b" DESKD_TEST_MDB_B_PORT="$PORT_B"
export DESKD_TEST_RUN="$TESTRUN"

failed=0
log "swift test"
if ! timeout --kill-after=30 1200 swift test --scratch-path "$SCRATCH" --skip-build; then
    log "swift test FAILED"
    failed=1
fi

log "integration tests (pytest, through nginx)"
# Python tools from PyPI for the API contract tests, in a venv beside Debian's pytest and requests.
VENV="$ROOT/.run/venv"
if [[ ! -x "$VENV/bin/python" ]]; then
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/Tests/integration/requirements.txt"

if ! timeout --kill-after=30 1200 "$VENV/bin/python" -m pytest -v -p no:cacheprovider "$ROOT/Tests/integration"; then
    log "integration tests FAILED"
    failed=1
fi

if ((failed)); then
    log "FAILED"
    exit 1
fi
log "all tests passed"

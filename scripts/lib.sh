# Shared helpers for the deskd scripts. Source it: `. "$(dirname "$0")/lib.sh"`.
# Sets ROOT (the repository root) and puts Swift on PATH.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

# The build folder: DESKD_SCRATCH_PATH (relative to the repository) or .build.
SCRATCH=${DESKD_SCRATCH_PATH:-$ROOT/.build}
[[ "$SCRATCH" = /* ]] || SCRATCH="$ROOT/$SCRATCH"

# Builds the release binary and sets BIN to its path.
build_release() {
    log "building deskd (release)"
    swift build -c release --product deskd --scratch-path "$SCRATCH"
    BIN="$SCRATCH/release/deskd"
    [[ -x "$BIN" ]] || die "no binary at $BIN after the build"
}

log() { printf '%s: %s\n' "${SCRIPT_NAME:-deskd}" "$*"; }
die() { printf '%s: error: %s\n' "${SCRIPT_NAME:-deskd}" "$*" >&2; exit 1; }

# pid_alive FILE — true when FILE names a running process.
pid_alive() {
    local file=$1 pid
    [[ -s "$file" ]] || return 1
    pid=$(<"$file")
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# stop_pid NAME FILE [SECONDS] — SIGTERM the process in FILE, wait (bounded), SIGKILL if still there.
stop_pid() {
    local name=$1 file=$2 bound=${3:-30} pid i
    if ! pid_alive "$file"; then
        rm -f "$file"
        return 0
    fi
    pid=$(<"$file")
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < bound * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$file"; log "$name stopped (pid $pid)"; return 0; }
        sleep 0.1
    done
    log "$name (pid $pid) did not stop within ${bound}s; killing"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
}

# wait_for SECONDS DESCRIPTION COMMAND... — run COMMAND every 0.1 s until it succeeds or SECONDS pass.
wait_for() {
    local bound=$1 what=$2 i
    shift 2
    for ((i = 0; i < bound * 10; i++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# free_port — print a TCP port on 127.0.0.1 that is free right now.
free_port() {
    /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

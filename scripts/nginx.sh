#!/usr/bin/env bash
# Runs nginx with the dev/test configuration (nginx/dev.conf.template) under a private prefix directory.
#
#   scripts/nginx.sh start PREFIX HTTPS_PORT HTTP_PORT SOCKET [CERT_DIR]
#   scripts/nginx.sh stop PREFIX
#   scripts/nginx.sh render PREFIX HTTPS_PORT HTTP_PORT SOCKET [CERT_DIR]   (writes PREFIX/nginx.conf only)
#
# SOCKET is deskd's FastCGI unix socket. CERT_DIR (default PREFIX/tls) holds cert.pem/key.pem, made by
# scripts/cert.sh when missing. Logs: PREFIX/error.log, PREFIX/access.log.
set -euo pipefail
SCRIPT_NAME=nginx
. "$(dirname "$0")/lib.sh"

usage() { echo "usage: $0 start|render PREFIX HTTPS_PORT HTTP_PORT SOCKET [CERT_DIR] | stop PREFIX" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
cmd=$1
mkdir -p "$2"
prefix=$(cd "$2" && pwd)

render() {
    [[ $# -ge 3 ]] || usage
    local https_port=$1 http_port=$2 socket=$3 certdir=${4:-$prefix/tls}
    [[ "$socket" = /* ]] || socket="$(pwd)/$socket"
    "$ROOT/scripts/cert.sh" "$certdir"
    certdir=$(cd "$certdir" && pwd)
    mkdir -p "$prefix/tmp" "$prefix/snippets"
    ln -sfn "$ROOT/nginx/snippets" "$prefix/snippets/deskd"
    sed -e "s|@HTTPS_PORT@|$https_port|g" -e "s|@HTTP_PORT@|$http_port|g" \
        -e "s|@SOCKET@|$socket|g" -e "s|@PREFIX@|$prefix|g" -e "s|@ROOT@|$ROOT|g" \
        -e "s|@CERT@|$certdir/cert.pem|g" -e "s|@KEY@|$certdir/key.pem|g" \
        -e "s|@USER@|$(id -un)|g" -e "s|@GROUP@|$(id -gn)|g" \
        "$ROOT/nginx/dev.conf.template" >"$prefix/nginx.conf"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
    local https_port=$1
    render "$@"
    if pid_alive "$prefix/nginx.pid"; then
        log "reloading (pid $(<"$prefix/nginx.pid"))"
        nginx -e "$prefix/error.log" -p "$prefix" -c "$prefix/nginx.conf" -t -q || die "bad config $prefix/nginx.conf"
        kill -HUP "$(<"$prefix/nginx.pid")"
        return 0
    fi
    rm -f "$prefix/nginx.pid"
    nginx -e "$prefix/error.log" -p "$prefix" -c "$prefix/nginx.conf" \
        || die "nginx did not start (config $prefix/nginx.conf, log $prefix/error.log)"
    wait_for 10 "nginx port" port_open "$https_port" || die "nginx not listening on $https_port within 10s"
    log "started (pid $(<"$prefix/nginx.pid"), https 127.0.0.1:$https_port)"
}

case "$cmd" in
    start) shift 2; start "$@" ;;
    render) shift 2; render "$@" ;;
    stop) stop_pid nginx "$prefix/nginx.pid" 15 ;;
    *) usage ;;
esac

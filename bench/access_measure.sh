# Sourced by scripts/bench.sh after part 2 (uses its measure, median, log, check, wrk settings and URLs).
# Part 3: GET /api/v1/tickets?limit=50 as the manager agent (private ticket sharing, bench/access_setup.sh)
# and as the administrator (alternating in 1 s slices, agent admin admin agent …, within each round: measure_pair),
# over TICKET_ROUNDS rounds. Time per request at the same number of
# connections is connections / requests/s, so the ratio agent / administrator is admin rps / agent rps.
# shellcheck shell=bash

# ticket_count AUTH_HEADER → the number of tickets GET /ticketsCount reports for that token (empty on error)
ticket_count() {
    curl -s -m 60 -H "$HOST_HEADER" -H "$1" "$API/ticketsCount" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'
}

bench_access_measure() {
    local admin_count agent_count
    admin_count=$(ticket_count "$AUTH_HEADER")
    agent_count=$(ticket_count "$AGENT_AUTH_HEADER")
    echo
    log "visibility: $AGENT_EMAIL (Agent profile, role Manager North, tickets private) sees" \
        "${agent_count:-?} of ${admin_count:-?} tickets; $TICKET_CONNECTIONS connections; warming up (2s each)"
    if [[ -n "$agent_count" && "$agent_count" == "$admin_count" ]]; then
        log "warning: the agent sees every ticket: record visibility is not applied to lists;" \
            "this compares two unrestricted lists"
    fi
    local agent_args=(-H "$AGENT_AUTH_HEADER") admin_args=(-H "$AUTH_HEADER")
    timeout 30 wrk -t"$THREADS" -c"$TICKET_CONNECTIONS" -d2s -H "$HOST_HEADER" "${agent_args[@]}" "$LIST_URL" >/dev/null || true
    timeout 30 wrk -t"$THREADS" -c"$TICKET_CONNECTIONS" -d2s -H "$HOST_HEADER" "${admin_args[@]}" "$LIST_URL" >/dev/null || true

    printf '%-8s %-34s %12s %10s %10s\n' "round" "responder" "requests/s" "p50" "p99"
    local round ratios=() A_RPS A_P50 A_P99 G_RPS G_P50 G_P99
    for round in $(seq 1 "$TICKET_ROUNDS"); do
        read -r G_RPS G_P50 G_P99 A_RPS A_P50 A_P99 < <(measure_pair "list-agent-$round" "list-admin-$round" \
            "$TICKET_CONNECTIONS" "$LIST_URL" agent_args "$LIST_URL" admin_args)
        printf '%-8s %-34s %12s %10s %10s\n' "$round" "GET /tickets?limit=50 admin" "$A_RPS" "$A_P50" "$A_P99"
        printf '%-8s %-34s %12s %10s %10s\n' "$round" "GET /tickets?limit=50 agent private" "$G_RPS" "$G_P50" "$G_P99"
        ratios+=("$(awk -v a="$A_RPS" -v g="$G_RPS" 'BEGIN { if (g > 0) printf "%.3f", a / g; else print 0 }')")
    done
    local ratio
    ratio=$(printf '%s\n' "${ratios[@]}" | median)
    echo
    echo "per-round ratios time per request agent / admin: ${ratios[*]}"
    echo "ratio time per request GET /tickets?limit=50 agent (private) / admin (median of $TICKET_ROUNDS rounds):" \
        "$ratio (target <= 1.5)   agent sees ${agent_count:-?} of ${admin_count:-?} tickets;" \
        "wrk -t$THREADS -c$TICKET_CONNECTIONS -d$DURATION; reports in $BENCH/wrk-list-*.txt"
}

# Sourced by scripts/bench.sh (uses its sql, log, die, BIN, BENCH, PORTAL, ORG_ID, BENCH_TICKETS, BENCH_AGENTS).
# The bench tenant's access model for part 3, made once with SQL like the loaded tickets and kept between
# runs; every statement is idempotent:
#   roles        CEO (built-in, id 1) → 901 Manager North → 902 Agents North
#                                      → 903 Manager South → 904 Agents South A, 905 Agents South B
#   agents       ids 1001 … 1000+BENCH_AGENTS, built-in Agent profile (2): 1001 manager north, 1002–1004
#                agents north, 1005 manager south, the rest alternate between the two south agent roles
#   tickets      the loaded tickets 1 … BENCH_TICKETS get assignee 1001 + id mod BENCH_AGENTS (only where the
#                assignee is still NULL, so a rerun changes nothing; tickets made by POST during the bench stay
#                unassigned, visible to the administrator only)
#   data sharing tickets = private
# Sets AGENT_EMAIL and AGENT_AUTH_HEADER: a token of the manager north agent (sees 4 of BENCH_AGENTS agents'
# tickets: its own and its three subordinates').
# shellcheck shell=bash

BENCH_FIRST_AGENT=1001
AGENT_EMAIL=manager-north@bench.example

bench_access_setup() {
    local values="" i id email role first found
    for ((i = 0; i < BENCH_AGENTS; i++)); do
        id=$((BENCH_FIRST_AGENT + i))
        case $i in
            0) role=901 first=Manager email=$AGENT_EMAIL ;;
            1 | 2 | 3) role=902 first=North email="agent-$i@bench.example" ;;
            4) role=903 first=Manager email=manager-south@bench.example ;;
            *) role=$((904 + i % 2)) first=South email="agent-$i@bench.example" ;;
        esac
        values+="${values:+,}($ORG_ID, $id, '$email', '$first', 'Bench $i', 2, $role, 1,"
        values+=" UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
    done
    sql -e "
        INSERT IGNORE INTO roles (org_id, id, name, description, reports_to, created_at, updated_at) VALUES
            ($ORG_ID, 901, 'Manager North', 'make bench', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
            ($ORG_ID, 902, 'Agents North', 'make bench', 901, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
            ($ORG_ID, 903, 'Manager South', 'make bench', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
            ($ORG_ID, 904, 'Agents South A', 'make bench', 903, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
            ($ORG_ID, 905, 'Agents South B', 'make bench', 903, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
        INSERT IGNORE INTO agents (org_id, id, email, first_name, last_name, profile_id, role_id, is_active,
                                   created_at, updated_at) VALUES $values;
        INSERT INTO data_sharing (org_id, module, access, updated_at)
            VALUES ($ORG_ID, 'tickets', 'private', UTC_TIMESTAMP(6))
            ON DUPLICATE KEY UPDATE access = 'private'"
    local unassigned
    unassigned=$(sql -e "SELECT COUNT(*) FROM tickets
                         WHERE org_id = $ORG_ID AND id BETWEEN 1 AND $BENCH_TICKETS AND assignee_id IS NULL")
    if ((unassigned > 0)); then
        log "assigning $unassigned loaded tickets to the $BENCH_AGENTS bench agents (once)"
        sql -e "UPDATE tickets SET assignee_id = $BENCH_FIRST_AGENT + id % $BENCH_AGENTS
                WHERE org_id = $ORG_ID AND id BETWEEN 1 AND $BENCH_TICKETS AND assignee_id IS NULL"
    fi
    found=$(sql -e "SELECT COUNT(*) FROM agents WHERE org_id = $ORG_ID AND email = '$AGENT_EMAIL'
                    AND profile_id = 2 AND role_id = 901 AND is_active = 1 AND deleted_at IS NULL")
    ((found == 1)) || die "the bench agent $AGENT_EMAIL is missing or changed (profile 2, role 901 expected)"
    local agent_token
    agent_token=$("$BIN" token create --config "$BENCH/deskd.toml" --region us --portal "$PORTAL" \
        --agent "$AGENT_EMAIL" --ttl 2h)
    [[ -n "$agent_token" ]] || die "deskd token create printed no token for $AGENT_EMAIL"
    AGENT_AUTH_HEADER="Authorization: Zoho-oauthtoken $agent_token"
}

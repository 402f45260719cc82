"""OAuth gaps through nginx: client tokens carry their granted scopes; revoking a client (`deskd client
revoke`) revokes its access and refresh tokens; revoking an access token on /oauth/v2/token/revoke takes
effect at once; stale token rows are deleted when tokens are issued."""

from __future__ import annotations

import time

from api_helpers import org  # noqa: F401  (fixture)
from deskd_stack import run_deskd
from scope_helpers import call_with, is_scope_refusal
from test_api_oauth import assert_oauth_error, client_credentials, create_client, token_request

# The token cache's trust window (AccessTokenCache.ttl) plus a margin for a slow machine.
CACHE_TTL_SECONDS = 5
MARGIN_SECONDS = 3


def grant(stack, api_org, scopes: str) -> dict:
    client_id, secret = create_client(stack, api_org, scopes=scopes)
    response = token_request(stack, api_org.host,
                             params=client_credentials(client_id, secret, api_org, scope=scopes))
    assert response.status_code == 200, response.text
    body = response.json()
    body.update(client_id=client_id, client_secret=secret)
    return body


def test_client_tokens_are_limited_to_their_scopes(stack, org):
    issued = grant(stack, org, "Desk.tickets.READ")
    assert issued["scope"] == "Desk.tickets.READ"
    token = issued["access_token"]
    assert call_with(org, token, "GET", "/tickets").status_code == 200
    before = org.count()
    refused = call_with(org, token, "POST", "/tickets", json={"subject": "not allowed"})
    assert is_scope_refusal(refused), refused.text
    assert is_scope_refusal(call_with(org, token, "GET", "/contacts"))
    assert org.count() == before
    stored = org.sql(f"SELECT scope, client_id FROM access_tokens WHERE client_id = '{issued['client_id']}'")
    assert stored == [["Desk.tickets.READ", issued["client_id"]]]


def test_revoking_a_client_revokes_its_access_and_refresh_tokens(stack, org):
    issued = grant(stack, org, "Desk.tickets.ALL")
    token = issued["access_token"]
    assert call_with(org, token, "GET", "/tickets").status_code == 200   # now in deskd's token cache
    revoked = run_deskd("client", "revoke", "--region", org.region, "--client-id", issued["client_id"],
                        config=stack.config)
    assert revoked.returncode == 0, revoked.stdout
    assert org.sql(f"SELECT COUNT(*) FROM access_tokens WHERE client_id = '{issued['client_id']}' "
                   "AND revoked_at IS NULL") == [["0"]]
    # Another process revoked it: the server stops accepting it within the cache's TTL.
    started = time.monotonic()
    while True:
        response = call_with(org, token, "GET", "/tickets")
        if response.status_code == 401:
            break
        assert response.status_code == 200, response.text
        assert time.monotonic() - started < CACHE_TTL_SECONDS + MARGIN_SECONDS, "revoked token still accepted"
        time.sleep(0.25)
    assert response.json()["errorCode"] == "INVALID_OAUTH"
    refresh = {"grant_type": "refresh_token", "refresh_token": issued["refresh_token"],
               "client_id": issued["client_id"], "client_secret": issued["client_secret"]}
    assert_oauth_error(token_request(stack, org.host, data=refresh), 401, "invalid_client")


def test_revoking_an_access_token_takes_effect_at_once(stack, org):
    issued = grant(stack, org, "Desk.tickets.ALL")
    token = issued["access_token"]
    for _ in range(3):   # verified and cached
        assert call_with(org, token, "GET", "/tickets").status_code == 200
    response = stack.request("POST", "/oauth/v2/token/revoke", host=org.host, params={"token": token})
    assert response.status_code == 200, response.text
    after = call_with(org, token, "GET", "/tickets")
    assert after.status_code == 401 and after.json()["errorCode"] == "INVALID_OAUTH"
    # The refresh token was not named and still works.
    refresh = {"grant_type": "refresh_token", "refresh_token": issued["refresh_token"],
               "client_id": issued["client_id"], "client_secret": issued["client_secret"]}
    renewed = token_request(stack, org.host, data=refresh)
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["scope"] == "Desk.tickets.ALL"
    assert call_with(org, renewed.json()["access_token"], "GET", "/tickets").status_code == 200


def test_stale_tokens_are_deleted_when_tokens_are_issued(stack, org):
    org_id = int(org.org_id)
    org.sql(f"""INSERT INTO access_tokens (token_hash, org_id, agent_id, scope, client_id, expires_at, revoked_at,
                                           created_at)
                SELECT UNHEX(SHA2(CONCAT('stale-{org_id}-', seq), 256)), {org_id}, {int(org.agent_id)}, '*', NULL,
                       UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, NULL, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR
                FROM seq_1_to_30""")
    org.sql(f"""INSERT INTO refresh_tokens (token_hash, org_id, client_id, agent_id, scope, expires_at, revoked_at,
                                            created_at)
                SELECT UNHEX(SHA2(CONCAT('stale-refresh-{org_id}-', seq), 256)), {org_id}, 'gone', {int(org.agent_id)},
                       'Desk.tickets.ALL', NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM seq_1_to_4""")
    issued = run_deskd("token", "create", "--region", org.region, "--portal", org.portal, "--agent",
                       org.admin_email, config=stack.config)
    assert issued.returncode == 0, issued.stdout
    assert org.sql(f"SELECT COUNT(*) FROM access_tokens WHERE org_id = {org_id} AND expires_at <= UTC_TIMESTAMP(6)") \
        == [["0"]]
    assert org.sql(f"SELECT COUNT(*) FROM refresh_tokens WHERE org_id = {org_id}") == [["0"]]
    assert org.get("/tickets").status_code == 200

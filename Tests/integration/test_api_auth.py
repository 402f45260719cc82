"""Agent API authentication through nginx: token header forms, missing/invalid/expired tokens, orgId
checks, regions, and the router's 404/405 under /api/v1."""

from __future__ import annotations

import time

from api_helpers import make_org, org, other_org  # noqa: F401  (fixtures)


def test_missing_token_is_401_unauthorized(stack, org):
    response = stack.get("/api/v1/tickets", host=org.host)
    assert response.status_code == 401
    assert response.json()["errorCode"] == "UNAUTHORIZED"
    assert response.headers["Content-Type"].startswith("application/json")


def test_unknown_scheme_is_401_unauthorized(stack, org):
    response = stack.get("/api/v1/tickets", host=org.host, headers={"Authorization": f"Basic {org.token}"})
    assert response.status_code == 401
    assert response.json()["errorCode"] == "UNAUTHORIZED"


def test_bad_token_is_401_invalid_oauth(stack, org):
    for value in ("Zoho-oauthtoken nope", f"Bearer {org.token}x", "Bearer " + "0" * 43):
        response = stack.get("/api/v1/tickets", host=org.host, headers={"Authorization": value})
        assert response.status_code == 401, value
        assert response.json()["errorCode"] == "INVALID_OAUTH"


def test_both_header_forms_work(stack, org):
    for value in (f"Zoho-oauthtoken {org.token}", f"Bearer {org.token}", f"bearer {org.token}"):
        response = stack.get("/api/v1/tickets", host=org.host, headers={"Authorization": value})
        assert response.status_code == 200, response.text
        assert response.json() == {"data": []}


def test_expired_token_is_401_invalid_oauth(stack, org):
    # Made to expire before deskd ever saw it: refused on first use.
    org.sql(f"UPDATE access_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
            f"WHERE org_id = {int(org.org_id)}")
    response = org.get("/tickets")
    assert response.status_code == 401
    assert response.json()["errorCode"] == "INVALID_OAUTH"


def test_token_expired_in_the_database_is_refused_within_the_cache_ttl(stack, org):
    # A token deskd verified is trusted for up to 5 s (its token cache); a change made behind deskd's back,
    # straight in the database, shows after that.
    assert org.get("/tickets").status_code == 200
    org.sql(f"UPDATE access_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
            f"WHERE org_id = {int(org.org_id)}")
    deadline = time.monotonic() + 5 + 3
    while (response := org.get("/tickets")).status_code == 200:
        assert time.monotonic() < deadline, "expired token still accepted after the cache TTL"
        time.sleep(0.25)
    assert response.status_code == 401
    assert response.json()["errorCode"] == "INVALID_OAUTH"


def test_org_id_header_or_query_must_match(org, other_org):
    assert org.get("/tickets", headers={"orgId": org.org_id}).status_code == 200
    assert org.get(f"/tickets?orgId={org.org_id}").status_code == 200
    for response in (org.get("/tickets", headers={"orgId": other_org.org_id}),
                     org.get(f"/tickets?orgId={other_org.org_id}"),
                     org.get("/tickets", headers={"orgId": "not-a-number"})):
        assert response.status_code == 403, response.text
        assert response.json()["errorCode"] == "OAUTH_ORG_MISMATCH"


def test_token_of_one_region_is_unknown_in_another(stack, org):
    response = stack.get("/api/v1/tickets", host="eu.desk.localhost", headers=org.headers())
    assert response.status_code == 401
    assert response.json()["errorCode"] == "INVALID_OAUTH"


def test_eu_org_works_on_eu_host(stack, server_b):
    eu = make_org(stack, server_b, "eu")
    ticket = eu.create_ticket(subject="eu ticket")
    assert eu.get(f"/tickets/{ticket['id']}").json()["subject"] == "eu ticket"
    assert eu.sql(f"SELECT COUNT(*) FROM tickets WHERE id = {int(ticket['id'])}") == [["1"]]


def test_unknown_route_404_and_wrong_method_405(stack, org):
    response = org.get("/nothing-here")
    assert response.status_code == 404
    assert response.json()["errorCode"] == "URL_NOT_FOUND"
    response = org.call("DELETE", "/tickets")
    assert response.status_code == 405
    assert response.json()["errorCode"] == "METHOD_NOT_ALLOWED"
    assert "GET" in response.headers["Allow"] and "POST" in response.headers["Allow"]
    response = org.call("PUT", "/tickets/123")
    assert response.status_code == 405

"""OAuth 2.0 for API clients through nginx: `deskd client create`, POST /oauth/v2/token with the client
credentials and refresh token grants (query string and form body), the access token on /api/v1, and the
OAuth error answers (invalid_client 401; unsupported_grant_type, invalid_scope, invalid_request 400)."""

from __future__ import annotations

import time

from api_helpers import ApiOrg, make_org, org, other_org  # noqa: F401  (fixtures)
from deskd_stack import run_deskd


def create_client(stack, api_org: ApiOrg, name: str = "Sync job", scopes: str | None = None) -> tuple[str, str]:
    """A new API client acting as the org's administrator: (client_id, client_secret)."""
    args = ["client", "create", "--region", api_org.region, "--portal", api_org.portal,
            "--agent", api_org.admin_email, "--name", name]
    if scopes:
        args += ["--scopes", scopes]
    result = run_deskd(*args, config=stack.config)
    assert result.returncode == 0, f"deskd client create failed:\n{result.stdout}"
    printed = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    return printed["client_id"], printed["client_secret"]


def token_request(stack, host: str, *, params=None, data=None):
    """POST /oauth/v2/token; waits out nginx's login rate limit (burst 10) when it answers 429."""
    for _ in range(5):
        response = stack.request("POST", "/oauth/v2/token", host=host, params=params, data=data)
        if response.status_code != 429:
            return response
        time.sleep(7)
    return response


def client_credentials(client_id: str, secret: str, api_org: ApiOrg, **extra) -> dict:
    params = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret,
              "scope": "Desk.tickets.ALL", "soid": f"Desk.{api_org.org_id}"}
    params.update(extra)
    return params


def assert_oauth_error(response, status: int, error: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"] == error
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Type"].startswith("application/json")


def tickets(stack, host: str, access_token: str):
    return stack.get("/api/v1/tickets", host=host, headers={"Authorization": f"Zoho-oauthtoken {access_token}"})


def test_client_credentials_in_query_string_and_form_body(stack, org):
    client_id, secret = create_client(stack, org)
    by_query = token_request(stack, org.host, params=client_credentials(client_id, secret, org))
    assert by_query.status_code == 200, by_query.text
    body = by_query.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
    assert body["api_domain"] == f"https://{org.host}"
    assert body["scope"] == "Desk.tickets.ALL"
    assert len(body["access_token"]) == 64 and len(body["refresh_token"]) == 64
    assert by_query.headers["Cache-Control"] == "no-store"
    org.create_ticket(subject="seen through an API client")
    listed = tickets(stack, org.host, body["access_token"])
    assert listed.status_code == 200, listed.text
    assert [t["subject"] for t in listed.json()["data"]] == ["seen through an API client"]

    by_form = token_request(stack, org.host, data=client_credentials(client_id, secret, org))
    assert by_form.status_code == 200, by_form.text
    assert by_form.json()["access_token"] != body["access_token"]
    assert tickets(stack, org.host, by_form.json()["access_token"]).status_code == 200


def test_refresh_token_then_revoked_client(stack, org):
    client_id, secret = create_client(stack, org)
    issued = token_request(stack, org.host, params=client_credentials(client_id, secret, org)).json()
    refresh = {"grant_type": "refresh_token", "refresh_token": issued["refresh_token"], "client_id": client_id,
               "client_secret": secret}
    renewed = token_request(stack, org.host, data=refresh)
    assert renewed.status_code == 200, renewed.text
    assert "refresh_token" not in renewed.json()
    assert renewed.json()["expires_in"] == 3600 and renewed.headers["Cache-Control"] == "no-store"
    assert tickets(stack, org.host, renewed.json()["access_token"]).status_code == 200

    revoked = run_deskd("client", "revoke", "--region", org.region, "--client-id", client_id, config=stack.config)
    assert revoked.returncode == 0, revoked.stdout
    assert_oauth_error(token_request(stack, org.host, data=refresh), 401, "invalid_client")


def test_wrong_secret_is_401_invalid_client(stack, org):
    client_id, secret = create_client(stack, org)
    wrong = ("0" if secret[0] != "0" else "1") + secret[1:]
    assert_oauth_error(token_request(stack, org.host, params=client_credentials(client_id, wrong, org)),
                       401, "invalid_client")


def test_unknown_grant_type_is_400(stack, org):
    client_id, secret = create_client(stack, org)
    params = client_credentials(client_id, secret, org, grant_type="password")
    assert_oauth_error(token_request(stack, org.host, params=params), 400, "unsupported_grant_type")


def test_soid_of_another_org_is_refused(stack, org, other_org):
    client_id, secret = create_client(stack, org)
    params = client_credentials(client_id, secret, org, soid=f"Desk.{other_org.org_id}")
    assert_oauth_error(token_request(stack, org.host, params=params), 401, "invalid_client")


def test_scope_not_granted_is_400_invalid_scope(stack, org):
    client_id, secret = create_client(stack, org, scopes="Desk.tickets.READ")
    assert_oauth_error(token_request(stack, org.host, params=client_credentials(client_id, secret, org)),
                       400, "invalid_scope")


def test_clients_and_tokens_stay_in_their_region(stack, org):
    client_id, secret = create_client(stack, org)
    assert_oauth_error(token_request(stack, "eu.desk.localhost", params=client_credentials(client_id, secret, org)),
                       401, "invalid_client")
    access = token_request(stack, org.host, params=client_credentials(client_id, secret, org)).json()["access_token"]
    response = tickets(stack, "eu.desk.localhost", access)
    assert response.status_code == 401
    assert response.json()["errorCode"] == "INVALID_OAUTH"


def test_secret_stored_only_as_hash_and_registration_audited(stack, org):
    client_id, secret = create_client(stack, org, name="Reporting")
    assert org.sql(f"SELECT COUNT(*) FROM api_clients WHERE client_id = '{client_id}' "
                   f"AND client_secret_hash = UNHEX(SHA2(UNHEX('{secret}'), 256))") == [["1"]]
    assert org.sql(f"SELECT COUNT(*) FROM api_clients WHERE org_id = {int(org.org_id)} AND "
                   f"(name LIKE '%{secret}%' OR scopes LIKE '%{secret}%' OR client_id = '{secret}')") == [["0"]]
    entries = org.audit("?recordType=apiclient")
    assert len(entries) == 1
    assert entries[0]["action"] == "create" and entries[0]["actor"]["id"] == "0"
    changes = {c["field"]: c["newValue"] for c in entries[0]["changes"]}
    assert changes["clientId"] == client_id and changes["name"] == "Reporting"
    assert secret not in str(entries)

"""Helpers for the OAuth scope tests: access tokens with chosen scopes (`deskd token create --scopes`) and
calls made with them."""

from __future__ import annotations

from api_helpers import ApiOrg
from deskd_stack import run_deskd


def scoped_token(api_org: ApiOrg, scopes: str) -> str:
    """A one-hour token of the org's administrator holding only `scopes` (comma-separated)."""
    issued = run_deskd("token", "create", "--region", api_org.region, "--portal", api_org.portal,
                       "--agent", api_org.admin_email, "--ttl", "1h", "--scopes", scopes,
                       config=api_org.stack.config)
    assert issued.returncode == 0, f"deskd token create --scopes failed:\n{issued.stdout}"
    return issued.stdout.strip().splitlines()[-1]


def call_with(api_org: ApiOrg, token: str, method: str, path: str, json=None):
    """`method` /api/v1`path` with `token` instead of the org's own."""
    return api_org.stack.request(method, "/api/v1" + path, host=api_org.host,
                                 headers={"Authorization": f"Zoho-oauthtoken {token}"}, json=json)


def is_scope_refusal(response) -> bool:
    """Whether the answer is the scope refusal: 401 SCOPE_MISMATCH in Zoho's error shape."""
    if response.status_code != 401:
        return False
    body = response.json()
    return body.get("errorCode") == "SCOPE_MISMATCH" and isinstance(body.get("message"), str)

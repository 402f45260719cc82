"""OAuth scopes on every /api/v1 route, through nginx: each call needs the Zoho Desk scope of its module
(Desk.tickets / contacts / basic / settings / search) and operation (READ, CREATE, UPDATE, DELETE; WRITE
and ALL cover several); a token without it gets 401 SCOPE_MISMATCH and nothing is written. Tokens of
`deskd token create` without --scopes hold every scope."""

from __future__ import annotations

import pytest

from api_helpers import ApiOrg, org  # noqa: F401  (fixture)
from scope_helpers import call_with, is_scope_refusal, scoped_token

# (scope, method, path, allowed). Paths use {ticket}, {comment}, {contact} placeholders filled per test.
CASES = [
    ("Desk.tickets.READ", "GET", "/tickets", True),
    ("Desk.tickets.READ", "GET", "/tickets/{ticket}", True),
    ("Desk.tickets.READ", "GET", "/ticketsCount", True),
    ("Desk.tickets.READ", "GET", "/tickets/{ticket}/threads", True),
    ("Desk.tickets.READ", "GET", "/tickets/{ticket}/conversations", True),
    ("Desk.tickets.READ", "GET", "/tickets/{ticket}/comments", True),
    ("Desk.tickets.READ", "POST", "/tickets", False),
    ("Desk.tickets.READ", "PATCH", "/tickets/{ticket}", False),
    ("Desk.tickets.READ", "POST", "/tickets/moveToTrash", False),
    ("Desk.tickets.READ", "POST", "/tickets/{ticket}/comments", False),
    ("Desk.tickets.READ", "POST", "/tickets/{ticket}/sendReply", False),
    ("Desk.tickets.READ", "GET", "/contacts", False),
    ("Desk.tickets.READ", "GET", "/auditLogs", False),
    ("Desk.tickets.CREATE", "POST", "/tickets", True),
    ("Desk.tickets.CREATE", "POST", "/tickets/{ticket}/comments", True),
    ("Desk.tickets.CREATE", "POST", "/tickets/{ticket}/sendReply", True),
    ("Desk.tickets.CREATE", "GET", "/tickets", False),
    ("Desk.tickets.CREATE", "PATCH", "/tickets/{ticket}", False),
    ("Desk.tickets.CREATE", "POST", "/tickets/moveToTrash", False),
    ("Desk.tickets.UPDATE", "PATCH", "/tickets/{ticket}", True),
    ("Desk.tickets.UPDATE", "PATCH", "/tickets/{ticket}/comments/{comment}", True),
    ("Desk.tickets.UPDATE", "POST", "/tickets", False),
    ("Desk.tickets.UPDATE", "DELETE", "/tickets/{ticket}/comments/{comment}", False),
    ("Desk.tickets.DELETE", "POST", "/tickets/moveToTrash", True),
    ("Desk.tickets.DELETE", "DELETE", "/tickets/{ticket}/comments/{comment}", True),
    ("Desk.tickets.DELETE", "PATCH", "/tickets/{ticket}", False),
    ("Desk.tickets.DELETE", "GET", "/tickets/{ticket}", False),
    ("Desk.tickets.WRITE", "POST", "/tickets", True),
    ("Desk.tickets.WRITE", "PATCH", "/tickets/{ticket}", True),
    ("Desk.tickets.WRITE", "POST", "/tickets/moveToTrash", True),
    ("Desk.tickets.WRITE", "GET", "/tickets", False),
    ("Desk.tickets.ALL", "GET", "/tickets/{ticket}", True),
    ("Desk.tickets.ALL", "POST", "/tickets", True),
    ("Desk.tickets.ALL", "GET", "/contacts", False),
    ("Desk.tickets.ALL", "GET", "/recycleBin", False),
    ("Desk.contacts.READ", "GET", "/contacts", True),
    ("Desk.contacts.READ", "GET", "/contacts/{contact}", True),
    ("Desk.contacts.READ", "GET", "/accounts", True),
    ("Desk.contacts.READ", "GET", "/contacts/search?searchStr=Scope", True),
    ("Desk.contacts.READ", "POST", "/contacts", False),
    ("Desk.contacts.READ", "GET", "/tickets", False),
    ("Desk.contacts.CREATE", "POST", "/contacts", True),
    ("Desk.contacts.CREATE", "POST", "/accounts", True),
    ("Desk.contacts.UPDATE", "PATCH", "/contacts/{contact}", True),
    ("Desk.contacts.UPDATE", "POST", "/contacts/moveToTrash", False),
    ("Desk.contacts.DELETE", "POST", "/contacts/moveToTrash", True),
    ("Desk.search.READ", "GET", "/contacts/search?searchStr=Scope", True),
    ("Desk.search.READ", "GET", "/accounts/search?searchStr=Scope", True),
    ("Desk.search.READ", "GET", "/contacts", False),
    ("Desk.search.READ", "GET", "/contacts/{contact}", False),
    ("Desk.settings.READ", "GET", "/auditLogs", True),
    ("Desk.settings.READ", "GET", "/recycleBin", True),
    ("Desk.settings.READ", "POST", "/recycleBin/restore", False),
    ("Desk.settings.READ", "GET", "/tickets", False),
    ("Desk.settings.UPDATE", "POST", "/recycleBin/restore", True),
    ("Desk.settings.UPDATE", "POST", "/recycleBin/delete", False),
    ("Desk.settings.DELETE", "POST", "/recycleBin/delete", True),
    ("Desk.settings.DELETE", "GET", "/auditLogs", False),
    ("Desk.basic.READ", "GET", "/tickets", False),
    ("Desk.basic.ALL", "GET", "/auditLogs", False),
]

BODIES = {
    ("POST", "/tickets"): {"subject": "scope check"},
    ("PATCH", "/tickets/{ticket}"): {"priority": "High"},
    ("POST", "/tickets/moveToTrash"): {"ticketIds": ["1"]},
    ("POST", "/tickets/{ticket}/comments"): {"content": "scope check", "isPublic": False},
    ("POST", "/tickets/{ticket}/sendReply"): {"channel": "EMAIL", "content": "scope check", "to": "a@b.example"},
    ("PATCH", "/tickets/{ticket}/comments/{comment}"): {"content": "edited"},
    ("POST", "/contacts"): {"lastName": "Scope"},
    ("POST", "/accounts"): {"accountName": "Scope"},
    ("PATCH", "/contacts/{contact}"): {"firstName": "Changed"},
    ("POST", "/contacts/moveToTrash"): {"contactIds": ["1"]},
    ("POST", "/recycleBin/restore"): {"ids": ["1"]},
    ("POST", "/recycleBin/delete"): {"ids": ["1"]},
}


def fixtures_of(api_org: ApiOrg) -> dict:
    ticket = api_org.create_ticket(subject="scoped")
    comment = api_org.post(f"/tickets/{ticket['id']}/comments", json={"content": "first", "isPublic": True})
    assert comment.status_code == 200, comment.text
    contact = api_org.post("/contacts", json={"lastName": "Scope"})
    assert contact.status_code == 200, contact.text
    return {"ticket": ticket["id"], "comment": comment.json()["id"], "contact": contact.json()["id"]}


def test_each_scope_allows_its_calls_and_refuses_the_others(org):
    ids = fixtures_of(org)
    tokens: dict[str, str] = {}
    failures = []
    for scope, method, path, allowed in CASES:
        token = tokens.setdefault(scope, scoped_token(org, scope))
        body = BODIES.get((method, path))
        response = call_with(org, token, method, path.format(**ids), json=body)
        refused = is_scope_refusal(response)
        if allowed and (refused or response.status_code in (401, 403) or response.status_code >= 500):
            failures.append(f"{scope} {method} {path}: expected allowed, got {response.status_code} {response.text[:120]}")
        if not allowed and not refused:
            failures.append(f"{scope} {method} {path}: expected 401 SCOPE_MISMATCH, got {response.status_code} {response.text[:120]}")
    assert failures == []


def test_refused_calls_write_nothing(org):
    ids = fixtures_of(org)
    read_only = scoped_token(org, "Desk.tickets.READ,Desk.contacts.READ,Desk.settings.READ")
    tickets_before = org.count()
    audit_before = org.audit("?limit=100")
    attempts = [
        ("POST", "/tickets", {"subject": "must not exist"}),
        ("PATCH", f"/tickets/{ids['ticket']}", {"subject": "must not change"}),
        ("POST", "/tickets/moveToTrash", {"ticketIds": [ids["ticket"]]}),
        ("POST", f"/tickets/{ids['ticket']}/comments", {"content": "must not exist", "isPublic": True}),
        ("POST", "/contacts", {"lastName": "must not exist"}),
        ("POST", "/contacts/moveToTrash", {"contactIds": [ids["contact"]]}),
        ("POST", "/recycleBin/delete", {"ids": [ids["ticket"]]}),
    ]
    for method, path, body in attempts:
        response = call_with(org, read_only, method, path, json=body)
        assert is_scope_refusal(response), (method, path, response.status_code, response.text)
        assert response.headers["Content-Type"].startswith("application/json")
    assert org.count() == tickets_before
    assert org.get(f"/tickets/{ids['ticket']}").json()["subject"] == "scoped"
    assert org.audit("?limit=100") == audit_before
    assert org.sql(f"SELECT COUNT(*) FROM contacts WHERE org_id = {int(org.org_id)}") == [["1"]]


def test_error_shape_and_precedence(org):
    token = scoped_token(org, "Desk.contacts.READ")
    response = call_with(org, token, "GET", "/tickets")
    assert response.status_code == 401
    body = response.json()
    assert body["errorCode"] == "SCOPE_MISMATCH"
    assert "scope" in body["message"].lower()
    # An invalid token is INVALID_OAUTH before any scope is looked at; an org mismatch stays 403.
    bad = call_with(org, "0" * 64, "GET", "/tickets")
    assert bad.status_code == 401 and bad.json()["errorCode"] == "INVALID_OAUTH"
    mismatch = org.stack.request("GET", "/api/v1/tickets", host=org.host,
                                 headers={"Authorization": f"Zoho-oauthtoken {token}", "orgId": "1"})
    assert mismatch.status_code == 403 and mismatch.json()["errorCode"] == "OAUTH_ORG_MISMATCH"


def test_administrator_tokens_hold_every_scope(org):
    ids = fixtures_of(org)
    for method, path in [("GET", "/tickets"), ("GET", "/contacts"), ("GET", "/auditLogs"), ("GET", "/recycleBin"),
                         ("GET", "/contacts/search?searchStr=Scope"), ("GET", f"/tickets/{ids['ticket']}/comments")]:
        response = org.call(method, path)
        assert response.status_code == 200, (path, response.text)
    assert org.sql(f"SELECT DISTINCT scope FROM access_tokens WHERE org_id = {int(org.org_id)} "
                   "AND client_id IS NULL") == [["*"]]


def test_scopes_option_is_validated(org):
    from deskd_stack import run_deskd

    result = run_deskd("token", "create", "--region", org.region, "--portal", org.portal, "--agent",
                       org.admin_email, "--scopes", "Desk.tickets.EVERYTHING", config=org.stack.config)
    assert result.returncode != 0
    assert "scopes" in result.stdout.lower()


@pytest.mark.parametrize("scopes", ["Desk.tickets.READ", "Desk.search.READ,Desk.contacts.READ"])
def test_stored_scope_of_scoped_tokens(org, scopes):
    token = scoped_token(org, scopes)
    assert call_with(org, token, "GET", "/auditLogs").status_code == 401
    stored = org.sql(f"SELECT scope FROM access_tokens WHERE org_id = {int(org.org_id)} AND scope <> '*'")
    assert stored == [[scopes]]

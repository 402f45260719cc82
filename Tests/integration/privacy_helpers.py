"""Helpers for the privacy tests (My Info, My data and the agent API queues of email change and erasure
requests): a signed-up end user of an API org, their requests made through the help center, the org's
outbox and audit entries, and a snapshot of what a refused request must leave unchanged."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter

from api_helpers import ApiOrg
from portal_helpers import browser, get, post, sign_in, sign_up, verify_from_email

PASSWORD = "correct horse battery staple"


@dataclass
class EndUser:
    """A signed-in end user of an org's help center."""

    session: requests.Session
    email: str
    contact_id: str
    portal_user_id: str
    # The newest outbox row id when the user was made: later rows are what the test caused.
    outbox_mark: int


def outbox_mark(org: ApiOrg) -> int:
    rows = org.sql(f"SELECT COALESCE(MAX(id), 0) FROM outbox_emails WHERE org_id = {int(org.org_id)}")
    return int(rows[0][0])


class SourceAddressAdapter(HTTPAdapter):
    """Connects from a given loopback address (any of 127.0.0.0/8 reaches nginx on 127.0.0.1)."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def own_address() -> str:
    """A loopback address of its own for one simulated browser: nginx's sign-in limit (10 a minute per
    client address) and deskd's per-address throttle then count each test user apart, as they would
    count real users on their own machines."""
    return f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(1, 254)}"


def signed_up(stack, org: ApiOrg, name: str, email: str | None = None) -> EndUser:
    """Signs a new end user up in `org`'s help center (verified, signed in), from an address of its own."""
    email = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
    session = browser(stack, org.portal, org.host)
    session.mount("https://", SourceAddressAdapter(own_address()))
    sign_up(session, name, email, PASSWORD)
    verify_from_email(session, stack, email)
    signed_in = sign_in(session, email, PASSWORD)
    assert signed_in.status_code == 303, f"sign-in failed: {signed_in.status_code} {signed_in.text[:300]}"
    rows = org.sql(f"SELECT id, contact_id FROM portal_users WHERE org_id = {int(org.org_id)} AND email = '{email}'")
    assert len(rows) == 1, rows
    return EndUser(session=session, email=email, contact_id=rows[0][1], portal_user_id=rows[0][0],
                   outbox_mark=outbox_mark(org))


def request_email_change(stack, org: ApiOrg, user: EndUser, new_email: str) -> None:
    response = post(user.session, "profile/email-change", {"newEmail": new_email})
    assert response.status_code == 303, response.text[:2000]


def request_erasure(stack, org: ApiOrg, user: EndUser) -> None:
    response = post(user.session, "my-data/erasure", {"confirm": "yes"})
    assert response.status_code == 303, response.text[:2000]


def outbox_to(stack, org: ApiOrg, address: str, after: int = 0) -> list[list[str]]:
    """The org's outbox rows (subject, body) to `address` queued after the row id `after`."""
    return org.sql(f"SELECT subject, body FROM outbox_emails WHERE org_id = {int(org.org_id)} AND id > {after} "
                   f"AND recipient = '{address}' ORDER BY id")


def audit_entries(org: ApiOrg, record_type: str, record_id: str) -> list[dict]:
    """The audit entries of one record, newest first."""
    response = org.get(f"/auditLogs?recordType={record_type}&recordId={record_id}&limit=100")
    assert response.status_code == 200, response.text
    return response.json()["data"]


def privacy_snapshot(org: ApiOrg) -> tuple:
    """Rows and versions a refused request must leave as they are."""
    org_id = int(org.org_id)
    values = []
    for table in ("email_change_requests", "erasure_requests", "audit_log", "outbox_emails"):
        values.append(org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {org_id}")[0][0])
    for table in ("email_change_requests", "erasure_requests", "contacts", "portal_users"):
        values.append(org.sql(f"SELECT COALESCE(SUM(version), 0) FROM {table} WHERE org_id = {org_id}")[0][0])
    return tuple(values)


def page(user: EndUser, path: str) -> requests.Response:
    response = get(user.session, path)
    assert response.status_code == 200, (path, response.status_code, response.text[:2000])
    return response

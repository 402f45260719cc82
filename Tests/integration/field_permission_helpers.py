"""Helpers for the field-level permission tests: a custom profile, an agent on it with its own token, and
the org's data sharing opened so that record-level reach does not get in the way of field checks.

The custom profile row and the data sharing rows are inserted with SQL, and the agent is moved onto the
profile with SQL, all before the agent's first request (so its access is resolved from them): the admin
API for profiles and data sharing is built separately. Field permissions themselves are always set through
the API under test."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from api_helpers import ApiOrg
from people_helpers import add_agent, token_for

# The built-in Agent profile's rights, plus the audit log view (to check masking).
RESTRICTED_RIGHTS = {
    "modules": {
        "tickets": ["view", "create", "edit", "delete", "export"],
        "contacts": ["view", "create", "edit", "delete", "export"],
        "accounts": ["view", "create", "edit", "delete", "export"],
        "agents": ["view"],
        "departments": ["view"],
        "auditLog": ["view"],
    },
    "privacy": [],
}


def add_custom_profile(org: ApiOrg, name: str = "Restricted Agent") -> str:
    """A custom profile cloned from Agent (id 2), inserted with SQL; its id as a string."""
    profile_id = random.randint(10**15, 10**17)
    rights = json.dumps(RESTRICTED_RIGHTS).replace("'", "''")
    org.sql(f"INSERT INTO profiles (org_id, id, name, description, cloned_from, permissions, created_at, updated_at) "
            f"VALUES ({int(org.org_id)}, {profile_id}, '{name}', NULL, 2, '{rights}', "
            f"UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
    return str(profile_id)


def open_sharing(org: ApiOrg) -> None:
    """Public read/write data sharing for tickets, contacts and accounts (SQL)."""
    for module in ("tickets", "contacts", "accounts"):
        org.sql(f"INSERT INTO data_sharing (org_id, module, access, updated_at) "
                f"VALUES ({int(org.org_id)}, '{module}', 'publicReadWrite', UTC_TIMESTAMP(6)) "
                f"ON DUPLICATE KEY UPDATE access = 'publicReadWrite'")


@dataclass
class Member:
    """An agent of the org on a given profile, with a client bound to its own token."""

    org: ApiOrg
    agent_id: str
    token: str

    def call(self, method: str, path: str, *, json=None, headers=None, **kwargs):
        merged = {"Authorization": f"Zoho-oauthtoken {self.token}"}
        merged.update(headers or {})
        return self.org.stack.request(method, "/api/v1" + path, host=self.org.host, headers=merged, json=json,
                                      **kwargs)

    def get(self, path: str, **kwargs):
        return self.call("GET", path, **kwargs)

    def post(self, path: str, json=None, **kwargs):
        return self.call("POST", path, json=json, **kwargs)

    def patch(self, path: str, json=None, **kwargs):
        return self.call("PATCH", path, json=json, **kwargs)


def add_member(org: ApiOrg, profile_id: str) -> Member:
    """A new agent of the org moved onto `profile_id` (SQL, before its first request), with a token."""
    agent = add_agent(org)
    org.sql(f"UPDATE agents SET profile_id = {int(profile_id)} WHERE org_id = {int(org.org_id)} "
            f"AND id = {int(agent['id'])}")
    return Member(org=org, agent_id=agent["id"], token=token_for(org, agent["emailId"]))


def set_fields(org: ApiOrg, module: str, profile_id: str, fields: dict) -> dict:
    """Sets field access for a profile through the admin API (as the org's administrator)."""
    response = org.patch(f"/organizationFields/permissions?module={module}&profileId={profile_id}",
                         json={"fields": fields})
    assert response.status_code == 200, response.text
    return {f["apiName"]: f["access"] for f in response.json()["data"]}


def denied(response) -> list[tuple[str, str]]:
    """The (fieldName, errorType) pairs of a 403 FIELD_PERMISSION_DENIED."""
    assert response.status_code == 403, response.text
    body = response.json()
    assert body["errorCode"] == "FIELD_PERMISSION_DENIED", body
    return [(e["fieldName"], e["errorType"]) for e in body["errors"]]

"""Helpers for the record-level access tests: an org with a role tree, two departments and agents of each
built-in profile, set up for one data sharing setting, with tokens for the acting agents.

Roles, data sharing settings and sharing rules are written directly in MariaDB: the admin API of the access
model (profiles, roles, data sharing, sharing rules) is built in parallel and may not be on main yet. They
are written before any of the org's agents acts, and every agent is then created through the agents API
(an audited agent change empties the access cache), so the settings apply to the first request.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from api_helpers import ApiOrg, make_org
from people_helpers import token_for

# Roles below the top role (id 1, "CEO"): Managers ─ Staff, and Others beside them.
ROLE_MANAGERS = 10
ROLE_STAFF = 11
ROLE_OTHERS = 12

PROFILES = {"Administrator": "1", "Agent": "2", "Light Agent": "3"}
SHARED_MODULES = ("tickets", "contacts", "accounts")


@dataclass
class AccessOrg:
    """An org set up for one sharing setting: actors (one per built-in profile, all in role Managers and
    department D1) and the record owners around them:
    - sub: role Staff (below Managers), department D2;
    - colleague: role Others, department D1 (the actors' department);
    - stranger: role Others, department D2."""

    api: ApiOrg
    setting: str
    departments: dict[str, str] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def as_agent(self, name: str) -> ApiOrg:
        """A client acting as one of the org's agents."""
        api = self.api
        return ApiOrg(stack=api.stack, server=api.server, region=api.region, portal=api.portal, org_id=api.org_id,
                      agent_id=self.agents[name], admin_email=api.admin_email, token=self.tokens[name])

    def sql(self, statement: str) -> list[list[str]]:
        return self.api.sql(statement)

    def audit_count(self) -> int:
        return int(self.sql(f"SELECT COUNT(*) FROM audit_log WHERE org_id = {int(self.api.org_id)}")[0][0])


def _insert_role(org: ApiOrg, role_id: int, name: str, reports_to: int) -> None:
    org.sql(f"INSERT INTO roles (org_id, id, name, reports_to, share_data_with_peers, created_at, updated_at) "
            f"VALUES ({int(org.org_id)}, {role_id}, '{name}', {reports_to}, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")


def set_sharing(org: ApiOrg, setting: str, modules=SHARED_MODULES) -> None:
    for module in modules:
        org.sql(f"REPLACE INTO data_sharing (org_id, module, access, updated_at) "
                f"VALUES ({int(org.org_id)}, '{module}', '{setting}', UTC_TIMESTAMP(6))")


def add_sharing_rule(org: ApiOrg, module: str, from_role: int, to_role: int, access: str) -> None:
    rule_id = int(uuid.uuid4().int % 1_000_000_000)
    org.sql(f"INSERT INTO sharing_rules (org_id, id, module, from_role_id, to_role_id, access, created_at, updated_at) "
            f"VALUES ({int(org.org_id)}, {rule_id}, '{module}', {from_role}, {to_role}, '{access}', "
            f"UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")


def make_access_org(stack, server, setting: str, rules=()) -> AccessOrg:
    """A fresh org with `setting` for tickets, contacts and accounts (and `rules`: (module, from, to, access))."""
    api = make_org(stack, server, "us")
    _insert_role(api, ROLE_MANAGERS, "Managers", 1)
    _insert_role(api, ROLE_STAFF, "Staff", ROLE_MANAGERS)
    _insert_role(api, ROLE_OTHERS, "Others", 1)
    set_sharing(api, setting)
    for module, from_role, to_role, access in rules:
        add_sharing_rule(api, module, from_role, to_role, access)
    org = AccessOrg(api=api, setting=setting)
    for name in ("D1", "D2"):
        response = api.post("/departments", json={"name": f"{name} {uuid.uuid4().hex[:6]}"})
        assert response.status_code == 200, response.text
        org.departments[name] = response.json()["id"]
    people = {
        "Administrator": ("1", ROLE_MANAGERS, "D1"),
        "Agent": ("2", ROLE_MANAGERS, "D1"),
        "Light Agent": ("3", ROLE_MANAGERS, "D1"),
        "sub": ("2", ROLE_STAFF, "D2"),
        "colleague": ("2", ROLE_OTHERS, "D1"),
        "stranger": ("2", ROLE_OTHERS, "D2"),
    }
    for name, (profile, role, department) in people.items():
        email = f"{name.replace(' ', '-').lower()}-{uuid.uuid4().hex[:6]}@{api.portal}.example"
        response = api.post("/agents", json={"emailId": email, "lastName": name, "profileId": profile,
                                             "roleId": str(role),
                                             "associatedDepartmentIds": [org.departments[department]]})
        assert response.status_code == 200, response.text
        org.agents[name] = response.json()["id"]
        if name in PROFILES:
            org.tokens[name] = token_for(api, email)
    return org

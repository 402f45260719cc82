"""Support for the cross-tenant probes (test_cross_tenant.py): the route table from `deskd routes`, tenants
filled with a real record of every kind an id route names, the ids that go into each route parameter,
request bodies, answer signatures and snapshots of a tenant's data."""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from dataclasses import dataclass, field

import pytest

from api_helpers import ApiOrg
from deskd_stack import DeskdStack, run_deskd

VERBS = ("GET", "POST", "PATCH", "PUT", "DELETE")

# The kind of record a route parameter names, from the literal segment before it (`/tickets/{id}` → ticket,
# `/comments/{commentId}` → comment). A parameter after a segment that is not here makes the probes FAIL:
# a new id route must say which record it names (and the tenants must get one) before it can ship.
COLLECTION_KINDS = {
    "tickets": "ticket",
    "threads": "thread",
    "comments": "comment",
    "attachments": "attachment",
    "contacts": "contact",
    "accounts": "account",
    "departments": "department",
    "agents": "agent",
    "organizationFields": "customField",
    "organizations": "org",
    "profiles": "profile",
    "roles": "role",
    "sharingRules": "sharingRule",
    "emailChangeRequests": "emailChangeRequest",
    "erasureRequests": "erasureRequest",
}

# An id no org has: the answer for another org's real id must be exactly the answer for this one.
NEVER_ID = "987654321098765"

# Routes that answer without an access token (nothing of a tenant behind them); any other route without a
# token must answer 401. A public route with a `{…}` parameter fails the probes.
PUBLIC_ROUTES = {
    "GET /livez", "GET /healthz", "GET /_diag/sleep", "GET /api/v1/openapi.json",
    "POST /oauth/v2/token", "POST /oauth/v2/token/revoke",
}


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str

    @property
    def key(self) -> str:
        return f"{self.method} {self.pattern}"

    @property
    def segments(self) -> list[str]:
        return self.pattern.split("/")[1:]

    @property
    def parameters(self) -> list[tuple[str, str]]:
        """(name, kind) of each `{name}` in path order; kind None when the segment before is unknown."""
        found = []
        segments = self.segments
        for index, segment in enumerate(segments):
            if segment.startswith("{") and segment.endswith("}"):
                before = segments[index - 1] if index > 0 else ""
                found.append((segment[1:-1], COLLECTION_KINDS.get(before)))
        return found

    def path(self, values: list[str]) -> str:
        """The pattern with its parameters replaced by `values` in order."""
        values = list(values)
        parts = []
        for segment in self.segments:
            if segment.startswith("{") and segment.endswith("}"):
                parts.append(values.pop(0))
            else:
                parts.append(segment)
        return "/" + "/".join(parts)


def route_table(stack: DeskdStack) -> list[Route]:
    """Every route of the production router, from `deskd routes` on the stack's config, except the help
    center's pages (/portal/…): end users' HTML behind a session cookie, not the token API these probes
    speak; the portal tests check their isolation (another user's ticket → 404)."""
    result = run_deskd("routes", config=stack.config)
    assert result.returncode == 0, f"deskd routes failed:\n{result.stdout}"
    routes = []
    for line in result.stdout.splitlines():
        method, _, pattern = line.partition(" ")
        assert method in VERBS + ("HEAD", "OPTIONS") and pattern.startswith("/"), f"not METHOD PATTERN: {line!r}"
        if pattern.startswith("/portal/"):
            continue
        routes.append(Route(method, pattern))
    assert len(routes) > 20, f"deskd routes listed too few routes:\n{result.stdout}"
    return routes


def api_path(route: Route, values: list[str]) -> str:
    """The path under /api/v1 (what ApiOrg.call takes)."""
    full = route.path(values)
    assert full.startswith("/api/v1/"), full
    return full[len("/api/v1"):]


# -- tenants -------------------------------------------------------------------------------------------------

@dataclass
class Tenant:
    """An org with a real record of every kind, its ids by kind."""

    org: ApiOrg
    ids: dict[str, str] = field(default_factory=dict)
    trashed: dict[str, str] = field(default_factory=dict)
    upload: str = ""

    def id_of(self, kind: str | None, route: Route) -> str:
        if kind is None or kind not in self.ids:
            pytest.fail(f"{route.key}: no {kind or 'known'} record to put into its parameters — add the segment to "
                        f"COLLECTION_KINDS and a record of that kind to fill_tenant() (cross_tenant_support.py)",
                        pytrace=False)
        return self.ids[kind]

    def values(self, route: Route) -> list[str]:
        return [self.id_of(kind, route) for _, kind in route.parameters]


def ok(response, what: str) -> dict:
    assert response.status_code == 200, f"{what}: {response.status_code} {response.text}"
    return response.json()


def random_id() -> int:
    """An id for rows made with SQL, in the generated range (above 2^50) and unlikely to meet another."""
    return random.randrange(2**51, 2**52)


def fill_tenant(org: ApiOrg, routes: list[Route]) -> Tenant:
    """Records of every kind through the API (SQL only for access-model rows whose admin routes vary)."""
    tenant = Tenant(org=org)
    suffix = uuid.uuid4().hex[:6]
    tenant.ids["org"] = org.org_id
    department = ok(org.post("/departments", json={"name": f"Probe dept {suffix}"}), "department")
    tenant.ids["department"] = department["id"]
    agent = ok(org.post("/agents", json={"emailId": f"probe-{suffix}@{org.portal}.example", "lastName": "Probe"}),
               "agent")
    tenant.ids["agent"] = agent["id"]
    associated = org.post(f"/departments/{department['id']}/associateAgents", json={"agentIds": [agent["id"]]})
    assert associated.status_code == 204, associated.text
    tenant.ids["contact"] = ok(org.post("/contacts", json={"lastName": f"探査 {suffix}"}), "contact")["id"]
    tenant.ids["account"] = ok(org.post("/accounts", json={"accountName": f"Probe {suffix}"}), "account")["id"]
    tenant.ids["customField"] = ok(org.post("/organizationFields", json={
        "module": "tickets", "type": "Text", "displayLabel": f"Probe {suffix}"}), "custom field")["id"]
    ticket = ok(org.post("/tickets", json={"subject": f"探査チケット {suffix}", "departmentId": department["id"],
                                           "contactId": tenant.ids["contact"], "assigneeId": agent["id"]}), "ticket")
    tenant.ids["ticket"] = ticket["id"]
    tid = ticket["id"]
    tenant.ids["thread"] = ok(org.post(f"/tickets/{tid}/sendReply", json={"channel": "EMAIL", "content": "返信"}),
                              "thread")["id"]
    tenant.ids["comment"] = ok(org.post(f"/tickets/{tid}/comments", json={"content": "コメント"}), "comment")["id"]
    tenant.ids["attachment"] = ok(org.call("POST", f"/tickets/{tid}/attachments",
                                           files={"file": ("probe.txt", b"probe bytes", "text/plain")}),
                                  "attachment")["id"]
    tenant.upload = ok(org.call("POST", "/uploads", files={"file": ("up.txt", b"upload", "text/plain")}),
                       "upload")["id"]
    # Records in the recycle bin, for the restore / delete probes.
    trashed_ticket = ok(org.post("/tickets", json={"subject": f"trashed {suffix}"}), "ticket")["id"]
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [trashed_ticket]}).status_code == 204
    tenant.trashed["ticket"] = trashed_ticket
    trashed_contact = ok(org.post("/contacts", json={"lastName": f"trashed {suffix}"}), "contact")["id"]
    assert org.post("/contacts/moveToTrash", json={"contactIds": [trashed_contact]}).status_code == 204
    tenant.trashed["contact"] = trashed_contact
    fill_access_model(tenant, routes)
    fill_privacy_requests(tenant, routes)
    return tenant


def fill_access_model(tenant: Tenant, routes: list[Route]) -> None:
    """A custom profile, a role and a sharing rule, when the router has routes for them. Built-in profiles
    and the top role have the same ids in every org, so only rows of the org's own are real records of it."""
    kinds = {kind for route in routes for _, kind in route.parameters}
    org = tenant.org
    oid = int(org.org_id)
    if "profile" in kinds:
        pid = random_id()
        permissions = json.dumps({"modules": {"tickets": ["view"]}, "privacy": []}, separators=(",", ":"))
        org.sql(f"INSERT INTO profiles (org_id, id, name, description, cloned_from, permissions, created_at, "
                f"updated_at) VALUES ({oid}, {pid}, 'Probe profile', NULL, 2, '{permissions}', UTC_TIMESTAMP(6), "
                f"UTC_TIMESTAMP(6))")
        tenant.ids["profile"] = str(pid)
    if "role" in kinds or "sharingRule" in kinds:
        rid = random_id()
        org.sql(f"INSERT INTO roles (org_id, id, name, description, reports_to, created_at, updated_at) "
                f"VALUES ({oid}, {rid}, 'Probe role', NULL, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
        tenant.ids["role"] = str(rid)
    if "sharingRule" in kinds:
        sid = random_id()
        org.sql(f"INSERT INTO sharing_rules (org_id, id, module, from_role_id, to_role_id, access, created_at, "
                f"updated_at) VALUES ({oid}, {sid}, 'tickets', {tenant.ids['role']}, 1, 'readOnly', "
                f"UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
        tenant.ids["sharingRule"] = str(sid)


def fill_privacy_requests(tenant: Tenant, routes: list[Route]) -> None:
    """A help-center user of the contact with a pending email change and erasure request, when the router has
    the privacy queues (SQL: an end user's requests come from the help center, behind a session)."""
    kinds = {kind for route in routes for _, kind in route.parameters}
    if not {"emailChangeRequest", "erasureRequest"} & kinds:
        return
    org = tenant.org
    oid, contact, user = int(org.org_id), int(tenant.ids["contact"]), random_id()
    email = f"probe-{user}@example.com"
    org.sql(f"INSERT INTO portal_users (org_id, id, contact_id, email, password_hash, created_at, updated_at) "
            f"VALUES ({oid}, {user}, {contact}, '{email}', 'x', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
    ecr, erasure = random_id(), random_id()
    org.sql(f"INSERT INTO email_change_requests (org_id, id, contact_id, portal_user_id, old_email, new_email, status, "
            f"requested_at, updated_at) VALUES ({oid}, {ecr}, {contact}, {user}, '{email}', 'new-{email}', 'pending', "
            f"UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
    org.sql(f"INSERT INTO erasure_requests (org_id, id, contact_id, portal_user_id, status, requested_at, updated_at) "
            f"VALUES ({oid}, {erasure}, {contact}, {user}, 'pending', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
    tenant.ids["emailChangeRequest"] = str(ecr)
    tenant.ids["erasureRequest"] = str(erasure)


# -- requests ------------------------------------------------------------------------------------------------

# Minimal valid bodies, by the last literal segment of the route and the verb: the id lookup is reached, so a
# registered verb answers what it answers for a missing id rather than a body error. `attacker` fills ids that
# must be the caller's own.
def request_body(method: str, route: Route, attacker: Tenant) -> dict:
    if method not in ("POST", "PATCH", "PUT"):
        return {}
    literals = [s for s in route.segments if not s.startswith("{")]
    last = literals[-1] if literals else ""
    if last == "attachments" and method == "POST":
        return {"files": {"file": ("probe.txt", b"probe", "text/plain")}}
    bodies = {
        "tickets": {"subject": "probe"},
        "comments": {"content": "probe"},
        "sendReply": {"channel": "EMAIL", "content": "probe"},
        "contacts": {"lastName": "probe"},
        "accounts": {"accountName": "probe"},
        "departments": {"name": f"probe {uuid.uuid4().hex[:6]}"},
        "agents": {"lastName": "probe"},
        "organizationFields": {"displayLabel": "probe"},
        "organizations": {"companyName": "probe"},
        "associateAgents": {"agentIds": [attacker.ids["agent"]]},
        "dissociateAgents": {"agentIds": [attacker.ids["agent"]]},
        "profiles": {"name": "probe"},
        "clone": {"name": f"probe {uuid.uuid4().hex[:6]}"},
        "roles": {"name": "probe"},
        "sharingRules": {"access": "readOnly"},
        "permissions": {"permissions": [{"profileId": "2", "access": "readOnly"}]},
        "approve": {"reason": "probe"},
        "reject": {"reason": "probe"},
    }
    return {"json": bodies[last]} if last in bodies else {}


def signature(response, ids: list[str]) -> tuple:
    """What a caller can tell from an answer: status, error code, message and errors (with the ids it sent
    replaced by a placeholder; without the per-request requestId), Allow, the kind of body."""
    text = response.text
    for value in ids:
        text = text.replace(value, "{id}")
    try:
        body = json.loads(text) if text else None
    except ValueError:
        body = hashlib.sha256(response.content).hexdigest()
    if isinstance(body, dict):
        body.pop("requestId", None)  # differs on every request, says nothing about the record
    content_type = response.headers.get("Content-Type", "").split(";")[0]
    return (response.status_code, content_type, response.headers.get("Allow"), json.dumps(body, sort_keys=True))


def error_code(response) -> str | None:
    try:
        return response.json().get("errorCode")
    except ValueError:
        return None


# -- snapshots -----------------------------------------------------------------------------------------------

def database_snapshot(org: ApiOrg) -> dict:
    """Per table of the region with an org_id column: the org's row count and a checksum over every column
    of its rows (any insert, update or delete of the org's data changes one), and the same for its orgs row."""
    columns = org.sql("SELECT table_name, GROUP_CONCAT(column_name ORDER BY ordinal_position) "
                      "FROM information_schema.columns WHERE table_schema = DATABASE() "
                      "GROUP BY table_name ORDER BY table_name")
    oid = int(org.org_id)
    parts = []
    for table, names in columns:
        names = names.split(",")
        if table != "orgs" and "org_id" not in names:
            continue
        row_text = "CONCAT_WS('|', " + ", ".join(f"IFNULL(HEX(`{name}`), 'N')" for name in names) + ")"
        where = f"id = {oid}" if table == "orgs" else f"org_id = {oid}"
        parts.append(f"SELECT '{table}', COUNT(*), COALESCE(BIT_XOR(CRC32({row_text})), 0), "
                     f"COALESCE(SUM(CRC32({row_text})), 0) FROM `{table}` WHERE {where}")
    rows = org.sql(" UNION ALL ".join(parts))
    snapshot = {row[0]: tuple(row[1:]) for row in rows}
    assert {"tickets", "audit_log", "orgs"} <= set(snapshot), snapshot
    assert snapshot["tickets"][0] != "0" and snapshot["orgs"][0] == "1", snapshot
    return snapshot


# Query parameters a GET route needs to answer 200 for the snapshot.
SNAPSHOT_QUERIES = {
    "/api/v1/contacts/search": {"searchStr": "探査"},
    "/api/v1/accounts/search": {"searchStr": "Probe"},
    "/api/v1/tickets/search": {"subject": "探査チケット*"},
    "/api/v1/organizationFields": {"module": "tickets"},
    "/api/v1/organizationFields/permissions": {"module": "tickets", "profileId": "2"},
}


def api_snapshot(tenant: Tenant, routes: list[Route]) -> dict:
    """Every GET route of /api/v1 called by the tenant itself with its own ids: the body. Each one must answer
    200, which also shows that the tenant holds a real record for every id route."""
    snapshot = {}
    for route in routes:
        if route.method != "GET" or not route.pattern.startswith("/api/v1/") or route.key in PUBLIC_ROUTES:
            continue
        response = tenant.org.get(api_path(route, tenant.values(route)), params=SNAPSHOT_QUERIES.get(route.pattern))
        assert response.status_code == 200, f"{route.key} for the org's own records: {response.status_code} " \
                                            f"{response.text[:300]} (a list that needs query parameters: add them " \
                                            f"to SNAPSHOT_QUERIES)"
        content = response.json() if "json" in response.headers.get("Content-Type", "") else \
            hashlib.sha256(response.content).hexdigest()
        snapshot[route.key] = content
    return snapshot


def differences(before: dict, after: dict) -> list[str]:
    """The snapshot entries that changed, for a readable failure."""
    changed = []
    for portal in before:
        for index, name in ((0, "database"), (1, "API")):
            old, new = before[portal][index], after[portal][index]
            for key in sorted(set(old) | set(new)):
                if old.get(key) != new.get(key):
                    changed.append(f"{portal} {name} {key}: {str(old.get(key))[:300]} -> {str(new.get(key))[:300]}")
    return changed

"""Tenant isolation, probed from the router's own route table (`deskd routes`), not from a hand list.

Org A (the caller, an administrator with every scope) and org B in region us, org E in region eu, each with
a real record of every kind an id route names. Every route pattern with `{…}` parameters is called by A with
B's real ids (also with A's own parents and B's child for nested routes, and with B's records in its
recycle bin), with every verb, and the answer is compared with the answer for an id that never existed:
same status, error code, message and errors — never 2xx, and 404 for every registered verb. Before and
after, B's data is snapshotted through B's own token (every GET route) and straight from MariaDB (per table
with an org_id: the org's row count and a checksum over every column) and must be unchanged. Also: an orgId
header or query parameter of another org is 403 OAUTH_ORG_MISMATCH on every authenticated route; list
filters, body and query ids naming B's records answer as for missing ids.
"""

from __future__ import annotations

import json

import pytest

from api_helpers import ApiOrg, HOSTS, make_org
from cross_tenant_support import (NEVER_ID, PUBLIC_ROUTES, VERBS, Route, Tenant, api_path, api_snapshot,
                                  database_snapshot, differences, error_code, fill_tenant, request_body, route_table, signature)


@pytest.fixture(scope="module")
def routes(stack) -> list[Route]:
    return route_table(stack)


@pytest.fixture(scope="module")
def tenants(stack, server_a, server_b, routes) -> dict[str, Tenant]:
    return {
        "A": fill_tenant(make_org(stack, server_a, "us"), routes),
        "B": fill_tenant(make_org(stack, server_a, "us"), routes),
        "E": fill_tenant(make_org(stack, server_b, "eu"), routes),
    }


def id_routes(routes: list[Route]) -> dict[str, list[Route]]:
    """Patterns with parameters → their registered routes."""
    by_pattern: dict[str, list[Route]] = {}
    for route in routes:
        if route.parameters:
            by_pattern.setdefault(route.pattern, []).append(route)
    return by_pattern


def snapshots(*tenants: Tenant, routes: list[Route]) -> dict:
    return {tenant.org.portal: (database_snapshot(tenant.org), api_snapshot(tenant, routes)) for tenant in tenants}


class _RoutedOrg(ApiOrg):
    """The caller's token, sent to the Host of a region of the caller's choosing."""

    def __init__(self, caller: ApiOrg, host: str):
        super().__init__(stack=caller.stack, server=caller.server, region=caller.region, portal=caller.portal,
                         org_id=caller.org_id, agent_id=caller.agent_id, admin_email=caller.admin_email,
                         token=caller.token)
        self._host = host

    @property
    def host(self) -> str:
        return self._host


def probe_all(routes: list[Route], attacker: Tenant, victim: Tenant, host: str, expected_status: int,
              expected_code: str) -> list[str]:
    """Calls every id route with every verb, with the victim's ids and with a missing id; returns failures."""
    caller = _RoutedOrg(attacker.org, host)
    failures: list[str] = []
    registered = {route.key for route in routes}
    for pattern, pattern_routes in id_routes(routes).items():
        route = pattern_routes[0]
        names = route.parameters
        victim_ids = victim.values(route)
        variants = [("all of the other org's ids", victim_ids, [NEVER_ID] * len(names))]
        if len(names) > 1:
            # The caller's own parents with the other org's record in the last place.
            own = attacker.values(route)[:-1]
            variants.append(("own parents, other org's record", own + victim_ids[-1:], own + [NEVER_ID]))
        if names[0][1] in victim.trashed:
            # The other org's record in its recycle bin (children: its live ones under that parent).
            trashed = [victim.trashed[names[0][1]]] + victim_ids[1:]
            variants.append(("other org's trashed record", trashed, [NEVER_ID] * len(names)))
        for label, values, missing in variants:
            for verb in VERBS:
                body = request_body(verb, Route(verb, pattern), attacker)
                probe = caller.call(verb, api_path(route, values), **body)
                baseline = caller.call(verb, api_path(route, missing), **body)
                where = f"{verb} {route.path(values)} ({label}, host {host})"
                if 200 <= probe.status_code < 300:
                    failures.append(f"{where}: {probe.status_code} {probe.text[:200]}")
                    continue
                if signature(probe, values) != signature(baseline, missing):
                    failures.append(f"{where}: answers {signature(probe, values)} but a missing id answers "
                                    f"{signature(baseline, missing)}")
                if f"{verb} {pattern}" in registered and (probe.status_code, error_code(probe)) != (
                        expected_status, expected_code):
                    failures.append(f"{where}: {probe.status_code} {error_code(probe)}, expected {expected_status} "
                                    f"{expected_code}: {probe.text[:200]}")
    return failures


def test_every_id_route_is_known_and_probed(routes, tenants):
    """The generated probe set covers every parameterised route; none is public."""
    patterns = id_routes(routes)
    assert len(patterns) >= 20, sorted(patterns)
    for pattern, pattern_routes in patterns.items():
        for route in pattern_routes:
            assert route.key not in PUBLIC_ROUTES, f"{route.key}: an id route must not be public"
            assert tenants["B"].values(route), route.key  # fails with a message for an unknown kind
    # The tenant made a real record of each kind: the org's own token reads every GET id route with 200.
    api_snapshot(tenants["B"], routes)


def test_other_org_ids_answer_as_missing_ids_and_change_nothing(routes, tenants):
    a, b = tenants["A"], tenants["B"]
    before = snapshots(a, b, routes=routes)
    failures = probe_all(routes, a, b, a.org.host, 404, "URL_NOT_FOUND")
    after = snapshots(a, b, routes=routes)
    assert not failures, "\n".join(failures)
    assert not differences(before, after), "\n".join(differences(before, after))


def test_other_region_ids_answer_as_missing_ids_and_change_nothing(routes, tenants):
    """A (us) with E's (eu) ids: on the us host as missing records (404), on the eu host the us token is
    unknown there (401 INVALID_OAUTH) — for real and missing ids alike."""
    a, e = tenants["A"], tenants["E"]
    before = snapshots(a, e, routes=routes)
    failures = probe_all(routes, a, e, HOSTS["us"], 404, "URL_NOT_FOUND")
    failures += probe_all(routes, a, e, HOSTS["eu"], 401, "INVALID_OAUTH")
    after = snapshots(a, e, routes=routes)
    assert not failures, "\n".join(failures)
    assert not differences(before, after), "\n".join(differences(before, after))


def test_org_id_of_another_org_is_refused_on_every_authenticated_route(routes, tenants, stack):
    """orgId (header or query) naming B, with A's token and A's own ids: 403 OAUTH_ORG_MISMATCH everywhere;
    a route that answers without a token must be one of the known public routes."""
    a, b = tenants["A"], tenants["B"]
    before = snapshots(a, b, routes=routes)
    failures = []
    for route in routes:
        if route.key in PUBLIC_ROUTES:
            assert not route.parameters, f"{route.key}: a public route must not take ids"
            continue
        anonymous = stack.request(route.method, route.path(a.values(route)), host=a.org.host)
        if (anonymous.status_code, error_code(anonymous)) != (401, "UNAUTHORIZED") or \
                not route.pattern.startswith("/api/v1/"):
            failures.append(f"{route.key} without a token: {anonymous.status_code} {anonymous.text[:200]} (a route "
                            f"that needs no token must be listed in PUBLIC_ROUTES)")
            continue
        body = request_body(route.method, route, a)
        for how, extra in (("header", {"headers": {"orgId": b.org.org_id}}),
                           ("query", {"params": {"orgId": b.org.org_id}})):
            response = a.org.call(route.method, api_path(route, a.values(route)), **extra, **body)
            if (response.status_code, error_code(response)) != (403, "OAUTH_ORG_MISMATCH"):
                failures.append(f"{route.key} with B's orgId in the {how}: {response.status_code} {response.text[:200]}")
    after = snapshots(a, b, routes=routes)
    assert not failures, "\n".join(failures)
    assert not differences(before, after), "\n".join(differences(before, after))


def test_list_filters_with_other_org_ids_find_nothing(tenants):
    a, b = tenants["A"], tenants["B"]
    filters = [("/tickets", "departmentId", "department"), ("/tickets", "contactId", "contact"),
               ("/tickets", "assignee", "agent"), ("/ticketsCount", "departmentId", "department"),
               ("/ticketsCount", "contactId", "contact"), ("/ticketsCount", "assignee", "agent"),
               ("/tickets/search", "departmentId", "department"), ("/tickets/search", "contactId", "contact"),
               ("/tickets/search", "assignee", "agent"), ("/agents", "departmentId", "department"),
               ("/auditLogs", "recordId", "ticket"), ("/auditLogs", "actorId", "agent")]
    for path, name, kind in filters:
        theirs = a.org.get(path, params={name: b.ids[kind]})
        missing = a.org.get(path, params={name: NEVER_ID})
        assert theirs.status_code == 200, (path, name, theirs.text)
        assert theirs.json() == missing.json(), (path, name)
        assert theirs.json() in ({"data": []}, {"count": 0}, {"data": [], "count": 0}), (path, name, theirs.text)
    # The filters do find the caller's own records (so an empty answer above means something).
    for path, name, kind in filters[:3]:
        mine = a.org.get(path, params={name: a.ids[kind]}).json()["data"]
        assert [t["id"] for t in mine] == [a.ids["ticket"]], (path, name)


def test_other_org_ids_in_bodies_answer_as_missing_ids(routes, tenants):
    """Ids of B inside request bodies and query parameters (trash, restore, links from tickets, department
    members, uploads, and — where those routes exist — profiles and roles named by agents, roles, sharing rules
    and field permissions) answer exactly as missing ids and change nothing."""
    a, b = tenants["A"], tenants["B"]
    mine = a.ids
    registered = {route.key for route in routes}
    # (method, path, body from the id, B's id, query from the id)
    cases = [
        ("POST", "/tickets/moveToTrash", lambda x: {"ticketIds": [x]}, b.ids["ticket"], None),
        ("POST", "/contacts/moveToTrash", lambda x: {"contactIds": [x]}, b.ids["contact"], None),
        ("POST", "/accounts/moveToTrash", lambda x: {"accountIds": [x]}, b.ids["account"], None),
        ("POST", "/recycleBin/restore", lambda x: {"ids": [x]}, b.trashed["ticket"], None),
        ("POST", "/recycleBin/restore", lambda x: {"ids": [x]}, b.trashed["contact"], None),
        ("POST", "/recycleBin/delete", lambda x: {"ids": [x]}, b.trashed["ticket"], None),
        ("POST", "/tickets", lambda x: {"subject": "probe", "departmentId": x}, b.ids["department"], None),
        ("POST", "/tickets", lambda x: {"subject": "probe", "contactId": x}, b.ids["contact"], None),
        ("POST", "/tickets", lambda x: {"subject": "probe", "assigneeId": x}, b.ids["agent"], None),
        ("PATCH", f"/tickets/{mine['ticket']}", lambda x: {"departmentId": x}, b.ids["department"], None),
        ("PATCH", f"/tickets/{mine['ticket']}", lambda x: {"contactId": x}, b.ids["contact"], None),
        ("PATCH", f"/tickets/{mine['ticket']}", lambda x: {"assigneeId": x}, b.ids["agent"], None),
        ("POST", f"/departments/{mine['department']}/associateAgents", lambda x: {"agentIds": [x]}, b.ids["agent"],
         None),
        ("POST", f"/departments/{mine['department']}/dissociateAgents", lambda x: {"agentIds": [x]},
         b.ids["agent"], None),
        ("POST", f"/tickets/{mine['ticket']}/comments", lambda x: {"content": "c", "attachmentIds": [x]}, b.upload,
         None),
        ("POST", f"/tickets/{mine['ticket']}/sendReply",
         lambda x: {"channel": "EMAIL", "content": "r", "attachmentIds": [x]}, b.upload, None),
    ]
    if "GET /api/v1/profiles/{id}" in registered:
        cases += [
            ("PATCH", f"/agents/{mine['agent']}", lambda x: {"profileId": x}, b.ids["profile"], None),
            ("POST", "/agents", lambda x: {"emailId": f"p-{x}@{a.org.portal}.example", "lastName": "P", "profileId": x},
             b.ids["profile"], None),
        ]
    if "GET /api/v1/roles/{id}" in registered:
        cases += [
            ("PATCH", f"/agents/{mine['agent']}", lambda x: {"roleId": x}, b.ids["role"], None),
            ("PATCH", f"/roles/{mine['role']}", lambda x: {"reportsTo": x}, b.ids["role"], None),
            ("POST", "/roles", lambda x: {"name": "probe", "reportsTo": x}, b.ids["role"], None),
        ]
    if "POST /api/v1/sharingRules" in registered:
        cases += [
            ("POST", "/sharingRules", lambda x: {"module": "tickets", "fromRoleId": x, "toRoleId": mine["role"],
                                                 "access": "readOnly"}, b.ids["role"], None),
            ("POST", "/sharingRules", lambda x: {"module": "tickets", "fromRoleId": mine["role"], "toRoleId": x,
                                                 "access": "readOnly"}, b.ids["role"], None),
        ]
    if "GET /api/v1/organizationFields/permissions" in registered and "profile" in b.ids:
        cases += [
            ("GET", "/organizationFields/permissions", None, b.ids["profile"],
             lambda x: {"module": "tickets", "profileId": x}),
        ]
    if "PATCH /api/v1/organizationFields/{id}/permissions" in registered and "profile" in b.ids:
        cases += [
            ("PATCH", f"/organizationFields/{mine['customField']}/permissions",
             lambda x: {"permissions": [{"profileId": x, "access": "readOnly"}]}, b.ids["profile"], None),
        ]
    if "DELETE /api/v1/roles/{id}" in registered:
        cases += [("DELETE", f"/roles/{mine['role']}", None, b.ids["role"], lambda x: {"transferToRoleId": x})]
    before = snapshots(a, b, routes=routes)
    failures = []
    for method, path, body, theirs, query in cases:
        def call(value):
            return a.org.call(method, path, json=body(value) if body else None,
                              params=query(value) if query else None)
        probe, baseline = call(theirs), call(NEVER_ID)
        if 200 <= probe.status_code < 300 or signature(probe, [theirs]) != signature(baseline, [NEVER_ID]):
            failures.append(f"{method} {path} with B's id {theirs}: {probe.status_code} {probe.text[:200]}; a "
                            f"missing id: {baseline.status_code} {baseline.text[:200]}")
    after = snapshots(a, b, routes=routes)
    assert not failures, "\n".join(failures)
    assert not differences(before, after), "\n".join(differences(before, after))


def test_nothing_the_caller_reads_names_another_org(routes, tenants):
    """Every GET route, read by A with A's own ids (lists, searches, counts, children, the audit log, the
    recycle bin…), holds none of B's or E's ids or portal names — while it names every record of A's own."""
    a = tenants["A"]
    seen = json.dumps(api_snapshot(a, routes), ensure_ascii=False)
    missing_own = sorted(kind for kind, value in {**a.ids, "trashed": a.trashed["ticket"]}.items() if value not in seen)
    assert not missing_own, f"A's own reads do not show its {missing_own}: the reads above prove little"
    for other in (tenants["B"], tenants["E"]):
        markers = set(other.ids.values()) | set(other.trashed.values()) | {other.upload, other.org.portal}
        leaked = sorted(marker for marker in markers if marker and marker in seen)
        assert not leaked, f"A's reads name {other.org.portal}'s records: {leaked}"

"""The admin API of the access model through nginx: profiles (list, get, edit custom, clone, delete), roles
(create, edit without cycles, delete with transfer), data sharing, sharing rules and /myProfilePermissions;
validation that writes nothing, the audit log, rights of a non-administrator, changes that apply to the
affected agent at once, and org isolation."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from people_helpers import ADMINISTRATOR, AGENT, LIGHT_AGENT, TIME, TOP_ROLE, add_agent, fields, token_for

MODULES = ["tickets", "contacts", "accounts", "agents", "departments", "recycleBin", "auditLog", "exports", "settings"]
ACTIONS = ["view", "create", "edit", "delete", "export"]
PRIVACY = ["anonymize", "approveEmailChange", "bulkExport", "regionMove"]
PROFILE_KEYS = {"id", "name", "description", "isDefault", "clonedFrom", "permissions", "createdTime", "modifiedTime"}
ROLE_KEYS = {"id", "name", "description", "reportsTo", "shareDataWithPeers", "isDefault", "createdTime",
             "modifiedTime"}
RULE_KEYS = {"id", "module", "fromRoleId", "toRoleId", "access", "createdTime", "modifiedTime"}


def access_snapshot(org) -> tuple:
    """Rows and versions of the access tables (and the audit log) that a refused request must leave as they are."""
    org_id = int(org.org_id)
    counts = []
    for table in ["profiles", "roles", "data_sharing", "sharing_rules", "field_permissions", "audit_log", "agents"]:
        counts.append(org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {org_id}")[0][0])
    for table in ["profiles", "roles", "data_sharing", "sharing_rules", "agents"]:
        counts.append(org.sql(f"SELECT COALESCE(SUM(version), 0) FROM {table} WHERE org_id = {org_id}")[0][0])
    counts.append(org.sql(f"SELECT COUNT(*) FROM roles WHERE org_id = {org_id} AND deleted_at IS NOT NULL")[0][0])
    return tuple(counts)


def rights(profile: dict) -> set[tuple[str, str]]:
    """The (module, action) pairs a rendered profile allows."""
    return {(m, a) for m, actions in profile["permissions"]["modules"].items() for a, on in actions.items() if on}


def as_agent(org, token: str, method: str, path: str, json=None):
    return org.stack.request(method, "/api/v1" + path, host=org.host, json=json,
                             headers={"Authorization": f"Zoho-oauthtoken {token}"})


def clone(org, source: str = AGENT, **body) -> dict:
    body.setdefault("name", f"Profile {len(org.get('/profiles').json()['data'])}")
    response = org.post(f"/profiles/{source}/clone", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def add_role(org, **body) -> dict:
    body.setdefault("name", "Role")
    response = org.post("/roles", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def sharing_entries(org) -> list[dict]:
    """The audit entries of the org's data sharing settings (their record id is the org's)."""
    return [e for e in org.audit(f"?recordId={org.org_id}&limit=100") if e["recordType"] == "dataSharing"]


def error(response) -> tuple[int, str]:
    return response.status_code, response.json()["errorCode"]


# Profiles


def test_profiles_list_get_and_shape(org):
    response = org.get("/profiles")
    assert response.status_code == 200, response.text
    profiles = response.json()["data"]
    assert [(p["id"], p["name"], p["isDefault"]) for p in profiles] == [
        (ADMINISTRATOR, "Administrator", True), (AGENT, "Agent", True), (LIGHT_AGENT, "Light Agent", True)]
    for profile in profiles:
        assert set(profile) == PROFILE_KEYS
        assert profile["clonedFrom"] is None and profile["createdTime"] is None and profile["description"]
        assert set(profile["permissions"]) == {"modules", "privacy"}
        assert sorted(profile["permissions"]["modules"]) == sorted(MODULES)
        for actions in profile["permissions"]["modules"].values():
            assert sorted(actions) == sorted(ACTIONS) and all(isinstance(v, bool) for v in actions.values())
        assert sorted(profile["permissions"]["privacy"]) == sorted(PRIVACY)
        assert all(isinstance(v, bool) for v in profile["permissions"]["privacy"].values())
    administrator, agent, light = profiles
    assert rights(administrator) == {(m, a) for m in MODULES for a in ACTIONS}
    assert all(administrator["permissions"]["privacy"].values())
    assert ("tickets", "delete") in rights(agent) and ("settings", "edit") not in rights(agent)
    assert not any(agent["permissions"]["privacy"].values())
    assert rights(light) == {("tickets", "view"), ("contacts", "view"), ("accounts", "view"), ("agents", "view"),
                             ("departments", "view")}
    one = org.get(f"/profiles/{AGENT}")
    assert one.status_code == 200 and one.json() == agent and one.headers["ETag"] == '"1"'
    mine = org.get("/myProfilePermissions")
    assert mine.status_code == 200 and mine.json() == administrator
    for path in ["/profiles/999", "/profiles/abc", "/profiles/0"]:
        assert error(org.get(path)) == (404, "URL_NOT_FOUND"), path


def test_clone_patch_delete_and_audit(org):
    response = org.post(f"/profiles/{AGENT}/clone", json={"name": "夜勤チーム", "description": "夜のサポート 🌙"},
                        headers={"X-Request-Id": "req-clone"})
    assert response.status_code == 200, response.text
    custom = response.json()
    assert set(custom) == PROFILE_KEYS and response.headers["ETag"] == '"1"'
    assert custom["name"] == "夜勤チーム" and custom["description"] == "夜のサポート 🌙"
    assert custom["isDefault"] is False and custom["clonedFrom"] == AGENT and custom["id"] not in ("1", "2", "3")
    assert TIME.match(custom["createdTime"]) and TIME.match(custom["modifiedTime"])
    agent = org.get(f"/profiles/{AGENT}").json()
    assert custom["permissions"] == agent["permissions"]
    assert org.get(f"/profiles/{custom['id']}").json() == custom
    assert [p["id"] for p in org.get("/profiles").json()["data"]] == ["1", "2", "3", custom["id"]]
    stored = org.sql(f"SELECT HEX(name) FROM profiles WHERE org_id = {int(org.org_id)} AND id = {int(custom['id'])}")
    assert bytes.fromhex(stored[0][0]).decode("utf-8") == "夜勤チーム"

    response = org.patch(f"/profiles/{custom['id']}", headers={"If-Match": '"1"'}, json={
        "name": "Night shift", "description": None,
        "permissions": {"modules": {"tickets": {"delete": False, "export": False}, "settings": {"view": True}},
                        "privacy": {"anonymize": True}}})
    assert response.status_code == 200, response.text
    patched = response.json()
    assert response.headers["ETag"] == '"2"'
    assert patched["name"] == "Night shift" and patched["description"] is None
    assert rights(patched) == (rights(agent) - {("tickets", "delete"), ("tickets", "export")}) | {("settings", "view")}
    assert patched["permissions"]["privacy"] == {"anonymize": True, "approveEmailChange": False, "bulkExport": False,
                                                 "regionMove": False}
    # The same values again change nothing (no write, no audit entry, same version).
    again = org.patch(f"/profiles/{custom['id']}", json={"permissions": {"modules": {"tickets": {"delete": False}}}})
    assert again.status_code == 200 and again.headers["ETag"] == '"2"'
    stale = org.patch(f"/profiles/{custom['id']}", json={"name": "x"}, headers={"If-Match": '"1"'})
    assert error(stale) == (412, "PRECONDITION_FAILED")

    second = clone(org, source=custom["id"], name="Night shift 2")
    assert second["clonedFrom"] == custom["id"] and second["permissions"] == patched["permissions"]

    entries = org.audit(f"?recordId={custom['id']}")
    assert [(e["action"], e["recordType"]) for e in entries] == [("update", "profile"), ("create", "profile")]
    assert entries[1]["requestId"] == "req-clone"
    created = {c["field"]: c["newValue"] for c in entries[1]["changes"]}
    assert created["name"] == "夜勤チーム" and created["clonedFrom"] == AGENT and created["description"] == "夜のサポート 🌙"
    updated = {c["field"]: (c["oldValue"], c["newValue"]) for c in entries[0]["changes"]}
    assert set(updated) == {"name", "description", "permissions"}
    assert updated["name"] == ("夜勤チーム", "Night shift") and updated["description"] == ("夜のサポート 🌙", None)
    assert '"anonymize"' in updated["permissions"][1] and '"anonymize"' not in updated["permissions"][0]

    response = org.call("DELETE", f"/profiles/{custom['id']}")
    assert response.status_code == 204, response.text
    assert error(org.get(f"/profiles/{custom['id']}")) == (404, "URL_NOT_FOUND")
    assert custom["id"] not in [p["id"] for p in org.get("/profiles").json()["data"]]
    assert error(org.call("DELETE", f"/profiles/{custom['id']}")) == (404, "URL_NOT_FOUND")
    deleted = org.audit(f"?recordId={custom['id']}&action=delete")
    assert len(deleted) == 1 and deleted[0]["recordType"] == "profile"
    # The name is free again.
    assert clone(org, name="Night shift")["name"] == "Night shift"


def test_profile_refusals_write_nothing(org):
    custom = clone(org, name="Custom")
    user = add_agent(org, profileId=custom["id"])
    before = access_snapshot(org)
    for builtin in [ADMINISTRATOR, AGENT, LIGHT_AGENT]:
        response = org.patch(f"/profiles/{builtin}", json={"name": "Mine"})
        assert error(response) == (422, "UNPROCESSABLE_ENTITY"), response.text
        assert "clone" in response.json()["message"]
        assert error(org.call("DELETE", f"/profiles/{builtin}")) == (422, "UNPROCESSABLE_ENTITY")
    response = org.call("DELETE", f"/profiles/{custom['id']}")
    assert error(response) == (422, "UNPROCESSABLE_ENTITY") and "assigned" in response.json()["message"]

    patch_cases = [
        ({"name": ""}, "/name"), ({"name": None}, "/name"), ({"name": "x" * 101}, "/name"), ({"name": 5}, "/name"),
        ({"name": "agent"}, "/name"), ({"bogus": 1}, "/bogus"), ({"isDefault": False}, "/isDefault"),
        ({"permissions": []}, "/permissions"), ({"permissions": None}, "/permissions"),
        ({"permissions": {"other": {}}}, "/permissions/other"),
        ({"permissions": {"modules": []}}, "/permissions/modules"),
        ({"permissions": {"modules": {"bogus": {"view": True}}}}, "/permissions/modules/bogus"),
        ({"permissions": {"modules": {"tickets": {"fly": True}}}}, "/permissions/modules/tickets/fly"),
        ({"permissions": {"modules": {"tickets": {"view": "yes"}}}}, "/permissions/modules/tickets/view"),
        ({"permissions": {"modules": {"tickets": True}}}, "/permissions/modules/tickets"),
        ({"permissions": {"modules": {"a/b": {}}}}, "/permissions/modules/a~1b"),
        ({"permissions": {"privacy": {"erase": True}}}, "/permissions/privacy/erase"),
        ({"permissions": {"privacy": {"anonymize": 1}}}, "/permissions/privacy/anonymize"),
    ]
    for body, pointer in patch_cases:
        response = org.patch(f"/profiles/{custom['id']}", json=body)
        assert error(response) == (422, "INVALID_DATA"), (body, response.text)
        assert pointer in fields(response), (body, response.text)
    # Every problem of a body is reported at once.
    response = org.patch(f"/profiles/{custom['id']}", json={
        "name": "", "permissions": {"modules": {"bogus": {}, "tickets": {"fly": True}}}})
    assert fields(response) == ["/name", "/permissions/modules/bogus", "/permissions/modules/tickets/fly"]
    for body, pointer in [({}, "/name"), ({"name": None}, "/name"), ({"name": "Administrator"}, "/name"),
                          ({"name": "CUSTOM"}, "/name"), ({"name": "ok", "permissions": {}}, "/permissions"),
                          ({"name": "x" * 101}, "/name"), ({"name": "ok", "description": 3}, "/description"),
                          ({"name": "ok", "description": "x" * 1001}, "/description")]:
        response = org.post(f"/profiles/{AGENT}/clone", json=body)
        assert error(response) == (422, "INVALID_DATA"), (body, response.text)
        assert pointer in fields(response), (body, response.text)
    assert error(org.post("/profiles/999/clone", json={"name": "x"})) == (404, "URL_NOT_FOUND")
    assert error(org.patch("/profiles/999", json={"name": "x"})) == (404, "URL_NOT_FOUND")
    assert error(org.call("DELETE", "/profiles/999")) == (404, "URL_NOT_FOUND")
    assert org.patch(f"/profiles/{custom['id']}", data=b"{", headers={"Content-Type": "application/json"}).status_code == 400
    assert access_snapshot(org) == before
    assert org.get(f"/agents/{user['id']}").json()["profileId"] == custom["id"]


# Roles


def test_roles_create_edit_and_tree(org):
    response = org.get("/roles")
    assert response.status_code == 200
    assert response.json() == {"data": [{"id": TOP_ROLE, "name": "CEO", "description": "The top of the role hierarchy.",
                                         "reportsTo": None, "shareDataWithPeers": False, "isDefault": True,
                                         "createdTime": None, "modifiedTime": None}]}
    response = org.post("/roles", json={"name": "営業部長", "description": "東京"}, headers={"X-Request-Id": "req-role"})
    assert response.status_code == 200, response.text
    manager = response.json()
    assert set(manager) == ROLE_KEYS and response.headers["ETag"] == '"1"'
    assert manager["name"] == "営業部長" and manager["reportsTo"] == TOP_ROLE and manager["isDefault"] is False
    assert manager["shareDataWithPeers"] is False and TIME.match(manager["createdTime"])
    lead = add_role(org, name="Lead", reportsTo=manager["id"], shareDataWithPeers=True)
    member = add_role(org, name="Member", reportsTo=lead["id"])
    assert lead["shareDataWithPeers"] is True and member["reportsTo"] == lead["id"]
    assert [r["id"] for r in org.get("/roles").json()["data"]] == [TOP_ROLE, manager["id"], lead["id"], member["id"]]
    assert org.get(f"/roles/{lead['id']}").json() == lead
    assert org.get(f"/roles/{TOP_ROLE}").json()["name"] == "CEO"

    response = org.patch(f"/roles/{member['id']}", headers={"If-Match": '"1"'},
                         json={"name": "Members", "reportsTo": manager["id"], "shareDataWithPeers": True,
                               "description": "みんな"})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    moved = response.json()
    assert moved["reportsTo"] == manager["id"] and moved["name"] == "Members" and moved["shareDataWithPeers"] is True
    assert error(org.patch(f"/roles/{member['id']}", json={"name": "x"}, headers={"If-Match": '"1"'})) == (
        412, "PRECONDITION_FAILED")

    entries = org.audit(f"?recordId={member['id']}")
    assert [(e["action"], e["recordType"]) for e in entries] == [("update", "role"), ("create", "role")]
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]} == {
        ("name", "Member", "Members"), ("reportsTo", lead["id"], manager["id"]),
        ("shareDataWithPeers", "false", "true"), ("description", None, "みんな")}
    created = org.audit(f"?recordId={manager['id']}")[0]
    assert created["requestId"] == "req-role"
    assert {c["field"]: c["newValue"] for c in created["changes"]} == {
        "name": "営業部長", "description": "東京", "reportsTo": TOP_ROLE, "shareDataWithPeers": "false"}


def test_role_refusals_write_nothing(org, other_org):
    a = add_role(org, name="A")
    b = add_role(org, name="B", reportsTo=a["id"])
    c = add_role(org, name="C", reportsTo=b["id"])
    foreign = add_role(other_org, name="Foreign")
    before = access_snapshot(org)
    for body, pointer in [({"reportsTo": a["id"]}, "/reportsTo"), ({"reportsTo": c["id"]}, "/reportsTo"),
                          ({"reportsTo": "999"}, "/reportsTo"), ({"reportsTo": foreign["id"]}, "/reportsTo"),
                          ({"reportsTo": None}, "/reportsTo"), ({"reportsTo": 1}, "/reportsTo"),
                          ({"name": ""}, "/name"), ({"name": None}, "/name"), ({"name": "x" * 101}, "/name"),
                          ({"shareDataWithPeers": "yes"}, "/shareDataWithPeers"), ({"id": "5"}, "/id"),
                          ({"description": "説" * 1001}, "/description")]:
        response = org.patch(f"/roles/{a['id']}", json=body)
        assert error(response) == (422, "INVALID_DATA"), (body, response.text)
        assert fields(response) == [pointer], (body, response.text)
    for body, pointer in [({}, "/name"), ({"name": "x", "reportsTo": "999"}, "/reportsTo"),
                          ({"name": "x", "reportsTo": foreign["id"]}, "/reportsTo"),
                          ({"name": "x", "extra": 1}, "/extra"), ({"name": "   "}, "/name")]:
        response = org.post("/roles", json=body)
        assert error(response) == (422, "INVALID_DATA"), (body, response.text)
        assert fields(response) == [pointer], (body, response.text)
    response = org.patch(f"/roles/{TOP_ROLE}", json={"name": "Boss"})
    assert error(response) == (422, "UNPROCESSABLE_ENTITY") and "top role" in response.json()["message"]
    assert error(org.call("DELETE", f"/roles/{TOP_ROLE}")) == (422, "UNPROCESSABLE_ENTITY")
    for query in [f"transferToRoleId={a['id']}", f"transferToRoleId={c['id']}", "transferToRoleId=999",
                  f"transferToRoleId={foreign['id']}", "transferToRoleId=abc"]:
        response = org.call("DELETE", f"/roles/{a['id']}?{query}")
        assert error(response) == (422, "INVALID_DATA"), (query, response.text)
        assert fields(response) == ["transferToRoleId"], (query, response.text)
    assert error(org.get("/roles/999")) == (404, "URL_NOT_FOUND")
    assert error(org.patch("/roles/999", json={"name": "x"})) == (404, "URL_NOT_FOUND")
    assert error(org.call("DELETE", "/roles/999")) == (404, "URL_NOT_FOUND")
    assert access_snapshot(org) == before


def test_concurrent_reparenting_makes_no_cycle(org):
    """Two roles made to report to each other at the same moment: one change wins, the other is refused."""
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(3):
        a = add_role(org, name="A")
        b = add_role(org, name="B")

        def reparent(pair):
            child, parent = pair
            return org.patch(f"/roles/{child}", json={"reportsTo": parent}).status_code

        with ThreadPoolExecutor(max_workers=2) as pool:
            statuses = sorted(pool.map(reparent, [(a["id"], b["id"]), (b["id"], a["id"])]))
        assert statuses == [200, 422], statuses
        parents = {r["id"]: r["reportsTo"] for r in org.get("/roles").json()["data"]}
        assert TOP_ROLE in (parents[a["id"]], parents[b["id"]]), parents


def test_role_delete_moves_agents_children_and_rules(org):
    a = add_role(org, name="A")
    b = add_role(org, name="B", reportsTo=a["id"])
    c = add_role(org, name="C", reportsTo=b["id"])
    d = add_role(org, name="D")
    agent = add_agent(org, roleId=b["id"])
    rule = org.post("/sharingRules", json={"module": "tickets", "fromRoleId": b["id"], "toRoleId": d["id"],
                                           "access": "readOnly"}).json()
    kept = org.post("/sharingRules", json={"module": "contacts", "fromRoleId": a["id"], "toRoleId": d["id"],
                                           "access": "readWrite"}).json()

    response = org.call("DELETE", f"/roles/{b['id']}", headers={"X-Request-Id": "req-role-delete"})
    assert response.status_code == 204, response.text
    assert error(org.get(f"/roles/{b['id']}")) == (404, "URL_NOT_FOUND")
    assert [r["id"] for r in org.get("/roles").json()["data"]] == [TOP_ROLE, a["id"], c["id"], d["id"]]
    assert org.get(f"/roles/{c['id']}").json()["reportsTo"] == a["id"]
    assert org.get(f"/agents/{agent['id']}").json()["roleId"] == a["id"]
    assert [r["id"] for r in org.get("/sharingRules").json()["data"]] == [kept["id"]]
    deleted_at = org.sql(f"SELECT deleted_at IS NOT NULL FROM roles WHERE org_id = {int(org.org_id)} AND id = {int(b['id'])}")
    assert deleted_at == [["1"]]

    entries = [e for e in org.audit("?limit=100") if e["requestId"] == "req-role-delete"]
    assert sorted((e["action"], e["recordType"], e["recordId"]) for e in entries) == sorted([
        ("delete", "role", b["id"]), ("update", "role", c["id"]), ("update", "agent", agent["id"]),
        ("delete", "sharingRule", rule["id"])])
    changes = {(e["recordType"], e["recordId"]): e["changes"] for e in entries}
    assert changes[("agent", agent["id"])] == [{"field": "roleId", "oldValue": b["id"], "newValue": a["id"]}]
    assert changes[("role", c["id"])] == [{"field": "reportsTo", "oldValue": b["id"], "newValue": a["id"]}]

    # An explicit target: C's agents and children go to D.
    e = add_role(org, name="E", reportsTo=c["id"])
    other = add_agent(org, roleId=c["id"])
    assert org.call("DELETE", f"/roles/{c['id']}?transferToRoleId={d['id']}").status_code == 204
    assert org.get(f"/agents/{other['id']}").json()["roleId"] == d["id"]
    assert org.get(f"/roles/{e['id']}").json()["reportsTo"] == d["id"]
    assert error(org.call("DELETE", f"/roles/{c['id']}")) == (404, "URL_NOT_FOUND")


# Data sharing


def test_data_sharing(org):
    response = org.get("/dataSharingRules")
    assert response.status_code == 200
    assert response.json() == {"data": [{"module": "tickets", "access": "private"},
                                        {"module": "contacts", "access": "private"},
                                        {"module": "accounts", "access": "private"}]}
    response = org.patch("/dataSharingRules", json={"tickets": "department", "accounts": "publicReadOnly"},
                         headers={"X-Request-Id": "req-sharing"})
    assert response.status_code == 200, response.text
    expected = {"data": [{"module": "tickets", "access": "department"}, {"module": "contacts", "access": "private"},
                         {"module": "accounts", "access": "publicReadOnly"}]}
    assert response.json() == expected and org.get("/dataSharingRules").json() == expected
    entries = sharing_entries(org)
    assert len(entries) == 1 and entries[0]["recordType"] == "dataSharing" and entries[0]["requestId"] == "req-sharing"
    assert sorted((c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]) == [
        ("accounts", "private", "publicReadOnly"), ("tickets", "private", "department")]
    # The same values again write nothing.
    assert org.patch("/dataSharingRules", json={"tickets": "department"}).status_code == 200
    assert org.patch("/dataSharingRules", json={"contacts": "publicReadWrite"}).status_code == 200
    assert len(sharing_entries(org)) == 2
    assert org.audit("?recordType=dataSharing") == sharing_entries(org)

    before = access_snapshot(org)
    for body, pointer in [({"tickets": "everyone"}, "/tickets"), ({"tickets": None}, "/tickets"),
                          ({"tickets": 1}, "/tickets"), ({"agents": "private"}, "/agents"),
                          ({"Tickets": "private"}, "/Tickets")]:
        response = org.patch("/dataSharingRules", json=body)
        assert error(response) == (422, "INVALID_DATA"), (body, response.text)
        assert fields(response) == [pointer], (body, response.text)
    assert org.patch("/dataSharingRules", data=b"[]", headers={"Content-Type": "application/json"}).status_code == 422
    assert access_snapshot(org) == before


# Sharing rules


def test_sharing_rules(org, other_org):
    a = add_role(org, name="A")
    b = add_role(org, name="B")
    foreign = add_role(other_org, name="Foreign")
    response = org.post("/sharingRules", json={"module": "tickets", "fromRoleId": a["id"], "toRoleId": b["id"],
                                               "access": "readWrite"}, headers={"X-Request-Id": "req-rule"})
    assert response.status_code == 200, response.text
    rule = response.json()
    assert set(rule) == RULE_KEYS and TIME.match(rule["createdTime"])
    assert (rule["module"], rule["fromRoleId"], rule["toRoleId"], rule["access"]) == ("tickets", a["id"], b["id"],
                                                                                       "readWrite")
    top = org.post("/sharingRules", json={"module": "accounts", "fromRoleId": TOP_ROLE, "toRoleId": a["id"],
                                          "access": "readOnly"}).json()
    assert org.get("/sharingRules").json() == {"data": [rule, top]}
    assert org.get("/sharingRules?module=tickets").json() == {"data": [rule]}
    assert org.get("/sharingRules?module=contacts").json() == {"data": []}
    for query in ["module=agents", "module=bogus"]:
        response = org.get(f"/sharingRules?{query}")
        assert error(response) == (422, "INVALID_DATA") and fields(response) == ["module"], query
    entry = org.audit(f"?recordId={rule['id']}")[0]
    assert entry["recordType"] == "sharingRule" and entry["action"] == "create" and entry["requestId"] == "req-rule"
    assert {c["field"]: c["newValue"] for c in entry["changes"]} == {
        "module": "tickets", "fromRoleId": a["id"], "toRoleId": b["id"], "access": "readWrite"}

    before = access_snapshot(org)
    base = {"module": "contacts", "fromRoleId": a["id"], "toRoleId": b["id"], "access": "readOnly"}
    cases = [({k: v for k, v in base.items() if k != "module"}, "/module"),
             ({k: v for k, v in base.items() if k != "access"}, "/access"),
             ({**base, "module": "agents"}, "/module"), ({**base, "module": None}, "/module"),
             ({**base, "access": "full"}, "/access"), ({**base, "fromRoleId": "999"}, "/fromRoleId"),
             ({**base, "toRoleId": foreign["id"]}, "/toRoleId"), ({**base, "toRoleId": a["id"]}, "/toRoleId"),
             ({**base, "fromRoleId": 5}, "/fromRoleId"), ({**base, "extra": True}, "/extra"),
             ({**base, "module": "tickets", "access": "readOnly"}, "/toRoleId")]   # same roles and module exist
    for body, pointer in cases:
        response = org.post("/sharingRules", json=body)
        assert error(response) == (422, "INVALID_DATA"), (body, response.text)
        assert pointer in fields(response), (body, response.text)
    assert error(org.call("DELETE", "/sharingRules/999")) == (404, "URL_NOT_FOUND")
    assert access_snapshot(org) == before

    assert org.call("DELETE", f"/sharingRules/{rule['id']}").status_code == 204
    assert org.get("/sharingRules").json() == {"data": [top]}
    assert error(org.call("DELETE", f"/sharingRules/{rule['id']}")) == (404, "URL_NOT_FOUND")
    deleted = org.audit(f"?recordId={rule['id']}&action=delete")
    assert len(deleted) == 1 and {c["field"]: c["oldValue"] for c in deleted[0]["changes"]}["access"] == "readWrite"


# Rights and their effect


def test_agent_profile_reads_but_cannot_write(org):
    custom = clone(org, name="Custom")
    role = add_role(org, name="R")
    agent = add_agent(org, profileId=AGENT)
    token = token_for(org, agent["emailId"])
    for path in ["/profiles", f"/profiles/{custom['id']}", "/roles", f"/roles/{role['id']}", "/dataSharingRules",
                 "/sharingRules"]:
        assert as_agent(org, token, "GET", path).status_code == 200, path
    mine = as_agent(org, token, "GET", "/myProfilePermissions")
    assert mine.status_code == 200 and mine.json() == org.get(f"/profiles/{AGENT}").json()

    before = access_snapshot(org)
    writes = [("PATCH", f"/profiles/{custom['id']}", {"name": "x"}), ("POST", f"/profiles/{AGENT}/clone", {"name": "x"}),
              ("DELETE", f"/profiles/{custom['id']}", None), ("POST", "/roles", {"name": "x"}),
              ("PATCH", f"/roles/{role['id']}", {"name": "x"}), ("DELETE", f"/roles/{role['id']}", None),
              ("PATCH", "/dataSharingRules", {"tickets": "publicReadWrite"}),
              ("POST", "/sharingRules", {"module": "tickets", "fromRoleId": role["id"], "toRoleId": TOP_ROLE,
                                         "access": "readWrite"}),
              ("DELETE", "/sharingRules/1", None)]
    for method, path, body in writes:
        response = as_agent(org, token, method, path, json=body)
        assert error(response) == (403, "FORBIDDEN"), (method, path, response.text)
    # An agent cannot raise its own profile either.
    response = as_agent(org, token, "PATCH", f"/agents/{agent['id']}", json={"profileId": ADMINISTRATOR})
    assert error(response) == (403, "FORBIDDEN")
    assert access_snapshot(org) == before


def test_changes_apply_to_the_agent_at_once(org):
    """Profile assignment and profile edits through the API reach the affected agent's next request."""
    blind = clone(org, name="No tickets")
    response = org.patch(f"/profiles/{blind['id']}", json={"permissions": {"modules": {"tickets": {"view": False}}}})
    assert response.status_code == 200 and ("tickets", "view") not in rights(response.json())
    agent = add_agent(org, profileId=AGENT)
    token = token_for(org, agent["emailId"])
    assert as_agent(org, token, "GET", "/tickets").status_code == 200

    assert org.patch(f"/agents/{agent['id']}", json={"profileId": blind["id"]}).status_code == 200
    assert error(as_agent(org, token, "GET", "/tickets")) == (403, "FORBIDDEN")
    assert as_agent(org, token, "GET", "/myProfilePermissions").json()["id"] == blind["id"]

    assert org.patch(f"/profiles/{blind['id']}",
                     json={"permissions": {"modules": {"tickets": {"view": True}}}}).status_code == 200
    assert as_agent(org, token, "GET", "/tickets").status_code == 200
    assert org.patch(f"/profiles/{blind['id']}",
                     json={"permissions": {"modules": {"tickets": {"view": False}}}}).status_code == 200
    assert error(as_agent(org, token, "GET", "/tickets")) == (403, "FORBIDDEN")

    assert org.patch(f"/agents/{agent['id']}", json={"profileId": AGENT}).status_code == 200
    assert as_agent(org, token, "GET", "/tickets").status_code == 200
    # Given settings.edit, the custom profile's agent may manage settings.
    assert org.patch(f"/profiles/{blind['id']}",
                     json={"permissions": {"modules": {"settings": {"edit": True}}}}).status_code == 200
    assert org.patch(f"/agents/{agent['id']}", json={"profileId": blind["id"]}).status_code == 200
    assert as_agent(org, token, "POST", "/roles", json={"name": "By agent"}).status_code == 200


def test_org_isolation(org, other_org):
    custom = clone(org, name="Mine")
    role = add_role(org, name="Mine")
    rule = org.post("/sharingRules", json={"module": "tickets", "fromRoleId": role["id"], "toRoleId": TOP_ROLE,
                                           "access": "readOnly"}).json()
    org.patch("/dataSharingRules", json={"tickets": "publicReadWrite"})
    before = access_snapshot(org)
    assert error(other_org.get(f"/profiles/{custom['id']}")) == (404, "URL_NOT_FOUND")
    assert error(other_org.patch(f"/profiles/{custom['id']}", json={"name": "x"})) == (404, "URL_NOT_FOUND")
    assert error(other_org.post(f"/profiles/{custom['id']}/clone", json={"name": "x"})) == (404, "URL_NOT_FOUND")
    assert error(other_org.call("DELETE", f"/profiles/{custom['id']}")) == (404, "URL_NOT_FOUND")
    assert error(other_org.get(f"/roles/{role['id']}")) == (404, "URL_NOT_FOUND")
    assert error(other_org.patch(f"/roles/{role['id']}", json={"name": "x"})) == (404, "URL_NOT_FOUND")
    assert error(other_org.call("DELETE", f"/roles/{role['id']}")) == (404, "URL_NOT_FOUND")
    assert error(other_org.call("DELETE", f"/sharingRules/{rule['id']}")) == (404, "URL_NOT_FOUND")
    assert [p["id"] for p in other_org.get("/profiles").json()["data"]] == ["1", "2", "3"]
    assert [r["id"] for r in other_org.get("/roles").json()["data"]] == [TOP_ROLE]
    assert other_org.get("/sharingRules").json() == {"data": []}
    assert other_org.get("/dataSharingRules").json()["data"][0] == {"module": "tickets", "access": "private"}
    assert access_snapshot(org) == before

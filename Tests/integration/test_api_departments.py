"""Departments through the agent API: list with isEnabled, get, create, update with ETag / If-Match, enable
and disable, the agents of a department and associating them, validation that writes nothing, the audit
log, Japanese names and org isolation."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from people_helpers import DEPARTMENT_KEYS, TIME, add_agent, add_department, fields, snapshot


def test_default_department_and_shape(org):
    listed = org.get("/departments").json()["data"]
    assert len(listed) == 1
    default = listed[0]
    assert set(default) == DEPARTMENT_KEYS
    assert default["isDefault"] is True and default["isEnabled"] is True and default["name"] == f"Org {org.portal}"
    assert org.get("/myinfo").json()["associatedDepartmentIds"] == [default["id"]]
    assert [a["id"] for a in org.get(f"/departments/{default['id']}/agents").json()["data"]] == [org.agent_id]
    response = org.post(f"/departments/{default['id']}/disable")
    assert response.status_code == 422 and fields(response) == ["/isEnabled"]


def test_create_get_patch_and_audit(org):
    response = org.post("/departments", json={"name": "サポート部", "description": "日本語の説明 🍣"},
                        headers={"X-Request-Id": "req-dept-1"})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    department = response.json()
    assert set(department) == DEPARTMENT_KEYS
    assert department["name"] == "サポート部" and department["description"] == "日本語の説明 🍣"
    assert department["isEnabled"] is True and department["isDefault"] is False and TIME.match(department["createdTime"])
    fetched = org.get(f"/departments/{department['id']}")
    assert fetched.json() == department and fetched.headers["ETag"] == '"1"'

    response = org.patch(f"/departments/{department['id']}", json={"name": "Support", "description": None},
                         headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"' and response.json()["description"] is None
    stale = org.patch(f"/departments/{department['id']}", json={"name": "Stale"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.json()["errorCode"] == "PRECONDITION_FAILED"
    same = org.patch(f"/departments/{department['id']}", json={"name": "Support"})
    assert same.status_code == 200 and same.headers["ETag"] == '"2"'

    entries = org.audit(f"?recordId={department['id']}")
    assert [e["action"] for e in entries] == ["update", "create"]
    assert entries[1]["recordType"] == "department" and entries[1]["requestId"] == "req-dept-1"
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[1]["changes"]} == {
        ("name", None, "サポート部"), ("description", None, "日本語の説明 🍣"), ("isEnabled", None, "true")}
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]} == {
        ("name", "サポート部", "Support"), ("description", "日本語の説明 🍣", None)}


def test_validation_writes_nothing(org):
    existing = add_department(org, name="Sales")
    before = snapshot(org)
    for body, pointer in [({}, "/name"), ({"name": None}, "/name"), ({"name": ""}, "/name"), ({"name": "x" * 101}, "/name"),
                          ({"name": 7}, "/name"), ({"name": "sales"}, "/name"), ({"name": "  "}, "/name"),
                          ({"name": "ok", "isEnabled": False}, "/isEnabled"), ({"name": "ok", "description": 1}, "/description")]:
        response = org.post("/departments", json=body)
        assert response.status_code == 422, (body, response.text)
        assert pointer in fields(response), (body, response.text)
    for body, pointer in [({"name": None}, "/name"), ({"isEnabled": False}, "/isEnabled"), ({"x": 1}, "/x"),
                          ({"name": f"Org {org.portal}"}, "/name")]:
        response = org.patch(f"/departments/{existing['id']}", json=body)
        assert response.status_code == 422, (body, response.text)
        assert pointer in fields(response), body
    assert org.post("/departments", data=b'{"name"', headers={"Content-Type": "application/json"}).status_code == 400
    response = org.post("/departments", data=b"name=x", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert org.patch("/departments/99", json={"name": "x"}).status_code == 404
    assert org.get("/departments?isEnabled=yes").status_code == 422
    assert fields(org.get("/departments?limit=101")) == ["limit"]
    assert org.get("/departments/abc").status_code == 404
    assert org.call("DELETE", f"/departments/{existing['id']}").status_code == 405
    assert org.get(f"/departments/{existing['id']}/associateAgents").status_code == 405
    assert org.stack.get("/api/v1/departments", host=org.host).status_code == 401
    assert snapshot(org) == before


def test_enable_disable_and_filter(org):
    department = add_department(org)
    assert org.post(f"/departments/{department['id']}/disable").status_code == 204
    disabled = org.get(f"/departments/{department['id']}")
    assert disabled.json()["isEnabled"] is False and disabled.headers["ETag"] == '"2"'
    assert [d["id"] for d in org.get("/departments?isEnabled=false").json()["data"]] == [department["id"]]
    assert department["id"] not in [d["id"] for d in org.get("/departments?isEnabled=true").json()["data"]]
    assert len(org.get("/departments?limit=100").json()["data"]) == 2
    assert org.post(f"/departments/{department['id']}/disable").status_code == 204   # already: nothing written
    assert org.post(f"/departments/{department['id']}/enable").status_code == 204
    assert org.get(f"/departments/{department['id']}").json()["isEnabled"] is True
    entries = org.audit(f"?recordId={department['id']}&action=update")
    assert [e["changes"] for e in entries] == [
        [{"field": "isEnabled", "oldValue": "false", "newValue": "true"}],
        [{"field": "isEnabled", "oldValue": "true", "newValue": "false"}]]
    assert org.post("/departments/12345/enable").status_code == 404


def test_associate_and_dissociate_agents(org, other_org):
    department = add_department(org)
    a = add_agent(org)
    b = add_agent(org)
    response = org.post(f"/departments/{department['id']}/associateAgents", json={"agentIds": [a["id"], b["id"], a["id"]]})
    assert response.status_code == 204, response.text
    members = org.get(f"/departments/{department['id']}/agents").json()["data"]
    assert sorted(m["id"] for m in members) == sorted([a["id"], b["id"]])
    assert org.get(f"/agents/{a['id']}").json()["associatedDepartmentIds"] == [department["id"]]
    assert [m["id"] for m in org.get(f"/departments/{department['id']}/agents?from=2&limit=1").json()["data"]] == [b["id"]]

    before = snapshot(org)
    foreign = other_org.agent_id
    for body, pointer in [({"agentIds": [foreign]}, "/agentIds"), ({"agentIds": []}, "/agentIds"), ({}, "/agentIds"),
                          ({"agentIds": [1]}, "/agentIds/0"), ({"agentIds": [a["id"]], "x": 1}, "/x")]:
        response = org.post(f"/departments/{department['id']}/associateAgents", json=body)
        assert response.status_code == 422, (body, response.text)
        assert pointer in fields(response), body
    assert org.post("/departments/777/associateAgents", json={"agentIds": [a["id"]]}).status_code == 404
    assert org.post(f"/departments/{department['id']}/associateAgents", json={"agentIds": [a["id"]]}).status_code == 204
    assert snapshot(org) == before   # already associated: nothing written

    assert org.post(f"/departments/{department['id']}/dissociateAgents", json={"agentIds": [a["id"]]}).status_code == 204
    assert [m["id"] for m in org.get(f"/departments/{department['id']}/agents").json()["data"]] == [b["id"]]
    assert org.get(f"/agents/{a['id']}").json()["associatedDepartmentIds"] == []
    ids = ",".join(sorted([a["id"], b["id"]], key=int))
    entries = org.audit(f"?recordId={department['id']}&action=update")
    assert [e["changes"] for e in entries] == [
        [{"field": "associatedAgentIds", "oldValue": ids, "newValue": b["id"]}],
        [{"field": "associatedAgentIds", "oldValue": None, "newValue": ids}]]
    assert org.get(f"/departments/{department['id']}").headers["ETag"] == '"3"'


def test_org_isolation(org, other_org):
    department = add_department(org, name="Hidden")
    assert other_org.get(f"/departments/{department['id']}").status_code == 404
    assert other_org.patch(f"/departments/{department['id']}", json={"name": "x"}).status_code == 404
    assert other_org.post(f"/departments/{department['id']}/disable").status_code == 404
    assert other_org.get(f"/departments/{department['id']}/agents").status_code == 404
    assert other_org.post(f"/departments/{department['id']}/associateAgents",
                          json={"agentIds": [other_org.agent_id]}).status_code == 404
    assert department["id"] not in [d["id"] for d in other_org.get("/departments?limit=100").json()["data"]]
    assert other_org.get(f"/agents?departmentId={department['id']}").json() == {"data": []}
    # The same name is free in another org.
    assert other_org.post("/departments", json={"name": "Hidden"}).status_code == 200
    assert org.get(f"/departments/{department['id']}").json()["name"] == "Hidden"


def test_concurrent_creates_of_one_name_make_one_department(org):
    from concurrent.futures import ThreadPoolExecutor

    def create(_):
        return org.post("/departments", json={"name": "Rush"}).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(create, range(4)))
    assert statuses == [200, 422, 422, 422], statuses
    names = [d["name"] for d in org.get("/departments?limit=100").json()["data"]]
    assert names.count("Rush") == 1


def test_longest_description_round_trips_in_any_script(org):
    """65,535 characters is the limit whatever their UTF-8 size: 65,535 × 'あ' is 196,605 bytes."""
    text = "あ" * 65535
    response = org.post("/departments", json={"name": "長い説明", "description": text})
    assert response.status_code == 200, response.text
    department_id = response.json()["id"]
    assert org.get(f"/departments/{department_id}").json()["description"] == text
    response = org.post("/departments", json={"name": "長すぎる説明", "description": text + "あ"})
    assert response.status_code == 422 and response.json()["errors"][0]["fieldName"] == "/description"

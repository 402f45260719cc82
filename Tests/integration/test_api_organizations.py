"""Organizations through the agent API: the token's own org, its settings (name, recycle-bin retention)
with ETag / If-Match, validation that writes nothing, the audit log and isolation between orgs."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from people_helpers import ORG_KEYS, TIME, fields, snapshot


def test_list_and_get(org, other_org):
    listed = org.get("/organizations")
    assert listed.status_code == 200, listed.text
    data = listed.json()["data"]
    assert len(data) == 1
    mine = data[0]
    assert set(mine) == ORG_KEYS
    assert mine["id"] == org.org_id and mine["portalName"] == org.portal and mine["companyName"] == f"Org {org.portal}"
    assert mine["region"] == "us" and mine["recycleBinRetentionDays"] == 60 and TIME.match(mine["createdTime"])
    fetched = org.get(f"/organizations/{org.org_id}")
    assert fetched.status_code == 200 and fetched.json() == mine and fetched.headers["ETag"] == '"1"'
    assert org.get(f"/organizations/{other_org.org_id}").status_code == 404
    assert org.get("/organizations/abc").status_code == 404
    assert org.get("/organizations", headers={"orgId": other_org.org_id}).status_code == 403
    assert org.stack.get("/api/v1/organizations", host=org.host).status_code == 401


def test_patch_settings_and_audit(org, other_org):
    response = org.patch(f"/organizations/{org.org_id}", json={"companyName": "株式会社デモ", "recycleBinRetentionDays": 30},
                         headers={"If-Match": '"1"', "X-Request-Id": "req-org-1"})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    updated = response.json()
    assert updated["companyName"] == "株式会社デモ" and updated["recycleBinRetentionDays"] == 30
    assert org.get("/organizations").json()["data"] == [updated]
    stored = org.sql(f"SELECT recycle_bin_retention_days, HEX(name) FROM orgs WHERE id = {int(org.org_id)}")
    assert stored[0][0] == "30" and bytes.fromhex(stored[0][1]).decode("utf-8") == "株式会社デモ"
    stale = org.patch(f"/organizations/{org.org_id}", json={"recycleBinRetentionDays": 10}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    same = org.patch(f"/organizations/{org.org_id}", json={"recycleBinRetentionDays": 30})
    assert same.status_code == 200 and same.headers["ETag"] == '"2"'

    entries = org.audit(f"?recordType=org&recordId={org.org_id}&action=update")
    assert len(entries) == 1
    assert entries[0]["requestId"] == "req-org-1" and entries[0]["actor"] == {"id": org.agent_id}
    assert entries[0]["changes"] == [
        {"field": "companyName", "oldValue": f"Org {org.portal}", "newValue": "株式会社デモ"},
        {"field": "recycleBinRetentionDays", "oldValue": "60", "newValue": "30"}]
    # Another org's id is not found, and nothing of it changes.
    assert org.patch(f"/organizations/{other_org.org_id}", json={"companyName": "x"}).status_code == 404
    assert other_org.get(f"/organizations/{other_org.org_id}").json()["companyName"] == f"Org {other_org.portal}"


def test_validation_writes_nothing(org):
    before = snapshot(org)
    for body, pointer in [({"recycleBinRetentionDays": 0}, "/recycleBinRetentionDays"),
                          ({"recycleBinRetentionDays": 3651}, "/recycleBinRetentionDays"),
                          ({"recycleBinRetentionDays": 1.5}, "/recycleBinRetentionDays"),
                          ({"recycleBinRetentionDays": "30"}, "/recycleBinRetentionDays"),
                          ({"recycleBinRetentionDays": None}, "/recycleBinRetentionDays"),
                          ({"companyName": ""}, "/companyName"), ({"companyName": None}, "/companyName"),
                          ({"companyName": "x" * 256}, "/companyName"), ({"region": "eu"}, "/region"),
                          ({"portalName": "other"}, "/portalName"), ({"plan": "gold"}, "/plan")]:
        response = org.patch(f"/organizations/{org.org_id}", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errorCode"] == "INVALID_DATA"
        assert pointer in fields(response), (body, response.text)
    assert org.patch(f"/organizations/{org.org_id}", data=b"{", headers={"Content-Type": "application/json"}).status_code == 400
    response = org.patch(f"/organizations/{org.org_id}", data=b"x=1", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert org.post("/organizations", json={}).status_code == 405
    assert org.call("DELETE", f"/organizations/{org.org_id}").status_code == 405
    assert snapshot(org) == before
    for limit in (1, 3650):
        assert org.patch(f"/organizations/{org.org_id}", json={"recycleBinRetentionDays": limit}).status_code == 200


def test_openapi_documents_every_people_route(stack):
    document = stack.get("/api/v1/openapi.json").json()
    expected = {
        "/api/v1/agents": {"get", "post"}, "/api/v1/agents/{id}": {"get", "patch"},
        "/api/v1/agents/{id}/activate": {"post"}, "/api/v1/agents/{id}/deactivate": {"post"},
        "/api/v1/myinfo": {"get", "patch"}, "/api/v1/departments": {"get", "post"},
        "/api/v1/departments/{id}": {"get", "patch"}, "/api/v1/departments/{id}/enable": {"post"},
        "/api/v1/departments/{id}/disable": {"post"}, "/api/v1/departments/{id}/agents": {"get"},
        "/api/v1/departments/{id}/associateAgents": {"post"}, "/api/v1/departments/{id}/dissociateAgents": {"post"},
        "/api/v1/organizations": {"get"}, "/api/v1/organizations/{id}": {"get", "patch"}}
    for path, methods in expected.items():
        assert path in document["paths"], path
        assert methods <= set(document["paths"][path]), (path, set(document["paths"][path]))

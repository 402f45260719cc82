"""GET /api/v1/auditLogs: the entries every mutating call leaves, their shape, filters and paging."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)


def test_every_mutation_leaves_exactly_its_entries(org):
    before = org.audit("?recordType=ticket&limit=100")
    assert before == []
    a = org.create_ticket(subject="One")
    b = org.create_ticket(subject="Two")
    assert org.patch(f"/tickets/{a['id']}", json={"status": "On Hold"},
                     headers={"X-Request-Id": "req-patch-7"}).status_code == 200
    assert org.get(f"/tickets/{a['id']}").status_code == 200
    assert org.get("/tickets").status_code == 200
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [a["id"], b["id"]]}).status_code == 204
    assert org.post("/recycleBin/restore", json={"ids": [b["id"]]}).status_code == 204

    entries = org.audit("?recordType=ticket&limit=100")
    summary = [(e["action"], e["recordId"]) for e in entries]
    trash = sorted([("trash", a["id"]), ("trash", b["id"])])
    assert summary[0] == ("restore", b["id"])
    assert sorted(summary[1:3]) == trash
    assert summary[3:] == [("update", a["id"]), ("create", b["id"]), ("create", a["id"])]
    update = entries[3]
    assert update["requestId"] == "req-patch-7"
    assert update["changes"] == [{"field": "status", "oldValue": "Open", "newValue": "On Hold"}]
    assert all(e["actor"] == {"id": org.agent_id} for e in entries)
    assert len({e["id"] for e in entries}) == len(entries)


def test_filters_and_paging(org, other_org):
    a = org.create_ticket(subject="A")
    b = org.create_ticket(subject="B")
    org.patch(f"/tickets/{a['id']}", json={"priority": "Medium"})
    assert [e["recordId"] for e in org.audit(f"?recordId={b['id']}")] == [b["id"]]
    assert [e["action"] for e in org.audit("?recordType=ticket&action=update")] == ["update"]
    assert len(org.audit(f"?actorId={org.agent_id}&recordType=ticket")) == 3
    assert org.audit("?actorId=1") == []
    page1 = org.audit("?recordType=ticket&limit=2")
    page2 = org.audit("?recordType=ticket&from=3&limit=2")
    assert len(page1) == 2 and len(page2) == 1
    assert [e["id"] for e in page1 + page2] == [e["id"] for e in org.audit("?recordType=ticket")]
    assert org.audit("?recordType=ticket&startTime=2000-01-01T00:00:00Z&endTime=2000-01-02T00:00:00Z") == []
    assert len(org.audit("?recordType=ticket&startTime=2000-01-01T00:00:00Z")) == 3
    assert other_org.audit(f"?recordId={a['id']}") == []
    assert other_org.audit("?recordType=ticket") == []


def test_bad_parameters_are_422(org):
    for query, name in (("action=remove", "action"), ("recordId=x", "recordId"), ("actorId=-1", "actorId"),
                        ("startTime=yesterday", "startTime"), ("limit=1000", "limit")):
        response = org.get(f"/auditLogs?{query}")
        assert response.status_code == 422, query
        assert response.json()["errors"][0]["fieldName"] == name

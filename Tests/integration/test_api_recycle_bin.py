"""Move to trash, the recycle bin, restore and permanent deletion through the agent API, with the audit
entries each step leaves and the rows left (or not) in the region database."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)


def ticket_rows(org, ticket_id: str) -> list[list[str]]:
    return org.sql(f"SELECT id, deleted_at IS NOT NULL FROM tickets "
                   f"WHERE org_id = {int(org.org_id)} AND id = {int(ticket_id)}")


def listed_ids(org) -> list[str]:
    return [t["id"] for t in org.get("/tickets?limit=100").json()["data"]]


def bin_ids(org) -> list[str]:
    response = org.get("/recycleBin?limit=100")
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["data"]]


def test_trash_restore_trash_delete(org):
    keep = org.create_ticket(subject="Keep")
    ticket = org.create_ticket(subject="ゴミ箱へ")
    tid = ticket["id"]

    response = org.post("/tickets/moveToTrash", json={"ticketIds": [tid]})
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert listed_ids(org) == [keep["id"]]
    assert org.count() == 1
    assert org.get(f"/tickets/{tid}").status_code == 404
    assert org.patch(f"/tickets/{tid}", json={"subject": "x"}).status_code == 404
    assert ticket_rows(org, tid) == [[tid, "1"]]

    items = org.get("/recycleBin").json()["data"]
    assert len(items) == 1
    item = items[0]
    assert set(item) == {"id", "type", "name", "deletedTime", "deletedBy"}
    assert item["id"] == tid and item["type"] == "Ticket" and item["name"] == "ゴミ箱へ"
    assert item["deletedBy"] == org.agent_id

    response = org.post("/recycleBin/restore", json={"ids": [tid]})
    assert response.status_code == 204, response.text
    assert listed_ids(org) == [keep["id"], tid]
    assert org.count() == 2
    assert bin_ids(org) == []
    restored = org.get(f"/tickets/{tid}")
    assert restored.status_code == 200 and restored.json()["subject"] == "ゴミ箱へ"
    assert restored.headers["ETag"] == '"3"'

    assert org.post("/tickets/moveToTrash", json={"ticketIds": [tid]}).status_code == 204
    assert bin_ids(org) == [tid]
    response = org.post("/recycleBin/delete", json={"ids": [tid]})
    assert response.status_code == 204, response.text
    assert bin_ids(org) == []
    assert listed_ids(org) == [keep["id"]]
    assert org.get(f"/tickets/{tid}").status_code == 404
    assert ticket_rows(org, tid) == []

    actions = [e["action"] for e in org.audit(f"?recordId={tid}&limit=100")]
    assert actions == ["delete", "trash", "restore", "trash", "create"]
    deleted = org.audit(f"?recordId={tid}&action=delete")[0]
    assert "ゴミ箱へ" not in str(deleted), "the delete entry must hold no personal values"
    assert [e["action"] for e in org.audit(f"?recordId={keep['id']}")] == ["create"]


def test_trash_is_all_or_nothing(org):
    a = org.create_ticket(subject="A")
    response = org.post("/tickets/moveToTrash", json={"ticketIds": [a["id"], "123456789"]})
    assert response.status_code == 404
    assert response.json()["errorCode"] == "URL_NOT_FOUND"
    assert listed_ids(org) == [a["id"]]
    assert [e["action"] for e in org.audit(f"?recordId={a['id']}")] == ["create"]


def test_restore_and_delete_need_recycle_bin_records(org, other_org):
    live = org.create_ticket(subject="Live")
    assert org.post("/recycleBin/restore", json={"ids": [live["id"]]}).status_code == 404
    assert org.post("/recycleBin/delete", json={"ids": [live["id"]]}).status_code == 404
    assert ticket_rows(org, live["id"]) == [[live["id"], "0"]]

    assert org.post("/tickets/moveToTrash", json={"ticketIds": [live["id"]]}).status_code == 204
    assert other_org.get("/recycleBin").json() == {"data": []}
    assert other_org.post("/recycleBin/restore", json={"ids": [live["id"]]}).status_code == 404
    assert other_org.post("/recycleBin/delete", json={"ids": [live["id"]]}).status_code == 404
    assert ticket_rows(org, live["id"]) == [[live["id"], "1"]]
    assert bin_ids(org) == [live["id"]]


def test_bad_bodies_are_rejected_and_write_nothing(org):
    ticket = org.create_ticket(subject="Stays")
    cases = [
        ("/tickets/moveToTrash", {"ticketIds": []}, "/ticketIds"),
        ("/tickets/moveToTrash", {"ticketIds": "1"}, "/ticketIds"),
        ("/tickets/moveToTrash", {"ticketIds": ["abc"]}, "/ticketIds/0"),
        ("/tickets/moveToTrash", {"ids": [ticket["id"]]}, "/ids"),
        ("/tickets/moveToTrash", {}, "/ticketIds"),
        ("/recycleBin/restore", {"ids": ["-1"]}, "/ids/0"),
        ("/recycleBin/restore", {"ids": [int(ticket["id"])]}, "/ids/0"),
        ("/recycleBin/delete", {"ids": [ticket["id"]], "force": True}, "/force"),
    ]
    for path, body, pointer in cases:
        response = org.post(path, json=body)
        assert response.status_code == 422, (path, body, response.text)
        assert pointer in [e["fieldName"] for e in response.json()["errors"]], (path, body)
    response = org.post("/tickets/moveToTrash", data=b"ticketIds=1", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    response = org.post("/recycleBin/delete", data=b"[", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert listed_ids(org) == [ticket["id"]]
    assert [e["action"] for e in org.audit(f"?recordId={ticket['id']}")] == ["create"]


def test_recycle_bin_paging(org):
    made = [org.create_ticket(subject=f"Bin {i}")["id"] for i in range(3)]
    assert org.post("/tickets/moveToTrash", json={"ticketIds": made}).status_code == 204
    assert org.count() == 0
    everything = bin_ids(org)
    assert sorted(everything) == sorted(made)
    first = org.get("/recycleBin?from=1&limit=2").json()["data"]
    second = org.get("/recycleBin?from=3&limit=2").json()["data"]
    assert [i["id"] for i in first + second] == everything
    assert org.get("/recycleBin?limit=0").status_code == 422

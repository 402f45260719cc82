"""Tickets through the agent API: create, get, list, count, update with ETag / If-Match, filters, sort,
paging, UTF-8 round trips, validation errors that write nothing, and org isolation."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from api_helpers import org, other_org  # noqa: F401  (fixtures)

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
TICKET_KEYS = {"id", "ticketNumber", "subject", "description", "status", "statusType", "priority", "channel",
               "email", "assigneeId", "dueDate", "classification", "category", "departmentId", "contactId", "cf",
               "createdTime", "modifiedTime"}


def shift_ms(text: str, milliseconds: int) -> str:
    moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ") + timedelta(milliseconds=milliseconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def test_create_get_shape(org):
    response = org.post("/tickets", json={"subject": "Printer on fire", "priority": "High",
                                          "channel": "Email", "email": "someone@example.com",
                                          "description": "Smoke", "assigneeId": org.agent_id,
                                          "dueDate": "2030-01-02T03:04:05.678Z"})
    assert response.status_code == 200, response.text
    ticket = response.json()
    assert set(ticket) == TICKET_KEYS
    assert isinstance(ticket["id"], str) and ticket["id"].isdigit()
    assert isinstance(ticket["ticketNumber"], str) and ticket["ticketNumber"].isdigit()
    assert ticket["subject"] == "Printer on fire"
    assert ticket["status"] == "Open" and ticket["statusType"] == "Open"
    assert ticket["priority"] == "High" and ticket["channel"] == "Email"
    assert ticket["assigneeId"] == org.agent_id
    assert ticket["dueDate"] == "2030-01-02T03:04:05.678Z"
    assert TIME.match(ticket["createdTime"]) and TIME.match(ticket["modifiedTime"])
    assert response.headers["ETag"] == '"1"'

    fetched = org.get(f"/tickets/{ticket['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == ticket
    assert fetched.headers["ETag"] == '"1"'


def test_defaults_and_nulls(org):
    ticket = org.create_ticket(subject="Minimal")
    assert ticket["status"] == "Open" and ticket["channel"] == "Web"
    for key in ("description", "priority", "email", "assigneeId", "dueDate"):
        assert ticket[key] is None, key


def test_japanese_and_emoji_round_trip(org):
    subject = "プリンターが燃えています 🔥"
    description = "日本語の説明。\n絵文字 👍🏽 も。"
    ticket = org.create_ticket(subject=subject, description=description)
    fetched = org.get(f"/tickets/{ticket['id']}").json()
    assert fetched["subject"] == subject and fetched["description"] == description
    stored = org.sql(f"SELECT HEX(subject) FROM tickets WHERE org_id = {int(org.org_id)} AND id = {int(ticket['id'])}")
    assert bytes.fromhex(stored[0][0]).decode("utf-8") == subject


def test_subject_of_255_characters_fits(org):
    ticket = org.create_ticket(subject="字" * 255)
    assert ticket["subject"] == "字" * 255


def test_patch_with_etag_and_if_match(org):
    ticket = org.create_ticket(subject="Before")
    response = org.patch(f"/tickets/{ticket['id']}", json={"subject": "After", "priority": "Low"},
                         headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    assert response.json()["subject"] == "After" and response.json()["priority"] == "Low"

    stale = org.patch(f"/tickets/{ticket['id']}", json={"subject": "Stale"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.json()["errorCode"] == "PRECONDITION_FAILED"
    assert org.get(f"/tickets/{ticket['id']}").json()["subject"] == "After"

    cleared = org.patch(f"/tickets/{ticket['id']}", json={"priority": None, "status": "Closed"})
    assert cleared.status_code == 200
    assert cleared.json()["priority"] is None
    assert cleared.json()["status"] == "Closed" and cleared.json()["statusType"] == "Closed"
    assert cleared.headers["ETag"] == '"3"'

    updates = org.audit(f"?recordId={ticket['id']}&action=update")
    assert len(updates) == 2
    assert {c["field"]: (c["oldValue"], c["newValue"]) for c in updates[1]["changes"]} == {
        "subject": ("Before", "After"), "priority": (None, "Low")}


def test_patch_without_changes_keeps_version(org):
    ticket = org.create_ticket(subject="Same")
    response = org.patch(f"/tickets/{ticket['id']}", json={"subject": "Same"})
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    assert org.audit(f"?recordId={ticket['id']}&action=update") == []


def test_unknown_ids_are_404(org):
    for path in ("/tickets/1", "/tickets/abc", "/tickets/-5", "/tickets/0", "/tickets/99999999999999999999"):
        response = org.get(path)
        assert response.status_code == 404, path
        assert response.json()["errorCode"] == "URL_NOT_FOUND"
    assert org.patch("/tickets/1", json={"subject": "x"}).status_code == 404


def test_other_orgs_ticket_is_404(org, other_org):
    ticket = org.create_ticket(subject="Private")
    assert other_org.get(f"/tickets/{ticket['id']}").status_code == 404
    assert other_org.patch(f"/tickets/{ticket['id']}", json={"subject": "Hijack"}).status_code == 404
    response = other_org.post("/tickets/moveToTrash", json={"ticketIds": [ticket["id"]]})
    assert response.status_code == 404
    assert other_org.get("/tickets").json() == {"data": []}
    assert other_org.count() == 0
    assert org.get(f"/tickets/{ticket['id']}").json()["subject"] == "Private"


def test_list_filters_sort_and_paging(org):
    made = [org.create_ticket(subject=f"T{i}", priority=("High" if i % 2 else "Low"),
                              channel=("Phone" if i < 3 else "Web")) for i in range(6)]
    ids = [t["id"] for t in made]
    listed = org.get("/tickets?limit=100").json()["data"]
    assert [t["id"] for t in listed] == ids
    assert org.count() == 6

    newest_first = org.get("/tickets?sortBy=-createdTime&limit=100").json()["data"]
    assert [t["id"] for t in newest_first] == ids[::-1]
    by_number = org.get("/tickets?sortBy=-ticketNumber").json()["data"]
    assert [int(t["ticketNumber"]) for t in by_number] == sorted((int(t["ticketNumber"]) for t in made), reverse=True)

    page = org.get("/tickets?from=3&limit=2").json()["data"]
    assert [t["id"] for t in page] == ids[2:4]
    assert org.get("/tickets?from=7").json() == {"data": []}

    high = org.get("/tickets?priority=High").json()["data"]
    assert [t["id"] for t in high] == [ids[1], ids[3], ids[5]]
    assert org.count("?priority=High") == 3
    assert org.count("?channel=Phone") == 3
    assert org.count("?channel=Phone&priority=Low") == 2
    assert org.count("?status=Closed") == 0
    assert org.count(f"?assignee={org.agent_id}") == 0

    first = made[0]["createdTime"]
    # Times are shown truncated to the millisecond: end the range one millisecond later.
    last = shift_ms(made[-1]["createdTime"], 1)
    assert org.count(f"?createdTimeRange={first},{last}") == 6
    assert org.count("?createdTimeRange=2000-01-01T00:00:00.000Z,2000-01-02T00:00:00.000Z") == 0
    assert org.count(f"?modifiedTimeRange={first},{last}") == 6


def test_bad_query_parameters_are_422_naming_them(org):
    for query, name in (("limit=0", "limit"), ("limit=101", "limit"), ("from=0", "from"), ("from=x", "from"),
                        ("sortBy=subject", "sortBy"), ("status=Gone", "status"), ("priority=low", "priority"),
                        ("channel=Fax", "channel"), ("assignee=abc", "assignee"),
                        ("createdTimeRange=yesterday", "createdTimeRange"),
                        ("modifiedTimeRange=2030-01-01T00:00:00Z,2020-01-01T00:00:00Z", "modifiedTimeRange")):
        response = org.get(f"/tickets?{query}")
        assert response.status_code == 422, query
        body = response.json()
        assert body["errorCode"] == "INVALID_DATA"
        assert body["errors"][0]["fieldName"] == name, query


def assert_nothing_written(org, tickets_before: int, audit_before: int):
    assert org.count() == tickets_before
    assert len(org.audit("?recordType=ticket&limit=100")) == audit_before
    rows = org.sql(f"SELECT COUNT(*) FROM tickets WHERE org_id = {int(org.org_id)}")
    assert rows == [[str(tickets_before)]]


def test_validation_errors_write_nothing(org):
    existing = org.create_ticket(subject="Existing")
    audit_before = len(org.audit("?recordType=ticket&limit=100"))
    assert audit_before == 1

    cases = [
        ({"subject": "x", "foo": 1}, "/foo"),
        ({"subject": 5}, "/subject"),
        ({"subject": "x", "priority": "Super"}, "/priority"),
        ({"subject": "x", "status": "Done"}, "/status"),
        ({"subject": "x", "channel": 3}, "/channel"),
        ({"subject": "x" * 256}, "/subject"),
        ({"subject": ""}, "/subject"),
        ({"subject": None}, "/subject"),
        ({}, "/subject"),
        ({"subject": "x", "dueDate": "tomorrow"}, "/dueDate"),
        ({"subject": "x", "assigneeId": "abc"}, "/assigneeId"),
        ({"subject": "x", "assigneeId": "12345"}, "/assigneeId"),
        ({"subject": "x", "email": "not an email"}, "/email"),
        ({"subject": "x", "description": "d" * 65536}, "/description"),
    ]
    for body, pointer in cases:
        response = org.post("/tickets", json=body)
        assert response.status_code == 422, (body, response.status_code, response.text[:300])
        payload = response.json()
        assert payload["errorCode"] == "INVALID_DATA"
        assert pointer in [e["fieldName"] for e in payload["errors"]], (body, payload)
        for error in payload["errors"]:
            assert set(error) == {"fieldName", "errorType", "errorMessage"}

    response = org.post("/tickets", json=["subject"])
    assert response.status_code == 422

    response = org.post("/tickets", data=b'{"subject": "x",', headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["errorCode"] == "INVALID_DATA"

    response = org.post("/tickets", data=b"subject=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert response.json()["errorCode"] == "UNSUPPORTED_MEDIA_TYPE"

    patch_cases = [({"subject": "ok", "bogus": True}, "/bogus"), ({"subject": None}, "/subject"),
                   ({"status": None}, "/status"), ({"priority": "urgent"}, "/priority")]
    for body, pointer in patch_cases:
        response = org.patch(f"/tickets/{existing['id']}", json=body)
        assert response.status_code == 422, body
        assert pointer in [e["fieldName"] for e in response.json()["errors"]]
    response = org.patch(f"/tickets/{existing['id']}", data=b"{", headers={"Content-Type": "application/json"})
    assert response.status_code == 400

    assert_nothing_written(org, 1, audit_before)
    fetched = org.get(f"/tickets/{existing['id']}")
    assert fetched.json() == existing and fetched.headers["ETag"] == '"1"'


def test_create_is_audited_with_request_id(org):
    response = org.post("/tickets", json={"subject": "Audited", "priority": "Urgent"},
                        headers={"X-Request-Id": "req-create-1"})
    assert response.status_code == 200
    ticket = response.json()
    entries = org.audit("?recordType=ticket")
    assert len(entries) == 1
    entry = entries[0]
    assert set(entry) == {"id", "time", "actor", "actorType", "requestId", "action", "recordType", "recordId", "changes"}
    assert entry["action"] == "create" and entry["recordType"] == "ticket"
    assert entry["recordId"] == ticket["id"]
    assert entry["actor"] == {"id": org.agent_id}
    assert entry["requestId"] == "req-create-1"
    assert TIME.match(entry["time"])
    changes = {c["field"]: c for c in entry["changes"]}
    assert changes["subject"]["newValue"] == "Audited" and changes["subject"]["oldValue"] is None
    assert changes["priority"]["newValue"] == "Urgent"

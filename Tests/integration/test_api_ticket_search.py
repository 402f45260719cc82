"""GET /api/v1/tickets/search: text criteria with `*` wildcards, `_all`, exact criteria, count, paging and
sort, Japanese text, trashed tickets never found, org isolation and 422 naming each bad parameter."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from ticket_field_helpers import add_department


def search(org, **params) -> dict:
    response = org.get("/tickets/search", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"data", "count"}
    return body


def subjects(body: dict) -> list[str]:
    return sorted(t["subject"] for t in body["data"])


def test_text_criteria_and_wildcards(org):
    org.create_ticket(subject="Printer on fire", email="ann@zylker.example")
    org.create_ticket(subject="Printer jammed", email="bob@zylker.example", category="Hardware")
    org.create_ticket(subject="Login fails", email="carol@example.com")
    org.create_ticket(subject="100% CPU", email="dave@example.com")
    org.create_ticket(subject="プリンターが動かない", email="eve@example.jp")

    assert subjects(search(org, subject="Printer*")) == ["Printer jammed", "Printer on fire"]
    assert subjects(search(org, subject="printer on fire")) == ["Printer on fire"]
    assert subjects(search(org, subject="Printer")) == []
    assert subjects(search(org, subject="*fire*")) == ["Printer on fire"]
    assert subjects(search(org, subject="100%*")) == ["100% CPU"]
    assert subjects(search(org, subject="1_0*")) == []
    assert subjects(search(org, subject="プリンター*")) == ["プリンターが動かない"]
    assert subjects(search(org, email="*@zylker.example")) == ["Printer jammed", "Printer on fire"]
    assert subjects(search(org, category="hardware")) == ["Printer jammed"]
    assert subjects(search(org, **{"_all": "動か"})) == ["プリンターが動かない"]
    assert subjects(search(org, **{"_all": "carol"})) == ["Login fails"]
    assert subjects(search(org, **{"_all": "jam"})) == ["Printer jammed"]
    assert search(org, subject="Nothing*") == {"data": [], "count": 0}


def test_exact_criteria_count_paging_sort(org):
    department = add_department(org)
    person = org.post("/contacts", json={"lastName": "Lee"}).json()["id"]
    first = org.create_ticket(subject="Alpha 1", departmentId=department, classification="Request")
    second = org.create_ticket(subject="Alpha 2", status="Closed", contactId=person, priority="High")
    third = org.create_ticket(subject="Alpha 3", departmentId=department, contactId=person, channel="Email")

    assert search(org, ticketNumber=second["ticketNumber"])["data"][0]["id"] == second["id"]
    assert search(org, **{"_all": first["ticketNumber"]})["data"][0]["id"] == first["id"]
    assert [t["id"] for t in search(org, status="Closed")["data"]] == [second["id"]]
    assert [t["id"] for t in search(org, departmentId=department, sortBy="createdTime")["data"]] == [first["id"], third["id"]]
    assert [t["id"] for t in search(org, contactId=person, departmentId=department)["data"]] == [third["id"]]
    assert [t["id"] for t in search(org, classification="Request")["data"]] == [first["id"]]
    assert [t["id"] for t in search(org, priority="High")["data"]] == [second["id"]]
    assert [t["id"] for t in search(org, channel="Email")["data"]] == [third["id"]]

    page = search(org, subject="Alpha*", sortBy="ticketNumber", limit=2)
    assert page["count"] == 3 and [t["id"] for t in page["data"]] == [first["id"], second["id"]]
    rest = search(org, subject="Alpha*", sortBy="ticketNumber", limit=2, **{"from": 3})
    assert rest["count"] == 3 and [t["id"] for t in rest["data"]] == [third["id"]]
    newest = search(org, subject="Alpha*")
    assert [t["id"] for t in newest["data"]] == [third["id"], second["id"], first["id"]]
    assert set(newest["data"][0]) >= {"id", "ticketNumber", "subject", "cf", "departmentId", "contactId"}


def test_trashed_and_other_orgs_tickets_never_found(org, other_org):
    kept = org.create_ticket(subject="Shared words here")
    gone = org.create_ticket(subject="Shared words there")
    other_org.create_ticket(subject="Shared words elsewhere")
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [gone["id"]]}).status_code == 204
    found = search(org, subject="Shared*")
    assert found["count"] == 1 and [t["id"] for t in found["data"]] == [kept["id"]]
    assert search(org, ticketNumber=gone["ticketNumber"]) == {"data": [], "count": 0}
    assert search(org, **{"_all": "there"}) == {"data": [], "count": 0}
    assert search(other_org, subject="Shared words here") == {"data": [], "count": 0}


def test_bad_parameters(org, stack):
    for params, name in [({"subject": ""}, "subject"), ({"subject": "x" * 101}, "subject"),
                         ({"_all": "  "}, "_all"), ({"email": ""}, "email"), ({"ticketNumber": "abc"}, "ticketNumber"),
                         ({"ticketNumber": "0"}, "ticketNumber"), ({"status": "Done"}, "status"),
                         ({"classification": "Bug"}, "classification"), ({"departmentId": "x"}, "departmentId"),
                         ({"contactId": "0"}, "contactId"), ({"limit": "0"}, "limit"), ({"limit": "101"}, "limit"),
                         ({"from": "0"}, "from"), ({"sortBy": "subject"}, "sortBy"),
                         ({"createdTimeRange": "yesterday"}, "createdTimeRange")]:
        response = org.get("/tickets/search", params=params)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["errorCode"] == "INVALID_DATA"
        assert response.json()["errors"][0]["fieldName"] == name, params
    assert org.post("/tickets/search", json={}).status_code == 405
    assert stack.request("GET", "/api/v1/tickets/search?subject=x", host=org.host).status_code == 401

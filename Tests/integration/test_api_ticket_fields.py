"""Ticket classification, category, departmentId and contactId: create, patch, clear, validation that
writes nothing, audit entries, the departmentId / contactId list filters and org isolation."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from ticket_field_helpers import add_department, audit_count, field_errors, rows


def contact(org, last_name: str = "Lee") -> str:
    response = org.post("/contacts", json={"lastName": last_name})
    assert response.status_code == 200, response.text
    return response.json()["id"]


def test_create_patch_clear_and_audit(org):
    department = add_department(org, "Support")
    person = contact(org)
    ticket = org.create_ticket(classification="Problem", category="ハードウェア", departmentId=department,
                               contactId=person)
    assert ticket["classification"] == "Problem" and ticket["category"] == "ハードウェア"
    assert ticket["departmentId"] == department and ticket["contactId"] == person
    assert org.get(f"/tickets/{ticket['id']}").json() == ticket
    created = {c["field"]: c["newValue"] for c in org.audit(f"?recordId={ticket['id']}")[0]["changes"]}
    assert created["classification"] == "Problem" and created["category"] == "ハードウェア"
    assert created["departmentId"] == department and created["contactId"] == person

    other_department = add_department(org, "Sales")
    response = org.patch(f"/tickets/{ticket['id']}", json={"classification": "Question", "category": None,
                                                           "departmentId": other_department, "contactId": None},
                         headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["classification"] == "Question" and patched["category"] is None
    assert patched["departmentId"] == other_department and patched["contactId"] is None
    entry = org.audit(f"?recordId={ticket['id']}&action=update")[0]
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entry["changes"]} == {
        ("classification", "Problem", "Question"), ("category", "ハードウェア", None),
        ("departmentId", department, other_department), ("contactId", person, None)}

    plain = org.create_ticket()
    assert (plain["classification"], plain["category"], plain["departmentId"], plain["contactId"]) == (None,) * 4


def test_validation_writes_nothing(org, other_org):
    ticket = org.create_ticket()
    disabled = add_department(org, "Old", enabled=False)
    foreign_department = add_department(other_org, "Theirs")
    foreign_contact = contact(other_org)
    trashed_contact = contact(org, "Gone")
    assert org.post("/contacts/moveToTrash", json={"contactIds": [trashed_contact]}).status_code == 204
    before = (rows(org, "tickets"), audit_count(org))
    cases = [
        ({"classification": "Bug"}, "/classification"), ({"classification": 1}, "/classification"),
        ({"category": "x" * 101}, "/category"), ({"category": 5}, "/category"),
        ({"departmentId": "abc"}, "/departmentId"), ({"departmentId": 5}, "/departmentId"),
        ({"departmentId": "999"}, "/departmentId"), ({"departmentId": foreign_department}, "/departmentId"),
        ({"departmentId": disabled}, "/departmentId"),
        ({"contactId": "x"}, "/contactId"), ({"contactId": "999"}, "/contactId"),
        ({"contactId": foreign_contact}, "/contactId"), ({"contactId": trashed_contact}, "/contactId"),
    ]
    for body, pointer in cases:
        assert field_errors(org.post("/tickets", json={"subject": "x", **body})) == [pointer], body
        assert field_errors(org.patch(f"/tickets/{ticket['id']}", json=body)) == [pointer], body
    assert (rows(org, "tickets"), audit_count(org)) == before
    assert org.get(f"/tickets/{ticket['id']}").headers["ETag"] == '"1"'


def test_department_and_contact_filters(org, other_org):
    support = add_department(org, "Support")
    sales = add_department(org, "Sales")
    ann = contact(org, "Ann")
    in_support = org.create_ticket(departmentId=support, contactId=ann)
    org.create_ticket(departmentId=support)
    in_sales = org.create_ticket(departmentId=sales, contactId=ann)
    org.create_ticket()
    trashed = org.create_ticket(departmentId=support, contactId=ann)
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [trashed["id"]]}).status_code == 204

    def ids(query: str) -> list[str]:
        response = org.get("/tickets" + query)
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["data"]]

    assert len(ids(f"?departmentId={support}")) == 2 and in_support["id"] in ids(f"?departmentId={support}")
    assert ids(f"?departmentId={sales}") == [in_sales["id"]]
    assert ids(f"?contactId={ann}") == [in_support["id"], in_sales["id"]]
    assert ids(f"?departmentId={support}&contactId={ann}") == [in_support["id"]]
    assert org.count(f"?departmentId={support}") == 2 and org.count(f"?contactId={ann}") == 2
    for query, name in [("?departmentId=abc", "departmentId"), ("?contactId=-1", "contactId"),
                        ("?departmentId=0", "departmentId")]:
        for path in ["/tickets", "/ticketsCount"]:
            response = org.get(path + query)
            assert response.status_code == 422 and response.json()["errors"][0]["fieldName"] == name
    assert other_org.get(f"/tickets?departmentId={support}").json() == {"data": []}
    assert other_org.count(f"?contactId={ann}") == 0

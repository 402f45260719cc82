"""Custom field definitions (/api/v1/organizationFields) and `cf` values on tickets, contacts and accounts."""

from __future__ import annotations

import re

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from ticket_field_helpers import add_field, audit_count, field_errors, rows

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
FIELD_KEYS = {"id", "module", "apiName", "displayLabel", "type", "isCustomField", "allowedValues", "maxLength",
              "isMandatory", "isPersonalData", "isEncryptedField", "createdTime", "modifiedTime"}


def test_create_list_get_shape(org):
    field = add_field(org, "tickets", "Picklist", "Product Line", allowedValues=["Printers", "プリンター"])
    assert set(field) == FIELD_KEYS
    assert field["apiName"] == "cf_product_line" and field["module"] == "tickets"
    assert field["allowedValues"] == ["Printers", "プリンター"] and field["maxLength"] is None
    assert field["isCustomField"] is True and field["isMandatory"] is False and field["isEncryptedField"] is False
    assert field["id"].isdigit() and TIME.match(field["createdTime"])
    text = add_field(org, "tickets", "Text", "製品番号")
    assert text["apiName"] == "cf_field" and text["maxLength"] == 255
    again = add_field(org, "tickets", "Text", "型番")
    assert again["apiName"] == "cf_field_2"
    same_label = add_field(org, "tickets", "Number", "Product Line")
    assert same_label["apiName"] == "cf_product_line_2"
    given = add_field(org, "contacts", "Email", "Backup mail", apiName="cf_backup_mail", isPersonalData=True)
    assert given["apiName"] == "cf_backup_mail" and given["isPersonalData"] is True

    listed = org.get("/organizationFields", params={"module": "tickets"})
    assert listed.status_code == 200
    assert [f["apiName"] for f in listed.json()["data"]] == ["cf_field", "cf_field_2", "cf_product_line",
                                                             "cf_product_line_2"]
    assert [f["apiName"] for f in org.get("/organizationFields?module=contacts").json()["data"]] == ["cf_backup_mail"]
    assert org.get("/organizationFields?module=accounts").json() == {"data": []}

    fetched = org.get(f"/organizationFields/{field['id']}")
    assert fetched.status_code == 200 and fetched.json() == field
    assert fetched.headers["ETag"] == '"1"'


def test_definition_validation_writes_nothing(org):
    add_field(org, "tickets", "Text", "Taken", apiName="cf_taken")
    before = (rows(org, "custom_fields"), audit_count(org))
    cases = [
        ({"type": "Text", "displayLabel": "x"}, "/module"),
        ({"module": "tickets", "displayLabel": "x"}, "/type"),
        ({"module": "tickets", "type": "Text"}, "/displayLabel"),
        ({"module": "tasks", "type": "Text", "displayLabel": "x"}, "/module"),
        ({"module": "tickets", "type": "Currency", "displayLabel": "x"}, "/type"),
        ({"module": "tickets", "type": "Text", "displayLabel": ""}, "/displayLabel"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x" * 101}, "/displayLabel"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "apiName": "Bad Name"}, "/apiName"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "apiName": "cf_taken"}, "/apiName"),
        ({"module": "tickets", "type": "Picklist", "displayLabel": "x"}, "/allowedValues"),
        ({"module": "tickets", "type": "Picklist", "displayLabel": "x", "allowedValues": ["a", "a"]}, "/allowedValues"),
        ({"module": "tickets", "type": "Picklist", "displayLabel": "x", "allowedValues": [1]}, "/allowedValues"),
        ({"module": "tickets", "type": "Multiselect", "displayLabel": "x", "allowedValues": ["a;b"]}, "/allowedValues"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "allowedValues": ["a"]}, "/allowedValues"),
        ({"module": "tickets", "type": "Number", "displayLabel": "x", "maxLength": 10}, "/maxLength"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "maxLength": 256}, "/maxLength"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "maxLength": "10"}, "/maxLength"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "isMandatory": "yes"}, "/isMandatory"),
        ({"module": "tickets", "type": "Text", "displayLabel": "x", "color": "red"}, "/color"),
    ]
    for body, pointer in cases:
        assert pointer in field_errors(org.post("/organizationFields", json=body)), body
    assert org.post("/organizationFields", data="x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert (rows(org, "custom_fields"), audit_count(org)) == before


def test_list_and_get_errors(org, other_org, stack):
    response = org.get("/organizationFields")
    assert response.status_code == 422 and response.json()["errors"][0]["fieldName"] == "module"
    assert org.get("/organizationFields?module=Tickets").status_code == 422
    assert org.get("/organizationFields/abc").status_code == 404
    assert org.get("/organizationFields/123").status_code == 404
    theirs = add_field(other_org, "tickets", "Text", "Theirs")
    assert org.get(f"/organizationFields/{theirs['id']}").status_code == 404
    assert org.patch(f"/organizationFields/{theirs['id']}", json={"displayLabel": "Mine"}).status_code == 404
    assert org.call("DELETE", f"/organizationFields/{theirs['id']}").status_code == 404
    assert org.get("/organizationFields?module=tickets").json() == {"data": []}
    assert org.call("PUT", f"/organizationFields/{theirs['id']}", json={}).status_code == 405
    unauthorized = stack.request("GET", "/api/v1/organizationFields?module=tickets", host=org.host)
    assert unauthorized.status_code == 401


def test_patch_and_audit(org):
    field = add_field(org, "tickets", "Picklist", "Tier", allowedValues=["Gold", "Silver"])
    response = org.patch(f"/organizationFields/{field['id']}",
                         json={"displayLabel": "Support tier", "allowedValues": ["Gold", "Silver", "銅"],
                               "isMandatory": True}, headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    updated = response.json()
    assert updated["displayLabel"] == "Support tier" and updated["apiName"] == "cf_tier"
    assert updated["allowedValues"] == ["Gold", "Silver", "銅"] and updated["isMandatory"] is True
    stale = org.patch(f"/organizationFields/{field['id']}", json={"displayLabel": "x"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    before = audit_count(org)
    for body, pointer in [({"apiName": "cf_other"}, "/apiName"), ({"type": "Text"}, "/type"),
                          ({"module": "contacts"}, "/module"), ({"displayLabel": None}, "/displayLabel"),
                          ({"allowedValues": []}, "/allowedValues"), ({"maxLength": 5}, "/maxLength")]:
        assert pointer in field_errors(org.patch(f"/organizationFields/{field['id']}", json=body)), body
    assert audit_count(org) == before
    same = org.patch(f"/organizationFields/{field['id']}", json={"displayLabel": "Support tier"})
    assert same.status_code == 200 and same.headers["ETag"] == '"2"'

    entries = org.audit(f"?recordId={field['id']}")
    assert [e["action"] for e in entries] == ["update", "create"]
    assert entries[0]["recordType"] == "customField"
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]} == {
        ("displayLabel", "Tier", "Support tier"),
        ("allowedValues", '["Gold","Silver"]', '["Gold","Silver","銅"]'),
        ("isMandatory", "false", "true")}
    created = {c["field"]: c["newValue"] for c in entries[1]["changes"]}
    assert created["apiName"] == "cf_tier" and created["type"] == "Picklist" and created["module"] == "tickets"


def test_ticket_cf_values_types_and_rendering(org):
    add_field(org, "tickets", "Text", "Serial", maxLength=10)
    add_field(org, "tickets", "Textarea", "Notes")
    add_field(org, "tickets", "Number", "Units")
    add_field(org, "tickets", "Decimal", "Amount")
    add_field(org, "tickets", "Boolean", "Under warranty")
    add_field(org, "tickets", "Date", "Bought on")
    add_field(org, "tickets", "DateTime", "Visit at")
    add_field(org, "tickets", "Email", "Alt email")
    add_field(org, "tickets", "Phone", "Alt phone")
    add_field(org, "tickets", "URL", "Link")
    add_field(org, "tickets", "Picklist", "Tier", allowedValues=["Gold", "金"])
    add_field(org, "tickets", "Multiselect", "Parts", allowedValues=["Tray", "Drum", "Fuser"])

    empty = org.create_ticket()
    assert empty["cf"] == {name: None for name in [
        "cf_alt_email", "cf_alt_phone", "cf_amount", "cf_bought_on", "cf_link", "cf_notes", "cf_parts",
        "cf_serial", "cf_tier", "cf_under_warranty", "cf_units", "cf_visit_at"]}

    cf = {"cf_serial": "SN-1", "cf_notes": "一行目\n二行目", "cf_units": 3, "cf_amount": "12.50",
          "cf_under_warranty": True, "cf_bought_on": "2024-02-29", "cf_visit_at": "2026-01-02T12:00:00+09:00",
          "cf_alt_email": "alt@example.com", "cf_alt_phone": "+81 3 1234 5678", "cf_link": "https://example.com/a",
          "cf_tier": "金", "cf_parts": ["Tray", "Fuser"]}
    ticket = org.create_ticket(cf=cf)
    assert ticket["cf"] == {"cf_serial": "SN-1", "cf_notes": "一行目\n二行目", "cf_units": "3", "cf_amount": "12.50",
                            "cf_under_warranty": "true", "cf_bought_on": "2024-02-29",
                            "cf_visit_at": "2026-01-02T03:00:00.000Z", "cf_alt_email": "alt@example.com",
                            "cf_alt_phone": "+81 3 1234 5678", "cf_link": "https://example.com/a", "cf_tier": "金",
                            "cf_parts": "Tray;Fuser"}
    assert org.get(f"/tickets/{ticket['id']}").json() == ticket
    listed = org.get("/tickets?limit=100").json()["data"]
    assert [t["cf"] for t in listed if t["id"] == ticket["id"]] == [ticket["cf"]]

    created = org.audit(f"?recordId={ticket['id']}")[0]
    changes = {c["field"]: c["newValue"] for c in created["changes"]}
    assert changes["cf.cf_tier"] == "金" and changes["cf.cf_parts"] == "Tray;Fuser"

    response = org.patch(f"/tickets/{ticket['id']}", json={"cf": {"cf_tier": "Gold", "cf_serial": None}})
    assert response.status_code == 200, response.text
    assert response.json()["cf"]["cf_tier"] == "Gold" and response.json()["cf"]["cf_serial"] is None
    assert response.json()["cf"]["cf_units"] == "3"
    update = org.audit(f"?recordId={ticket['id']}&action=update")[0]
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in update["changes"]} == {
        ("cf.cf_tier", "金", "Gold"), ("cf.cf_serial", "SN-1", None)}
    stored = org.sql(f"SELECT HEX(cf) FROM tickets WHERE org_id = {int(org.org_id)} AND id = {int(ticket['id'])}")
    assert "金".encode().hex().upper() not in stored[0][0] and "Gold".encode().hex().upper() in stored[0][0]


def test_ticket_cf_validation_writes_nothing(org):
    add_field(org, "tickets", "Text", "Serial", maxLength=5)
    add_field(org, "tickets", "Number", "Units")
    add_field(org, "tickets", "Boolean", "Flag")
    add_field(org, "tickets", "Date", "Day")
    add_field(org, "tickets", "Email", "Mail")
    add_field(org, "tickets", "URL", "Link")
    add_field(org, "tickets", "Picklist", "Tier", allowedValues=["Gold"])
    add_field(org, "tickets", "Multiselect", "Parts", allowedValues=["Tray", "Drum"])
    ticket = org.create_ticket()
    before = (rows(org, "tickets"), audit_count(org))
    cases = [
        ({"cf_nope": "x"}, "/cf/cf_nope"), ({"cf_serial": "toolong"}, "/cf/cf_serial"),
        ({"cf_serial": 5}, "/cf/cf_serial"), ({"cf_units": "1.5"}, "/cf/cf_units"),
        ({"cf_units": 1.5}, "/cf/cf_units"), ({"cf_flag": "yes"}, "/cf/cf_flag"),
        ({"cf_day": "2023-02-29"}, "/cf/cf_day"), ({"cf_mail": "not-mail"}, "/cf/cf_mail"),
        ({"cf_link": "javascript:alert(1)"}, "/cf/cf_link"), ({"cf_tier": "Silver"}, "/cf/cf_tier"),
        ({"cf_parts": ["Tray", "Tray"]}, "/cf/cf_parts"), ({"cf_parts": ["Fuser"]}, "/cf/cf_parts"),
        ({"cf_parts": [1]}, "/cf/cf_parts"), ({"cf_serial": {"a": 1}}, "/cf/cf_serial"),
    ]
    for cf, pointer in cases:
        assert field_errors(org.post("/tickets", json={"subject": "x", "cf": cf})) == [pointer], cf
        assert field_errors(org.patch(f"/tickets/{ticket['id']}", json={"cf": cf})) == [pointer], cf
    for bad in [[], "x", 3]:
        assert field_errors(org.post("/tickets", json={"subject": "x", "cf": bad})) == ["/cf"]
    assert (rows(org, "tickets"), audit_count(org)) == before
    assert org.get(f"/tickets/{ticket['id']}").json()["cf"]["cf_serial"] is None


def test_mandatory_field(org):
    add_field(org, "tickets", "Text", "Order", isMandatory=True)
    before = (rows(org, "tickets"), audit_count(org))
    assert field_errors(org.post("/tickets", json={"subject": "x"})) == ["/cf/cf_order"]
    assert field_errors(org.post("/tickets", json={"subject": "x", "cf": {"cf_order": ""}})) == ["/cf/cf_order"]
    assert (rows(org, "tickets"), audit_count(org)) == before
    ticket = org.create_ticket(cf={"cf_order": "A-1"})
    assert field_errors(org.patch(f"/tickets/{ticket['id']}", json={"cf": {"cf_order": None}})) == ["/cf/cf_order"]
    assert org.patch(f"/tickets/{ticket['id']}", json={"subject": "renamed"}).status_code == 200


def test_contact_and_account_cf(org):
    add_field(org, "contacts", "Text", "Nickname", isPersonalData=True)
    add_field(org, "accounts", "Number", "Seats")
    contact = org.post("/contacts", json={"lastName": "山田", "cf": {"cf_nickname": "やまちゃん"}})
    assert contact.status_code == 200, contact.text
    assert contact.json()["cf"] == {"cf_nickname": "やまちゃん"}
    assert org.get(f"/contacts/{contact.json()['id']}").json()["cf"] == {"cf_nickname": "やまちゃん"}
    assert field_errors(org.post("/contacts", json={"lastName": "x", "cf": {"cf_seats": 3}})) == ["/cf/cf_seats"]
    account = org.post("/accounts", json={"accountName": "Zylker", "cf": {"cf_seats": "40"}})
    assert account.status_code == 200 and account.json()["cf"] == {"cf_seats": "40"}
    assert field_errors(org.patch(f"/accounts/{account.json()['id']}", json={"cf": {"cf_seats": "many"}})) == ["/cf/cf_seats"]
    patched = org.patch(f"/accounts/{account.json()['id']}", json={"cf": {"cf_seats": 41}})
    assert patched.status_code == 200 and patched.json()["cf"] == {"cf_seats": "41"}
    entry = org.audit(f"?recordId={account.json()['id']}&action=update")[0]
    assert [(c["field"], c["oldValue"], c["newValue"]) for c in entry["changes"]] == [("cf.cf_seats", "40", "41")]
    assert org.get("/contacts?limit=100").json()["data"][0]["cf"] == {"cf_nickname": "やまちゃん"}


def test_delete_removes_values_for_good(org):
    field = add_field(org, "tickets", "Text", "Serial")
    keep = add_field(org, "tickets", "Text", "Keep")
    with_value = org.create_ticket(cf={"cf_serial": "SN-9", "cf_keep": "k"})
    trashed = org.create_ticket(cf={"cf_serial": "SN-10"})
    without = org.create_ticket()
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [trashed["id"]]}).status_code == 204

    assert org.call("DELETE", f"/organizationFields/{field['id']}", headers={"If-Match": '"7"'}).status_code == 412
    response = org.call("DELETE", f"/organizationFields/{field['id']}")
    assert response.status_code == 204, response.text
    assert org.get(f"/organizationFields/{field['id']}").status_code == 404
    assert org.call("DELETE", f"/organizationFields/{field['id']}").status_code == 404
    fetched = org.get(f"/tickets/{with_value['id']}")
    assert fetched.json()["cf"] == {"cf_keep": "k"} and fetched.headers["ETag"] == '"2"'
    assert org.get(f"/tickets/{without['id']}").json()["cf"] == {"cf_keep": None}
    assert rows(org, "tickets", "cf LIKE '%cf_serial%'") == 0

    deleted = org.audit(f"?recordId={field['id']}&action=delete")
    assert len(deleted) == 1 and deleted[0]["recordType"] == "customField"
    record = org.audit(f"?recordId={with_value['id']}&action=update")
    assert [(c["field"], c["oldValue"], c["newValue"]) for c in record[0]["changes"]] == [("cf.cf_serial", "SN-9", None)]
    assert len(org.audit(f"?recordId={trashed['id']}&action=update")) == 1
    assert org.audit(f"?recordId={without['id']}&action=update") == []

    again = add_field(org, "tickets", "Text", "Serial")
    assert again["apiName"] == "cf_serial"
    assert org.get(f"/tickets/{with_value['id']}").json()["cf"] == {"cf_keep": "k", "cf_serial": None}
    assert keep["apiName"] == "cf_keep"


def test_org_isolation(org, other_org):
    add_field(org, "tickets", "Text", "Secret")
    ticket = org.create_ticket(cf={"cf_secret": "秘密"})
    theirs = other_org.create_ticket()
    assert theirs["cf"] == {}
    assert field_errors(other_org.post("/tickets", json={"subject": "x", "cf": {"cf_secret": "x"}})) == ["/cf/cf_secret"]
    assert other_org.get("/organizationFields?module=tickets").json() == {"data": []}
    assert other_org.get(f"/tickets/{ticket['id']}").status_code == 404

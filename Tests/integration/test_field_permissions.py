"""Field-level permissions through nginx: the admin API (/organizationFields/permissions and
/organizationFields/{fieldId}/permissions) and their enforcement on tickets, contacts and accounts.

The agent under test is on a custom profile ("Restricted Agent", cloned from Agent, with the audit log
view added). Until the profiles admin API is merged, the profile row is inserted with SQL and the agent
(created through /agents, token from `deskd token create`) is moved onto it with SQL before its first
request; the org's data sharing is set to public read/write with SQL so that record reach does not mask
field checks. Every field setting is made through the API under test.

Tickets: `email` and `dueDate` hidden, `priority` readOnly, `category` and `status` readWrite (standard);
`cf_secret` hidden, `cf_locked` readOnly, `cf_open` readWrite (custom). For each access: GET, list,
search, filter or sort (custom fields cannot be filtered or sorted on by any agent), update — and a
mixed update touching one forbidden field writes nothing at all.
"""

from __future__ import annotations

import pytest

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from field_permission_helpers import add_custom_profile, add_member, denied, open_sharing, set_fields
from ticket_field_helpers import add_field, audit_count, rows

TICKET_SETTINGS = {"email": "hidden", "dueDate": "hidden", "priority": "readOnly", "cf_secret": "hidden",
                   "cf_locked": "readOnly"}


@pytest.fixture
def setup(org):
    """The org, its restricted profile and agent, custom fields, and one ticket with every field set."""
    open_sharing(org)
    for name in ("Secret", "Locked", "Open"):
        add_field(org, "tickets", "Text", name, apiName=f"cf_{name.lower()}")
    profile = add_custom_profile(org)
    member = add_member(org, profile)
    set_fields(org, "tickets", profile, TICKET_SETTINGS)
    ticket = org.create_ticket(subject="プリンターが動かない", email="kunde@example.jp", priority="High",
                               category="Hardware", dueDate="2030-01-02T03:04:05.000Z",
                               cf={"cf_secret": "秘密", "cf_locked": "locked", "cf_open": "open"})
    return org, profile, member, ticket


def ticket_row(org, ticket_id: str) -> list[str]:
    return org.sql(f"SELECT subject, email, priority, category, status, version, cf FROM tickets "
                   f"WHERE org_id = {int(org.org_id)} AND id = {int(ticket_id)}")[0]


# ---------------------------------------------------------------- admin API

def test_module_permissions_list_every_field(setup):
    org, profile, _, _ = setup
    response = org.get(f"/organizationFields/permissions?module=tickets&profileId={profile}")
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert all(set(f) == {"apiName", "isCustomField", "access"} for f in data)
    names = [f["apiName"] for f in data]
    assert names[:12] == ["subject", "description", "status", "priority", "channel", "email", "assigneeId",
                          "dueDate", "classification", "category", "departmentId", "contactId"]
    assert names[12:] == ["cf_locked", "cf_open", "cf_secret"]
    access = {f["apiName"]: f["access"] for f in data}
    assert {k: v for k, v in access.items() if v != "readWrite"} == TICKET_SETTINGS
    assert all(f["isCustomField"] == f["apiName"].startswith("cf_") for f in data)
    # The built-in Agent profile has no settings; the Administrator profile lists everything readWrite.
    for other in ("2", "1"):
        listed = org.get(f"/organizationFields/permissions?module=tickets&profileId={other}").json()["data"]
        assert {f["access"] for f in listed} == {"readWrite"}
    contacts = org.get(f"/organizationFields/permissions?module=contacts&profileId={profile}").json()["data"]
    assert [f["apiName"] for f in contacts] == ["firstName", "lastName", "email", "phone", "mobile", "accountId",
                                                "description"]


def test_field_permissions_per_custom_field(setup):
    org, profile, _, _ = setup
    field = next(f for f in org.get("/organizationFields?module=tickets").json()["data"]
                 if f["apiName"] == "cf_secret")
    response = org.get(f"/organizationFields/{field['id']}/permissions")
    assert response.status_code == 200, response.text
    assert response.json()["data"] == [
        {"profileId": "1", "profileName": "Administrator", "access": "readWrite"},
        {"profileId": "2", "profileName": "Agent", "access": "readWrite"},
        {"profileId": "3", "profileName": "Light Agent", "access": "readWrite"},
        {"profileId": profile, "profileName": "Restricted Agent", "access": "hidden"},
    ]
    before = audit_count(org)
    changed = org.patch(f"/organizationFields/{field['id']}/permissions",
                        json={"permissions": [{"profileId": "2", "access": "readOnly"},
                                              {"profileId": profile, "access": "readWrite"}]})
    assert changed.status_code == 200, changed.text
    assert [p["access"] for p in changed.json()["data"]] == ["readWrite", "readOnly", "readWrite", "readWrite"]
    assert changed.json() == org.get(f"/organizationFields/{field['id']}/permissions").json()
    entries = org.audit("?recordType=fieldPermission")
    assert audit_count(org) == before + 2
    by_profile = {e["recordId"]: e for e in entries[:2]}
    assert by_profile["2"]["changes"] == [{"field": "tickets.cf_secret", "oldValue": "readWrite",
                                           "newValue": "readOnly"}]
    assert by_profile[profile]["changes"] == [{"field": "tickets.cf_secret", "oldValue": "hidden",
                                               "newValue": "readWrite"}]
    assert all(e["action"] == "update" for e in by_profile.values())
    # Setting what is already set changes and audits nothing.
    again = org.patch(f"/organizationFields/{field['id']}/permissions",
                      json={"permissions": [{"profileId": "2", "access": "readOnly"}]})
    assert again.status_code == 200 and audit_count(org) == before + 2


def test_admin_api_refusals_write_nothing(setup):
    org, profile, _, _ = setup
    field = org.get("/organizationFields?module=tickets").json()["data"][0]
    before = (audit_count(org), rows(org, "field_permissions"))
    base = f"/organizationFields/permissions?module=tickets&profileId={profile}"
    cases = [
        (base, {"fields": {"email": "readWrite", "nope": "hidden"}}, "/fields/nope"),
        (base, {"fields": {"cf_missing": "hidden"}}, "/fields/cf_missing"),
        (base, {"fields": {"email": "secret"}}, "/fields/email"),
        (base, {"fields": {}}, "/fields"),
        (base, {"fields": {"email": "hidden"}, "extra": 1}, "/extra"),
        (base, {}, "/fields"),
        ("/organizationFields/permissions?module=tickets&profileId=1", {"fields": {"email": "hidden"}}, "profileId"),
        ("/organizationFields/permissions?module=tickets&profileId=999", {"fields": {"email": "hidden"}}, "profileId"),
        ("/organizationFields/permissions?module=tasks&profileId=2", {"fields": {"email": "hidden"}}, "module"),
        ("/organizationFields/permissions?profileId=2", {"fields": {"email": "hidden"}}, "module"),
        ("/organizationFields/permissions?module=tickets", {"fields": {"email": "hidden"}}, "profileId"),
        (f"/organizationFields/{field['id']}/permissions",
         {"permissions": [{"profileId": "2", "access": "hidden"}, {"profileId": "1", "access": "hidden"}]},
         "/permissions/1/profileId"),
        (f"/organizationFields/{field['id']}/permissions",
         {"permissions": [{"profileId": "2", "access": "hidden"}, {"profileId": "12345", "access": "hidden"}]},
         "/permissions/1/profileId"),
        (f"/organizationFields/{field['id']}/permissions",
         {"permissions": [{"profileId": "2", "access": "hidden"}, {"profileId": "2", "access": "readOnly"}]},
         "/permissions/1/profileId"),
        (f"/organizationFields/{field['id']}/permissions",
         {"permissions": [{"profileId": "2", "access": "nope"}]}, "/permissions/0/access"),
        (f"/organizationFields/{field['id']}/permissions", {"permissions": []}, "/permissions"),
    ]
    for path, body, pointer in cases:
        response = org.patch(path, json=body)
        assert response.status_code == 422, (path, body, response.text)
        assert response.json()["errorCode"] == "INVALID_DATA"
        assert pointer in [e["fieldName"] for e in response.json()["errors"]], (path, body, response.text)
    for path in ("/organizationFields/permissions?module=tickets&profileId=999",
                 "/organizationFields/permissions?module=accounts"):
        assert org.get(path).status_code == 422
    assert org.get("/organizationFields/123456789/permissions").status_code == 404
    assert org.patch("/organizationFields/123456789/permissions",
                     json={"permissions": [{"profileId": "2", "access": "hidden"}]}).status_code == 404
    assert (audit_count(org), rows(org, "field_permissions")) == before


def test_only_settings_editors_change_permissions(setup, other_org):
    org, profile, member, _ = setup
    response = member.patch(f"/organizationFields/permissions?module=tickets&profileId={profile}",
                            json={"fields": {"email": "readWrite"}})
    assert response.status_code == 403 and response.json()["errorCode"] == "FORBIDDEN"
    # Another org's profile is unknown here.
    assert other_org.get(f"/organizationFields/permissions?module=tickets&profileId={profile}").status_code == 422
    assert member.get("/tickets?limit=1").status_code == 200


def test_deleting_a_custom_field_removes_its_permissions(setup):
    org, profile, member, ticket = setup
    field = next(f for f in org.get("/organizationFields?module=tickets").json()["data"]
                 if f["apiName"] == "cf_secret")
    assert rows(org, "field_permissions", "field = 'cf_secret'") == 1
    assert org.call("DELETE", f"/organizationFields/{field['id']}").status_code == 204
    assert rows(org, "field_permissions", "field = 'cf_secret'") == 0
    removal = org.audit("?recordType=fieldPermission&action=delete")
    assert removal[0]["recordId"] == profile
    assert removal[0]["changes"] == [{"field": "tickets.cf_secret", "oldValue": "hidden", "newValue": None}]
    # A new field with the same api name starts readWrite for the profile.
    add_field(org, "tickets", "Text", "Secret again", apiName="cf_secret")
    org.patch(f"/tickets/{ticket['id']}", json={"cf": {"cf_secret": "new"}})
    assert member.get(f"/tickets/{ticket['id']}").json()["cf"]["cf_secret"] == "new"


# ---------------------------------------------------------------- hidden

def test_hidden_fields_are_absent_everywhere(setup):
    org, _, member, ticket = setup
    full = org.get(f"/tickets/{ticket['id']}").json()
    assert full["email"] == "kunde@example.jp" and full["cf"]["cf_secret"] == "秘密"
    seen = member.get(f"/tickets/{ticket['id']}")
    assert seen.status_code == 200, seen.text
    body = seen.json()
    assert "email" not in body and "dueDate" not in body and "cf_secret" not in body["cf"]
    assert body["cf"] == {"cf_locked": "locked", "cf_open": "open"}
    expected = {k: v for k, v in full.items() if k not in ("email", "dueDate")}
    expected["cf"] = {"cf_locked": "locked", "cf_open": "open"}
    assert body == expected
    listed = member.get("/tickets").json()["data"]
    assert [t["id"] for t in listed] == [ticket["id"]]
    assert listed[0] == expected
    found = member.get("/tickets/search", params={"subject": "プリンター*"}).json()
    assert found["count"] == 1 and found["data"][0] == expected
    # The administrator still sees everything.
    assert org.get("/tickets").json()["data"][0] == full


def test_filter_sort_and_search_on_hidden_fields_are_refused(setup):
    org, _, member, _ = setup
    assert denied(member.get("/tickets?sortBy=dueDate")) == [("/sortBy", "hidden")]
    assert denied(member.get("/tickets?sortBy=-dueDate")) == [("/sortBy", "hidden")]
    assert denied(member.get("/tickets/search?email=kunde*")) == [("/email", "hidden")]
    assert denied(member.get("/tickets/search?_all=kunde")) == [("/_all", "hidden")]
    assert denied(member.get("/tickets/search?email=k*&sortBy=dueDate")) == [("/email", "hidden"),
                                                                           ("/sortBy", "hidden")]
    # Sorting and filtering on visible fields works.
    assert member.get("/tickets?sortBy=-createdTime&priority=High").status_code == 200
    assert member.get("/ticketsCount?priority=High").json() == {"count": 1}
    assert org.get("/tickets?sortBy=dueDate").status_code == 200
    assert org.get("/tickets/search?email=kunde*").json()["count"] == 1


def test_writing_a_hidden_field_is_refused(setup):
    org, _, member, ticket = setup
    before = (ticket_row(org, ticket["id"]), audit_count(org))
    assert denied(member.patch(f"/tickets/{ticket['id']}", json={"email": "x@example.com"})) == [("/email", "hidden")]
    assert denied(member.patch(f"/tickets/{ticket['id']}", json={"cf": {"cf_secret": "guess"}})) == [
        ("/cf/cf_secret", "hidden")]
    # The same value is refused too: a write must not be an oracle for a hidden value.
    assert denied(member.patch(f"/tickets/{ticket['id']}", json={"email": "kunde@example.jp"})) == [
        ("/email", "hidden")]
    assert denied(member.post("/tickets", json={"subject": "new", "email": "x@example.com"})) == [("/email", "hidden")]
    assert (ticket_row(org, ticket["id"]), audit_count(org)) == before
    assert rows(org, "tickets") == 1


# ---------------------------------------------------------------- readOnly

def test_read_only_fields_show_but_cannot_be_written(setup):
    org, _, member, ticket = setup
    body = member.get(f"/tickets/{ticket['id']}").json()
    assert body["priority"] == "High" and body["cf"]["cf_locked"] == "locked"
    assert member.get("/tickets?priority=High").json()["data"][0]["priority"] == "High"
    assert member.get("/tickets/search?subject=プリンター*").json()["data"][0]["cf"]["cf_locked"] == "locked"
    before = (ticket_row(org, ticket["id"]), audit_count(org))
    assert denied(member.patch(f"/tickets/{ticket['id']}", json={"priority": "Low"})) == [("/priority", "readOnly")]
    assert denied(member.patch(f"/tickets/{ticket['id']}", json={"priority": "High"})) == [("/priority", "readOnly")]
    assert denied(member.patch(f"/tickets/{ticket['id']}", json={"cf": {"cf_locked": None}})) == [
        ("/cf/cf_locked", "readOnly")]
    assert denied(member.post("/tickets", json={"subject": "x", "priority": "Low"})) == [("/priority", "readOnly")]
    assert (ticket_row(org, ticket["id"]), audit_count(org)) == before
    # A create that leaves the read-only and hidden fields alone works; they keep their defaults.
    created = member.post("/tickets", json={"subject": "新しい", "category": "Software", "cf": {"cf_open": "x"}})
    assert created.status_code == 200, created.text
    assert created.json()["priority"] is None and "email" not in created.json()
    # The administrator writes read-only fields as before.
    assert org.patch(f"/tickets/{ticket['id']}", json={"priority": "Low"}).status_code == 200


# ---------------------------------------------------------------- readWrite

def test_read_write_fields_work_as_before(setup):
    org, _, member, ticket = setup
    updated = member.patch(f"/tickets/{ticket['id']}", json={"category": "ソフト", "status": "On Hold",
                                                             "cf": {"cf_open": "開いた"}})
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["category"] == "ソフト" and body["status"] == "On Hold" and body["cf"]["cf_open"] == "開いた"
    assert "email" not in body
    assert member.get("/tickets?status=On Hold").json()["data"][0]["id"] == ticket["id"]
    assert member.get("/tickets/search?category=ソフト").json()["count"] == 1
    assert member.get("/tickets?sortBy=ticketNumber").status_code == 200
    entry = member.get(f"/auditLogs?recordType=ticket&recordId={ticket['id']}&action=update").json()["data"][0]
    assert {c["field"]: (c["oldValue"], c["newValue"]) for c in entry["changes"]} == {
        "category": ("Hardware", "ソフト"), "status": ("Open", "On Hold"), "cf.cf_open": ("open", "開いた")}


# ---------------------------------------------------------------- mixed

def test_mixed_update_touching_one_forbidden_field_writes_nothing(setup):
    org, _, member, ticket = setup
    before = (ticket_row(org, ticket["id"]), audit_count(org), org.get(f"/tickets/{ticket['id']}").json())
    for body, expected in [
        ({"category": "changed", "status": "Closed", "priority": "Low"}, [("/priority", "readOnly")]),
        ({"category": "changed", "cf": {"cf_open": "changed", "cf_secret": "x"}}, [("/cf/cf_secret", "hidden")]),
        ({"subject": "changed", "email": "a@example.com", "cf": {"cf_locked": "x", "cf_open": "y"}},
         [("/email", "hidden"), ("/cf/cf_locked", "readOnly")]),
    ]:
        assert denied(member.patch(f"/tickets/{ticket['id']}", json=body)) == expected, body
    assert (ticket_row(org, ticket["id"]), audit_count(org), org.get(f"/tickets/{ticket['id']}").json()) == before
    assert org.audit(f"?recordType=ticket&recordId={ticket['id']}&action=update") == []


# ---------------------------------------------------------------- audit log

def test_audit_log_masks_hidden_fields(setup):
    org, _, member, ticket = setup
    org.patch(f"/tickets/{ticket['id']}", json={"email": "neu@example.jp", "category": "Other",
                                                "cf": {"cf_secret": "新しい秘密"}})
    seen = member.get(f"/auditLogs?recordType=ticket&recordId={ticket['id']}")
    assert seen.status_code == 200, seen.text
    update, create = seen.json()["data"]
    assert {c["field"]: (c["oldValue"], c["newValue"]) for c in update["changes"]} == {
        "email": ("****", "****"), "category": ("Hardware", "Other"), "cf.cf_secret": ("****", "****")}
    created = {c["field"]: (c["oldValue"], c["newValue"]) for c in create["changes"]}
    assert created["email"] == ("****", "****") and created["dueDate"] == ("****", "****")
    assert created["cf.cf_secret"] == ("****", "****")
    assert created["subject"] == (None, "プリンターが動かない") and created["priority"] == (None, "High")
    text = seen.text
    assert "kunde@example.jp" not in text and "neu@example.jp" not in text and "秘密" not in text
    # The administrator sees the values.
    admin = org.audit(f"?recordType=ticket&recordId={ticket['id']}")[0]
    assert {c["field"]: c["newValue"] for c in admin["changes"]}["email"] == "neu@example.jp"


# ---------------------------------------------------------------- contacts and accounts

def test_contacts_and_accounts(setup):
    org, profile, member, _ = setup
    add_field(org, "contacts", "Text", "Note", apiName="cf_note")
    add_field(org, "accounts", "Text", "Tier", apiName="cf_tier")
    set_fields(org, "contacts", profile, {"email": "hidden", "phone": "readOnly", "cf_note": "hidden"})
    set_fields(org, "accounts", profile, {"website": "hidden", "accountName": "readOnly", "cf_tier": "readOnly"})
    contact = org.post("/contacts", json={"lastName": "山田", "email": "yamada@example.jp", "phone": "03-1234",
                                          "cf": {"cf_note": "VIP"}}).json()
    account = org.post("/accounts", json={"accountName": "株式会社", "website": "https://example.jp",
                                          "cf": {"cf_tier": "gold"}}).json()

    got = member.get(f"/contacts/{contact['id']}").json()
    assert "email" not in got and got["phone"] == "03-1234" and got["cf"] == {}
    assert member.get("/contacts").json()["data"][0] == got
    assert denied(member.get("/contacts/search?searchStr=yam")) == [("/searchStr", "hidden")]
    assert member.get("/contacts?sortBy=lastName").status_code == 200
    before = (audit_count(org), org.get(f"/contacts/{contact['id']}").json())
    assert denied(member.patch(f"/contacts/{contact['id']}", json={"firstName": "太郎", "phone": "1"})) == [
        ("/phone", "readOnly")]
    assert denied(member.post("/contacts", json={"lastName": "x", "cf": {"cf_note": "x"}})) == [
        ("/cf/cf_note", "hidden")]
    assert (audit_count(org), org.get(f"/contacts/{contact['id']}").json()) == before
    assert member.patch(f"/contacts/{contact['id']}", json={"firstName": "太郎"}).json()["firstName"] == "太郎"

    got = member.get(f"/accounts/{account['id']}").json()
    assert "website" not in got and got["accountName"] == "株式会社" and got["cf"] == {"cf_tier": "gold"}
    assert member.get("/accounts/search?searchStr=株式").json()["data"][0] == got
    assert member.get("/accounts?sortBy=accountName").status_code == 200
    assert denied(member.patch(f"/accounts/{account['id']}", json={"accountName": "x", "cf": {"cf_tier": "y"}})) == [
        ("/accountName", "readOnly"), ("/cf/cf_tier", "readOnly")]
    # Hiding the sort field refuses the sort.
    set_fields(org, "contacts", profile, {"lastName": "hidden"})
    assert denied(member.get("/contacts?sortBy=-lastName")) == [("/sortBy", "hidden")]
    assert member.get("/contacts").status_code == 200

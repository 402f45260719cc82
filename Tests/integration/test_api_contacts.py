"""Contacts and accounts through the agent API: create, get, list, search, update with ETag / If-Match,
move to trash, the recycle bin and the audit log, validation that writes nothing, UTF-8 round trips and
org isolation."""

from __future__ import annotations

import re

from api_helpers import org, other_org  # noqa: F401  (fixtures)

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
CONTACT_KEYS = {"id", "firstName", "lastName", "email", "phone", "mobile", "accountId", "description",
                "ownerId", "cf", "createdTime", "modifiedTime"}
ACCOUNT_KEYS = {"id", "accountName", "email", "phone", "website", "description", "ownerId", "cf", "createdTime", "modifiedTime"}


def create(org, kind: str, **fields) -> dict:
    response = org.post(f"/{kind}", json=fields)
    assert response.status_code == 200, response.text
    return response.json()


def rows(org, table: str) -> int:
    return int(org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {int(org.org_id)}")[0][0])


def test_contact_and_account_shapes(org):
    account = create(org, "accounts", accountName="Zylker", website="https://zylker.example")
    assert set(account) == ACCOUNT_KEYS
    assert account["id"].isdigit() and account["accountName"] == "Zylker"
    assert account["email"] is None and TIME.match(account["createdTime"])

    response = org.post("/contacts", json={"firstName": "Ann", "lastName": "Lee", "email": "ann@zylker.example",
                                           "accountId": account["id"], "mobile": "+1 555 0100"})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    contact = response.json()
    assert set(contact) == CONTACT_KEYS
    assert contact["accountId"] == account["id"] and contact["phone"] is None
    assert TIME.match(contact["modifiedTime"])

    fetched = org.get(f"/contacts/{contact['id']}")
    assert fetched.status_code == 200 and fetched.json() == contact
    assert fetched.headers["ETag"] == '"1"'
    assert org.get(f"/accounts/{account['id']}").json() == account


def test_japanese_round_trip(org):
    contact = create(org, "contacts", firstName="太郎", lastName="山田 🍣")
    fetched = org.get(f"/contacts/{contact['id']}").json()
    assert fetched["firstName"] == "太郎" and fetched["lastName"] == "山田 🍣"
    stored = org.sql(f"SELECT HEX(last_name) FROM contacts WHERE org_id = {int(org.org_id)} AND id = {int(contact['id'])}")
    assert bytes.fromhex(stored[0][0]).decode("utf-8") == "山田 🍣"
    account = create(org, "accounts", accountName="株式会社ゾーホー")
    assert org.get(f"/accounts/{account['id']}").json()["accountName"] == "株式会社ゾーホー"


def test_patch_if_match_and_audit(org):
    contact = create(org, "contacts", lastName="Before", email="b@x.example")
    response = org.patch(f"/contacts/{contact['id']}", json={"lastName": "After", "email": None},
                         headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    assert response.json()["lastName"] == "After" and response.json()["email"] is None

    stale = org.patch(f"/contacts/{contact['id']}", json={"lastName": "Stale"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.json()["errorCode"] == "PRECONDITION_FAILED"
    same = org.patch(f"/contacts/{contact['id']}", json={"lastName": "After"})
    assert same.status_code == 200 and same.headers["ETag"] == '"2"'

    entries = org.audit(f"?recordId={contact['id']}")
    assert [e["action"] for e in entries] == ["update", "create"]
    assert entries[0]["recordType"] == "contact"
    by_type = org.audit("?recordType=contact&limit=100")
    assert {e["recordId"] for e in by_type} == {contact["id"]}
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]} == {
        ("lastName", "Before", "After"), ("email", "b@x.example", None)}

    account = create(org, "accounts", accountName="Old name")
    renamed = org.patch(f"/accounts/{account['id']}", json={"accountName": "New name"}, headers={"If-Match": '"1"'})
    assert renamed.status_code == 200 and renamed.json()["accountName"] == "New name"
    assert org.patch(f"/accounts/{account['id']}", json={"accountName": "x"}, headers={"If-Match": '"1"'}).status_code == 412


def test_validation_writes_nothing(org, other_org):
    before = rows(org, "contacts")
    for body, field in [({}, "/lastName"), ({"lastName": None}, "/lastName"), ({"lastName": ""}, "/lastName"),
                        ({"lastName": "x", "nickname": "y"}, "/nickname"), ({"lastName": 5}, "/lastName"),
                        ({"lastName": "x" * 101}, "/lastName"), ({"lastName": "x", "email": "nope"}, "/email"),
                        ({"lastName": "x", "accountId": "abc"}, "/accountId")]:
        response = org.post("/contacts", json=body)
        assert response.status_code == 422, (body, response.text)
        assert field in [e["fieldName"] for e in response.json()["errors"]], (body, response.text)
    foreign = create(other_org, "accounts", accountName="Theirs")
    response = org.post("/contacts", json={"lastName": "x", "accountId": foreign["id"]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["fieldName"] == "/accountId"
    assert rows(org, "contacts") == before

    assert org.post("/accounts", json={}).status_code == 422
    assert org.post("/accounts", json={"accountName": "a", "website": 3}).status_code == 422
    assert org.get("/contacts/abc").status_code == 404
    assert org.get("/contacts/0").status_code == 404
    assert org.get("/contacts?sortBy=nope").status_code == 422
    assert org.get("/contacts/search").status_code == 422
    assert org.post("/contacts/moveToTrash", json={"contactIds": []}).status_code == 422


def test_list_sort_and_search(org):
    for name in ["100% Real", "100 Percent", "a_b", "axb", "Smith"]:
        create(org, "contacts", lastName=name)
    listed = org.get("/contacts?sortBy=-lastName&limit=100")
    assert listed.status_code == 200
    names = [c["lastName"] for c in listed.json()["data"]]
    assert len(names) == 5 and names[0] == "Smith"
    assert len(org.get("/contacts?from=2&limit=2").json()["data"]) == 2

    def found(text: str) -> list[str]:
        response = org.get("/contacts/search", params={"searchStr": text})
        assert response.status_code == 200, response.text
        return [c["lastName"] for c in response.json()["data"]]

    assert found("100%") == ["100% Real"]
    assert found("a_") == ["a_b"]
    assert found("smi") == ["Smith"]
    assert found("zzz") == []

    create(org, "accounts", accountName="50% Off Ltd")
    create(org, "accounts", accountName="500 Co")
    response = org.get("/accounts/search", params={"searchStr": "50%"})
    assert [a["accountName"] for a in response.json()["data"]] == ["50% Off Ltd"]
    assert org.get("/accounts?limit=100").json()["data"][0]["accountName"] == "50% Off Ltd"


def test_trash_recycle_bin_restore_delete(org):
    account = create(org, "accounts", accountName="Zylker")
    contact = create(org, "contacts", firstName="Ann", lastName="Lee", accountId=account["id"])
    response = org.post("/contacts/moveToTrash", json={"contactIds": [contact["id"]]})
    assert response.status_code == 204, response.text
    response = org.post("/accounts/moveToTrash", json={"accountIds": [account["id"]]})
    assert response.status_code == 204, response.text
    assert org.get(f"/contacts/{contact['id']}").status_code == 404
    assert org.get(f"/accounts/{account['id']}").status_code == 404
    assert org.get("/contacts").json() == {"data": []}
    assert org.post("/contacts/moveToTrash", json={"contactIds": [contact["id"]]}).status_code == 404

    items = {i["id"]: i for i in org.get("/recycleBin?limit=100").json()["data"]}
    assert items[contact["id"]]["type"] == "Contact" and items[contact["id"]]["name"] == "Ann Lee"
    assert items[account["id"]]["type"] == "Account" and items[account["id"]]["name"] == "Zylker"
    assert items[contact["id"]]["deletedBy"] == org.agent_id

    assert org.post("/recycleBin/restore", json={"ids": [contact["id"], account["id"]]}).status_code == 204
    restored = org.get(f"/contacts/{contact['id']}")
    assert restored.status_code == 200 and restored.headers["ETag"] == '"3"'
    assert restored.json()["accountId"] == account["id"]

    org.post("/accounts/moveToTrash", json={"accountIds": [account["id"]]})
    assert org.post("/recycleBin/delete", json={"ids": [account["id"]]}).status_code == 204
    assert rows(org, "accounts") == 0
    assert org.get(f"/contacts/{contact['id']}").json()["accountId"] is None
    actions = [e["action"] for e in org.audit(f"?recordId={account['id']}")]
    assert actions == ["delete", "trash", "restore", "trash", "create"]


def test_org_isolation(org, other_org):
    contact = create(org, "contacts", lastName="Secret")
    account = create(org, "accounts", accountName="Hidden")
    assert other_org.get(f"/contacts/{contact['id']}").status_code == 404
    assert other_org.get(f"/accounts/{account['id']}").status_code == 404
    assert other_org.patch(f"/contacts/{contact['id']}", json={"lastName": "x"}).status_code == 404
    assert other_org.get("/contacts/search", params={"searchStr": "Sec"}).json() == {"data": []}
    assert other_org.post("/accounts/moveToTrash", json={"accountIds": [account["id"]]}).status_code == 404
    assert org.get(f"/contacts/{contact['id']}").json()["lastName"] == "Secret"
    assert org.get("/contacts", headers={"orgId": other_org.org_id}).status_code == 403

"""Threads (replies), comments and conversations of a ticket through the agent API: shapes, the audit
entries each write leaves, time order, validation errors that write nothing, UTF-8 round trips, org
isolation, and children vanishing with their ticket."""

from __future__ import annotations

import re

from api_helpers import org, other_org  # noqa: F401  (fixtures)

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
THREAD_KEYS = {"id", "channel", "direction", "summary", "createdTime", "author", "visibility", "contentType",
               "isForward"}
COMMENT_KEYS = {"id", "content", "contentType", "isPublic", "commenter", "commentedTime", "modifiedTime", "attachments"}


def rows(org, table: str, ticket_id: str) -> int:
    found = org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {int(org.org_id)} AND ticket_id = {int(ticket_id)}")
    return int(found[0][0])


def reply(org, ticket_id: str, content: str, **fields) -> dict:
    body = {"channel": "EMAIL", "content": content}
    body.update(fields)
    response = org.post(f"/tickets/{ticket_id}/sendReply", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def comment(org, ticket_id: str, content: str, **fields) -> dict:
    body = {"content": content}
    body.update(fields)
    response = org.post(f"/tickets/{ticket_id}/comments", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_reply_list_get(org):
    ticket = org.create_ticket()
    long_text = "word " * 40
    thread = reply(org, ticket["id"], long_text)
    assert set(thread) == THREAD_KEYS | {"content", "attachments"} and thread["attachments"] == []
    assert thread["direction"] == "out" and thread["channel"] == "EMAIL" and thread["visibility"] == "public"
    assert thread["author"] == {"id": org.agent_id, "type": "AGENT"}
    assert thread["contentType"] == "plainText" and thread["isForward"] is False
    assert thread["content"] == long_text
    assert thread["summary"] == long_text.strip()[:100]
    assert TIME.match(thread["createdTime"])

    html = reply(org, ticket["id"], "<p>Hello <b>there</b> &amp; bye</p>", contentType="html", isForward=True)
    assert html["summary"] == "Hello there & bye" and html["isForward"] is True

    listed = org.get(f"/tickets/{ticket['id']}/threads")
    assert listed.status_code == 200, listed.text
    data = listed.json()["data"]
    assert [t["id"] for t in data] == [thread["id"], html["id"]]
    assert all(set(t) == THREAD_KEYS for t in data)
    assert [t["id"] for t in org.get(f"/tickets/{ticket['id']}/threads?from=2&limit=1").json()["data"]] == [html["id"]]

    fetched = org.get(f"/tickets/{ticket['id']}/threads/{thread['id']}")
    assert fetched.status_code == 200 and fetched.json() == thread
    assert org.get(f"/tickets/{ticket['id']}/threads/1").status_code == 404
    assert org.get(f"/tickets/{ticket['id']}/threads/abc").status_code == 404

    entries = org.audit(f"?recordType=thread&recordId={thread['id']}")
    assert len(entries) == 1 and entries[0]["action"] == "create"
    changes = {c["field"]: (c["oldValue"], c["newValue"]) for c in entries[0]["changes"]}
    assert changes["content"] == (None, long_text) and changes["direction"] == (None, "out")
    assert changes["ticketId"] == (None, ticket["id"])


def test_comment_create_get_patch_delete(org):
    ticket = org.create_ticket()
    created = comment(org, ticket["id"], "First note", isPublic=True)
    assert set(created) == COMMENT_KEYS
    assert created["isPublic"] is True and created["contentType"] == "plainText"
    assert created["commenter"] == {"id": org.agent_id, "type": "AGENT"}
    assert TIME.match(created["commentedTime"]) and TIME.match(created["modifiedTime"])
    path = f"/tickets/{ticket['id']}/comments/{created['id']}"
    assert org.get(path).json() == created
    assert org.get(f"/tickets/{ticket['id']}/comments").json() == {"data": [created]}

    patched = org.patch(path, json={"content": "<i>Edited</i>", "contentType": "html", "isPublic": False})
    assert patched.status_code == 200, patched.text
    assert patched.json()["content"] == "<i>Edited</i>" and patched.json()["isPublic"] is False
    updates = org.audit(f"?recordId={created['id']}&action=update")
    assert len(updates) == 1 and updates[0]["recordType"] == "comment"
    assert {c["field"]: (c["oldValue"], c["newValue"]) for c in updates[0]["changes"]} == {
        "content": ("First note", "<i>Edited</i>"), "contentType": ("plainText", "html"), "isPublic": ("true", "false")}

    deleted = org.call("DELETE", path)
    assert deleted.status_code == 204 and deleted.content == b""
    assert org.get(path).status_code == 404
    assert org.call("DELETE", path).status_code == 404
    assert rows(org, "ticket_comments", ticket["id"]) == 0
    deletes = org.audit(f"?recordId={created['id']}&action=delete")
    assert len(deletes) == 1 and deletes[0]["changes"] == []


def test_conversations_in_time_order(org):
    ticket = org.create_ticket()
    first = reply(org, ticket["id"], "one")
    second = comment(org, ticket["id"], "two")
    third = reply(org, ticket["id"], "three")
    response = org.get(f"/tickets/{ticket['id']}/conversations")
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert [(item["type"], item["id"]) for item in data] == [
        ("thread", first["id"]), ("comment", second["id"]), ("thread", third["id"])]
    assert data[1]["content"] == "two"
    page = org.get(f"/tickets/{ticket['id']}/conversations?from=2&limit=2").json()["data"]
    assert [item["id"] for item in page] == [second["id"], third["id"]]
    empty = org.create_ticket()
    assert org.get(f"/tickets/{empty['id']}/conversations").json() == {"data": []}


def test_other_orgs_ticket_is_404(org, other_org):
    ticket = org.create_ticket()
    thread = reply(org, ticket["id"], "mine")
    note = comment(org, ticket["id"], "mine too")
    tid = ticket["id"]
    for path in (f"/tickets/{tid}/threads", f"/tickets/{tid}/threads/{thread['id']}", f"/tickets/{tid}/comments",
                 f"/tickets/{tid}/comments/{note['id']}", f"/tickets/{tid}/conversations"):
        response = other_org.get(path)
        assert response.status_code == 404, path
        assert response.json()["errorCode"] == "URL_NOT_FOUND"
    assert other_org.post(f"/tickets/{tid}/sendReply", json={"channel": "EMAIL", "content": "x"}).status_code == 404
    assert other_org.post(f"/tickets/{tid}/comments", json={"content": "x"}).status_code == 404
    assert other_org.patch(f"/tickets/{tid}/comments/{note['id']}", json={"content": "x"}).status_code == 404
    assert other_org.call("DELETE", f"/tickets/{tid}/comments/{note['id']}").status_code == 404
    assert rows(org, "ticket_threads", tid) == 1 and rows(org, "ticket_comments", tid) == 1
    assert org.get(f"/tickets/{tid}/comments/{note['id']}").json()["content"] == "mine too"


def test_validation_errors_write_nothing(org):
    ticket = org.create_ticket()
    tid = ticket["id"]
    bad_replies = [{"content": "no channel"}, {"channel": "EMAIL"}, {"channel": "FAX", "content": "x"},
                   {"channel": "EMAIL", "content": ""}, {"channel": "EMAIL", "content": "   "},
                   {"channel": "EMAIL", "content": "x", "contentType": "markdown"},
                   {"channel": "EMAIL", "content": "x", "isForward": "yes"},
                   {"channel": "EMAIL", "content": "x" * 65536},
                   {"channel": "EMAIL", "content": "x", "subject": "unknown field"}]
    for body in bad_replies:
        response = org.post(f"/tickets/{tid}/sendReply", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errorCode"] == "INVALID_DATA"
    unknown = org.post(f"/tickets/{tid}/sendReply", json={"channel": "EMAIL", "content": "x", "cc": "a"}).json()
    assert unknown["errors"][0]["fieldName"] == "/cc"
    for body in [{}, {"content": None}, {"content": "x", "isPublic": 1}, {"content": "x", "extra": True}]:
        response = org.post(f"/tickets/{tid}/comments", json=body)
        assert response.status_code == 422, (body, response.text)
    note = comment(org, tid, "keep")
    for body in [{"content": ""}, {"isPublic": None}, {"contentType": "rtf"}, {"owner": "1"}]:
        response = org.patch(f"/tickets/{tid}/comments/{note['id']}", json=body)
        assert response.status_code == 422, (body, response.text)
    assert org.post(f"/tickets/{tid}/sendReply", data="{", headers={"Content-Type": "application/json"}).status_code == 400
    assert rows(org, "ticket_threads", tid) == 0
    assert rows(org, "ticket_comments", tid) == 1
    assert org.audit("?recordType=thread") == []
    assert len(org.audit("?recordType=comment")) == 1


def test_japanese_and_emoji_round_trip(org):
    ticket = org.create_ticket()
    text = "返信ありがとうございます 🙇‍♀️🔥\n絵文字 👍🏽 も。"
    thread = reply(org, ticket["id"], text)
    assert org.get(f"/tickets/{ticket['id']}/threads/{thread['id']}").json()["content"] == text
    note = comment(org, ticket["id"], text)
    assert org.get(f"/tickets/{ticket['id']}/comments/{note['id']}").json()["content"] == text
    stored = org.sql(f"SELECT HEX(content) FROM ticket_comments WHERE org_id = {int(org.org_id)} AND id = {int(note['id'])}")
    assert bytes.fromhex(stored[0][0]).decode("utf-8") == text


def test_trashed_ticket_hides_children_and_delete_removes_them(org):
    ticket = org.create_ticket()
    tid = ticket["id"]
    reply(org, tid, "reply")
    note = comment(org, tid, "note")
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [tid]}).status_code == 204
    assert org.get(f"/tickets/{tid}/conversations").status_code == 404
    assert org.get(f"/tickets/{tid}/comments/{note['id']}").status_code == 404
    assert org.post(f"/tickets/{tid}/comments", json={"content": "late"}).status_code == 404
    assert org.post("/recycleBin/restore", json={"ids": [tid]}).status_code == 204
    assert len(org.get(f"/tickets/{tid}/conversations").json()["data"]) == 2
    assert org.post("/tickets/moveToTrash", json={"ticketIds": [tid]}).status_code == 204
    assert org.post("/recycleBin/delete", json={"ids": [tid]}).status_code == 204
    assert rows(org, "ticket_threads", tid) == 0 and rows(org, "ticket_comments", tid) == 0
    assert [e["action"] for e in org.audit(f"?recordId={note['id']}")] == ["delete", "create"]


def test_paths_are_documented(stack):
    paths = stack.get("/api/v1/openapi.json").json()["paths"]
    for path, methods in {"/api/v1/tickets/{id}/sendReply": {"post"}, "/api/v1/tickets/{id}/threads": {"get"},
                          "/api/v1/tickets/{id}/threads/{threadId}": {"get"},
                          "/api/v1/tickets/{id}/conversations": {"get"},
                          "/api/v1/tickets/{id}/comments": {"get", "post"},
                          "/api/v1/tickets/{id}/comments/{commentId}": {"get", "patch", "delete"}}.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path


def test_comment_etag_and_if_match(org):
    ticket = org.create_ticket()
    created = comment(org, ticket["id"], "Versioned note")
    path = f"/tickets/{ticket['id']}/comments/{created['id']}"
    fetched = org.get(path)
    assert fetched.headers["ETag"] == '"1"'

    patched = org.patch(path, json={"content": "Second"}, headers={"If-Match": '"1"'})
    assert patched.status_code == 200, patched.text
    assert patched.headers["ETag"] == '"2"'

    stale = org.patch(path, json={"content": "Lost update"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.json()["errorCode"] == "PRECONDITION_FAILED"
    assert org.get(path).json()["content"] == "Second"
    assert len(org.audit(f"?recordId={created['id']}&action=update")) == 1

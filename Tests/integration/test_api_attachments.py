"""Attachments and uploads through nginx: multipart uploads, streamed downloads byte for byte, the size limit
(deskd's and nginx's 413), linking uploads to replies and comments, audit entries, and the recycle bin."""

from __future__ import annotations

import hashlib
import os
import urllib.parse

import pytest

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from deskd_stack import run_deskd

MIB = 1024 * 1024
MAX_BYTES = 20 * MIB          # [attachments] max_bytes (default)
CHUNK = 256 * 1024


@pytest.fixture(scope="module")
def big_bytes() -> bytes:
    """21 MiB of random bytes, made once; smaller files are slices of it."""
    return os.urandom(21 * MIB)


def upload(org, path: str, content: bytes, *, name: str = "file.bin", content_type: str = "application/octet-stream",
           is_public: str | None = None, query: str = ""):
    data = {"isPublic": is_public} if is_public is not None else None
    return org.call("POST", path + query, files={"file": (name, content, content_type)}, data=data, timeout=120)


def attachment_rows(org) -> list[list[str]]:
    return org.sql(f"SELECT id FROM attachments WHERE org_id = {int(org.org_id)} ORDER BY id")


def chunk_rows(org, ids: list[str] | None = None) -> int:
    where = f"org_id = {int(org.org_id)}"
    if ids is not None:
        where += " AND attachment_id IN (" + ",".join(str(int(i)) for i in ids) + ")"
    return int(org.sql(f"SELECT COUNT(*) FROM attachment_chunks WHERE {where}")[0][0])


def attachment_audit(org, query: str = "") -> list[dict]:
    return org.audit("?recordType=attachment&limit=100" + query)


def download(org, ticket_id: str, attachment_id: str):
    return org.get(f"/tickets/{ticket_id}/attachments/{attachment_id}/content", stream=True, timeout=120)


def digest_of(response) -> tuple[str, int]:
    sha = hashlib.sha256()
    size = 0
    for piece in response.iter_content(chunk_size=1 << 16):
        sha.update(piece)
        size += len(piece)
    return sha.hexdigest(), size


def disposition_name(header: str) -> str:
    assert header.startswith("attachment;"), header
    marker = "filename*=UTF-8''"
    assert marker in header, header
    return urllib.parse.unquote(header.split(marker, 1)[1].split(";")[0], encoding="utf-8", errors="strict")


def test_19_mib_round_trips_byte_for_byte(org, big_bytes):
    ticket = org.create_ticket()
    content = big_bytes[:19 * MIB]
    response = upload(org, f"/tickets/{ticket['id']}/attachments", content, name="big.bin",
                      content_type="application/x-test", query="?isPublic=true")
    assert response.status_code == 200, response.text
    attachment = response.json()
    assert set(attachment) == {"id", "name", "size", "href", "isPublic", "createdTime", "creator"}
    assert attachment["name"] == "big.bin" and attachment["size"] == str(len(content))
    assert attachment["isPublic"] is True and attachment["creator"] == {"id": org.agent_id}
    assert attachment["href"] == f"/api/v1/tickets/{ticket['id']}/attachments/{attachment['id']}/content"

    listed = org.get(f"/tickets/{ticket['id']}/attachments")
    assert listed.status_code == 200 and listed.json() == {"data": [attachment]}
    assert chunk_rows(org, [attachment["id"]]) == len(content) // CHUNK

    response = download(org, ticket["id"], attachment["id"])
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/x-test"
    assert response.headers["Content-Length"] == str(len(content))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert disposition_name(response.headers["Content-Disposition"]) == "big.bin"
    assert digest_of(response) == (hashlib.sha256(content).hexdigest(), len(content))

    entries = attachment_audit(org)
    assert [(e["action"], e["recordId"]) for e in entries] == [("create", attachment["id"])]
    changes = {c["field"]: c["newValue"] for c in entries[0]["changes"]}
    assert changes["sha256"] == hashlib.sha256(content).hexdigest()
    assert changes["size"] == str(len(content)) and changes["ticketId"] == ticket["id"]


def test_files_over_the_limit_are_413_json_and_write_nothing(org, big_bytes):
    ticket = org.create_ticket()
    # 21 MiB: the body is over nginx's limit for these routes; nginx answers with the JSON itself.
    response = upload(org, f"/tickets/{ticket['id']}/attachments", big_bytes)
    assert response.status_code == 413, response.text[:300]
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["errorCode"] == "RESOURCE_SIZE_EXCEEDED"
    # max_bytes + 1: through nginx, refused by deskd after reading the multipart body.
    for path in (f"/tickets/{ticket['id']}/attachments", "/uploads"):
        response = upload(org, path, big_bytes[:MAX_BYTES + 1])
        assert response.status_code == 413, response.text[:300]
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.json()["errorCode"] == "RESOURCE_SIZE_EXCEEDED"
    assert attachment_rows(org) == [] and chunk_rows(org) == 0
    assert attachment_audit(org) == []
    # Other routes keep the normal body limit.
    response = org.post("/tickets", data=b"x" * (2 * MIB), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_japanese_name_and_html_type_are_served_as_a_download(org):
    ticket = org.create_ticket()
    name = "見積書 2026年「最終」.html"
    content = "<script>alert('x')</script>日本語".encode()
    response = upload(org, f"/tickets/{ticket['id']}/attachments", content, name=name, content_type="text/html")
    assert response.status_code == 200, response.text
    attachment = response.json()
    assert attachment["name"] == name and attachment["isPublic"] is False
    response = org.get(f"/tickets/{ticket['id']}/attachments/{attachment['id']}/content")
    assert response.status_code == 200
    assert response.content == content
    assert response.headers["Content-Type"] == "text/html"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert disposition_name(response.headers["Content-Disposition"]) == name
    # Empty file: 0 bytes, no chunk row.
    response = upload(org, f"/tickets/{ticket['id']}/attachments", b"", name="empty.txt", content_type="text/plain",
                      is_public="false")
    assert response.status_code == 200, response.text
    empty = response.json()
    assert empty["size"] == "0" and chunk_rows(org, [empty["id"]]) == 0
    response = org.get(f"/tickets/{ticket['id']}/attachments/{empty['id']}/content")
    assert response.status_code == 200 and response.content == b"" and response.headers["Content-Length"] == "0"


def test_errors_write_nothing(org, other_org):
    ticket = org.create_ticket()
    path = f"/tickets/{ticket['id']}/attachments"
    response = org.stack.request("POST", "/api/v1" + path, host=org.host, files={"file": ("a", b"a")})
    assert response.status_code == 401 and response.json()["errorCode"] == "UNAUTHORIZED"
    assert org.stack.request("GET", "/api/v1" + path, host=org.host).status_code == 401
    assert upload(org, "/tickets/123456789/attachments", b"a").status_code == 404
    assert upload(other_org, path, b"a").status_code == 404
    assert other_org.get(path).status_code == 404
    assert org.get(path + "/123456789/content").status_code == 404
    assert org.call("DELETE", path + "/123456789").status_code == 404
    response = org.call("PUT", path)
    assert response.status_code == 405 and response.json()["errorCode"] == "METHOD_NOT_ALLOWED"
    assert org.call("PUT", "/uploads").status_code == 405
    response = org.post(path, json={"file": "x"})
    assert response.status_code == 415 and response.json()["errorCode"] == "UNSUPPORTED_MEDIA_TYPE"
    response = org.call("POST", path, files={"other": ("a", b"a")})
    assert response.status_code == 422
    assert [e["fieldName"] for e in response.json()["errors"]] == ["file"]
    response = upload(org, path, b"a", is_public="yes")
    assert response.status_code == 422
    assert [e["fieldName"] for e in response.json()["errors"]] == ["isPublic"]
    response = upload(org, "/uploads", b"a", query="?isPublic=1")
    assert response.status_code == 422
    assert [e["fieldName"] for e in response.json()["errors"]] == ["isPublic"]
    response = org.call("POST", path, data=b"--x\r\nbroken", headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert response.status_code == 400
    assert attachment_rows(org) == [] and attachment_audit(org) == []
    assert org.get(path).json() == {"data": []}


def test_delete_removes_the_chunks_and_is_audited(org, big_bytes):
    ticket = org.create_ticket()
    content = big_bytes[:CHUNK * 2 + 1]
    attachment = upload(org, f"/tickets/{ticket['id']}/attachments", content).json()
    assert chunk_rows(org, [attachment["id"]]) == 3
    response = org.call("DELETE", f"/tickets/{ticket['id']}/attachments/{attachment['id']}")
    assert response.status_code == 204 and response.content == b""
    assert chunk_rows(org) == 0 and attachment_rows(org) == []
    assert org.get(f"/tickets/{ticket['id']}/attachments/{attachment['id']}/content").status_code == 404
    assert org.call("DELETE", f"/tickets/{ticket['id']}/attachments/{attachment['id']}").status_code == 404
    entries = attachment_audit(org)
    assert [e["action"] for e in entries] == ["delete", "create"]
    assert entries[0]["changes"] == [{"field": "size", "oldValue": str(len(content)), "newValue": None}]


def test_uploads_link_to_replies_and_comments(org):
    ticket = org.create_ticket()
    response = upload(org, "/uploads", "請求書の内容".encode(), name="請求書.txt", content_type="text/plain")
    assert response.status_code == 200, response.text
    first = response.json()
    assert set(first) == {"id", "name", "size", "isPublic", "createdTime", "creatorId", "expiresTime"}
    assert first["name"] == "請求書.txt" and first["creatorId"] == org.agent_id
    second = upload(org, "/uploads", b"second", name="b.txt", is_public="true").json()
    assert second["isPublic"] is True
    assert org.get(f"/tickets/{ticket['id']}/attachments").json() == {"data": []}

    response = org.post(f"/tickets/{ticket['id']}/sendReply",
                        json={"channel": "EMAIL", "content": "See attached", "attachmentIds": [first["id"]]})
    assert response.status_code == 200, response.text
    thread = response.json()
    assert [a["id"] for a in thread["attachments"]] == [first["id"]]
    assert thread["attachments"][0]["name"] == "請求書.txt"
    fetched = org.get(f"/tickets/{ticket['id']}/threads/{thread['id']}").json()
    assert fetched["attachments"] == thread["attachments"]

    response = org.post(f"/tickets/{ticket['id']}/comments", json={"content": "note", "attachmentIds": [second["id"]]})
    assert response.status_code == 200, response.text
    comment = response.json()
    assert [a["id"] for a in comment["attachments"]] == [second["id"]]
    assert org.get(f"/tickets/{ticket['id']}/comments/{comment['id']}").json()["attachments"] == comment["attachments"]

    listed = org.get(f"/tickets/{ticket['id']}/attachments").json()["data"]
    assert [a["id"] for a in listed] == [first["id"], second["id"]]
    body = org.get(f"/tickets/{ticket['id']}/attachments/{first['id']}/content").content
    assert body == "請求書の内容".encode()

    updates = attachment_audit(org, "&action=update")
    assert {e["recordId"] for e in updates} == {first["id"], second["id"]}
    by_id = {e["recordId"]: {c["field"]: c["newValue"] for c in e["changes"]} for e in updates}
    assert by_id[first["id"]]["threadId"] == thread["id"] and by_id[second["id"]]["commentId"] == comment["id"]
    assert len(attachment_audit(org, "&action=create")) == 2

    # Deleting the comment deletes its attachment and chunks.
    assert org.call("DELETE", f"/tickets/{ticket['id']}/comments/{comment['id']}").status_code == 204
    assert [a["id"] for a in org.get(f"/tickets/{ticket['id']}/attachments").json()["data"]] == [first["id"]]
    assert chunk_rows(org, [second["id"]]) == 0


def test_unusable_upload_ids_are_422_and_write_nothing(org, other_org):
    ticket = org.create_ticket()
    mine = upload(org, "/uploads", b"mine").json()
    used = upload(org, "/uploads", b"used").json()
    expired = upload(org, "/uploads", b"old").json()
    foreign = upload(other_org, "/uploads", b"theirs").json()
    assert org.post(f"/tickets/{ticket['id']}/comments",
                    json={"content": "uses one", "attachmentIds": [used["id"]]}).status_code == 200
    org.sql(f"UPDATE attachments SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
            f"WHERE org_id = {int(org.org_id)} AND id = {int(expired['id'])}")
    threads_before = org.get(f"/tickets/{ticket['id']}/threads").json()["data"]
    comments_before = org.get(f"/tickets/{ticket['id']}/comments").json()["data"]
    audit_before = org.audit("?limit=100")

    cases = [
        ([mine["id"], "123456789"], "/attachmentIds/1"),
        ([foreign["id"]], "/attachmentIds/0"),
        ([mine["id"], used["id"]], "/attachmentIds/1"),
        ([expired["id"]], "/attachmentIds/0"),
        ([mine["id"], mine["id"]], "/attachmentIds/1"),
        (["abc"], "/attachmentIds/0"),
        ([mine["id"], 5], "/attachmentIds/1"),
        ("x", "/attachmentIds"),
    ]
    for ids, pointer in cases:
        for path, body in ((f"/tickets/{ticket['id']}/sendReply", {"channel": "EMAIL", "content": "r"}),
                           (f"/tickets/{ticket['id']}/comments", {"content": "c"})):
            response = org.post(path, json=dict(body, attachmentIds=ids))
            assert response.status_code == 422, (ids, response.text)
            assert response.json()["errorCode"] == "INVALID_DATA"
            assert [e["fieldName"] for e in response.json()["errors"]] == [pointer], (ids, response.text)

    assert org.get(f"/tickets/{ticket['id']}/threads").json()["data"] == threads_before
    assert org.get(f"/tickets/{ticket['id']}/comments").json()["data"] == comments_before
    assert org.audit("?limit=100") == audit_before
    row = org.sql(f"SELECT ticket_id IS NULL FROM attachments WHERE org_id = {int(org.org_id)} AND id = {int(mine['id'])}")
    assert row == [["1"]]
    # The other org's upload is untouched too.
    assert other_org.sql(f"SELECT ticket_id IS NULL FROM attachments WHERE id = {int(foreign['id'])}") == [["1"]]


def test_expired_uploads_are_purged_on_the_next_upload(org):
    stale = upload(org, "/uploads", b"x" * (CHUNK + 10)).json()
    assert chunk_rows(org, [stale["id"]]) == 2
    org.sql(f"UPDATE attachments SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
            f"WHERE org_id = {int(org.org_id)} AND id = {int(stale['id'])}")
    fresh = upload(org, "/uploads", b"y").json()
    assert attachment_rows(org) == [[fresh["id"]]]
    assert chunk_rows(org, [stale["id"]]) == 0
    deletes = attachment_audit(org, "&action=delete")
    assert [(e["recordId"], e["actor"]["id"]) for e in deletes] == [(stale["id"], "0")]


def test_recycle_bin_hides_restores_and_purges_attachments(org, big_bytes):
    ticket = org.create_ticket(subject="添付ファイル付き")
    tid = ticket["id"]
    direct = upload(org, f"/tickets/{tid}/attachments", big_bytes[:CHUNK * 3]).json()
    linked = upload(org, "/uploads", b"linked").json()
    assert org.post(f"/tickets/{tid}/sendReply",
                    json={"channel": "EMAIL", "content": "r", "attachmentIds": [linked["id"]]}).status_code == 200
    ids = [direct["id"], linked["id"]]
    assert chunk_rows(org, ids) == 4

    assert org.post("/tickets/moveToTrash", json={"ticketIds": [tid]}).status_code == 204
    assert org.get(f"/tickets/{tid}/attachments").status_code == 404
    assert org.get(f"/tickets/{tid}/attachments/{direct['id']}/content").status_code == 404
    assert upload(org, f"/tickets/{tid}/attachments", b"late").status_code == 404
    assert org.call("DELETE", f"/tickets/{tid}/attachments/{direct['id']}").status_code == 404

    assert org.post("/recycleBin/restore", json={"ids": [tid]}).status_code == 204
    assert [a["id"] for a in org.get(f"/tickets/{tid}/attachments").json()["data"]] == ids
    response = download(org, tid, direct["id"])
    assert digest_of(response) == (hashlib.sha256(big_bytes[:CHUNK * 3]).hexdigest(), CHUNK * 3)

    assert org.post("/tickets/moveToTrash", json={"ticketIds": [tid]}).status_code == 204
    assert org.post("/recycleBin/delete", json={"ids": [tid]}).status_code == 204
    assert chunk_rows(org, ids) == 0
    assert attachment_rows(org) == []
    deletes = attachment_audit(org, "&action=delete")
    assert {e["recordId"] for e in deletes} == set(ids)


@pytest.mark.parametrize("value", ["0", '"20m"', "-5"])
def test_config_check_validates_max_bytes(stack, tmp_path, value):
    text = stack.config.read_text()
    assert "[attachments]" not in text
    config = tmp_path / "attachments.toml"
    config.write_text(text.split("[regions.", 1)[0] + f"\n[attachments]\nmax_bytes = {value}\n\n[regions."
                      + text.split("[regions.", 1)[1])
    result = run_deskd("config", "check", config=config)
    assert result.returncode != 0, result.stdout
    assert "max_bytes" in result.stdout, result.stdout
    good = tmp_path / "good.toml"
    good.write_text(config.read_text().replace(f"max_bytes = {value}", "max_bytes = 1048576"))
    result = run_deskd("config", "check", config=good)
    assert result.returncode == 0, result.stdout


def test_hand_written_multipart_bodies(org):
    """A preamble, a form field before the file, an RFC 5987 file name, content that contains the boundary
    followed by other bytes, and an epilogue; then bodies that are cut short."""
    ticket = org.create_ticket()
    path = f"/tickets/{ticket['id']}/attachments"
    content = b"line 1\r\n--XyZ-not-the-end\r\n--Xy\r\nlast"
    body = (b"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"isPublic\"\r\n\r\ntrue\r\n"
            b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.txt\r\n"
            b"Content-Type: text/plain\r\n\r\n" + content + b"\r\n--XyZ--\r\nepilogue")
    response = org.post(path, data=body, headers={"Content-Type": "multipart/form-data; boundary=XyZ"})
    assert response.status_code == 200, response.text
    attachment = response.json()
    assert attachment["name"] == "報告.txt" and attachment["isPublic"] is True
    assert attachment["size"] == str(len(content))
    assert org.get(f"{path}/{attachment['id']}/content").content == content
    for broken in (body.split(b"\r\n--XyZ--")[0], b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n",
                   b"no delimiter at all", b"--XyZ\r\n\r\nno name\r\n--XyZ--"):
        response = org.post(path, data=broken, headers={"Content-Type": "multipart/form-data; boundary=XyZ"})
        assert response.status_code == 400, (broken, response.text)
        assert response.json()["errorCode"] == "INVALID_DATA"
    response = org.post(path, data=body, headers={"Content-Type": "multipart/form-data"})
    assert response.status_code == 400
    assert len(attachment_rows(org)) == 1
    assert len(attachment_audit(org)) == 1

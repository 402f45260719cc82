"""My Tickets in the help center through nginx over TLS: submit with a Japanese subject and files, the list,
the public conversation (agent replies through the API appear, private comments never), replies and
comments with files that the agent API sees as END_USER's, downloads byte for byte, closing, the audit
entries of the end user's writes, escaping, and another user's tickets and files as 404 with nothing
written."""

from __future__ import annotations

import html
import os
import re
import urllib.parse

import pytest

from api_helpers import make_org
from deskd_stack import DeskdStack
from portal_helpers import csrf_token, get, post, signed_up_user, unique_email

PASSWORD = "correct horse battery"
TICKET_LINK_RE = re.compile(r'href="/portal/[^/"]+/tickets/(\d+)"')
ATTACHMENT_RE = re.compile(r'<a class="attachment" href="([^"]+)"[^>]*>([^<]*)</a>')


@pytest.fixture
def org(stack, server_a):
    return make_org(stack, server_a, "us")


@pytest.fixture
def user_a(stack, org):
    return signed_up_user(stack, org.portal, "Hanako Yamada", unique_email("a"), PASSWORD)


@pytest.fixture
def user_b(stack, org):
    return signed_up_user(stack, org.portal, "Bob Other", unique_email("b"), PASSWORD)


def submit(session, subject: str, description: str = "", files=None, department: str = "") -> str:
    """Submits the new-ticket form; returns the new ticket's id (from the 303 to its page)."""
    response = post(session, "tickets/new", {"subject": subject, "description": description, "departmentId": department},
                    files=files or {"attachments": ("", b"", "application/octet-stream")},
                    csrf=csrf_token(session, "tickets/new"))
    assert response.status_code == 303, response.text[:2000]
    location = response.headers["Location"]
    match = re.search(r"/tickets/(\d+)$", location)
    assert match, location
    return match.group(1)


def entries(page: str) -> list[str]:
    """The `li.entry` items of the conversation, as HTML."""
    conversation = page.split('id="conversation"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<li class="entry[^"]*"[^>]*>.*?</li>\n', conversation, re.S)


def counts(org) -> list[str]:
    """Rows of the org's tickets, threads, comments, attachments, chunks and audit entries."""
    tables = ["tickets", "ticket_threads", "ticket_comments", "attachments", "attachment_chunks", "audit_log"]
    return [org.sql(f"SELECT COUNT(*) FROM {t} WHERE org_id = {int(org.org_id)}")[0][0] for t in tables]


def contact_of(org, ticket_id: str) -> str:
    return org.sql(f"SELECT contact_id FROM tickets WHERE org_id = {int(org.org_id)} AND id = {int(ticket_id)}")[0][0]


def test_submit_list_conversation_download_close(stack, org, user_a):
    big = os.urandom(600 * 1024)
    files = [("attachments", ("スクリーン ショット.png", big, "image/png")),
             ("attachments", ("log;1.txt", "ログ\n".encode(), "text/plain"))]
    ticket_id = submit(user_a, "ログインできません <script>alert(1)</script>", "一行目\n二行目 <b>", files)

    # The list shows it, newest first, with its status; the subject is text.
    listing = get(user_a, "tickets")
    assert listing.status_code == 200
    assert 'id="tickets"' in listing.text
    assert f'/tickets/{ticket_id}"' in listing.text
    assert "ログインできません &lt;script&gt;alert(1)&lt;/script&gt;" in listing.text
    assert "<script>alert(1)" not in listing.text
    assert ">Open<" in listing.text

    # The agent API sees a Web ticket of the user's contact.
    ticket = org.get(f"/tickets/{ticket_id}").json()
    assert ticket["channel"] == "Web" and ticket["subject"].startswith("ログインできません")
    contact_id = contact_of(org, ticket_id)
    assert ticket["contactId"] == contact_id

    # An agent replies (public), adds a private and a public comment.
    reply = org.post(f"/tickets/{ticket_id}/sendReply", json={"channel": "EMAIL", "content": "<p>こんにちは &amp; ようこそ</p>",
                                                                "contentType": "html"})
    assert reply.status_code == 200, reply.text
    private = org.post(f"/tickets/{ticket_id}/comments", json={"content": "SECRET internal note", "isPublic": False})
    assert private.status_code == 200, private.text
    public = org.post(f"/tickets/{ticket_id}/comments", json={"content": "We are looking into it", "isPublic": True})
    assert public.status_code == 200, public.text

    page = get(user_a, f"tickets/{ticket_id}")
    assert page.status_code == 200
    text = page.text
    assert "SECRET" not in text
    items = entries(text)
    assert len(items) == 3, items
    assert "一行目<br>二行目 &lt;b&gt;" in items[0]
    assert "こんにちは &amp; ようこそ" in items[1]
    assert "We are looking into it" in items[2]
    assert 'id="reply-form"' in text and 'id="comment-form"' in text and 'id="close-form"' in text
    links = ATTACHMENT_RE.findall(items[0])
    assert [html.unescape(name) for _, name in links] == ["スクリーン ショット.png", "log;1.txt"]

    # Download byte for byte, as an attachment, never sniffed.
    download = user_a.get(stack.url(html.unescape(links[0][0])), timeout=60, allow_redirects=False)
    assert download.status_code == 200
    assert download.content == big
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    disposition = download.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''" + urllib.parse.quote("スクリーン ショット.png", safe="") in disposition
    fallback = "".join(chr(b) if 0x20 <= b <= 0x7E else "_" for b in "スクリーン ショット.png".encode())
    assert f'filename="{fallback}"' in disposition
    assert download.headers["Content-Type"] == "image/png"
    quoted = user_a.get(stack.url(html.unescape(links[1][0])), timeout=60, allow_redirects=False)
    assert quoted.content == "ログ\n".encode()
    assert 'filename="log;1.txt"' in quoted.headers["Content-Disposition"]
    assert quoted.headers["Content-Type"] == "text/plain"

    # The user replies and comments, each with a file; the agent API sees them as END_USER's.
    response = post(user_a, f"tickets/{ticket_id}/replies", {"content": "返信です\n2行目"},
                    files=[("attachments", ("返信.txt", b"reply-bytes", "text/plain"))],
                    csrf=csrf_token(user_a, f"tickets/{ticket_id}"))
    assert response.status_code == 303, response.text[:2000]
    response = post(user_a, f"tickets/{ticket_id}/comments", {"content": "補足 <script>x</script>"},
                    files=[("attachments", ("note.bin", b"\x00\x01\x02", "application/octet-stream"))],
                    csrf=csrf_token(user_a, f"tickets/{ticket_id}"))
    assert response.status_code == 303, response.text[:2000]

    threads = org.get(f"/tickets/{ticket_id}/threads").json()["data"]
    mine = [t for t in threads if t["author"]["type"] == "END_USER"]
    assert len(mine) == 1 and mine[0]["direction"] == "in" and mine[0]["author"]["id"] == contact_id
    thread = org.get(f"/tickets/{ticket_id}/threads/{mine[0]['id']}").json()
    assert thread["content"] == "返信です\n2行目" and thread["contentType"] == "plainText"
    assert [a["name"] for a in thread["attachments"]] == ["返信.txt"]
    comments = org.get(f"/tickets/{ticket_id}/comments").json()["data"]
    user_comments = [c for c in comments if c["commenter"]["type"] == "END_USER"]
    assert len(user_comments) == 1 and user_comments[0]["isPublic"] is True
    assert user_comments[0]["commenter"]["id"] == contact_id
    assert user_comments[0]["content"] == "補足 <script>x</script>"
    names = sorted(a["name"] for a in org.get(f"/tickets/{ticket_id}/attachments").json()["data"])
    assert names == sorted(["スクリーン ショット.png", "log;1.txt", "返信.txt", "note.bin"])

    page = get(user_a, f"tickets/{ticket_id}").text
    items = entries(page)
    assert len(items) == 5
    assert "返信です<br>2行目" in items[3] and "補足 &lt;script&gt;x&lt;/script&gt;" in items[4]
    assert "<script>x" not in page
    note = ATTACHMENT_RE.findall(items[4])
    assert [name for _, name in note] == ["note.bin"]
    assert user_a.get(stack.url(html.unescape(note[0][0])), timeout=30).content == b"\x00\x01\x02"

    # Close: the status changes and the close form goes.
    response = post(user_a, f"tickets/{ticket_id}/close", {}, csrf=csrf_token(user_a, f"tickets/{ticket_id}"))
    assert response.status_code == 303
    assert org.get(f"/tickets/{ticket_id}").json()["status"] == "Closed"
    page = get(user_a, f"tickets/{ticket_id}").text
    assert 'id="close-form"' not in page and "Closed" in page

    # Every write of the user is audited with the end-user actor.
    audit = org.audit("?limit=100")
    by_user = [e for e in audit if e.get("actorType") == "enduser"]
    assert by_user and all(e["actor"]["id"] == contact_id for e in by_user)
    kinds = sorted({(e["recordType"], e["action"]) for e in by_user})
    assert ("ticket", "create") in kinds and ("thread", "create") in kinds and ("comment", "create") in kinds
    assert ("attachment", "create") in kinds and ("ticket", "update") in kinds
    close = [e for e in by_user if e["recordType"] == "ticket" and e["action"] == "update"]
    assert close[0]["changes"] == [{"field": "status", "oldValue": "Open", "newValue": "Closed"}]


def test_other_users_tickets_and_files_are_404_and_nothing_is_written(stack, org, user_a, user_b):
    ticket_id = submit(user_a, "Private matter", "secret details",
                       [("attachments", ("private.txt", b"private bytes", "text/plain"))])
    page = get(user_a, f"tickets/{ticket_id}").text
    attachment_path = html.unescape(ATTACHMENT_RE.findall(page)[0][0])

    before = counts(org)
    token = csrf_token(user_b, "tickets")
    assert get(user_b, f"tickets/{ticket_id}").status_code == 404
    assert user_b.get(stack.url(attachment_path), timeout=30, allow_redirects=False).status_code == 404
    for path, data in [(f"tickets/{ticket_id}/replies", {"content": "hijack"}),
                       (f"tickets/{ticket_id}/comments", {"content": "hijack"}),
                       (f"tickets/{ticket_id}/close", {})]:
        response = post(user_b, path, data, files=[("attachments", ("x.txt", b"x", "text/plain"))]
                        if "close" not in path else None, csrf=token)
        assert response.status_code == 404, (path, response.status_code)
        assert "secret details" not in response.text and "Private matter" not in response.text
    # Unknown ticket and attachment ids are the same 404.
    assert get(user_b, "tickets/999999999").status_code == 404
    assert get(user_a, f"tickets/{ticket_id}/attachments/999999999").status_code == 404
    assert get(user_a, "tickets/abc").status_code == 404
    assert counts(org) == before
    # B's list does not show it; A's does.
    assert ticket_id not in get(user_b, "tickets").text
    assert f"/tickets/{ticket_id}\"" in get(user_a, "tickets").text
    assert org.get(f"/tickets/{ticket_id}").json()["status"] == "Open"


def test_signed_out_visitors_are_sent_to_sign_in(stack, org, user_a):
    ticket_id = submit(user_a, "Mine")
    from portal_helpers import browser
    visitor = browser(stack, org.portal)
    for path in ["tickets", "tickets/new", f"tickets/{ticket_id}"]:
        response = get(visitor, path)
        assert response.status_code == 303, path
        assert "/signin?return=" in response.headers["Location"]


def test_form_errors_keep_values_and_write_nothing(stack, org, user_a):
    before = counts(org)
    token = csrf_token(user_a, "tickets/new")
    response = post(user_a, "tickets/new", {"subject": "   ", "description": "説明は残る <i>"},
                    files={"attachments": ("", b"", "application/octet-stream")}, csrf=token)
    assert response.status_code == 400
    assert 'id="ticket-subject-error"' in response.text
    assert "説明は残る &lt;i&gt;" in response.text
    response = post(user_a, "tickets/new", {"subject": "あ" * 256}, csrf=token,
                    files={"attachments": ("", b"", "application/octet-stream")})
    assert response.status_code == 400 and 'id="ticket-subject-error"' in response.text
    response = post(user_a, "tickets/new", {"subject": "ok", "departmentId": "12345"}, csrf=token,
                    files={"attachments": ("", b"", "application/octet-stream")})
    assert response.status_code == 400 and 'id="ticket-department-error"' in response.text
    # Without the CSRF token: 403, nothing written.
    response = post(user_a, "tickets/new", {"subject": "no token"}, csrf="",
                    files={"attachments": ("", b"", "application/octet-stream")})
    assert response.status_code == 403
    assert counts(org) == before

    ticket_id = submit(user_a, "Has errors later")
    before = counts(org)
    response = post(user_a, f"tickets/{ticket_id}/replies", {"content": "  "},
                    files={"attachments": ("", b"", "application/octet-stream")}, csrf=token)
    assert response.status_code == 400 and 'id="reply-content-error"' in response.text
    response = post(user_a, f"tickets/{ticket_id}/comments", {"content": ""},
                    files={"attachments": ("", b"", "application/octet-stream")}, csrf=token)
    assert response.status_code == 400 and 'id="comment-content-error"' in response.text
    assert counts(org) == before


@pytest.fixture(scope="module")
def small_limit_stack(regions):
    """A stack of its own whose [attachments] max_bytes is 512 KiB, so a file over the limit still fits the
    request body limits and reaches the form."""
    own = DeskdStack("tickets-small-files", regions, extra="\n[attachments]\nmax_bytes = 524288\n")
    try:
        own.start()
        yield own
    finally:
        own.stop()


def test_a_file_over_the_limit_re_renders_the_form_and_writes_nothing(small_limit_stack, server_a):
    small = make_org(small_limit_stack, server_a, "us")
    user = signed_up_user(small_limit_stack, small.portal, "Limit Tester", unique_email("limit"), PASSWORD)
    before = counts(small)
    token = csrf_token(user, "tickets/new")
    form = get(user, "tickets/new").text
    assert "512 KB" in form
    response = post(user, "tickets/new", {"subject": "大きすぎる", "description": "keep me <b>"},
                    files=[("attachments", ("ok.txt", b"ok", "text/plain")),
                           ("attachments", ("big.bin", os.urandom(524289), "application/octet-stream"))], csrf=token)
    assert response.status_code == 413
    assert 'id="ticket-attachments-error"' in response.text
    assert 'value="大きすぎる"' in response.text and "keep me &lt;b&gt;" in response.text
    assert counts(small) == before
    ticket_id = submit(user, "fits")
    before = counts(small)
    response = post(user, f"tickets/{ticket_id}/replies", {"content": "返信 kept"},
                    files=[("attachments", ("big.bin", os.urandom(524289), "application/octet-stream"))], csrf=token)
    assert response.status_code == 413
    assert 'id="reply-attachments-error"' in response.text and "返信 kept" in response.text
    assert counts(small) == before


def test_a_body_over_the_request_limit_is_a_413_page_and_writes_nothing(stack, org, user_a):
    before = counts(org)
    token = csrf_token(user_a, "tickets/new")
    huge = os.urandom(22 * 1024 * 1024)
    response = post(user_a, "tickets/new", {"subject": "huge"},
                    files=[("attachments", ("huge.bin", huge, "application/octet-stream"))], csrf=token)
    assert response.status_code == 413
    assert '<html lang="en">' in response.text and "<main" in response.text, response.text[:500]
    assert counts(org) == before


def test_list_pages_and_japanese(stack, org, user_a):
    ids = [submit(user_a, f"件名 {n}") for n in range(22)]
    first = get(user_a, "tickets")
    assert first.status_code == 200
    shown = TICKET_LINK_RE.findall(first.text.split('id="tickets"', 1)[1].split("</table>", 1)[0])
    assert list(dict.fromkeys(shown)) == list(reversed(ids))[:20]
    assert 'rel="next"' in first.text and "?page=2" in first.text
    second = get(user_a, "tickets?page=2")
    shown = TICKET_LINK_RE.findall(second.text.split('id="tickets"', 1)[1].split("</table>", 1)[0])
    assert list(dict.fromkeys(shown)) == [ids[1], ids[0]]
    assert 'rel="prev"' in second.text
    assert "class=\"empty\"" in get(user_a, "tickets?page=9").text

    user_a.headers["Accept-Language"] = "ja"
    response = post(user_a, "language", {"language": "ja", "return": f"/portal/{org.portal}/tickets"},
                    csrf=csrf_token(user_a, "tickets"))
    assert response.status_code == 303
    japanese = get(user_a, "tickets").text
    assert '<html lang="ja">' in japanese and "マイチケット" in japanese and "オープン" in japanese


def test_empty_list(stack, org, user_a):
    page = get(user_a, "tickets")
    assert page.status_code == 200
    assert 'class="empty"' in page.text and 'id="tickets"' not in page.text
    form = get(user_a, "tickets/new")
    assert form.status_code == 200
    assert 'id="ticket-form"' in form.text and 'enctype="multipart/form-data"' in form.text
    assert '<input id="ticket-attachments" name="attachments" type="file" multiple' in form.text

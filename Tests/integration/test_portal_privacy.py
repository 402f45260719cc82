"""My Info and My data in the help center, through nginx over TLS: every personal field shown, edits that
round-trip Japanese and are audited with the end user as actor, an email that cannot be changed by the
profile form, email change requests into the admin queue (approve: both addresses told; reject: the reason
shown), the "download my data" zip (own profile, tickets, public conversation and visible attachments only),
erasure requests, and CSRF on every form (refused with 403, nothing written)."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
import zipfile

import pytest

from api_helpers import make_org
from portal_helpers import browser, get, post, sign_in, wait_for_email
from privacy_helpers import (PASSWORD, SourceAddressAdapter, audit_entries, outbox_to, own_address, page,
                             privacy_snapshot, request_email_change, request_erasure, signed_up)


@pytest.fixture
def org(stack, server_a):
    return make_org(stack, server_a, "us")


def field_value(html_text: str, name: str) -> str:
    match = re.search(r'<input[^>]*name="' + re.escape(name) + r'"[^>]*value="([^"]*)"', html_text)
    assert match, f"no input {name}"
    return match.group(1)


def test_my_info_shows_every_field_and_saves_japanese_edits(stack, org):
    user = signed_up(stack, org, "Yamada")
    phone = org.patch(f"/contacts/{user.contact_id}", json={"phone": "+81 3 0000 0000", "description": "VIP のお客様"})
    assert phone.status_code == 200, phone.text
    shown = page(user, "profile").text
    assert 'id="profile-form"' in shown
    for name in ("firstName", "lastName", "phone", "mobile"):
        assert f'name="{name}"' in shown
    assert 'name="language"' in shown and 'name="timeZone"' in shown
    email_input = re.search(r'<input id="profile-email"[^>]*>', shown).group(0)
    assert "readonly" in email_input and f'value="{user.email}"' in email_input and "name=" not in email_input
    assert field_value(shown, "phone") == "+81 3 0000 0000"
    assert 'id="profile-createdAt"' in shown
    assert "VIP のお客様" in shown, "the notes agents keep are shown read-only"
    assert 'id="email-change-form"' in shown and 'name="newEmail"' in shown

    saved = post(user.session, "profile", {"firstName": "花子", "lastName": "山田", "phone": "03-1234-5678",
                                           "mobile": "090-1234-5678", "language": "ja", "timeZone": "Asia/Tokyo",
                                           "email": "hijack@example.com"})
    assert saved.status_code == 303, saved.text[:2000]
    after = page(user, "profile").text
    assert '<html lang="ja">' in after, "the saved language applies"
    assert field_value(after, "firstName") == "花子" and field_value(after, "lastName") == "山田"
    assert field_value(after, "mobile") == "090-1234-5678"
    assert '<option value="Asia/Tokyo" selected>' in after
    contact = org.get(f"/contacts/{user.contact_id}").json()
    assert (contact["firstName"], contact["lastName"], contact["phone"], contact["mobile"]) == (
        "花子", "山田", "03-1234-5678", "090-1234-5678")
    assert contact["email"] == user.email, "posting an email field changes nothing"
    assert org.sql(f"SELECT email, language, time_zone FROM portal_users WHERE id = {int(user.portal_user_id)}") == [
        [user.email, "ja", "Asia/Tokyo"]]
    updates = [e for e in audit_entries(org, "contact", user.contact_id) if e["actorType"] == "enduser"]
    assert len(updates) == 1 and updates[0]["actor"]["id"] == user.contact_id
    assert {"field": "firstName", "oldValue": None, "newValue": "花子"} in updates[0]["changes"]
    assert all(change["field"] != "email" for change in updates[0]["changes"])
    prefs = [e for e in audit_entries(org, "portaluser", user.portal_user_id) if e["actorType"] == "enduser"]
    assert any({"field": "timeZone", "oldValue": None, "newValue": "Asia/Tokyo"} in e["changes"] for e in prefs)


def test_my_info_problems_rerender_with_values_and_write_nothing(stack, org):
    user = signed_up(stack, org, "Kenji")
    before = privacy_snapshot(org)
    refused = post(user.session, "profile", {"firstName": "健二", "lastName": "  ", "phone": "9" * 51,
                                             "mobile": "", "language": "fr", "timeZone": "Mars/Olympus"})
    assert refused.status_code == 422
    text = refused.text
    for name in ("lastName", "phone", "language", "timeZone"):
        assert f'id="profile-{name}-error"' in text, name
    assert "Enter a value." in text and "at most 50 characters" in text
    assert field_value(text, "firstName") == "健二" and field_value(text, "phone") == "9" * 51
    assert privacy_snapshot(org) == before


def test_email_change_request_approved_through_the_queue(stack, org):
    user = signed_up(stack, org, "Hanako")
    new_email = f"hanako-{uuid.uuid4().hex[:8]}@example.jp"
    before = privacy_snapshot(org)
    for bad, message in (("not-an-email", "valid email address"), (user.email.upper(), "already your email address"),
                         ("", "Enter the new email address")):
        refused = post(user.session, "profile/email-change", {"newEmail": bad})
        assert refused.status_code == 422 and message in refused.text, refused.text[:2000]
        assert 'id="email-change-error"' in refused.text
    assert privacy_snapshot(org) == before

    request_email_change(stack, org, user, new_email)
    shown = page(user, "profile").text
    status = re.search(r'<div id="email-change-status" class="pending">(.*?)</div>', shown, re.S)
    assert status and f"requested a change to {new_email}" in status.group(1) and "pending" in status.group(1)
    again = post(user.session, "profile/email-change", {"newEmail": f"other-{new_email}"})
    assert again.status_code == 422 and "already have a pending request" in again.text

    queued = org.get("/emailChangeRequests?status=pending").json()["data"]
    assert [(q["oldEmail"], q["newEmail"]) for q in queued] == [(user.email, new_email)]
    created = audit_entries(org, "emailChangeRequest", queued[0]["id"])
    assert created[0]["action"] == "create" and created[0]["actorType"] == "enduser"
    assert org.post(f"/emailChangeRequests/{queued[0]['id']}/approve").status_code == 200

    assert org.get(f"/contacts/{user.contact_id}").json()["email"] == new_email
    assert len(outbox_to(stack, org, user.email, after=user.outbox_mark)) == 1
    assert len(outbox_to(stack, org, new_email, after=user.outbox_mark)) == 1
    told_old = wait_for_email(stack, user.email, "email address has been changed")
    assert new_email in told_old.body
    wait_for_email(stack, new_email, "email address has been changed")
    shown = page(user, "profile").text
    assert f'value="{new_email}"' in shown and 'class="approved"' in shown
    # The new address signs in; the old one no longer does.
    fresh = browser(stack, org.portal)
    fresh.mount("https://", SourceAddressAdapter(own_address()))
    assert sign_in(fresh, new_email, PASSWORD).status_code == 303
    stale = browser(stack, org.portal)
    stale.mount("https://", SourceAddressAdapter(own_address()))
    assert sign_in(stale, user.email, PASSWORD).status_code == 400


def test_email_change_rejected_shows_the_reason(stack, org):
    user = signed_up(stack, org, "Taro")
    request_email_change(stack, org, user, f"taro-{uuid.uuid4().hex[:8]}@example.jp")
    queued = org.get("/emailChangeRequests?status=pending").json()["data"][0]
    rejected = org.post(f"/emailChangeRequests/{queued['id']}/reject", json={"reason": "<b>本人確認</b>ができません"})
    assert rejected.status_code == 200
    shown = page(user, "profile").text
    assert 'class="rejected"' in shown and "&lt;b&gt;本人確認&lt;/b&gt;ができません" in shown
    assert org.get(f"/contacts/{user.contact_id}").json()["email"] == user.email
    assert outbox_to(stack, org, user.email, after=user.outbox_mark) == []
    # A decided request leaves room for a new one.
    request_email_change(stack, org, user, f"taro2-{uuid.uuid4().hex[:8]}@example.jp")


def test_download_my_data_holds_own_data_only(stack, org):
    owner = signed_up(stack, org, "輸出 花子")
    other = signed_up(stack, org, "Other Person")
    mine = org.create_ticket(subject="請求書について 🧾", contactId=owner.contact_id, description="説明です")
    theirs = org.create_ticket(subject="Not yours", contactId=other.contact_id)
    public_reply = org.post(f"/tickets/{mine['id']}/sendReply", json={"channel": "EMAIL", "content": "公開の返信です"})
    assert public_reply.status_code == 200, public_reply.text
    assert org.post(f"/tickets/{mine['id']}/comments", json={"content": "公開コメント", "isPublic": True}).status_code == 200
    assert org.post(f"/tickets/{mine['id']}/comments", json={"content": "SECRET agent note", "isPublic": False}).status_code == 200
    visible = org.call("POST", f"/tickets/{mine['id']}/attachments?isPublic=true",
                       files={"file": ("領収書.txt", "見える".encode(), "text/plain")})
    assert visible.status_code == 200, visible.text
    hidden = org.call("POST", f"/tickets/{mine['id']}/attachments?isPublic=false",
                      files={"file": ("internal.txt", b"INTERNAL ONLY", "text/plain")})
    assert hidden.status_code == 200, hidden.text
    assert org.call("POST", f"/tickets/{theirs['id']}/attachments?isPublic=true",
                    files={"file": ("theirs.txt", b"THEIRS", "text/plain")}).status_code == 200

    response = post(owner.session, "my-data/export", {})
    assert response.status_code == 200, response.text[:2000]
    assert response.headers["Content-Type"] == "application/zip"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    number = mine["ticketNumber"]
    assert {"profile.json", "tickets.csv", f"tickets/{number}.json"} <= names
    assert f"tickets/{theirs['ticketNumber']}.json" not in names
    profile = json.loads(archive.read("profile.json"))
    assert profile["contact"]["email"] == owner.email and profile["contact"]["lastName"] == "輸出 花子"
    assert profile["helpCenterAccount"]["email"] == owner.email
    rows = list(csv.DictReader(io.StringIO(archive.read("tickets.csv").decode("utf-8-sig"))))
    assert [(r["ticketNumber"], r["subject"]) for r in rows] == [(str(number), "請求書について 🧾")]
    ticket = json.loads(archive.read(f"tickets/{number}.json"))
    texts = [entry["text"] for entry in ticket["conversation"]]
    assert "説明です" in texts and "公開の返信です" in texts and "公開コメント" in texts
    everything = b"".join(archive.read(name) for name in names)
    for secret in (b"SECRET agent note", b"INTERNAL ONLY", b"THEIRS", b"Not yours", other.email.encode()):
        assert secret not in everything, secret
    attachment = f"attachments/{number}/{visible.json()['id']}-領収書.txt"
    assert archive.read(attachment) == "見える".encode()
    assert attachment in [path for entry in ticket["conversation"] for path in entry["attachments"]]


def test_erasure_request_goes_into_the_queue(stack, org):
    user = signed_up(stack, org, "Erase Me")
    shown = page(user, "my-data").text
    assert 'id="export-form"' in shown and 'id="erasure-form"' in shown and 'name="confirm"' in shown
    before = privacy_snapshot(org)
    unconfirmed = post(user.session, "my-data/erasure", {})
    assert unconfirmed.status_code == 422 and 'id="erasure-error"' in unconfirmed.text
    assert privacy_snapshot(org) == before

    request_erasure(stack, org, user)
    shown = page(user, "my-data").text
    assert 'id="erasure-status" class="pending"' in shown and 'id="erasure-form"' not in shown
    again = post(user.session, "my-data/erasure", {"confirm": "yes"})
    assert again.status_code == 422 and "already have a pending deletion request" in again.text
    queued = org.get("/erasureRequests?status=pending").json()["data"]
    assert [q["contactId"] for q in queued] == [user.contact_id]
    assert audit_entries(org, "erasureRequest", queued[0]["id"])[0]["actorType"] == "enduser"
    assert org.post(f"/erasureRequests/{queued[0]['id']}/approve").status_code == 200
    assert 'id="erasure-status" class="approved"' in page(user, "my-data").text


def test_every_form_needs_its_csrf_token(stack, org):
    user = signed_up(stack, org, "Csrf Check")
    forms = {"profile": {"lastName": "Changed"}, "profile/email-change": {"newEmail": "csrf@example.com"},
             "my-data/export": {"download": "1"}, "my-data/erasure": {"confirm": "yes"}}
    before = privacy_snapshot(org)
    for path, data in forms.items():
        for token in ("", "wrong-token"):
            response = post(user.session, path, data, csrf=token)
            assert response.status_code == 403, (path, token, response.status_code)
            assert "PK" not in response.text[:2]
    assert privacy_snapshot(org) == before
    assert org.get(f"/contacts/{user.contact_id}").json()["lastName"] == "Csrf Check"


def test_pages_need_sign_in(stack, org):
    anonymous = browser(stack, org.portal)
    for path in ("profile", "my-data"):
        response = get(anonymous, path)
        assert response.status_code == 303 and "/signin?return=" in response.headers["Location"]
    assert post(anonymous, "my-data/export", {}).status_code == 303

"""The help center in a real browser (headless Chromium through nginx over TLS), the way an end user uses it:
sign up → verify from the outbox → sign in → submit a ticket with a Japanese subject and an attachment → an
agent replies through the API → the user sees the reply and downloads the attachment → comments → edits My
Info (the email is read-only) → requests an email change → downloads their data and finds the ticket in it
→ signs out. The same pages in Japanese, by Accept-Language and by the language switch. Every page is saved
as a screenshot under $DESKD_TEST_RUN/screenshots/<test>/ (a few also at a phone's width, where nothing may
scroll sideways); on no page may the browser refuse anything (a CSP violation, a stylesheet it will not
apply)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import uuid
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from api_helpers import ApiOrg, make_org
from browser_helpers import Browser, browser_factory  # noqa: F401  (fixtures)
from browser_pages import signed_up_client
from deskd_stack import require_env, wait_until
from portal_helpers import read_outbox_emails

PASSWORD = "correct-horse-battery-7"
JA_SUBJECT = "ログインできません：請求書の再発行 #{n}"
JA_DESCRIPTION = "先週から管理画面に入れません。\nよろしくお願いします。"
SESSION_COOKIE = "__Host-deskd_session"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture
def portal_org(stack, server_a) -> ApiOrg:
    """A fresh org (its portal is the help center under test) with an administrator's API token."""
    return make_org(stack, server_a, "us")


def catalog(language: str) -> dict[str, str]:
    path = Path(require_env("DESKD_TEST_ROOT")) / "Sources/HelpCenter/Resources/i18n" / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def link_in_email(stack, address: str, pattern: str) -> str:
    """Waits for an email to `address` whose body has a link matching `pattern`; returns its path + query."""
    found: list[str] = []

    def look() -> bool:
        for message in read_outbox_emails(stack, to=address):
            match = re.search(pattern, message.body)
            if match:
                found.append(match.group(0))
                return True
        return False

    assert wait_until(look, 30, 0.2), f"no email to {address} with a link matching {pattern!r}"
    return found[0]


def no_refusals(browser: Browser, page: str) -> None:
    """The browser's console holds no refusal: no Content-Security-Policy violation (inline script or
    style) and no resource the browser would not use (e.g. a stylesheet with the wrong MIME type)."""
    refused = [entry["message"] for entry in browser.console()
               if "Content Security Policy" in entry.get("message", "") or "Refused to" in entry.get("message", "")]
    assert not refused, f"{page}: the browser refused parts of the page: {refused}"


def styled(browser: Browser) -> bool:
    """Whether the help center's stylesheet was loaded and applies (a refused sheet has no rules)."""
    return browser.driver.execute_script(
        "return Array.from(document.styleSheets).some(function (sheet) {"
        " try { return sheet.href && sheet.href.indexOf('/portal/assets/portal.css') >= 0 && sheet.cssRules.length > 0; }"
        " catch (e) { return false; } });")


def visit(browser: Browser, path: str, shot: str, expect: str = "main") -> None:
    browser.get(path)
    browser.wait_for(expect)
    browser.screenshot(shot)
    no_refusals(browser, shot)


def after_submit(browser: Browser, shot: str, expect: str = "main") -> None:
    browser.wait_for(expect)
    browser.screenshot(shot)
    no_refusals(browser, shot)


def test_end_user_journey_in_the_browser(browser_factory, portal_org, stack, tmp_path):
    org = portal_org
    base = f"/portal/{org.portal}/"
    browser = browser_factory()
    email = f"mika.{uuid.uuid4().hex[:8]}@example.com"
    subject = JA_SUBJECT.format(n=uuid.uuid4().hex[:6])

    # Welcome page, in English for an English browser.
    visit(browser, base, "welcome")
    assert browser.html_lang() == "en"
    assert styled(browser), "portal.css does not apply to the page"
    assert browser.find_all(f"a[href$='signup']") and browser.find_all(f"a[href$='signin']"), browser.text()

    # Sign up.
    visit(browser, base + "signup", "signup", "#signup-form")
    browser.phone_screenshot("signup")
    browser.fill("#signup-form", {"name": "Mika Tanaka", "email": email, "password": PASSWORD})
    browser.submit("#signup-form")
    after_submit(browser, "signup-sent")
    assert PASSWORD not in browser.driver.page_source, "the password came back in the page"

    # Verify through the link in the email the outbox delivered to the file sink.
    verify = link_in_email(stack, email, rf"/portal/{re.escape(org.portal)}/verify\?token=[A-Za-z0-9_\-%.]+")
    visit(browser, verify, "verified")

    # Sign in.
    visit(browser, base + "signin", "signin", "#signin-form")
    browser.fill("#signin-form", {"email": email, "password": PASSWORD})
    browser.submit("#signin-form")
    after_submit(browser, "my-tickets-empty")
    assert browser.path.startswith(base + "tickets"), browser.path
    assert browser.find_all("#signout-form"), "signed in, but no sign-out form in the layout"
    session = [c for c in browser.cookies() if c["name"] == SESSION_COOKIE]
    assert session and session[0]["httpOnly"] and session[0]["secure"] and session[0].get("sameSite") == "Lax", \
        browser.cookies()

    # Submit a ticket with a Japanese subject and an attachment.
    attachment = tmp_path / "請求書-スクリーンショット.txt"
    payload = ("請求書 No.42 — 金額 ¥12,000\n".encode("utf-8") + os.urandom(64).hex().encode()) * 20
    attachment.write_bytes(payload)
    visit(browser, base + "tickets/new", "new-ticket", "#ticket-form")
    browser.phone_screenshot("new-ticket")
    browser.fill("#ticket-form", {"subject": subject, "description": JA_DESCRIPTION})
    departments = browser.find_all("#ticket-form [name=departmentId] option[value]:not([value=''])")
    if departments and browser.find("#ticket-form [name=departmentId]").tag_name == "select":
        departments[0].click()
    browser.find("#ticket-form input[type=file][name=attachments]").send_keys(str(attachment))
    browser.submit("#ticket-form")
    after_submit(browser, "ticket-created", "#conversation")
    match = re.search(rf"{re.escape(base)}tickets/(\d+)", browser.path)
    assert match, f"after submitting, not on the ticket page: {browser.path}"
    ticket_id = match.group(1)
    ticket_path = f"{base}tickets/{ticket_id}"
    assert subject in browser.text()

    # What the agent sees through the API: the same subject, the user as contact, one attachment.
    api_ticket = org.get(f"/tickets/{ticket_id}")
    assert api_ticket.status_code == 200, api_ticket.text
    assert api_ticket.json()["subject"] == subject
    contact_id = api_ticket.json()["contactId"]
    contact = org.get(f"/contacts/{contact_id}").json()
    assert contact["email"] == email, contact

    # The list shows it with its status.
    visit(browser, base + "tickets", "my-tickets", "#tickets")
    rows = browser.find_all("#tickets tbody tr") or browser.find_all("#tickets tr")
    assert any(subject in row.text for row in rows), browser.text()
    assert browser.find_all(f"#tickets a[href$='tickets/{ticket_id}']"), "the row does not link to the ticket"

    # An agent replies through the API; the user sees the reply on the ticket page.
    reply_text = f"こんにちは田中様、請求書を再発行しました。 ({uuid.uuid4().hex[:6]})"
    sent = org.post(f"/tickets/{ticket_id}/sendReply", json={"channel": "EMAIL", "content": reply_text})
    assert sent.status_code == 200, sent.text
    visit(browser, ticket_path, "ticket-with-reply", "#conversation")
    browser.phone_screenshot("ticket-with-reply")
    entries = [entry.text for entry in browser.find_all("#conversation li.entry")]
    assert any(reply_text in entry for entry in entries), entries

    # The attachment downloads with the same bytes.
    links = browser.find_all("#conversation a.attachment, a.attachment")
    assert links, "no a.attachment link on the ticket page"
    before = browser.downloaded_names()
    links[0].click()
    downloaded = browser.wait_for_download(before)
    assert downloaded.read_bytes() == payload, f"{downloaded} differs from what was uploaded"

    # A public comment.
    comment_text = f"ありがとうございます！届きました。 ({uuid.uuid4().hex[:6]})"
    browser.fill("#comment-form", {"content": comment_text})
    browser.submit("#comment-form")
    after_submit(browser, "ticket-commented", "#conversation")
    entries = [entry.text for entry in browser.find_all("#conversation li.entry")]
    reply_at = next(i for i, text in enumerate(entries) if reply_text in text)
    comment_at = next((i for i, text in enumerate(entries) if comment_text in text), None)
    assert comment_at is not None and comment_at > reply_at, f"not in time order: {entries}"
    comments = org.get(f"/tickets/{ticket_id}/comments").json()["data"]
    assert [c["content"] for c in comments if c["isPublic"]] == [comment_text], comments
    assert comments[0]["commenter"]["type"] == "END_USER", comments

    # My Info: every field editable except the email, which is read-only.
    visit(browser, base + "profile", "my-info", "#profile-form")
    email_input = browser.find("#profile-form input[type=email], #profile-form [name=email]")
    assert email_input.get_attribute("readonly") is not None, "the email input is not read-only"
    assert email_input.get_attribute("value") == email
    browser.fill("#profile-form", {"firstName": "美香", "lastName": "田中", "phone": "+81 3-1234-5678",
                                   "mobile": "+81 90-1234-5678", "timeZone": "Asia/Tokyo"})
    browser.submit("#profile-form")
    after_submit(browser, "my-info-saved", "#profile-form")
    assert browser.find("#profile-form [name=lastName]").get_attribute("value") == "田中"
    contact = org.get(f"/contacts/{contact_id}").json()
    assert (contact["firstName"], contact["lastName"], contact["phone"], contact["mobile"]) == (
        "美香", "田中", "+81 3-1234-5678", "+81 90-1234-5678"), contact
    assert contact["email"] == email
    assert browser.find("#profile-form [name=timeZone]").get_attribute("value") == "Asia/Tokyo"

    # Dates now show in the user's time zone (Tokyo, UTC+9).
    created = datetime.strptime(api_ticket.json()["createdTime"], "%Y-%m-%dT%H:%M:%S.%f%z")
    tokyo, utc = created.astimezone(ZoneInfo("Asia/Tokyo")), created.astimezone(timezone.utc)
    visit(browser, ticket_path, "ticket-in-tokyo-time", "#conversation")
    page_text = browser.text()
    def shown(t: datetime) -> bool:  # "h:mm" as the English pages show it, not part of a longer number
        return re.search(rf"(?<!\d){(t.hour % 12) or 12}:{t.minute:02d}(?!\d)", page_text) is not None

    clock = lambda t: f"{(t.hour % 12) or 12}:{t.minute:02d}"  # noqa: E731
    assert shown(tokyo) and not shown(utc), \
        f"dates are not in Tokyo time ({clock(tokyo)} expected, {clock(utc)} is UTC):\n{page_text}"
    browser.get(base + "profile")
    browser.wait_for("#email-change-form")

    # Request an email change: it waits in the administrators' queue.
    new_email = f"mika.new.{uuid.uuid4().hex[:8]}@example.com"
    browser.fill("#email-change-form", {"newEmail": new_email})
    browser.submit("#email-change-form")
    after_submit(browser, "email-change-requested")
    queue = org.get("/emailChangeRequests?status=pending")
    assert queue.status_code == 200, queue.text
    assert any(new_email in json.dumps(item, ensure_ascii=False) for item in queue.json()["data"]), queue.text
    assert org.get(f"/contacts/{contact_id}").json()["email"] == email, "the email changed before approval"

    # Download my data and find the ticket in it.
    visit(browser, base + "my-data", "my-data", "#export-form")
    before = browser.downloaded_names()
    browser.find("#export-form button, #export-form [type=submit]").click()
    export = browser.wait_for_download(before)
    texts = export_texts(export.read_bytes())
    assert any(subject in text for text in texts.values()), f"the ticket is not in {export.name}: {list(texts)}"
    assert any(comment_text in text for text in texts.values()), "the comment is not in the export"
    assert any(payload == raw for raw in export_files(export.read_bytes()).values()), \
        "the attachment file is not in the export"

    # Sign out: back to a signed-out page, and the tickets need a sign-in again.
    browser.submit("#signout-form")
    after_submit(browser, "signed-out")
    assert not [c for c in browser.cookies() if c["name"] == SESSION_COOKIE], browser.cookies()
    visit(browser, base + "tickets", "tickets-after-signout")
    assert "signin" in browser.path, f"signed out, yet {browser.path} is shown"
    assert browser.find_all("#signin-form")


def export_files(raw: bytes) -> dict[str, bytes]:
    """The files of a data export: a zip's members, or the single JSON file itself."""
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    return {"export.json": raw}


def export_texts(raw: bytes) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name, content in export_files(raw).items():
        if name.endswith((".json", ".csv", ".txt")):
            text = content.decode("utf-8-sig")
            if name.endswith(".json"):
                text = json.dumps(json.loads(text), ensure_ascii=False)
            elif name.endswith(".csv"):
                text = "\n".join(",".join(row) for row in csv.reader(io.StringIO(text)))
            texts[name] = text
    assert texts, f"the export holds no JSON/CSV file: {list(export_files(raw))}"
    return texts


def japanese_strings_on(browser: Browser, ja: dict[str, str]) -> list[str]:
    text = browser.text()
    return [value for value in ja.values() if JAPANESE.search(value) and "{" not in value and value in text]


def test_pages_in_japanese_by_accept_language_and_by_the_switch(browser_factory, portal_org, stack):
    org = portal_org
    base = f"/portal/{org.portal}/"
    ja, en = catalog("ja"), catalog("en")
    assert set(ja) == set(en), f"catalogs differ: only en {sorted(set(en) - set(ja))}, only ja {sorted(set(ja) - set(en))}"

    # A Japanese browser gets Japanese pages, signed out and signed in (the user signed up in Japanese: once
    # signed in, the language saved in their profile decides).
    email = f"kenji.{uuid.uuid4().hex[:8]}@example.com"
    signed_up_client(stack, org.portal, "佐藤 健二", email, PASSWORD, language="ja")
    japanese = browser_factory(language="ja,en;q=0.5")
    for page, shot in (("", "welcome-ja"), ("signup", "signup-ja"), ("signin", "signin-ja")):
        visit(japanese, base + page, shot)
        assert japanese.html_lang() == "ja", page
        assert len(japanese_strings_on(japanese, ja)) >= 2, f"{page}: no Japanese UI text:\n{japanese.text()}"
    japanese.fill("#signin-form", {"email": email, "password": "wrong password, sorry"})
    japanese.submit("#signin-form")
    after_submit(japanese, "signin-error-ja")
    assert japanese.html_lang() == "ja" and japanese.find("#signin-form [name=email]").get_attribute("value") == email
    assert not japanese.find("#signin-form [name=password]").get_attribute("value"), "the password was kept"
    japanese.fill("#signin-form", {"password": PASSWORD})
    japanese.submit("#signin-form")
    after_submit(japanese, "my-tickets-ja")
    assert japanese.html_lang() == "ja"
    assert len(japanese_strings_on(japanese, ja)) >= 3, japanese.text()
    visit(japanese, base + "tickets/new", "new-ticket-ja", "#ticket-form")
    labels = [label.text for label in japanese.find_all("#ticket-form label") if label.text.strip()]
    assert labels and all(JAPANESE.search(text) for text in labels), labels
    visit(japanese, base + "nothing-here", "not-found-ja")
    assert japanese.html_lang() == "ja" and japanese_strings_on(japanese, ja), japanese.text()
    # Signed in, the switch also changes the language saved in the profile.
    visit(japanese, base + "tickets", "before-switch-ja", "#language-form")
    japanese.fill("#language-form", {"language": "en"})
    japanese.submit("#language-form")
    after_submit(japanese, "switched-to-en")
    assert japanese.html_lang() == "en" and japanese.path.startswith(base + "tickets"), japanese.path
    saved = org.sql(f"SELECT language FROM portal_users WHERE org_id = {int(org.org_id)} AND email = '{email}'")
    assert saved == [["en"]], saved

    # An English browser switches to Japanese with the language form; the choice is remembered.
    english = browser_factory()
    visit(english, base + "signin", "signin-en", "#language-form")
    assert english.html_lang() == "en"
    english_text = english.text()
    form = english.find("#language-form")
    control = form.find_element("name", "language")
    if control.tag_name == "select":
        english.fill("#language-form", {"language": "ja"})
        english.submit("#language-form")
    else:
        buttons = [b for b in form.find_elements("css selector", "button[name=language]")
                   if b.get_attribute("value") == "ja"]
        assert buttons, "the language form offers no Japanese"
        old = english.find("html")
        buttons[0].click()
        english.wait_until(lambda: english.html_lang() == "ja", "the switch did not load a Japanese page")
        del old
    after_submit(english, "switched-to-ja")
    assert english.html_lang() == "ja"
    assert english.path.startswith(base + "signin"), f"the switch did not return to the page: {english.path}"
    assert english.text() != english_text
    visit(english, base + "signup", "signup-remembered-ja")
    assert english.html_lang() == "ja", "the language choice was not remembered"

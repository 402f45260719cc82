"""Help-center accounts through nginx over TLS: sign-up, email verification, sign-in, sign-out, password
reset, sessions and their cookies, CSRF, CSP, languages and escaping."""

from __future__ import annotations

import re
import time

import pytest

from api_helpers import make_org
from deskd_stack import DeskdStack
from portal_helpers import (browser, csrf_of, csrf_token, get, post, read_outbox_emails, sign_in, sign_up,
                            signed_up_user, unique_email, verify_from_email, wait_for_email)

PASSWORD = "correct horse battery"
SESSION_COOKIE = "__Host-deskd_session"


@pytest.fixture
def org(stack, server_a):
    return make_org(stack, server_a, "us")


def set_cookie_headers(response) -> list[str]:
    return response.raw.headers.getlist("Set-Cookie")


def count(org, table: str, where: str = "") -> int:
    return int(org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {org.org_id} {where}")[0][0])


def test_sign_up_verify_sign_in_sign_out(stack, org):
    address = unique_email()
    session = browser(stack, org.portal)
    page = get(session, "signup")
    assert page.status_code == 200
    assert 'id="signup-form"' in page.text and '<html lang="en">' in page.text
    sign_up(session, "Aiko Tanaka", address, PASSWORD)
    sent = get(session, "signup/sent")
    assert sent.status_code == 200 and "Check your email" in sent.text

    message = wait_for_email(stack, address, "Confirm your email address")
    link = message.link_containing("/verify?token=")
    assert link.startswith(f"https://us.desk.localhost/portal/{org.portal}/verify?token=")
    token = link.split("token=", 1)[1]
    assert len(token) == 43 and token not in str(org.sql(
        f"SELECT HEX(token_hash), purpose FROM portal_tokens WHERE org_id = {org.org_id}"))

    refused = sign_in(session, address, PASSWORD)
    assert refused.status_code == 400 and "confirm your email address first" in refused.text
    assert SESSION_COOKIE not in session.cookies.get_dict()

    assert get(session, f"verify?token={token}").status_code == 200
    assert get(session, f"verify?token={token}").status_code == 400, "a verification link works once"
    assert get(session, "verify?token=nonsense").status_code == 400

    signed_in = sign_in(session, address, PASSWORD)
    assert signed_in.status_code == 303
    assert signed_in.headers["Location"] == f"/portal/{org.portal}/tickets"
    home = get(session, "")
    assert home.status_code == 303 and home.headers["Location"] == f"/portal/{org.portal}/tickets"
    page = get(session, "password/forgot")
    assert 'id="signout-form"' in page.text and 'href="/portal/%s/my-data"' % org.portal in page.text

    signed_out = post(session, "signout", {})
    assert signed_out.status_code == 303 and signed_out.headers["Location"] == f"/portal/{org.portal}/signin"
    assert any(c.startswith(f"{SESSION_COOKIE}=;") and "Max-Age=0" in c for c in set_cookie_headers(signed_out))
    assert get(session, "").status_code == 200, "signed out: the welcome page again"

    contacts = org.sql(f"SELECT id, last_name FROM contacts WHERE org_id = {org.org_id} AND email = '{address}'")
    assert len(contacts) == 1 and contacts[0][1] == "Aiko Tanaka"
    entries = org.audit("?recordType=portaluser")
    assert [e["action"] for e in entries] == ["update", "create"]
    assert all(e["actorType"] == "system" and e["actor"] == {"id": "0"} for e in entries)
    assert entries[1]["changes"][0] == {"field": "contactId", "oldValue": None, "newValue": contacts[0][0]}


def test_session_cookie_flags_and_rotation(stack, org):
    address = unique_email()
    session = browser(stack, org.portal)
    first_page = get(session, "signin")
    pre = [c for c in set_cookie_headers(first_page) if c.startswith("__Host-deskd_presession=")]
    assert len(pre) == 1 and all(flag in pre[0] for flag in ("Path=/", "Secure", "HttpOnly", "SameSite=Lax"))
    sign_up(session, "Ken", address, PASSWORD)
    verify_from_email(session, stack, address)
    response = sign_in(session, address, PASSWORD)
    cookies = [c for c in set_cookie_headers(response) if c.startswith(SESSION_COOKIE + "=")]
    assert len(cookies) == 1
    parts = [p.strip() for p in cookies[0].split(";")]
    assert "Path=/" in parts and "Secure" in parts and "HttpOnly" in parts and "SameSite=Lax" in parts
    assert not any(p.lower().startswith("domain") for p in parts), "__Host- cookies carry no Domain"
    first = session.cookies.get(SESSION_COOKIE)
    assert len(first) == 43
    stored = org.sql(f"SELECT HEX(token_hash) FROM portal_sessions WHERE org_id = {org.org_id}")
    assert len(stored) == 1 and first not in str(stored)

    # Signing in again rotates the session id and ends the old session.
    again = sign_in(session, address, PASSWORD)
    assert again.status_code == 303
    second = session.cookies.get(SESSION_COOKIE)
    assert second != first
    old = browser(stack, org.portal)
    old.cookies.set(SESSION_COOKIE, first)
    assert get(old, "").status_code == 200, "the old session no longer signs anyone in"
    assert count(org, "portal_sessions", "AND revoked_at IS NULL") == 1


def test_sign_up_same_answer_for_existing_email_and_links_existing_contact(stack, org):
    address = unique_email("known")
    first = browser(stack, org.portal)
    sign_up(first, "First", address, PASSWORD)
    wait_for_email(stack, address, "Confirm your email address")
    users_before = count(org, "portal_users")
    contacts_before = count(org, "contacts")

    second = browser(stack, org.portal)
    page = post(second, "signup", {"name": "Second", "email": address.upper(), "password": "another password 1"},
                csrf=csrf_token(second, "signup"))
    fresh = post(second, "signup", {"name": "Third", "email": unique_email(), "password": PASSWORD},
                 csrf=csrf_token(second, "signup"))
    assert (page.status_code, page.headers["Location"]) == (fresh.status_code, fresh.headers["Location"])
    assert page.headers["Location"] == f"/portal/{org.portal}/signup/sent"
    notice = wait_for_email(stack, address, "You already have an account")
    assert "/signin" in notice.body and "/password/forgot" in notice.body and "token=" not in notice.body
    assert count(org, "portal_users") == users_before + 1, "only the fresh email made an account"
    assert count(org, "contacts") == contacts_before + 1

    # A contact the agents already know is linked, not duplicated.
    known = unique_email("contact")
    created = org.post("/contacts", json={"lastName": "Known", "email": known})
    assert created.status_code == 200, created.text
    sign_up(browser(stack, org.portal), "Known Person", known, PASSWORD)
    rows = org.sql(f"SELECT contact_id FROM portal_users WHERE org_id = {org.org_id} AND email = '{known}'")
    assert rows == [[created.json()["id"]]]
    assert count(org, "contacts", f"AND email = '{known}'") == 1


def test_sign_up_form_errors_keep_values_but_never_the_password(stack, org):
    session = browser(stack, org.portal)
    response = post(session, "signup", {"name": "<script>alert(1)</script>", "email": "not-an-email",
                                        "password": "short"}, csrf=csrf_token(session, "signup"))
    assert response.status_code == 400
    assert "Enter a valid email address" in response.text and "at least 10 characters" in response.text
    assert 'value="not-an-email"' in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text and "<script>" not in response.text
    assert 'value="short"' not in response.text
    assert count(org, "portal_users") == 0 and count(org, "contacts") == 0


def test_script_in_name_renders_escaped_in_email_and_pages(stack, org):
    address = unique_email()
    name = '<script>alert("x")</script> 山田'
    session = signed_up_user(stack, org.portal, name, address, PASSWORD)
    row = org.sql(f"SELECT last_name FROM contacts WHERE org_id = {org.org_id} AND email = '{address}'")
    assert row == [[name]], "stored exactly as typed (Japanese round-trips)"
    for path in ("", "signin", "signup", "password/forgot", "no/such/page"):
        page = get(session, path)
        assert "<script" not in page.text.lower()


def test_wrong_password_and_unknown_email_answer_alike(stack, org):
    address = unique_email()
    signed_up_user(stack, org.portal, "Mia", address, PASSWORD)
    session = browser(stack, org.portal)
    wrong = sign_in(session, address, "wrong password!")
    unknown = sign_in(session, unique_email(), "wrong password!")
    assert wrong.status_code == unknown.status_code == 400
    assert "The email address or password is not correct." in wrong.text
    assert wrong.text.replace(address, "@") == unknown.text.replace(re.search(r'value="([^"]*@example.com)"',
                                                                              unknown.text).group(1), "@")
    assert SESSION_COOKIE not in session.cookies.get_dict()


def test_password_reset_flow(stack, org):
    address = unique_email()
    old_session = signed_up_user(stack, org.portal, "Rei", address, PASSWORD)
    anonymous = browser(stack, org.portal)
    token = csrf_token(anonymous, "password/forgot")
    known = post(anonymous, "password/forgot", {"email": address}, csrf=token)
    unknown = post(anonymous, "password/forgot", {"email": unique_email()}, csrf=token)
    assert known.status_code == unknown.status_code == 200
    assert known.text == unknown.text, "the same page whether or not the email has an account"

    message = wait_for_email(stack, address, "Choose a new password")
    link = message.link_containing("/password/reset?token=")
    reset_token = link.split("token=", 1)[1]
    form = get(anonymous, f"password/reset?token={reset_token}")
    assert form.status_code == 200 and 'id="reset-form"' in form.text
    too_short = post(anonymous, "password/reset", {"token": reset_token, "password": "short"},
                     csrf=csrf_of(form.text))
    assert too_short.status_code == 400 and "at least 10 characters" in too_short.text
    done = post(anonymous, "password/reset", {"token": reset_token, "password": "a brand new password"},
                csrf=csrf_of(form.text))
    assert done.status_code == 200 and "Password changed" in done.text
    reused = post(anonymous, "password/reset", {"token": reset_token, "password": "yet another password"},
                  csrf=csrf_of(form.text))
    assert reused.status_code == 400, "a reset link works once"

    assert get(old_session, "").status_code == 200, "the reset ended the user's other sessions"
    assert sign_in(browser(stack, org.portal), address, PASSWORD).status_code == 400
    assert sign_in(browser(stack, org.portal), address, "a brand new password").status_code == 303
    changes = [e["changes"] for e in org.audit("?recordType=portaluser") if e["action"] == "update"]
    assert [{"field": "password", "oldValue": "****", "newValue": "****"}] in changes


def test_csrf_missing_or_wrong_is_403_and_writes_nothing(stack, org):
    session = browser(stack, org.portal)
    token = csrf_token(session, "signup")
    audit_before = len(org.audit())
    for csrf in ("", "forged-token", token[:-1] + ("A" if token[-1] != "A" else "B")):
        response = post(session, "signup", {"name": "Eve", "email": unique_email(), "password": PASSWORD}, csrf=csrf)
        assert response.status_code == 403, response.text
        assert "This form has expired" in response.text and "Nothing was saved" in response.text
        assert "Content-Security-Policy" in response.headers
    # A token from another browser (another pre-session cookie) is refused too.
    other = browser(stack, org.portal)
    response = post(other, "signup", {"name": "Eve", "email": unique_email(), "password": PASSWORD}, csrf=token)
    assert response.status_code == 403
    assert count(org, "portal_users") == 0 and count(org, "contacts") == 0 and count(org, "outbox_emails") == 0
    assert len(org.audit()) == audit_before

    signed_in = signed_up_user(stack, org.portal, "Sam", unique_email(), PASSWORD)
    refused = post(signed_in, "signout", {}, csrf="")
    assert refused.status_code == 403
    assert get(signed_in, "").status_code == 303, "still signed in: the sign-out was refused"
    refused = post(signed_in, "language", {"language": "ja", "return": f"/portal/{org.portal}/"}, csrf=token)
    assert refused.status_code == 403
    assert org.sql(f"SELECT language FROM portal_users WHERE org_id = {org.org_id}") == [["en"]]


def test_csp_and_headers_on_every_page_without_inline_script_or_style(stack, org):
    anonymous = browser(stack, org.portal)
    signed_in = signed_up_user(stack, org.portal, "Ana", unique_email(), PASSWORD)
    pages = [(anonymous, p) for p in ("", "signin", "signup", "signup/sent", "password/forgot",
                                      "password/reset?token=x", "verify?token=x", "no/such/page")]
    pages += [(signed_in, p) for p in ("password/forgot", "no/such/page")]
    for session, path in pages:
        response = get(session, path)
        csp = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp, path
        assert "unsafe-inline" not in csp
        assert response.headers.get("Cache-Control") == "no-store", path
        assert response.headers.get("X-Content-Type-Options") == "nosniff"
        assert response.headers.get("Strict-Transport-Security", "").startswith("max-age=")
        assert len(response.raw.headers.getlist("Content-Security-Policy")) == 1, path
        text = response.text.lower()
        assert "<script" not in text and "<style" not in text and " style=" not in text, path
        assert re.search(r"\son[a-z]+=", text) is None, f"inline event handler on {path}"
        assert '<html lang="en">' in response.text and "<main" in response.text, path
        for field in re.findall(r'<input[^>]*\bid="([^"]+)"', response.text):
            assert f'for="{field}"' in response.text, f"input #{field} on {path} has no label"


def test_static_css_is_served_with_caching(stack):
    response = stack.get("/portal/assets/portal.css")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/css")
    assert "max-age=604800" in response.headers.get("Cache-Control", "")
    assert response.headers.get("Expires")
    assert "@media" in response.text and len(response.content) < 16_000
    assert stack.get("/portal/assets/../deskd.toml").status_code in (400, 404)
    assert stack.get("/portal/assets/missing.css").status_code == 404


def test_unknown_portal_and_page_are_localized_404(stack, org):
    for path, language, text in ((f"/portal/{org.portal}/no/such/page", "ja", "ページが見つかりません"),
                                 ("/portal/no-such-portal-xyz/", "en", "Page not found"),
                                 ("/portal/no-such-portal-xyz/signin", "ja", "ページが見つかりません")):
        response = stack.get(path, headers={"Accept-Language": language})
        assert response.status_code == 404, path
        assert text in response.text and f'<html lang="{language}">' in response.text
        assert "Content-Security-Policy" in response.headers


def test_japanese_from_accept_language_then_switch_and_remember(stack, org):
    session = browser(stack, org.portal, language="ja,en;q=0.5")
    page = get(session, "signin")
    assert '<html lang="ja">' in page.text and "サインイン" in page.text
    switched = post(session, "language", {"language": "en", "return": f"/portal/{org.portal}/signin"},
                    csrf=csrf_of(page.text))
    assert switched.status_code == 303 and switched.headers["Location"] == f"/portal/{org.portal}/signin"
    assert any(c.startswith("__Host-deskd_lang=en;") and "Secure" in c for c in set_cookie_headers(switched))
    assert '<html lang="en">' in get(session, "signin").text, "the cookie wins over Accept-Language"
    outside = post(session, "language", {"language": "ja", "return": "https://evil.example/"})
    assert outside.headers["Location"] == f"/portal/{org.portal}/", "return stays inside the help center"

    # Signed in, the choice is saved in the profile and follows the user to a new browser.
    address = unique_email()
    user = signed_up_user(stack, org.portal, "花子", address, PASSWORD, language="ja")
    assert '<html lang="ja">' in get(user, "password/forgot").text
    assert "メールアドレスの確認" in wait_for_email(stack, address).subject, "emails in the user's language"
    post(user, "language", {"language": "en", "return": f"/portal/{org.portal}/"})
    assert org.sql(f"SELECT language FROM portal_users WHERE org_id = {org.org_id} AND email = '{address}'") == [["en"]]
    fresh = browser(stack, org.portal, language="ja")
    assert sign_in(fresh, address, PASSWORD).status_code == 303
    assert '<html lang="en">' in get(fresh, "password/forgot").text, "the profile's language wins"
    entry = [e for e in org.audit("?recordType=portaluser") if e["actorType"] == "enduser"]
    assert entry and entry[0]["changes"] == [{"field": "language", "oldValue": "ja", "newValue": "en"}]


# -- a private stack with short sessions and low sign-in limits ---------------------------------------------

@pytest.fixture(scope="module")
def strict_stack(regions):
    extra = "\n[portal]\nsession_idle_seconds = 3\nsession_absolute_seconds = 6\n" \
            "signin_account_failures = 3\nsignin_address_failures = 6\nsignin_window_seconds = 120\n"
    private = DeskdStack("portal-strict", regions, extra=extra)
    try:
        private.start()
        yield private
    finally:
        private.stop()


@pytest.fixture
def strict_org(strict_stack, server_a):
    return make_org(strict_stack, server_a, "us")


def test_session_idle_and_absolute_expiry(strict_stack, strict_org):
    address = unique_email()
    idle = signed_up_user(strict_stack, strict_org.portal, "Idle", address, PASSWORD)
    assert get(idle, "").status_code == 303
    time.sleep(3.5)
    assert get(idle, "").status_code == 200, "signed out after 3 s without a request"

    busy = browser(strict_stack, strict_org.portal)
    assert sign_in(busy, address, PASSWORD).status_code == 303
    started = time.monotonic()
    while time.monotonic() - started < 4.5:
        assert get(busy, "").status_code == 303, "each request slides the idle expiry"
        time.sleep(1)
    time.sleep(max(0.0, 6.5 - (time.monotonic() - started)))
    assert get(busy, "").status_code == 200, "signed out after the absolute 6 s even though in use"


def test_sign_in_throttled_per_account_then_per_address(strict_stack, strict_org):
    address = unique_email()
    signed_up_user(strict_stack, strict_org.portal, "Target", address, PASSWORD)
    attacker = browser(strict_stack, strict_org.portal)
    for _ in range(3):
        assert sign_in(attacker, address, "wrong password!").status_code == 400
    blocked = sign_in(attacker, address, PASSWORD)
    assert blocked.status_code == 429, "even the right password waits once the account is throttled"
    assert "Too many failed sign-in attempts" in blocked.text and "Retry-After" in blocked.headers
    assert SESSION_COOKIE not in attacker.cookies.get_dict()

    # Other accounts from the same address: blocked once the address has 6 failures in the window.
    statuses = [sign_in(attacker, unique_email(), "wrong password!").status_code for _ in range(3)]
    assert statuses == [400, 400, 400]
    other = unique_email()
    signed_up_user_blocked = sign_in(browser(strict_stack, strict_org.portal), other, "whatever password")
    assert signed_up_user_blocked.status_code == 429, "per address: every account from here is refused"
    japanese = sign_in(browser(strict_stack, strict_org.portal, language="ja"), other, "x")
    assert japanese.status_code == 429 and "サインインの失敗が多すぎます" in japanese.text
    rows = strict_org.sql("SELECT scope, HEX(key_hash), failures FROM portal_signin_failures")
    assert rows and address not in str(rows) and "127.0.0.1" not in str(rows), "keys are hashed"


def test_nginx_limits_sign_in_posts_per_address(strict_stack, strict_org):
    session = browser(strict_stack, strict_org.portal)
    token = csrf_token(session, "signin")
    statuses = []
    for _ in range(30):
        response = post(session, "signin", {"email": unique_email(), "password": "x"}, csrf=token)
        statuses.append(response.status_code)
        if response.status_code == 429 and 'lang="ja"' in response.text and "<h2" in response.text:
            break
    assert statuses[-1] == 429 and "<h2 lang=\"ja\">" in response.text, statuses
    assert get(session, "signin").status_code == 200, "GETs of the sign-in page are not limited"

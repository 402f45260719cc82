"""The help center's defences, through nginx over TLS: markup typed by users (or sent by an agent) renders as
text and never runs in a browser; forms without or with a wrong CSRF token are refused (403) and write
nothing; another user's ticket, its actions and its attachments are 404; cookies are `__Host-`, HttpOnly,
Secure, SameSite=Lax, Path=/; sign-in failures are limited per account and per client address (429); the CSP
allows no inline script or style.

Plain HTTP clients here act like a browser with JavaScript off (cookies, forms with their hidden `_csrf`).
Each client connects from its own loopback address (127.x.y.z), so nginx's and deskd's per-address limits of
one test never touch another test."""

from __future__ import annotations

import html
import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from api_helpers import DATABASES, ApiOrg, make_org
from deskd_stack import DeskdStack
from browser_helpers import Browser, browser_factory  # noqa: F401  (fixtures)
from browser_pages import (PortalClient, fresh_address, org_row_counts, set_cookie_headers,
                           signed_up_client)
from portal_helpers import read_outbox_emails

PASSWORD = "correct-horse-battery-7"
SESSION_COOKIE = "__Host-deskd_session"
XSS_SUBJECT = '<script>window.__xssSubject=1</script><img src=x onerror="window.__xssSubjectImg=1">件名'
XSS_DESCRIPTION = '<script>window.__xssDescription=1</script>本文 "quoted" & more'
XSS_FIRST = '<script>window.__xssFirst=1</script>'
XSS_LAST = '"><script>window.__xssLast=1</script>'
XSS_COMMENT = '<script>window.__xssComment=1</script><b onmouseover="window.__xssBold=1">太字</b>'
XSS_REPLY_HTML = ('<p>Agent <b>bold</b></p><script>window.__xssReply=1</script>'
                  '<img src="x" onerror="window.__xssReplyImg=1"><a href="javascript:window.__xssLink=1">link</a>')
XSS_GLOBALS = ["__xssSubject", "__xssSubjectImg", "__xssDescription", "__xssFirst", "__xssLast", "__xssComment",
               "__xssBold", "__xssReply", "__xssReplyImg", "__xssLink"]


@pytest.fixture
def portal_org(stack, server_a) -> ApiOrg:
    return make_org(stack, server_a, "us")


def new_user(stack, org: ApiOrg, name: str = "Alex Doe") -> tuple[PortalClient, str]:
    """A verified, signed-in end user of the org's help center, and their email."""
    email = f"user.{uuid.uuid4().hex[:10]}@example.com"
    return signed_up_client(stack, org.portal, name, email, PASSWORD), email


def signed_in(client: PortalClient) -> bool:
    """Whether the client's session is signed in: the home page then sends it on to its tickets."""
    response = client.get("")
    return response.status_code in (302, 303) and response.headers.get("Location", "").endswith("/tickets")


def anonymous(stack, org: ApiOrg, language: str = "en") -> PortalClient:
    return PortalClient(stack, org.portal, source_address=fresh_address(), language=language)


def snapshot(org: ApiOrg) -> dict[str, int]:
    return org_row_counts(org.server, DATABASES[org.region], org.org_id)


def audit_count(org: ApiOrg) -> int:
    return int(org.sql(f"SELECT COUNT(*) FROM audit_log WHERE org_id = {int(org.org_id)}")[0][0])


def submit_ticket(client: PortalClient, subject: str, description: str = "Please help.", files=None) -> str:
    """Submits #ticket-form like a browser; returns the new ticket's id (from the 303 to its page)."""
    response = client.submit("tickets/new", "ticket-form", {"subject": subject, "description": description},
                             files=files)
    assert response.status_code == 303, f"{response.status_code} {response.text[:800]}"
    match = re.search(r"/tickets/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def ticket_attachment_links(client: PortalClient, ticket_id: str) -> list[str]:
    response = client.get(f"tickets/{ticket_id}")
    assert response.status_code == 200, response.text[:500]
    links = re.findall(r'<a\b[^>]*class="[^"]*\battachment\b[^"]*"[^>]*href="([^"]+)"', response.text)
    links += re.findall(r'<a\b[^>]*href="([^"]+)"[^>]*class="[^"]*\battachment\b', response.text)
    return sorted({re.sub(r"^https?://[^/]+", "", link.replace("&amp;", "&")) for link in links})


def assert_escaped(page: str, raw: str, where: str) -> None:
    """`raw` (markup) is in the page only as escaped text: absent as markup, present once unescaped."""
    assert raw not in page, f"{where}: unescaped markup in the page: {raw!r}"
    assert raw in html.unescape(page), f"{where}: {raw!r} is not shown as text"


# -- markup renders as text --------------------------------------------------------------------------------

def test_script_in_subject_name_comment_and_agent_reply_is_shown_as_text(browser_factory, portal_org, stack):
    org = portal_org
    client, email = new_user(stack, org, name=f"{XSS_FIRST} {XSS_LAST}")
    ticket_id = submit_ticket(client, XSS_SUBJECT, XSS_DESCRIPTION)
    commented = client.submit(f"tickets/{ticket_id}", "comment-form", {"content": XSS_COMMENT})
    assert commented.status_code == 303, commented.text[:500]
    replied = org.post(f"/tickets/{ticket_id}/sendReply",
                       json={"channel": "EMAIL", "content": XSS_REPLY_HTML, "contentType": "html"})
    assert replied.status_code == 200, replied.text
    assert org.get(f"/tickets/{ticket_id}").json()["subject"] == XSS_SUBJECT, "the subject was altered on the way in"

    listing = client.get("tickets").text
    assert_escaped(listing, XSS_SUBJECT, "tickets list")
    page = client.get(f"tickets/{ticket_id}").text
    for raw in (XSS_SUBJECT, XSS_DESCRIPTION, XSS_COMMENT):
        assert_escaped(page, raw, "ticket page")
    assert "<script>window.__xssReply" not in page and "onerror=\"window.__xssReplyImg" not in page
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page, re.I), "the agent's javascript: link is live"
    profile = client.get("profile").text
    for raw in (XSS_FIRST, XSS_LAST):
        assert_escaped(profile, raw, "My Info")

    # In a real browser nothing of it runs, and the user's text is visible as typed.
    browser = browser_factory()
    base = f"/portal/{org.portal}/"
    browser.get(base + "signin")
    browser.wait_for("#signin-form")
    browser.fill("#signin-form", {"email": email, "password": PASSWORD})
    browser.submit("#signin-form")
    for path, shot in (("tickets", "list"), (f"tickets/{ticket_id}", "ticket"), ("profile", "profile")):
        browser.get(base + path)
        browser.wait_for("main")
        browser.screenshot(f"xss-{shot}")
        assert not browser.alert_present(), f"{path}: an alert opened"
        ran = browser.driver.execute_script(
            "return arguments[0].filter(function (name) { return typeof window[name] !== 'undefined'; });",
            XSS_GLOBALS)
        assert ran == [], f"{path}: injected script ran: {ran}"
        for link in browser.find_all("a[href^='javascript:']"):
            pytest.fail(f"{path}: a javascript: link is on the page: {link.get_attribute('outerHTML')}")
    browser.get(base + f"tickets/{ticket_id}")
    browser.wait_for("#conversation")
    text = browser.text()
    assert "<script>window.__xssSubject=1</script>" in text, "the subject is not shown as typed"
    assert "<script>window.__xssComment=1</script>" in text, "the comment is not shown as typed"


# -- CSRF ------------------------------------------------------------------------------------------------------

def signed_in_forms(ticket_id: str) -> list[tuple[str, str, dict]]:
    """(page, form id, values) of every state-changing form a signed-in user has."""
    return [
        ("tickets/new", "ticket-form", {"subject": "csrf probe", "description": "should not exist"}),
        (f"tickets/{ticket_id}", "reply-form", {"content": "csrf probe reply"}),
        (f"tickets/{ticket_id}", "comment-form", {"content": "csrf probe comment"}),
        (f"tickets/{ticket_id}", "close-form", {}),
        ("profile", "profile-form", {"firstName": "Mallory", "lastName": "Probe"}),
        ("profile", "email-change-form", {"newEmail": "mallory@example.com"}),
        ("my-data", "erasure-form", {}),
        ("my-data", "export-form", {}),
        ("tickets", "language-form", {"language": "ja"}),
        ("tickets", "signout-form", {}),
    ]


def test_forms_without_or_with_a_wrong_csrf_token_are_refused_and_write_nothing(portal_org, stack):
    org = portal_org
    alice, _ = new_user(stack, org)
    bob, _ = new_user(stack, org)
    ticket_id = submit_ticket(alice, "CSRF target")
    contact_id = org.get(f"/tickets/{ticket_id}").json()["contactId"]
    bob_token = bob.csrf("tickets/new", "ticket-form")
    contact_before = org.get(f"/contacts/{contact_id}").json()
    ticket_before = org.get(f"/tickets/{ticket_id}").json()
    before, audit_before, outbox_before = snapshot(org), audit_count(org), len(read_outbox_emails(stack))

    for page, form_id, values in signed_in_forms(ticket_id):
        for label, token in (("without", None), ("wrong", "x" * 43), ("empty", ""), ("another session's", bob_token)):
            response = alice.submit(page, form_id, values, csrf=token)
            assert response.status_code == 403, f"#{form_id} {label} token: {response.status_code} {response.text[:300]}"
            assert "text/html" in response.headers.get("Content-Type", ""), response.headers
            assert "<main" in response.text, f"#{form_id}: the 403 is not a readable page"
            assert not [h for h in set_cookie_headers(response) if h.startswith(SESSION_COOKIE + "=")], \
                f"#{form_id}: a refused form touched the session cookie"

    assert snapshot(org) == before, "a refused form wrote rows"
    assert audit_count(org) == audit_before, "a refused form left audit entries"
    assert org.get(f"/contacts/{contact_id}").json() == contact_before, "a refused form changed the contact"
    after = org.get(f"/tickets/{ticket_id}").json()
    assert (after["status"], after["modifiedTime"]) == (ticket_before["status"], ticket_before["modifiedTime"])
    assert signed_in(alice), "a refused sign-out still ended the session"
    assert len(read_outbox_emails(stack)) == outbox_before
    # The same forms with the right token work (the refusals above were about the token alone).
    assert alice.submit(f"tickets/{ticket_id}", "comment-form", {"content": "with the token"}).status_code == 303


def test_signed_out_forms_without_or_with_a_wrong_csrf_token_are_refused(portal_org, stack):
    org = portal_org
    existing, existing_email = new_user(stack, org)
    before, outbox_before = snapshot(org), len(read_outbox_emails(stack))
    forms = [
        ("signup", "signup-form", {"name": "Eve", "email": f"eve.{uuid.uuid4().hex[:8]}@example.com",
                                   "password": PASSWORD}),
        ("signin", "signin-form", {"email": existing_email, "password": PASSWORD}),
        ("password/forgot", "forgot-form", {"email": existing_email}),
        ("signin", "language-form", {"language": "ja"}),
    ]
    other = anonymous(stack, org)
    other_token = other.csrf("signup", "signup-form")
    for page, form_id, values in forms:
        for label, token in (("without", None), ("wrong", "y" * 43), ("another browser's", other_token)):
            client = anonymous(stack, org)
            response = client.submit(page, form_id, values, csrf=token)
            assert response.status_code == 403, f"{page} #{form_id} {label} token: {response.status_code}"
            assert not any(c.startswith(SESSION_COOKIE + "=") and "Max-Age=0" not in c for c in set_cookie_headers(response)), \
                f"{page}: a refused sign-in set a session cookie"
    assert snapshot(org) == before, "a refused signed-out form wrote rows"
    assert len(read_outbox_emails(stack)) == outbox_before, "a refused form queued an email"
    assert signed_in(existing)


# -- other people's tickets ---------------------------------------------------------------------------------

def test_another_users_ticket_actions_and_attachments_are_404(portal_org, stack):
    org = portal_org
    alice, _ = new_user(stack, org)
    bob, _ = new_user(stack, org)
    secret = "Alice's private matter 秘密"
    files = [("attachments", ("alice-invoice.txt", b"alice's invoice bytes", "text/plain"))]
    ticket_id = submit_ticket(alice, secret, files=files)
    commented = alice.submit(f"tickets/{ticket_id}", "comment-form", {"content": "alice comment"},
                             files=[("attachments", ("alice-note.txt", b"alice note bytes", "text/plain"))])
    assert commented.status_code == 303, commented.text[:500]
    links = ticket_attachment_links(alice, ticket_id)
    assert len(links) == 2, f"alice should see her two attachments: {links}"
    for link in links:
        own = alice.get(link)
        assert own.status_code == 200 and own.content in (b"alice's invoice bytes", b"alice note bytes"), own.status_code
        assert own.headers.get("X-Content-Type-Options") == "nosniff"
        assert own.headers.get("Content-Disposition", "").startswith("attachment"), own.headers

    bob_ticket = submit_ticket(bob, "Bob's own ticket")
    bob_token = bob.csrf("tickets/new", "ticket-form")
    not_found = bob.get("tickets/999999999999")
    assert not_found.status_code == 404
    before, audit_before = snapshot(org), audit_count(org)

    page = bob.get(f"tickets/{ticket_id}")
    assert page.status_code == 404 and secret not in page.text, page.status_code
    assert "<main" in page.text, "the 404 is not a readable page"
    assert secret not in bob.get("tickets").text, "alice's ticket is in bob's list"
    for link in links:
        response = bob.get(link)
        assert response.status_code == 404, f"{link}: {response.status_code}"
        assert b"alice" not in response.content
        # Alice's attachment id under Bob's own ticket is not found either.
        moved = re.sub(r"/tickets/\d+/", f"/tickets/{bob_ticket}/", link)
        assert bob.get(moved).status_code == 404, moved
    for action, values in (("replies", {"content": "bob was here"}), ("comments", {"content": "bob was here"}),
                           ("close", {})):
        data = dict(values, _csrf=bob_token)
        response = bob.post(f"tickets/{ticket_id}/{action}", data=data,
                            files=[("attachments", ("", b"", "application/octet-stream"))])
        assert response.status_code == 404, f"POST {action} on alice's ticket: {response.status_code}"
    assert snapshot(org) == before, "bob's requests on alice's ticket wrote rows"
    assert audit_count(org) == audit_before
    assert org.get(f"/tickets/{ticket_id}").json()["status"] != "Closed"

    # Signed out, the attachment is not served either (a sign-in page or a 404, never the bytes).
    stranger = anonymous(stack, org)
    for link in links:
        response = stranger.get(link)
        assert response.status_code in (303, 302, 404), response.status_code
        assert b"alice" not in response.content


def test_private_agent_comments_and_their_attachments_stay_hidden(portal_org, stack):
    org = portal_org
    alice, _ = new_user(stack, org)
    ticket_id = submit_ticket(alice, "Private comment check")
    upload = org.call("POST", "/uploads", files={"file": ("internal.txt", b"internal notes only", "text/plain")})
    assert upload.status_code == 200, upload.text
    private = org.post(f"/tickets/{ticket_id}/comments",
                       json={"content": "INTERNAL: customer is difficult", "isPublic": False,
                             "attachmentIds": [upload.json()["id"]]})
    assert private.status_code == 200, private.text
    page = alice.get(f"tickets/{ticket_id}").text
    assert "INTERNAL: customer is difficult" not in page and "internal.txt" not in page
    attachment_id = upload.json()["id"]
    response = alice.get(f"tickets/{ticket_id}/attachments/{attachment_id}")
    assert response.status_code == 404 and b"internal notes" not in response.content, response.status_code


# -- cookies ---------------------------------------------------------------------------------------------------

def assert_cookie_flags(header: str) -> None:
    name = header.split("=", 1)[0]
    attrs = [part.strip().lower() for part in header.split(";")[1:]]
    assert name.startswith("__Host-"), header
    assert "secure" in attrs and "httponly" in attrs and "samesite=lax" in attrs and "path=/" in attrs, header
    assert not any(a.startswith("domain=") for a in attrs), header


def test_cookies_are_host_only_httponly_secure_lax(portal_org, stack, browser_factory):
    org = portal_org
    email = f"cookie.{uuid.uuid4().hex[:8]}@example.com"
    signed_up_client(stack, org.portal, "Cookie Monster", email, PASSWORD)
    client = anonymous(stack, org)
    first = client.get("signin")
    headers = set_cookie_headers(first)
    assert headers, "the sign-in page set no pre-session cookie for its CSRF token"
    signin = client.submit("signin", "signin-form", {"email": email, "password": PASSWORD})
    assert signin.status_code == 303, signin.text[:500]
    session_headers = [h for h in set_cookie_headers(signin) if h.startswith(SESSION_COOKIE + "=")]
    assert session_headers, set_cookie_headers(signin)
    switched = client.submit("password/forgot", "language-form", {"language": "ja"})
    assert switched.status_code == 303, switched.status_code
    all_headers = headers + set_cookie_headers(signin) + set_cookie_headers(switched)
    for header in all_headers:
        assert_cookie_flags(header)

    # Only a hash of the session token is stored.
    token = next(h.split(";")[0].split("=", 1)[1] for h in session_headers if "Max-Age=0" not in h)
    stored = org.sql(f"SELECT HEX(token_hash) FROM portal_sessions WHERE org_id = {int(org.org_id)}")
    assert stored and all(token.encode().hex().upper() not in row[0] for row in stored)

    # Sign-out deletes the cookie (same flags) and the old token no longer works anywhere.
    cookie_name = session_headers[0].split("=", 1)[0]
    replay = anonymous(stack, org)
    replay.session.cookies.set(cookie_name, token, domain=client.host, path="/", secure=True)
    assert signed_in(replay), "the copied session cookie does not sign in (the replay check below would prove nothing)"
    out = client.submit("password/forgot", "signout-form", {})
    assert out.status_code == 303
    deletions = [h for h in set_cookie_headers(out) if h.startswith(SESSION_COOKIE + "=")]
    assert deletions and all("max-age=0" in h.lower() or "expires=" in h.lower() for h in deletions), deletions
    for header in deletions:
        assert_cookie_flags(header)
    assert not signed_in(replay), "a signed-out session token still works"

    # The browser sees the same flags.
    browser = browser_factory()
    browser.get(f"/portal/{org.portal}/signin")
    browser.wait_for("#signin-form")
    browser.fill("#signin-form", {"email": email, "password": PASSWORD})
    browser.submit("#signin-form")
    cookies = browser.cookies()
    assert any(c["name"] == SESSION_COOKIE for c in cookies), cookies
    for cookie in cookies:
        assert cookie["name"].startswith("__Host-") and cookie["secure"] and cookie["httpOnly"], cookie
        assert cookie.get("sameSite") == "Lax" and cookie["path"] == "/", cookie
        assert not cookie.get("domain", "").startswith("."), cookie
    assert browser.driver.execute_script("return document.cookie") == "", "a cookie is readable from JavaScript"


# -- sign-in limits -----------------------------------------------------------------------------------------

def sign_in(client: PortalClient, email: str, password: str):
    return client.submit("signin", "signin-form", {"email": email, "password": password})


def test_signin_failures_are_limited_per_account(portal_org, stack):
    org = portal_org
    _, email = new_user(stack, org)
    attacker = anonymous(stack, org)
    statuses = [sign_in(attacker, email, f"wrong password {i}").status_code for i in range(5)]
    assert all(s in (200, 400, 401, 422) for s in statuses), f"before the limit: {statuses}"
    sessions = snapshot(org).get("portal_sessions")
    # Now even the right password, from another address, is refused for this account.
    owner = anonymous(stack, org)
    blocked = sign_in(owner, email, PASSWORD)
    assert blocked.status_code == 429, f"after 5 failures: {blocked.status_code}"
    assert "<main" in blocked.text and PASSWORD not in blocked.text
    assert not [h for h in set_cookie_headers(blocked) if h.startswith(SESSION_COOKIE + "=") and "Max-Age=0" not in h]
    assert snapshot(org).get("portal_sessions") == sessions, "a refused sign-in made a session"
    # Another account is not affected.
    _, other_email = new_user(stack, org)
    assert sign_in(anonymous(stack, org), other_email, PASSWORD).status_code == 303


@pytest.fixture(scope="module")
def strict_stack(regions):
    """A second deskd + nginx whose own per-address sign-in limit (3) sits below nginx's burst (10), so the
    429 seen is deskd's."""
    private = DeskdStack("signin-limits", regions,
                         extra="\n[portal]\nsignin_address_failures = 3\nsignin_account_failures = 50\n")
    try:
        private.start()
        yield private
    finally:
        private.stop()


def test_deskd_limits_signin_failures_per_client_address(strict_stack, server_a):
    org = make_org(strict_stack, server_a, "us")
    _, email = new_user(strict_stack, org)
    attacker = anonymous(strict_stack, org)
    token = attacker.csrf("signin", "signin-form")
    statuses = []
    for attempt in range(4):
        # A different unknown account each time: only the address adds up.
        response = attacker.post("signin", data={"_csrf": token, "email": f"nobody.{attempt}.{uuid.uuid4().hex[:6]}@example.com",
                                                 "password": "guess guess guess"})
        statuses.append(response.status_code)
    assert 429 not in statuses[:3], f"refused before the limit: {statuses}"
    assert statuses[3] == 429, f"no 429 after 3 failures from one address: {statuses}"
    assert 'class="site"' in response.text and "Too many attempts / " not in response.text, \
        "that 429 is nginx's page, not deskd's"
    # The limit is the address's: the real owner is refused from there, and gets in from elsewhere.
    assert sign_in(attacker, email, PASSWORD).status_code == 429
    assert sign_in(anonymous(strict_stack, org), email, PASSWORD).status_code == 303


def test_nginx_limits_signin_posts_per_client_address(portal_org, stack):
    org = portal_org
    address = fresh_address()
    clients = [PortalClient(stack, org.portal, source_address=address) for _ in range(30)]
    tokens = [client.csrf("signin", "signin-form") for client in clients]  # GETs are not limited
    barrier = threading.Barrier(len(clients))

    def attempt(index: int):
        barrier.wait(timeout=30)
        return clients[index].post("signin", data={"_csrf": tokens[index], "email": f"x{index}@example.com",
                                                   "password": "guess guess"})

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        responses = list(pool.map(attempt, range(len(clients))))
    statuses = [r.status_code for r in responses]
    limited = [r for r in responses if r.status_code == 429]
    # 30 POSTs at once from one address: nginx lets a burst of 10 (plus what its rate refills) through.
    assert 10 <= len(limited) <= 20, f"nginx did not limit the burst: {sorted(statuses)}"
    assert all("Too many attempts" in r.text for r in limited), "the 429 is not the readable page"
    # The sign-in page itself (a GET) is not limited, and other addresses are not affected.
    assert clients[0].get("signin").status_code == 200
    assert anonymous(stack, org).get("signin").status_code == 200


# -- redirects ------------------------------------------------------------------------------------------------

def test_return_paths_never_lead_out_of_the_help_center(portal_org, stack):
    org = portal_org
    _, email = new_user(stack, org)
    base = f"/portal/{org.portal}/"
    targets = ["https://evil.example/", "//evil.example/x", "/\\evil.example/", "/portal/other-portal/tickets",
               "javascript:alert(1)", f"{base}..//evil.example", f"{base}tickets\r\nSet-Cookie: x=1"]
    for target in targets:
        client = anonymous(stack, org)
        response = client.submit("signin", "signin-form", {"email": email, "password": PASSWORD, "return": target})
        assert response.status_code == 303, f"sign-in with return {target!r}: {response.status_code}"
        location = response.headers["Location"]
        assert location.startswith(base) and "//" not in location and "evil" not in location, (target, location)
        switched = client.submit("password/forgot", "language-form", {"language": "ja", "return": target})
        assert switched.status_code == 303, switched.status_code
        location = switched.headers["Location"]
        assert location.startswith(base) and "//" not in location and "evil" not in location, (target, location)
    # A return path inside the help center is honoured.
    client = anonymous(stack, org)
    response = client.submit("signin", "signin-form", {"email": email, "password": PASSWORD, "return": f"{base}profile"})
    assert response.headers["Location"] == f"{base}profile"


# -- CSP --------------------------------------------------------------------------------------------------------

def csp_directives(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [w.lower() for w in words[1:]]
    return directives


def test_csp_forbids_inline_script_and_style_on_every_page(portal_org, stack):
    org = portal_org
    alice, _ = new_user(stack, org)
    ticket_id = submit_ticket(alice, "CSP check")
    visitor = anonymous(stack, org)
    responses = [visitor.get(p) for p in ("", "signin", "signup", "password/forgot", "no-such-page")]
    responses += [alice.get(p) for p in ("tickets", "tickets/new", f"tickets/{ticket_id}", "profile", "my-data")]
    responses.append(alice.submit("tickets/new", "ticket-form", {"subject": "x"}, csrf=None))  # the 403 page
    for response in responses:
        where = f"{response.request.method} {response.url} ({response.status_code})"
        header = response.headers.get("Content-Security-Policy")
        assert header, f"{where}: no Content-Security-Policy"
        directives = csp_directives(header)
        for kind in ("script-src", "style-src"):
            sources = directives.get(kind, directives.get("default-src"))
            assert sources, f"{where}: CSP sets neither {kind} nor default-src: {header}"
            assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(sources), \
                f"{where}: {kind} allows inline or foreign code: {sources}"
        assert directives.get("object-src") == ["'none'"], header
        assert directives.get("frame-ancestors") in (["'none'"], ["'self'"]), header
        html = response.text
        inline_scripts = [s for s in re.findall(r"<script\b([^>]*)>", html, re.I) if "src=" not in s.lower()]
        assert not inline_scripts, f"{where}: inline <script> in the page"
        assert not re.search(r"<style\b", html, re.I), f"{where}: inline <style> in the page"
        assert not re.search(r"\sstyle\s*=", html, re.I), f"{where}: a style attribute in the page"
        assert not re.search(r"\son[a-z]+\s*=", html, re.I), f"{where}: an inline event handler in the page"

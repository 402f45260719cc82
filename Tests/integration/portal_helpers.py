"""Helpers for the help-center tests: a browser-like requests.Session bound to one portal through nginx over
TLS, CSRF tokens from pages, the emails deskd sent (the [mail] file sink), and a signed-up, verified,
signed-in end user.

Every deskd stack of a test run writes its emails into <DESKD_TEST_RUN>/<stack>/mail/*.eml. The delivery
loops of all running stacks share the region databases, so an email queued through one stack may be sent
by another: read_outbox_emails reads every stack's sink folder and filters by recipient.
"""

from __future__ import annotations

import base64
import email
import email.policy
import html
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from deskd_stack import DeskdStack, require_env

HOSTS = {"us": "us.desk.localhost", "eu": "eu.desk.localhost"}
CSRF_RE = re.compile(r'name="_csrf" value="([^"]*)"')
LINK_RE = re.compile(r"https://[^\s]+")


def browser(stack: DeskdStack, portal: str, host: str = HOSTS["us"], language: str | None = None) -> requests.Session:
    """A fresh cookie jar bound to one portal: relative paths (`portal_url`) go to /portal/{portal}/ through
    nginx with the region Host header. `language` sets Accept-Language."""
    session = requests.Session()
    session.trust_env = False
    session.verify = str(stack.cert)
    session.headers["Host"] = host
    if language:
        session.headers["Accept-Language"] = language
    session.portal_base = stack.url(f"/portal/{portal}/")  # type: ignore[attr-defined]
    session.portal_path = f"/portal/{portal}/"  # type: ignore[attr-defined]
    return session


def portal_url(session: requests.Session, path: str = "") -> str:
    """The URL of a help-center page of the session's portal (path relative to /portal/{portal}/)."""
    return session.portal_base + path.lstrip("/")  # type: ignore[attr-defined]


def get(session: requests.Session, path: str = "", **kwargs) -> requests.Response:
    kwargs.setdefault("allow_redirects", False)
    return session.get(portal_url(session, path), timeout=30, **kwargs)


def csrf_of(page: str) -> str:
    """The CSRF token of the first form of a page."""
    match = CSRF_RE.search(page)
    assert match, "no _csrf field in the page"
    return html.unescape(match.group(1))


def csrf_token(session: requests.Session, path: str = "password/forgot") -> str:
    """The session's current CSRF token, read from a page (the forgot-password page by default: it has a form whether signed in or not)."""
    response = session.get(portal_url(session, path), timeout=30)
    return csrf_of(response.text)


def post(session: requests.Session, path: str, data: dict | None = None, *, files=None, csrf: str | None = None,
         **kwargs) -> requests.Response:
    """POSTs a form with the session's CSRF token (read from a page first unless `csrf` is given; pass
    csrf="" to send none). Redirects are not followed."""
    fields = dict(data or {})
    if csrf is None:
        csrf = csrf_token(session)
    if csrf != "" and "_csrf" not in fields:
        fields["_csrf"] = csrf
    kwargs.setdefault("allow_redirects", False)
    return session.post(portal_url(session, path), data=fields, files=files, timeout=60, **kwargs)


@dataclass
class SentEmail:
    """One email from the file sink."""

    path: Path
    to: str
    subject: str
    body: str

    @property
    def links(self) -> list[str]:
        return LINK_RE.findall(self.body)

    def link_containing(self, text: str) -> str:
        found = [link for link in self.links if text in link]
        assert found, f"no link with {text!r} in the email {self.subject!r}"
        return found[0]


def _parse(path: Path) -> SentEmail:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return SentEmail(path=path, to=str(message["To"]), subject=str(message["Subject"]),
                     body=message.get_content())


def read_outbox_emails(stack: DeskdStack | None = None, to: str | None = None) -> list[SentEmail]:
    """Every email delivered so far into the file sinks of this test run, oldest first; `to` filters by
    recipient (case-insensitive)."""
    root = Path(require_env("DESKD_TEST_RUN"))
    paths = sorted(root.glob("*/mail/*.eml"), key=lambda p: p.stat().st_mtime_ns)
    emails = [_parse(p) for p in paths]
    if to is not None:
        emails = [e for e in emails if e.to.lower() == to.lower()]
    return emails


def wait_for_email(stack: DeskdStack | None, to: str, subject_contains: str = "", count: int = 1,
                   timeout: float = 20) -> SentEmail:
    """Waits (bounded) until `count` emails to `to` whose subject contains the text were delivered; returns
    the newest."""
    deadline = time.monotonic() + timeout
    while True:
        found = [e for e in read_outbox_emails(stack, to) if subject_contains in e.subject]
        if len(found) >= count:
            return found[-1]
        if time.monotonic() > deadline:
            pytest.fail(f"no email ({count}) with {subject_contains!r} delivered within {timeout}s "
                        f"(stack log: {stack.log_tail(10) if stack else ''})", pytrace=False)
        time.sleep(0.1)


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


def sign_up(session: requests.Session, name: str, email_address: str, password: str) -> requests.Response:
    response = post(session, "signup", {"name": name, "email": email_address, "password": password},
                    csrf=csrf_token(session))
    assert response.status_code == 303, response.text
    return response


def verify_from_email(session: requests.Session, stack: DeskdStack, email_address: str) -> None:
    message = wait_for_email(stack, email_address, "")
    link = message.link_containing("/verify?token=")
    token = link.split("token=", 1)[1]
    response = get(session, f"verify?token={token}")
    assert response.status_code == 200, response.text


def sign_in(session: requests.Session, email_address: str, password: str, return_path: str = "") -> requests.Response:
    data = {"email": email_address, "password": password}
    if return_path:
        data["return"] = return_path
    return post(session, "signin", data, csrf=csrf_token(session))


def signed_up_user(stack: DeskdStack, portal: str, name: str, email_address: str, password: str,
                   host: str = HOSTS["us"], language: str | None = None) -> requests.Session:
    """Signs up through the help center, verifies the email from the sink, signs in; returns the session
    (cookies of the signed-in user; relative paths via portal_url/get/post)."""
    session = browser(stack, portal, host, language)
    sign_up(session, name, email_address, password)
    verify_from_email(session, stack, email_address)
    response = sign_in(session, email_address, password)
    assert response.status_code == 303, f"sign-in failed: {response.status_code} {response.text[:500]}"
    assert "__Host-deskd_session" in session.cookies.get_dict(), "no session cookie after sign-in"
    return session

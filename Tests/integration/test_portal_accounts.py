"""Help-center accounts through nginx over TLS: sign-up, email verification, sign-in, sign-out, password
reset, sessions and their cookies, CSRF, CSP, languages and escaping."""

from __future__ import annotations

import re

import pytest

from api_helpers import make_org
from portal_helpers import (browser, csrf_token, get, post, read_outbox_emails, sign_in, sign_up,
                            signed_up_user, unique_email, wait_for_email)

PASSWORD = "correct horse battery"


@pytest.fixture
def org(stack, server_a):
    return make_org(stack, server_a, "us")


def test_sign_up_verify_sign_in_sign_out(stack, org):
    address = unique_email()
    session = browser(stack, org.portal)
    page = get(session, "signup")
    assert page.status_code == 200
    assert 'id="signup-form"' in page.text and '<html lang="en">' in page.text
    sign_up(session, "Aiko Tanaka", address, PASSWORD)

    message = wait_for_email(stack, address)
    assert org.portal in message.body or "verify?token=" in message.body
    link = message.link_containing("/verify?token=")
    assert link.startswith(f"https://us.desk.localhost/portal/{org.portal}/verify?token=")

    # Not verified yet: sign-in is refused.
    refused = sign_in(session, address, PASSWORD)
    assert refused.status_code == 400 and "confirm your email" in refused.text

    verified = get(session, "verify?token=" + link.split("token=", 1)[1])
    assert verified.status_code == 200, verified.text
    again = get(session, "verify?token=" + link.split("token=", 1)[1])
    assert again.status_code == 400, "a verification link works once"

    signed_in = sign_in(session, address, PASSWORD)
    assert signed_in.status_code == 303
    assert signed_in.headers["Location"] == f"/portal/{org.portal}/tickets"
    home = get(session, "")
    assert home.status_code == 303 and home.headers["Location"].endswith("/tickets")

    signed_out = post(session, "signout", {}, csrf=csrf_token(session))
    assert signed_out.status_code == 303
    assert get(session, "").status_code == 200, "signed out: the welcome page again"

    # The contact and the portal user exist once, audited.
    contacts = org.sql(f"SELECT id, last_name FROM contacts WHERE org_id = {org.org_id} AND email = '{address}'")
    assert len(contacts) == 1 and contacts[0][1] == "Aiko Tanaka"
    entries = org.audit("?recordType=portaluser")
    assert [e["action"] for e in entries] == ["update", "create"]
    assert all(e["actorType"] == "system" for e in entries)


def test_signed_up_user_helper(stack, org):
    session = signed_up_user(stack, org.portal, "Ken", unique_email(), PASSWORD)
    page = get(session, "signup", allow_redirects=False)
    assert page.status_code == 303

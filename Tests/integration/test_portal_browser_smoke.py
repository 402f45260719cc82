"""The browser harness itself: headless Chromium reaches the test stack through nginx over TLS, trusting
the stack's certificate (no interstitial, no ignored errors), with the region host name resolved locally."""

from __future__ import annotations

import json

from browser_helpers import browser, browser_factory  # noqa: F401  (fixtures)


def test_browser_loads_livez_over_trusted_tls(browser):
    browser.get("/livez")
    body = browser.wait_for("body").text
    # An untrusted certificate would show Chromium's interstitial instead of deskd's JSON.
    payload = json.loads(body)
    assert payload["status"] == "ok", body
    assert browser.driver.current_url.startswith(f"https://us.desk.localhost:{browser.stack.https_port}/livez")
    secure = browser.driver.execute_script("return window.isSecureContext && location.protocol")
    assert secure == "https:", secure
    shot = browser.screenshot("livez")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_browser_refuses_a_name_the_certificate_does_not_cover(browser):
    # a.b.desk.localhost resolves to the same nginx, but the certificate's *.desk.localhost covers only one
    # label: Chromium must stop with a certificate error — trust is real, errors are not ignored.
    browser.get("/livez", host="deep.us.desk.localhost")
    source = browser.driver.page_source
    assert '"status"' not in source, source[:500]
    assert "ERR_CERT" in source or "not private" in source.lower(), source[:1000]

"""nginx in front of deskd: HTTP → HTTPS, TLS versions, security headers, /healthz access."""

from __future__ import annotations

import http.client
import json
import socket
import ssl

import pytest
import requests

from deskd_stack import wait_until


def tls_context(version: ssl.TLSVersion, ciphers: str | None = None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = version
    context.maximum_version = version
    if ciphers:
        context.set_ciphers(ciphers)
    return context


def handshake(port: int, context: ssl.SSLContext) -> ssl.SSLSocket:
    raw = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        return context.wrap_socket(raw, server_hostname="us.desk.localhost")
    except BaseException:
        raw.close()
        raise


def get_over(tls: ssl.SSLSocket, path: str) -> bytes:
    tls.sendall(f"GET {path} HTTP/1.1\r\nHost: us.desk.localhost\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while chunk := tls.recv(65536):
        data += chunk
    return data


def test_http_redirects_to_https(stack):
    response = requests.get(stack.url("/livez?x=1", scheme="http"), headers={"Host": "us.desk.localhost"},
                            allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"] == f"https://us.desk.localhost:{stack.https_port}/livez?x=1"


@pytest.mark.parametrize("version,name", [(ssl.TLSVersion.TLSv1_2, "TLSv1.2"), (ssl.TLSVersion.TLSv1_3, "TLSv1.3")])
def test_tls_12_and_13_accepted(stack, version, name):
    with handshake(stack.https_port, tls_context(version)) as tls:
        assert tls.version() == name
        reply = get_over(tls, "/livez")
    assert reply.startswith(b"HTTP/1.1 200"), reply[:200]


@pytest.mark.parametrize("version", [ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1])
def test_old_tls_refused(stack, version):
    # SECLEVEL=0 lets this client offer TLS 1.0/1.1 at all: the refusal must come from nginx.
    context = tls_context(version, "ALL:@SECLEVEL=0")
    with pytest.raises(ssl.SSLError) as refused:
        handshake(stack.https_port, context).close()
    message = str(refused.value).lower()
    assert "no protocols available" not in message, f"the client could not offer {version}: {message}"
    assert "alert" in message, f"expected nginx's protocol-version alert, got: {message}"


def test_weak_tls12_cipher_refused(stack):
    context = tls_context(ssl.TLSVersion.TLSv1_2, "AES128-SHA:@SECLEVEL=0")
    with pytest.raises(ssl.SSLError) as refused:
        handshake(stack.https_port, context).close()
    assert "alert" in str(refused.value).lower(), str(refused.value)


def test_security_headers(stack):
    for host, path in (("us.desk.localhost", "/livez"), ("us.desk.localhost", "/no/such/page"),
                       ("nowhere.example.com", "/livez")):
        response = stack.get(path, host=host)
        headers = response.headers
        assert headers.get("Strict-Transport-Security") == "max-age=63072000; includeSubDomains", path
        assert headers.get("X-Content-Type-Options") == "nosniff"
        assert headers.get("X-Frame-Options") == "DENY"
        assert headers.get("Referrer-Policy") in ("same-origin", "strict-origin-when-cross-origin")
        assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", "")
        assert headers.get("Server") == "nginx", "server_tokens off: no version"


def test_healthz_from_loopback(stack):
    response = stack.get("/healthz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ok", "regions": {"us": "ok", "eu": "ok"}}


def test_healthz_denied_from_other_addresses(stack):
    # 127.0.0.2 is loopback too, but not on nginx's allow list.
    context = ssl.create_default_context(cafile=str(stack.cert))
    connection = http.client.HTTPSConnection("127.0.0.1", stack.https_port, context=context, timeout=10,
                                             source_address=("127.0.0.2", 0))
    try:
        connection.request("GET", "/healthz", headers={"Host": "us.desk.localhost"})
        denied = connection.getresponse()
        denied.read()
        assert denied.status == 403
        connection.request("GET", "/livez", headers={"Host": "us.desk.localhost"})
        response = connection.getresponse()
        assert response.status == 200
        assert json.loads(response.read())["status"] == "ok"
    finally:
        connection.close()


def test_access_log_keeps_no_query_string(stack):
    """Query strings can carry personal data and OAuth secrets: nginx's access log leaves them out."""
    marker = "secret-marker-3f9c2"
    response = stack.get(f"/livez?client_secret={marker}&email=someone%40example.com",
                         headers={"X-Request-Id": "access-log-check"})
    assert response.status_code == 200
    log = stack.nginx_prefix / "access.log"
    assert wait_until(lambda: "rid=access-log-check" in log.read_text(errors="replace"), 5), \
        "the request never reached nginx's access log"
    text = log.read_text(errors="replace")
    assert marker not in text and "someone" not in text
    line = next(line for line in text.splitlines() if "rid=access-log-check" in line)
    assert '"GET /livez HTTP/' in line

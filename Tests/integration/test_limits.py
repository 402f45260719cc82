"""Body limits, unknown hosts."""

from __future__ import annotations

import json

MAX_BODY = 1048576  # the stack's [server] max_body_bytes


def assert_still_serving(stack, count: int = 20) -> None:
    # More requests than nginx keeps connections, so every kept FastCGI connection is used again.
    for i in range(count):
        response = stack.get("/livez", headers={"X-Request-Id": f"after-413-{i}"})
        assert response.status_code == 200
        assert response.json()["requestId"] == f"after-413-{i}"


def test_body_over_deskd_limit_is_413_json(stack):
    body = b'{"x":"' + b"a" * (MAX_BODY + 1024) + b'"}'
    response = stack.request("POST", "/api/v1/tickets", data=body,
                             headers={"Content-Type": "application/json"})
    assert response.status_code == 413, response.text[:300]
    assert response.headers.get("Content-Type", "").startswith("application/json")
    assert response.json().get("errorCode")
    assert_still_serving(stack)


def test_body_over_limit_on_livez_is_413(stack):
    response = stack.request("POST", "/livez", data=b"z" * (2 * MAX_BODY),
                             headers={"Content-Type": "application/octet-stream"})
    assert response.status_code == 413
    assert_still_serving(stack)


def test_body_over_nginx_limit_is_413_json(stack):
    # Above nginx's client_max_body_size (26m): nginx answers itself, with JSON under /api/.
    body = b"a" * (27 * 1024 * 1024)
    response = stack.request("POST", "/api/v1/tickets", data=body,
                             headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert json.loads(response.text)["errorCode"] == "PAYLOAD_TOO_LARGE"
    assert_still_serving(stack)


def test_unknown_host_is_421_json(stack):
    for path in ("/livez", "/api/v1/tickets", "/portal/acme/"):
        response = stack.get(path, host="nowhere.example.com")
        assert response.status_code == 421, f"{path}: {response.status_code}"
        assert response.headers.get("Content-Type", "").startswith("application/json")
        assert response.json()["errorCode"] == "MISDIRECTED_REQUEST"

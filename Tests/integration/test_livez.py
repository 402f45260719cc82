"""GET /livez through nginx: every request gets its own X-Request-Id back, sequentially and concurrently."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor


def check_livez(stack, token: str) -> None:
    response = stack.get("/livez", headers={"X-Request-Id": token})
    assert response.status_code == 200, f"{token}: {response.status_code} {response.text[:200]}"
    assert response.headers.get("X-Request-Id") == token
    body = response.json()
    assert body["status"] == "ok"
    assert body["requestId"] == token


def test_livez_sequential_1000(stack):
    for i in range(1000):
        check_livez(stack, f"seq-{i}-{uuid.uuid4().hex}")


def test_livez_concurrent_500(stack):
    tokens = [f"par-{i}-{uuid.uuid4().hex}" for i in range(500)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(lambda token: check_livez(stack, token), tokens))


def test_request_id_generated_when_absent(stack):
    response = stack.get("/livez")
    assert response.status_code == 200
    generated = response.headers.get("X-Request-Id")
    assert generated, "no X-Request-Id on the response"
    assert response.json()["requestId"] == generated


def test_invalid_request_id_replaced(stack):
    response = stack.get("/livez", headers={"X-Request-Id": "bad id with spaces!"})
    assert response.status_code == 200
    assert response.headers.get("X-Request-Id") not in (None, "", "bad id with spaces!")
    assert response.json()["requestId"] == response.headers["X-Request-Id"]

"""SIGTERM while requests are in flight: deskd finishes every one of them, then exits 0."""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from deskd_stack import DeskdStack

IN_FLIGHT = 8
SLEEP_MS = 1500
DRAIN_SECONDS = 10


@pytest.fixture
def private_stack(regions):
    """A deskd + nginx of its own: this test ends its deskd."""
    own = DeskdStack("sigterm", regions, drain_timeout_seconds=DRAIN_SECONDS)
    try:
        own.start()
        yield own
    finally:
        own.stop()


def test_sigterm_drains_in_flight_requests(private_stack):
    stack = private_stack
    assert stack.get("/livez").status_code == 200
    started = threading.Barrier(IN_FLIGHT + 1)

    def slow_request(token: str):
        started.wait(timeout=10)
        return stack.get(f"/_diag/sleep?ms={SLEEP_MS}", headers={"X-Request-Id": token}, timeout=30)

    tokens = [f"drain-{i}-{uuid.uuid4().hex}" for i in range(IN_FLIGHT)]
    with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
        futures = [pool.submit(slow_request, token) for token in tokens]
        started.wait(timeout=10)
        time.sleep(0.3)  # the requests are now sleeping inside deskd (1.5 s each)
        signalled = time.monotonic()
        stack.process.terminate()
        responses = [future.result(timeout=30) for future in futures]

    for token, response in zip(tokens, responses):
        assert response.status_code == 200, f"{token}: {response.status_code} {response.text[:200]}"
        assert response.json() == {"slept": SLEEP_MS, "requestId": token}
        assert response.headers.get("X-Request-Id") == token

    try:
        status = stack.process.wait(timeout=DRAIN_SECONDS + 5 - (time.monotonic() - signalled))
    except Exception:
        pytest.fail(f"deskd did not exit within {DRAIN_SECONDS + 5}s of SIGTERM:\n{stack.log_tail()}")
    assert status == 0, f"deskd exited with {status}:\n{stack.log_tail()}"

"""A region's database server dies and comes back: deskd reports it, keeps serving the other region,
and recovers by itself without a restart."""

from __future__ import annotations

import os
import signal
import time

from api_helpers import make_org
from deskd_stack import wait_until


def test_region_database_killed_and_restarted(stack, server_a, server_b):
    deskd_pid = stack.process.pid
    assert stack.get("/healthz").status_code == 200
    us_org = make_org(stack, server_a, "us")
    eu_org = make_org(stack, server_b, "eu")
    eu_ticket = eu_org.create_ticket(subject="Survives the outage")
    mariadb_pid = server_b.pid()
    os.kill(mariadb_pid, signal.SIGKILL)
    try:
        assert wait_until(lambda: not os.path.exists(f"/proc/{mariadb_pid}"), 10), "server B did not die"

        us_checks = []

        def eu_reported_unreachable() -> bool:
            us = stack.get("/healthz?region=us")
            us_checks.append(us.status_code)
            assert us.status_code == 200, f"us health failed while eu was down: {us.status_code} {us.text}"
            assert us.json()["regions"] == {"us": "ok"}
            everything = stack.get("/healthz")
            if everything.status_code != 503:
                return False
            body = everything.json()
            assert body["status"] == "unavailable"
            return body["regions"] == {"us": "ok", "eu": "unreachable"}

        assert wait_until(eu_reported_unreachable, 20, interval=0.25), \
            f"/healthz never reported eu unreachable:\n{stack.log_tail()}"
        assert stack.get("/livez").status_code == 200
        assert len(us_checks) >= 1

        # The agent API: 503 with Retry-After in the dead region, business as usual in the other.
        down = eu_org.get("/tickets")
        assert down.status_code == 503, down.text
        assert down.json()["errorCode"] == "SERVICE_UNAVAILABLE"
        assert down.headers.get("Retry-After") == "5"
        assert us_org.create_ticket(subject="Written while eu is down")["subject"] == "Written while eu is down"
    finally:
        server_b.start()

    def healthy() -> bool:
        return stack.get("/healthz").status_code == 200

    assert wait_until(healthy, 30, interval=0.25), f"/healthz did not recover:\n{stack.log_tail()}"
    assert stack.get("/healthz").json() == {"status": "ok", "regions": {"us": "ok", "eu": "ok"}}
    assert stack.process.poll() is None and stack.process.pid == deskd_pid, "deskd was restarted"

    def api_back() -> bool:
        return eu_org.get(f"/tickets/{eu_ticket['id']}").status_code == 200

    assert wait_until(api_back, 30, interval=0.25), "the eu agent API did not recover"

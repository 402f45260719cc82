"""Helpers for the agent API tests: orgs with an administrator and an access token, made with the real
`deskd org create` / `deskd token create` commands, and a small client for /api/v1 through nginx."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from deskd_stack import DeskdStack, MariaDBServer, run_deskd

HOSTS = {"us": "us.desk.localhost", "eu": "eu.desk.localhost"}
DATABASES = {"us": "desk_us", "eu": "desk_eu"}


@dataclass
class ApiOrg:
    """An org with its administrator and an access token, and a client bound to them."""

    stack: DeskdStack
    server: MariaDBServer
    region: str
    portal: str
    org_id: str
    agent_id: str
    admin_email: str
    token: str

    @property
    def host(self) -> str:
        return HOSTS[self.region]

    def headers(self, extra: dict | None = None) -> dict:
        headers = {"Authorization": f"Zoho-oauthtoken {self.token}"}
        headers.update(extra or {})
        return headers

    def call(self, method: str, path: str, *, json=None, headers=None, **kwargs):
        return self.stack.request(method, "/api/v1" + path, host=self.host, headers=self.headers(headers),
                                  json=json, **kwargs)

    def get(self, path: str, **kwargs):
        return self.call("GET", path, **kwargs)

    def post(self, path: str, json=None, **kwargs):
        return self.call("POST", path, json=json, **kwargs)

    def patch(self, path: str, json=None, **kwargs):
        return self.call("PATCH", path, json=json, **kwargs)

    def sql(self, statement: str) -> list[list[str]]:
        return self.server.query(DATABASES[self.region], statement)

    def create_ticket(self, **fields) -> dict:
        body = {"subject": f"ticket {uuid.uuid4().hex[:8]}"}
        body.update(fields)
        response = self.post("/tickets", json=body)
        assert response.status_code == 200, response.text
        return response.json()

    def count(self, query: str = "") -> int:
        response = self.get("/ticketsCount" + query)
        assert response.status_code == 200, response.text
        return response.json()["count"]

    def audit(self, query: str = "") -> list[dict]:
        response = self.get("/auditLogs" + query)
        assert response.status_code == 200, response.text
        return response.json()["data"]


def make_org(stack: DeskdStack, server: MariaDBServer, region: str = "us") -> ApiOrg:
    """A fresh org with a unique portal, its administrator, and a one-hour access token."""
    portal = f"t-{uuid.uuid4().hex[:12]}"
    email = f"admin@{portal}.example"
    created = run_deskd("org", "create", "--region", region, "--portal", portal, "--name", f"Org {portal}",
                        "--admin-email", email, config=stack.config)
    assert created.returncode == 0, f"deskd org create failed:\n{created.stdout}"
    issued = run_deskd("token", "create", "--region", region, "--portal", portal, "--agent", email,
                       "--ttl", "1h", config=stack.config)
    assert issued.returncode == 0, f"deskd token create failed:\n{issued.stdout}"
    token = issued.stdout.strip().splitlines()[-1]
    database = DATABASES[region]
    org_rows = server.query(database, f"SELECT id FROM orgs WHERE portal = '{portal}'")
    assert len(org_rows) == 1, org_rows
    org_id = org_rows[0][0]
    agent_rows = server.query(database, f"SELECT id FROM agents WHERE org_id = {int(org_id)} AND email = '{email}'")
    assert len(agent_rows) == 1, agent_rows
    return ApiOrg(stack=stack, server=server, region=region, portal=portal, org_id=org_id,
                  agent_id=agent_rows[0][0], admin_email=email, token=token)


@pytest.fixture
def org(stack, server_a) -> ApiOrg:
    """A fresh org in region us for one test."""
    return make_org(stack, server_a, "us")


@pytest.fixture
def other_org(stack, server_a) -> ApiOrg:
    """A second fresh org in region us."""
    return make_org(stack, server_a, "us")

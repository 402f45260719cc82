"""Helpers for the agents, departments and organizations API tests."""

from __future__ import annotations

import re
import uuid

from deskd_stack import run_deskd

# The built-in profiles and the top role (fixed ids in every org).
ADMINISTRATOR, AGENT, LIGHT_AGENT = "1", "2", "3"
TOP_ROLE = "1"

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
AGENT_KEYS = {"id", "emailId", "firstName", "lastName", "name", "status", "profileId", "roleId", "phone", "mobile",
              "langCode", "timeZone", "associatedDepartmentIds", "createdTime", "modifiedTime"}
DEPARTMENT_KEYS = {"id", "name", "description", "isEnabled", "isDefault", "createdTime", "modifiedTime"}
ORG_KEYS = {"id", "companyName", "portalName", "region", "recycleBinRetentionDays", "isDefault", "createdTime",
            "modifiedTime"}


def unique_email(org) -> str:
    return f"agent-{uuid.uuid4().hex[:8]}@{org.portal}.example"


def add_agent(org, **fields) -> dict:
    body = {"emailId": unique_email(org), "lastName": "Agent"}
    body.update(fields)
    response = org.post("/agents", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def add_department(org, **fields) -> dict:
    body = {"name": f"Dept {uuid.uuid4().hex[:8]}"}
    body.update(fields)
    response = org.post("/departments", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def token_for(org, email: str) -> str:
    """A one-hour access token for another agent of the org, from `deskd token create`."""
    issued = run_deskd("token", "create", "--region", org.region, "--portal", org.portal, "--agent", email,
                       "--ttl", "1h", config=org.stack.config)
    assert issued.returncode == 0, f"deskd token create failed:\n{issued.stdout}"
    return issued.stdout.strip().splitlines()[-1]


def rows(org, table: str) -> int:
    return int(org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {int(org.org_id)}")[0][0])


def snapshot(org) -> tuple:
    """Counts and versions that a failed request must leave as they are."""
    versions = org.sql(f"SELECT COALESCE(SUM(version), 0) FROM agents WHERE org_id = {int(org.org_id)}")[0][0]
    dept_versions = org.sql(f"SELECT COALESCE(SUM(version), 0) FROM departments WHERE org_id = {int(org.org_id)}")[0][0]
    org_version = org.sql(f"SELECT version FROM orgs WHERE id = {int(org.org_id)}")[0][0]
    return (rows(org, "agents"), rows(org, "departments"), rows(org, "department_agents"), rows(org, "audit_log"),
            versions, dept_versions, org_version)


def fields(response) -> list[str]:
    return [e["fieldName"] for e in response.json()["errors"]]

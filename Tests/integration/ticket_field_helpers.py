"""Helpers for the ticket field, custom field and ticket search tests: departments inserted directly into
the test database (the departments API lives elsewhere), custom field definitions, row and audit counts."""

from __future__ import annotations

import random
import uuid

from api_helpers import ApiOrg


def add_department(org: ApiOrg, name: str = "Support", enabled: bool = True) -> str:
    """A department of `org`, inserted with SQL; its id as the API renders it."""
    department_id = random.randint(10**15, 10**17)
    org.sql(f"INSERT INTO departments (org_id, id, name, is_enabled, created_at, updated_at) "
            f"VALUES ({int(org.org_id)}, {department_id}, '{name}', {1 if enabled else 0}, "
            f"UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
    return str(department_id)


def add_field(org: ApiOrg, module: str, field_type: str, label: str | None = None, **extra) -> dict:
    """A new custom field definition of `module`, made through the API."""
    body = {"module": module, "type": field_type, "displayLabel": label or f"Field {uuid.uuid4().hex[:6]}"}
    body.update(extra)
    response = org.post("/organizationFields", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def rows(org: ApiOrg, table: str, where: str = "1=1") -> int:
    return int(org.sql(f"SELECT COUNT(*) FROM {table} WHERE org_id = {int(org.org_id)} AND {where}")[0][0])


def audit_count(org: ApiOrg) -> int:
    return rows(org, "audit_log")


def field_errors(response) -> list[str]:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["errorCode"] == "INVALID_DATA", body
    return [error["fieldName"] for error in body["errors"]]

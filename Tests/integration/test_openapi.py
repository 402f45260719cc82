"""The OpenAPI 3.1 document of the agent API: served, valid, and true of the live API (bounded fuzzing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openapi_spec_validator import validate

from api_helpers import make_org


def test_document_is_served_and_valid(stack):
    response = stack.get("/api/v1/openapi.json")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.1")
    for path in ["/api/v1/tickets", "/api/v1/tickets/{id}", "/api/v1/recycleBin", "/api/v1/auditLogs", "/oauth/v2/token",
                 "/api/v1/contacts", "/api/v1/contacts/{id}", "/api/v1/accounts/search"]:
        assert path in document["paths"], f"{path} is not documented"


def test_schema_fuzzing_finds_no_server_error_and_no_shape_break(stack, server_a, tmp_path):
    """Schemathesis generates requests from the document and checks every answer: no 5xx, documented status
    codes only, bodies that match their schemas. Bounded: a few examples per operation, one seed."""
    org = make_org(stack, server_a, "us")
    for number in range(3):
        org.create_ticket(subject=f"Fuzz target {number}")
    schema = tmp_path / "openapi.json"
    schema.write_bytes(stack.get("/api/v1/openapi.json").content)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "schemathesis"), "run", str(schema),
         "--url", f"https://127.0.0.1:{stack.https_port}",
         "-H", "Host: us.desk.localhost", "-H", f"Authorization: Zoho-oauthtoken {org.token}",
         "--tls-verify", str(stack.cert), "--max-examples", "12", "--seed", "20261129",
         "--checks", "not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance",
         "--request-timeout", "20"],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, NO_COLOR="1"))
    assert result.returncode == 0, f"schemathesis found problems:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"

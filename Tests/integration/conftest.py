"""Session fixtures: the two MariaDB servers of `make test` and one shared deskd + nginx stack.

Regions: us → server A (desk_us), eu → server B (desk_eu), both over TCP with a password.
"""

from __future__ import annotations

import pytest
import urllib3

from deskd_stack import DeskdStack, MariaDBServer, mariadb_server

# The stack's certificate is self-signed; requests verify against it (no warnings expected), but the raw
# TLS tests connect without verification on purpose.
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


@pytest.fixture(scope="session")
def server_a() -> MariaDBServer:
    return mariadb_server("A", "desk_us desk_test")


@pytest.fixture(scope="session")
def server_b() -> MariaDBServer:
    return mariadb_server("B", "desk_eu desk_test")


@pytest.fixture(scope="session")
def regions(server_a: MariaDBServer, server_b: MariaDBServer) -> dict[str, tuple[str, str]]:
    return {
        "us": ("us.desk.localhost", server_a.dsn("desk_us")),
        "eu": ("eu.desk.localhost", server_b.dsn("desk_eu")),
    }


@pytest.fixture(scope="session")
def stack(regions) -> DeskdStack:
    """The shared deskd serve + nginx; tests must leave it running and healthy."""
    shared = DeskdStack("shared", regions)
    try:
        shared.start()
        yield shared
    finally:
        shared.stop()

"""deskd db migrate is idempotent; a changed applied migration stops deskd serve."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from deskd_stack import DeskdStack, deskd_binary, migrations_dir, run_deskd, write_config


def applied(server, database: str) -> list[list[str]]:
    return server.query(database, "SELECT * FROM schema_migrations ORDER BY 1")


def test_migrate_twice_applies_nothing(stack, server_a, server_b):
    before = {"us": applied(server_a, "desk_us"), "eu": applied(server_b, "desk_eu")}
    files = sorted(migrations_dir().glob("*.sql"))
    assert len(before["us"]) == len(files), f"us: {len(before['us'])} rows for {len(files)} files"
    assert len(before["eu"]) == len(files)

    result = run_deskd("db", "migrate", "--all", config=stack.config)
    assert result.returncode == 0, result.stdout
    after = {"us": applied(server_a, "desk_us"), "eu": applied(server_b, "desk_eu")}
    assert after == before, f"second migrate changed schema_migrations:\n{result.stdout}"


def test_changed_applied_migration_refuses_serve(stack, tmp_path):
    sql = tmp_path / "sql"
    shutil.copytree(migrations_dir(), sql)
    changed = sorted(sql.glob("*.sql"))[0]
    with changed.open("a") as f:
        f.write("\n-- changed after it was applied\n")

    regions = {}
    for line in stack.config.read_text().splitlines():
        if line.startswith("[regions."):
            name = line[len("[regions."):-1]
        elif line.startswith("hosts = "):
            host = line.split('"')[1]
        elif line.startswith("dsn = "):
            regions[name] = (host, line.split('"')[1])
    config = write_config(tmp_path / "deskd.toml", socket_path=tmp_path / "deskd.sock",
                          migrations=sql, regions=regions)
    try:
        result = run_deskd("serve", config=config, timeout=30)
    except subprocess.TimeoutExpired:
        raise AssertionError("deskd serve started although an applied migration file changed")
    assert result.returncode != 0
    assert changed.name in result.stdout, result.stdout
    assert not (tmp_path / "deskd.sock").exists() or result.returncode != 0

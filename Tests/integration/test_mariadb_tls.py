"""TLS to MariaDB with CA verification (DESIGN §6): a region whose server requires secure transport.

A third private MariaDB server is started with a certificate signed by a test CA and
`require_secure_transport=ON`, so a plain connection is refused by the server itself.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from deskd_stack import MariaDBServer, free_port, migrations_dir, require_env, run_deskd, scripts_dir, write_config


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_ca(directory: Path, name: str) -> None:
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN=deskd test {name}",
            "-keyout", f"{name}-key.pem", "-out", f"{name}.pem", cwd=directory)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory) -> tuple[MariaDBServer, Path]:
    certs = tmp_path_factory.mktemp("mariadb-tls")
    make_ca(certs, "ca")
    make_ca(certs, "other-ca")
    (certs / "san.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", "server-key.pem", "-out", "server.csr", cwd=certs)
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
            "-days", "2", "-extfile", "san.cnf", "-out", "server.pem", cwd=certs)
    server = MariaDBServer(name="mdb-tls", directory=Path(require_env("DESKD_TEST_RUN")) / "mdb-tls",
                           port=free_port(), password=require_env("DESKD_DB_PASSWORD"), databases="desk_eu")
    env = dict(os.environ, DESKD_DATABASES=server.databases, DESKD_DB_PASSWORD=server.password,
               MARIADB_EXTRA_ARGS=f"--ssl-ca={certs}/ca.pem --ssl-cert={certs}/server.pem "
                                  f"--ssl-key={certs}/server-key.pem --require-secure-transport=ON")
    subprocess.run([str(scripts_dir() / "mariadb.sh"), "start", str(server.directory), str(server.port)],
                   env=env, check=True, timeout=90)
    try:
        yield server, certs
    finally:
        subprocess.run([str(scripts_dir() / "mariadb.sh"), "stop", str(server.directory)], timeout=60)


def config_for(tmp_path: Path, server: MariaDBServer, tls_ca: Path | None) -> Path:
    extra = f'tls_ca = "{tls_ca}"\n' if tls_ca else ""
    return write_config(tmp_path / "deskd.toml", socket_path=tmp_path / "deskd.sock", migrations=migrations_dir(),
                        regions={"eu": ("eu.desk.localhost", server.dsn("desk_eu"))}, extra=extra)


def test_tls_with_the_right_ca_connects(tls_server, tmp_path):
    server, certs = tls_server
    result = run_deskd("db", "migrate", "--all", config=config_for(tmp_path, server, certs / "ca.pem"))
    assert result.returncode == 0, result.stdout
    assert "region eu" in result.stdout
    applied = subprocess.run(
        ["mariadb", "--no-defaults", "-h127.0.0.1", f"-P{server.port}", "-udeskd", f"-p{server.password}",
         f"--ssl-ca={certs / 'ca.pem'}", "--ssl-verify-server-cert", "--batch", "--skip-column-names",
         "-e", "SELECT COUNT(*) FROM schema_migrations", "desk_eu"],
        capture_output=True, text=True, timeout=30)
    assert applied.returncode == 0, applied.stderr
    assert int(applied.stdout.strip()) == len(list(migrations_dir().glob("*.sql")))


def test_plain_connection_is_refused_by_a_tls_only_server(tls_server, tmp_path):
    server, _ = tls_server
    result = run_deskd("db", "status", config=config_for(tmp_path, server, None))
    assert result.returncode != 0
    assert "region eu" in result.stdout


def test_a_server_certificate_from_another_ca_is_refused(tls_server, tmp_path):
    server, certs = tls_server
    result = run_deskd("db", "status", config=config_for(tmp_path, server, certs / "other-ca.pem"))
    assert result.returncode != 0
    assert "region eu" in result.stdout

"""Start and stop the real deskd binary and the real nginx dev config for the integration tests.

Everything comes from the environment that `make test` (scripts/test.sh) sets up: the deskd binary, the
migrations folder, two private MariaDB servers (A holds desk_us, B holds desk_eu) and the scripts folder.
A missing piece fails the test with a message saying to run `make test`: tests never skip silently.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

HINT = "run `make test` (it builds deskd and starts the MariaDB servers the integration tests need)"


def require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"environment variable {name} is not set: {HINT}", pytrace=False)
    return value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.05) -> bool:
    """Calls predicate until it returns true or timeout seconds pass (bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


@dataclass
class MariaDBServer:
    """One private MariaDB server started by scripts/mariadb.sh."""

    name: str
    directory: Path
    port: int
    password: str
    databases: str

    def pid(self) -> int:
        return int((self.directory / "mysqld.pid").read_text().strip())

    def dsn(self, database: str) -> str:
        return f"mariadb://deskd:{self.password}@127.0.0.1:{self.port}/{database}"

    def ping(self) -> bool:
        result = subprocess.run(
            ["mariadb-admin", "--no-defaults", "-h127.0.0.1", f"-P{self.port}", "-udeskd",
             f"-p{self.password}", "--connect-timeout=2", "ping"],
            capture_output=True, timeout=10)
        return result.returncode == 0

    def query(self, database: str, sql: str) -> list[list[str]]:
        """Runs one statement with the mariadb client; rows as lists of strings."""
        result = subprocess.run(
            ["mariadb", "--no-defaults", "-h127.0.0.1", f"-P{self.port}", "-udeskd",
             f"-p{self.password}", "--batch", "--skip-column-names", "-e", sql, database],
            capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, f"mariadb client failed on {self.name}: {result.stderr}"
        return [line.split("\t") for line in result.stdout.splitlines()]

    def start(self) -> None:
        env = dict(os.environ, DESKD_DATABASES=self.databases, DESKD_DB_PASSWORD=self.password)
        subprocess.run([str(scripts_dir() / "mariadb.sh"), "start", str(self.directory), str(self.port)],
                       env=env, check=True, timeout=90)


def scripts_dir() -> Path:
    return Path(require_env("DESKD_TEST_ROOT")) / "scripts"


def mariadb_server(letter: str, databases: str) -> MariaDBServer:
    server = MariaDBServer(
        name=f"mdb-{letter.lower()}",
        directory=Path(require_env(f"DESKD_TEST_MDB_{letter}_DIR")),
        port=int(require_env(f"DESKD_TEST_MDB_{letter}_PORT")),
        password=require_env("DESKD_DB_PASSWORD"),
        databases=databases,
    )
    if not server.ping():
        pytest.fail(f"MariaDB server {server.name} on 127.0.0.1:{server.port} does not answer: {HINT}",
                    pytrace=False)
    return server


def deskd_binary() -> Path:
    binary = Path(require_env("DESKD_TEST_BIN"))
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no deskd binary at {binary}: {HINT}", pytrace=False)
    return binary


def migrations_dir() -> Path:
    sql = Path(require_env("DESKD_TEST_SQL"))
    if not sql.is_dir() or not sorted(sql.glob("*.sql")):
        pytest.fail(f"no migrations in {sql}", pytrace=False)
    return sql


def write_config(path: Path, *, socket_path: Path, migrations: Path, regions: dict[str, tuple[str, str]],
                 workers: int = 32, diagnostics: bool = True, max_body_bytes: int = 1048576,
                 drain_timeout_seconds: int = 10, mail_sink: Path | None = None, extra: str = "") -> Path:
    """Writes a deskd TOML config; regions maps name → (host, dsn). With mail_sink, emails are written
    there as .eml files (the [mail] file sink) instead of being sent."""
    lines = [
        "[server]",
        f'socket = "{socket_path}"',
        f"workers = {workers}",
        f"diagnostics = {'true' if diagnostics else 'false'}",
        f"max_body_bytes = {max_body_bytes}",
        f"drain_timeout_seconds = {drain_timeout_seconds}",
        "",
        "[database]",
        f'migrations = "{migrations}"',
        "",
        "[log]",
        'level = "info"',
    ]
    if mail_sink is not None:
        lines += ["", "[mail]", f'sink_directory = "{mail_sink}"', "poll_seconds = 1"]
    for name, (host, dsn) in regions.items():
        lines += ["", f"[regions.{name}]", f'hosts = ["{host}"]', f'dsn = "{dsn}"']
    path.write_text("\n".join(lines) + "\n" + extra)
    return path


def run_deskd(*args: str, config: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """Runs a deskd command to completion; output (stdout + stderr) in .stdout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKD_") or k.startswith("DESKD_TEST")}
    return subprocess.run([str(deskd_binary()), *args, "--config", str(config)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)


class DeskdStack:
    """deskd serve + nginx (nginx/dev.conf.template) on free loopback ports, one config."""

    def __init__(self, name: str, regions: dict[str, tuple[str, str]], **config_options):
        self.name = name
        self.run_dir = Path(require_env("DESKD_TEST_RUN")) / name
        shutil.rmtree(self.run_dir, ignore_errors=True)
        self.run_dir.mkdir(parents=True)
        # Unix socket paths are limited to 107 bytes: keep the socket in a short temporary folder.
        self.socket_dir = Path(tempfile.mkdtemp(prefix=f"deskd-{name}-", dir="/tmp"))
        self.socket_path = self.socket_dir / "deskd.sock"
        # Emails of this stack land here (one .eml file each); portal_helpers.read_outbox_emails reads them.
        self.mail_dir = self.run_dir / "mail"
        config_options.setdefault("mail_sink", self.mail_dir)
        self.config = write_config(self.run_dir / "deskd.toml", socket_path=self.socket_path,
                                   migrations=migrations_dir(), regions=regions, **config_options)
        self.cert_dir = Path(require_env("DESKD_TEST_RUN")) / "tls"
        self.cert = self.cert_dir / "cert.pem"
        self.nginx_prefix = self.run_dir / "nginx"
        self.https_port = 0
        self.http_port = 0
        self.process: subprocess.Popen | None = None
        self.log_path = self.run_dir / "deskd.log"
        self._local = threading.local()

    # -- lifecycle -----------------------------------------------------------------------------------

    def migrate(self) -> subprocess.CompletedProcess:
        result = run_deskd("db", "migrate", "--all", config=self.config)
        assert result.returncode == 0, f"deskd db migrate --all failed:\n{result.stdout}"
        return result

    def start_deskd(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DESKD_") or k.startswith("DESKD_TEST")}
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([str(deskd_binary()), "serve", "--config", str(self.config)],
                                        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        env=env, start_new_session=True)
        log.close()
        # For scripts/test.sh, which stops whatever an interrupted run left behind.
        (self.run_dir / "deskd.pid").write_text(f"{self.process.pid}\n")
        ready = wait_until(lambda: self.socket_path.exists() or self.process.poll() is not None, 20)
        if not ready or self.process.poll() is not None:
            self.stop_deskd()
            pytest.fail(f"deskd serve did not start (socket {self.socket_path}):\n{self.log_tail()}",
                        pytrace=False)

    def start_nginx(self) -> None:
        self.https_port, self.http_port = free_port(), free_port()
        while self.http_port == self.https_port:
            self.http_port = free_port()
        result = subprocess.run(
            [str(scripts_dir() / "nginx.sh"), "start", str(self.nginx_prefix), str(self.https_port),
             str(self.http_port), str(self.socket_path), str(self.cert_dir)],
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"nginx did not start:\n{result.stdout}{result.stderr}"

    def start(self) -> "DeskdStack":
        self.migrate()
        self.start_deskd()
        self.start_nginx()
        return self

    def stop_deskd(self, timeout: float = 20) -> int | None:
        """SIGTERM, bounded wait, SIGKILL if needed; returns the exit status."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        (self.run_dir / "deskd.pid").unlink(missing_ok=True)
        return self.process.returncode

    def stop(self) -> None:
        subprocess.run([str(scripts_dir() / "nginx.sh"), "stop", str(self.nginx_prefix)],
                       capture_output=True, timeout=60)
        self.stop_deskd()
        shutil.rmtree(self.socket_dir, ignore_errors=True)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # -- HTTP ----------------------------------------------------------------------------------------

    @property
    def session(self) -> requests.Session:
        """A keep-alive session per thread (requests.Session is not shared across threads)."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # Ignore REQUESTS_CA_BUNDLE / proxies from the environment: they would override `verify`.
            session.trust_env = False
            session.verify = str(self.cert)
            self._local.session = session
        return session

    def url(self, path: str, scheme: str = "https") -> str:
        port = self.https_port if scheme == "https" else self.http_port
        return f"{scheme}://127.0.0.1:{port}{path}"

    def request(self, method: str, path: str, host: str = "us.desk.localhost", headers=None,
                timeout: float = 30, **kwargs) -> requests.Response:
        all_headers = {"Host": host}
        all_headers.update(headers or {})
        return self.session.request(method, self.url(path), headers=all_headers, timeout=timeout, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

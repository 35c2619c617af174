"""A throwaway PostgreSQL server for the team-plan tests and benchmarks.

Debian's ``postgresql`` package provides ``initdb``/``pg_ctl`` but its server refuses
to run as root, so under root the cluster belongs to the ``postgres`` system user and
lives in a private temporary folder. It listens on 127.0.0.1 at a free port only (no
Unix socket), asks every TCP client for a password (scram) so the tests see libpq's
real password handling, and trades durability for speed (fsync off): it holds nothing
that outlives the test session.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "super-secret-pw"  # a throwaway local test server


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is missing."""
    candidates = [shutil.which("pg_ctl")]
    candidates += sorted(map(str, Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")), reverse=True)
    for candidate in candidates:
        if candidate:
            folder = Path(candidate).resolve().parent
            if (folder / "initdb").exists():
                return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """One running cluster: URLs for fresh databases, and admin SQL as the superuser."""

    binaries: Path
    folder: Path
    port: int
    run_as: str | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        """A libpq URL; ``password`` defaults to the superuser's for the superuser."""
        if password is None and user == SUPERUSER:
            password = SUPERUSER_PASSWORD
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run admin SQL (CREATE DATABASE cannot run in a transaction, so autocommit)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); returns its name."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        clause = f" TEMPLATE {template}" if template else ""
        self.execute(f"CREATE DATABASE {name}{clause}")
        return name

    def create_role(self, name: str, password: str) -> None:
        self.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")

    def _command(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.run_as, "--", *args] if self.run_as else list(args)

    def start(self) -> None:
        password_file = self.folder / "superuser-password"
        password_file.write_text(SUPERUSER_PASSWORD + "\n")
        if self.run_as:
            user = pwd.getpwnam(self.run_as)
            for path in (self.folder, password_file):
                os.chown(path, user.pw_uid, user.pw_gid)
        subprocess.run(
            self._command(
                str(self.binaries / "initdb"),
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                "--pwfile",
                str(password_file),
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            "-c unix_socket_directories='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        subprocess.run(
            self._command(
                str(self.binaries / "pg_ctl"),
                "start",
                "-w",
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-o",
                options,
            ),
            check=True,
            capture_output=True,
        )

    def watch(self, owner: int) -> None:
        """Stop the server and remove its folder once process ``owner`` is gone.

        A test run killed from outside (a timeout, Ctrl+C twice) never reaches its
        teardown; this background shell makes sure no orphaned server outlives it.
        """
        stop = " ".join(
            self._command(
                str(self.binaries / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data)
            )
        )
        script = (
            f"(while kill -0 {owner} 2>/dev/null; do sleep 2; done; {stop} >/dev/null 2>&1; "
            f'rm -rf "{self.folder}") >/dev/null 2>&1 &'
        )
        subprocess.run(["sh", "-c", script], check=False)

    def stop(self) -> None:
        subprocess.run(
            self._command(
                str(self.binaries / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data)
            ),
            check=False,
            capture_output=True,
        )
        # Hundreds of MB of test databases: removed in the background, not waited for.
        subprocess.run(["sh", "-c", 'rm -rf "$1" &', "sh", str(self.folder)], check=False)


def start_server() -> PostgresServer:
    """Start a private cluster; raises FileNotFoundError when PostgreSQL is not installed."""
    binaries = find_binaries()
    if binaries is None:
        raise FileNotFoundError("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    run_as = SUPERUSER if os.geteuid() == 0 else None
    # Not under pytest's tmp folder: that one is private to root and the server's user
    # could not enter it.
    folder = Path(tempfile.mkdtemp(prefix="abm-pg-"))
    server = PostgresServer(binaries, folder, _free_port(), run_as)
    try:
        server.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    server.watch(os.getpid())
    return server

"""Fixtures for team plans: one real PostgreSQL per test session, a fresh database per test.

The server is Debian's (``apt-get install postgresql``), started by ``pg_test_server``
as an unprivileged user on 127.0.0.1. The tests here skip, with the reason, only on a
machine without PostgreSQL's server binaries.

- ``pg_server``: the running server (admin SQL, roles, URLs).
- ``empty_database_url``: a new empty database (with the superuser's password in it).
- ``server_plan_url``: a new database holding a fresh plan (defaults seeded), at head.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_test_server import PostgresServer, find_binaries, start_server

from abm_planner.services.server_plans import upgrade_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    if find_binaries() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def _plan_template(pg_server: PostgresServer) -> str:
    """A database holding a fresh plan, copied (cheaply, by the server) for each test."""
    name = pg_server.create_database()
    upgrade_server(pg_server.url(name), plan_name="Team plan")
    return name


@pytest.fixture
def empty_database_url(pg_server: PostgresServer) -> str:
    return pg_server.url(pg_server.create_database())


@pytest.fixture
def server_plan_url(pg_server: PostgresServer, _plan_template: str) -> str:
    return pg_server.url(pg_server.create_database(template=_plan_template))

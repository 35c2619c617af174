"""Server schema: `server upgrade` creates and upgrades plans; opening checks the revision."""

from __future__ import annotations

import pytest
from pg_test_server import PostgresServer
from sqlalchemy import Engine, inspect, text

from abm_planner.cli import main
from abm_planner.errors import PlanFileError
from abm_planner.services.plans import open_plan
from abm_planner.services.summary import plan_summary
from abm_planner.store import schema
from abm_planner.store.models import Account, Base
from abm_planner.store.plan_location import server_url
from abm_planner.store.server import make_server_engine


def _engine(url: str) -> Engine:
    return make_server_engine(server_url(url))


def test_server_upgrade_creates_a_plan_with_the_defaults(
    empty_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "upgrade", empty_database_url, "--name", "Acme team"]) == 0
    out = capsys.readouterr().out
    assert f"plan format {schema.head_revision()}" in out
    assert "super-secret-pw" not in out
    plan = open_plan(empty_database_url)
    try:
        summary = plan_summary(plan)
        assert plan.name == "Acme team"
        assert summary["play_templates"] > 0
        assert summary["schema_revision"] == schema.head_revision()
        assert not plan.read_only
    finally:
        plan.close()
    assert main(["server", "upgrade", empty_database_url]) == 0
    assert "is up to date" in capsys.readouterr().out


def test_every_migration_runs_on_postgresql_one_after_the_other(empty_database_url: str) -> None:
    engine = _engine(empty_database_url)
    try:
        for revision in range(1, schema.head_revision() + 1):
            schema.upgrade(engine, f"{revision:04d}")
            assert schema.database_revision(engine) == revision
        # The migrated server schema has every table and column of the models.
        found = inspect(engine)
        for table in Base.metadata.sorted_tables:
            columns = {c["name"] for c in found.get_columns(table.name)}
            assert columns == set(table.c.keys()), table.name
    finally:
        engine.dispose()


def test_an_older_server_plan_is_refused_until_server_upgrade(
    empty_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = _engine(empty_database_url)
    try:
        schema.upgrade(engine, "0001")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO accounts (id, name, crm_id, region, country, website, needs, "
                    "notes, created_at, updated_at, version) VALUES (gen_random_uuid(), "
                    "'Kept Ltd', '', '', '', '', '', '', now(), now(), 4)"
                )
            )
    finally:
        engine.dispose()
    with pytest.raises(PlanFileError, match=r"older plan format .* server upgrade"):
        open_plan(empty_database_url)
    assert main(["server", "upgrade", empty_database_url]) == 0
    assert "from plan format 1 to" in capsys.readouterr().out
    plan = open_plan(empty_database_url)
    try:
        with plan.read() as session:
            account = session.query(Account).one()
        assert (account.name, account.version, account.pipeline_source) == ("Kept Ltd", 4, "")
    finally:
        plan.close()


def test_a_newer_server_plan_is_refused(
    server_plan_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = _engine(server_plan_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    finally:
        engine.dispose()
    with pytest.raises(PlanFileError, match=r"newer version of ABM Planner .* update the app"):
        open_plan(server_plan_url)
    assert main(["server", "upgrade", server_plan_url]) == 2
    assert "newer version of ABM Planner" in capsys.readouterr().err
    assert main(["summary", server_plan_url]) == 2


def test_databases_that_hold_no_plan_are_refused(
    pg_server: PostgresServer, empty_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(PlanFileError, match="is empty: put a plan there"):
        open_plan(empty_database_url)
    name = empty_database_url.rsplit("/", 1)[1]
    pg_server.execute("CREATE TABLE invoices (id int)", database=name)
    with pytest.raises(PlanFileError, match="holds other tables but no ABM Planner plan"):
        open_plan(empty_database_url)
    assert main(["server", "upgrade", empty_database_url]) == 2
    assert "one plan per database" in capsys.readouterr().err


def test_unreachable_servers_and_bad_urls_are_one_sentence(
    pg_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = pg_server.url("no_such_database")
    assert main(["summary", missing]) == 2
    err = capsys.readouterr().err
    assert "could not be reached" in err
    assert "no_such_database" in err
    assert "super-secret-pw" not in err
    assert err.count("\n") == 1
    assert main(["summary", "postgresql://someone@127.0.0.1:1"]) == 2
    assert "names no database" in capsys.readouterr().err

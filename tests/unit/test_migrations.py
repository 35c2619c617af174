"""Older plans are upgraded after a byte-for-byte backup; a failed upgrade changes nothing."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, MetaData, Table, insert, inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from abm_planner.errors import PlanFileError
from abm_planner.services.defaults import seed_defaults
from abm_planner.services.plans import open_plan
from abm_planner.services.summary import plan_summary
from abm_planner.services.vocabulary_lookup import term_map
from abm_planner.store import plan_file, schema
from abm_planner.store.models import (
    Account,
    Base,
    NodePosition,
    Stakeholder,
    StakeholderLine,
    stakeholder_roles,
)

ACCOUNT_ID = uuid.UUID("0b6c8a52-5e0e-4d38-9a57-000000000001")
CFO_ID = uuid.UUID("0b6c8a52-5e0e-4d38-9a57-000000000002")
CEO_ID = uuid.UUID("0b6c8a52-5e0e-4d38-9a57-000000000003")


@pytest.fixture
def engine_on() -> Iterator[list[Engine]]:
    """Engines a test opens on scratch files, disposed afterwards."""
    engines: list[Engine] = []
    yield engines
    for engine in engines:
        engine.dispose()


def build_revision_1_plan(path: Path) -> None:
    """A plan as the first released schema wrote it, with the defaults and one account."""
    plan_file.create_empty_file(path)
    engine = plan_file.make_engine(path)
    try:
        schema.upgrade(engine, "0001")
        with Session(engine) as session, session.begin():
            seed_defaults(session, "Plan from last year")
        with engine.begin() as connection:
            with Session(connection) as session:
                roles = term_map(session, "role")
                tiers = term_map(session, "tier")
            # The accounts table as revision 1 stored it: columns added by later
            # revisions (and their defaults) must not appear in the insert.
            stored = {column["name"] for column in inspect(connection).get_columns("accounts")}
            accounts = Table(
                "accounts",
                MetaData(),
                *(c._copy() for c in Account.__table__.columns if c.name in stored),
            )
            connection.execute(
                insert(accounts),
                [
                    {
                        "id": ACCOUNT_ID,
                        "name": "Helix Pharma AG",
                        "crm_id": "0015g00000ABCDE",
                        "country": "CH",
                        "annual_revenue": 2_400_000_000.0,
                        "tier_id": tiers["strategic"].id,
                        "fit_score": 81.5,
                        "handed_off_on": date(2025, 11, 3),
                        "notes": "Renewal in Q2.\nCFO changed in January.",
                    }
                ],
            )
            connection.execute(
                insert(Stakeholder.__table__),
                [
                    {"id": CEO_ID, "account_id": ACCOUNT_ID, "name": "Rosa Costa", "title": "CEO"},
                    {
                        "id": CFO_ID,
                        "account_id": ACCOUNT_ID,
                        "name": "Jonas Müller",
                        "title": "CFO",
                    },
                ],
            )
            connection.execute(
                insert(stakeholder_roles),
                [{"stakeholder_id": CFO_ID, "role_id": roles["economic_buyer"].id}],
            )
            connection.execute(
                insert(StakeholderLine.__table__),
                [
                    {
                        "account_id": ACCOUNT_ID,
                        "source_id": CFO_ID,
                        "target_id": CEO_ID,
                        "kind": "reports_to",
                    }
                ],
            )
    finally:
        engine.dispose()
    assert plan_file.read_header(path).schema_revision == 1


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def backups_of(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.rev1-backup-*{path.suffix}"))


@pytest.fixture
def old_plan(tmp_path: Path) -> Path:
    path = tmp_path / "Helix account plan.abmplan"
    build_revision_1_plan(path)
    return path


def test_an_older_plan_is_backed_up_then_upgraded_with_its_data(old_plan: Path) -> None:
    original = old_plan.read_bytes()

    plan = open_plan(old_plan)
    try:
        [backup] = backups_of(old_plan)
        assert plan.upgrade_backup == backup
        assert backup.read_bytes() == original
        assert plan_file.read_header(backup).schema_revision == 1

        with plan.read() as session:
            account = session.get(Account, ACCOUNT_ID)
            assert account is not None
            assert account.name == "Helix Pharma AG"
            assert account.annual_revenue == 2_400_000_000.0
            assert account.handed_off_on == date(2025, 11, 3)
            assert account.notes == "Renewal in Q2.\nCFO changed in January."
            # Revision 0003: our commercial figures start empty, not as zero.
            assert (account.pipeline_value, account.won_revenue) == (None, None)
            assert (account.expected_margin_pct, account.pipeline_source) == (None, "")
            cfo = session.get(Stakeholder, CFO_ID)
            assert cfo is not None
            assert [role.key for role in cfo.roles] == ["economic_buyer"]
            line = session.scalars(select(StakeholderLine)).one()
            assert (line.source_id, line.target_id, line.kind) == (CFO_ID, CEO_ID, "reports_to")
            assert "node_positions" in inspect(session.connection()).get_table_names()

        summary = plan_summary(plan)
        assert summary["plan"] == "Plan from last year"
        assert (summary["accounts"], summary["stakeholders"]) == (1, 2)
        assert summary["play_templates"] > 0

        with plan.write() as unit:
            unit.session.add(NodePosition(stakeholder_id=CFO_ID, view="org", x=10.0, y=-4.5))
    finally:
        plan.close()

    assert user_version(old_plan) == schema.head_revision()
    assert plan_file.read_header(old_plan).schema_revision == schema.head_revision()


def test_a_plan_is_backed_up_only_once(old_plan: Path) -> None:
    open_plan(old_plan).close()
    plan = open_plan(old_plan)
    plan.close()
    assert plan.upgrade_backup is None
    assert len(backups_of(old_plan)) == 1


def test_an_older_plan_opened_read_only_is_refused_without_a_backup(old_plan: Path) -> None:
    before = old_plan.read_bytes()
    with pytest.raises(PlanFileError, match="upgraded") as refused:
        open_plan(old_plan, read_only=True)
    assert old_plan.name in str(refused.value)
    assert old_plan.read_bytes() == before
    assert backups_of(old_plan) == []


def test_a_migration_that_fails_restores_the_original_bytes(old_plan: Path) -> None:
    # Someone else's table where revision 0002 wants to create its own: 0002 fails.
    with closing(sqlite3.connect(old_plan)) as connection:
        connection.execute("CREATE TABLE node_positions (note TEXT)")
        connection.commit()
    before = old_plan.read_bytes()

    with pytest.raises(PlanFileError) as refused:
        open_plan(old_plan)

    message = str(refused.value)
    assert old_plan.name in message
    assert "restored unchanged" in message
    assert old_plan.read_bytes() == before
    [backup] = backups_of(old_plan)
    assert backup.name in message
    assert backup.read_bytes() == before
    assert not Path(f"{old_plan}-journal").exists()


def test_an_upgrade_that_breaks_halfway_restores_the_original_bytes(
    old_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite DDL is not fully transactional: what was done before the error is undone."""
    before = old_plan.read_bytes()

    def upgrade_then_fail(engine: Engine, revision: str = "head") -> None:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE node_positions (id TEXT)")
            connection.exec_driver_sql("DROP TABLE decisions")
            connection.exec_driver_sql("PRAGMA user_version = 2")
        raise OperationalError(
            "ALTER TABLE accounts ...", {}, sqlite3.OperationalError("disk I/O error")
        )

    monkeypatch.setattr(schema, "upgrade", upgrade_then_fail)

    with pytest.raises(PlanFileError, match="could not be upgraded"):
        open_plan(old_plan)

    assert old_plan.read_bytes() == before
    assert user_version(old_plan) == 1
    monkeypatch.undo()
    plan = open_plan(old_plan)  # the restored plan still upgrades normally
    try:
        assert plan_summary(plan)["accounts"] == 1
    finally:
        plan.close()


def test_models_and_migrations_describe_the_same_schema(
    tmp_path: Path, engine_on: list[Engine]
) -> None:
    path = tmp_path / "fresh.abmplan"
    plan_file.create_empty_file(path)
    engine = plan_file.make_engine(path)
    engine_on.append(engine)
    schema.upgrade(engine)

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], "a model changed without a migration (or the reverse)"
    assert schema.database_revision(engine) == schema.head_revision()


def test_revision_ids_are_the_numbers_the_header_mirrors(
    tmp_path: Path, engine_on: list[Engine]
) -> None:
    """Each revision sets user_version to its own number, so the header can be trusted."""
    path = tmp_path / "stepwise.abmplan"
    plan_file.create_empty_file(path)
    engine = plan_file.make_engine(path)
    engine_on.append(engine)
    for revision in range(1, schema.head_revision() + 1):
        schema.upgrade(engine, f"{revision:04d}")
        assert schema.database_revision(engine) == revision
        assert plan_file.read_header(path).schema_revision == revision


def test_the_head_revision_agrees_with_alembic() -> None:
    """The app reads the head from file names; Alembic's own view must be the same."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", schema.SCRIPT_LOCATION)
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    assert int(head) == schema.head_revision()

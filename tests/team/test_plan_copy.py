"""Copying plans between files and a real PostgreSQL: the copy is the plan, exactly."""

from __future__ import annotations

import shutil
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pg_test_server import PostgresServer
from plan_tables import all_rows, assert_same_plan
from sqlalchemy import Engine, text

from abm_planner.errors import UserError
from abm_planner.services import plan_copy
from abm_planner.services.plan_copy import copy_location, copy_plan
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.store.models import (
    Account,
    Decision,
    PlanSnapshot,
    Stakeholder,
    VocabularyTerm,
)


@pytest.mark.parametrize("bulk", [False, True], ids=["row-checks", "bulk-load"])
def test_file_to_server_to_file_is_the_identity(
    bulk: bool,
    demo_plan_path: Path,
    empty_database_url: str,
    server_plan_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if bulk:  # the path a big plan takes: keys and indexes set aside, rebuilt at the end
        monkeypatch.setattr(plan_copy, "BULK_LOAD_ROWS", 1)
    seen: list[tuple[int, int]] = []
    to_server = copy_location(
        demo_plan_path, empty_database_url, progress=lambda *p: seen.append(p)
    )
    back = tmp_path / "back.abmplan"
    from_server = copy_location(empty_database_url, back)

    original = open_plan(demo_plan_path, read_only=True)
    team = open_plan(empty_database_url, read_only=True)
    copy = open_plan(back, read_only=True)
    try:
        assert_same_plan(original, team)
        assert_same_plan(original, copy)
        assert to_server.total == from_server.total == sum(map(len, all_rows(original).values()))
        assert to_server.rows["stakeholders"] > 100
        assert seen[0] == (0, to_server.total)
        assert seen[-1] == (to_server.total, to_server.total)
    finally:
        for plan in (original, team, copy):
            plan.close()
    # The loaded database has every key and index a fresh server plan has.
    assert _checks(empty_database_url) == _checks(server_plan_url)
    # Nothing but the published file is left in the folder.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "user") == ["back.abmplan"]


def test_a_copy_from_the_server_remembers_its_origin(
    demo_plan_path: Path, empty_database_url: str, tmp_path: Path
) -> None:
    sync = pytest.importorskip("abm_planner.services.sync")
    copy_location(demo_plan_path, empty_database_url)
    copy_location(empty_database_url, tmp_path / "offline.abmplan")
    offline = open_plan(tmp_path / "offline.abmplan", read_only=True)
    try:
        origin = sync.origin_of(offline)
        assert origin is not None
        assert origin.location == empty_database_url.replace(":super-secret-pw", "")
    finally:
        offline.close()


def test_a_database_holding_a_plan_is_replaced_only_when_asked(
    tmp_plan: object, demo_plan_path: Path, server_plan_url: str
) -> None:
    with pytest.raises(UserError, match="already holds a plan; add --replace"):
        copy_location(demo_plan_path, server_plan_url)
    team = open_plan(server_plan_url, read_only=True)
    try:
        assert all_rows(team)["accounts"] == []  # the refused copy wrote nothing

        copy_location(demo_plan_path, server_plan_url, replace=True)
        original = open_plan(demo_plan_path, read_only=True)
        try:
            assert_same_plan(original, team)
        finally:
            original.close()
    finally:
        team.close()


def test_an_existing_file_is_overwritten_only_when_asked(
    server_plan_url: str, tmp_path: Path
) -> None:
    existing = tmp_path / "mine.abmplan"
    existing.write_bytes(b"keep me")
    with pytest.raises(UserError, match="already exists; add --replace"):
        copy_location(server_plan_url, existing)
    assert existing.read_bytes() == b"keep me"
    copy_location(server_plan_url, existing, replace=True)
    plan = open_plan(existing, read_only=True)
    try:
        assert plan.name == "Team plan"
    finally:
        plan.close()


def test_a_value_the_server_cannot_hold_refuses_the_whole_copy(
    tmp_path: Path, empty_database_url: str
) -> None:
    plan = create_plan(tmp_path / "long.abmplan")
    engine = _engine(empty_database_url)
    try:
        with plan.write() as unit:
            unit.session.add(Account(name="Fine"))
            unit.session.add(Account(name="x" * 400))  # SQLite keeps it; String(300) on a server
        with pytest.raises(
            UserError, match=r"could not be copied .* nothing was written"
        ) as caught:
            copy_plan(plan, engine)
        assert "value too long" in str(caught.value)
        assert "xxxxx" not in str(caught.value)
    finally:
        plan.close()
        engine.dispose()
    with pytest.raises(UserError, match="is empty"):
        open_plan(empty_database_url)


def _checks(url: str) -> set[tuple[str, ...]]:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            constraints = connection.execute(
                text(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                    "FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                )
            )
            indexes = connection.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
            )
            return {tuple(row) for row in constraints} | {tuple(row) for row in indexes}
    finally:
        engine.dispose()


def _engine(url: str) -> Engine:
    from abm_planner.store.plan_location import server_url
    from abm_planner.store.server import make_server_engine

    return make_server_engine(server_url(url))


TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=40,
)
ACCOUNTS = st.lists(
    st.tuples(
        TEXT.filter(str.strip),
        TEXT,
        st.one_of(st.none(), st.floats(0, 100, allow_nan=False)),
        st.one_of(st.none(), st.integers(0, 10**6)),
        st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 1, 1))),
        st.lists(TEXT.filter(str.strip), max_size=3),
        st.datetimes(datetime(2000, 1, 1), datetime(2099, 1, 1)),
        st.integers(1, 50),
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture(scope="module")
def blank_plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new plan's file, created once and copied byte for byte by each example."""
    path = tmp_path_factory.mktemp("blank") / "blank.abmplan"
    create_plan(path, "Plan ünïcødé ✓").close()
    return path


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(accounts=ACCOUNTS, payload=st.binary(max_size=300))
def test_varied_plans_survive_the_round_trip(
    accounts: list,
    payload: bytes,
    pg_server: PostgresServer,
    _plan_template: str,
    blank_plan_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("copy")
    shutil.copyfile(blank_plan_file, folder / "varied.abmplan")
    # A database already holding a (blank) plan, replaced: no migrations to wait for.
    url = pg_server.url(pg_server.create_database(template=_plan_template))
    plan = open_plan(folder / "varied.abmplan")
    try:
        with plan.write() as unit:
            tier = unit.session.query(VocabularyTerm).filter_by(kind="tier").first()
            for name, notes, fit, employees, handed_off, people, stamp, version in accounts:
                account = Account(
                    id=uuid.uuid4(),
                    name=name,
                    notes=notes,
                    fit_score=fit,
                    employees=employees,
                    handed_off_on=handed_off,
                    tier_id=tier.id if fit and fit > 50 else None,
                    created_at=stamp,
                    updated_at=stamp,
                    version=version,
                )
                unit.session.add(account)
                unit.session.flush()
                unit.session.add_all(
                    Stakeholder(account_id=account.id, name=person, notes=notes, inner_circle=True)
                    for person in people
                )
                unit.session.add(
                    Decision(account_id=account.id, decided_on=date(2026, 1, 1), title=name)
                )
            unit.session.add(PlanSnapshot(label=accounts[0][0], payload=payload, schema_revision=1))
        copy_location(folder / "varied.abmplan", url, replace=True)
        copy_location(url, folder / "back.abmplan")
        back = open_plan(folder / "back.abmplan", read_only=True)
        try:
            assert_same_plan(plan, back)
            assert len(all_rows(back)["plan_snapshots"]) == 1
        finally:
            back.close()
    finally:
        plan.close()

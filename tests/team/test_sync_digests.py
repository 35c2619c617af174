"""How a sync finds the team's changes on PostgreSQL without reading every record.

The server digests records (and stamps buckets by ``xmin``) in SQL; these tests hold
it to the same digests Python computes, and make sure every kind of write is found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_test_server import SUPERUSER_PASSWORD
from sqlalchemy import select, update

from abm_planner.services import sync_compare
from abm_planner.services.plan_copy import copy_location
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.sync import record_origin, sync
from abm_planner.services.sync_base import file_snapshot, stored_base
from abm_planner.services.sync_digest import digests_of, server_digests, server_stamps
from abm_planner.services.sync_state import read_canonical, synced_tables
from abm_planner.store.models import Account, Stakeholder


@pytest.fixture
def team(
    demo_plan_path: Path, empty_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Plan, Plan]]:
    """(offline copy, team plan): the demo published to a server, then copied out."""
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)
    copy_location(demo_plan_path, empty_database_url)
    offline = tmp_path / "offline.abmplan"
    copy_location(empty_database_url, offline)
    mine, server = open_plan(offline), open_plan(empty_database_url)
    try:
        yield mine, server
    finally:
        mine.close()
        server.close()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    seen: list[Any] = []
    real = sync_compare.read_canonical

    def spy(connection: Any, shape: Any, keys: Any = None) -> Any:
        seen.append(None if keys is None else set(keys))
        return real(connection, shape, keys)

    monkeypatch.setattr(sync_compare, "read_canonical", spy)
    return seen


def _first(plan: Plan, model: type) -> Any:
    with plan.read() as session:
        return session.scalars(select(model).order_by(model.id)).first()


def test_the_server_digests_every_record_as_python_does(team) -> None:  # type: ignore[no-untyped-def]
    mine, server = team
    with mine.engine.connect() as file, server.engine.connect() as database:
        for shape in synced_tables():
            assert server_digests(database, shape) == dict(
                digests_of(read_canonical(file, shape), shape)
            ), shape.name


def test_the_copy_keeps_the_servers_stamps_and_a_sync_then_reads_nothing(team, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = team
    with (
        stored_base(mine) as (_legacy, image),
        server.engine.connect() as database,
        file_snapshot(mine, image) as (_c, base),
    ):
        for shape in synced_tables():
            assert base.stamps(shape) == server_stamps(database, shape), shape.name  # type: ignore[union-attr]

    report = sync(mine, server)

    assert report.applied and not report.changed_anything
    assert reads and all(keys == set() for keys in reads)


def test_a_set_wise_write_on_the_server_is_found_by_its_stamp(team, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = team
    person = _first(server, Stakeholder)
    with server.write() as unit:  # no version bump, as set-wise services write
        unit.session.execute(
            update(Stakeholder).where(Stakeholder.id == person.id).values(title="Set-wise title")
        )

    assert sync(mine, server).received == 1

    assert _first(mine, Stakeholder).title == "Set-wise title"
    assert set().union(*reads) == {person.id.hex}
    reads.clear()
    assert not sync(mine, server).changed_anything
    assert all(keys == set() for keys in reads)


def test_a_team_edit_between_the_copy_and_its_base_is_not_lost(team) -> None:  # type: ignore[no-untyped-def]
    mine, server = team
    account = _first(server, Account)
    with server.write() as unit:
        unit.session.execute(
            update(Account).where(Account.id == account.id).values(notes="after the copy")
        )
    record_origin(mine, server)  # the base is the file as copied; the server moved on

    assert sync(mine, server).received == 1
    assert _first(mine, Account).notes == "after the copy"


def test_sent_edits_leave_both_sides_equal_and_the_next_sync_quiet(team, reads) -> None:  # type: ignore[no-untyped-def]
    mine, server = team
    account = _first(mine, Account)
    with mine.write() as unit:
        unit.session.get(Account, account.id).notes = "offline"  # type: ignore[union-attr]
    assert sync(mine, server).sent == 1
    reads.clear()

    again = sync(mine, server)

    assert not again.changed_anything
    assert _first(server, Account).notes == "offline"
    assert all(keys == set() for keys in reads)

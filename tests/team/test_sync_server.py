"""Offline copies of a team plan on a real PostgreSQL: copy out, edit both, sync back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_test_server import SUPERUSER_PASSWORD
from sqlalchemy import select

from abm_planner.cli import main
from abm_planner.services.plan_copy import copy_location
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.sync import ConcurrentEditError, origin_of, sync
from abm_planner.services.sync_state import read_canonical, synced_tables
from abm_planner.store.models import Account, Stakeholder


def _state(plan: Plan, *, versions: bool = False) -> dict[str, dict[str, Any]]:
    with plan.engine.connect() as connection:
        return {
            shape.name: {
                key: (record.values, record.version if versions else None)
                for key, record in read_canonical(connection, shape).items()
            }
            for shape in synced_tables()
        }


def _account(plan: Plan, name: str) -> Account | None:
    with plan.read() as session:
        return session.scalars(select(Account).where(Account.name == name)).first()


def _edit(plan: Plan, model: type, record_id: Any, **values: Any) -> None:
    with plan.write() as unit:
        record = unit.session.get(model, record_id)
        for name, value in values.items():
            setattr(record, name, value)


@pytest.fixture
def team(
    demo_plan_path: Path, empty_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Plan, Plan, str]]:
    """(offline copy, team plan, URL): the demo published to a server, then copied out."""
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)  # libpq's way: never stored
    copy_location(demo_plan_path, empty_database_url)
    offline = tmp_path / "offline.abmplan"
    copy_location(empty_database_url, offline)
    mine, server = open_plan(offline), open_plan(empty_database_url)
    try:
        yield mine, server, empty_database_url
    finally:
        mine.close()
        server.close()


def test_a_copy_from_the_server_remembers_it_without_the_password(team) -> None:  # type: ignore[no-untyped-def]
    mine, server, url = team
    origin = origin_of(mine)
    assert origin is not None
    assert origin.location == server.location
    assert SUPERUSER_PASSWORD not in origin.location and SUPERUSER_PASSWORD not in url.split("@")[1]
    assert SUPERUSER_PASSWORD.encode() not in Path(mine.path).read_bytes()  # type: ignore[arg-type]
    assert _state(mine) == _state(server)


def test_offline_and_team_edits_merge_through_the_command(team, capsys) -> None:  # type: ignore[no-untyped-def]
    mine, server, _url = team
    with mine.read() as session:
        first, second = session.scalars(select(Account).order_by(Account.name).limit(2))
        person = session.scalars(
            select(Stakeholder).where(Stakeholder.account_id == second.id)
        ).first()
    _edit(mine, Account, first.id, notes="From the workshop room")
    _edit(server, Account, first.id, website="https://team.example")
    _edit(server, Stakeholder, person.id, title="Head of Everything")
    before = _account(server, first.name).version  # type: ignore[union-attr]

    assert main(["sync", str(mine.path)]) == 0

    assert "sent 0, received 1, merged 1" in capsys.readouterr().out
    for plan in (mine, server):
        account = _account(plan, first.name)
        assert (account.notes, account.website) == (
            "From the workshop room",
            "https://team.example",
        )  # type: ignore[union-attr]
    assert _account(server, first.name).version == before + 1  # type: ignore[union-attr]
    assert _state(mine, versions=True) == _state(server, versions=True)
    assert main(["sync", str(mine.path)]) == 0
    assert "sent 0, received 0, merged 0" in capsys.readouterr().out


def test_conflicts_leave_the_server_unchanged_until_decided(team, capsys) -> None:  # type: ignore[no-untyped-def]
    mine, server, _url = team
    with mine.read() as session:
        first = session.scalars(select(Account).order_by(Account.name)).first()
    _edit(mine, Account, first.id, region="Offline")
    _edit(server, Account, first.id, region="Team")
    before = _state(server, versions=True)

    assert main(["sync", str(mine.path)]) == 3
    assert "region" in capsys.readouterr().out
    assert _state(server, versions=True) == before

    assert main(["sync", str(mine.path), "--prefer", "mine"]) == 0
    assert _account(server, first.name).region == "Offline"  # type: ignore[union-attr]
    assert _state(mine, versions=True) == _state(server, versions=True)


def test_a_teammates_save_during_the_sync_is_not_overwritten(team) -> None:  # type: ignore[no-untyped-def]
    mine, server, url = team
    with mine.read() as session:
        first = session.scalars(select(Account).order_by(Account.name)).first()
    _edit(mine, Account, first.id, region="Offline")
    _edit(server, Account, first.id, region="Team")
    teammate = open_plan(url)
    before_mine = _state(mine, versions=True)

    def decide_while_a_teammate_saves(_conflict: object) -> str:
        _edit(teammate, Account, first.id, region="Teammate, just now")
        return "mine"

    try:
        with pytest.raises(ConcurrentEditError):
            sync(mine, server, resolve=decide_while_a_teammate_saves)  # type: ignore[arg-type]
    finally:
        teammate.close()
    assert _account(server, first.name).region == "Teammate, just now"  # type: ignore[union-attr]
    assert _state(mine, versions=True) == before_mine


def test_delete_against_edit_on_the_server(team) -> None:  # type: ignore[no-untyped-def]
    mine, server, _url = team
    with mine.read() as session:
        first = session.scalars(select(Account).order_by(Account.name)).first()
    with mine.write() as unit:
        unit.session.delete(unit.session.get(Account, first.id))
    _edit(server, Account, first.id, notes="the team still works on it")

    report = sync(mine, server)
    assert not report.applied and [c.mine for c in report.unresolved] == ["(deleted)"]

    assert sync(mine, server, prefer="theirs").applied
    assert _account(mine, first.name).notes == "the team still works on it"  # type: ignore[union-attr]
    assert _state(mine) == _state(server)

"""``abm-planner sync FILE``: counts, conflicts with exit 3, --prefer, --json, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update
from sync_pairs import account_named, accounts, edit, state, synced_pair

from abm_planner.cli import main
from abm_planner.store.models import Account, SyncOrigin


@pytest.fixture
def pair(demo_plan_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with synced_pair(demo_plan_path, tmp_path) as plans:
        yield plans


def test_sync_prints_what_went_each_way(pair, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, second, *_ = accounts(mine)
    edit(mine, Account, first.id, notes="offline")
    edit(server, Account, second.id, notes="team")
    edit(mine, Account, second.id, region="offline region")

    assert main(["sync", str(mine.path)]) == 0

    out = capsys.readouterr().out
    assert f"Synced {mine.path} with {server.path}: sent 1, received 0, merged 1 record(s)." in out
    assert account_named(server, first.name).notes == "offline"  # type: ignore[union-attr]
    assert state(mine) == state(server)


def test_conflicts_are_listed_and_nothing_changes_without_prefer(pair, capsys) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, *_ = accounts(mine)
    edit(mine, Account, first.id, region="Offline value")
    edit(server, Account, first.id, region="Team value")
    before = mine.path.read_bytes(), server.path.read_bytes()

    assert main(["sync", str(mine.path)]) == 3

    out = capsys.readouterr().out
    assert "1 conflict(s)" in out and "nothing was changed" in out
    line = next(row for row in out.splitlines() if row.startswith("accounts"))
    assert line.split()[:1] == ["accounts"]
    for part in (first.name[:20], "region", "Offline value", "Team value"):
        assert part in line
    assert (mine.path.read_bytes(), server.path.read_bytes()) == before


@pytest.mark.parametrize(("prefer", "expected"), [("mine", "Offline"), ("theirs", "Team")])
def test_prefer_resolves_conflicts(pair, capsys, prefer: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, *_ = accounts(mine)
    edit(mine, Account, first.id, region="Offline")
    edit(server, Account, first.id, region="Team")

    assert main(["sync", str(mine.path), "--prefer", prefer]) == 0

    assert "1 conflict(s) decided for" in capsys.readouterr().out
    for plan in (mine, server):
        assert account_named(plan, first.name).region == expected  # type: ignore[union-attr]


def test_json_output_lists_conflicts_and_exits_3(pair, capsys) -> None:  # type: ignore[no-untyped-def]
    mine, server = pair
    first, *_ = accounts(mine)
    edit(mine, Account, first.id, website="mine.example")
    edit(server, Account, first.id, website="team.example")

    assert main(["sync", str(mine.path), "--json"]) == 3

    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is False and data["unresolved"] == 1
    [conflict] = data["conflicts"]
    assert {k: conflict[k] for k in ("table", "record", "field", "mine", "theirs")} == {
        "table": "accounts",
        "record": first.name,
        "field": "website",
        "mine": "mine.example",
        "theirs": "team.example",
    }


def test_a_plan_that_is_no_offline_copy_is_refused(pair, capsys) -> None:  # type: ignore[no-untyped-def]
    _mine, server = pair
    assert main(["sync", str(server.path)]) == 2
    err = capsys.readouterr().err
    assert "is not an offline copy of a team plan" in err
    assert len(err.strip().splitlines()) == 1


def test_an_unreachable_server_leaves_the_file_untouched(pair, capsys) -> None:  # type: ignore[no-untyped-def]
    mine, _server = pair
    with mine.write() as unit:
        unit.session.execute(
            update(SyncOrigin).values(origin="postgresql://planner@127.0.0.1:9/acme")
        )
    first, *_ = accounts(mine)
    edit(mine, Account, first.id, notes="offline")
    before = mine.path.read_bytes()

    assert main(["sync", str(mine.path)]) == 2

    err = capsys.readouterr().err
    assert "postgresql://planner@127.0.0.1:9/acme" in err and "reached" in err
    assert mine.path.read_bytes() == before

"""The everyday commands on a team plan: a URL wherever a plan path goes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from plan_tables import assert_same_plan

from abm_planner.cli import main
from abm_planner.services.accounts import list_accounts
from abm_planner.services.plans import open_plan


@pytest.fixture
def demo_url(demo_plan_path: Path, empty_database_url: str) -> str:
    assert main(["copy", str(demo_plan_path), empty_database_url]) == 0
    return empty_database_url


def test_summary_analyze_and_export_read_the_server(
    demo_url: str, demo_plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["summary", str(demo_plan_path), "--json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert main(["summary", demo_url, "--json"]) == 0
    from_server = json.loads(capsys.readouterr().out)
    for key in ("location",):
        from_file.pop(key), from_server.pop(key)
    assert from_server == from_file

    assert main(["analyze", str(demo_plan_path), "--json"]) == 0
    analysis_of_file = json.loads(capsys.readouterr().out)
    assert main(["analyze", demo_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == analysis_of_file

    assert main(["export", demo_url, str(tmp_path / "team.xlsx")]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert (tmp_path / "team.xlsx").stat().st_size > 10_000


def test_import_writes_into_the_server(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("Id,Name,Industry\n001Z,Zeta Ünïcode GmbH,Retail\n", encoding="utf-8")
    assert main(["import", demo_url, str(accounts)]) == 0
    out = capsys.readouterr().out
    assert "Imported into postgresql://postgres@" in out
    assert "super-secret-pw" not in out
    plan = open_plan(demo_url, read_only=True)
    try:
        assert "Zeta Ünïcode GmbH" in [row.name for row in list_accounts(plan)]
    finally:
        plan.close()


def test_save_a_copy_of_a_team_plan_writes_a_plan_file(demo_url: str, tmp_path: Path) -> None:
    team = open_plan(demo_url, read_only=True)
    try:
        team.save_copy(tmp_path / "saved.abmplan")
        saved = open_plan(tmp_path / "saved.abmplan", read_only=True)
        try:
            assert_same_plan(team, saved)
        finally:
            saved.close()
    finally:
        team.close()


def test_server_commands_want_a_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "upgrade", str(tmp_path / "plan.abmplan")]) == 2
    assert "is not a PostgreSQL URL" in capsys.readouterr().err
    assert main(["server", "grant", "postgresql://h/db", "role"]) == 2
    assert "--read-only" in capsys.readouterr().err

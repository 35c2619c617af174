"""``abm-planner analyze``: the JSON shape, the text for people, and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from abm_planner.cli import EXIT_OK, EXIT_USER_ERROR, main

CODES = {
    "no_economic_buyer",
    "economic_buyer_uncovered",
    "no_champion",
    "single_threaded",
    "uncovered_key_player",
    "detractor_key_player",
    "stale_key_player",
    "reports_to_cycle",
    "isolated",
}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["analyze", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_has_one_object_per_account(
    capsys: pytest.CaptureFixture[str], dmu_demo_path: Path
) -> None:
    status, out, err = run(capsys, dmu_demo_path, "--json")
    assert status == EXIT_OK
    assert err == ""
    accounts = json.loads(out)
    assert isinstance(accounts, list)
    assert len(accounts) == 12
    for account in accounts:
        assert set(account) == {
            "account",
            "status",
            "findings",
            "influence_ranking",
            "warm_path",
            "clashes",  # the play checks' keys (tests/unit/plays/test_plays_cli.py)
            "touch_gaps",
        }
        assert account["status"] in {"red", "amber", "green"}
        for finding in account["findings"]:
            assert set(finding) == {"code", "message", "stakeholders"}
            assert finding["code"] in CODES
            assert all(isinstance(name, str) for name in finding["stakeholders"])
        assert all(isinstance(name, str) for name in account["influence_ranking"])
        assert account["warm_path"] is None or all(isinstance(n, str) for n in account["warm_path"])
    by_name = {a["account"]: a for a in accounts}
    assert by_name["Castleford Retail Group plc"]["status"] == "red"
    assert by_name["Castleford Retail Group plc"]["warm_path"] is None
    polar = by_name["Polar Cold Chain Oy"]
    assert [(f["code"], f["stakeholders"]) for f in polar["findings"]] == [
        ("isolated", ["Mikko Järvinen"])
    ]
    assert len(polar["influence_ranking"]) == 8


def test_json_for_one_account(capsys: pytest.CaptureFixture[str], dmu_demo_path: Path) -> None:
    status, out, _ = run(capsys, dmu_demo_path, "--account", "meridian pharma ag", "--json")
    assert status == EXIT_OK
    (meridian,) = json.loads(out)
    assert meridian["account"] == "Meridian Pharma AG"
    assert meridian["status"] == "red"
    assert "Dr. Urs Baumgartner" in {
        name
        for f in meridian["findings"]
        if f["code"] == "detractor_key_player"
        for name in f["stakeholders"]
    }


def test_text_is_for_people(capsys: pytest.CaptureFixture[str], dmu_demo_path: Path) -> None:
    status, out, _ = run(capsys, dmu_demo_path)
    assert status == EXIT_OK
    assert "Kestrel Telecom Ltd: AMBER" in out
    assert "Single-threaded: only Niamh Brennan" in out
    assert "Most influential:" in out
    assert "Warm path" in out
    assert out.rstrip().endswith("12 accounts: 6 red, 5 amber, 1 green.")


def test_text_for_one_account(capsys: pytest.CaptureFixture[str], dmu_demo_path: Path) -> None:
    status, out, _ = run(capsys, dmu_demo_path, "--account", "Stadtwerke")
    assert status == EXIT_OK
    assert out.startswith("Stadtwerke Elmshagen AöR: AMBER\n")
    assert "in 142 days" in out
    assert out.rstrip().endswith("1 account: 0 red, 1 amber, 0 green.")


def test_an_unknown_account_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], dmu_demo_path: Path
) -> None:
    status, out, err = run(capsys, dmu_demo_path, "--account", "Umbrella Corp", "--json")
    assert status == EXIT_USER_ERROR
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("abm-planner: error: No account is called 'Umbrella Corp'")


def test_an_ambiguous_account_lists_the_matches(
    capsys: pytest.CaptureFixture[str], dmu_demo_path: Path
) -> None:
    status, out, err = run(capsys, dmu_demo_path, "--account", "ahrenberg")
    assert status == EXIT_USER_ERROR
    assert out == ""
    assert err.count("\n") == 1
    assert "Ahrenberg Antriebstechnik GmbH" in err
    assert "Ahrenberg Automation AG" in err


def test_a_missing_plan_is_a_user_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, tmp_path / "nowhere.abmplan")
    assert status == EXIT_USER_ERROR
    assert err.startswith("abm-planner: error: There is no plan at")


def test_analyze_needs_a_plan(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys)
    assert status == EXIT_USER_ERROR
    assert "PLAN" in err or "plan" in err

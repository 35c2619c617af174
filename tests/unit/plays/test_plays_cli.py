"""``abm-planner analyze``: the play checks' ``clashes`` and ``touch_gaps`` per account."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from abm_planner.cli import EXIT_OK, main

CLASH_CODES = {"same_week_plays", "too_many_touches"}
GAP_CODES = {"key_player_without_play", "finding_without_play", "below_touch_threshold"}


def analyze(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    status = main(["analyze", *map(str, args)])
    return status, capsys.readouterr().out


def test_every_account_object_has_clashes_and_touch_gaps(
    capsys: pytest.CaptureFixture[str], demo_plan_path: Path
) -> None:
    status, out = analyze(capsys, demo_plan_path, "--json")
    assert status == EXIT_OK
    accounts = json.loads(out)
    assert len(accounts) == 12
    for account in accounts:
        for clash in account["clashes"]:
            assert clash["code"] in CLASH_CODES
            assert isinstance(clash["message"], str)
            assert all(isinstance(name, str) for name in clash["stakeholders"])
        for gap in account["touch_gaps"]:
            assert gap["code"] in GAP_CODES
            if gap["code"] != "below_touch_threshold":
                assert all(isinstance(name, str) for name in gap["suggested_plays"])
    by_name = {a["account"]: a for a in accounts}
    (cio,) = [
        c for c in by_name["Ahrenberg Antriebstechnik GmbH"]["clashes"]
        if c["code"] == "same_week_plays"
    ]  # fmt: skip
    assert cio["stakeholders"] == ["Oliver Stein"]
    assert sorted(cio["plays"]) == ["Executive Briefing", "Proof of Value Workshop"]
    assert all(w.count("-W") == 1 for w in cio["weeks"])
    overloads = [
        c for c in by_name["Nordhavn Logistics A/S"]["clashes"] if c["code"] == "too_many_touches"
    ]
    assert [o["stakeholders"] for o in overloads] == [["Lars Mikkelsen"]]
    assert overloads[0]["limit"] == 3
    assert overloads[0]["touches"] >= 4


def test_one_account_in_text_lists_clashes_and_suggestions(
    capsys: pytest.CaptureFixture[str], demo_plan_path: Path
) -> None:
    status, out = analyze(capsys, demo_plan_path, "--account", "Ahrenberg Antriebstechnik")
    assert status == EXIT_OK
    assert "Oliver Stein is targeted by" in out
    assert "[same_week_plays]" in out
    assert "Suggested: " in out
    assert out.rstrip().endswith(".")  # the status tally still closes the report

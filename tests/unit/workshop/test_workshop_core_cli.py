"""``abm-planner snapshot``, ``snapshots`` and ``changes``: output, JSON shape, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from abm_planner.cli import main
from abm_planner.services.accounts import delete_account, list_accounts, update_account
from abm_planner.services.plans import open_plan


def _run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_snapshot_edit_changes_json(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "snapshot", demo_copy, "Before QBR")
    assert code == 0 and "Snapshot “Before QBR” taken" in out and "records" in out
    plan = open_plan(demo_copy)
    try:
        first, second = list_accounts(plan)[:2]
        update_account(plan, first.id, {"notes": "Budget moves to Q3."})
        delete_account(plan, second.id)
    finally:
        plan.close()

    code, out, _ = _run(capsys, "changes", demo_copy, "--since", "Before QBR", "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {"added", "changed", "removed"}
    [changed] = report["changed"]
    assert set(changed) >= {"record", "type", "account", "field", "old", "new"}
    assert (changed["account"], changed["type"], changed["field"], changed["new"]) == (
        first.name,
        "Account",
        "notes",
        "Budget moves to Q3.",
    )
    assert report["added"] == []
    assert {item["account"] for item in report["removed"]} == {second.name}
    assert all(set(i) >= {"record", "type", "account", "name"} for i in report["removed"])

    code, out, _ = _run(capsys, "changes", demo_copy, "--since", "Before QBR")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Changes since “Before QBR”")
    assert first.name in lines and second.name in lines
    [gone] = [line for line in lines if line.startswith(f"  - Account {second.name} with ")]
    assert "× Stakeholder" in gone  # the account's own records are counted, not listed

    # A removed account is still found by its name in the snapshot.
    code, out, _ = _run(
        capsys, "changes", demo_copy, "--since", "Before QBR", "--account", second.name, "--json"
    )
    assert code == 0
    only = json.loads(out)
    assert only["changed"] == [] and only["removed"] == report["removed"]


def test_snapshots_lists_labels(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "snapshot", demo_copy, "Q3 close")[0] == 0
    code, out, _ = _run(capsys, "snapshots", demo_copy)
    assert code == 0
    assert "Q3 close" in out and "(workshop start)" in out  # the demo's workshop took two
    code, out, _ = _run(capsys, "snapshots", demo_copy, "--json")
    rows = json.loads(out)
    assert rows[-1]["label"] == "Q3 close" and rows[-1]["kind"] == "manual"
    assert rows[-1]["records"] > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["changes", "{plan}", "--since", "Nope"],
            "no snapshot “Nope”; the plan has “Account planning workshop",
        ),
        (["snapshot", "{plan}", "Twice"], "already exists"),
        (["changes", "{plan}"], "--since"),
        (["changes", "{plan}", "--since", "Twice", "--account", "Atlantis"], "No account"),
        (["snapshot", "{missing}", "X"], "no plan at"),
    ],
)
def test_errors_are_one_sentence_and_exit_2(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    assert _run(capsys, "snapshot", demo_copy, "Twice")[0] == 0
    names = {"plan": demo_copy, "missing": tmp_path / "missing.abmplan"}
    code, out, err = _run(capsys, *(a.format(**names) for a in args))
    assert code == 2 and out == ""
    assert message in err
    assert err.startswith("abm-planner: error: ") and err.count("\n") == 1

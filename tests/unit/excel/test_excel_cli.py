"""``abm-planner export`` and ``abm-planner import``: one line on error, exit 2."""

from __future__ import annotations

from pathlib import Path

import excel_samples as samples
import pytest

from abm_planner.cli import main
from abm_planner.services.plans import open_plan
from abm_planner.services.summary import plan_summary


def test_export_then_dry_run_import(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(demo_copy), str(out), "--no-findings"]) == 0
    assert "Wrote" in capsys.readouterr().out and out.exists()
    before = demo_copy.read_bytes()
    assert main(["import", str(demo_copy), str(out), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "round_trip" in printed and "nothing the plan does not already have" in printed
    assert demo_copy.read_bytes() == before


def test_export_of_named_accounts(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = open_plan(demo_copy, read_only=True)
    name = next(iter(plan_summary(plan)["tiers"]))
    plan.close()
    assert (
        main(["export", str(demo_copy), str(tmp_path / "x.xlsx"), "--account", "No Such Account"])
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No Such Account" in err
    del name


def test_import_crm_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "p.abmplan"
    assert main(["new", str(plan)]) == 0
    files = [
        samples.salesforce_accounts_report(tmp_path),
        samples.salesforce_contacts_dataloader(tmp_path),
    ]
    assert main(["import", str(plan), *map(str, files), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "Account Name                             -> Name" in printed
    assert main(["import", str(plan), *map(str, files)]) == 0
    printed = capsys.readouterr().out
    assert "added 3 accounts, 3 stakeholders, 1 relationship line" in printed
    assert "2 contacts without a known account were skipped" in printed
    assert "(s)" not in printed


def test_import_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "p.abmplan"
    main(["new", str(plan)])
    capsys.readouterr()
    bad = samples.write_csv(tmp_path / "bad.csv", [["Account Name", "Employees"], ["X", "many"]])
    before = plan.read_bytes()
    assert main(["import", str(plan), str(bad)]) == 2
    err = capsys.readouterr().err
    assert (
        err == "abm-planner: error: bad.csv, row 2, column 'Employees' (B): "
        "Employees: 'many' is not a number\n"
    )
    assert main(["import", str(plan), str(bad), "--dry-run"]) == 2
    assert plan.read_bytes() == before

"""Rolling backups: which are kept, where they go, and putting one back."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from abm_planner.cli import main
from abm_planner.errors import PlanFileError
from abm_planner.services import accounts
from abm_planner.services.backups import (
    RollingBackups,
    backup_folder,
    list_backups,
    restore_as_new,
    restore_over,
    take_backup,
)
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.summary import plan_summary
from abm_planner.store.backup_files import StampedFile, to_keep, within_budget

NOW = datetime(2026, 11, 23, 16, 40)


def test_the_policy_keeps_the_newest_and_the_first_of_each_hour_and_day() -> None:
    stamps = [NOW - timedelta(minutes=10 * n) for n in range(24 * 6 * 10)]  # 10 days, 10-minutely
    files = sorted(
        (StampedFile(Path(f"{s:%Y%m%d-%H%M%S}.abmplan"), s) for s in stamps),
        key=lambda f: f.taken_at,
    )
    keep = to_keep(files, NOW)
    kept = {f.taken_at for f in files if f.path in keep}
    days = {datetime(2026, 11, d) for d in range(17, 24)}  # the first of each of 7 days
    hours = {NOW.replace(hour=h, minute=0) for h in range(11, 17)}  # of each of 6 hours
    assert kept == days | hours | {NOW}


def test_an_old_newest_backup_is_kept_a_month_then_dropped() -> None:
    old = StampedFile(Path("a.abmplan"), NOW - timedelta(days=20))
    assert to_keep([old], NOW) == {old.path}
    assert to_keep([old], NOW + timedelta(days=11)) == set()


def test_the_oldest_backups_go_first_when_they_outgrow_the_size_budget(tmp_path: Path) -> None:
    files = []
    for hours_ago in (3, 2, 1, 0):
        path = tmp_path / f"{hours_ago}.abmplan"
        path.write_bytes(b"x" * 400)
        files.append(StampedFile(path, NOW - timedelta(hours=hours_ago)))
    everything = {f.path for f in files}
    assert within_budget(files, everything, budget=1600) == everything
    assert within_budget(files, everything, budget=900) == {files[2].path, files[3].path}
    # the newest stays even when it alone is over the budget
    assert within_budget(files, everything, budget=100) == {files[3].path}


def test_a_backup_is_a_sound_copy_listed_with_its_counts(tmp_plan: Plan) -> None:
    accounts.create_account(tmp_plan, {"name": "Helix Pharma AG"})
    path = take_backup(tmp_plan)
    [info] = list_backups(tmp_plan)
    assert info.path == path and info.accounts == 1 and info.stakeholders == 0
    assert info.size == path.stat().st_size
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert path.is_relative_to(Path.home()) is False  # tests isolate the data folder
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_plans_of_the_same_name_and_copies_keep_separate_backups(
    tmp_plan: Plan, tmp_path: Path
) -> None:
    assert tmp_plan.path is not None
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    twin = other_folder / tmp_plan.path.name
    shutil.copyfile(tmp_plan.path, twin)  # same name, same plan id, another place
    other = open_plan(twin)
    try:
        assert backup_folder(other) != backup_folder(tmp_plan)
        assert backup_folder(other).name.startswith("Test_plan-")
    finally:
        other.close()


def test_rolling_backups_take_one_on_open_and_then_at_most_every_interval(
    tmp_plan: Plan,
) -> None:
    clock = [NOW]
    rolling = RollingBackups(tmp_plan, interval=timedelta(minutes=10), clock=lambda: clock[0])
    rolling.start()
    rolling.wait()
    accounts.create_account(tmp_plan, {"name": "Within ten minutes"})
    rolling.wait()
    assert len(rolling.taken) == 1
    clock[0] = NOW + timedelta(minutes=11)
    accounts.create_account(tmp_plan, {"name": "Later"})
    rolling.stop()
    assert len(rolling.taken) == 2
    assert rolling.last_error is None
    newest = list_backups(tmp_plan)[0]
    assert newest.accounts == 2


def test_a_delayed_opening_backup_is_taken_once_early_by_an_edit_or_never_after_stop(
    tmp_plan: Plan,
) -> None:
    rolling = RollingBackups(tmp_plan, clock=lambda: NOW)
    rolling.start(delay=60)
    assert rolling.taken == []
    accounts.create_account(tmp_plan, {"name": "Edited at once"})  # takes it now
    rolling.wait()
    rolling.stop()
    assert len(rolling.taken) == 1

    idle = RollingBackups(tmp_plan, clock=lambda: NOW)
    idle.start(delay=60)
    idle.stop()  # closed before the delay ran out: no backup, no thread left behind
    assert idle.taken == []


def test_restore_over_backs_up_the_current_plan_first(tmp_plan: Plan, tmp_path: Path) -> None:
    accounts.create_account(tmp_plan, {"name": "Before the mistake"})
    good = take_backup(tmp_plan, now=NOW)
    for n in range(3):
        accounts.create_account(tmp_plan, {"name": f"Mistake {n}"})
    before = restore_over(tmp_plan, good)
    assert tmp_plan.path is not None
    reopened = open_plan(tmp_plan.path)
    try:
        assert plan_summary(reopened)["accounts"] == 1
        counts = {b.path: b.accounts for b in list_backups(reopened)}
    finally:
        reopened.close()
    assert counts[before] == 4  # the undone state can itself be restored
    copy = tmp_path / "Restored.abmplan"
    restore_as_new(before, copy)
    with pytest.raises(PlanFileError, match="already exists"):
        restore_as_new(before, copy)


def test_the_cli_lists_and_restores_backups(
    tmp_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tmp_plan.path is not None
    accounts.create_account(tmp_plan, {"name": "Kept"})
    take_backup(tmp_plan, now=NOW)
    accounts.create_account(tmp_plan, {"name": "Regretted"})
    tmp_plan.close()

    assert main(["backups", str(tmp_plan.path)]) == 0
    listing = capsys.readouterr().out
    assert "2026-11-23 16:40:00" in listing and "1 accounts" in listing
    assert main(["restore", str(tmp_plan.path), "1"]) == 0
    plan = open_plan(tmp_plan.path)
    try:
        assert {row.name for row in accounts.list_accounts(plan)} == {"Kept"}
    finally:
        plan.close()
    assert main(["restore", str(tmp_plan.path), "9"]) == 2
    assert "no backup number 9" in capsys.readouterr().err


def test_a_copy_never_holds_the_plan_while_it_is_being_edited(
    tmp_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between steps the plan is free to save to; edits there restart the copy, which
    then gives up instead of locking the editor out."""
    from abm_planner.store import backup_files

    assert tmp_plan.path is not None
    monkeypatch.setattr(backup_files, "STEP_PAGES", 4)
    saved = []

    class EditDuringPause:
        @staticmethod
        def sleep(_seconds: float) -> None:
            accounts.create_account(tmp_plan, {"name": f"Saved between steps {len(saved)}"})
            saved.append(True)  # the save did not wait for the copy

    monkeypatch.setattr(backup_files, "time", EditDuringPause)
    with pytest.raises(backup_files.PlanBusyError):
        backup_files.copy_plan(tmp_plan.path, tmp_path / "copy.abmplan")
    assert len(saved) == backup_files.RESTARTS_ALLOWED + 1
    assert not (tmp_path / "copy.abmplan").exists()
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []


def test_a_postponed_backup_is_tried_again_a_minute_later(
    tmp_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    from abm_planner.store import backup_files

    def busy(*_args: object) -> None:
        raise backup_files.PlanBusyError

    monkeypatch.setattr(backup_files, "copy_plan", busy)
    clock = [NOW]
    rolling = RollingBackups(tmp_plan, clock=lambda: clock[0])
    rolling.start()
    rolling.wait()
    assert rolling.last_error is not None and "put off" in rolling.last_error
    monkeypatch.undo()
    clock[0] = NOW + timedelta(seconds=61)
    accounts.create_account(tmp_plan, {"name": "An edit a minute later"})
    rolling.stop()
    assert len(rolling.taken) == 1 and rolling.last_error is None

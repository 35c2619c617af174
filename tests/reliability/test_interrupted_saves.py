"""Regressions the suite found, each pinned down without needing root or luck.

- A plan killed in the middle of a save kept a hot journal; the app checked it with a
  read-only connection, which cannot roll a journal back, and called the plan damaged.
- A save killed before its journal header was written left a stale ``-journal`` file
  next to an idle plan.
- A full disk while XlsxWriter zipped an export left a zip object that later printed an
  "Exception ignored" traceback; Save a copy, the pre-migration backup and new plans
  left temporary files or raised raw errors.
"""

from __future__ import annotations

import errno
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from disk_faults import leftovers
from plan_state import digest, integrity
from sqlalchemy.exc import OperationalError

from abm_planner.errors import PlanFileError
from abm_planner.excel.errors import ExportError
from abm_planner.services import accounts
from abm_planner.services.excel_io import export_plan
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.store import plan_file, schema

# Starts a big transaction on the plan, lets SQLite spill changed pages into the plan file
# itself (a tiny page cache), then dies: the plan file is half-changed, the journal hot.
DIE_MID_SAVE = """
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 1")
connection.execute("BEGIN")
connection.execute("UPDATE stakeholders SET notes = 'half-saved ' || name")
connection.execute("UPDATE accounts SET name = name || ' (half-saved)'")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_plan_killed_mid_save_opens_with_its_last_saved_state(plan_copy: Path) -> None:
    before = digest(plan_copy)
    result = subprocess.run([sys.executable, "-c", DIE_MID_SAVE, str(plan_copy)], check=False)
    assert result.returncode == -signal.SIGKILL
    journal = Path(f"{plan_copy}-journal")
    assert journal.exists()

    plan = open_plan(plan_copy, read_only=True)  # even a read-only opening recovers it
    try:
        names = [row.name for row in accounts.list_accounts(plan)]
    finally:
        plan.close()
    assert not any("half-saved" in name for name in names)
    assert not journal.exists()
    assert digest(plan_copy) == before
    assert integrity(plan_copy) == "ok"


def test_a_stale_journal_is_removed_when_the_plan_opens(plan_copy: Path) -> None:
    before = plan_copy.read_bytes()
    journal = Path(f"{plan_copy}-journal")
    journal.write_bytes(b"\0" * 4096)  # what a save killed before its first sync leaves
    open_plan(plan_copy).close()
    assert not journal.exists()
    assert plan_copy.read_bytes() == before


def test_an_export_failing_inside_the_zip_writer_leaves_no_stray_error(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlsxwriter.workbook

    class FullDiskZip(xlsxwriter.workbook.ZipFile):  # type: ignore[misc, name-defined]
        def write(self, *args: object, **kwargs: object) -> None:
            if len(self.filelist) >= 3:
                raise OSError(errno.ENOSPC, "No space left on device")
            super().write(*args, **kwargs)

    monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", FullDiskZip)
    target = tmp_path / "Workshop.xlsx"
    target.write_bytes(b"previous export")
    plan = open_plan(plan_copy, read_only=True)
    try:
        with pytest.raises(ExportError, match="No space left on device"):
            export_plan(plan, target, include_findings=False)
    finally:
        plan.close()
    assert target.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == []
    import gc

    gc.collect()  # the zip's destructor ran here and used to print a traceback


def test_a_failed_copy_and_a_failed_upgrade_backup_leave_no_temporary_files(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(plan_file, "publish", full)
    plan = open_plan(plan_copy)
    try:
        with pytest.raises(PlanFileError, match="could not be written"):
            plan.save_copy(tmp_path / "Copy.abmplan")
    finally:
        plan.close()
    monkeypatch.undo()

    old = tmp_path / "old" / "Old plan.abmplan"
    old.parent.mkdir()
    plan_file.create_empty_file(old)
    engine = plan_file.make_engine(old)
    try:
        schema.upgrade(engine, "0001")
    finally:
        engine.dispose()
    before = old.read_bytes()
    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(PlanFileError, match="backup could not be written"):
        open_plan(old)
    assert old.read_bytes() == before
    assert leftovers(tmp_path) == [] and leftovers(old.parent) == []


def test_a_new_plan_whose_tables_cannot_be_written_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(schema, "upgrade", disk_full)
    with pytest.raises(PlanFileError, match="could not be created: database or disk is full"):
        create_plan(tmp_path / "New.abmplan")
    assert list(tmp_path.iterdir()) == []


def test_foreign_and_newer_files_with_a_journal_are_refused_untouched(
    plan_copy: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "Someone else's.abmplan"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    newer = plan_copy
    with sqlite3.connect(newer) as connection:
        connection.execute(f"PRAGMA user_version = {schema.head_revision() + 1}")
    connection.close()
    for path in (foreign, newer):
        journal = Path(f"{path}-journal")
        journal.write_bytes(b"\0" * 512)
        before = path.read_bytes()
        with pytest.raises(PlanFileError, match=r"not an ABM Planner plan|newer version"):
            open_plan(path)
        assert path.read_bytes() == before
        assert journal.read_bytes() == b"\0" * 512

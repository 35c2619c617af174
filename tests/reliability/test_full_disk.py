"""A disk that fills up: every write gives one clear sentence and loses nothing.

Plan edits (every edit is saved at once: there is no separate autosave), export,
Save a copy, the pre-migration backup, the rolling backups, and new plans.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from disk_faults import fill, free_up, leftovers, small_disk
from plan_state import digest, integrity

from abm_planner.errors import PlanFileError, UserError
from abm_planner.excel.errors import ExportError
from abm_planner.services import accounts
from abm_planner.services.backups import RollingBackups, take_backup
from abm_planner.services.demo import create_demo_plan
from abm_planner.services.excel_io import export_plan
from abm_planner.services.plans import create_plan, open_plan
from abm_planner.store import plan_file, schema


@pytest.fixture
def disk(tmp_path: Path):
    with small_disk(tmp_path / "usb stick") as folder:
        yield folder


@pytest.fixture
def plan_on_disk(disk: Path, template_plan: Path) -> Path:
    path = disk / "Key accounts.abmplan"
    shutil.copyfile(template_plan, path)
    return path


@pytest.mark.parametrize("leave", [0, 160 * 1024])
def test_an_edit_on_a_full_disk_is_refused_and_the_plan_keeps_its_last_state(
    plan_on_disk: Path, disk: Path, leave: int
) -> None:
    before = digest(plan_on_disk)
    plan = open_plan(plan_on_disk)
    try:
        fill(disk, leave)
        with pytest.raises(PlanFileError) as refused:
            for n in range(50):  # some edits may still fit; the disk runs out on one of them
                accounts.create_account(plan, {"name": f"Big {n}", "notes": "n" * 200_000})
        assert "full" in str(refused.value)
        assert str(refused.value).count("\n") == 0
    finally:
        plan.close()
    free_up(disk)
    reopened = open_plan(plan_on_disk)
    try:
        names = {row.name for row in accounts.list_accounts(reopened)}
    finally:
        reopened.close()
    assert integrity(plan_on_disk) == "ok"
    saved = {n for n in names if n.startswith("Big ")}
    assert saved == {f"Big {n}" for n in range(len(saved))}  # whole edits only, in order
    if not saved:
        assert digest(plan_on_disk) == before
    assert leftovers(disk) == []


def test_an_export_to_a_full_disk_keeps_the_previous_file(plan_copy: Path, disk: Path) -> None:
    previous = disk / "Workshop.xlsx"
    previous.write_bytes(b"last week's export")
    fill(disk)
    plan = open_plan(plan_copy, read_only=True)
    try:
        with pytest.raises(ExportError, match="previous file of that name is unchanged"):
            export_plan(plan, previous, include_findings=False)
    finally:
        plan.close()
    assert previous.read_bytes() == b"last week's export"
    assert leftovers(disk) == []


def test_save_a_copy_to_a_full_disk_keeps_the_previous_copy(plan_copy: Path, disk: Path) -> None:
    previous = disk / "Copy.abmplan"
    previous.write_bytes(b"an older copy")
    fill(disk)
    plan = open_plan(plan_copy)
    try:
        with pytest.raises(PlanFileError, match="could not be written"):
            plan.save_copy(previous)
    finally:
        plan.close()
    assert previous.read_bytes() == b"an older copy"
    assert leftovers(disk) == []


def test_the_pre_migration_backup_on_a_full_disk_refuses_the_upgrade_cleanly(
    disk: Path,
) -> None:
    old = disk / "Old plan.abmplan"
    plan_file.create_empty_file(old)
    engine = plan_file.make_engine(old)
    try:
        schema.upgrade(engine, "0001")
    finally:
        engine.dispose()
    before = old.read_bytes()
    fill(disk, 4096)
    with pytest.raises(PlanFileError) as refused:
        open_plan(old)
    assert "backup" in str(refused.value)
    assert old.read_bytes() == before
    assert leftovers(disk) == []


def test_new_and_demo_plans_on_a_full_disk_leave_nothing_behind(disk: Path) -> None:
    fill(disk, 64 * 1024)
    with pytest.raises(UserError):
        create_demo_plan(disk / "Demo.abmplan").close()
    with pytest.raises(UserError):
        for n in range(20):
            create_plan(disk / f"New {n}.abmplan").close()
    assert not (disk / "Demo.abmplan").exists()
    assert leftovers(disk) == []
    for made in disk.glob("New *.abmplan"):
        assert integrity(made) == "ok"


def test_backups_on_a_full_data_disk_fail_quietly_and_editing_goes_on(
    plan_copy: Path, disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(disk / "data"))
    plan = open_plan(plan_copy)
    try:
        take_backup(plan)
        fill(disk)
        with pytest.raises(PlanFileError, match="No backup"):
            take_backup(plan)
        rolling = RollingBackups(plan)
        rolling.start()
        rolling.wait()
        assert rolling.last_error is not None and "No backup" in rolling.last_error
        accounts.create_account(plan, {"name": "Still saved"})
        rolling.stop()
    finally:
        plan.close()
    [folder] = (disk / "data" / "abm-planner" / "backups").iterdir()
    assert leftovers(folder) == []
    [kept] = folder.glob("*.abmplan")
    assert integrity(kept) == "ok"


def test_cli_import_on_a_full_disk_is_one_line_and_changes_nothing(
    plan_on_disk: Path, disk: Path, tmp_path: Path
) -> None:
    from kills import cli, write_crm_files

    files = write_crm_files(tmp_path, 400, 800)
    before = digest(plan_on_disk)
    fill(disk, 32 * 1024)
    result = subprocess.run(
        cli("import", plan_on_disk, *files), capture_output=True, text=True, check=False
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    free_up(disk)
    assert digest(plan_on_disk) == before
    assert integrity(plan_on_disk) == "ok"


def test_file_size_limit_without_root(plan_copy: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE (``ulimit -f``): the write fails like on a full disk, any user can run it."""
    from kills import write_crm_files

    files = write_crm_files(tmp_path, 2000, 4000)
    before = digest(plan_copy)
    limit = plan_copy.stat().st_size + 64 * 1024
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from abm_planner.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "import", str(plan_copy), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "could not be saved" in result.stderr and "damaged" not in result.stderr
    open_plan(plan_copy).close()  # the next start puts back what the failed write began
    assert digest(plan_copy) == before
    assert integrity(plan_copy) == "ok"

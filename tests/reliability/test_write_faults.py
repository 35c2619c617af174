"""Read-only plans and folders, plans moved or deleted while open, unicode paths.

Each case gives one clear sentence, the plan is intact, and an export or a copy never
leaves half a file at its destination nor destroys the file that was there.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from disk_faults import leftovers, read_only
from kills import cli, write_crm_files
from plan_state import digest, integrity

from abm_planner.errors import PlanFileError, ReadOnlyPlanError
from abm_planner.excel.errors import ExportError
from abm_planner.services import accounts
from abm_planner.services.backups import list_backups, take_backup
from abm_planner.services.excel_io import export_plan, import_files
from abm_planner.services.plans import open_plan


def test_a_read_only_plan_file_opens_read_only_and_says_why(plan_copy: Path) -> None:
    before = plan_copy.read_bytes()
    with read_only(plan_copy):
        plan = open_plan(plan_copy)
        try:
            assert plan.read_only
            assert "cannot be written" in plan.read_only_reason
            with pytest.raises(ReadOnlyPlanError, match="cannot be written"):
                accounts.create_account(plan, {"name": "Not saved"})
            plan.save_copy(plan_copy.with_name("Rescued.abmplan"))  # reading still works
        finally:
            plan.close()
    assert plan_copy.read_bytes() == before
    assert integrity(plan_copy.with_name("Rescued.abmplan")) == "ok"


def test_a_read_only_folder_opens_read_only_and_the_cli_import_is_refused(
    plan_copy: Path, tmp_path: Path
) -> None:
    files = write_crm_files(tmp_path, 5, 5)
    before = plan_copy.read_bytes()
    with read_only(plan_copy.parent):
        plan = open_plan(plan_copy)
        try:
            assert plan.read_only
            assert "folder" in plan.read_only_reason
        finally:
            plan.close()
        result = subprocess.run(
            cli("import", plan_copy, *files), capture_output=True, text=True, check=False
        )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr
    assert plan_copy.read_bytes() == before


def test_export_and_copy_into_a_read_only_folder_fail_cleanly(
    plan_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "Workshop.xlsx").write_bytes(b"previous export")
    (out / "Copy.abmplan").write_bytes(b"previous copy")
    plan = open_plan(plan_copy, read_only=True)
    try:
        with read_only(out):
            with pytest.raises(ExportError, match="could not be written"):
                export_plan(plan, out / "Workshop.xlsx", include_findings=False)
            with pytest.raises(PlanFileError, match="could not be written"):
                plan.save_copy(out / "Copy.abmplan")
    finally:
        plan.close()
    assert (out / "Workshop.xlsx").read_bytes() == b"previous export"
    assert (out / "Copy.abmplan").read_bytes() == b"previous copy"
    assert leftovers(out) == []


def test_an_export_replaces_the_previous_file_only_when_complete(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from abm_planner.excel import workbook_export

    target = tmp_path / "Workshop.xlsx"
    target.write_bytes(b"previous export")

    def broken_sheets(*_args: object, **_kwargs: object) -> None:
        raise OSError(5, "Input/output error")  # the USB stick was pulled mid-write

    monkeypatch.setattr(workbook_export, "_write_sheets", broken_sheets)
    plan = open_plan(plan_copy, read_only=True)
    try:
        with pytest.raises(ExportError, match="previous file of that name is unchanged"):
            export_plan(plan, target, include_findings=False)
    finally:
        plan.close()
    assert target.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_a_plan_deleted_or_moved_while_open_refuses_edits_and_can_be_saved_as_a_copy(
    plan_copy: Path, tmp_path: Path, how: str
) -> None:
    plan = open_plan(plan_copy)
    try:
        accounts.create_account(plan, {"name": "Saved before"})
        take_backup(plan)
        if how == "deleted":
            plan_copy.unlink()
        else:
            plan_copy.rename(tmp_path / "Elsewhere.abmplan")
        with pytest.raises(PlanFileError, match="moved or deleted while it was open"):
            accounts.create_account(plan, {"name": "Not saved"})
        rescued = tmp_path / "Rescued.abmplan"
        plan.save_copy(rescued)
        [backup] = list_backups(plan)
    finally:
        plan.close()
    copy = open_plan(rescued)
    try:
        names = {row.name for row in accounts.list_accounts(copy)}
    finally:
        copy.close()
    assert "Saved before" in names and "Not saved" not in names
    assert integrity(backup.path) == "ok"
    if how == "moved":
        assert integrity(tmp_path / "Elsewhere.abmplan") == "ok"


def test_a_unicode_path_with_spaces_works_for_every_kind_of_write(
    template_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Übersicht Kunden 2027 — équipe 東京 📁"
    folder.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "données utilisateur"))
    path = folder / "Plan für Müller & Søn.abmplan"
    shutil.copyfile(template_plan, path)
    files = write_crm_files(folder, 3, 3)
    plan = open_plan(path)
    try:
        accounts.create_account(plan, {"name": "Ærøskøbing GmbH — 東京"})
        import_files(plan, files)
        export_plan(plan, folder / "Export für Ø.xlsx", include_findings=False)
        plan.save_copy(folder / "Kopie für Ø.abmplan")
        backup = take_backup(plan)
        assert [b.path for b in list_backups(plan)] == [backup]
        after = digest(path)
    finally:
        plan.close()
    assert digest(folder / "Kopie für Ø.abmplan") == after
    assert integrity(backup) == "ok"
    assert (folder / "Export für Ø.xlsx").stat().st_size > 0
    assert leftovers(folder) == []

"""An exported workbook edited in Excel comes back as a diff the person accepts in part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from abm_planner.excel.errors import StalePreviewError
from abm_planner.excel.import_model import ADD, CHANGE, DELETE
from abm_planner.services.accounts import create_account, get_account, list_accounts, update_account
from abm_planner.services.excel_io import apply_import, export_plan, preview_import
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.stakeholders import list_stakeholders
from abm_planner.services.summary import plan_summary


@pytest.fixture
def plan(demo_copy: Path) -> Any:
    opened = open_plan(demo_copy)
    yield opened
    opened.close()


def export(plan: Plan, path: Path, accounts: list[str] | None = None) -> Path:
    export_plan(plan, path, accounts, include_findings=False)
    return path


def edit(source: Path, target: Path, change: Any) -> Path:
    book = openpyxl.load_workbook(source)
    change(book)
    book.save(target)
    return target


def column(sheet: Any, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


def row_of(sheet: Any, name: str, header: str = "Name") -> int:
    position = column(sheet, header)
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, position).value == name)


def test_unedited_export_is_no_change(plan: Plan, tmp_path: Path) -> None:
    preview = preview_import(plan, [export(plan, tmp_path / "e.xlsx")])
    assert preview.round_trip
    assert preview.changes == [] and preview.errors == []


def test_changes_additions_and_deletions(plan: Plan, tmp_path: Path) -> None:
    first, second = (a.name for a in list_accounts(plan)[:2])
    source = export(plan, tmp_path / "e.xlsx")

    def change(book: Any) -> None:
        accounts = book["Accounts"]
        row = row_of(accounts, first)
        accounts.cell(row, column(accounts, "Annual revenue")).value = "$2,500,000.00"
        accounts.cell(row, column(accounts, "Tier")).value = "scale (1:few)"
        accounts.delete_rows(row_of(accounts, second))
        accounts.append(["Zeta New AG", "Energy & utilities", "Not key"])
        people = book["Stakeholders"]
        people.append(
            ["Zeta New AG", "Zoe Neu", "CTO", "IT", "Champion; Technical Evaluator", "Mentor"]
        )

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    assert not preview.errors
    by_action = {(c.action, c.kind, c.name) for c in preview.changes}
    assert (CHANGE, "account", first) in by_action
    assert (DELETE, "account", second) in by_action
    assert (ADD, "account", "Zeta New AG") in by_action
    assert (ADD, "stakeholder", "Zoe Neu") in by_action
    changed = next(c for c in preview.changes if c.action == CHANGE)
    assert {f.label: f.new for f in changed.fields} == {
        "Tier": "Scale (1:few)",
        "Annual revenue": "2,500,000.00",
    }
    before = plan_summary(plan)
    apply_import(plan, preview)
    after = plan_summary(plan)
    assert after["accounts"] == before["accounts"]  # one gone, one new
    zeta = next(a for a in list_accounts(plan) if a.name == "Zeta New AG")
    (zoe,) = list_stakeholders(plan, zeta.id)
    assert zoe.values["title"] == "CTO" and len(zoe.values["role_ids"]) == 2
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_only_the_selected_changes_are_applied(plan: Plan, tmp_path: Path) -> None:
    names = [a.name for a in list_accounts(plan)[:2]]
    source = export(plan, tmp_path / "e.xlsx")

    def change(book: Any) -> None:
        accounts = book["Accounts"]
        for name in names:
            accounts.cell(row_of(accounts, name), column(accounts, "Region")).value = "Mars"

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    keep = next(c.key for c in preview.changes if c.name == names[0])
    apply_import(plan, preview, {keep})
    regions = {a.name: a.region for a in list_accounts(plan)}
    assert regions[names[0]] == "Mars" and regions[names[1]] != "Mars"


def test_edit_in_the_plan_since_export_is_a_conflict(plan: Plan, tmp_path: Path) -> None:
    first = list_accounts(plan)[0]
    source = export(plan, tmp_path / "e.xlsx")
    update_account(plan, first.id, {"region": "Edited in the plan"})

    def change(book: Any) -> None:
        accounts = book["Accounts"]
        accounts.cell(row_of(accounts, first.name), column(accounts, "Country")).value = "Iceland"

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    (conflict,) = [c for c in preview.changes if c.conflict]
    assert conflict.record_id == first.id and "since the export" in conflict.conflict
    assert conflict.key not in preview.default_selection()
    assert {f.label for f in conflict.fields} == {"Region", "Country"}
    apply_import(plan, preview)  # default: conflicts left out
    assert get_account(plan, first.id)["region"] == "Edited in the plan"
    apply_import(plan, preview_import(plan, [tmp_path / "edited.xlsx"]), [conflict.key])
    assert get_account(plan, first.id)["country"] == "Iceland"


def test_records_added_after_export_are_not_deleted(plan: Plan, tmp_path: Path) -> None:
    source = export(plan, tmp_path / "e.xlsx")
    create_account(plan, {"name": "Born after the export"})
    preview = preview_import(plan, [source])
    assert preview.changes == []


def test_deleting_a_record_edited_since_export_is_a_conflict(plan: Plan, tmp_path: Path) -> None:
    first = list_accounts(plan)[0]
    source = export(plan, tmp_path / "e.xlsx")
    update_account(plan, first.id, {"notes": "new note"})

    def change(book: Any) -> None:
        book["Accounts"].delete_rows(row_of(book["Accounts"], first.name))

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    (gone,) = [c for c in preview.changes if c.action == DELETE]
    assert gone.conflict


def test_export_of_some_accounts_deletes_nothing_else(plan: Plan, tmp_path: Path) -> None:
    name = list_accounts(plan)[0].name
    source = export(plan, tmp_path / "one.xlsx", [name])
    assert preview_import(plan, [source]).changes == []

    def change(book: Any) -> None:
        people = book["Stakeholders"]
        people.delete_rows(2)

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    assert [(c.action, c.kind) for c in preview.changes] == [(DELETE, "stakeholder")]


def test_a_plan_change_after_the_preview_blocks_apply(plan: Plan, tmp_path: Path) -> None:
    first = list_accounts(plan)[0]
    source = export(plan, tmp_path / "e.xlsx")

    def change(book: Any) -> None:
        accounts = book["Accounts"]
        accounts.cell(row_of(accounts, first.name), column(accounts, "Region")).value = "Moon"

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    update_account(plan, first.id, {"country": "Elsewhere"})
    before = plan_summary(plan)
    with pytest.raises(StalePreviewError, match="Preview the import again"):
        apply_import(plan, preview)
    assert plan_summary(plan) == before
    assert get_account(plan, first.id)["region"] != "Moon"


def test_a_copied_row_keeps_its_id_and_is_refused(plan: Plan, tmp_path: Path) -> None:
    source = export(plan, tmp_path / "e.xlsx")

    def change(book: Any) -> None:
        accounts = book["Accounts"]
        accounts.append([c.value for c in accounts[2]])

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    (error,) = preview.errors
    assert error.where.column == "Record id" and "also on row 2" in error.reason


def test_text_excel_had_to_cut_is_not_a_change(tmp_plan: Plan, tmp_path: Path) -> None:
    account = create_account(tmp_plan, {"name": "Long"})
    update_account(tmp_plan, account, {"needs": "ü" * 40_000})
    source = export(tmp_plan, tmp_path / "long.xlsx")
    assert preview_import(tmp_plan, [source]).changes == []
    assert len(get_account(tmp_plan, account)["needs"]) == 40_000


def test_an_export_of_another_plan_is_refused(plan: Plan, tmp_plan: Plan, tmp_path: Path) -> None:
    source = export(plan, tmp_path / "other.xlsx")
    preview = preview_import(tmp_plan, [source])
    (error,) = preview.errors
    assert "exported from another plan" in error.reason
    assert preview.changes == []

"""The Play library sheet comes back: templates changed, added and deleted, or new ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from abm_planner.excel.errors import ImportBlockedError
from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ERROR, WARNING
from abm_planner.excel.import_preview import PLAY_LIBRARY_KIND
from abm_planner.services.excel_io import apply_import, export_plan, preview_import
from abm_planner.services.plans import Plan, open_plan
from abm_planner.services.play_templates import get_template, list_templates, update_template
from abm_planner.store.models import PlayAssignment, VocabularyTerm

SHEET = "Play library"
KIND = "play_template"


@pytest.fixture
def plan(demo_copy: Path) -> Any:
    opened = open_plan(demo_copy)
    yield opened
    opened.close()


def export(plan: Plan, path: Path) -> Path:
    export_plan(plan, path, include_findings=False)
    return path


def edit(source: Path, target: Path, change: Any) -> Path:
    book = openpyxl.load_workbook(source)
    change(book[SHEET])
    book.save(target)
    return target


def column(sheet: Any, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


def row_of(sheet: Any, name: str) -> int:
    position = column(sheet, "Play")
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, position).value == name)


def put(sheet: Any, row: int, values: dict[str, Any]) -> None:
    for header, value in values.items():
        sheet.cell(row, column(sheet, header)).value = value


def plays(preview: Any, action: str | None = None) -> list[Any]:
    return [c for c in preview.changes if c.kind == KIND and action in (None, c.action)]


def term_labels(plan: Plan, ids: list[Any]) -> set[str]:

    with plan.read() as session:
        return set(session.scalars(select(VocabularyTerm.label).where(VocabularyTerm.id.in_(ids))))


def test_unedited_export_brings_no_template_change(plan: Plan, tmp_path: Path) -> None:
    preview = preview_import(plan, [export(plan, tmp_path / "e.xlsx")])
    assert plays(preview) == [] and preview.errors == []
    assert any(s.sheet == SHEET and s.kind == "round_trip" for s in preview.sheets)


def test_changed_fields_come_back_field_by_field(plan: Plan, tmp_path: Path) -> None:
    template = list_templates(plan)[0]
    source = export(plan, tmp_path / "e.xlsx")
    new_values = {
        "Play": "Renamed play",
        "Trigger": "A new trigger",
        "Steps": "1. One\n2. Two",
        "Success criteria": "Signed",
        "Lead": "Sales",
        "Stages": "Aware; Opportunity",
        "Target roles": "Champion, Economic Buyer",
        "Typical touches": 7,
        "Duration (days)": 45,
        "Cost": 1234.5,
        "Description": "Changed",
    }

    def change(sheet: Any) -> None:
        put(sheet, row_of(sheet, template.name), new_values)

    preview = preview_import(plan, [edit(source, tmp_path / "d.xlsx", change)])
    assert preview.errors == []
    [found] = plays(preview)
    assert found.action == CHANGE and not found.conflict and found.name == template.name
    changed = {f.field for f in found.fields}
    assert {"name", "trigger", "steps", "success_criteria", "lead_function", "cost"} <= changed
    assert preview.counts["play templates changed"] == 1
    apply_import(plan, preview)
    after = get_template(plan, template.id)
    assert after.name == "Renamed play" and after.values["trigger"] == "A new trigger"
    assert after.values["steps"] == "1. One\n2. Two"
    assert after.values["lead_function"] == "sales"
    assert after.values["typical_touches"] == 7 and after.values["duration_days"] == 45
    assert after.values["cost"] == pytest.approx(1234.5)
    assert term_labels(plan, after.values["stage_ids"]) == {"Aware", "Opportunity"}
    assert term_labels(plan, after.values["role_ids"]) == {"Champion", "Economic Buyer"}
    again = preview_import(plan, [export(plan, tmp_path / "again.xlsx")])
    assert plays(again) == []


def test_new_row_adds_a_template(plan: Plan, tmp_path: Path) -> None:
    source = export(plan, tmp_path / "e.xlsx")

    def change(sheet: Any) -> None:
        row = sheet.max_row + 1
        put(sheet, row, {"Play": "Brand new play", "Lead": "Marketing", "Stages": "Engaged"})

    preview = preview_import(plan, [edit(source, tmp_path / "d.xlsx", change)])
    assert preview.errors == []
    [added] = plays(preview)
    assert added.action == ADD and added.name == "Brand new play"
    result = apply_import(plan, preview)
    assert result.added == {KIND: 1}
    new = next(t for t in list_templates(plan) if t.name == "Brand new play")
    assert new.values["lead_function"] == "marketing" and new.values["duration_days"] == 30
    assert term_labels(plan, new.values["stage_ids"]) == {"Engaged"}


def test_removed_row_deletes_and_warns_about_plays_using_it(plan: Plan, tmp_path: Path) -> None:
    used = max(list_templates(plan), key=lambda t: t.uses)
    assert used.uses > 0
    source = export(plan, tmp_path / "e.xlsx")
    preview = preview_import(
        plan,
        [edit(source, tmp_path / "d.xlsx", lambda s: s.delete_rows(row_of(s, used.name)))],
    )
    [gone] = plays(preview)
    assert gone.action == DELETE and gone.record_id == used.id
    [warning] = [w for w in preview.warnings if used.name in w.reason]
    assert f"{used.uses} assigned play(s)" in warning.reason
    apply_import(plan, preview)
    assert used.id not in {t.id for t in list_templates(plan)}
    with plan.read() as session:
        assert session.scalar(select(func.count()).select_from(PlayAssignment)) > 0


def test_template_edited_since_export_is_a_conflict(plan: Plan, tmp_path: Path) -> None:
    template = list_templates(plan)[1]
    source = export(plan, tmp_path / "e.xlsx")
    update_template(plan, template.id, {"description": "edited in the app"})

    def change(sheet: Any) -> None:
        put(sheet, row_of(sheet, template.name), {"Trigger": "from Excel"})

    preview = preview_import(plan, [edit(source, tmp_path / "d.xlsx", change)])
    [found] = plays(preview)
    assert found.action == CHANGE and "since the export" in found.conflict
    assert found.key not in preview.default_selection()
    apply_import(plan, preview)
    assert get_template(plan, template.id).values["trigger"] != "from Excel"


def test_a_name_the_library_has_is_an_error_naming_the_cell(plan: Plan, tmp_path: Path) -> None:
    first, second = (t.name for t in list_templates(plan)[:2])
    source = export(plan, tmp_path / "e.xlsx")
    added_at = 0

    def change(sheet: Any) -> None:
        nonlocal added_at
        added_at = sheet.max_row + 1
        put(sheet, added_at, {"Play": first.upper()})
        put(sheet, row_of(sheet, second), {"Play": "Renamed away"})
        put(sheet, added_at + 1, {"Play": second})

    preview = preview_import(plan, [edit(source, tmp_path / "d.xlsx", change)])
    places = {(e.where.row, e.where.column): e.reason for e in preview.errors if e.where}
    assert "already holds a play" in places[added_at, "Play"]
    assert "already has a play called" in places[added_at + 1, "Play"]
    assert all(e.where and e.where.sheet == SHEET for e in preview.errors)
    with pytest.raises(ImportBlockedError):
        apply_import(plan, preview)


def test_retyping_a_removed_play_reuses_its_name(plan: Plan, tmp_path: Path) -> None:
    template = list_templates(plan)[2]
    source = export(plan, tmp_path / "e.xlsx")

    def change(sheet: Any) -> None:
        row = row_of(sheet, template.name)
        put(sheet, row, {"Record id": None, "Version": None, "Description": "retyped"})

    preview = preview_import(plan, [edit(source, tmp_path / "d.xlsx", change)])
    assert preview.errors == []
    [added] = plays(preview, ADD)
    [gone] = plays(preview, DELETE)
    assert added.depends_on == (gone.key,)
    apply_import(plan, preview, {added.key})
    names = {t.name: t for t in list_templates(plan)}
    assert names[template.name].id != template.id
    assert names[template.name].values["description"] == "retyped"


def test_bad_values_are_located_errors(plan: Plan, tmp_path: Path) -> None:
    template = list_templates(plan)[0]
    source = export(plan, tmp_path / "e.xlsx")

    def change(sheet: Any) -> None:
        put(
            sheet,
            row_of(sheet, template.name),
            {"Lead": "Finance", "Stages": "Nowhere", "Duration (days)": 0},
        )

    preview = preview_import(plan, [edit(source, tmp_path / "d.xlsx", change)])
    columns = {e.where.column for e in preview.errors if e.where}
    assert {"Lead", "Stages", "Duration (days)"} <= columns
    assert all(e.severity == ERROR for e in preview.errors)


def generic(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(["Play", "Type", "Lead", "Stages", "Target roles", "Trigger", "Cost"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_another_workbooks_play_library_adds_and_updates(plan: Plan, tmp_path: Path) -> None:
    existing = list_templates(plan)[0]
    path = generic(
        tmp_path / "library.xlsx",
        [
            ["Partner play", None, "Joint", "Aware", "Champion", "A partner asks", 500],
            [existing.name, None, None, None, None, "A new trigger", None],
        ],
    )
    preview = preview_import(plan, [path])
    assert preview.errors == [] and not preview.round_trip
    assert any(s.kind == PLAY_LIBRARY_KIND for s in preview.sheets)
    [added] = plays(preview, ADD)
    [changed] = plays(preview, CHANGE)
    assert added.name == "Partner play" and changed.record_id == existing.id
    assert "trigger" in {f.field for f in changed.fields}
    assert preview.counts["play templates added"] == 1
    apply_import(plan, preview)
    names = {t.name: t for t in list_templates(plan)}
    assert names["Partner play"].values["cost"] == pytest.approx(500)
    assert names[existing.name].values["trigger"] == "A new trigger"


def test_another_workbook_repeating_a_name_is_an_error(plan: Plan, tmp_path: Path) -> None:
    path = generic(tmp_path / "library.xlsx", [["Twice"], ["twice"]])
    preview = preview_import(plan, [path])
    [error] = preview.errors
    assert "row 2 already holds" in error.reason
    assert error.where is not None and (error.where.row, error.where.column) == (3, "Play")
    assert not [w for w in preview.issues if w.severity == WARNING and "Twice" in w.reason]

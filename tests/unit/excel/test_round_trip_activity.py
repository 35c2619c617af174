"""Touches, Objectives & metrics and Whitespace come back from Excel.

Rows changed field by field, added and deleted show in the same preview as
accounts and stakeholders; bad cells are located by file, sheet, row and column
and block the whole import; a sheet taken out of the workbook changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from round_trip_helpers import (
    append,
    edit,
    errors,
    export,
    only,
    preview_of,
    scalar_rows,
    set_cell,
    values,
)
from sqlalchemy import select

from abm_planner.excel.errors import ImportBlockedError
from abm_planner.excel.import_model import ADD, CHANGE, DELETE
from abm_planner.services.excel_io import apply_import, preview_import
from abm_planner.services.plans import Plan
from abm_planner.services.summary import plan_summary
from abm_planner.store.models import (
    Account,
    Objective,
    Solution,
    Stakeholder,
    TeamMember,
    Touch,
    Whitespace,
)


# ---------------------------------------------------------------------- touches
def test_touches_added_for_a_new_stakeholder_changed_and_deleted(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        touches = book["Touches"]
        seen["changed"] = values(touches, 2)
        set_cell(touches, 2, "Notes", "@SUM(A1) was typed here")
        set_cell(touches, 2, "Channel", "Phone")
        touches.delete_rows(3)
        account = seen["changed"]["Account"]
        append(
            book["Stakeholders"],
            {"Account": account, "Name": "Nina Neu", "Title": "Head of Plants"},
        )
        append(
            touches,
            {
                "Account": account,
                "Date": date(2026, 12, 1),
                "Stakeholder": "Nina Neu",
                "Channel": "Email",
                "Function": "Marketing",
                "Notes": "\tIntro mail",  # Excel keeps the tab; the plan trims it
            },
        )

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "touch")
    (changed,) = found[CHANGE]
    assert {f.label: f.new for f in changed.fields} == {
        "Notes": "@SUM(A1) was typed here",
        "Channel": "Phone",
    }
    (added,) = found[ADD]
    assert added.name == "2026-12-01 with Nina Neu"
    (nina,) = [c for c in preview.changes if c.kind == "stakeholder" and c.action == ADD]
    assert added.depends_on == (f"stakeholder:{nina.record_id}",)
    assert len(found[DELETE]) == 1
    apply_import(plan, preview, {added.key})  # the new person comes with the touch
    ((who, notes, function),) = scalar_rows(
        plan,
        select(Stakeholder.name, Touch.notes, Touch.function)
        .join(Stakeholder, Stakeholder.id == Touch.stakeholder_id)
        .where(Touch.id == added.record_id),
    )
    assert (who, notes, function) == ("Nina Neu", "Intro mail", "marketing")
    ((old_notes,),) = scalar_rows(plan, select(Touch.notes).where(Touch.id == changed.record_id))
    assert old_notes == seen["changed"]["Notes"], "only the selected change was applied"


def test_a_touch_without_a_date_blocks_the_whole_import(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        set_cell(book["Accounts"], 2, "Region", "Mars")
        set_cell(book["Touches"], 3, "Date", None)

    before = plan_summary(plan)
    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == [
        "edited.xlsx, sheet 'Touches', row 3, column 'Date' (B): a touch needs its date"
    ]
    with pytest.raises(ImportBlockedError):
        apply_import(plan, preview)
    assert plan_summary(plan) == before


# ---------------------------------------------------------------------- objectives
def test_objectives_changed_added_and_deleted(plan: Plan, exported: Path, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        sheet = book["Objectives & metrics"]
        seen["changed"] = values(sheet, 2)
        set_cell(sheet, 2, "Target", 42)
        set_cell(sheet, 2, "Actual", "7,5")
        sheet.delete_rows(3)
        append(
            sheet,
            {
                "Account": "(whole plan)",
                "Kind": "Ours",
                "Objective": "-2 churned accounts at most",
                "Target": 2,
                "Unit": "accounts",
                "Due": date(2027, 6, 30),
            },
        )

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "objective")
    (changed,) = found[CHANGE]
    assert {f.label: f.new for f in changed.fields} == {"Target": "42", "Actual": "7.5"}
    (added,) = found[ADD]
    assert added.account == "" and len(found[DELETE]) == 1
    apply_import(plan, preview)
    ((target, actual),) = scalar_rows(
        plan, select(Objective.target, Objective.actual).where(Objective.id == changed.record_id)
    )
    assert (target, actual) == (42, 7.5)
    ((account, title),) = scalar_rows(
        plan, select(Objective.account_id, Objective.title).where(Objective.id == added.record_id)
    )
    assert account is None and title == "-2 churned accounts at most"
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_an_objective_target_that_is_no_number_is_located(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    preview = preview_of(
        plan,
        exported,
        tmp_path,
        lambda book: set_cell(book["Objectives & metrics"], 4, "Target", "lots"),
    )
    assert errors(preview) == [
        "edited.xlsx, sheet 'Objectives & metrics', row 4, column 'Target' (E): "
        "Target: 'lots' is not a number"
    ]


# ---------------------------------------------------------------------- whitespace
def test_whitespace_cells_filled_cleared_conflicting_and_bad(plan: Plan, tmp_path: Path) -> None:
    with plan.write() as unit:  # one empty cell to fill
        gone = unit.session.scalars(select(Whitespace).limit(1)).one()
        empty_account, empty_solution = gone.account_id, gone.solution_id
        unit.session.delete(gone)
    source = export(plan, tmp_path / "e.xlsx")
    with plan.write() as unit:  # and a cell edited in the plan after the export
        later = unit.session.scalars(
            select(Whitespace).where(Whitespace.account_id != empty_account).limit(1)
        ).one()
        later.notes = "edited in the plan"
        later_account, later_solution = later.account_id, later.solution_id
    names = dict(scalar_rows(plan, select(Account.id, Account.name)))
    solutions = dict(scalar_rows(plan, select(Solution.id, Solution.name)))
    where: dict[str, Any] = {}

    def change(book: Any) -> None:
        sheet = book["Whitespace"]
        headers = [c.value for c in sheet[1]]
        for r in range(2, sheet.max_row + 1):
            account = values(sheet, r)["Account"]
            if account == names[empty_account]:
                set_cell(sheet, r, solutions[empty_solution], "Ours")
            if account == names[later_account]:
                set_cell(sheet, r, solutions[later_solution], None)
                other = next(h for h in headers[1:-1] if h != solutions[later_solution])
                set_cell(sheet, r, other, "Maybe")
                where["bad"] = (r, headers.index(other))

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    (message,) = errors(preview)
    row, position = where["bad"]
    assert message.startswith(f"edited.xlsx, sheet 'Whitespace', row {row}, column '")
    assert f"({chr(65 + position)}): " in message
    assert "'Maybe' is not in the plan's list" in message
    found = only(preview, "whitespace")
    (added,) = found[ADD]
    assert added.fields[0].label == solutions[empty_solution]
    assert added.fields[0].new == "Ours"
    (cleared,) = found[DELETE]
    assert cleared.conflict == "edited in the plan since the export"
    assert cleared.key not in preview.default_selection()


def test_whitespace_round_trip_applies(plan: Plan, exported: Path, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        sheet = book["Whitespace"]
        seen["row"] = values(sheet, 2)
        header = sheet.cell(1, 2).value
        seen["solution"] = header
        sheet.cell(2, 2).value = None if sheet.cell(2, 2).value else "Ours"
        sheet.cell(2, 3).value = "Competitor"

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "whitespace")
    assert found[CHANGE] or found[ADD]
    before = len(scalar_rows(plan, select(Whitespace.id)))
    apply_import(plan, preview)
    after = len(scalar_rows(plan, select(Whitespace.id)))
    assert after == before + len(found[ADD]) - len(found[DELETE])
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_a_removed_sheet_leaves_its_records(plan: Plan, exported: Path, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        del book["Touches"]

    preview = preview_of(plan, exported, tmp_path, change)
    assert preview.changes == []
    assert any("'Touches' was removed" in str(i) for i in preview.issues)


def test_team_members_of_one_name_leave_unchanged_rows_alone(plan: Plan, tmp_path: Path) -> None:
    with plan.write() as unit:  # a namesake of every owner (the scale demo has such teams)
        owners = unit.session.scalars(select(TeamMember)).all()
        unit.session.add_all(
            [TeamMember(name=m.name, email=f"other.{n}@x") for n, m in enumerate(owners)]
        )
    source = export(plan, tmp_path / "e.xlsx")
    assert preview_import(plan, [source]).changes == []
    preview = preview_of(
        plan,
        source,
        tmp_path,
        lambda book: set_cell(book["Plays"], 2, "Sales owner", owners[0].name),
    )
    (message,) = errors(preview)
    assert message.startswith("edited.xlsx, sheet 'Plays', row 2, column 'Sales owner' (K): ")
    assert message.endswith(f"several team members are called '{owners[0].name}'")

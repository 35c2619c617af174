"""A column or sheet taken out of an edited export costs none of the other edits.

Deleting a column someone did not care about keeps the plan's values for it and
says so in the preview, on every sheet alike; only the columns that say which
record a row is stay required, named by file, sheet and column. A workbook
without a sheet (older exports lack some) leaves that sheet's records alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from round_trip_helpers import append, column, errors, only, preview_of, set_cell, values
from sqlalchemy import select

from abm_planner.excel.import_model import ADD, CHANGE, DELETE, INFO
from abm_planner.excel.workbook_writer import META_SHEET
from abm_planner.services.excel_io import apply_import
from abm_planner.services.plans import Plan
from abm_planner.store.models import PlayAssignment

# sheet, kind of its records, a column taken out, a column edited and its new value
CASES = [
    ("Accounts", "account", "Website", "Notes", "Met them at the fair"),
    ("Stakeholders", "stakeholder", "Email", "Title", "Chief Plant Officer"),
    ("Relationships", "line", "Strength", "Dotted", None),  # None: the other of Yes/No
    ("Plays", "play", "Budget", "Outcome", "Two workshops booked"),
    ("Touches", "touch", "Channel", "Notes", "Coffee after the keynote"),
    ("Objectives & metrics", "objective", "Metric", "Unit", "deals"),
    ("Decisions", "decision", "Decided by", "Text", "We go ahead with the pilot"),
    ("Actions", "action", "Owner", "Action", "Send the pilot plan to the CFO"),
]


def _drop(sheet: Any, header: str) -> None:
    sheet.delete_cols(column(sheet, header))


@pytest.mark.parametrize(("name", "kind", "removed", "edited", "new"), CASES)
def test_a_removed_column_keeps_its_values_and_the_other_edits(
    plan: Plan,
    exported: Path,
    tmp_path: Path,
    name: str,
    kind: str,
    removed: str,
    edited: str,
    new: Any,
) -> None:
    def change(book: Any) -> None:
        sheet = book[name]
        value = new
        if value is None:
            value = "No" if values(sheet, 2)[edited] == "Yes" else "Yes"
        set_cell(sheet, 2, edited, value)
        _drop(sheet, removed)

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, kind)
    assert found[ADD] == [] and found[DELETE] == []
    (changed,) = found[CHANGE]
    assert [f.label for f in changed.fields] == [edited]
    notes = [str(i) for i in preview.issues if i.severity == INFO]
    assert (
        f"edited.xlsx, sheet '{name}', row 1: the column '{removed}' was removed; "
        "its values are left as they are"
    ) in notes


def test_the_plan_keeps_a_removed_columns_values_once_imported(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    with plan.read() as session:
        budgets = dict(session.execute(select(PlayAssignment.id, PlayAssignment.budget)).all())

    def change(book: Any) -> None:
        plays = book["Plays"]
        for row in range(2, plays.max_row + 1):
            set_cell(plays, row, "Outcome", f"Outcome {row}")
        _drop(plays, "Budget")
        _drop(plays, "Start")
        set_cell(plays, 2, "End", None)  # the play's start is still the plan's
        append(plays, {"Account": values(plays, 2)["Account"], "Play": "Fresh play"})

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    (added,) = only(preview, "play")[ADD]
    assert added.values["budget"] is None and added.name == "Fresh play"
    apply_import(plan, preview)
    with plan.read() as session:
        after = dict(session.execute(select(PlayAssignment.id, PlayAssignment.budget)).all())
        outcomes = session.scalars(select(PlayAssignment.outcome)).all()
    assert {i: after[i] for i in budgets} == budgets
    assert sum(1 for o in outcomes if o.startswith("Outcome ")) == len(budgets)


def test_a_play_ending_before_its_plan_start_is_caught_without_the_start_column(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    with plan.read() as session:
        starts = session.execute(
            select(PlayAssignment.name, PlayAssignment.start_on).where(
                PlayAssignment.start_on.is_not(None)
            )
        ).all()
    started = dict(starts)

    def change(book: Any) -> None:
        plays = book["Plays"]
        row = next(r for r in range(2, plays.max_row + 1) if values(plays, r)["Play"] in started)
        day = started[values(plays, row)["Play"]]
        set_cell(plays, row, "End", day.replace(year=day.year - 1))
        _drop(plays, "Start")

    preview = preview_of(plan, exported, tmp_path, change)
    (message,) = errors(preview)
    assert "column 'End'" in message and "before it starts" in message


@pytest.mark.parametrize(
    ("name", "removed", "message"),
    [
        ("Plays", ["Play"], "the column 'Play' is missing; every row needs it"),
        (
            "Relationships",
            ["From", "To"],
            "the columns 'From' and 'To' are missing; every row needs them",
        ),
        (
            "Touches",
            ["Record id"],
            "the column 'Record id' is missing; rows cannot be matched to the plan without it",
        ),
    ],
)
def test_a_removed_key_column_stops_the_sheet_with_its_name(
    plan: Plan, exported: Path, tmp_path: Path, name: str, removed: list[str], message: str
) -> None:
    def change(book: Any) -> None:
        for header in removed:
            _drop(book[name], header)

    preview = preview_of(plan, exported, tmp_path, change)
    (error,) = errors(preview)
    assert error.startswith(f"edited.xlsx, sheet '{name}', row 1: {message}")
    assert "remove the whole sheet to leave its records as they are" in error


def _format_version(book: Any, version: str) -> None:
    meta = book[META_SHEET]
    for row in range(1, meta.max_row + 1):
        if meta.cell(row, 1).value == "format_version":
            meta.cell(row, 2).value = version


def test_an_older_workbook_without_a_sheet_is_told_kindly(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        del book["Decisions"]
        del book["Actions"]
        _format_version(book, "1")

    preview = preview_of(plan, exported, tmp_path, change)
    assert preview.changes == [] and errors(preview) == []
    notes = [i.reason for i in preview.issues if i.severity == INFO]
    assert (
        "This workbook has no Decisions sheet (exported by an older version of ABM Planner, "
        "or removed); the plan's decisions are left as they are"
    ) in notes
    assert any(n.startswith("This workbook has no Actions sheet") for n in notes)
    assert not any("was removed" in n for n in notes)


def test_a_sheet_removed_from_a_current_export_says_so(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    preview = preview_of(plan, exported, tmp_path, lambda book: book.remove(book["Relationships"]))
    assert preview.changes == []
    assert (
        "the sheet 'Relationships' was removed; the plan's relationship lines are left as they are"
    ) in [i.reason for i in preview.issues if i.severity == INFO]

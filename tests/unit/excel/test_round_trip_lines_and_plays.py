"""Relationships and Plays come back from Excel, and a stakeholder moves by the Account cell.

Each sheet of an edited export shows its rows changed field by field, added and
deleted in the same preview as accounts and stakeholders, conflicts where the
plan moved since the export, and bad cells located by file, sheet, row and
column; the selected changes are applied all or nothing.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from round_trip_helpers import (
    append,
    as_text,
    errors,
    export,
    only,
    preview_of,
    scalar_rows,
    set_cell,
    values,
    values_of_export,
)
from sqlalchemy import select

from abm_planner.excel.errors import ImportBlockedError, StalePreviewError
from abm_planner.excel.import_model import ADD, CHANGE, DELETE
from abm_planner.services.excel_io import apply_import, preview_import
from abm_planner.services.plans import Plan
from abm_planner.services.plays import update_assignment
from abm_planner.services.summary import plan_summary
from abm_planner.store.models import (
    Account,
    PlayAssignment,
    Stakeholder,
    StakeholderLine,
    play_targets,
)


# ---------------------------------------------------------------------- relationships
def test_relationships_changed_added_and_deleted(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        lines = book["Relationships"]
        seen["changed"] = values(lines, 2)
        seen["deleted"] = values(lines, 3)
        set_cell(lines, 2, "Line", "Influences")
        set_cell(lines, 2, "Strength", 3)
        people = book["Stakeholders"]
        same = [
            values(people, r)["Name"]
            for r in range(2, people.max_row + 1)
            if values(people, r)["Account"] == seen["changed"]["Account"]
        ]
        seen["new"] = (same[-1], same[-2])
        lines.delete_rows(3)
        append(
            lines,
            {
                "Account": seen["changed"]["Account"],
                "From": same[-1],
                "Line": "conflicts with",
                "To": same[-2],
                "Dotted": "No",
            },
        )

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "line")
    (changed,) = found[CHANGE]
    assert {(f.label, f.old, f.new) for f in changed.fields} == {
        ("Line", seen["changed"]["Line"], "influences"),
        ("Strength", str(seen["changed"]["Strength"]), "3"),
    }
    (added,) = found[ADD]
    assert added.name == f"{seen['new'][0]} conflicts with {seen['new'][1]}"
    assert [d.record_id for d in found[DELETE]] == [uuid.UUID(seen["deleted"]["Record id"])]
    assert preview.counts["lines changed"] == 1 and preview.counts["lines added"] == 1
    before = plan_summary(plan)["lines"]
    apply_import(plan, preview)
    line = StakeholderLine
    ((kind, strength),) = scalar_rows(
        plan, select(line.kind, line.strength).where(line.id == changed.record_id)
    )
    assert (kind, strength) == ("influences", 3)
    (added_row,) = scalar_rows(plan, select(line.strength).where(line.id == added.record_id))
    assert added_row.strength == 2, "a blank strength is medium"
    assert sum(plan_summary(plan)["lines"].values()) == sum(before.values())
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_relationship_bad_cells_name_sheet_row_and_column(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        lines = book["Relationships"]
        row = values(lines, 2)
        set_cell(lines, 2, "To", row["From"])
        set_cell(lines, 3, "From", "Nobody Here")
        set_cell(lines, 4, "Strength", 7)
        set_cell(lines, 5, "Line", "loves")

    preview = preview_of(plan, exported, tmp_path, change)
    messages = errors(preview)
    assert messages[0] == (
        "edited.xlsx, sheet 'Relationships', row 2, column 'To' (D): "
        "a line joins two different people, not one to themself"
    )
    assert messages[1].startswith(
        "edited.xlsx, sheet 'Relationships', row 3, column 'From' (B): "
        "there is no stakeholder 'Nobody Here' at "
    )
    assert messages[2] == (
        "edited.xlsx, sheet 'Relationships', row 4, column 'Strength' (F): "
        "Strength is 1 (weak), 2 (medium) or 3 (strong)"
    )
    assert messages[3] == (
        "edited.xlsx, sheet 'Relationships', row 5, column 'Line' (C): Line: 'loves' is not one "
        "of reports to, influences, conflicts with"
    )
    with pytest.raises(ImportBlockedError, match="themself"):
        apply_import(plan, preview)


def test_a_reports_to_line_that_closes_a_circle_is_refused(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        lines = book["Relationships"]
        row = next(
            values(lines, r)
            for r in range(2, lines.max_row + 1)
            if values(lines, r)["Line"] == "reports to" and values(lines, r)["Dotted"] == "No"
        )
        append(
            lines,
            {"Account": row["Account"], "From": row["To"], "Line": "reports to", "To": row["From"]},
        )

    preview = preview_of(plan, exported, tmp_path, change)
    (message,) = errors(preview)
    assert "reports-to lines would go round in a circle" in message
    assert ", column 'To' (D): " in message


# ---------------------------------------------------------------------- plays
def test_plays_changed_added_and_deleted(plan: Plan, exported: Path, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        plays = book["Plays"]
        seen["changed"] = values(plays, 2)
        seen["deleted"] = values(plays, 3)
        seen["status"] = "Cancelled" if seen["changed"]["Status"] != "Cancelled" else "Planned"
        set_cell(plays, 2, "Status", seen["status"])
        set_cell(plays, 2, "Budget", "$12,500.00")
        set_cell(plays, 2, "Targets", "")
        plays.delete_rows(3)
        append(
            plays,
            {
                "Account": seen["changed"]["Account"],
                "Play": "=Board dinner",
                "Template": seen["changed"]["Template"],
                "Lead": "Sales",
                "Start": date(2027, 1, 11),
                "End": date(2027, 2, 1),
                "Targets": seen["changed"]["Targets"],
                "Outcome": "+ two sponsors",
            },
        )
        as_text(book, "Plays", plays.max_row, "Play")
        as_text(book, "Plays", plays.max_row, "Outcome")

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "play")
    (changed,) = found[CHANGE]
    labels = {f.label: (f.old, f.new) for f in changed.fields}
    assert labels["Status"][1] == seen["status"] and labels["Budget"][1] == "12,500.00"
    assert labels["Targets"] == (seen["changed"]["Targets"], "")
    (added,) = found[ADD]
    assert added.name == "=Board dinner"
    assert len(found[DELETE]) == 1
    apply_import(plan, preview)
    play = PlayAssignment
    ((budget, targets),) = scalar_rows(
        plan,
        select(
            play.budget,
            select(play_targets.c.stakeholder_id)
            .where(play_targets.c.assignment_id == play.id)
            .correlate(play)
            .exists(),
        ).where(play.id == changed.record_id),
    )
    assert budget == 12500 and not targets
    (new,) = scalar_rows(
        plan, select(play.name, play.outcome, play.lead_function).where(play.id == added.record_id)
    )
    assert tuple(new) == ("=Board dinner", "+ two sponsors", "sales")
    target_count = scalar_rows(
        plan,
        select(play_targets.c.stakeholder_id).where(
            play_targets.c.assignment_id == added.record_id
        ),
    )
    assert len(target_count) == len(seen["changed"]["Targets"].split("; "))


def test_a_play_that_ends_before_it_starts_is_located(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        plays = book["Plays"]
        set_cell(plays, 4, "Start", date(2027, 3, 1))
        set_cell(plays, 4, "End", date(2027, 2, 1))
        set_cell(plays, 5, "Template", "No such play")

    preview = preview_of(plan, exported, tmp_path, change)
    messages = errors(preview)
    assert messages[0] == (
        "edited.xlsx, sheet 'Plays', row 4, column 'End' (G): "
        "the play ends (2027-02-01) before it starts (2027-03-01)"
    )
    assert messages[1] == (
        "edited.xlsx, sheet 'Plays', row 5, column 'Template' (C): "
        "there is no play in the library 'No such play' in the plan or workbook"
    )


def test_a_play_edited_in_the_plan_since_the_export_is_a_conflict(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        plays = book["Plays"]
        seen["row"] = values(plays, 2)
        set_cell(plays, 2, "Outcome", "Edited in Excel")

    play_id = uuid.UUID(values_of_export(exported, "Plays", 2)["Record id"])
    update_assignment(plan, play_id, {"outcome": "Edited in the plan"})
    preview = preview_of(plan, exported, tmp_path, change)
    (conflict,) = only(preview, "play")[CHANGE]
    assert conflict.conflict.startswith("changed in the plan since the export")
    assert conflict.key not in preview.default_selection()
    apply_import(plan, preview)
    ((outcome,),) = scalar_rows(
        plan, select(PlayAssignment.outcome).where(PlayAssignment.id == play_id)
    )
    assert outcome == "Edited in the plan", "conflicts are left out unless ticked"


# ---------------------------------------------------------------------- a stakeholder moves
def test_moving_a_stakeholder_by_the_account_cell(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        people = book["Stakeholders"]
        seen["person"] = values(people, 2)
        seen["to"] = next(
            values(book["Accounts"], r)["Name"]
            for r in range(2, 5)
            if values(book["Accounts"], r)["Name"] != seen["person"]["Account"]
        )
        set_cell(people, 2, "Account", seen["to"].upper())  # case aside

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    (moved,) = [c for c in preview.changes if c.kind == "stakeholder"]
    assert [(f.label, f.old, f.new) for f in moved.fields] == [
        ("Account", seen["person"]["Account"], seen["to"])
    ]
    assert any("moves from" in str(w) for w in preview.warnings)
    person = moved.record_id
    apply_import(plan, preview)
    ((account,),) = scalar_rows(
        plan,
        select(Account.name).join(Stakeholder).where(Stakeholder.id == person),
    )
    assert account == seen["to"]
    line = StakeholderLine
    left = scalar_rows(
        plan, select(line.id).where((line.source_id == person) | (line.target_id == person))
    )
    targeted = scalar_rows(
        plan,
        select(play_targets.c.assignment_id)
        .join(PlayAssignment, PlayAssignment.id == play_targets.c.assignment_id)
        .join(Account, Account.id == PlayAssignment.account_id)
        .where(play_targets.c.stakeholder_id == person, Account.name != seen["to"]),
    )
    assert targeted == [], "nor do they stay among the old account's play targets"
    assert left == [], "lines to people of the old account go"
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_moving_a_stakeholder_to_an_unknown_account_is_located(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    preview = preview_of(
        plan, exported, tmp_path, lambda book: set_cell(book["Stakeholders"], 5, "Account", "Acme")
    )
    assert errors(preview) == [
        "edited.xlsx, sheet 'Stakeholders', row 5, column 'Account' (A): "
        "there is no account 'Acme' in the plan or this workbook"
    ]


def test_a_plan_changed_between_preview_and_apply_writes_nothing(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    preview = preview_of(
        plan, exported, tmp_path, lambda book: set_cell(book["Plays"], 2, "Outcome", "From Excel")
    )
    (change,) = only(preview, "play")[CHANGE]
    update_assignment(plan, change.record_id, {"outcome": "Meanwhile"})
    before = plan_summary(plan)
    with pytest.raises(StalePreviewError):
        apply_import(plan, preview)
    assert plan_summary(plan) == before


def test_a_line_to_a_moved_stakeholder_needs_the_move(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        people = book["Stakeholders"]
        seen["person"] = values(people, 3)["Name"]
        set_cell(people, 3, "Account", "Zeta Neu AG")
        append(book["Accounts"], {"Name": "Zeta Neu AG"})
        append(people, {"Account": "Zeta Neu AG", "Name": "Nora Neu"})
        append(
            book["Relationships"],
            {
                "Account": "Zeta Neu AG",
                "From": "Nora Neu",
                "Line": "influences",
                "To": seen["person"],
            },
        )

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    (line,) = only(preview, "line")[ADD]
    (moved,) = only(preview, "stakeholder")[CHANGE]
    assert moved.key in line.depends_on
    apply_import(plan, preview, {line.key})  # ticking the line alone brings the move too
    ((account,),) = scalar_rows(
        plan, select(Account.name).join(Stakeholder).where(Stakeholder.id == moved.record_id)
    )
    assert account == "Zeta Neu AG"

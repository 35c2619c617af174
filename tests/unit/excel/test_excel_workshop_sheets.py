"""The workshop's Decisions and Actions sheets: exported for reading, edited, brought back.

The demo plan holds one ended workshop with an agreed estimate, two decisions and
four actions (``services/demo_workshop.py``) besides the accounts' older decision
log. Every test edits a copy of one export the way a person does in Excel and
imports into a copy of the plan.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
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
from abm_planner.services.decisions import add_action, add_decision, update_action
from abm_planner.services.excel_io import apply_import, export_plan, preview_import
from abm_planner.services.plan_changes import changes_since
from abm_planner.services.plan_snapshots import list_snapshots
from abm_planner.services.plans import Plan
from abm_planner.services.summary import plan_summary
from abm_planner.services.workshops import list_workshops
from abm_planner.store.models import ActionItem, Decision, TeamMember, Workshop

WORKSHOP = "Account planning workshop"


def rows_of(path: Path, sheet: str) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path)
    table = book[sheet]
    return [values(table, r) for r in range(2, table.max_row + 1)]


def row_where(sheet: Any, header: str, wanted: str) -> int:
    headers = [c.value for c in sheet[1]]
    at = headers.index(header) + 1
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, at).value == wanted)


# ---------------------------------------------------------------------- export
def test_decisions_sheet_lists_the_log_with_workshop_links_and_both_estimates(
    exported: Path, plan: Plan
) -> None:
    rows = rows_of(exported, "Decisions")
    assert len(rows) == len(scalar_rows(plan, select(Decision.id)))
    workshop_rows = [r for r in rows if r["Workshop"] == WORKSHOP]
    assert len(workshop_rows) == 3
    (agreed,) = [r for r in workshop_rows if r["Details"]]
    assert agreed["Linked"].startswith("Stakeholder: ")
    person = agreed["Linked"].removeprefix("Stakeholder: ")
    assert agreed["Title"] == f"Attitude of {person}: Neutral (+0)"
    assert agreed["Details"].startswith(f"Attitude of {person}: sales estimated ")
    assert "marketing Supporter (+1); agreed Neutral (+0)" in agreed["Details"]
    assert "\nReason: Sales met them last month" in agreed["Details"]
    assert agreed["Decided by"] == f"Workshop {WORKSHOP}"
    assert agreed["Date"].date() == date.today()
    assert re.fullmatch(r"[0-9a-f-]{36}", agreed["Record id"]) and agreed["Version"] == 1
    handoff = next(r for r in rows if r["Title"] == "Handoff to sales")
    assert handoff["Workshop"] is None and handoff["Linked"] is None
    sheet = openpyxl.load_workbook(exported)["Decisions"]
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:J{sheet.max_row}" and sheet.freeze_panes == "B2"
    assert sheet["A2"].number_format == "yyyy-mm-dd" and sheet["D2"].alignment.wrap_text


def test_actions_sheet_has_owners_dates_drop_downs_and_overdue_highlight(
    exported: Path,
) -> None:
    rows = rows_of(exported, "Actions")
    today = date.today()
    assert [(r["Action"], r["Status"], r["Due"].date()) for r in rows] == [
        ("Share the workshop notes with the account team", "Done", today - timedelta(days=13)),
        ("Book the executive briefing with the buying group", "Open", today + timedelta(10)),
        ("Draft the value report for the renewal", "Open", today + timedelta(days=21)),
        ("Map the procurement contacts in the DMU", "Open", today + timedelta(days=30)),
    ]
    assert all(r["Owner"] and r["Workshop"] == WORKSHOP for r in rows)
    book = openpyxl.load_workbook(exported)
    sheet = book["Actions"]
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:I{sheet.max_row}" and table.autoFilter is not None
    assert sheet.freeze_panes == "B2"
    assert sheet["D2"].number_format == "yyyy-mm-dd" and sheet["D2"].is_date
    assert {d.hidden for k, d in sheet.column_dimensions.items() if k in ("H", "I")} == {True}
    checks = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    assert checks["list_team"].startswith("C2:") and checks["list_action_status"].startswith("E2:")
    assert [c.value for c in book["Lists"][1]].count("action_status") == 1
    rules = [
        (str(ranges.sqref), rule.formula)
        for ranges in sheet.conditional_formatting
        for rule in ranges.rules
    ]
    overdue = [(where, f) for where, f in rules if f and "TODAY()" in f[0]]
    assert overdue == [
        (f"A2:G{sheet.max_row + 1000}", ['AND($E2="Open",ISNUMBER($D2),$D2<TODAY())'])
    ]
    assert any(f == ['"Done"'] for _where, f in rules)


def test_scoped_export_keeps_other_accounts_out_and_plan_wide_entries_in(
    plan: Plan, tmp_path: Path
) -> None:
    with plan.write() as unit:
        add_action(unit, text="Refresh the tier review deck", due_on=date(2020, 1, 1))
        add_decision(unit, text="Tier review every quarter", decided_on=date(2026, 1, 5))
    other = "Aurelia Energia S.p.A."  # decisions of its own, not in the workshop
    path = tmp_path / "one.xlsx"
    export_plan(plan, path, [other], include_findings=False)
    actions = rows_of(path, "Actions")
    assert [(r["Account"], r["Action"]) for r in actions] == [
        ("(whole plan)", "Refresh the tier review deck")
    ]
    decisions = rows_of(path, "Decisions")
    assert {r["Account"] for r in decisions} == {"(whole plan)", other}
    assert WORKSHOP not in {r["Workshop"] for r in decisions}


def test_typed_formulas_are_written_as_text(plan: Plan, tmp_path: Path) -> None:
    with plan.write() as unit:
        add_decision(unit, text='=HYPERLINK("http://evil","x")', decided_by="@SUM(A1)")
        add_action(unit, text="+1+2 cmd|' /C calc'!A0", status="open")
    path = export(plan, tmp_path / "safe.xlsx")
    book = openpyxl.load_workbook(path)
    decision = book["Decisions"][
        row_where(book["Decisions"], "Text", '=HYPERLINK("http://evil","x")')
    ]
    assert [c.data_type for c in decision[2:5]] == ["s", "s", "s"]
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)
    assert preview_import(plan, [path]).changes == []


# ---------------------------------------------------------------------- round trip
def test_an_unedited_export_changes_nothing(plan: Plan, exported: Path) -> None:
    preview = preview_import(plan, [exported])
    assert errors(preview) == [] and preview.changes == []


def test_decisions_changed_added_and_deleted(plan: Plan, exported: Path, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def change(book: Any) -> None:
        sheet = book["Decisions"]
        agreed = next(r for r in range(2, sheet.max_row + 1) if values(sheet, r)["Details"])
        seen["agreed"] = values(sheet, agreed)
        set_cell(sheet, agreed, "Decided by", "Claire and Jonas")
        set_cell(sheet, agreed, "Details", "typed over: not read back")
        gone = row_where(sheet, "Title", "Handoff to sales")
        seen["gone"] = values(sheet, gone)
        sheet.delete_rows(gone)
        append(
            sheet,
            {
                "Date": "2026-12-01",
                "Account": None,
                "Text": "-Drop the print campaign\nBudget goes to the executive briefing.",
                "Workshop": WORKSHOP.upper(),
            },
        )

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "decision")
    (changed,) = found[CHANGE]
    assert [(f.label, f.old, f.new) for f in changed.fields] == [
        ("Decided by", f"Workshop {WORKSHOP}", "Claire and Jonas")
    ]
    (added,) = found[ADD]
    assert added.name == "-Drop the print campaign" and added.account == ""
    assert {f.label: f.new for f in added.fields}["Workshop"] == WORKSHOP
    (deleted,) = found[DELETE]
    assert deleted.name == "Handoff to sales"
    assert preview.counts["decisions added"] == 1
    apply_import(plan, preview)
    ((by, details, linked),) = scalar_rows(
        plan,
        select(Decision.decided_by, Decision.details, Decision.linked).where(
            Decision.id == changed.record_id
        ),
    )
    assert by == "Claire and Jonas"
    assert json.loads(details)["kind"] == "agreed_estimate" and json.loads(linked)
    ((day, account, workshop, title, text),) = scalar_rows(
        plan,
        select(
            Decision.decided_on,
            Decision.account_id,
            Workshop.title,
            Decision.title,
            Decision.text,
        )
        .join(Workshop, Workshop.id == Decision.workshop_id)
        .where(Decision.id == added.record_id),
    )
    assert (day, account, workshop, title) == (
        date(2026, 12, 1),
        None,
        WORKSHOP,
        "-Drop the print campaign",
    )
    assert text.endswith("executive briefing.")
    assert scalar_rows(plan, select(Decision.id).where(Decision.id == deleted.record_id)) == []
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_actions_changed_added_and_deleted(plan: Plan, exported: Path, tmp_path: Path) -> None:
    members = dict(scalar_rows(plan, select(TeamMember.name, TeamMember.id)))
    someone = sorted(members)[0]

    def change(book: Any) -> None:
        sheet = book["Actions"]
        row = row_where(sheet, "Action", "Draft the value report for the renewal")
        set_cell(sheet, row, "Status", "done")
        set_cell(sheet, row, "Owner", someone.upper())
        set_cell(sheet, row, "Due", "2027-01-15")
        sheet.delete_rows(row_where(sheet, "Action", "Map the procurement contacts in the DMU"))
        account = values(sheet, 2)["Account"]
        append(
            sheet,
            {"Account": account, "Action": "Send the reference case", "Owner": someone},
        )

    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "action")
    (changed,) = found[CHANGE]
    assert {f.label: f.new for f in changed.fields} == {
        "Owner": someone,
        "Due": "2027-01-15",
        "Status": "Done",
    }
    assert {f.label: f.old for f in changed.fields}["Status"] == "Open"
    (added,) = found[ADD]
    assert added.name == "Send the reference case"
    (deleted,) = found[DELETE]
    assert deleted.name == "Map the procurement contacts in the DMU"
    apply_import(plan, preview)
    ((status, owner, due),) = scalar_rows(
        plan,
        select(ActionItem.status, ActionItem.owner_id, ActionItem.due_on).where(
            ActionItem.id == changed.record_id
        ),
    )
    assert (status, owner, due) == ("done", members[someone], date(2027, 1, 15))
    ((status, owner, due, workshop, linked),) = scalar_rows(
        plan,
        select(
            ActionItem.status,
            ActionItem.owner_id,
            ActionItem.due_on,
            ActionItem.workshop_id,
            ActionItem.linked,
        ).where(ActionItem.id == added.record_id),
    )
    assert (status, owner, due, workshop, linked) == ("open", members[someone], None, None, "[]")
    assert scalar_rows(plan, select(ActionItem.id).where(ActionItem.id == deleted.record_id)) == []
    assert preview_import(plan, [export(plan, tmp_path / "again.xlsx")]).changes == []


def test_rows_edited_in_the_plan_since_the_export_are_conflicts(plan: Plan, tmp_path: Path) -> None:
    source = export(plan, tmp_path / "before.xlsx")
    briefing = "Book the executive briefing with the buying group"
    ((action_id,),) = scalar_rows(plan, select(ActionItem.id).where(ActionItem.text == briefing))
    ((decision_id,),) = scalar_rows(
        plan,
        select(Decision.id).where(Decision.title == "Lead with Asset Monitor, not Data Platform"),
    )
    with plan.write() as unit:
        update_action(unit, action_id, status="dropped")
        unit.session.get(Decision, decision_id).text = "Changed in the meeting room."  # type: ignore[union-attr]

    def change(book: Any) -> None:
        actions = book["Actions"]
        set_cell(actions, row_where(actions, "Action", briefing), "Status", "Done")
        decisions = book["Decisions"]
        decisions.delete_rows(
            row_where(decisions, "Title", "Lead with Asset Monitor, not Data Platform")
        )

    preview = preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])
    assert errors(preview) == []
    (edited,) = only(preview, "action")[CHANGE]
    assert edited.conflict.startswith("changed in the plan since the export (version 1, now 2)")
    (gone,) = only(preview, "decision")[DELETE]
    assert gone.conflict == "edited in the plan since the export"
    assert preview.counts["conflicts"] == 2
    assert not {edited.key, gone.key} & set(preview.default_selection())
    apply_import(plan, preview)  # conflicts stay out unless chosen
    assert scalar_rows(plan, select(ActionItem.status).where(ActionItem.id == action_id)) == [
        ("dropped",)
    ]
    apply_import(plan, preview_import(plan, [tmp_path / "edited.xlsx"]), {edited.key})
    assert scalar_rows(plan, select(ActionItem.status).where(ActionItem.id == action_id)) == [
        ("done",)
    ]


def test_bad_values_are_located_and_block_the_whole_import(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        set_cell(book["Accounts"], 2, "Region", "Mars")  # a good edit that must not land
        actions = book["Actions"]
        set_cell(actions, 2, "Owner", "Nobody Known")
        set_cell(actions, 3, "Due", "next Tuesday")
        set_cell(actions, 4, "Status", "Waiting")
        set_cell(actions, 5, "Action", "  ")
        decisions = book["Decisions"]
        set_cell(decisions, 2, "Date", None)
        set_cell(decisions, 3, "Workshop", "Kick-off")
        set_cell(decisions, 4, "Account", "Umbrella Corp")

    before = plan_summary(plan)
    preview = preview_of(plan, exported, tmp_path, change)
    assert errors(preview) == [
        "edited.xlsx, sheet 'Decisions', row 2, column 'Date' (A): a decision needs its date",
        "edited.xlsx, sheet 'Decisions', row 3, column 'Workshop' (F): there is no workshop "
        "'Kick-off' in the plan; clear the cell or use its title",
        "edited.xlsx, sheet 'Decisions', row 4, column 'Account' (B): "
        "there is no account 'Umbrella Corp' in the plan or this workbook",
        "edited.xlsx, sheet 'Actions', row 2, column 'Owner' (C): "
        "Owner: 'Nobody Known' is not on the plan's team",
        "edited.xlsx, sheet 'Actions', row 3, column 'Due' (D): "
        "Due: 'next Tuesday' is not a date (use 2026-03-31)",
        "edited.xlsx, sheet 'Actions', row 4, column 'Status' (E): "
        "Status: 'Waiting' is not one of Open, Done, Dropped",
        "edited.xlsx, sheet 'Actions', row 5, column 'Action' (B): Action cannot be empty",
    ]
    with pytest.raises(ImportBlockedError):
        apply_import(plan, preview)
    assert plan_summary(plan) == before


# ---------------------------------------------------------------------- snapshots
def test_workshops_and_snapshots_survive_an_import_of_edited_workshop_sheets(
    plan: Plan, exported: Path, tmp_path: Path
) -> None:
    """Extends tests/unit/workshop/test_workshop_core_snapshot_survival.py to these sheets."""
    with plan.read() as session:
        snapshots = [(s.label, s.kind, s.record_count) for s in list_snapshots(session)]
        workshops = [(w.title, w.status, len(w.agenda)) for w in list_workshops(session)]
    end = next(label for label, kind, _count in snapshots if kind == "workshop_end")

    def change(book: Any) -> None:
        actions = book["Actions"]
        set_cell(
            actions,
            row_where(actions, "Action", "Draft the value report for the renewal"),
            "Status",
            "Dropped",
        )

    preview = preview_of(plan, exported, tmp_path, change)
    apply_import(plan, preview)
    with plan.read() as session:
        assert [(s.label, s.kind, s.record_count) for s in list_snapshots(session)] == snapshots
        assert [(w.title, w.status, len(w.agenda)) for w in list_workshops(session)] == workshops
    report = changes_since(plan, end)
    assert [(i["field"], i["old"], i["new"]) for i in report.changed] == [
        ("status", "open", "dropped")
    ]
    assert report.added == [] and report.removed == []

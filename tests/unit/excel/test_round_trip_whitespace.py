"""Whitespace cells edited in the plan, in the workbook or in both since the export.

A cell has no version of its own, so the export keeps the grid as exported in
its hidden sheet: changed in the workbook only is a clean change; changed in
the plan only is left alone; changed in both is a conflict that says what the
plan holds now. An export from before that (no grid) falls back on edit times
and never adds a second record for a cell the plan filled since.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from round_trip_helpers import edit, errors, export, only, values
from sqlalchemy import select

from abm_planner.domain import vocabularies as vocab
from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ImportPreview
from abm_planner.excel.workbook_writer import META_SHEET
from abm_planner.services.excel_io import apply_import, preview_import
from abm_planner.services.plans import Plan
from abm_planner.store.models import Account, Solution, VocabularyTerm, Whitespace


@dataclass
class Grid:
    """The plan's accounts, solutions and whitespace statuses by name."""

    accounts: dict[uuid.UUID, str]
    solutions: dict[uuid.UUID, str]
    status: dict[str, uuid.UUID]  # label -> id
    cells: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]  # account, solution, status
    filled: set[tuple[uuid.UUID, uuid.UUID]]  # every cell that has a status

    def empty(self, plan: Plan, *besides: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
        """A cell emptied in the plan (the demo fills all), of an account not in ``besides``."""
        picked = {(a, s) for a, s, _t in self.cells}
        account, solution = next(
            (a, s) for a, s in sorted(self.filled) if (a, s) not in picked and a not in besides
        )
        _set_in_plan(plan, account, solution, None)
        return account, solution


@pytest.fixture
def grid(plan: Plan) -> Grid:
    with plan.read() as session:
        filled = session.execute(
            select(Whitespace.account_id, Whitespace.solution_id, Whitespace.status_id).order_by(
                Whitespace.account_id, Whitespace.solution_id
            )
        ).all()
        return Grid(
            dict(session.execute(select(Account.id, Account.name)).all()),
            dict(session.execute(select(Solution.id, Solution.name)).all()),
            dict(
                session.execute(
                    select(VocabularyTerm.label, VocabularyTerm.id).where(
                        VocabularyTerm.kind == vocab.WHITESPACE
                    )
                ).all()
            ),
            _one_per_account(filled),
            {(a, s) for a, s, _t in filled},
        )


def _one_per_account(cells: Any) -> list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]:
    """A cell of each account, so the preview's changes are told apart by account."""
    first: dict[uuid.UUID, tuple[uuid.UUID, uuid.UUID, uuid.UUID]] = {}
    for account, solution, status in cells:
        first.setdefault(account, (account, solution, status))
    assert len(first) >= 6
    return list(first.values())


def _other(grid: Grid, status: uuid.UUID, *avoid: str) -> str:
    """A status label other than ``status`` and ``avoid``."""
    label = next(k for k, v in grid.status.items() if v == status)
    return next(k for k in grid.status if k not in (label, *avoid))


def _set_in_plan(plan: Plan, account: uuid.UUID, solution: uuid.UUID, status: Any) -> None:
    with plan.write() as unit:
        cell = unit.session.scalars(
            select(Whitespace).where(
                Whitespace.account_id == account, Whitespace.solution_id == solution
            )
        ).one_or_none()
        if status is None and cell is not None:
            unit.session.delete(cell)
        elif cell is None:
            unit.session.add(Whitespace(account_id=account, solution_id=solution, status_id=status))
        else:
            cell.status_id = status


def _type(grid: Grid, cells: dict[tuple[uuid.UUID, uuid.UUID], Any]) -> Any:
    """An edit typing ``cells`` (label or None) into the Whitespace sheet."""

    def change(book: Any) -> None:
        sheet = book["Whitespace"]
        headers = [c.value for c in sheet[1]]
        for row in range(2, sheet.max_row + 1):
            name = values(sheet, row)["Account"]
            for (account, solution), label in cells.items():
                if grid.accounts[account] == name:
                    sheet.cell(row, headers.index(grid.solutions[solution]) + 1).value = label

    return change


def _status_of(plan: Plan, account: uuid.UUID, solution: uuid.UUID) -> uuid.UUID | None:
    with plan.read() as session:
        return session.scalar(
            select(Whitespace.status_id).where(
                Whitespace.account_id == account, Whitespace.solution_id == solution
            )
        )


def _preview(plan: Plan, source: Path, tmp_path: Path, change: Any) -> ImportPreview:
    return preview_import(plan, [edit(source, tmp_path / "edited.xlsx", change)])


def test_plan_only_workbook_only_and_both_changes(plan: Plan, grid: Grid, tmp_path: Path) -> None:
    (a1, s1, t1), (a2, s2, t2), (a3, s3, t3), (a4, s4, t4), (a5, s5, _t5) = grid.cells[:5]
    empty = grid.empty(plan, a1, a2, a3, a4, a5)
    source = export(plan, tmp_path / "e.xlsx")
    plan_only = grid.status[_other(grid, t1)]
    both_plan = grid.status[_other(grid, t3)]
    same_both = grid.status[_other(grid, t4)]
    _set_in_plan(plan, a1, s1, plan_only)  # changed in the plan only
    _set_in_plan(plan, a3, s3, both_plan)  # changed in both
    _set_in_plan(plan, a4, s4, same_both)  # changed in both, to the same status
    _set_in_plan(plan, a5, s5, None)  # cleared in the plan only
    _set_in_plan(plan, *empty, grid.status["Ours"])  # filled in the plan only
    workbook_only = _other(grid, t2)
    both_workbook = _other(grid, t3, _label(grid, both_plan))
    edits = {
        (a2, s2): workbook_only,
        (a3, s3): both_workbook,
        (a4, s4): _label(grid, same_both),
    }

    preview = _preview(plan, source, tmp_path, _type(grid, edits))
    assert errors(preview) == []
    found = only(preview, "whitespace")
    assert found[ADD] == [] and found[DELETE] == []
    by_account = {c.account: c for c in found[CHANGE]}
    assert set(by_account) == {grid.accounts[a2], grid.accounts[a3]}
    clean, conflict = by_account[grid.accounts[a2]], by_account[grid.accounts[a3]]
    assert clean.conflict == "" and clean.key in preview.default_selection()
    assert clean.fields[0].new == workbook_only
    assert conflict.conflict == (
        f"changed in the plan since the export (was {_label(grid, t3)}, "
        f"now {_label(grid, both_plan)})"
    )
    assert conflict.key not in preview.default_selection()

    apply_import(plan, preview)
    assert _status_of(plan, a1, s1) == plan_only
    assert _status_of(plan, a2, s2) == grid.status[workbook_only]
    assert _status_of(plan, a3, s3) == both_plan
    assert _status_of(plan, a5, s5) is None
    assert _status_of(plan, *empty) == grid.status["Ours"]


def _label(grid: Grid, status: uuid.UUID) -> str:
    return next(k for k, v in grid.status.items() if v == status)


def test_cells_cleared_in_the_workbook_and_changed_in_the_plan_conflict(
    plan: Plan, grid: Grid, tmp_path: Path
) -> None:
    (a1, s1, t1), (a2, s2, _t2) = grid.cells[:2]
    source = export(plan, tmp_path / "e.xlsx")
    _set_in_plan(plan, a1, s1, grid.status[_other(grid, t1)])
    preview = _preview(plan, source, tmp_path, _type(grid, {(a1, s1): None, (a2, s2): None}))
    deleted = {c.account: c for c in only(preview, "whitespace")[DELETE]}
    assert deleted[grid.accounts[a1]].conflict.startswith("changed in the plan since the export")
    assert deleted[grid.accounts[a2]].conflict == ""


def test_a_cell_filled_in_both_changes_the_plans_cell(
    plan: Plan, grid: Grid, tmp_path: Path
) -> None:
    account, solution = grid.empty(plan)
    source = export(plan, tmp_path / "e.xlsx")
    _set_in_plan(plan, account, solution, grid.status["Ours"])
    preview = _preview(plan, source, tmp_path, _type(grid, {(account, solution): "Competitor"}))
    (change,) = only(preview, "whitespace")[CHANGE]
    assert change.conflict == "changed in the plan since the export (was empty, now Ours)"
    apply_import(plan, preview, [change.key])  # the person takes the workbook's side
    assert _status_of(plan, account, solution) == grid.status["Competitor"]


def _older_export(book: Any) -> None:
    """What an export made before the grid was kept looks like: no whitespace entries."""
    meta = book[META_SHEET]
    for row in range(1, meta.max_row + 1):
        if str(meta.cell(row, 1).value or "").startswith("whitespace"):
            meta.cell(row, 1).value = None
            meta.cell(row, 2).value = None


def test_an_older_export_falls_back_on_edit_times(plan: Plan, grid: Grid, tmp_path: Path) -> None:
    (a1, s1, t1), (a2, s2, t2) = grid.cells[:2]
    empty = grid.empty(plan, a1, a2)
    source = export(plan, tmp_path / "e.xlsx")
    _set_in_plan(plan, a1, s1, grid.status[_other(grid, t1)])
    _set_in_plan(plan, *empty, grid.status["Ours"])

    def change(book: Any) -> None:
        _older_export(book)
        _type(grid, {(a2, s2): _other(grid, t2), empty: "Competitor"})(book)

    preview = _preview(plan, source, tmp_path, change)
    assert errors(preview) == []
    found = only(preview, "whitespace")
    assert found[ADD] == []  # never a second record for a cell the plan filled since
    changes = {c.account: c.conflict for c in found[CHANGE]}
    assert changes[grid.accounts[a2]] == ""
    assert changes[grid.accounts[a1]] == "edited in the plan since the export"
    assert changes[grid.accounts[empty[0]]] == (
        "changed in the plan since the export (was empty, now Ours)"
    )
    apply_import(plan, preview)  # the conflicts stay out by default
    assert _status_of(plan, *empty) == grid.status["Ours"]
    assert _status_of(plan, a1, s1) == grid.status[_other(grid, t1)]


@pytest.mark.parametrize("older", [False, True])
def test_an_accounts_row_taken_out_deletes_the_cells_it_showed(
    plan: Plan, grid: Grid, tmp_path: Path, older: bool
) -> None:
    (account, solution, _status), *_ = grid.cells
    _set_in_plan(plan, account, solution, None)
    source = export(plan, tmp_path / "e.xlsx")
    _set_in_plan(plan, account, solution, grid.status["Ours"])  # filled in the plan since

    def change(book: Any) -> None:
        if older:
            _older_export(book)
        sheet = book["Whitespace"]
        row = next(
            r
            for r in range(2, sheet.max_row + 1)
            if values(sheet, r)["Account"] == (grid.accounts[account])
        )
        sheet.delete_rows(row)

    preview = _preview(plan, source, tmp_path, change)
    assert errors(preview) == []
    deleted = only(preview, "whitespace")[DELETE]
    shown = {(a, s) for a, s in grid.filled if a == account and s != solution}
    assert len(deleted) == len(shown) > 0
    assert all(c.account == grid.accounts[account] and c.conflict == "" for c in deleted)

"""The Whitespace sheet back into the plan: who serves each need, account by solution.

The sheet is a grid, not a list: one row per account (the hidden Account id
keeps accounts of one name apart), one column per solution of the plan, each
cell a whitespace status. A status typed in an empty cell adds the cell's
record, another status changes it, a cleared cell (or an account's row taken
out) deletes it. Cells carry no id or version, so the export keeps the grid as
exported in its hidden sheet (``whitespace_meta``): a cell that still shows the
exported status was not edited and is left alone, whatever the plan did since;
one the person changed is a change, and a conflict when the plan's cell moved
away from the exported status too. Exports from before that kept no grid fall
back to edit times: a cell edited in the plan since the export conflicts. A
column that names no solution of the plan is left out with a warning (a
solution renamed since the export, say); a solution's column taken out leaves
its cells as they are.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from sqlalchemy import select

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.field_values import INVALID
from abm_planner.excel.header_mapping import squash
from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    DELETE,
    WARNING,
    FieldChange,
    ImportIssue,
    Location,
    RecordChange,
)
from abm_planner.excel.plan_index import RecordState, name_key
from abm_planner.excel.raw_sheet import RawSheet
from abm_planner.excel.record_ids import new_record_id
from abm_planner.excel.record_sheet import RecordSheet
from abm_planner.excel.sheet_rows import (
    SheetRows,
    edit_conflict,
    missing_column,
    removed_columns,
)
from abm_planner.store.models import Solution, Whitespace

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

STATUS = FieldSpec("status_id", "Status", FieldKind.TERM, vocabulary=vocab.WHITESPACE)
_UNKNOWN = object()  # a cell's status at the export, when an older export did not keep it


class Cell(NamedTuple):
    """A cell of the grid being read: whose, which solution (and its name), where."""

    account: uuid.UUID
    solution: uuid.UUID
    name: str
    where: Location


class WhitespaceSheet(RecordSheet):
    sheet = layout.WHITESPACE
    kind = "whitespace"
    one = "whitespace cell"
    plural = "whitespace cells"
    label = "Whitespace"
    model = Whitespace
    specs: ClassVar[dict[str, FieldSpec]] = {"status_id": STATUS}
    required = (layout.ACCOUNT,)

    def read(self, trip: RoundTrip, raw: RawSheet, rows: list[list[Any]]) -> None:
        assert trip.session is not None
        sheet = SheetRows(raw, rows)
        if missing_column(sheet, (layout.ACCOUNT,), trip.issues):
            return
        columns = self._columns(trip, sheet)
        cells = self._cells(trip)
        seen: dict[uuid.UUID, int] = {}
        for number, row in sheet.numbered():
            at = refs.RowAt(trip, sheet, number, row)
            account = self._account(at)
            if account is INVALID:
                continue
            if account in seen:
                trip.reader.error(
                    sheet.where(number, layout.ACCOUNT),
                    f"row {seen[account]} is already this account's row; keep one of the two",
                )
                continue
            seen[account] = number
            if account in trip.deleted_accounts:
                continue
            for header, (solution, name) in columns.items():
                typed = self._status(at, header)
                if typed is INVALID:
                    continue
                state = cells.pop((account, solution), None)
                cell = Cell(account, solution, name, sheet.where(number, header))
                self._compare(trip, cell, typed, state)
        for (account, solution), state in cells.items():
            if account in seen or account in trip.deleted_accounts:
                continue  # a column taken out, or the cells go with their account
            before = self._before(trip, account, solution, state)
            if before is not None:  # the workbook had the cell (an older one: made before it)
                conflict = self._conflict(trip, before, state, deleting=True)
                self._gone(trip, state, state.name, conflict)

    def _status(self, at: refs.RowAt, header: str) -> Any:
        """The status typed in the cell, None for a blank one, or INVALID."""
        value = refs.cell(at, header)
        if value is INVALID or parse.is_blank(value):
            return None if value is not INVALID else INVALID
        spec = FieldSpec("status_id", header, FieldKind.TERM, vocabulary=vocab.WHITESPACE)
        return at.trip.reader.read(spec, value, at.sheet.where(at.number, header))

    def _before(
        self, trip: RoundTrip, account: uuid.UUID, solution: uuid.UUID, state: RecordState | None
    ) -> Any:
        """The cell's status at the export (None: empty), or _UNKNOWN for an older export.

        An older export kept no grid: then a plan cell made before the export was in
        it (its status is not known) and one made after was not.
        """
        grid = trip.meta.whitespace
        if grid is not None:
            return grid.status(account, solution)
        if state is not None and state.created_at > trip.meta.exported_at:
            return None
        return _UNKNOWN

    def _compare(self, trip: RoundTrip, cell: Cell, typed: Any, state: RecordState | None) -> None:
        """One cell: untouched in the workbook is left alone, else a change (or a conflict)."""
        plan = state.values["status_id"] if state is not None else None
        if typed == plan:
            return
        before = self._before(trip, cell.account, cell.solution, state)
        if before is not _UNKNOWN and typed == before:
            return  # not edited in the workbook: what the plan did since stays
        conflict = self._conflict(trip, before, state, deleting=typed is None)
        if typed is None:
            if state is not None:
                self._gone(trip, state, cell.name, conflict, cell.where)
            return
        self._set(trip, cell, typed, state, conflict)

    def _conflict(
        self, trip: RoundTrip, before: Any, state: RecordState | None, *, deleting: bool = False
    ) -> str:
        """Why the cell conflicts: the plan's cell is no longer what the workbook showed.

        Deleting a cell also loses what the sheet does not show (its notes), so a
        cell edited in any way since the export conflicts when it would be deleted.
        """
        if before is _UNKNOWN:  # an older export: only the edit time tells
            return edit_conflict(state.updated_at, trip.meta) if state is not None else ""
        now = state.values["status_id"] if state is not None else None
        if now == before:
            return edit_conflict(state.updated_at, trip.meta) if deleting and state else ""
        return (
            "changed in the plan since the export "
            f"(was {self._label(trip, before)}, now {self._label(trip, now)})"
        )

    def _label(self, trip: RoundTrip, status: uuid.UUID | None) -> str:
        return self.show(trip, "status_id", status) if status is not None else "empty"

    def _columns(self, trip: RoundTrip, sheet: SheetRows) -> dict[str, tuple[uuid.UUID, str]]:
        assert trip.session is not None
        found_solutions = trip.session.execute(
            select(Solution.id, Solution.name, Solution.created_at).order_by(
                Solution.sort_order, Solution.name
            )
        ).all()
        solutions = [(solution, name) for solution, name, _created in found_solutions]
        headers = layout.unique_headers([n for _i, n in solutions], taken=layout.WHITESPACE_TAKEN)
        exact = {h.casefold(): s for h, s in zip(headers, solutions, strict=True)}
        loose: dict[str, list[tuple[uuid.UUID, str]]] = {}
        for header, solution in zip(headers, solutions, strict=True):
            loose.setdefault(squash(header), []).append(solution)
        columns = {}
        for title in sheet.rows[0] if sheet.rows else []:
            text = parse.text(title)
            if squash(text) in (squash(layout.ACCOUNT), squash(layout.ACCOUNT_ID), ""):
                continue
            found = exact.get(text.casefold())
            if found is None and len(loose.get(squash(text), [])) == 1:
                found = loose[squash(text)][0]  # spelt another way: "Edge  gateway"
            if found is None:
                trip.issues.append(
                    ImportIssue(
                        WARNING,
                        f"'{text}' is not one of the plan's solutions; the column is left out",
                        sheet.where(1, text),
                    )
                )
                continue
            columns[text] = (found[0], found[1])
        grid = trip.meta.whitespace
        kept = {solution for solution, _name in columns.values()}
        removed = [
            header
            for header, (solution, _name, created) in zip(headers, found_solutions, strict=True)
            if solution not in kept
            and (solution in grid.solutions if grid else created <= trip.meta.exported_at)
        ]
        removed_columns(sheet, removed, trip.issues)
        return columns

    def _cells(self, trip: RoundTrip) -> dict[tuple[uuid.UUID, uuid.UUID], RecordState]:
        assert trip.session is not None
        w = Whitespace
        query = select(
            w.id,
            w.version,
            w.created_at,
            w.updated_at,
            w.account_id,
            w.solution_id,
            w.status_id,
            Solution.name,
        ).join(Solution, Solution.id == w.solution_id)
        if trip.meta.account_ids is not None:
            query = query.where(w.account_id.in_(trip.meta.account_ids))
        cells = {}
        for (
            ident,
            version,
            created,
            updated,
            account,
            solution,
            status,
            name,
        ) in trip.session.execute(query):
            values = {"status_id": status}
            cells[account, solution] = RecordState(
                ident, version, created, updated, name, "", values, account
            )
        return cells

    def _account(self, at: refs.RowAt) -> Any:
        trip = at.trip
        name = parse.text(at.sheet.cell(at.row, layout.ACCOUNT))
        hidden = refs.hidden_id(at.sheet, at.row, layout.ACCOUNT_ID)
        if hidden in trip.index.accounts and name_key(name) in (
            name_key(trip.index.accounts[hidden].name),
            name_key(trip.added_names.get(hidden, "")),
        ):
            return hidden
        return refs.account(at, None)

    def _set(
        self,
        trip: RoundTrip,
        cell: Cell,
        status: uuid.UUID,
        state: RecordState | None,
        conflict: str,
    ) -> None:
        account, solution, name, where = cell
        old = self.show(trip, "status_id", state.values["status_id"]) if state else ""
        fields = (FieldChange("status_id", name, old, self.show(trip, "status_id", status)),)
        title = f"{trip.account_name(account)} × {name}"
        if state is None:
            record_id = new_record_id()
            values = {"account_id": account, "solution_id": solution, "status_id": status}
            trip.changes.append(
                RecordChange(
                    f"{self.kind}:{record_id}",
                    ADD,
                    self.kind,
                    record_id,
                    title,
                    trip.account_name(account),
                    fields,
                    where,
                    conflict,
                    values=values,
                    depends_on=refs.needs(trip, "account", account),
                )
            )
            return
        trip.changes.append(
            RecordChange(
                f"{self.kind}:{state.id}",
                CHANGE,
                self.kind,
                state.id,
                title,
                trip.account_name(account),
                fields,
                where,
                conflict,
                state.version,
                {"status_id": status},
            )
        )

    def _gone(
        self,
        trip: RoundTrip,
        state: RecordState,
        name: str,
        conflict: str,
        where: Location | None = None,
    ) -> None:
        trip.changes.append(
            RecordChange(
                f"{self.kind}:{state.id}",
                DELETE,
                self.kind,
                state.id,
                f"{trip.account_name(state.account_id)} × {name}",
                trip.account_name(state.account_id),
                (
                    FieldChange(
                        "status_id",
                        name,
                        self.show(trip, "status_id", state.values["status_id"]),
                        "",
                    ),
                ),
                where,
                conflict,
                state.version,
            )
        )


SHEET = WhitespaceSheet()

"""The Whitespace sheet back into the plan: who serves each need, account by solution.

The sheet is a grid, not a list: one row per account (the hidden Account id
keeps accounts of one name apart), one column per solution of the plan, each
cell a whitespace status. A status typed in an empty cell adds the cell's
record, another status changes it, a cleared cell (or an account's row taken
out) deletes it. Cells carry no version, so a cell edited in the plan since
the export is a conflict. A column that names no solution of the plan is left
out with a warning (a solution renamed since the export, say).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar

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
from abm_planner.excel.sheet_rows import SheetRows, edit_conflict, missing_column
from abm_planner.store.models import Solution, Whitespace

if TYPE_CHECKING:
    from abm_planner.excel.round_trip import RoundTrip

STATUS = FieldSpec("status_id", "Status", FieldKind.TERM, vocabulary=vocab.WHITESPACE)


class WhitespaceSheet(RecordSheet):
    sheet = layout.WHITESPACE
    kind = "whitespace"
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
                value = refs.cell(at, header)
                if value is INVALID:
                    continue
                state = cells.pop((account, solution), None)
                where = sheet.where(number, header)
                if parse.is_blank(value):
                    if state is not None:
                        self._gone(trip, state, name)
                    continue
                status = trip.reader.read(
                    FieldSpec("status_id", header, FieldKind.TERM, vocabulary=vocab.WHITESPACE),
                    value,
                    where,
                )
                if status is INVALID or (state and state.values["status_id"] == status):
                    continue
                self._set(
                    trip,
                    account=account,
                    solution=solution,
                    name=name,
                    status=status,
                    state=state,
                    where=where,
                )
        for state in cells.values():
            if state.account_id not in seen and state.account_id not in trip.deleted_accounts:
                self._gone(trip, state, state.name)

    def _columns(self, trip: RoundTrip, sheet: SheetRows) -> dict[str, tuple[uuid.UUID, str]]:
        assert trip.session is not None
        solutions = [
            (solution, name)
            for solution, name in trip.session.execute(
                select(Solution.id, Solution.name).order_by(Solution.sort_order, Solution.name)
            )
        ]
        headers = layout.unique_headers([n for _i, n in solutions], taken={"account"})
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
            if created > trip.meta.exported_at:
                continue  # the workbook cannot have known it
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
        *,
        account: uuid.UUID,
        solution: uuid.UUID,
        name: str,
        status: uuid.UUID,
        state: RecordState | None,
        where: Location,
    ) -> None:
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
                edit_conflict(state.updated_at, trip.meta),
                state.version,
                {"status_id": status},
            )
        )

    def _gone(self, trip: RoundTrip, state: RecordState, name: str) -> None:
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
                conflict=edit_conflict(state.updated_at, trip.meta),
                version=state.version,
            )
        )


SHEET = WhitespaceSheet()

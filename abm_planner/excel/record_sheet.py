"""The engine shared by the sheets whose rows are records: match, compare, add, delete.

A sheet module (``sheet_relationships``, ``sheet_plays``...) subclasses
``RecordSheet``: it names its sheet, the kind of change and the store model, loads
the plan's records of the exported scope (``load``) and turns one row into stored
values (``row_values``, with the references it needs resolved by ``sheet_refs``).
The engine does the rest the same way for every sheet, as the Accounts and
Stakeholders sheets are read (``round_trip``): a row is matched by its hidden
record id; a row without one is new; a changed row whose version moved in the
plan since the export is a conflict; a record of the scope whose row is gone is
deleted (unless it was made after the export or goes with a deleted account),
and a deletion of a record edited since the export is a conflict too. Only the
columns that say which record a row is (``required``, the hidden id and version)
must be there; a compared column the person took out keeps the plan's values,
and the preview notes it, so the edits in the other columns still come back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import select

from abm_planner.domain.fields import FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import sheet_refs as refs
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.export_data import WHOLE_PLAN
from abm_planner.excel.field_values import INVALID, display
from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    DELETE,
    WARNING,
    FieldChange,
    ImportIssue,
    RecordChange,
)
from abm_planner.excel.plan_index import RecordState
from abm_planner.excel.raw_sheet import RawSheet
from abm_planner.excel.record_ids import new_record_id
from abm_planner.excel.sheet_refs import RowAt
from abm_planner.excel.sheet_rows import (
    SheetRows,
    differs,
    edit_conflict,
    missing_column,
    removed_columns,
    version_conflict,
)
from abm_planner.excel.sheet_rows import record_id as rows_record_id

if TYPE_CHECKING:
    from sqlalchemy import Table

    from abm_planner.excel.round_trip import RoundTrip


@dataclass(slots=True)
class RowValues:
    """One row read: the stored values, and the keys of the changes they need first."""

    values: dict[str, Any]
    depends_on: tuple[str, ...] = ()


def load_states(
    trip: RoundTrip,
    model: Any,
    names: list[str] | tuple[str, ...],
    *,
    name_field: str = "",
    plan_wide: bool = False,
) -> dict[uuid.UUID, RecordState]:
    """The plan's records of the exported accounts (and the plan-wide ones, no account).

    Every sheet's ``load`` is this query with its own columns: the record's id,
    version and times, then ``names`` as the values the sheet compares.
    """
    assert trip.session is not None
    query = select(
        model.id,
        model.version,
        model.created_at,
        model.updated_at,
        *(getattr(model, n) for n in names),
    )
    if trip.meta.account_ids is not None:
        scope = model.account_id.in_(trip.meta.account_ids)
        query = query.where(scope | model.account_id.is_(None) if plan_wide else scope)
    states = {}
    for found in trip.session.execute(query):
        values = dict(zip(names, found[4:], strict=True))
        states[found[0]] = RecordState(
            found[0],
            found[1],
            found[2],
            found[3],
            str(values.get(name_field) or ""),
            "",
            values,
            values["account_id"],
        )
    return states


class RecordSheet:
    """One sheet of an export that comes back; subclasses declare the class attributes."""

    sheet: ClassVar[str]  # the exported sheet's name
    kind: ClassVar[str]  # RecordChange.kind of its records
    one: ClassVar[str]  # how a count of one names it ("line")
    plural: ClassVar[str]  # how the preview's counts name them ("lines")
    label: ClassVar[str]  # how the preview names one ("Relationship")
    model: ClassVar[Any]  # the store model the changes are written to
    links: ClassVar[dict[str, tuple[Table, str, str]]] = {}  # list fields in link tables
    specs: ClassVar[dict[str, FieldSpec]]  # compared fields; labels are the headers
    required: ClassVar[tuple[str, ...]]  # the headers that say which record a row is
    name_field: ClassVar[str] = "name"  # the value that names a record in the preview
    plain: ClassVar[tuple[FieldSpec, ...]] = ()  # fields read as they are (sheet_refs.fields)
    plan_wide: ClassVar[bool] = False  # rows may belong to the whole plan (blank Account)
    named: ClassVar[dict[str, str]] = {}  # reference fields -> the kind of record they name
    choices: ClassVar[dict[str, dict[str, str]]] = {}  # fixed-set fields -> key -> label
    # The row's values (``state`` is the plan's record, None for a new row) or INVALID;
    # every sheet read row by row (``read`` below) defines it, a sheet with its own
    # ``read`` (the Whitespace grid) need not.
    row_values: Callable[[RowAt, Any], RowValues | Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.read is RecordSheet.read and not hasattr(cls, "row_values"):
            raise TypeError(f"{cls.__name__} is read row by row: it needs row_values()")

    def load(self, trip: RoundTrip) -> dict[uuid.UUID, RecordState]:
        """The plan's records of the exported scope, values as ``row_values`` gives them.

        Each compared field is a column of ``model``; a sheet whose values are not
        (link tables, flags stored as numbers) overrides this.
        """
        return load_states(
            trip, self.model, list(self.specs), name_field=self.name_field, plan_wide=self.plan_wide
        )

    def title(self, trip: RoundTrip, values: dict[str, Any]) -> str:
        """The record as the preview names it (``trip`` finds the names of references)."""
        return str(values.get(self.name_field, "")) if trip else ""

    def show(self, trip: RoundTrip, name: str, value: Any) -> str:
        """A stored value as a person reads it: references by name, choices by label.

        Every sheet shows its account, the records it names (``named``) and its
        fixed sets (``choices``) the way it exports them, so a preview reads like
        the sheet; a sheet overrides this only for a value shown its own way.
        """
        if name == "account_id":
            return WHOLE_PLAN if value is None and self.plan_wide else trip.account_name(value)
        if name in self.named:
            return refs.plan_name(trip, self.named[name], value)
        if name in self.choices:
            return self.choices[name].get(value, value or "")
        return display(self.specs[name], value, trip.index, {})

    def removable(self) -> list[str]:
        """The headers of the compared fields a person may take out of the sheet."""
        return [s.label for s in self.specs.values() if s.label not in self.required]

    def absent(self, sheet: SheetRows) -> list[str]:
        """The compared fields whose column was taken out: the plan keeps their values."""
        removable = self.removable()
        return [n for n, s in self.specs.items() if s.label in removable and not sheet.has(s.label)]

    def start(self, at: RowAt, state: Any) -> tuple[dict[str, Any], Any, Any]:
        """The plan's values of the row's record ({} for a new row), its account, its ``plain``.

        Every sheet reads the account first: the people and plays a row names are
        looked for in it, so a row whose account is wrong (INVALID) is read no further.
        A plain field whose column was taken out keeps the record's value, so checks
        across fields (a play's end after its start) see what the plan holds.
        """
        own = state.values if state is not None else {}
        account = refs.account(at, own.get("account_id"), plan_wide=self.plan_wide)
        if account is INVALID:
            return own, INVALID, INVALID
        if state is None:
            return own, account, refs.fields(at, list(self.plain), own)
        absent = self.absent(at.sheet)
        values = refs.fields(at, [s for s in self.plain if s.name not in absent], own)
        if values is not INVALID:
            values |= {s.name: own.get(s.name) for s in self.plain if s.name in absent}
        return own, account, values

    def finish(
        self, trip: RoundTrip, sheet: SheetRows, rows: dict[int, dict[str, Any]], edited: set[int]
    ) -> None:
        """Checks across rows (duplicates, circles) once every row is read.

        ``rows`` holds every row's values by row number, ``edited`` the numbers of the
        rows that add or change a record.
        """

    # ------------------------------------------------------------------ the engine
    def read(self, trip: RoundTrip, raw: RawSheet, rows: list[list[Any]]) -> None:
        sheet = SheetRows(raw, rows)
        if missing_column(sheet, (*self.required, layout.RECORD_ID, layout.VERSION), trip.issues):
            return
        removed_columns(sheet, self.removable(), trip.issues)
        absent = self.absent(sheet)
        states = self.load(trip)
        seen: dict[uuid.UUID, int] = {}
        final: dict[int, dict[str, Any]] = {}
        edited: set[int] = set()
        for number, row in sheet.numbered():
            record_id = rows_record_id(trip.reader, sheet, row, number)
            if record_id is INVALID:
                continue
            if record_id is not None and record_id in seen:
                trip.reader.error(
                    sheet.where(number, layout.RECORD_ID),
                    f"the same record id is also on row {seen[record_id]} (a copied row?)",
                )
                continue
            state = None
            if record_id is not None:
                seen[record_id] = number
                state = states.get(record_id)
                if state is None:
                    trip.issues.append(
                        ImportIssue(
                            WARNING,
                            "this record was deleted from the plan after the export (or is "
                            "not one of this sheet's); row skipped",
                            sheet.where(number),
                        )
                    )
                    continue
            at = RowAt(trip, sheet, number, row)
            read = self.row_values(at, state)
            if read is INVALID:
                continue
            self._keep_absent(state, read, absent)
            final[number] = (state.values if state else {}) | read.values
            before = len(trip.changes)
            if state is None:
                self._add(at, read)
            else:
                self._change(at, state, read)
            if len(trip.changes) > before:
                edited.add(number)
        self.finish(trip, sheet, final, edited)
        self._delete_gone(trip, states, seen)

    def _keep_absent(self, state: RecordState | None, read: RowValues, absent: list[str]) -> None:
        """Give a changed row the plan's values of the removed columns (they read blank)."""
        if state is not None:
            read.values |= {n: state.values.get(n) for n in absent if n in read.values}

    def _delete_gone(
        self, trip: RoundTrip, states: dict[uuid.UUID, RecordState], seen: dict[uuid.UUID, int]
    ) -> None:
        """Delete the records whose rows are gone, unless made after the export or cascaded."""
        for state in states.values():
            if (
                state.id not in seen
                and state.created_at <= trip.meta.exported_at
                and state.account_id not in trip.deleted_accounts
            ):
                self._delete(trip, state)

    def _account_name(self, trip: RoundTrip, account_id: uuid.UUID | None) -> str:
        return trip.account_name(account_id)

    def _add(self, at: RowAt, read: RowValues) -> None:
        trip = at.trip
        record_id = new_record_id()
        values = read.values
        fields = tuple(
            FieldChange(n, spec.label, "", self.show(trip, n, values[n]))
            for n, spec in self.specs.items()
            if values.get(n) not in (None, "", [], False)
        )
        self.remember(trip, record_id, values)
        trip.changes.append(
            RecordChange(
                f"{self.kind}:{record_id}",
                ADD,
                self.kind,
                record_id,
                self.title(trip, values),
                self._account_name(trip, values.get("account_id")),
                fields,
                at.sheet.where(at.number),
                values=values,
                depends_on=read.depends_on,
            )
        )

    def remember(self, trip: RoundTrip, record_id: uuid.UUID, values: dict[str, Any]) -> None:
        """Note a record added or renamed by this workbook, for the sheets read after."""

    def _change(self, at: RowAt, state: RecordState, read: RowValues) -> None:
        trip = at.trip
        old = state.values
        changed = {
            n: read.values[n]
            for n, spec in self.specs.items()
            if n in read.values and differs(spec, old.get(n), read.values[n])
        }
        if not changed:
            return
        self.remember(trip, state.id, old | changed)
        conflict = version_conflict(
            parse.text(at.sheet.cell(at.row, layout.VERSION)), state.version
        )
        fields = tuple(
            FieldChange(
                n,
                self.specs[n].label,
                self.show(trip, n, old.get(n)),
                self.show(trip, n, v),
            )
            for n, v in changed.items()
        )
        trip.changes.append(
            RecordChange(
                f"{self.kind}:{state.id}",
                CHANGE,
                self.kind,
                state.id,
                self.title(trip, old | changed),
                self._account_name(trip, changed.get("account_id", state.account_id)),
                fields,
                at.sheet.where(at.number),
                conflict,
                state.version,
                changed,
                depends_on=read.depends_on,
            )
        )

    def _delete(self, trip: RoundTrip, state: RecordState) -> None:
        trip.changes.append(
            RecordChange(
                f"{self.kind}:{state.id}",
                DELETE,
                self.kind,
                state.id,
                self.title(trip, state.values),
                self._account_name(trip, state.account_id),
                conflict=edit_conflict(state.updated_at, trip.meta),
                version=state.version,
            )
        )

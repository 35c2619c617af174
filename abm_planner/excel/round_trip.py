"""An exported workbook, edited in Excel, back as a diff against the plan.

Rows are matched by the hidden record id; a row without one is new, a record of
the exported scope whose row is gone is deleted (unless it was created in the
plan after the export). A changed row whose record's version moved in the plan
since the export is a conflict, and so is a deleted row whose record was edited
since: the preview shows both and leaves conflicts unselected by default.
Text Excel had to cut at 32,767 characters counts as unchanged, so a round
trip never shortens a long note. Accounts, Stakeholders and the Play library
(``play_library_sheet``) come back; the other sheets are for reading.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from abm_planner.domain.fields import (
    ACCOUNT_FIELDS,
    STAKEHOLDER_FIELDS,
    FieldKind,
    FieldSpec,
    field_map,
)
from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.errors import column_letter
from abm_planner.excel.field_values import INVALID, FieldReader, display
from abm_planner.excel.header_mapping import squash
from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    DELETE,
    ERROR,
    INFO,
    WARNING,
    FieldChange,
    ImportIssue,
    Location,
    RecordChange,
)
from abm_planner.excel.plan_index import PlanIndex, RecordState, name_key
from abm_planner.excel.reading import RawSheet
from abm_planner.excel.record_ids import new_record_id
from abm_planner.excel.safe_cells import fits_in_cell, truncated_for_cell

ACCOUNT_SPECS = field_map(ACCOUNT_FIELDS)
PERSON_SPECS = field_map(STAKEHOLDER_FIELDS)
RETURNING_SHEETS = (layout.ACCOUNTS, layout.STAKEHOLDERS, layout.PLAY_LIBRARY)


@dataclass(frozen=True, slots=True)
class ExportMeta:
    plan_id: str
    plan: str
    exported_at: datetime
    account_ids: frozenset[uuid.UUID] | None  # None: the whole plan was exported


def read_meta(rows: list[list[Any]]) -> ExportMeta | None:
    """The facts of the hidden sheet, or None when the workbook is not one of our exports."""
    from abm_planner.excel.workbook_export import FORMAT_ID

    entries = [(parse.text(r[0]), parse.text(r[1]) if len(r) > 1 else "") for r in rows if r]
    values = dict(entries)
    if values.get("format") != FORMAT_ID:
        return None
    try:
        exported = datetime.fromisoformat(values.get("exported_at", ""))
    except ValueError:
        return None
    accounts = None
    if values.get("scope") == "accounts":
        accounts = frozenset(uuid.UUID(v) for k, v in entries if k == "account")
    return ExportMeta(values.get("plan_id", ""), values.get("plan", ""), exported, accounts)


@dataclass(slots=True)
class SheetRows:
    raw: RawSheet
    rows: list[list[Any]]
    columns: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        header = self.rows[0] if self.rows else []
        for position, title in enumerate(header):
            self.columns.setdefault(squash(title), position)

    def cell(self, row: list[Any], title: str) -> Any:
        position = self.columns.get(squash(title))
        return row[position] if position is not None and position < len(row) else None

    def where(self, number: int, title: str | None = None) -> Location:
        position = self.columns.get(squash(title)) if title else None
        return Location(
            self.raw.file, self.raw.sheet, number, title if position is not None else None, position
        )

    def is_formula(self, number: int, title: str) -> bool:
        position = self.columns.get(squash(title))
        return (
            position is not None and f"{column_letter(position)}{number}" in self.raw.formula_cells
        )


@dataclass(slots=True)
class RoundTrip:
    index: PlanIndex
    meta: ExportMeta
    reader: FieldReader
    issues: list[ImportIssue]
    changes: list[RecordChange] = field(default_factory=list)
    new_accounts: dict[str, list[tuple[uuid.UUID, Location]]] = field(default_factory=dict)
    deleted_accounts: set[uuid.UUID] = field(default_factory=set)

    def in_scope(self, account_id: uuid.UUID | None) -> bool:
        ids = self.meta.account_ids
        return ids is None or account_id in ids

    def accounts(self, raw: RawSheet, rows: list[list[Any]]) -> None:
        sheet = SheetRows(raw, rows)
        seen = self._rows(sheet, "account", ACCOUNT_SPECS, lambda _row, _n, _state: None)
        for state in self.index.accounts.values():
            if (
                state.id not in seen
                and self.in_scope(state.id)
                and state.created_at <= self.meta.exported_at
            ):
                self.deleted_accounts.add(state.id)
                people = len(self.index.people_of.get(state.id, ()))
                self._delete(state, "account", state.name, f"with its {people} stakeholder(s)")

    def stakeholders(self, raw: RawSheet, rows: list[list[Any]]) -> None:
        sheet = SheetRows(raw, rows)
        seen = self._rows(sheet, "stakeholder", PERSON_SPECS, self._account_of)
        for state in self.index.people.values():
            if (
                state.id not in seen
                and self.in_scope(state.account_id)
                and state.account_id not in self.deleted_accounts
                and state.created_at <= self.meta.exported_at
            ):
                account = self.index.accounts[state.account_id].name if state.account_id else ""
                self._delete(state, "stakeholder", state.name, account)

    def _account_of(self, row: list[Any], number: int, sheet: SheetRows) -> Any:
        """The account of a new stakeholder row: its hidden id, else its name."""
        hidden = parse.text(sheet.cell(row, layout.ACCOUNT_ID))
        if hidden:
            try:
                account_id = uuid.UUID(hidden)
            except ValueError:
                account_id = None
            if account_id in self.index.accounts:
                return account_id
        name = parse.text(sheet.cell(row, layout.ACCOUNT))
        where = sheet.where(number, layout.ACCOUNT)
        if not name:
            return self.reader.error(where, "a new stakeholder needs an account")
        found = [
            (i, f"the plan's account (CRM id '{self.index.accounts[i].crm_id}')")
            for i in self.index.account_by_name.get(name_key(name), [])
        ]
        found += [(i, str(place)) for i, place in self.new_accounts.get(name_key(name), [])]
        if len(found) > 1:
            return self.reader.error(
                where, f"account '{name}' is ambiguous: it fits {found[0][1]} and {found[1][1]}"
            )
        if not found:
            return self.reader.error(
                where, f"there is no account '{name}' in the plan or this workbook"
            )
        return found[0][0]

    def _rows(
        self, sheet: SheetRows, kind: str, specs: dict[str, FieldSpec], account_of: Any
    ) -> set[uuid.UUID]:
        present = [spec for spec in specs.values() if squash(spec.label) in sheet.columns]
        for required in ("Name", layout.RECORD_ID, layout.VERSION):
            if squash(required) not in sheet.columns:
                self.issues.append(
                    ImportIssue(
                        ERROR,
                        f"the column '{required}' is missing; rows cannot be matched to the plan",
                        Location(sheet.raw.file, sheet.raw.sheet, 1),
                    )
                )
                return set(self.index.accounts if kind == "account" else self.index.people)
        seen: dict[uuid.UUID, int] = {}
        for number, row in enumerate(sheet.rows[1:], start=2):
            if all(parse.is_blank(v) for v in row):
                continue
            record_id = self._record_id(sheet, row, number)
            if record_id is INVALID:
                continue
            if record_id is not None and record_id in seen:
                self.reader.error(
                    sheet.where(number, layout.RECORD_ID),
                    f"the same record id is also on row {seen[record_id]} (a copied row?)",
                )
                continue
            values = self._values(sheet, row, number, present)
            if values is None:
                continue
            states = self.index.accounts if kind == "account" else self.index.people
            if record_id is None:
                self._add(
                    sheet,
                    row=row,
                    number=number,
                    kind=kind,
                    specs=specs,
                    values=values,
                    account_of=account_of,
                )
                continue
            seen[record_id] = number
            state = states.get(record_id)
            if state is None:
                self.issues.append(
                    ImportIssue(
                        WARNING,
                        "this record was deleted from the plan after the export; row skipped",
                        sheet.where(number),
                    )
                )
                continue
            self._change(
                sheet,
                row=row,
                number=number,
                kind=kind,
                specs=specs,
                values=values,
                state=state,
            )
        return set(seen)

    def _record_id(self, sheet: SheetRows, row: list[Any], number: int) -> Any:
        text = parse.text(sheet.cell(row, layout.RECORD_ID))
        if not text:
            return None
        try:
            return uuid.UUID(text)
        except ValueError:
            return self.reader.error(
                sheet.where(number, layout.RECORD_ID),
                f"'{text}' is not a record id; clear the cell for a new row",
            )

    def _values(
        self, sheet: SheetRows, row: list[Any], number: int, present: list[FieldSpec]
    ) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        ok = True
        for spec in present:
            where = sheet.where(number, spec.label)
            if sheet.is_formula(number, spec.label):
                self.reader.error(where, "a formula where a value belongs; type the value instead")
                ok = False
                continue
            value = self.reader.read(spec, sheet.cell(row, spec.label), where)
            if value is INVALID:
                ok = False
            else:
                values[spec.name] = value
        return values if ok else None

    def _add(
        self,
        sheet: SheetRows,
        *,
        row: list[Any],
        number: int,
        kind: str,
        specs: dict[str, FieldSpec],
        values: dict[str, Any],
        account_of: Any,
    ) -> None:
        record_id = new_record_id()
        depends: tuple[str, ...] = ()
        account = ""
        if kind == "stakeholder":
            account_id = account_of(row, number, sheet)
            if account_id is INVALID:
                return
            values["account_id"] = account_id
            if account_id not in self.index.accounts:
                depends = (f"account:{account_id}",)
            account = parse.text(sheet.cell(row, layout.ACCOUNT))
        else:
            if self.index.account_by_name.get(name_key(values.get("name", ""))):
                self.issues.append(
                    ImportIssue(
                        WARNING,
                        f"an account called '{values.get('name')}' is already in the plan; this "
                        "row adds another (was a row copied without its record id?)",
                        sheet.where(number),
                    )
                )
            self.new_accounts.setdefault(name_key(values.get("name", "")), []).append(
                (record_id, sheet.where(number))
            )
        fields = tuple(
            FieldChange(n, specs[n].label, "", display(specs[n], v, self.index, {}))
            for n, v in values.items()
            if n in specs and v not in (None, "", [], False)
        )
        self.changes.append(
            RecordChange(
                f"{kind}:{record_id}",
                ADD,
                kind,
                record_id,
                str(values.get("name", "")),
                account,
                fields,
                sheet.where(number),
                values=values,
                depends_on=depends,
            )
        )

    def _change(
        self,
        sheet: SheetRows,
        *,
        row: list[Any],
        number: int,
        kind: str,
        specs: dict[str, FieldSpec],
        values: dict[str, Any],
        state: RecordState,
    ) -> None:
        changed = {n: v for n, v in values.items() if differs(specs[n], state.values.get(n), v)}
        if not changed:
            return
        version = parse.text(sheet.cell(row, layout.VERSION))
        conflict = ""
        if version != str(state.version):
            conflict = (
                f"changed in the plan since the export (version {version or '?'}, "
                f"now {state.version})"
            )
        fields = tuple(
            FieldChange(
                n,
                specs[n].label,
                display(specs[n], state.values.get(n), self.index, {}),
                display(specs[n], v, self.index, {}),
            )
            for n, v in changed.items()
        )
        account = self.index.accounts[state.account_id].name if state.account_id else ""
        self.changes.append(
            RecordChange(
                f"{kind}:{state.id}",
                CHANGE,
                kind,
                state.id,
                state.name,
                account,
                fields,
                sheet.where(number),
                conflict,
                state.version,
                changed,
            )
        )

    def _delete(self, state: RecordState, kind: str, name: str, account: str) -> None:
        conflict = ""
        if state.updated_at > self.meta.exported_at:
            conflict = "edited in the plan since the export"
        self.changes.append(
            RecordChange(
                f"{kind}:{state.id}",
                DELETE,
                kind,
                state.id,
                name,
                account,
                conflict=conflict,
                version=state.version,
            )
        )

    def note_other_sheets(self, names: list[str], file: Any) -> None:
        others = [n for n in names if n in layout.sheet_specs([], []) and n not in RETURNING_SHEETS]
        if others:
            self.issues.append(
                ImportIssue(
                    INFO,
                    f"edits on {', '.join(others)} are not read back (only Accounts, "
                    "Stakeholders and Play library come back into the plan)",
                    Location(file),
                )
            )


def differs(spec: FieldSpec, old: Any, new: Any) -> bool:
    if spec.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        old_text = old or ""
        if old_text == new:
            return False
        return fits_in_cell(old_text) or truncated_for_cell(old_text) != new
    if spec.kind is FieldKind.TERMS:
        return sorted(map(str, old or [])) != sorted(map(str, new or []))
    if spec.kind is FieldKind.MONEY:
        return (None if old is None else round(float(old), 2)) != (
            None if new is None else round(float(new), 2)
        )
    if spec.kind is FieldKind.FLAG:
        return bool(old) != bool(new)
    return bool(old != new)

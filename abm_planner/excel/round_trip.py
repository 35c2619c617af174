"""An exported workbook, edited in Excel, back as a diff against the plan.

Rows are matched by the hidden record id; a row without one is new, a record of
the exported scope whose row is gone is deleted (unless it was created in the
plan after the export). A changed row whose record's version moved in the plan
since the export is a conflict, and so is a deleted row whose record was edited
since: the preview shows both and leaves conflicts unselected by default.
``RoundTrip`` reads the Accounts and Stakeholders sheets and is the context the
other sheets (``round_trip_sheets``) are read in: it knows the accounts and
people the workbook adds or renames, so a later sheet may name them. Changing a
stakeholder's Account cell moves the person to that account.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from abm_planner.domain.fields import ACCOUNT_FIELDS, STAKEHOLDER_FIELDS, FieldSpec, field_map
from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.account_refs import find_account, moved_account, stakeholder_account
from abm_planner.excel.field_values import INVALID, FieldReader, display
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
from abm_planner.excel.plan_index import PlanIndex, RecordState, name_key
from abm_planner.excel.raw_sheet import RawSheet
from abm_planner.excel.record_ids import new_record_id
from abm_planner.excel.sheet_refs import RowAt, fields
from abm_planner.excel.sheet_rows import (
    ExportMeta,
    SheetRows,
    differs,
    edit_conflict,
    missing_column,
    removed_columns,
    version_conflict,
)
from abm_planner.excel.sheet_rows import record_id as row_record_id

ACCOUNT_SPECS = field_map(ACCOUNT_FIELDS)
PERSON_SPECS = field_map(STAKEHOLDER_FIELDS)
MOVED = "account_id"  # the field a stakeholder's change carries when the person moves


@dataclass(slots=True)
class RoundTrip:
    index: PlanIndex
    meta: ExportMeta
    reader: FieldReader
    issues: list[ImportIssue]
    session: Session | None = None
    changes: list[RecordChange] = field(default_factory=list)
    new_accounts: dict[str, list[tuple[uuid.UUID, Location]]] = field(default_factory=dict)
    deleted_accounts: set[uuid.UUID] = field(default_factory=set)
    # records this workbook adds or renames, by kind and (account or None, name key)
    named: dict[str, dict[tuple[Any, str], list[uuid.UUID]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    added_names: dict[uuid.UUID, str] = field(default_factory=dict)
    moved: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # person -> new account
    cache: dict[str, Any] = field(default_factory=dict)  # plan lookups a sheet loaded once

    def in_scope(self, account_id: uuid.UUID | None) -> bool:
        ids = self.meta.account_ids
        return ids is None or account_id in ids

    def account_name(self, account_id: uuid.UUID | None) -> str:
        if account_id is None:
            return ""
        state = self.index.accounts.get(account_id)
        return state.name if state is not None else self.added_names.get(account_id, "")

    def remember(self, kind: str, scope: Any, name: str, record_id: uuid.UUID) -> None:
        """A record this workbook adds or renames, so later rows may name it."""
        self.named[kind][scope, name_key(name)].append(record_id)
        self.added_names.setdefault(record_id, name)

    def find_account(self, name: str, where: Location) -> Any:
        """The one account called ``name`` in the plan or this workbook, else INVALID."""
        return find_account(self, name, where)

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
        seen = self._rows(
            sheet,
            "stakeholder",
            PERSON_SPECS,
            lambda row, number, rows_of: stakeholder_account(self, row, number, rows_of),
        )
        for state in self.index.people.values():
            if (
                state.id not in seen
                and self.in_scope(state.account_id)
                and state.account_id not in self.deleted_accounts
                and state.created_at <= self.meta.exported_at
            ):
                account = self.index.accounts[state.account_id].name if state.account_id else ""
                self._delete(state, "stakeholder", state.name, account)

    def _rows(
        self, sheet: SheetRows, kind: str, specs: dict[str, FieldSpec], account_of: Any
    ) -> set[uuid.UUID]:
        present = [spec for spec in specs.values() if squash(spec.label) in sheet.columns]
        if missing_column(sheet, ("Name", layout.RECORD_ID, layout.VERSION), self.issues):
            return set(self.index.accounts if kind == "account" else self.index.people)
        removed_columns(sheet, [s.label for s in specs.values() if s.name != "name"], self.issues)
        seen: dict[uuid.UUID, int] = {}
        for number, row in enumerate(sheet.rows[1:], start=2):
            if all(parse.is_blank(v) for v in row):
                continue
            record_id = row_record_id(self.reader, sheet, row, number)
            if record_id is INVALID:
                continue
            if record_id is not None and record_id in seen:
                self.reader.error(
                    sheet.where(number, layout.RECORD_ID),
                    f"the same record id is also on row {seen[record_id]} (a copied row?)",
                )
                continue
            if record_id is not None:
                seen[record_id] = number
            states = self.index.accounts if kind == "account" else self.index.people
            own = states.get(record_id) if record_id is not None else None
            values = fields(RowAt(self, sheet, number, row), present, own.values if own else {})
            if values is INVALID:
                continue
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
            account = self.account_name(account_id)
            self.remember("stakeholder", account_id, values.get("name", ""), record_id)
        else:
            self.added_names[record_id] = str(values.get("name", ""))
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
        moved_to = moved_account(self, sheet, row, number, state) if kind == "stakeholder" else None
        if moved_to is INVALID:
            return
        if not changed and moved_to is None:
            return
        if "name" in changed:
            scope = None if kind == "account" else (moved_to or state.account_id)
            self.remember(kind, scope, changed["name"], state.id)
        elif moved_to is not None:
            self.remember(kind, moved_to, state.name, state.id)
        conflict = version_conflict(parse.text(sheet.cell(row, layout.VERSION)), state.version)
        fields = tuple(
            FieldChange(
                n,
                specs[n].label,
                display(specs[n], state.values.get(n), self.index, {}),
                display(specs[n], v, self.index, {}),
            )
            for n, v in changed.items()
        )
        depends: tuple[str, ...] = ()
        if moved_to is not None:
            changed[MOVED] = moved_to
            fields += (
                FieldChange(
                    MOVED,
                    layout.ACCOUNT,
                    self.account_name(state.account_id),
                    self.account_name(moved_to),
                ),
            )
            if moved_to not in self.index.accounts:
                depends = (f"account:{moved_to}",)
        account = self.account_name(moved_to or state.account_id)
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
                depends_on=depends,
            )
        )

    def _delete(self, state: RecordState, kind: str, name: str, account: str) -> None:
        self.changes.append(
            RecordChange(
                f"{kind}:{state.id}",
                DELETE,
                kind,
                state.id,
                name,
                account,
                conflict=edit_conflict(state.updated_at, self.meta),
                version=state.version,
            )
        )

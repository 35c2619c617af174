"""The Play library sheet back into the plan: templates changed, added and deleted.

In an edited export rows are matched by the hidden record id, as accounts and
stakeholders are (``round_trip``): a changed row whose template moved in the plan
since the export is a conflict, a row without an id is a new template, a
template whose row is gone is deleted (plays made from it stay, unlinked; the
preview warns how many). A "Play library" sheet of any other workbook adds its
rows as new templates; a row naming a template the library has changes that one.
Names are unique in the library, so a name held by another template is an error
naming the cell, unless that template is deleted by the same import.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.export_data import FUNCTION_LABELS
from abm_planner.excel.field_values import INVALID, FieldReader, display
from abm_planner.excel.header_mapping import squash
from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    DELETE,
    ERROR,
    WARNING,
    FieldChange,
    ImportIssue,
    Location,
    RecordChange,
)
from abm_planner.excel.plan_index import PlanIndex, RecordState, find_term, name_key
from abm_planner.excel.play_library_index import SPECS, TERM_LISTS, TemplateIndex
from abm_planner.excel.raw_sheet import RawSheet
from abm_planner.excel.record_ids import new_record_id
from abm_planner.excel.sheet_rows import (
    ExportMeta,
    SheetRows,
    differs,
    edit_conflict,
    version_conflict,
)
from abm_planner.excel.sheet_rows import record_id as row_record_id
from abm_planner.plays.fields import LONGEST_PLAY_DAYS

KIND = "play_template"
HEADERS: dict[str, tuple[str, ...]] = {  # the exported header first, then other spellings
    "name": ("Play", "Name", "Play name"),
    "play_type_id": ("Type", "Play type"),
    "lead_function": ("Lead", "Lead function"),
    "stage_ids": ("Stages", "Journey stages"),
    "role_ids": ("Target roles", "Roles"),
    "trigger": ("Trigger",),
    "steps": ("Steps",),
    "success_criteria": ("Success criteria",),
    "typical_touches": ("Typical touches", "Touches"),
    "duration_days": ("Duration (days)", "Duration"),
    "cost": ("Cost",),
    "description": ("Description",),
}
_LEADS = {squash(k): k for k in vocab.LEAD_FUNCTIONS} | {
    squash(label): key for key, label in FUNCTION_LABELS.items() if key in vocab.LEAD_FUNCTIONS
}


def is_play_library(raw: RawSheet) -> bool:
    """A sheet (or CSV file) named like the export's Play library sheet."""
    return squash(raw.sheet or raw.file.stem) == squash(layout.PLAY_LIBRARY)


@dataclass(slots=True)
class _Row:
    number: int
    values: dict[str, Any]
    record_id: uuid.UUID | None
    version: str


@dataclass(slots=True)
class PlayLibraryImport:
    """Reads one Play library sheet; ``meta`` is None when the workbook is not an export."""

    index: PlanIndex
    templates: TemplateIndex
    reader: FieldReader
    issues: list[ImportIssue]
    meta: ExportMeta | None
    changes: list[RecordChange] = field(default_factory=list)

    def read(self, raw: RawSheet, rows: list[list[Any]]) -> list[RecordChange]:
        sheet = SheetRows(raw, rows)
        headers = {
            name: next((h for h in names if squash(h) in sheet.columns), None)
            for name, names in HEADERS.items()
        }
        specs = {n: replace(SPECS[n], label=h) for n, h in headers.items() if h}
        needed = ["Play"] if "name" not in specs else []
        if self.meta is not None:
            needed += [
                h for h in (layout.RECORD_ID, layout.VERSION) if squash(h) not in sheet.columns
            ]
        if needed:
            self.issues.append(
                ImportIssue(
                    ERROR,
                    f"the column '{needed[0]}' is missing; the play library cannot be read",
                    Location(raw.file, raw.sheet, 1),
                )
            )
            return []
        read = self._read_rows(sheet, specs)
        if read is None:
            return []
        self._deletes({r.record_id for r in read if r.record_id}, raw)
        deleted = {c.record_id for c in self.changes if c.action == DELETE}
        taken: dict[str, int] = {}
        for row in read:
            key = name_key(row.values["name"])
            if key in taken:
                self.reader.error(
                    sheet.where(row.number, specs["name"].label),
                    f"row {taken[key]} already holds a play called '{row.values['name']}'; "
                    "names in the library must differ",
                )
                continue
            taken[key] = row.number
            self._row(sheet, specs, row, deleted)
        return self.changes

    def _read_rows(self, sheet: SheetRows, specs: dict[str, FieldSpec]) -> list[_Row] | None:
        result: list[_Row] = []
        seen: dict[uuid.UUID, int] = {}
        ok = True
        for number, row in enumerate(sheet.rows[1:], start=2):
            if all(parse.is_blank(v) for v in row):
                continue
            record_id = (
                row_record_id(self.reader, sheet, row, number, "play") if self.meta else None
            )
            if record_id is INVALID:
                ok = False
                continue
            if record_id is not None and record_id in seen:
                self.reader.error(
                    sheet.where(number, layout.RECORD_ID),
                    f"the same record id is also on row {seen[record_id]} (a copied row?)",
                )
                ok = False
                continue
            if record_id is not None:
                seen[record_id] = number
            values = self._values(sheet, row, number, specs)
            if values is None:
                ok = False
                continue
            version = parse.text(sheet.cell(row, layout.VERSION)) if self.meta else ""
            result.append(_Row(number, values, record_id, version))
        return result if ok else None

    def _values(
        self, sheet: SheetRows, row: list[Any], number: int, specs: dict[str, FieldSpec]
    ) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        ok = True
        for name, spec in specs.items():
            where = sheet.where(number, spec.label)
            cell = sheet.cell(row, spec.label)
            if sheet.is_formula(number, spec.label):
                value = self.reader.error(
                    where, "a formula where a value belongs; type the value instead"
                )
            elif name == "lead_function":
                value = self._lead(spec, cell, where)
            elif name in TERM_LISTS:
                value = self._terms(spec, TERM_LISTS[name], cell, where)
            else:
                value = self.reader.read(spec, cell, where)
                if name == "typical_touches" and value is None:
                    value = 0
                if (
                    name == "duration_days"
                    and value is not None
                    and (not 1 <= value <= LONGEST_PLAY_DAYS)
                ):
                    value = self.reader.error(
                        where, f"{spec.label} must be between 1 and {LONGEST_PLAY_DAYS} days"
                    )
            if value is INVALID:
                ok = False
            elif not (name == "duration_days" and value is None):
                values[name] = value  # a blank duration keeps the template's (new: 30 days)
        return values if ok else None

    def _lead(self, spec: FieldSpec, value: object, where: Location) -> Any:
        if parse.is_blank(value):
            return "joint"
        found = _LEADS.get(squash(value))
        if found is None:
            choices = ", ".join(FUNCTION_LABELS[k] for k in vocab.LEAD_FUNCTIONS)
            return self.reader.error(
                where, f"{spec.label}: '{parse.text(value)}' is not one of {choices}"
            )
        return found

    def _terms(self, spec: FieldSpec, kind: str, value: object, where: Location) -> Any:
        ids: set[uuid.UUID] = set()
        for part in parse.split_list(value, ";,"):
            term = find_term(self.index, kind, part)
            if term is None:
                choices = ", ".join(t.label for t in self.index.terms.get(kind, ()))
                return self.reader.error(
                    where, f"{spec.label}: '{part}' is not in the plan's list ({choices})"
                )
            ids.add(term.id)
        return sorted(ids, key=str)

    def _deletes(self, seen: set[uuid.UUID], raw: RawSheet) -> None:
        """Delete the templates of the export whose rows are gone."""
        meta = self.meta
        if meta is None:
            return
        for state in self.templates.states.values():
            if state.id in seen or state.created_at > meta.exported_at:
                continue
            uses = self.templates.uses.get(state.id, 0)
            if uses:
                self.issues.append(
                    ImportIssue(
                        WARNING,
                        f"the play '{state.name}' is used by {uses} assigned play(s); deleting "
                        "it from the library keeps those plays but unlinks them",
                        Location(raw.file, raw.sheet),
                    )
                )
            self.changes.append(
                RecordChange(
                    f"{KIND}:{state.id}",
                    DELETE,
                    KIND,
                    state.id,
                    state.name,
                    conflict=edit_conflict(state.updated_at, meta),
                    version=state.version,
                )
            )

    def _row(
        self,
        sheet: SheetRows,
        specs: dict[str, FieldSpec],
        row: _Row,
        deleted: set[uuid.UUID],
    ) -> None:
        states = self.templates.states
        holder = self.templates.by_name.get(name_key(row.values["name"]))
        own = row.record_id
        if own is None and self.meta is None and holder is not None:
            own = holder  # another workbook's row for a play the library has: a change
        if own is not None and own not in states:
            self.issues.append(
                ImportIssue(
                    WARNING,
                    "this play was deleted from the library after the export; row skipped",
                    sheet.where(row.number),
                )
            )
            return
        depends: tuple[str, ...] = ()
        if holder is not None and holder != own:
            if holder in deleted:
                depends = (f"{KIND}:{holder}",)  # its name is free once it is deleted
            else:
                self.reader.error(
                    sheet.where(row.number, specs["name"].label),
                    f"the library already has a play called '{states[holder].name}'; "
                    "choose another name (or rename that play in a separate import)",
                )
                return
        if own is None:
            self._add(sheet, specs, row, depends)
        else:
            self._change(sheet, specs, row, states[own], depends)

    def _add(
        self, sheet: SheetRows, specs: dict[str, FieldSpec], row: _Row, depends: tuple[str, ...]
    ) -> None:
        record_id = new_record_id()
        fields = tuple(
            FieldChange(n, specs[n].label, "", display(specs[n], v, self.index, {}))
            for n, v in row.values.items()
            if v not in (None, "", [])
        )
        self.changes.append(
            RecordChange(
                f"{KIND}:{record_id}",
                ADD,
                KIND,
                record_id,
                row.values["name"],
                "",
                fields,
                sheet.where(row.number),
                values=row.values,
                depends_on=depends,
            )
        )

    def _change(
        self,
        sheet: SheetRows,
        specs: dict[str, FieldSpec],
        row: _Row,
        state: RecordState,
        depends: tuple[str, ...],
    ) -> None:
        old = state.values
        changed = {n: v for n, v in row.values.items() if differs(specs[n], old.get(n), v)}
        if not changed:
            return
        conflict = "" if row.record_id is None else version_conflict(row.version, state.version)
        fields = tuple(
            FieldChange(
                n,
                specs[n].label,
                display(specs[n], old.get(n), self.index, {}),
                display(specs[n], v, self.index, {}),
            )
            for n, v in changed.items()
        )
        self.changes.append(
            RecordChange(
                f"{KIND}:{state.id}",
                CHANGE,
                KIND,
                state.id,
                state.name,
                "",
                fields,
                sheet.where(row.number),
                conflict,
                state.version,
                changed,
                depends_on=depends,
            )
        )


def count_changes(changes: list[RecordChange]) -> dict[str, int]:
    """The preview's counts for the play library, only those above zero."""
    counts = {
        f"play templates {verb}": sum(1 for c in changes if c.kind == KIND and c.action == action)
        for verb, action in (("added", ADD), ("changed", CHANGE), ("deleted", DELETE))
    }
    return {k: v for k, v in counts.items() if v}

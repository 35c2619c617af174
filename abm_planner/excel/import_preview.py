"""From files to a preview: read, find the header row, map columns, build the changes.

Nothing here writes to the plan. Several files may come together (accounts and
contacts exports): every accounts sheet is read before any contacts sheet, so
contacts link to accounts of another file. An exported ABM Planner workbook is
recognised by its hidden sheet and read as a round trip instead. A sheet named
"Play library" (``play_library_sheet``) brings play templates.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from abm_planner.excel import value_parsing as parse
from abm_planner.excel.crm_import import CrmImport
from abm_planner.excel.crm_rows import CrmRow
from abm_planner.excel.errors import OperationCancelled, column_letter
from abm_planner.excel.field_values import FieldReader
from abm_planner.excel.header_mapping import (
    ACCOUNTS,
    CONTACTS,
    ColumnMapping,
    guess_kind,
    known_header_count,
    map_headers,
)
from abm_planner.excel.import_model import (
    ADD,
    ERROR,
    INFO,
    FieldChange,
    ImportIssue,
    ImportPreview,
    Location,
    RecordChange,
    SheetMapping,
)
from abm_planner.excel.plan_index import load_index
from abm_planner.excel.play_library_index import TemplateIndex, load_templates
from abm_planner.excel.play_library_sheet import count_changes, is_play_library
from abm_planner.excel.read_limits import DEFAULT_LIMITS, ReadLimits
from abm_planner.excel.reading import RawSheet, read_file
from abm_planner.excel.record_ids import collector_paused
from abm_planner.excel.round_trip_preview import read_play_library, read_round_trip, sheet_reader

HEADER_SEARCH_ROWS = 30
PLAY_LIBRARY_KIND = "play_library"  # a Play library sheet of a workbook that is no export
TICK_ROWS = 2000
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class SheetChoice:
    """What a person changed in the preview: the kind of a sheet and columns' fields."""

    kind: str | None = None  # "accounts", "contacts", or "" to skip the sheet
    columns: dict[int, str | None] = field(default_factory=dict)  # column index -> field


@dataclass(slots=True)
class _Pending:
    mapping: SheetMapping
    raw: RawSheet
    rows: Iterator[list[Any]]


def build_preview(*args: Any, **kwargs: Any) -> ImportPreview:
    """Read ``files`` and compare them with the plan; raise only when a file cannot be read."""
    with collector_paused():
        return _build_preview(*args, **kwargs)


def _build_preview(
    session: Session,
    files: Sequence[Path],
    *,
    plan_location: str,
    choices: dict[tuple[str, str | None], SheetChoice] | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPreview:
    """Read ``files`` and compare them with the plan; raise only when a file cannot be read."""
    choices = choices or {}
    preview = ImportPreview(plan_location, tuple(Path(f) for f in files))
    index = load_index(session)
    crm = CrmImport(index, preview.issues)
    pending: list[_Pending] = []
    total = 0
    templates: list[TemplateIndex] = []

    def library() -> TemplateIndex:
        if not templates:
            templates.append(load_templates(session))
        return templates[0]

    for path in preview.files:
        sheets = read_file(path, limits)
        total += sum(s.row_count or 0 for s in sheets)
        if read_round_trip(preview, session, index, path, sheets=sheets, library=library):
            continue
        plays = [
            s
            for s in sheets
            if is_play_library(s) and choices.get((str(path), s.sheet), SheetChoice()).kind is None
        ]
        for raw in plays:
            read_play_library(preview, index, library, raw, meta=None, kind=PLAY_LIBRARY_KIND)
        pending += _crm_sheets(preview, path, [s for s in sheets if s not in plays], choices)
    done = 0

    def tick(rows: int) -> None:
        nonlocal done
        done += rows
        if cancelled is not None and cancelled():
            raise OperationCancelled("Import cancelled; the plan was not changed.")
        if progress is not None:
            progress(min(done, total), max(total, done))

    for kind in (ACCOUNTS, CONTACTS):
        for item in (p for p in pending if p.mapping.kind == kind):
            rows = _crm_rows(item, preview.issues, tick)
            item.mapping.rows = len(rows)
            reader = sheet_reader(index, preview.issues, item.raw, lenient=True)
            if kind == ACCOUNTS:
                crm.add_accounts(rows, reader)
            else:
                crm.add_contacts(rows, reader)
            crm_reader_terms(crm, reader)
    preview.changes[:0] = _term_changes(crm)
    preview.changes += crm.changes
    preview.counts |= dict(crm.counts)
    if not preview.round_trip:
        preview.counts |= count_changes(preview.changes)
    if not preview.changes and not preview.errors:
        preview.issues.append(
            ImportIssue(INFO, "the files hold nothing the plan does not already have")
        )
    return preview


def crm_reader_terms(crm: CrmImport, reader: FieldReader) -> None:
    """Remember terms a sheet's reader created, so the preview adds them first."""
    for term in reader.new_terms.values():
        crm.term_keys.setdefault(term.id, f"term:{term.id}")
        crm.new_terms[term.id] = term


def _term_changes(crm: CrmImport) -> list[RecordChange]:
    changes = []
    for order, term in enumerate(crm.new_terms.values(), start=1000):
        changes.append(
            RecordChange(
                f"term:{term.id}",
                ADD,
                "term",
                term.id,
                term.label,
                "",
                (FieldChange("label", "Industry", "", term.label),),
                values={
                    "kind": "industry",
                    "key": term.key,
                    "label": term.label,
                    "sort_order": order,
                },
            )
        )
    return changes


# ---------------------------------------------------------------------- CRM sheets
def _crm_sheets(
    preview: ImportPreview,
    path: Path,
    sheets: list[RawSheet],
    choices: dict[tuple[str, str | None], SheetChoice],
) -> list[_Pending]:
    pending = []
    unrecognised: list[Location] = []
    for raw in sheets:
        head = list(itertools.islice(raw.rows, HEADER_SEARCH_ROWS))
        rest = itertools.chain(head, raw.rows)
        non_empty = [i for i, row in enumerate(head) if any(not parse.is_blank(v) for v in row)]
        if not non_empty:
            preview.sheets.append(
                SheetMapping(path, raw.sheet, None, "empty", notes=list(raw.notes))
            )
            continue
        header_at = next((i for i in non_empty if known_header_count(head[i]) >= 2), non_empty[0])
        headers = head[header_at]
        choice = choices.get((str(path), raw.sheet), SheetChoice())
        kind, reason = guess_kind(headers, path.name)
        if choice.kind is not None:
            kind, reason = (choice.kind or None), "chosen by you"
        columns = map_headers(headers, kind) if kind else []
        for position, chosen in choice.columns.items():
            if 0 <= position < len(columns):
                columns[position] = ColumnMapping(
                    position, columns[position].header, chosen, "chosen by you"
                )
        mapping = SheetMapping(
            path, raw.sheet, kind, reason, header_at + 1, columns, notes=list(raw.notes)
        )
        preview.sheets.append(mapping)
        if kind is None:
            found = ", ".join(parse.text(h) for h in headers if not parse.is_blank(h))
            unrecognised.append(Location(path, raw.sheet, header_at + 1, None, None))
            mapping.notes.append(f"headers found: {found}")
            continue
        fields = {c.field for c in columns if c.field}
        needed = "name" if kind == ACCOUNTS else ("full_name", "first_name", "last_name")
        if (kind == ACCOUNTS and "name" not in fields) or (
            kind == CONTACTS and not fields & set(needed)
        ):
            wanted = "an account name" if kind == ACCOUNTS else "a name (or first and last name)"
            preview.issues.append(
                ImportIssue(
                    ERROR,
                    f"no column holds {wanted}; found: "
                    + ", ".join(c.header for c in columns if c.header),
                    Location(path, raw.sheet, header_at + 1),
                )
            )
            continue
        for _ in range(header_at + 1):
            next(rest)
        pending.append(_Pending(mapping, raw, rest))
    if not any(m.kind for m in preview.sheets if m.file == path) and not any(
        i.severity == ERROR and i.where and i.where.file == path for i in preview.issues
    ):
        empty = all(m.reason == "empty" for m in preview.sheets if m.file == path)
        where = unrecognised[0] if unrecognised else Location(path)
        found = next(
            (
                n
                for m in preview.sheets
                if m.file == path
                for n in m.notes
                if n.startswith("headers found")
            ),
            "",
        )
        reason = (
            "the file has no rows"
            if empty
            else (
                "no sheet has a column the import recognises as a name; check the header row"
                + (f" ({found})" if found else "")
            )
        )
        preview.issues.append(ImportIssue(ERROR, reason, where))
    return pending


def _crm_rows(
    item: _Pending, issues: list[ImportIssue], tick: Callable[[int], None]
) -> list[CrmRow]:
    mapping, raw = item.mapping, item.raw
    columns = {c.field: (c.index, c.header) for c in mapping.columns if c.field}
    positions = [index for index, _header in columns.values()]
    formulas = [
        (f"{column_letter(index)}", index, header)
        for index, header in columns.values()
        if raw.formula_cells
    ]
    is_blank = parse.is_blank
    rows: list[CrmRow] = []
    number = mapping.header_row
    lost = False
    for number, values in enumerate(item.rows, start=mapping.header_row + 1):
        width = len(values)
        if all(p >= width or is_blank(values[p]) for p in positions):
            if number % TICK_ROWS == 0:
                tick(TICK_ROWS)
            continue
        rows.append(CrmRow(Location(raw.file, raw.sheet, number), values, columns))
        for letter, index, header in formulas:
            if f"{letter}{number}" in raw.formula_cells:
                issues.append(
                    ImportIssue(
                        ERROR,
                        "a formula where a value belongs; paste values instead",
                        Location(raw.file, raw.sheet, number, header, index),
                    )
                )
        if not lost and any(isinstance(v, str) and "\ufffd" in v for v in values):
            lost = True
            issues.append(
                ImportIssue(
                    INFO,
                    "text holds '\ufffd' where an earlier program lost a character; "
                    "it is imported as it stands (first seen on this row)",
                    Location(raw.file, raw.sheet, number),
                )
            )
        if number % TICK_ROWS == 0:
            tick(TICK_ROWS)
    tick(number % TICK_ROWS)
    if not rows:
        issues.append(
            ImportIssue(
                ERROR,
                "the sheet has a header but no data rows",
                Location(raw.file, raw.sheet, mapping.header_row),
            )
        )
    return rows

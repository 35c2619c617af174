"""An edited export read back as a preview: every sheet that returns, in order.

``import_preview`` hands over a workbook whose hidden sheet says it is one of our
exports. Accounts and Stakeholders are read first, then the Play library, then
each sheet of ``round_trip_sheets.SHEETS``; a sheet the person removed leaves its
records as they are. A Play library sheet of any other workbook is read here too
(``read_play_library`` without export facts).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.field_values import FieldReader
from abm_planner.excel.header_mapping import ColumnMapping
from abm_planner.excel.import_model import (
    ADD,
    CHANGE,
    DELETE,
    ERROR,
    INFO,
    ImportIssue,
    ImportPreview,
    Location,
    RecordChange,
    SheetMapping,
)
from abm_planner.excel.plan_index import PlanIndex
from abm_planner.excel.play_library_index import TemplateIndex
from abm_planner.excel.play_library_sheet import KIND as TEMPLATE
from abm_planner.excel.play_library_sheet import PlayLibraryImport, count_changes
from abm_planner.excel.raw_sheet import RawSheet
from abm_planner.excel.round_trip import RoundTrip
from abm_planner.excel.round_trip_sheets import SHEETS
from abm_planner.excel.sheet_rows import ExportMeta, read_meta
from abm_planner.excel.workbook_writer import META_SHEET

_VERBS = (("added", ADD), ("changed", CHANGE), ("deleted", DELETE))
# what a sheet holds, as the note about a missing sheet names it
_RECORDS = {
    layout.ACCOUNTS: "accounts",
    layout.STAKEHOLDERS: "stakeholders",
    **{s.sheet: s.plural for s in SHEETS},
    layout.RELATIONSHIPS: "relationship lines",
}


def sheet_reader(
    index: PlanIndex, issues: list[ImportIssue], raw: RawSheet, *, lenient: bool
) -> FieldReader:
    """The value reader for one sheet: CSV files separated by ';' read 1,5 and 31.12."""
    european = any("semicolons" in note for note in raw.notes)
    return FieldReader(
        index,
        issues,
        decimal_comma=european,
        day_first=european,
        lenient=lenient,
        exact_text=not lenient,
    )


def _mapping(preview: ImportPreview, raw: RawSheet, rows: list[list[Any]], kind: str) -> None:
    header = rows[0] if rows else []
    columns = [
        ColumnMapping(i, parse.text(h), parse.text(h) or None, "exported column")
        for i, h in enumerate(header)
    ]
    reason = f"exported {(raw.sheet or '').lower()}" if kind == "round_trip" else "play library"
    preview.sheets.append(
        SheetMapping(
            raw.file, raw.sheet, kind, reason, 1, columns, max(len(rows) - 1, 0), list(raw.notes)
        )
    )


def read_round_trip(
    preview: ImportPreview,
    session: Session,
    index: PlanIndex,
    path: Path,
    *,
    sheets: list[RawSheet],
    library: Callable[[], TemplateIndex],
) -> bool:
    """Read ``sheets`` as an edited export; False when the workbook is not one."""
    meta_sheet = next((s for s in sheets if s.sheet == META_SHEET), None)
    meta = read_meta(list(meta_sheet.rows)) if meta_sheet else None
    if meta is None:
        return False
    preview.round_trip = True
    if meta.plan_id and index.plan_id and meta.plan_id != index.plan_id:
        preview.issues.append(
            ImportIssue(
                ERROR,
                f"this workbook was exported from another plan ('{meta.plan}'); its record ids "
                "mean nothing here. To bring its accounts and people into this plan, save its "
                "Accounts and Stakeholders sheets as CSV files and import those",
                Location(path),
            )
        )
        return True
    reader = sheet_reader(index, preview.issues, sheets[0], lenient=False)
    trip = RoundTrip(index, meta, reader, preview.issues, session)
    by_name = {s.sheet: s for s in sheets}
    readers: list[tuple[str, Callable[[RawSheet, list[list[Any]]], None]]] = [
        (layout.ACCOUNTS, trip.accounts),
        (layout.STAKEHOLDERS, trip.stakeholders),
        (layout.PLAY_LIBRARY, lambda raw, rows: _library(trip, library, raw, rows)),
    ]
    readers += [(sheet.sheet, partial(sheet.read, trip)) for sheet in SHEETS]
    for name, read in readers:
        raw = by_name.get(name)
        if raw is None:
            if name != layout.PLAY_LIBRARY:
                preview.issues.append(ImportIssue(INFO, _no_sheet(meta, name), Location(path)))
            continue
        rows = list(raw.rows)
        _mapping(preview, raw, rows, "round_trip")
        read(raw, rows)
    preview.changes += trip.changes
    preview.counts |= {
        f"{kind}s {verb}": sum(1 for c in trip.changes if c.kind == kind and c.action == action)
        for kind in ("account", "stakeholder")
        for verb, action in _VERBS
    }
    preview.counts |= count_changes(preview.changes)
    for sheet in SHEETS:
        for verb, action in _VERBS:
            count = sum(1 for c in trip.changes if c.kind == sheet.kind and c.action == action)
            if count:
                preview.counts[f"{sheet.plural} {verb}"] = count
    preview.counts["conflicts"] = sum(1 for c in preview.changes if c.conflict)
    return True


def _no_sheet(meta: ExportMeta, name: str) -> str:
    """Why a returning sheet is not in the workbook, kindly: an older export lacks some."""
    from abm_planner.excel.workbook_export import FORMAT_VERSION

    records = _RECORDS.get(name, "records")
    if meta.version < int(FORMAT_VERSION):
        return (
            f"This workbook has no {name} sheet (exported by an older version of ABM Planner, "
            f"or removed); the plan's {records} are left as they are"
        )
    return f"the sheet '{name}' was removed; the plan's {records} are left as they are"


def _library(
    trip: RoundTrip,
    library: Callable[[], TemplateIndex],
    raw: RawSheet,
    rows: list[list[Any]],
) -> None:
    """The export's Play library; the templates it adds or renames may be named by Plays."""
    plays = PlayLibraryImport(trip.index, library(), trip.reader, trip.issues, trip.meta)
    changes = plays.read(raw, rows)
    for change in changes:
        if change.action != DELETE and "name" in change.values:
            trip.remember(TEMPLATE, None, change.values["name"], change.record_id)
    trip.changes += changes


def read_play_library(
    preview: ImportPreview,
    index: PlanIndex,
    library: Callable[[], TemplateIndex],
    raw: RawSheet,
    *,
    meta: ExportMeta | None,
    kind: str,
) -> list[RecordChange]:
    """A Play library sheet (headers on row 1) of a workbook that is not an export."""
    rows = list(raw.rows)
    _mapping(preview, raw, rows, kind)
    reader = sheet_reader(index, preview.issues, raw, lenient=False)
    plays = PlayLibraryImport(index, library(), reader, preview.issues, meta)
    changes = plays.read(raw, rows)
    preview.changes += changes
    return changes

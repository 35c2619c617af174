"""What every sheet of an edited export is read with: the export's facts and its rows.

``read_meta`` recognises one of our exports by its hidden sheet (plan, time and
scope of the export); ``SheetRows`` finds cells by header, so a person may move
or hide columns; ``differs`` compares a stored value with what the cell now
holds the way a person would (text Excel had to cut at 32,767 characters counts
as unchanged, so a round trip never shortens a long note).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from abm_planner.domain.fields import FieldKind, FieldSpec
from abm_planner.excel import export_layout as layout
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.errors import column_letter
from abm_planner.excel.header_mapping import squash
from abm_planner.excel.import_model import ERROR, INFO, ImportIssue, Location
from abm_planner.excel.raw_sheet import RawSheet
from abm_planner.excel.safe_cells import fits_in_cell, truncated_for_cell
from abm_planner.excel.whitespace_meta import ExportedGrid, read_grid

if TYPE_CHECKING:
    from abm_planner.excel.field_values import FieldReader


@dataclass(frozen=True, slots=True)
class ExportMeta:
    plan_id: str
    plan: str
    exported_at: datetime
    account_ids: frozenset[uuid.UUID] | None  # None: the whole plan was exported
    version: int = 1  # FORMAT_VERSION: 1 before the export kept the whitespace grid
    whitespace: ExportedGrid | None = None  # the grid as exported; None: an older export


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
    version = values.get("format_version", "1")
    return ExportMeta(
        values.get("plan_id", ""),
        values.get("plan", ""),
        exported,
        accounts,
        int(version) if version.isascii() and version.isdigit() and len(version) < 6 else 1,
        read_grid(entries),
    )


@dataclass(slots=True)
class SheetRows:
    """Rows found by header: the header as typed first, then ignoring case and punctuation."""

    raw: RawSheet
    rows: list[list[Any]]
    columns: dict[str, int] = field(default_factory=dict)
    exact: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        header = self.rows[0] if self.rows else []
        for position, title in enumerate(header):
            self.columns.setdefault(squash(title), position)
            self.exact.setdefault(parse.text(title).casefold(), position)

    def position(self, title: str) -> int | None:
        found = self.exact.get(title.strip().casefold())
        return found if found is not None else self.columns.get(squash(title))

    def has(self, title: str) -> bool:
        return self.position(title) is not None

    def cell(self, row: list[Any], title: str) -> Any:
        position = self.position(title)
        return row[position] if position is not None and position < len(row) else None

    def where(self, number: int, title: str | None = None) -> Location:
        position = self.position(title) if title else None
        return Location(
            self.raw.file, self.raw.sheet, number, title if position is not None else None, position
        )

    def is_formula(self, number: int, title: str) -> bool:
        position = self.position(title)
        return (
            position is not None and f"{column_letter(position)}{number}" in self.raw.formula_cells
        )

    def numbered(self) -> list[tuple[int, list[Any]]]:
        """The data rows that hold anything, with the row number Excel shows."""
        return [
            (number, row)
            for number, row in enumerate(self.rows[1:], start=2)
            if not all(parse.is_blank(v) for v in row)
        ]


def missing_column(sheet: SheetRows, headers: tuple[str, ...], issues: list[ImportIssue]) -> bool:
    """Report the ``headers`` the sheet lacks, in one error; every round-trip sheet stops on it.

    These are the columns that say which record a row is (its hidden id and
    version, its account, its name): without them no row can be matched or told
    apart, so reading on would turn every row into a new record. Columns a person
    may remove are left to ``removed_columns``.
    """
    missing = [h for h in headers if not sheet.has(h)]
    if not missing:
        return False
    quoted = [f"'{h}'" for h in missing]
    names = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    one = len(missing) == 1
    subject = f"the column {names} is" if one else f"the columns {names} are"
    it = "it" if one else "them"
    why = (
        f"rows cannot be matched to the plan without {it}"
        if {layout.RECORD_ID, layout.VERSION} & set(missing)
        else f"every row needs {it}"
    )
    issues.append(
        ImportIssue(
            ERROR,
            f"{subject} missing; {why}. Put {it} back, or remove the whole sheet to leave "
            "its records as they are",
            Location(sheet.raw.file, sheet.raw.sheet, 1),
        )
    )
    return True


def removed_columns(
    sheet: SheetRows, labels: list[str] | tuple[str, ...], issues: list[ImportIssue]
) -> list[str]:
    """The editable columns the person took out, each noted once: the plan keeps their values.

    A column someone did not care about and deleted must not cost the edits made
    in the others, so the rows are read without it and say so in the preview.
    """
    removed = [label for label in labels if not sheet.has(label)]
    issues += [
        ImportIssue(
            INFO,
            f"the column '{label}' was removed; its values are left as they are",
            Location(sheet.raw.file, sheet.raw.sheet, 1),
        )
        for label in removed
    ]
    return removed


def record_id(
    reader: FieldReader, sheet: SheetRows, row: list[Any], number: int, new: str = "row"
) -> Any:
    """The row's hidden record id: None for a new row, INVALID (an error added) for junk.

    Every round-trip sheet matches rows this way, so a mistyped id reads the same
    everywhere: an error at the cell rather than a silently new record.
    """
    text = parse.text(sheet.cell(row, layout.RECORD_ID))
    if not text:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return reader.error(
            sheet.where(number, layout.RECORD_ID),
            f"'{text}' is not a record id; clear the cell for a new {new}",
        )


def version_conflict(typed: str, version: int) -> str:
    """Why a changed row conflicts: the Version cell is not the record's version now."""
    if typed == str(version):
        return ""
    return f"changed in the plan since the export (version {typed or '?'}, now {version})"


def edit_conflict(updated_at: datetime, meta: ExportMeta) -> str:
    """Why deleting (or changing an unversioned) record conflicts: edited since the export."""
    return "edited in the plan since the export" if updated_at > meta.exported_at else ""


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

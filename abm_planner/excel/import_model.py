"""The plain data an import preview is made of; the GUI shows it, the CLI prints it.

A preview lists, per file and sheet, how columns were mapped; the record changes
(added, changed field by field, deleted, with conflicts marked); and the issues
found, each located by file, sheet, row and column. Nothing is written until
``apply_import`` gets the preview back with the keys of the changes to apply.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from abm_planner.excel.errors import ImportBlockedError, describe_location
from abm_planner.excel.header_mapping import ColumnMapping

ERROR, WARNING, INFO = "error", "warning", "info"
ADD, CHANGE, DELETE = "add", "change", "delete"


@dataclass(frozen=True, slots=True)
class Location:
    file: Path
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    column_index: int | None = None

    def __str__(self) -> str:
        return describe_location(self.file, self.sheet, self.row, self.column, self.column_index)

    def at(self, column: str | None, column_index: int | None) -> Location:
        return Location(self.file, self.sheet, self.row, column, column_index)


@dataclass(frozen=True, slots=True)
class ImportIssue:
    severity: str  # ERROR blocks the import; WARNING and INFO only inform
    reason: str
    where: Location | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason

    def as_error(self, more: int = 0) -> ImportBlockedError:
        reason = self.reason + (
            f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        )
        where = self.where
        if where is None:
            return ImportBlockedError(reason)
        return ImportBlockedError(
            reason,
            file=where.file,
            sheet=where.sheet,
            row=where.row,
            column=where.column,
            column_index=where.column_index,
        )


@dataclass(slots=True)
class SheetMapping:
    """How one sheet (or CSV file) is read: its kind, header row and column mapping."""

    file: Path
    sheet: str | None
    kind: str | None  # "accounts", "contacts", "round_trip", or None: not imported
    reason: str
    header_row: int = 1
    columns: list[ColumnMapping] = field(default_factory=list)
    rows: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.file.name} / {self.sheet}" if self.sheet else self.file.name


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(slots=True)
class RecordChange:
    """One record added, changed or deleted; ``key`` is what a selection names."""

    key: str
    action: str
    kind: str  # "account", "stakeholder", "line", "term"
    record_id: uuid.UUID
    name: str
    account: str = ""
    field_list: tuple[FieldChange, ...] = ()
    where: Location | None = None
    conflict: str = ""  # why the plan moved since the workbook was exported
    version: int | None = None  # the plan's version when previewed (changes and deletes)
    values: dict[str, Any] = field(default_factory=dict)
    depends_on: tuple[str, ...] = ()
    describe: Callable[[], tuple[FieldChange, ...]] | None = None  # fields, worked out when shown

    @property
    def fields(self) -> tuple[FieldChange, ...]:
        """The fields added or changed, old and new value as a person reads them."""
        if self.describe is not None:
            self.field_list, self.describe = self.describe(), None
        return self.field_list


@dataclass(slots=True)
class ImportPreview:
    plan_location: str
    files: tuple[Path, ...]
    sheets: list[SheetMapping] = field(default_factory=list)
    changes: list[RecordChange] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    round_trip: bool = False

    @property
    def errors(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.severity == ERROR]

    @property
    def warnings(self) -> list[ImportIssue]:
        return [issue for issue in self.issues if issue.severity == WARNING]

    def default_selection(self) -> set[str]:
        """Every change that does not conflict with an edit made in the plan since export."""
        return {change.key for change in self.changes if not change.conflict}

    def count(self, action: str, kind: str) -> int:
        return sum(1 for c in self.changes if c.action == action and c.kind == kind)

    def raise_if_blocked(self) -> None:
        errors = self.errors
        if errors:
            raise errors[0].as_error(len(errors) - 1)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: dict[str, int]
    changed: dict[str, int]
    deleted: dict[str, int]
    skipped: int
    seconds: float

"""Spreadsheet problems a person can fix, each naming file, sheet, row and column.

Every error of an import or export is a ``SpreadsheetError``: the GUI shows
``str(error)`` and may use the attributes to select the cell; the CLI prints the
sentence and exits 2. Row numbers are the ones Excel shows (the header is row 1
of an exported sheet); columns carry both the header text and the letter.
"""

from __future__ import annotations

from pathlib import Path

from abm_planner.errors import UserError


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the letter Excel shows above a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def describe_location(
    file: Path | str | None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    column_index: int | None = None,
) -> str:
    """'contacts.csv, row 12, column "Email" (C)' - the prefix of every located message."""
    parts = []
    if file is not None:
        parts.append(Path(file).name)
    if sheet:
        parts.append(f"sheet '{sheet}'")
    if row is not None:
        parts.append(f"row {row}")
    if column is not None or column_index is not None:
        letter = f" ({column_letter(column_index)})" if column_index is not None else ""
        parts.append(f"column '{column}'{letter}" if column else f"column{letter}")
    return ", ".join(parts)


class SpreadsheetError(UserError):
    """A problem with a spreadsheet, located as precisely as it is known."""

    def __init__(
        self,
        reason: str,
        *,
        file: Path | str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        column_index: int | None = None,
    ) -> None:
        self.reason = reason
        self.file = Path(file) if file is not None else None
        self.sheet = sheet
        self.row = row
        self.column = column
        self.column_index = column_index
        where = describe_location(file, sheet, row, column, column_index)
        super().__init__(f"{where}: {reason}" if where else reason)


class UnreadableFileError(SpreadsheetError):
    """Not a workbook or CSV we can read: damaged, truncated, encrypted, another format."""


class LimitExceededError(SpreadsheetError):
    """Bigger than a stated limit (size, members, rows, cells, time); the limit is named."""


class BadHeaderError(SpreadsheetError):
    """Missing, duplicate or unusable column headers."""


class BadValueError(SpreadsheetError):
    """A value that cannot be read for its column (or a formula where a value belongs)."""


class LinkError(SpreadsheetError):
    """A row that names an account or person ambiguously, or one that does not exist."""


class ImportBlockedError(SpreadsheetError):
    """The preview found errors, so nothing was written; the first one is the message."""


class StalePreviewError(UserError):
    """The plan changed between preview and apply; preview again."""


class ExportError(UserError):
    """The workbook could not be written; the previous file (if any) is untouched."""


class OperationCancelled(UserError):  # noqa: N818 - an outcome the GUI shows, not a fault
    """The person cancelled; nothing was written or changed."""

"""Worksheet rows as XML text, for the hot loop of a large export.

XlsxWriter spends about 15 microseconds per cell in generic bookkeeping; an
export of a portfolio at scale has 7 million cells. In constant-memory mode
XlsxWriter appends each finished row's XML to a temporary file and copies that
file into the worksheet part when the workbook closes. For data rows - strings
and numbers with a known format - this module renders exactly the XML
XlsxWriter would write and appends it to the same file; everything else (header,
table, drop-downs, styles, the package) stays XlsxWriter's. ``supports`` checks
the few internals this relies on, and the writer falls back to XlsxWriter's
public calls when they are missing, so an XlsxWriter upgrade can only make the
export slower, never wrong (the tests compare both paths cell for cell).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from math import isfinite
from typing import Any

from abm_planner.excel.safe_cells import EXCEL_MAX_TEXT, FORMULA_PREFIXES, utf16_length

_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_ESCAPE_LIKE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_HALF_LIMIT = EXCEL_MAX_TEXT // 2

Maker = Callable[[str, Any], str]


def supports(sheet: Any) -> bool:
    """True when this XlsxWriter sheet streams rows the way this module expects."""
    return (
        bool(getattr(sheet, "constant_memory", False))
        and hasattr(sheet, "row_data_fh")
        and callable(getattr(sheet, "_write_single_row", None))
        and callable(getattr(sheet, "_check_dimensions", None))
        and hasattr(sheet, "previous_row")
    )


def escape_text(text: str) -> str:
    """Excel's escaping of cell text: ``_xHHHH_`` for control characters, then XML."""
    if not _SPECIAL.search(text):
        return text
    text = _ESCAPE_LIKE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_like(text: str) -> str:
    """Text that looks like an ``_xHHHH_`` escape, kept literal where Excel decodes them.

    A table column's name is such a place: unescaped, Excel reads ``_x0041_`` as
    "A", the name no longer equals its header cell, and Excel repairs the table.
    """
    return _ESCAPE_LIKE.sub(r"_x005F\1", text)


def truncate(text: str) -> str:
    units = text.encode("utf-16-le", "surrogatepass")[: EXCEL_MAX_TEXT * 2]
    return units.decode("utf-16-le", "ignore")


def text_maker(
    letter: str, plain: int, quoted: int, on_truncate: Callable[[str, str], None]
) -> Maker:
    def make(row: str, value: Any) -> str:
        text = value if value.__class__ is str else str(value)
        style = quoted if text[0] in FORMULA_PREFIXES else plain
        if len(text) > _HALF_LIMIT and utf16_length(text) > EXCEL_MAX_TEXT:
            on_truncate(row, text)
            text = truncate(text)
        text = escape_text(text)
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c r="{letter}{row}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'

    return make


def number_maker(letter: str, style: int) -> Maker:
    def make(row: str, value: Any) -> str:
        if value.__class__ is float:
            if not isfinite(value):
                return ""  # no workbook holds inf or NaN ("<v>inf</v>" is repaired away)
            number = repr(value)
        else:
            number = str(value)
        return f'<c r="{letter}{row}" s="{style}"><v>{number}</v></c>'

    return make


def date_maker(letter: str, style: int, epoch: int) -> Maker:
    def make(row: str, value: Any) -> str:
        return f'<c r="{letter}{row}" s="{style}"><v>{value.toordinal() - epoch}</v></c>'

    return make


class RowStream:
    """Appends rows after the header to a constant-memory sheet's row file."""

    def __init__(self, sheet: Any, first_row: int) -> None:
        self.sheet = sheet
        # Flush whatever XlsxWriter holds for the rows above (the header).
        sheet._write_single_row(first_row)
        self.handle = sheet.row_data_fh
        self.buffer: list[str] = []
        self.first_row = first_row
        self.last_row = first_row - 1
        self.last_column = 0

    def write(self, row: int, cells: list[str], last_column: int) -> None:
        self.buffer.append(f'<row r="{row + 1}">{"".join(cells)}</row>')
        self.last_row = row
        self.last_column = max(self.last_column, last_column)
        if len(self.buffer) >= 500:
            self.flush()

    def flush(self) -> None:
        self.handle.write("".join(self.buffer))
        self.buffer.clear()

    def close(self) -> None:
        self.flush()
        sheet = self.sheet
        if self.last_row >= self.first_row:  # else the header row is flushed and done:
            # pointing XlsxWriter back at it would write a second <row r="1"> (a repair)
            sheet._check_dimensions(self.last_row, self.last_column)
            sheet.previous_row = self.last_row

"""Text that a spreadsheet program must never take for a formula.

OWASP's "CSV injection" list: a cell whose text starts with ``= + - @``, a tab
or a carriage return may be run as a formula when someone edits it (F2, Enter)
or opens an export in another program. Such text is written as an explicit
string cell with Excel's quote-prefix style, so the stored value stays exactly
what the person typed and editing the cell keeps it text.
"""

from __future__ import annotations

FORMULA_PREFIXES: frozenset[str] = frozenset({"=", "+", "-", "@", "\t", "\r"})
EXCEL_MAX_TEXT = 32_767  # UTF-16 code units in one cell


def needs_quote_prefix(text: str) -> bool:
    """True for text a spreadsheet could read as a formula."""
    return bool(text) and text[0] in FORMULA_PREFIXES


def utf16_length(text: str) -> int:
    """Length as Excel counts it: characters outside the BMP take two units."""
    return len(text.encode("utf-16-le")) // 2


def fits_in_cell(text: str) -> bool:
    return len(text) <= EXCEL_MAX_TEXT // 2 or utf16_length(text) <= EXCEL_MAX_TEXT


def truncated_for_cell(text: str) -> str:
    """What Excel keeps of a longer text: the first 32,767 UTF-16 units."""
    if fits_in_cell(text):
        return text
    units = text.encode("utf-16-le")[: EXCEL_MAX_TEXT * 2]
    return units.decode("utf-16-le", errors="ignore")

"""Drop-downs and highlights within Excel's limits, or Excel "repairs" the file.

Excel checks these on open and, when one is broken, drops the drop-down or the
highlight and tells the user the workbook was damaged: a drop-down's error title
has at most 32 characters and its message 255; a text constant in a formula at
most 255 characters, a formula at most 8,192. Labels and headers come from the
plan (a person typed them), so every one goes through here.
"""

from __future__ import annotations

from typing import Any

MAX_FORMULA_TEXT = 255  # characters of one text constant in a formula
MAX_FORMULA = 8000  # Excel's limit is 8,192 characters per formula
MAX_ERROR_TITLE = 32
HEADER_IN_MESSAGE = 120  # the message's other words leave room for this much of a header


def drop_down(header: str, choices: str | None, strict: bool) -> dict[str, Any]:
    """XlsxWriter's options for a column's drop-down reading the named list ``list_<choices>``."""
    options: dict[str, Any] = {
        "validate": "list",
        "source": f"=list_{choices}",
        "ignore_blank": True,
    }
    if strict:
        options |= {
            "error_type": "stop",
            "error_title": "Not in the plan's list",
            "error_message": f"Choose a {shortened(header.lower(), HEADER_IN_MESSAGE)} from the "
            "list (the plan's lists are on the hidden Lists sheet).",
        }
    else:
        options |= {
            "error_type": "information",
            "error_title": shortened(header, MAX_ERROR_TITLE),
            "error_message": "Several entries may be separated by ';'.",
        }
    return options


def shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def formula_text(text: str) -> str:
    """A text constant in a formula: quoted, inner quotes doubled.

    Excel refuses a constant over 255 characters in a formula (and repairs the file
    by dropping the rule), so longer text is joined from pieces: ``"…"&"…"``.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        units = 2 if char == '"' or ord(char) > 0xFFFF else 1  # a doubled quote, a surrogate pair
        if size + units > MAX_FORMULA_TEXT:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += units
    pieces.append("".join(current))
    return "&".join('"' + piece.replace('"', '""') + '"' for piece in pieces)

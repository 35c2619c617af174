"""How an exported workbook looks: cell formats, column kinds, highlight colours.

Kept apart from the writing loop so the look can change without touching the
streaming code. Every text format has a quote-prefix twin (see ``safe_cells``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

HEADER_FILL = "#1F4E5F"
TITLE_COLOUR = "#1F4E5F"
MUTED_TEXT = "#7F7F7F"
TABLE_STYLE = "Table Style Light 9"
EXCEL_EPOCH_ORDINAL = 693_594  # date(1899, 12, 30).toordinal(): Excel's day 0


class CellKind(Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    MONEY = "money"
    INTEGER = "integer"
    NUMBER = "number"  # one decimal: fit scores, targets
    PERCENT = "percent"
    DATE = "date"
    ID = "id"  # record UUIDs: narrow, grey, grouped and hidden
    VERSION = "version"


TEXT_KINDS = frozenset({CellKind.TEXT, CellKind.LONG_TEXT, CellKind.ID})

_BASE: dict[str, Any] = {"valign": "top", "font_size": 10}
_KIND_FORMATS: dict[CellKind, dict[str, Any]] = {
    CellKind.TEXT: {},
    CellKind.LONG_TEXT: {"text_wrap": True},
    CellKind.MONEY: {"num_format": "#,##0.00"},
    CellKind.INTEGER: {"num_format": "#,##0"},
    CellKind.NUMBER: {"num_format": "0.0"},
    CellKind.PERCENT: {"num_format": "0%"},
    CellKind.DATE: {"num_format": "yyyy-mm-dd", "align": "left"},
    CellKind.ID: {"font_color": MUTED_TEXT, "font_size": 8},
    CellKind.VERSION: {"font_color": MUTED_TEXT, "font_size": 8, "num_format": "0"},
}

# Conditional-format colours: (fill, text).
ATTITUDE_COLOURS: dict[str, tuple[str, str]] = {
    "enemy": ("#F4B6B6", "#7A0000"),
    "non_supporter": ("#FCE4D6", "#8A3B00"),
    "neutral": ("#EDEDED", "#404040"),
    "supporter": ("#E2EFDA", "#2E5E1E"),
    "mentor": ("#A9D08E", "#1E3F12"),
}
RAG_COLOURS: dict[str, tuple[str, str]] = {
    "green": ("#C6EFCE", "#006100"),
    "amber": ("#FFEB9C", "#9C5700"),
    "red": ("#FFC7CE", "#9C0006"),
    "grey": ("#EDEDED", "#595959"),
}
# Which term keys of a status vocabulary read as red / amber / green.
STATUS_RAG: dict[str, str] = {
    "on_track": "green",
    "achieved": "green",
    "done": "green",
    "running": "green",
    "ours": "green",
    "at_risk": "amber",
    "planned": "amber",
    "done_internally": "amber",
    "unknown": "grey",
    "not_started": "grey",
    "not_relevant": "grey",
    "off_track": "red",
    "cancelled": "red",
    "competitor": "red",
}
TIMELINE_FILL = "#5B9BD5"


class SheetStyles:
    """The formats of one workbook, created once (XlsxWriter formats belong to a workbook)."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self.cell: dict[CellKind, Any] = {}
        self.cell_quoted: dict[CellKind, Any] = {}
        for kind, extra in _KIND_FORMATS.items():
            self.cell[kind] = book.add_format(_BASE | extra)
            self.cell_quoted[kind] = book.add_format(_BASE | extra | {"quote_prefix": True})
        header = {
            "bold": True,
            "font_color": "#FFFFFF",
            "bg_color": HEADER_FILL,
            "text_wrap": True,
            "valign": "vcenter",
            "font_size": 10,
        }
        self.header = book.add_format(header)
        self.header_quoted = book.add_format(header | {"quote_prefix": True})
        self.title = book.add_format({"bold": True, "font_size": 18, "font_color": TITLE_COLOUR})
        self.subtitle = book.add_format({"italic": True, "font_color": MUTED_TEXT})
        self.section = book.add_format(
            {"bold": True, "font_size": 12, "font_color": TITLE_COLOUR, "bottom": 1}
        )
        self.label = book.add_format({"bold": True, "valign": "top"})
        self.number = book.add_format({"valign": "top", "font_size": 10})
        self.label_quoted = book.add_format({"bold": True, "valign": "top", "quote_prefix": True})
        self.week = book.add_format(
            {"num_format": "d mmm", "font_size": 8, "rotation": 90, "align": "center"}
        )
        self.timeline_bar = book.add_format({"bg_color": TIMELINE_FILL})
        self.today = book.add_format({"left": 2, "left_color": "#C00000"})
        self._highlight: dict[tuple[str, str], Any] = {}

    def text_format(self, kind: CellKind, quoted: bool) -> Any:
        return (self.cell_quoted if quoted else self.cell)[kind]

    def highlight(self, colours: tuple[str, str]) -> Any:
        """A conditional-format (dxf) format for a fill and text colour."""
        if colours not in self._highlight:
            fill, text = colours
            self._highlight[colours] = self._book.add_format({"bg_color": fill, "font_color": text})
        return self._highlight[colours]

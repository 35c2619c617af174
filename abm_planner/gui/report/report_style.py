"""The handout's typography, colours and page measures, in one place.

Pages are drawn in the PDF's device units at ``DPI`` (720: a point is ten units),
so fonts keep their natural point sizes and every measure below is in points,
turned into units by ``pt``. One sans-serif family for everything, a navy accent,
grey for what is secondary; the status colours are those the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageSize, QPaintDevice

DPI = 720
UNIT = DPI / 72.0
FAMILIES = ["Segoe UI", "Helvetica Neue", "Liberation Sans", "Arial", "DejaVu Sans"]

MARGIN_SIDE = 46.0  # points (16 mm)
MARGIN_TOP = 40.0
MARGIN_BOTTOM = 48.0  # the footer sits in it
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}

INK = QColor("#1f2933")
MUTED = QColor("#5f6b7a")
FAINT = QColor("#9aa5b1")
RULE = QColor("#d5dbe3")
PANEL = QColor("#f4f5f7")
ZEBRA = QColor("#f7f9fb")
ACCENT = QColor("#1d4e89")
STATUS = {"red": QColor("#c62828"), "amber": QColor("#e08a00"), "green": QColor("#2e7d32")}
LEAD = {"marketing": QColor("#7e57c2"), "sales": QColor("#1e88e5"), "joint": QColor("#00897b")}
DONE = QColor("#9e9e9e")
TODAY = QColor("#e53935")


def pt(points: float) -> float:
    """Device units for a length in points."""
    return points * UNIT


def tr(text: str) -> str:
    return QCoreApplication.translate("Handout", text)


@dataclass(frozen=True, slots=True)
class Fonts:
    """The few fonts a page uses, with metrics measured on the PDF device."""

    title: QFont
    heading: QFont
    body: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    label: QFont
    cover: QFont

    @classmethod
    def make(cls) -> Fonts:
        return cls(
            title=_font(19, QFont.Weight.Bold),
            heading=_font(10.5, QFont.Weight.Bold),
            body=_font(8.8),
            bold=_font(8.8, QFont.Weight.Bold),
            small=_font(7.6),
            small_bold=_font(7.6, QFont.Weight.Bold),
            label=_font(6.4, QFont.Weight.DemiBold, spacing=106),
            cover=_font(26, QFont.Weight.Bold),
        )


def _font(size: float, weight: QFont.Weight = QFont.Weight.Normal, spacing: float = 0) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(size)
    font.setWeight(weight)
    font.setKerning(True)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return font


class Measure:
    """Font metrics on the device the pages are drawn on (cached per font)."""

    def __init__(self, device: QPaintDevice) -> None:
        self._device = device
        self._cache: dict[str, QFontMetricsF] = {}

    def __call__(self, font: QFont) -> QFontMetricsF:
        key = font.key()
        if key not in self._cache:
            self._cache[key] = QFontMetricsF(font, self._device)
        return self._cache[key]

"""How large the text on a DMU card is: the desktop's sizes and the projector's.

The map's cards paint with one ``CardStyle``; the scene hands it to every card
(``DmuScene.set_card_style``), so a view that is read from across a room (the
workshop presenter) gets larger type without a copy of the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF


@dataclass(frozen=True, slots=True)
class CardStyle:
    """Type sizes (scene pixels) and the extra height of the cards.

    The desktop map uses ``DESKTOP_CARDS``; a projector needs larger type relative to
    the card (``PRESENTER_CARDS``), so the card grows taller (the org chart leaves room
    between rows) and a long name wraps onto a second line instead of being cut.
    Card widths stay as the layouts expect, so positions mean the same in any style.
    """

    name_px: int = 13
    title_px: int = 11
    badge_px: int = 9
    small_px: int = 9
    name_lines: int = 1
    extra_height: float = 0.0
    badge_height: float = 15.0
    owner_size: float = 18.0


DESKTOP_CARDS = CardStyle()
PRESENTER_CARDS = CardStyle(
    name_px=19,
    title_px=15,
    badge_px=14,
    small_px=13,
    name_lines=2,
    extra_height=28.0,
    badge_height=21.0,
    owner_size=24.0,
)


@dataclass(frozen=True, slots=True)
class _Fonts:
    """A style's card fonts, made once the application (and its font) exists."""

    name: QFont
    title: QFont
    badge: QFont
    small: QFont


_FONTS: dict[CardStyle, _Fonts] = {}


def _pixel_font(size: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def card_fonts(style: CardStyle) -> _Fonts:
    """The fonts ``style``'s cards paint with (cached: cards repaint on every zoom)."""
    fonts = _FONTS.get(style)
    if fonts is None:
        fonts = _Fonts(
            name=_pixel_font(style.name_px, bold=True),
            title=_pixel_font(style.title_px),
            badge=_pixel_font(style.badge_px, bold=True),
            small=_pixel_font(style.small_px, bold=True),
        )
        _FONTS[style] = fonts
    return fonts


def wrap(metrics: QFontMetricsF, text: str, width: float, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width``, broken between words; the last
    line is elided when the rest does not fit."""
    if lines <= 1:
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:  # one long word: cut it, go on
            out.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
            continue
        out.append(line)
    if words:
        out.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return out or [""]

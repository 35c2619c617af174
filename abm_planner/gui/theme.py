"""Light and dark appearance: the Fusion style with one palette each, plus a small style sheet.

Fusion draws the same on every platform and takes its colours from the palette, so
a theme is a palette. "system" follows the desktop's colour scheme and changes with
it while the app runs. The style sheet (``resources/styles/app.qss``) only styles our
own widgets (the read-only banner); it uses fixed colours that read on both themes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from abm_planner import assets

LIGHT = "light"
DARK = "dark"
SYSTEM = "system"
ACCENT = "#2f6fb5"
ACCENT_DARK = "#3d84cf"

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

_DARK_COLOURS = {
    _Role.Window: "#2b2d31",
    _Role.WindowText: "#e4e6eb",
    _Role.Base: "#1e1f22",
    _Role.AlternateBase: "#26282c",
    _Role.ToolTipBase: "#3a3d42",
    _Role.ToolTipText: "#e4e6eb",
    _Role.PlaceholderText: "#8b9099",
    _Role.Text: "#e4e6eb",
    _Role.Button: "#34363b",
    _Role.ButtonText: "#e4e6eb",
    _Role.BrightText: "#ff7b72",
    _Role.Light: "#4a4d53",
    _Role.Midlight: "#3e4146",
    _Role.Mid: "#25272a",
    _Role.Dark: "#1b1c1f",
    _Role.Shadow: "#111214",
    _Role.Highlight: ACCENT_DARK,
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#79b0f0",
    _Role.LinkVisited: "#b48ef0",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7b8089",
    _Role.Text: "#7b8089",
    _Role.ButtonText: "#7b8089",
    _Role.Highlight: "#4a4d53",
    _Role.HighlightedText: "#b0b4ba",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(_Group.Active, _Role.Highlight, QColor(ACCENT))
    palette.setColor(_Group.Inactive, _Role.Highlight, QColor("#c5d7ee"))
    palette.setColor(_Group.Inactive, _Role.HighlightedText, QColor("#1b1c1f"))
    palette.setColor(_Role.Link, QColor(ACCENT))
    return palette


def effective_theme(app: QApplication, theme: str) -> str:
    """``light`` or ``dark``: what ``theme`` means on this desktop right now."""
    if theme in (LIGHT, DARK):
        return theme
    return DARK if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else LIGHT


def apply_theme(app: QApplication, theme: str) -> str:
    """Switch the whole app to ``theme`` (light, dark or system); return light or dark."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    resolved = effective_theme(app, theme)
    app.setPalette(dark_palette() if resolved == DARK else light_palette(app))
    app.setStyleSheet(_style_sheet())
    app.setProperty("abmTheme", resolved)
    return resolved


def follow_system_theme(app: QApplication, chosen_theme: Callable[[], str]) -> None:
    """Re-apply the chosen theme when the desktop switches between light and dark."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if chosen_theme() == SYSTEM:
            apply_theme(app, SYSTEM)

    app.styleHints().colorSchemeChanged.connect(changed)


def is_dark(app: QApplication) -> bool:
    return app.property("abmTheme") == DARK


def _style_sheet() -> str:
    return assets.resource("styles", "app.qss").read_text(encoding="utf-8")

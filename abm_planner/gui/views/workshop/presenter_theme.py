"""The presenter's look: large type and high contrast, for a projector at the back of a room.

A projected image loses contrast (room light, a tired lamp) and is read from metres
away, so the presenter never uses the desktop theme: light text on a near-black
ground, one saturated accent (yellow, which survives washed-out projectors best), and
type sized for 1280×720. The palette is set on the presenter window only, so the
embedded views (DMU map, timeline, tables) take these colours while the main window
keeps its own. ``Ctrl+=``/``Ctrl+-`` change ``scale``; every size below follows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette

BACKGROUND = "#0d1117"
SURFACE = "#161c24"
SURFACE_ALT = "#1f2731"
LINE = "#44505e"
TEXT = "#ffffff"
MUTED = "#c9d1d9"
ACCENT = "#ffd23f"
ON_ACCENT = "#0d1117"
SALES = "#6cb6ff"
MARKETING = "#d2a8ff"
GOOD = "#56d364"
WARN = "#ffa94d"
BAD = "#ff7b72"

# The app's own widgets shown inside the presenter (DMU map, timeline, objectives) were
# laid out for desktop type; they get a smaller share of the presenter's size, still no
# less than 18 px at scale 1 (13.5 pt at 96 dpi), the least a room reads from the back.
EMBEDDED = {"dmuMapTab": 0.8, "objectivesTab": 0.8, "timelineTab": 0.8}
# The timeline chart keeps desktop type and is magnified as a whole instead
# (``TimelineView.set_magnification``), so its rows and bars grow with the labels.
CHART_POINTS = 10.5
BASE_POINTS = 18.0  # body text at scale 1.0: readable at 1280×720 from about 6 m
MIN_SCALE, MAX_SCALE, SCALE_STEP = 0.6, 2.2, 1.15

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

_COLOURS = {
    _Role.Window: BACKGROUND,
    _Role.WindowText: TEXT,
    _Role.Base: SURFACE,
    _Role.AlternateBase: SURFACE_ALT,
    _Role.ToolTipBase: SURFACE_ALT,
    _Role.ToolTipText: TEXT,
    _Role.PlaceholderText: "#9aa4af",
    _Role.Text: TEXT,
    _Role.Button: SURFACE_ALT,
    _Role.ButtonText: TEXT,
    _Role.BrightText: BAD,
    _Role.Light: "#5a6573",
    _Role.Midlight: "#3b4551",
    _Role.Mid: "#28313b",
    _Role.Dark: "#0a0d12",
    _Role.Shadow: "#000000",
    _Role.Highlight: ACCENT,
    _Role.HighlightedText: ON_ACCENT,
    _Role.Link: SALES,
    _Role.LinkVisited: MARKETING,
}


def presenter_palette() -> QPalette:
    """Near-black ground, white text, a yellow highlight; the same when inactive."""
    palette = QPalette()
    for role, colour in _COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, QColor("#8b949e"))
    return palette


@dataclass(frozen=True, slots=True)
class PresenterType:
    """Point sizes at one zoom ``scale``."""

    scale: float = 1.0

    def points(self, factor: float = 1.0) -> float:
        return round(BASE_POINTS * self.scale * factor, 1)

    def font(self, factor: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(self.points(factor))
        font.setBold(bold)
        return font

    def zoomed(self, steps: int) -> PresenterType:
        scale = self.scale * SCALE_STEP**steps
        return PresenterType(min(MAX_SCALE, max(MIN_SCALE, scale)))


def presenter_style_sheet(kind: PresenterType) -> str:
    """The style sheet of the presenter window at ``kind``'s sizes."""
    body, small, big, huge = kind.points(), kind.points(0.8), kind.points(1.35), kind.points(2.2)
    embedded = "\n".join(
        f"#presenterWindow #{name}, #presenterWindow #{name} * "
        f"{{ font-size: {kind.points(factor)}pt; }}"
        for name, factor in EMBEDDED.items()
    )
    chart = (
        f"#presenterWindow #timelineView, #presenterWindow #timelineView * "
        f"{{ font-size: {CHART_POINTS}pt; }}"
    )
    pad = max(4, round(8 * kind.scale))
    mark = round(body * 1.1)  # radio indicator, in pixels
    # Widgets under a style sheet do not inherit the window's font, so the first rule
    # sizes every widget; the more specific rules after it win where they differ.
    return f"""
#presenterWindow, #presenterWindow * {{ font-size: {body}pt; }}
{embedded}
{chart}
QWidget#presenterWindow {{ background: {BACKGROUND}; color: {TEXT}; }}
#presenterWindow QLabel {{ color: {TEXT}; }}
QFrame#presenterHeader {{ background: {SURFACE}; border-bottom: 3px solid {ACCENT}; }}
QLabel#presenterTitle {{ font-size: {big}pt; font-weight: 700; }}
QLabel#presenterAccount {{ font-size: {big}pt; font-weight: 700; color: {ACCENT}; }}
QLabel#presenterStep {{ font-size: {body}pt; color: {MUTED}; }}
QLabel#presenterCountdown {{ font-size: {big}pt; font-weight: 700; padding: 0 {pad}px;
    border-radius: {pad}px; }}
QLabel#presenterCountdown[state="ok"] {{ color: {GOOD}; }}
QLabel#presenterCountdown[state="soon"] {{ color: {ON_ACCENT}; background: {WARN}; }}
QLabel#presenterCountdown[state="over"] {{ color: {TEXT}; background: #b62324; }}
QLabel#presenterCountdown[state="none"] {{ color: {MUTED}; }}
QLabel#stepHeading {{ font-size: {big}pt; font-weight: 700; }}
QLabel#bigFigure {{ font-size: {huge}pt; font-weight: 800; color: {ACCENT}; }}
QLabel#bigWord {{ font-size: {big}pt; font-weight: 800; color: {TEXT}; }}
QLabel#figureCaption {{ font-size: {small}pt; color: {MUTED}; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#keyHints {{ font-size: {small}pt; color: {MUTED}; }}
QFrame#presenterFooter {{ background: {SURFACE}; border-top: 1px solid {LINE}; }}
QFrame#figureCard {{ background: {SURFACE}; border: 2px solid {LINE}; border-radius: {pad}px; }}
QFrame#captureBox {{ background: {SURFACE_ALT}; border-top: 3px solid {ACCENT}; }}
QLabel#captureLabel {{ font-weight: 700; color: {ACCENT}; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QPlainTextEdit {{
    background: {SURFACE}; color: {TEXT}; border: 2px solid {LINE}; border-radius: 4px;
    padding: {pad // 2}px {pad}px; selection-background-color: {ACCENT};
    selection-color: {ON_ACCENT}; }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus {{
    border-color: {ACCENT}; }}
QPushButton {{ background: {SURFACE_ALT}; color: {TEXT}; border: 2px solid {LINE};
    border-radius: 4px; padding: {pad // 2}px {pad * 2}px; }}
QPushButton:focus, QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton#primaryButton {{ background: {ACCENT}; color: {ON_ACCENT}; border-color: {ACCENT};
    font-weight: 700; }}
QTableView, QListView, QTreeView {{ background: {SURFACE}; alternate-background-color:
    {SURFACE_ALT}; color: {TEXT}; gridline-color: {LINE}; border: 1px solid {LINE};
    selection-background-color: {ACCENT}; selection-color: {ON_ACCENT}; }}
QTextBrowser#presenterText {{ background: transparent; border: none; color: {TEXT}; }}
#presenterWindow QHeaderView::section {{ background: {BACKGROUND}; color: {MUTED}; border: none;
    font-size: {small}pt;
    border-bottom: 2px solid {LINE}; padding: {pad // 2}px {pad}px; font-weight: 700; }}
QRadioButton, QCheckBox {{ color: {TEXT}; spacing: {pad}px; }}
QRadioButton::indicator {{ width: {mark}px; height: {mark}px; border: 3px solid {MUTED};
    border-radius: {mark // 2 + 3}px; background: {SURFACE}; }}
QRadioButton::indicator:checked {{ background: {ACCENT}; border-color: {ACCENT}; }}
QGroupBox {{ border: 1px solid {LINE}; border-radius: 4px; margin-top: {big}pt;
    padding-top: {pad}px; font-weight: 700; }}
QGroupBox::title {{ subcontrol-origin: margin; left: {pad}px; color: {ACCENT}; }}
QScrollBar {{ background: {SURFACE}; border: none; }}
QScrollBar::handle {{ background: {LINE}; border-radius: 4px; min-height: 24px;
    min-width: 24px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ background: none; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QToolTip {{ background: {SURFACE_ALT}; color: {TEXT}; border: 1px solid {LINE}; }}
"""

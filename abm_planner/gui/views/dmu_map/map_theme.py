"""The DMU map's colours, taken from the palette so cards read on light and dark themes.

Attitude runs from enemy (red) to mentor (green); because red and green alone fail
for many readers, cards also carry the attitude as a sign (− −, −, ○, +, + +). Line
kinds differ by shape as well as colour: dashed for a dotted-line manager, an arrow
for influence, a broken mark for conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette

# Attitude value -> (light theme colour, dark theme colour, sign drawn on the card).
_ATTITUDE: dict[int | None, tuple[str, str, str]] = {
    -2: ("#c62828", "#ef5350", "−−"),
    -1: ("#e65100", "#ffa040", "−"),
    0: ("#6b7785", "#9aa3ad", "○"),
    1: ("#558b2f", "#9ccc65", "+"),
    2: ("#1b7a34", "#4cc06a", "++"),
    None: ("#9aa0a6", "#70757c", "?"),
}

# Role key -> (short badge text, category). Teams may add roles; those get their label.
ROLE_BADGES: dict[str, tuple[str, str]] = {
    "economic_buyer": ("Econ. buyer", "buyer"),
    "decision_maker": ("Decider", "decider"),
    "champion": ("Champion", "champion"),
    "technical_evaluator": ("Tech eval", "other"),
    "user": ("User", "other"),
    "influencer": ("Influencer", "other"),
    "procurement": ("Procurement", "other"),
    "legal_compliance": ("Legal", "other"),
    "blocker": ("Blocker", "blocker"),
    "executive_sponsor": ("Sponsor", "decider"),
    "other": ("Other", "other"),
}
ROLE_ORDER = tuple(ROLE_BADGES)

# Badge category -> (light fill, dark fill, light text, dark text).
_BADGES: dict[str, tuple[str, str, str, str]] = {
    "buyer": ("#f3d36b", "#8a6d12", "#3b2f00", "#fff3c4"),
    "decider": ("#c9daf2", "#2d4f7c", "#12305a", "#dce8fa"),
    "champion": ("#bfe5c6", "#23623a", "#0e3b1c", "#d7f5de"),
    "blocker": ("#f6c4c1", "#7d2a26", "#5a1410", "#ffdcd9"),
    "other": ("#e3e6ea", "#3d4148", "#2e3338", "#d8dce2"),
}

OWNER_COLOURS = {"sales": ("#2f6fb5", "#3d84cf"), "marketing": ("#7b4bb5", "#9a6ad6")}


def _attitude_colour(value: int | None, dark: bool) -> QColor:
    light_colour, dark_colour, _ = _ATTITUDE.get(value, _ATTITUDE[None])
    return QColor(dark_colour if dark else light_colour)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


@dataclass(frozen=True)
class MapTheme:
    """Every colour the map paints with, for one palette."""

    dark: bool
    canvas: QColor
    card: QColor
    text: QColor
    muted: QColor
    accent: QColor
    selection: QColor
    glow: QColor
    reports: QColor
    influence: QColor
    conflict: QColor
    path: QColor
    fills: dict[int | None, QColor] = field(default_factory=dict, repr=False)

    @classmethod
    def from_palette(cls, palette: QPalette) -> MapTheme:
        role = QPalette.ColorRole
        dark = palette.color(role.Window).lightness() < 128
        canvas = palette.color(role.Base)
        card = QColor("#2a2c31") if dark else QColor("#ffffff")
        text = palette.color(role.Text)
        muted = _mix(text, canvas, 0.4)
        amount = 0.22 if dark else 0.13
        fills = {v: _mix(card, _attitude_colour(v, dark), amount) for v in _ATTITUDE}
        return cls(
            dark=dark,
            canvas=QColor("#1b1c1f") if dark else QColor("#f4f5f7"),
            card=card,
            text=text,
            muted=muted,
            accent=palette.color(role.Highlight),
            selection=QColor("#5ea2ef") if dark else QColor("#1f5fa8"),
            glow=QColor("#ffcf33") if dark else QColor("#f2a900"),
            reports=_mix(text, canvas, 0.35),
            influence=QColor("#5b9be0") if dark else QColor("#2f6fb5"),
            conflict=QColor("#ef5350") if dark else QColor("#d32f2f"),
            path=QColor("#ffcf33") if dark else QColor("#e69500"),
            fills=fills,
        )

    def attitude(self, value: int | None) -> QColor:
        return _attitude_colour(value, self.dark)

    def card_fill(self, value: int | None) -> QColor:
        return QColor(self.fills.get(value, self.fills[None]))

    def badge(self, category: str) -> tuple[QColor, QColor]:
        """(fill, text) of a role badge."""
        light, dark, light_text, dark_text = _BADGES.get(category, _BADGES["other"])
        return (
            (QColor(dark), QColor(dark_text)) if self.dark else (QColor(light), QColor(light_text))
        )

    def owner(self, function: str) -> QColor:
        light, dark = OWNER_COLOURS.get(function, OWNER_COLOURS["sales"])
        return QColor(dark if self.dark else light)


def attitude_sign(value: int | None) -> str:
    return _ATTITUDE.get(value, _ATTITUDE[None])[2]


def role_badge(key: str, label: str) -> tuple[str, str]:
    """(short text, category) of a role; an unknown role shows its label, shortened."""
    if key in ROLE_BADGES:
        return ROLE_BADGES[key]
    text = label if len(label) <= 12 else label[:11] + "…"
    return text, "other"


def initials(name: str) -> str:
    """ "Jana Kowalski" -> "JK"; one name gives its first two letters."""
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()

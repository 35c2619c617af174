"""What the timeline's painters share: colours, texts and one repaint's frame."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from abm_planner.gui.views.plays.timeline_geometry import (
    GUTTER_WIDTH,
    HEADER_HEIGHT,
    TimelineGeometry,
)

MARKETING = QColor("#7e57c2")
SALES = QColor("#1e88e5")
TODAY = QColor("#e53935")
HANDOFF = QColor("#f57c00")
CLASH = QColor("#d32f2f")
DONE = QColor("#8d8d8d")
NAME_WIDTH = 124  # of the gutter's account names; the lane labels take the rest
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


@dataclass(slots=True)
class Frame:
    """One repaint: scroll offsets, viewport size, what to highlight; counts what it drew."""

    scroll_x: int
    scroll_y: int
    width: int
    height: int
    today: date
    selected: uuid.UUID | None = None
    clashing: frozenset[uuid.UUID] = frozenset()
    preview: dict[uuid.UUID, tuple[date, date]] = field(default_factory=dict)
    painted_bars: int = 0

    def to_view_x(self, content_x: float) -> float:
        return content_x - self.scroll_x + GUTTER_WIDTH

    def to_view_y(self, content_y: float) -> float:
        return content_y - self.scroll_y + HEADER_HEIGHT


def visible_days(geometry: TimelineGeometry, frame: Frame) -> tuple[date, date]:
    first = geometry.day_at(frame.scroll_x)
    last = geometry.day_at(frame.scroll_x + frame.width - GUTTER_WIDTH) + timedelta(days=1)
    return first, last

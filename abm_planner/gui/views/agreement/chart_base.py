"""What the hand-painted charts share (QtCharts is not part of PySide6-Essentials).

The dashboard's charts (stacked bars, paired bars, a stage funnel, a heat map) take
plain values through ``set_data``, draw with the palette's text and grid colours so
light and dark themes both read, show the exact figure under the mouse as a tooltip,
and sum their data up in their accessible description for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SALES_COLOUR = QColor("#3b7dd8")
MARKETING_COLOUR = QColor("#e8833a")
INFLUENCED_COLOUR = QColor("#f2b36f")
NEUTRAL_COLOUR = QColor(150, 150, 150)
HEAT_COLOUR = QColor("#2e9e6a")
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
WRAP = Qt.TextFlag.TextWordWrap


def tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)


def money_text(value: float) -> str:
    """An amount in three significant digits: 850, 650 k, 5.57 M, 83.2 M, 829 M, 1.20 bn."""
    size = abs(value)
    for scale, unit in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if size >= scale:
            scaled = value / scale
            decimals = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
            if unit == " k":
                decimals = 0
            return f"{scaled:.{decimals}f}{unit}"
    return f"{value:.0f}"


def count_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def nice_ceiling(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    colour: QColor
    values: tuple[float, ...]


class Chart(QWidget):
    """What the charts share: palette colours, tooltips over hit areas, an empty text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tips: list[tuple[QRectF, str]] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(280, 200))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(440, 260)

    def text_colour(self) -> QColor:
        return self.palette().color(self.foregroundRole())

    def muted_colour(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlphaF(0.6)
        return colour

    def grid_colour(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlphaF(0.15)
        return colour

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            point = QPointF(event.pos())
            tip = next((text for rect, text in self._tips if rect.contains(point)), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        self._tips = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if not self.has_data():
                painter.setPen(self.muted_colour())
                painter.drawText(QRectF(self.rect()), ALIGN_CENTER | WRAP, self.empty_text)
                return
            self.draw(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4))
        finally:
            painter.end()

    def has_data(self) -> bool:
        raise NotImplementedError

    def draw(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def tip(self, rect: QRectF, text: str) -> None:
        self._tips.append((QRectF(rect), text))


def draw_legend(painter: QPainter, chart: Chart, area: QRectF, items: Sequence[Series]) -> float:
    """A row of colour keys along the top of ``area``; returns the height used."""
    metrics = QFontMetricsF(chart.font())
    x, y = area.left(), area.top()
    height = metrics.height()
    for item in items:
        width = metrics.horizontalAdvance(item.label) + height + 14
        if x + width > area.right() and x > area.left():
            x, y = area.left(), y + height + 4
        painter.fillRect(QRectF(x, y + 2, height - 4, height - 4), item.colour)
        painter.setPen(chart.text_colour())
        painter.drawText(QPointF(x + height, y + metrics.ascent()), item.label)
        x += width
    return y + height + 8 - area.top()

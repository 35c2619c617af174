"""The pieces a handout page is stacked from: headings, wrapped text, table rows,
a status line and the map panel.

Each block tells its height for a width (measured with the PDF device's font
metrics) and paints itself into a rectangle; ``report_pages`` stacks them and starts
a new page when the next one does not fit. All text is drawn as text, so it stays
selectable and searchable in the PDF.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from abm_planner.gui.report.report_map import MapDrawing
from abm_planner.gui.report.report_style import (
    ACCENT,
    INK,
    MUTED,
    PANEL,
    RULE,
    STATUS,
    ZEBRA,
    Fonts,
    Measure,
    pt,
)

_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
_TALL = 1e7


@dataclass(slots=True)
class Context:
    fonts: Fonts
    measure: Measure

    def text_height(self, font: QFont, width: float, text: str) -> float:
        if not text:
            return 0.0
        box = self.measure(font).boundingRect(QRectF(0, 0, width, _TALL), _WRAP, text)
        return max(box.height(), self.measure(font).height())


class Block(ABC):
    """Something of a known height for a width; ``keep_with_next`` for headings."""

    keep_with_next = False

    @abstractmethod
    def height(self, ctx: Context, width: float) -> float: ...

    @abstractmethod
    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None: ...


@dataclass(slots=True)
class Gap(Block):
    points: float

    def height(self, ctx: Context, width: float) -> float:
        del ctx, width
        return pt(self.points)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        del painter, ctx, rect


@dataclass(slots=True)
class Heading(Block):
    """A section's title over a hairline, with a count or note at the right."""

    text: str
    aside: str = ""
    keep_with_next = True

    def height(self, ctx: Context, width: float) -> float:
        del width
        return ctx.measure(ctx.fonts.heading).height() + pt(5 + 6 + 8)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        top = rect.top() + pt(8)
        line = ctx.measure(ctx.fonts.heading).height()
        painter.setFont(ctx.fonts.heading)
        painter.setPen(ACCENT)
        text_rect = QRectF(rect.left(), top, rect.width(), line)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.text
        )
        if self.aside:
            painter.setFont(ctx.fonts.small)
            painter.setPen(MUTED)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self.aside
            )
        y = top + line + pt(4)
        painter.setPen(QPen(RULE, pt(0.8)))
        painter.drawLine(QLineF(rect.left(), y, rect.right(), y))


@dataclass(slots=True)
class Text(Block):
    """A wrapped paragraph, optionally after a bullet or a coloured dot."""

    text: str
    style: str = "body"  # a field of Fonts
    color: QColor = field(default_factory=lambda: QColor(INK))
    bullet: str = ""
    dot: QColor | None = None
    after: float = 3.0  # points below

    def _indent(self) -> float:
        return pt(11) if self.bullet or self.dot is not None else 0.0

    def height(self, ctx: Context, width: float) -> float:
        font = getattr(ctx.fonts, self.style)
        return ctx.text_height(font, width - self._indent(), self.text) + pt(self.after)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        font = getattr(ctx.fonts, self.style)
        indent = self._indent()
        metrics = ctx.measure(font)
        if self.dot is not None:
            size = pt(5.5)
            y = rect.top() + (metrics.height() - size) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.dot)
            painter.drawEllipse(QRectF(rect.left() + pt(1), y, size, size))
        elif self.bullet:
            painter.setFont(font)
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(rect.left(), rect.top(), indent, metrics.height()), _WRAP, self.bullet
            )
        painter.setFont(font)
        painter.setPen(self.color)
        painter.drawText(rect.adjusted(indent, 0, 0, -pt(self.after)), _WRAP, self.text)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    weight: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    style: str = "body"
    color: QColor = field(default_factory=lambda: QColor(INK))
    note: str = ""  # a second, smaller grey line


_PAD_X = 4.0
_PAD_Y = 3.2


def _widths(columns: tuple[Column, ...], width: float) -> list[float]:
    total = sum(c.weight for c in columns)
    return [width * c.weight / total for c in columns]


@dataclass(slots=True)
class TableHeader(Block):
    columns: tuple[Column, ...]
    keep_with_next = True

    def height(self, ctx: Context, width: float) -> float:
        del width
        return ctx.measure(ctx.fonts.label).height() + pt(2 * _PAD_Y)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        painter.setFont(ctx.fonts.label)
        painter.setPen(MUTED)
        x = rect.left()
        for column, width in zip(self.columns, _widths(self.columns, rect.width()), strict=True):
            cell = QRectF(x + pt(_PAD_X), rect.top(), width - pt(2 * _PAD_X), rect.height())
            painter.drawText(
                cell, column.align | Qt.AlignmentFlag.AlignVCenter, column.title.upper()
            )
            x += width
        painter.setPen(QPen(RULE, pt(0.8)))
        painter.drawLine(QLineF(rect.left(), rect.bottom(), rect.right(), rect.bottom()))


@dataclass(slots=True)
class TableRow(Block):
    columns: tuple[Column, ...]
    cells: tuple[Cell, ...]
    zebra: bool = False

    def _cell_height(self, ctx: Context, cell: Cell, width: float) -> float:
        inner = width - pt(2 * _PAD_X)
        height = ctx.text_height(getattr(ctx.fonts, cell.style), inner, cell.text)
        if cell.note:
            height += ctx.text_height(ctx.fonts.small, inner, cell.note) + pt(1)
        return height

    def height(self, ctx: Context, width: float) -> float:
        widths = _widths(self.columns, width)
        tallest = max(self._cell_height(ctx, c, w) for c, w in zip(self.cells, widths, strict=True))
        return tallest + pt(2 * _PAD_Y)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        if self.zebra:
            painter.fillRect(rect, ZEBRA)
        x = rect.left()
        widths = _widths(self.columns, rect.width())
        for column, cell, width in zip(self.columns, self.cells, widths, strict=True):
            inner = QRectF(
                x + pt(_PAD_X), rect.top() + pt(_PAD_Y), width - pt(2 * _PAD_X), rect.height()
            )
            font = getattr(ctx.fonts, cell.style)
            painter.setFont(font)
            painter.setPen(cell.color)
            flags = column.align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(inner, flags, cell.text)
            if cell.note:
                below = inner.adjusted(
                    0, ctx.text_height(font, inner.width(), cell.text) + pt(1), 0, 0
                )
                painter.setFont(ctx.fonts.small)
                painter.setPen(MUTED)
                painter.drawText(below, flags, cell.note)
            x += width
        painter.setPen(QPen(RULE, pt(0.5)))
        painter.drawLine(QLineF(rect.left(), rect.bottom(), rect.right(), rect.bottom()))


def table(columns: tuple[Column, ...], rows: Sequence[tuple[Cell, ...]]) -> list[Block]:
    """A header and one block per row (rows may fall onto the next page)."""
    blocks: list[Block] = [TableHeader(columns)]
    blocks += [TableRow(columns, row, zebra=n % 2 == 1) for n, row in enumerate(rows)]
    return blocks


@dataclass(slots=True)
class StatusLine(Block):
    """A coloured pill with the DMU verdict and a sentence beside it."""

    status: str
    label: str
    text: str

    def height(self, ctx: Context, width: float) -> float:
        del width
        return ctx.measure(ctx.fonts.small_bold).height() + pt(4 + 7)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        metrics = ctx.measure(ctx.fonts.small_bold)
        pill = QRectF(
            rect.left(),
            rect.top(),
            metrics.horizontalAdvance(self.label) + pt(12),
            metrics.height() + pt(4),
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS.get(self.status, MUTED))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(ctx.fonts.small_bold)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.label)
        painter.setFont(ctx.fonts.body)
        painter.setPen(INK)
        text_rect = QRectF(
            pill.right() + pt(8), pill.top(), rect.width() - pill.width() - pt(8), pill.height()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text
        )


@dataclass(slots=True)
class MapPanel(Block):
    """The DMU map on a light panel, centred, at most ``max_scale`` points per unit."""

    drawing: MapDrawing
    panel_height: float  # points
    max_scale: float

    def height(self, ctx: Context, width: float) -> float:
        del ctx, width
        return pt(self.panel_height)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        del ctx
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PANEL)
        painter.drawRoundedRect(rect, pt(4), pt(4))
        inner = rect.adjusted(pt(6), pt(6), -pt(6), -pt(6))
        d = self.drawing
        scale = min(inner.width() / d.width, inner.height() / d.height, pt(self.max_scale))
        target = QRectF(0, 0, d.width * scale, d.height * scale)
        target.moveCenter(inner.center())
        QSvgRenderer(QByteArray(d.svg)).render(painter, target)


@dataclass(slots=True)
class NoteLines(Block):
    """Ruled lines to write on in the meeting, filling ``points`` of the page."""

    points: float
    spacing: float = 20.0

    def height(self, ctx: Context, width: float) -> float:
        del ctx, width
        return pt(self.points)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        del ctx
        painter.setPen(QPen(RULE, pt(0.5)))
        y = rect.top() + pt(self.spacing)
        while y <= rect.bottom():
            painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
            y += pt(self.spacing)

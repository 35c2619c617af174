"""Bar charts: stacked bars per category, and sales against marketing side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from abm_planner.gui.views.agreement.chart_base import (
    ALIGN_CENTER,
    MARKETING_COLOUR,
    SALES_COLOUR,
    WRAP,
    Chart,
    Series,
    count_text,
    draw_legend,
    money_text,
    nice_ceiling,
    tr,
)


class StackedBarChart(Chart):
    """Vertical bars per category, stacked by series (pipeline by tier, by source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.format: Callable[[float], str] = money_text

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[Series],
        format_value: Callable[[float], str] = money_text,
    ) -> None:
        self.categories, self.series, self.format = list(categories), list(series), format_value
        totals = self.totals()
        self.setAccessibleDescription(
            "; ".join(
                f"{name}: {format_value(total)}"
                for name, total in zip(self.categories, totals, strict=True)
            )
        )
        self.update()

    def totals(self) -> list[float]:
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    def has_data(self) -> bool:
        return any(total > 0 for total in self.totals())

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        top = area.top() + draw_legend(painter, self, area, self.series)
        label_height = metrics.height() * 2 + 6
        ceiling = nice_ceiling(max(self.totals()))
        axis_width = max(metrics.horizontalAdvance(self.format(ceiling * f / 4)) for f in range(5))
        plot = QRectF(
            area.left() + axis_width + 8,
            top + metrics.height(),
            area.width() - axis_width - 8,
            area.bottom() - label_height - top - metrics.height(),
        )
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.muted_colour())
            text_rect = QRectF(area.left(), y - metrics.height() / 2, axis_width, metrics.height())
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.format(ceiling * step / 4),
            )
        slot = plot.width() / max(len(self.categories), 1)
        width = min(slot * 0.6, 90.0)
        for index, name in enumerate(self.categories):
            x = plot.left() + slot * index + (slot - width) / 2
            y = plot.bottom()
            for item in self.series:
                value = item.values[index]
                if value <= 0:
                    continue
                height = plot.height() * value / ceiling
                rect = QRectF(x, y - height, width, height)
                painter.fillRect(rect, item.colour)
                self.tip(rect, f"{name} · {item.label}: {self.format(value)}")
                y -= height
            total = sum(s.values[index] for s in self.series)
            painter.setPen(self.text_colour())
            painter.drawText(
                QRectF(x - slot / 2, y - metrics.height() - 2, width + slot, metrics.height()),
                ALIGN_CENTER,
                self.format(total),
            )
            painter.setPen(self.text_colour())
            painter.drawText(
                QRectF(plot.left() + slot * index, plot.bottom() + 4, slot, label_height - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | WRAP,
                name,
            )


class PairedBarChart(Chart):
    """One row per metric: sales grows to the left of the centre, marketing to the right.

    Each row has its own scale (the larger of the two fills its half), since the rows
    count different things: accounts, money, people, touches.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, float, float, bool]] = []

    def set_data(self, rows: Sequence[tuple[str, float, float, bool]]) -> None:
        """Rows of (label, sales value, marketing value, is money)."""
        self.rows = list(rows)
        self.setAccessibleDescription(
            "; ".join(
                tr("{label}: sales {sales}, marketing {marketing}").format(
                    label=label, sales=self._text(s, money), marketing=self._text(m, money)
                )
                for label, s, m, money in self.rows
            )
        )
        self.update()

    @staticmethod
    def _text(value: float, money: bool) -> str:
        return money_text(value) if money else count_text(value)

    def has_data(self) -> bool:
        return bool(self.rows)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        centre = area.center().x()
        painter.setPen(SALES_COLOUR)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        head = QRectF(area.left(), area.top(), area.width() / 2 - 8, line)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(head, right, tr("Sales"))
        painter.setPen(MARKETING_COLOUR)
        head.moveLeft(centre + 8)
        painter.drawText(
            head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr("Marketing")
        )
        painter.setFont(self.font())
        top = area.top() + line + 8
        row_height = (area.bottom() - top) / max(len(self.rows), 1)
        bar_height = min(max(row_height - line - 10, 8.0), 26.0)
        half = area.width() / 2 - 8
        for index, (label, sales, marketing, money) in enumerate(self.rows):
            y = top + row_height * index
            painter.setPen(self.text_colour())
            painter.drawText(QRectF(area.left(), y, area.width(), line), ALIGN_CENTER, label)
            bar_y = y + line + 3
            scale = max(sales, marketing) or 1.0
            for value, colour, sign in (
                (sales, SALES_COLOUR, -1),
                (marketing, MARKETING_COLOUR, 1),
            ):
                width = (half - 70) * value / scale
                x = centre - width if sign < 0 else centre
                rect = QRectF(x, bar_y, width, bar_height)
                painter.fillRect(rect, colour)
                side = tr("Sales") if sign < 0 else tr("Marketing")
                self.tip(
                    rect.adjusted(-2, -2, 2, 2), f"{label} · {side}: {self._text(value, money)}"
                )
                painter.setPen(self.text_colour())
                text = self._text(value, money)
                if sign < 0:
                    box = QRectF(x - 68, bar_y, 64, bar_height)
                    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                else:
                    box = QRectF(x + width + 4, bar_y, 64, bar_height)
                    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                painter.drawText(box, align, text)
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(centre, bar_y - 2), QPointF(centre, bar_y + bar_height + 2))

"""The coverage heat map: for each tier, how its stakeholders are covered by us.

Rows are tiers, columns the coverage levels (Unknown … In depth, Not recorded);
each cell is the share of the tier's stakeholders at that level, its colour as
strong as the share. Strategic accounts with most people at None or Brief stand out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from abm_planner.gui.views.agreement.chart_base import ALIGN_CENTER, HEAT_COLOUR, WRAP, Chart, tr


class HeatMap(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, list[float | None]]] = []
        self.columns: list[str] = []

    def set_data(
        self, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[float | None]]]
    ) -> None:
        self.columns = list(columns)
        self.rows = [(label, list(values)) for label, values in rows]
        self.setAccessibleDescription(
            "; ".join(
                f"{label}: "
                + ", ".join(
                    f"{column} {value:.0%}"
                    for column, value in zip(self.columns, values, strict=True)
                    if value
                )
                for label, values in self.rows
            )
        )
        self.update()

    def has_data(self) -> bool:
        return any(value for _label, values in self.rows for value in values)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _values in self.rows) + 12,
            area.width() * 0.35,
        )
        header = metrics.height() * 2 + 6
        cell_width = (area.width() - label_width) / max(len(self.columns), 1)
        cell_height = min((area.height() - header) / max(len(self.rows), 1), 44.0)
        painter.setPen(self.muted_colour())
        for index, column in enumerate(self.columns):
            rect = QRectF(
                area.left() + label_width + cell_width * index, area.top(), cell_width, header
            )
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | WRAP, column
            )
        for row, (label, values) in enumerate(self.rows):
            y = area.top() + header + 4 + cell_height * row
            painter.setPen(self.text_colour())
            painter.drawText(
                QRectF(area.left(), y, label_width - 8, cell_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8),
            )
            for index, value in enumerate(values):
                rect = QRectF(
                    area.left() + label_width + cell_width * index + 1,
                    y + 1,
                    cell_width - 2,
                    cell_height - 2,
                )
                if value is None:
                    continue
                fill = QColor(HEAT_COLOUR)
                fill.setAlphaF(0.08 + 0.87 * value)
                painter.fillRect(rect, fill)
                painter.setPen(QColor("white") if value > 0.6 else self.text_colour())
                painter.drawText(rect, ALIGN_CENTER, f"{value:.0%}")
                self.tip(
                    rect,
                    tr("{tier} · {level}: {share} of stakeholders").format(
                        tier=label, level=self.columns[index], share=f"{value:.0%}"
                    ),
                )

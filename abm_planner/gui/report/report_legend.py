"""One line under the map that says how to read it on paper, where no tooltip helps:
attitude colours, the inner circle's star, and the four kinds of line."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from abm_planner.gui.report.report_blocks import Block, Context
from abm_planner.gui.report.report_style import MUTED, pt, tr

ATTITUDE = ("#c62828", "#e65100", "#6b7785", "#558b2f", "#1b7a34")  # −− − ○ + ++ (map_theme)
REPORTS = QColor("#8a9099")
INFLUENCE = QColor("#2f6fb5")
CONFLICT = QColor("#d32f2f")
STAR = QColor("#f2a900")
SAMPLE = 16.0  # points of line per sample


@dataclass(slots=True)
class MapLegend(Block):
    def height(self, ctx: Context, width: float) -> float:
        del width
        return ctx.measure(ctx.fonts.small).height() + pt(8)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        metrics = ctx.measure(ctx.fonts.small)
        painter.setFont(ctx.fonts.small)
        mid = rect.top() + pt(3) + metrics.height() / 2
        x = rect.left()

        def label(text: str) -> None:
            nonlocal x
            painter.setPen(MUTED)
            box = QRectF(
                x, mid - metrics.height() / 2, metrics.horizontalAdvance(text) + 1, metrics.height()
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x = box.right() + pt(11)

        for swatch in ATTITUDE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(swatch))
            painter.drawRoundedRect(QRectF(x, mid - pt(3), pt(6), pt(6)), pt(1), pt(1))
            x += pt(7.5)
        x += pt(2)
        label(tr("attitude, opposed to supportive"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STAR)
        painter.drawPath(_star(QPointF(x + pt(3.5), mid), pt(4), pt(1.8)))
        x += pt(10)
        label(tr("inner circle"))
        for line_colour, style, text, arrow in (
            (REPORTS, Qt.PenStyle.SolidLine, tr("reports to"), False),
            (REPORTS, Qt.PenStyle.DashLine, tr("dotted line"), False),
            (INFLUENCE, Qt.PenStyle.SolidLine, tr("influences"), True),
            (CONFLICT, Qt.PenStyle.SolidLine, tr("conflict"), False),
        ):
            painter.setPen(QPen(line_colour, pt(1.1), style))
            painter.drawLine(QPointF(x, mid), QPointF(x + pt(SAMPLE), mid))
            if arrow:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(line_colour)
                tip = x + pt(SAMPLE)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(tip, mid),
                            QPointF(tip - pt(4), mid - pt(2.2)),
                            QPointF(tip - pt(4), mid + pt(2.2)),
                        ]
                    )
                )
            x += pt(SAMPLE + 4)
            label(text)


def _star(centre: QPointF, outer: float, inner: float) -> QPainterPath:
    path = QPainterPath()
    for n in range(10):
        radius = outer if n % 2 == 0 else inner
        angle = -math.pi / 2 + n * math.pi / 5
        point = QPointF(
            centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle)
        )
        if n == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path

"""The journey-stage funnel: accounts per stage, with the agreed handoff marked.

Stages before the handoff's target stage are drawn in marketing's colour and the
rest in sales' colour, so the picture says who leads where; a dashed line sits
between the two stages of the handoff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from abm_planner.gui.views.agreement.chart_base import (
    MARKETING_COLOUR,
    NEUTRAL_COLOUR,
    SALES_COLOUR,
    Chart,
    money_text,
    tr,
)


@dataclass(frozen=True, slots=True)
class FunnelStage:
    label: str
    accounts: int
    pipeline: float
    led_by: str  # "marketing", "sales" or "" (unknown)


class FunnelChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stages: list[FunnelStage] = []
        self.handoff_after: int | None = None
        self.handoff_label = ""

    def set_data(
        self, stages: Sequence[FunnelStage], handoff_after: int | None, handoff_label: str
    ) -> None:
        """``handoff_after``: the index of the stage after which the handoff line is drawn."""
        self.stages = list(stages)
        self.handoff_after = handoff_after
        self.handoff_label = handoff_label
        self.setAccessibleDescription(
            "; ".join(
                tr("{stage}: {n} accounts").format(stage=s.label, n=s.accounts) for s in self.stages
            )
            + (tr("; handoff {stages}").format(stages=handoff_label) if handoff_label else "")
        )
        self.update()

    def has_data(self) -> bool:
        return any(stage.accounts for stage in self.stages)

    @staticmethod
    def _value_text(stage: FunnelStage) -> str:
        text = tr("1 account") if stage.accounts == 1 else tr("{n} accounts")
        text = text.format(n=f"{stage.accounts:,}")
        return f"{text} · {money_text(stage.pipeline)}" if stage.pipeline else text

    def draw(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        label_width = min(
            max(metrics.horizontalAdvance(s.label) for s in self.stages) + 12, area.width() * 0.4
        )
        value_width = max(metrics.horizontalAdvance(self._value_text(s)) for s in self.stages) + 12
        bars = QRectF(
            area.left() + label_width,
            area.top(),
            max(area.width() - label_width - value_width, 40.0),
            area.height(),
        )
        row = area.height() / max(len(self.stages), 1)
        height = min(row * 0.7, 30.0)
        largest = max(stage.accounts for stage in self.stages) or 1
        colours = {"marketing": MARKETING_COLOUR, "sales": SALES_COLOUR}
        for index, stage in enumerate(self.stages):
            y = area.top() + row * index + (row - height) / 2
            painter.setPen(self.text_colour())
            painter.drawText(
                QRectF(area.left(), y, label_width - 8, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(stage.label, Qt.TextElideMode.ElideRight, label_width - 8),
            )
            width = max(bars.width() * stage.accounts / largest, 2.0 if stage.accounts else 0.0)
            rect = QRectF(bars.center().x() - width / 2, y, width, height)
            painter.fillRect(rect, colours.get(stage.led_by, NEUTRAL_COLOUR))
            text = self._value_text(stage)
            painter.drawText(
                QRectF(bars.right() + 8, y, value_width, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            self.tip(
                QRectF(area.left(), y, area.width(), height),
                tr("{stage}: {n} accounts, pipeline {pipeline}").format(
                    stage=stage.label, n=stage.accounts, pipeline=money_text(stage.pipeline)
                ),
            )
        if self.handoff_after is not None and 0 <= self.handoff_after < len(self.stages) - 1:
            y = area.top() + row * (self.handoff_after + 1)
            pen = QPen(self.text_colour(), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(self.muted_colour())
            line = metrics.height()
            painter.drawText(
                QRectF(bars.right() + 8, y - line, value_width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                tr("handoff to sales ↓"),
            )

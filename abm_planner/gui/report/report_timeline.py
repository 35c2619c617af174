"""The account's plays on a compact timeline: one row per play, months across.

A row shows the play's name and status at the left and a bar from its start to its
end in the colour of who leads it (marketing, sales, joint; done and cancelled
plays in grey), with the month grid and a red line at the plan's date. The window
runs from the first month with a play (or the plan's date) to the last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from abm_planner.gui.report.report_blocks import Block, Context
from abm_planner.gui.report.report_style import DONE, FAINT, INK, LEAD, MUTED, RULE, TODAY, pt, tr
from abm_planner.services.play_timeline import TimelineBar

ROW = 15.0  # points per play
AXIS = 14.0  # points for the month names
NAME_SHARE = 0.36  # of the width, for the play names
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
GREY_STATUSES = ("done", "completed", "cancelled", "canceled")


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def window(bars: Sequence[TimelineBar], as_of: date) -> tuple[date, date]:
    """First day of the first month and first day after the last month shown."""
    first = min([as_of, *(b.start_on for b in bars)])
    last = max([as_of, *(max(b.end_on, b.start_on) for b in bars)])
    return _month_start(first), _next_month(last)


@dataclass(slots=True)
class PlayRows(Block):
    """A slice of the timeline (``bars``) drawn against the whole one's ``span``."""

    bars: tuple[TimelineBar, ...]
    span: tuple[date, date]
    as_of: date
    with_axis: bool

    def height(self, ctx: Context, width: float) -> float:
        del ctx, width
        return pt(ROW * len(self.bars) + (AXIS if self.with_axis else 0) + 2)

    def _x(self, track: QRectF, day: date) -> float:
        start, end = self.span
        return track.left() + track.width() * (day - start).days / max((end - start).days, 1)

    def paint(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        names = rect.width() * NAME_SHARE
        top = rect.top() + (pt(AXIS) if self.with_axis else 0)
        track = QRectF(rect.left() + names, top, rect.width() - names, pt(ROW) * len(self.bars))
        self._grid(painter, ctx, track, rect.top())
        for n, bar in enumerate(self.bars):
            row = QRectF(rect.left(), top + n * pt(ROW), rect.width(), pt(ROW))
            self._row(painter, ctx, bar, row, track)
        if self.with_axis:
            self._legend(painter, ctx, QRectF(rect.left(), rect.top(), names, pt(AXIS - 3)))
        if self.span[0] <= self.as_of < self.span[1]:
            x = self._x(track, self.as_of)
            painter.setPen(QPen(TODAY, pt(0.9)))
            painter.drawLine(QLineF(x, track.top() - pt(2), x, track.bottom()))

    def _legend(self, painter: QPainter, ctx: Context, rect: QRectF) -> None:
        """Which colour is whose: marketing, sales, joint."""
        metrics = ctx.measure(ctx.fonts.small)
        x = rect.left()
        painter.setFont(ctx.fonts.small)
        for key, text in (
            ("marketing", tr("Marketing")),
            ("sales", tr("Sales")),
            ("joint", tr("Joint")),
        ):
            baseline = rect.bottom() - metrics.descent()
            swatch = QRectF(x, baseline - metrics.capHeight(), pt(9), metrics.capHeight())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LEAD[key])
            painter.drawRoundedRect(swatch, pt(1.5), pt(1.5))
            painter.setPen(MUTED)
            label = QRectF(swatch.right() + pt(3), rect.top(), pt(60), rect.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
            x = label.left() + metrics.horizontalAdvance(text) + pt(10)

    def _grid(self, painter: QPainter, ctx: Context, track: QRectF, axis_top: float) -> None:
        start, end = self.span
        months: list[date] = []
        month = start
        while month < end:
            months.append(month)
            month = _next_month(month)
        every = 1 if len(months) <= 12 else 3 if len(months) <= 36 else 12
        painter.setFont(ctx.fonts.label)
        for month in months:
            x = self._x(track, month)
            painter.setPen(QPen(RULE, pt(0.5)))
            painter.drawLine(QLineF(x, track.top(), x, track.bottom()))
            if self.with_axis and (month.month - 1) % every == 0:
                right = self._x(track, _next_month(month)) if every == 1 else x + pt(40)
                label = MONTHS[month.month - 1].upper()
                if month.month == 1 or month == start:
                    label += f" {month.year % 100:02d}"
                painter.setPen(MUTED)
                painter.drawText(
                    QRectF(x + pt(2), axis_top, right - x, pt(AXIS - 3)),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                    label,
                )
        painter.setPen(QPen(RULE, pt(0.5)))
        painter.drawLine(QLineF(track.right(), track.top(), track.right(), track.bottom()))
        painter.drawLine(QLineF(track.left(), track.bottom(), track.right(), track.bottom()))

    def _row(
        self, painter: QPainter, ctx: Context, bar: TimelineBar, row: QRectF, track: QRectF
    ) -> None:
        label = QRectF(row.left(), row.top(), track.left() - row.left() - pt(6), row.height())
        metrics = ctx.measure(ctx.fonts.small_bold)
        painter.setFont(ctx.fonts.small_bold)
        painter.setPen(INK)
        name = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, label.width() * 0.68)
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(ctx.fonts.small)
        painter.setPen(MUTED)
        painter.drawText(
            label,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            bar.status_label or tr("no status"),
        )
        grey = (bar.status or "").lower() in GREY_STATUSES
        colour = DONE if grey else LEAD.get(bar.lead_function, FAINT)
        left = self._x(track, bar.start_on)
        right = self._x(track, max(bar.end_on, bar.start_on) + timedelta(days=1))
        body = QRectF(left, row.top() + pt(3.5), max(right - left, pt(3)), row.height() - pt(7))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(body, pt(2), pt(2))


def timeline_blocks(bars: Sequence[TimelineBar], as_of: date, *, per_block: int = 6) -> list[Block]:
    """The timeline in slices of a few rows, so a long one can break across pages."""
    if not bars:
        return []
    span = window(bars, as_of)
    chunks = [tuple(bars[i : i + per_block]) for i in range(0, len(bars), per_block)]
    return [PlayRows(chunk, span, as_of, with_axis=n == 0) for n, chunk in enumerate(chunks)]

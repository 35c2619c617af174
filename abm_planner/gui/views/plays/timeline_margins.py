"""The timeline's fixed margins: the calendar header on top, the accounts' gutter on the left.

Painted after the chart, over it, so they stay put while the chart scrolls under
them; only the visible months, weeks and account blocks are drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen

from abm_planner.gui.views.plays.timeline_geometry import (
    BLOCK_PADDING,
    GUTTER_WIDTH,
    HEADER_HEIGHT,
    TOUCH_STRIP,
    TRACK_HEIGHT,
    Block,
    TimelineGeometry,
)
from abm_planner.gui.views.plays.timeline_style import (
    MARKETING,
    MONTHS,
    NAME_WIDTH,
    SALES,
    TODAY,
    Frame,
    tr,
    visible_days,
)
from abm_planner.plays.timeline import JOINT_BAND, MARKETING_LANE, SALES_LANE


def paint_header(
    painter: QPainter,
    geometry: TimelineGeometry,
    frame: Frame,
    palette: QPalette,
    today_x: float,
) -> None:
    painter.fillRect(
        QRectF(0, 0, frame.width, HEADER_HEIGHT), palette.color(QPalette.ColorRole.Window)
    )
    painter.save()
    painter.setClipRect(QRectF(GUTTER_WIDTH, 0, frame.width - GUTTER_WIDTH, HEADER_HEIGHT))
    text = palette.color(QPalette.ColorRole.WindowText)
    first, last = visible_days(geometry, frame)
    half = HEADER_HEIGHT / 2
    month = first.replace(day=1)
    bold = QFont(painter.font())
    bold.setBold(True)
    while month <= last:
        following = (month + timedelta(days=32)).replace(day=1)
        x1 = frame.to_view_x(geometry.x_of(month))
        x2 = frame.to_view_x(geometry.x_of(following))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(x1, 0), QPointF(x1, HEADER_HEIGHT))
        painter.setPen(text)
        painter.setFont(bold)
        label = f"{tr(MONTHS[month.month - 1])} {month.year}"
        visible_left = max(x1, GUTTER_WIDTH) + 6
        painter.drawText(
            QRectF(visible_left, 0, max(x2 - visible_left - 4, 0), half),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )
        month = following
    normal = QFont(bold)
    normal.setBold(False)
    painter.setFont(normal)
    step = 7 if geometry.px_per_day * 7 >= 40 else 14
    day = first - timedelta(days=first.weekday())
    if step == 14 and day.isocalendar()[1] % 2:
        day -= timedelta(days=7)
    while day <= last:
        x = frame.to_view_x(geometry.x_of(day))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.drawLine(QPointF(x, half), QPointF(x, HEADER_HEIGHT))
        painter.setPen(text)
        week = day.isocalendar()[1]
        label = f"W{week:02d} · {day.day}" if step == 7 else f"W{week:02d}"
        painter.drawText(
            QRectF(x + 4, half, geometry.px_per_day * step - 6, half),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )
        day += timedelta(days=step)
    painter.setPen(QPen(TODAY, 2))
    painter.drawLine(QPointF(today_x, half), QPointF(today_x, HEADER_HEIGHT))
    painter.restore()
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.drawLine(QPointF(0, HEADER_HEIGHT - 0.5), QPointF(frame.width, HEADER_HEIGHT - 0.5))


def _two_lines(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` as it fits on two lines of ``width`` (the second elided if need be)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    first = ""
    for index, word in enumerate(words):
        candidate = f"{first} {word}".strip()
        if metrics.horizontalAdvance(candidate) > width:
            if not first:
                break
            rest = " ".join(words[index:])
            return first + "\n" + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        first = candidate
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def paint_gutter(
    painter: QPainter, blocks: Iterable[Block], frame: Frame, palette: QPalette
) -> None:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    painter.save()
    painter.setClipRect(QRectF(0, HEADER_HEIGHT, GUTTER_WIDTH, frame.height - HEADER_HEIGHT))
    painter.fillRect(QRectF(0, HEADER_HEIGHT, GUTTER_WIDTH, frame.height), window)
    base_font = QFont(painter.font())
    bold = QFont(base_font)
    bold.setBold(True)
    small = QFont(base_font)
    small.setPointSizeF(max(base_font.pointSizeF() * 0.85, 6.0))
    for block in blocks:
        top = frame.to_view_y(block.top)
        painter.setFont(bold)
        painter.setPen(text)
        metrics = QFontMetrics(bold)
        name_rect = QRectF(8, top + 4, NAME_WIDTH, metrics.height() * 2 + 2)
        name = _two_lines(metrics, block.account.name, int(name_rect.width()))
        painter.drawText(
            name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), name
        )
        painter.setFont(small)
        muted = QColor(text)
        muted.setAlpha(150)
        painter.setPen(muted)
        detail = block.account.tier or block.account.stage
        wrapped = metrics.horizontalAdvance(name) > NAME_WIDTH
        detail_top = name_rect.bottom() if wrapped else top + 22
        painter.drawText(
            QRectF(8, detail_top, NAME_WIDTH, 16), int(Qt.AlignmentFlag.AlignLeft), detail
        )
        for band, label, color in (
            (MARKETING_LANE, tr("Marketing"), MARKETING),
            (JOINT_BAND, tr("Joint"), None),
            (SALES_LANE, tr("Sales"), SALES),
        ):
            first, rows = block.band_span(band)
            if rows == 0:
                continue
            y = top + BLOCK_PADDING + first * TRACK_HEIGHT
            painter.setPen(color or muted)
            painter.drawText(
                QRectF(NAME_WIDTH + 10, y, GUTTER_WIDTH - NAME_WIDTH - 18, rows * TRACK_HEIGHT),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                label,
            )
        if block.touches is not None:
            strip = frame.to_view_y(block.touch_strip_top)
            painter.setPen(muted)
            painter.drawText(
                QRectF(NAME_WIDTH + 10, strip, GUTTER_WIDTH - NAME_WIDTH - 18, TOUCH_STRIP),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                tr("Touches"),
            )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        bottom = top + block.height - 0.5
        painter.drawLine(QPointF(0, bottom), QPointF(GUTTER_WIDTH, bottom))
    painter.setFont(base_font)
    painter.restore()
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.drawLine(QPointF(GUTTER_WIDTH - 0.5, 0), QPointF(GUTTER_WIDTH - 0.5, frame.height))

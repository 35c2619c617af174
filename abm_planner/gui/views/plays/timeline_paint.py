"""Drawing the timeline: lanes, bars, the today line, the handoff, header and gutter.

Everything here paints only what it is handed: the view passes the blocks that
intersect the viewport, and each bar is skipped unless it crosses the visible
columns, so a portfolio of ten thousands of bars costs no more per repaint than
the few dozen on screen. Colours: marketing purple, sales blue, joint plays a
gradient of both across the line between the lanes; planned plays are lighter,
done plays greyed, cancelled plays hatched and struck through, clashing plays
outlined in red.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
)

from abm_planner.gui.views.plays.timeline_geometry import (
    BLOCK_PADDING,
    GUTTER_WIDTH,
    HEADER_HEIGHT,
    TOUCH_STRIP,
    TRACK_HEIGHT,
    Block,
    PlacedBar,
    TimelineGeometry,
)
from abm_planner.gui.views.plays.timeline_margins import paint_gutter, paint_header
from abm_planner.gui.views.plays.timeline_style import (
    CLASH,
    DONE,
    HANDOFF,
    MARKETING,
    SALES,
    TODAY,
    Frame,
    tr,
    visible_days,
)
from abm_planner.plays.timeline import JOINT_BAND, MARKETING_LANE


def paint(painter: QPainter, geometry: TimelineGeometry, frame: Frame, palette: QPalette) -> None:
    """The whole viewport: grid, blocks, today line, then the fixed header and gutter."""
    base = palette.color(QPalette.ColorRole.Base)
    painter.fillRect(0, 0, frame.width, frame.height, base)
    blocks = list(geometry.visible_blocks(frame.scroll_y, frame.height - HEADER_HEIGHT))
    chart = QRectF(GUTTER_WIDTH, HEADER_HEIGHT, frame.width - GUTTER_WIDTH, frame.height)
    painter.save()
    painter.setClipRect(chart)
    for block in blocks:
        _paint_lanes(painter, block, frame, palette)
    _paint_grid(painter, geometry, frame, palette)
    for block in blocks:
        _paint_handoff(painter, geometry, block, frame)
        _paint_bars(painter, geometry, block, frame)
        _paint_touches(painter, geometry, block, frame)
    today_x = frame.to_view_x(geometry.x_of(frame.today) + geometry.px_per_day / 2)
    painter.setPen(QPen(TODAY, 2))
    painter.drawLine(QPointF(today_x, HEADER_HEIGHT), QPointF(today_x, frame.height))
    painter.restore()
    _paint_hint(painter, geometry, frame, palette)
    paint_header(painter, geometry, frame, palette, today_x)
    paint_gutter(painter, blocks, frame, palette)


def _paint_hint(
    painter: QPainter, geometry: TimelineGeometry, frame: Frame, palette: QPalette
) -> None:
    """Below the last account, say how to use the chart (or that it is empty)."""
    below = frame.to_view_y(geometry.content_height) + 24
    if below + 20 > frame.height:
        return
    color = QColor(palette.color(QPalette.ColorRole.Text))
    color.setAlpha(120)
    painter.setPen(color)
    if geometry.bar_count:
        text = tr(
            "Drag a play to move it, drag either end to change its dates, double-click to edit it."
        )
    else:
        text = tr("No plays with dates to show here.")
    painter.drawText(
        QRectF(GUTTER_WIDTH + 12, below, frame.width - GUTTER_WIDTH - 24, 20),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        text,
    )


def _paint_lanes(painter: QPainter, block: Block, frame: Frame, palette: QPalette) -> None:
    top = frame.to_view_y(block.top)
    width = frame.width
    marketing_rows = block.layout.marketing_tracks + block.layout.joint_tracks / 2
    split = top + BLOCK_PADDING + marketing_rows * TRACK_HEIGHT
    tint_m, tint_s = QColor(MARKETING), QColor(SALES)
    tint_m.setAlpha(16)
    tint_s.setAlpha(16)
    lanes_bottom = top + block.height
    if block.touches is not None:
        lanes_bottom = frame.to_view_y(block.touch_strip_top)
    painter.fillRect(QRectF(0, top, width, split - top), tint_m)
    painter.fillRect(QRectF(0, split, width, lanes_bottom - split), tint_s)
    line = palette.color(QPalette.ColorRole.Mid)
    painter.setPen(QPen(line, 1, Qt.PenStyle.DotLine))
    painter.drawLine(QPointF(0, split), QPointF(width, split))
    if block.touches is not None:
        painter.drawLine(QPointF(0, lanes_bottom), QPointF(width, lanes_bottom))
    painter.setPen(QPen(line, 1))
    bottom = top + block.height - 0.5
    painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))


def _paint_grid(
    painter: QPainter, geometry: TimelineGeometry, frame: Frame, palette: QPalette
) -> None:
    first, last = visible_days(geometry, frame)
    light = palette.color(QPalette.ColorRole.Midlight)
    strong = palette.color(QPalette.ColorRole.Mid)
    day = first - timedelta(days=first.weekday())
    weekly = geometry.px_per_day * 7 >= 40
    while day <= last:
        x = frame.to_view_x(geometry.x_of(day))
        if day.day <= 7 and day.month != (day - timedelta(days=7)).month:
            month_start = day.replace(day=1)
            mx = frame.to_view_x(geometry.x_of(month_start))
            painter.setPen(QPen(strong, 1))
            painter.drawLine(QPointF(mx, HEADER_HEIGHT), QPointF(mx, frame.height))
        if weekly:
            painter.setPen(QPen(light, 1))
            painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, frame.height))
        day += timedelta(days=7)


def _paint_handoff(
    painter: QPainter, geometry: TimelineGeometry, block: Block, frame: Frame
) -> None:
    handed = block.account.handed_off_on
    if handed is None:
        return
    x = frame.to_view_x(geometry.x_of(handed))
    if not GUTTER_WIDTH - 60 <= x <= frame.width + 60:
        return
    top = frame.to_view_y(block.top)
    painter.setPen(QPen(HANDOFF, 2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(x, top + 1), QPointF(x, top + block.height - 1))
    painter.setBrush(HANDOFF)
    painter.setPen(Qt.PenStyle.NoPen)
    flag = QRectF(x, top + 1, 7, 7)
    painter.drawPolygon([flag.topLeft(), flag.topRight(), QPointF(x, flag.bottom())])


def _paint_touches(
    painter: QPainter, geometry: TimelineGeometry, block: Block, frame: Frame
) -> None:
    """Logged touches as dots under the lanes: marketing's above, sales' below.

    Several touches of one function on one day make one bigger dot.
    """
    if not block.touches:
        return
    first, last = visible_days(geometry, frame)
    per_day: dict[tuple[date, str], int] = {}
    for touch in block.touches:
        if first <= touch.occurred_on <= last:
            key = (touch.occurred_on, touch.function)
            per_day[key] = per_day.get(key, 0) + 1
    top = frame.to_view_y(block.touch_strip_top)
    painter.setPen(Qt.PenStyle.NoPen)
    for (day, function), count in per_day.items():
        x = frame.to_view_x(geometry.x_of(day) + geometry.px_per_day / 2)
        marketing = function == "marketing"
        y = top + (TOUCH_STRIP * 0.3 if marketing else TOUCH_STRIP * 0.7)
        radius = 3.0 + min(count - 1, 3)
        painter.setBrush(MARKETING if marketing else SALES)
        painter.drawEllipse(QPointF(x, y), radius, radius)


def _bar_fill(placed: PlacedBar, rect: QRectF) -> QBrush:
    if placed.band == JOINT_BAND:
        gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        gradient.setColorAt(0.0, MARKETING)
        gradient.setColorAt(1.0, SALES)
        return QBrush(gradient)
    return QBrush(MARKETING if placed.band == MARKETING_LANE else SALES)


def _paint_bars(painter: QPainter, geometry: TimelineGeometry, block: Block, frame: Frame) -> None:
    left_edge, right_edge = frame.scroll_x - 2, frame.scroll_x + frame.width - GUTTER_WIDTH + 2
    metrics = QFontMetrics(painter.font())
    for placed in block.bars:
        bar = placed.bar
        start, end = frame.preview.get(bar.id, (bar.start_on, bar.end_on))
        left = geometry.x_of(start)
        right = geometry.x_of(end) + geometry.px_per_day
        if right < left_edge or left > right_edge:
            continue
        frame.painted_bars += 1
        y, height = geometry.bar_y(block, placed)
        rect = QRectF(frame.to_view_x(left), frame.to_view_y(y), right - left, height)
        _paint_bar(painter, placed, rect, frame, metrics)


def _paint_bar(
    painter: QPainter, placed: PlacedBar, rect: QRectF, frame: Frame, metrics: QFontMetrics
) -> None:
    bar = placed.bar
    painter.setOpacity({"planned": 0.72, "done": 0.55, "cancelled": 0.35}.get(bar.status or "", 1))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(DONE) if bar.status == "done" else _bar_fill(placed, rect))
    painter.drawRoundedRect(rect, 4, 4)
    if bar.status == "cancelled":
        painter.setBrush(QBrush(QColor(255, 255, 255, 140), Qt.BrushStyle.BDiagPattern))
        painter.drawRoundedRect(rect, 4, 4)
    painter.setOpacity(1.0)
    if bar.id in frame.clashing or bar.id == frame.selected:
        color = CLASH if bar.id in frame.clashing else QColor("#212121")
        painter.setPen(QPen(color, 2.5 if bar.id == frame.selected else 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
    # The label stays readable while the bar's start is scrolled out of view.
    text_left = max(rect.left(), GUTTER_WIDTH) + 6
    room = rect.right() - text_left - 4
    if room < 24:
        return
    font = painter.font()
    font.setStrikeOut(bar.status == "cancelled")
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    text = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, int(room))
    painter.drawText(
        QRectF(text_left, rect.top(), room, rect.height()),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        text,
    )
    font.setStrikeOut(False)
    painter.setFont(font)

"""The Gantt-like timeline: a marketing and a sales lane per account, plays as bars.

A ``QAbstractScrollArea`` that paints only the account blocks and bars inside the
viewport (``timeline_geometry`` finds them by bisection), so the portfolio's ten
thousands of bars scroll as smoothly as one account's dozen. Drag a bar to move a
play, drag either end to change its start or end; letting go pushes one
``ReschedulePlayCommand`` (Edit ▸ Undo puts it back). Ctrl+wheel or ``set_zoom``
switches between weeks and months; the red line is today, the orange dashed line
the day the account was handed to sales.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.base import push
from abm_planner.gui.commands.play_commands import ReschedulePlayCommand
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays.timeline_geometry import (
    GUTTER_WIDTH,
    HEADER_HEIGHT,
    ZOOMS,
    Drag,
    Hit,
    TimelineGeometry,
)
from abm_planner.gui.views.plays.timeline_paint import paint
from abm_planner.gui.views.plays.timeline_style import Frame
from abm_planner.gui.views.plays.timeline_tooltips import play_tooltip, touches_tooltip
from abm_planner.services.play_timeline import TimelineBar, TimelineData


class TimelineView(QAbstractScrollArea):
    """Accounts' plays on a calendar; drag to reschedule (undoable)."""

    play_activated = Signal(object)  # the assignment id of a double-clicked bar
    selection_changed = Signal(object)  # the selected assignment id, or None

    def __init__(
        self,
        context: PlanContext | None,
        parent: QWidget | None = None,
        *,
        show_touches: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._show_touches = show_touches
        self.setAccessibleName(self.tr("Timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._context = context
        self.geometry_ = TimelineGeometry()
        self._today = date.today()
        self._zoom = "weeks"
        self._clashing: frozenset[uuid.UUID] = frozenset()
        self._selected: uuid.UUID | None = None
        self._drag: Drag | None = None
        self._preview: dict[uuid.UUID, tuple[date, date]] = {}
        self._member_names: dict[uuid.UUID, str] = {}
        self.painted_bars = 0
        self.handoff_text = ""
        # A date to bring into view once the viewport has its real size.
        self._pending_scroll: date | None = None
        self._magnification = 1.0

    # -- data -------------------------------------------------------------------------
    def set_data(
        self,
        data: TimelineData,
        clashing: frozenset[uuid.UUID] = frozenset(),
        *,
        scroll_to_today: bool = False,
    ) -> None:
        """Show ``data``; the scroll position stays on the same dates unless told otherwise."""
        old_origin = self.geometry_.origin
        old_x = self.horizontalScrollBar().value()
        touches = data.touches if self._show_touches else None
        self.geometry_.build(data.accounts, data.bars, self._today, touches)
        self.geometry_.px_per_day = ZOOMS[self._zoom]
        self._clashing = clashing
        if data.handoff_from and data.handoff_to:
            self.handoff_text = f"{data.handoff_from} → {data.handoff_to}"
        if self._selected is not None and self.geometry_.block_of(self._selected) is None:
            self._set_selected(None)
        self._update_scrollbars()
        if scroll_to_today:
            self.scroll_to_date(self._today)
        else:
            shift = (old_origin - self.geometry_.origin).days * self.geometry_.px_per_day
            self.horizontalScrollBar().setValue(int(old_x + shift))
        self.viewport().update()

    def replace_account_bars(
        self, account_id: uuid.UUID, bars: list[TimelineBar], clashing: frozenset[uuid.UUID]
    ) -> bool:
        """New bars for one account (after an edit); False if it has no block here."""
        if not self.geometry_.replace_bars(account_id, bars):
            return False
        if not all(self.geometry_.covers(b.start_on, b.end_on) for b in bars):
            old_origin, old_x = self.geometry_.origin, self.horizontalScrollBar().value()
            self.geometry_.fit_range(self._today)
            shift = (old_origin - self.geometry_.origin).days * self.geometry_.px_per_day
            self._update_scrollbars()
            self.horizontalScrollBar().setValue(int(old_x + shift))
        self._clashing = (self._clashing - {b.id for b in bars}) | clashing
        self._update_scrollbars()
        self.viewport().update()
        return True

    def set_member_names(self, names: dict[uuid.UUID, str]) -> None:
        """Owner names for the bars' tooltips."""
        self._member_names = dict(names)

    def set_today(self, today: date) -> None:
        self._today = today
        self.viewport().update()

    @property
    def today(self) -> date:
        return self._today

    @property
    def selected_id(self) -> uuid.UUID | None:
        return self._selected

    @property
    def zoom(self) -> str:
        return self._zoom

    def set_zoom(self, zoom: str) -> None:
        """``weeks`` or ``months``; the date in the middle of the view stays in the middle."""
        if zoom not in ZOOMS or zoom == self._zoom:
            return
        middle = self.visible_middle()
        self._zoom = zoom
        self.geometry_.px_per_day = ZOOMS[zoom]
        self._update_scrollbars()
        self._center_on(middle)
        self.viewport().update()

    @property
    def magnification(self) -> float:
        return self._magnification

    def set_magnification(self, factor: float) -> None:
        """Draw everything ``factor`` times larger (for a projector); the desktop keeps 1.

        The chart is painted through a scaled painter and mouse positions are scaled
        back, so rows, labels and bars grow together and dragging still lands on days.
        """
        factor = max(0.25, factor)
        if factor == self._magnification:
            return
        middle = self.visible_middle()
        self._magnification = factor
        self._update_scrollbars()
        self._center_on(middle)
        self.viewport().update()

    def _chart_size(self) -> tuple[int, int]:
        """The viewport's width and height in chart pixels (before magnification)."""
        viewport = self.viewport()
        factor = self._magnification
        return int(viewport.width() / factor), int(viewport.height() / factor)

    def scroll_to_date(self, day: date) -> None:
        """Put ``day`` a fifth of the way into the chart (recent past stays in view).

        Before the view is first shown its size is not known yet; the scroll then
        happens when it is.
        """
        if not self.isVisible():
            self._pending_scroll = day
            return
        self._pending_scroll = None
        width = self._chart_size()[0] - GUTTER_WIDTH
        self.horizontalScrollBar().setValue(int(self.geometry_.x_of(day) - width / 5))

    def bar_rect(self, assignment_id: uuid.UUID) -> QRect | None:
        """Where a play's bar is in viewport coordinates (None when not shown)."""
        found = self.geometry_.placed(assignment_id)
        if found is None:
            return None
        block, placed = found
        left, right = self.geometry_.bar_span(placed.bar)
        top, height = self.geometry_.bar_y(block, placed)
        x = int(left) - self.horizontalScrollBar().value() + GUTTER_WIDTH
        y = top - self.verticalScrollBar().value() + HEADER_HEIGHT
        factor = self._magnification
        return QRect(*(round(v * factor) for v in (x, y, int(right - left), height)))

    def reschedule(self, assignment_id: uuid.UUID, start_on: date, end_on: date) -> bool:
        """Move or resize a play as one undoable step; a refusal is shown to the user."""
        if self._context is None or self._context.read_only:
            return False
        try:
            push(
                self._context.undo_stack,
                ReschedulePlayCommand(self._context, assignment_id, start_on, end_on),
            )
        except UserError as error:
            actions.show_user_error(self, error)
            return False
        return True

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        width, height = self._chart_size()
        frame = Frame(
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
            width,
            height,
            self._today,
            self._selected,
            self._clashing,
            self._preview,
        )
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._magnification != 1.0:
            painter.scale(self._magnification, self._magnification)
        try:
            paint(painter, self.geometry_, frame, self.palette())
        finally:
            painter.end()
        self.painted_bars = frame.painted_bars

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()
        if self._pending_scroll is not None and self.isVisible():
            self.scroll_to_date(self._pending_scroll)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._pending_scroll is not None:
            self._update_scrollbars()
            self.scroll_to_date(self._pending_scroll)

    def _update_scrollbars(self) -> None:
        width, height = self._chart_size()
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(self.geometry_.content_width - (width - GUTTER_WIDTH), 0))
        horizontal.setPageStep(max(width - GUTTER_WIDTH, 1))
        horizontal.setSingleStep(int(self.geometry_.px_per_day * 7))
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(self.geometry_.content_height - (height - HEADER_HEIGHT), 0))
        vertical.setPageStep(max(height - HEADER_HEIGHT, 1))
        vertical.setSingleStep(24)

    def visible_middle(self) -> date:
        """The date in the middle of the chart's visible columns."""
        width = self._chart_size()[0] - GUTTER_WIDTH
        return self.geometry_.day_at(self.horizontalScrollBar().value() + width / 2)

    def _center_on(self, day: date) -> None:
        width = self._chart_size()[0] - GUTTER_WIDTH
        self.horizontalScrollBar().setValue(int(self.geometry_.x_of(day) - width / 2))

    # -- mouse and keys ---------------------------------------------------------------
    def _content(self, pos: QPoint) -> tuple[float, float] | None:
        x, y = pos.x() / self._magnification, pos.y() / self._magnification
        if x < GUTTER_WIDTH or y < HEADER_HEIGHT:
            return None
        return (
            x - GUTTER_WIDTH + self.horizontalScrollBar().value(),
            y - HEADER_HEIGHT + self.verticalScrollBar().value(),
        )

    def _hit(self, pos: QPoint) -> Hit | None:
        point = self._content(pos)
        return None if point is None else self.geometry_.hit(*point)

    def _writable(self) -> bool:
        return self._context is not None and not self._context.read_only

    def _set_selected(self, assignment_id: uuid.UUID | None) -> None:
        if assignment_id != self._selected:
            self._selected = assignment_id
            self.selection_changed.emit(assignment_id)
            self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self._hit(event.position().toPoint())
        self._set_selected(hit.placed.bar.id if hit else None)
        if hit is not None and self._writable():
            bar = hit.placed.bar
            self._drag = Drag(bar.id, hit.part, int(event.position().x()), bar.start_on, bar.end_on)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        drag = self._drag
        if drag is None:
            hit = self._hit(pos)
            self._update_cursor(hit.part if hit and self._writable() else None)
            return
        distance = pos.x() - drag.press_x
        if not drag.moved and abs(distance) < QApplication.startDragDistance():
            return
        drag.moved = True
        days = self.geometry_.days_for(distance / self._magnification)
        self._preview = {drag.assignment_id: drag.dates(days)}
        self._update_cursor(drag.part, dragging=True)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, self._drag = self._drag, None
        preview = self._preview.pop(drag.assignment_id, None) if drag else None
        self._update_cursor(None)
        if drag is None or not drag.moved or preview is None:
            self.viewport().update()
            return
        if preview != (drag.start_on, drag.end_on):
            self.reschedule(drag.assignment_id, *preview)
        self.viewport().update()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(event.position().toPoint())
        if hit is not None:
            self._drag = None
            self._preview.clear()
            self.play_activated.emit(hit.placed.bar.id)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self._preview.clear()
            self._update_cursor(None)
            self.viewport().update()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom("weeks" if event.angleDelta().y() > 0 else "months")
            event.accept()
            return
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _update_cursor(self, part: str | None, *, dragging: bool = False) -> None:
        if part in ("start", "end"):
            shape = Qt.CursorShape.SizeHorCursor
        elif part == "body":
            shape = Qt.CursorShape.ClosedHandCursor if dragging else Qt.CursorShape.OpenHandCursor
        else:
            self.viewport().unsetCursor()
            return
        self.viewport().setCursor(shape)

    def tooltip_at(self, pos: QPoint) -> str:
        """What hovering ``pos`` (viewport coordinates) explains: a play or a day's touches."""
        hit = self._hit(pos)
        if hit is not None:
            return self._tooltip(hit.placed.bar)
        point = self._content(pos)
        return touches_tooltip(self.geometry_.touches_at(*point) if point else [])

    def tooltip_for(self, assignment_id: uuid.UUID) -> str:
        """The tooltip a play's bar shows (empty when it is not on the timeline)."""
        found = self.geometry_.placed(assignment_id)
        return self._tooltip(found[1].bar) if found else ""

    def _tooltip(self, bar: TimelineBar) -> str:
        owners = [
            self._member_names.get(i, "")
            for i in (bar.sales_owner_id, bar.marketing_owner_id)
            if i is not None
        ]
        return play_tooltip(
            bar,
            owners=[o for o in owners if o],
            clashing=bar.id in self._clashing,
            writable=self._writable(),
        )

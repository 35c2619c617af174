"""The DMU canvas: cards and lines, and what a mouse does with them.

The scene holds no plan data of its own: ``set_content`` and ``set_positions`` show
what the tab loaded, and every edit leaves as a signal (``reparent_requested``,
``cards_moved``, ``line_requested``...) that the tab turns into an undo command. The
plan then announces the change and the tab loads the account again, the same path an
undo or an edit in the stakeholder table takes.

Mouse: drag a card to move it (one signal per drop); drop it on another card to make
that person its manager (the target is highlighted while hovering); Shift-drag from a
card draws an influence line, Ctrl+Shift-drag a conflict line, as does a plain drag
while a line-drawing mode is on. Dragging the background pans (the view does that).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QLineF, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from abm_planner.dmu.records import CONFLICTS_WITH, INFLUENCES, Position
from abm_planner.gui.views.dmu_map.card_item import CARD_Z, DRAG_Z, CardData, CardItem
from abm_planner.gui.views.dmu_map.card_style import DESKTOP_CARDS, CardStyle
from abm_planner.gui.views.dmu_map.line_item import LineItem
from abm_planner.gui.views.dmu_map.map_theme import MapTheme
from abm_planner.services.stakeholder_lines import LineRow

DIMMED = 0.22
DRAGGED = 0.75
_MARGIN = 40.0


def _set_opacity(item: QGraphicsItem, opacity: float) -> None:
    if item.opacity() != opacity:  # most reloads change nothing: skip the call
        item.setOpacity(opacity)


class DmuScene(QGraphicsScene):
    """Cards by stakeholder id and lines by line id, kept in step with the plan."""

    reparent_requested = Signal(object, object)  # ids of the dropped cards, the new manager
    cards_moved = Signal(object)  # id -> (x, y), once per drop
    line_requested = Signal(object, object, str)  # source id, target id, line kind
    card_activated = Signal(object)  # double-click: edit this stakeholder
    card_menu_requested = Signal(object, QPoint)  # stakeholder id, screen position
    line_menu_requested = Signal(object, QPoint)  # line id, screen position
    background_clicked = Signal()

    def __init__(self, theme: MapTheme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.card_style = DESKTOP_CARDS
        self.cards: dict[uuid.UUID, CardItem] = {}
        self.lines: dict[uuid.UUID, LineItem] = {}
        self.editable = True
        self.connect_kind: str | None = None  # a line-drawing mode, or None
        self.elbows = True
        self._visible_kinds: set[str] = {"reports_to", INFLUENCES, CONFLICTS_WITH}
        self._pressed: dict[uuid.UUID, QPointF] = {}
        self._unplaced: set[LineItem] = set()
        self._drop: CardItem | None = None
        self._connect: tuple[CardItem, str, QGraphicsLineItem] | None = None
        self._highlight: set[uuid.UUID] = set()
        self._path_people: set[uuid.UUID] = set()
        self._path_pairs: set[frozenset[uuid.UUID]] = set()
        self.setBackgroundBrush(theme.canvas)

    # -- content -------------------------------------------------------------------------
    def set_theme(self, theme: MapTheme) -> None:
        self.theme = theme
        self.setBackgroundBrush(theme.canvas)
        for card in self.cards.values():
            card.set_theme(theme)
        for line in self.lines.values():
            line.set_theme(theme)

    def set_card_style(self, style: CardStyle) -> None:
        """Paint every card, now and later, in ``style`` (larger type for a projector)."""
        self.card_style = style
        for card in self.cards.values():
            card.set_style(style)
        self.update_scene_rect()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for card in self.cards.values():
            card.set_movable(editable)

    def set_content(self, cards: Iterable[CardData], lines: Iterable[LineRow]) -> None:
        """Show these cards and lines: new ones appear, gone ones leave, changed ones repaint.

        New cards sit at (0, 0), and new lines are drawn, once ``set_positions`` has
        placed them: call it next.
        """
        wanted = {data.id: data for data in cards}
        for card_id in [i for i in self.cards if i not in wanted]:
            gone = self.cards.pop(card_id)
            for line in list(gone.lines):
                self._remove_line(line.line_id)
            self.removeItem(gone)
        for card_id, data in wanted.items():
            known = self.cards.get(card_id)
            if known is None:
                card = CardItem(data, self.theme, movable=self.editable, style=self.card_style)
                self.cards[card_id] = card
                self.addItem(card)
            else:
                known.set_info(data)
        rows = {row.id: row for row in lines if row.source_id in wanted and row.target_id in wanted}
        for line_id in [i for i, item in self.lines.items() if rows.get(i) != item.row]:
            self._remove_line(line_id)
        for line_id, row in rows.items():
            if line_id not in self.lines:
                source, target = self.cards[row.source_id], self.cards[row.target_id]
                line = LineItem(row, source, target, self.theme, elbow=self.elbows, placed=False)
                if row.kind not in self._visible_kinds:
                    line.setVisible(False)
                self.lines[line_id] = line
                self._unplaced.add(line)
                self.addItem(line)
        self._apply_highlight()

    def _remove_line(self, line_id: uuid.UUID) -> None:
        line = self.lines.pop(line_id, None)
        if line is not None:
            self._unplaced.discard(line)
            line.detach()
            self.removeItem(line)

    def set_positions(self, positions: Mapping[uuid.UUID, Position]) -> None:
        """Place the cards (centres); the scene then spans them with a margin.

        Each line is drawn again once, not once per card end that moved.
        """
        stale = self._unplaced
        self._unplaced = set()
        for card_id, (x, y) in positions.items():
            card = self.cards.get(card_id)
            if card is not None and (card.x(), card.y()) != (x, y):
                card.placing = True
                card.setPos(x, y)
                card.placing = False
                stale.update(card.lines)
        for line in stale:
            if line.scene() is self:
                line.refresh()
        self.update_scene_rect()

    def positions(self) -> dict[uuid.UUID, Position]:
        return {i: (card.x(), card.y()) for i, card in self.cards.items()}

    def content_rect(self) -> QRectF:
        """The cards' area, or a small box at the origin when there are none."""
        rect = QRectF()
        for card in self.cards.values():
            rect = rect.united(card.sceneBoundingRect())
        return rect if not rect.isNull() else QRectF(-100, -60, 200, 120)

    def top_row_rect(self) -> QRectF | None:
        """The cards highest up (the head of an org chart): where a big map first opens."""
        if not self.cards:
            return None
        top = min(card.y() for card in self.cards.values())
        rect = QRectF()
        for card in self.cards.values():
            if card.y() == top:
                rect = rect.united(card.sceneBoundingRect())
        return rect

    def update_scene_rect(self) -> None:
        self.setSceneRect(self.content_rect().adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN))

    def set_elbows(self, elbows: bool) -> None:
        self.elbows = elbows
        for line in self.lines.values():
            line.set_elbow(elbows)

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        if visible:
            self._visible_kinds.add(kind)
        else:
            self._visible_kinds.discard(kind)
        for line in self.lines.values():
            if line.kind == kind:
                line.setVisible(visible)

    # -- highlighting --------------------------------------------------------------------
    def highlight(self, ids: Iterable[uuid.UUID], path: Iterable[uuid.UUID] = ()) -> None:
        """Mark these people (and a path through them); everyone else is dimmed."""
        self._highlight = set(ids)
        steps = list(path)
        self._path_pairs = {frozenset(pair) for pair in itertools.pairwise(steps)}
        self._path_people = set(steps)
        self._apply_highlight()

    def clear_highlight(self) -> None:
        self.highlight(())

    @property
    def highlighted_ids(self) -> set[uuid.UUID]:
        return self._highlight | self._path_people

    def _apply_highlight(self) -> None:
        path_people, pairs = self._path_people, self._path_pairs
        marked = self._highlight | path_people
        for card_id, card in self.cards.items():
            card.set_marks(highlighted=card_id in self._highlight, on_path=card_id in path_people)
            _set_opacity(card, 1.0 if not marked or card_id in marked else DIMMED)
        for line in self.lines.values():
            ends = {line.row.source_id, line.row.target_id}
            line.set_on_path(frozenset(ends) in pairs)
            bright = not marked or ends <= marked or bool(ends & self._highlight)
            _set_opacity(line, 1.0 if bright else DIMMED)

    # -- selection -----------------------------------------------------------------------
    def selected_card_ids(self) -> list[uuid.UUID]:
        return [i for i, card in self.cards.items() if card.isSelected()]

    def selected_line_ids(self) -> list[uuid.UUID]:
        return [i for i, line in self.lines.items() if line.isSelected()]

    def select_only(self, items: Iterable[QGraphicsItem]) -> None:
        self.clearSelection()
        for item in items:
            item.setSelected(True)

    def card_at(self, pos: QPointF, ignore: Iterable[CardItem] = ()) -> CardItem | None:
        skip = set(map(id, ignore))
        for item in self.items(pos):
            if isinstance(item, CardItem) and id(item) not in skip:
                return item
        return None

    def line_at(self, pos: QPointF) -> LineItem | None:
        for item in self.items(pos):
            if isinstance(item, LineItem) and item.isVisible():
                return item
        return None

    # -- dragging cards ------------------------------------------------------------------
    def drop_cards(
        self,
        ids: list[uuid.UUID],
        target: uuid.UUID | None,
        starts: Mapping[uuid.UUID, QPointF] | None = None,
    ) -> None:
        """What releasing dragged cards does: a manager when dropped on a card, else a move.

        ``starts`` are where the cards were before the drag; dropped on a manager they
        go back there (the org chart then places them). The mouse handlers end here.
        """
        if target is not None and target not in ids:
            for card_id, start in (starts or {}).items():
                self.cards[card_id].setPos(start)
            self.reparent_requested.emit(ids, target)
            return
        moved = {i: (self.cards[i].x(), self.cards[i].y()) for i in ids if i in self.cards}
        if moved:
            self.update_scene_rect()
            self.cards_moved.emit(moved)

    def _start_drag(self) -> None:
        self._pressed = {
            i: card.pos() for i, card in self.cards.items() if card.isSelected() and self.editable
        }
        for card_id in self._pressed:
            self.cards[card_id].setZValue(DRAG_Z)

    def _set_drop(self, card: CardItem | None) -> None:
        if card is self._drop:
            return
        if self._drop is not None:
            self._drop.set_drop_target(False)
        self._drop = card
        if card is not None:
            card.set_drop_target(True)

    def _finish_drag(self) -> None:
        pressed = {i: start for i, start in self._pressed.items() if i in self.cards}
        self._pressed = {}
        target = self._drop.card_id if self._drop is not None else None
        self._set_drop(None)
        for card_id in pressed:
            self.cards[card_id].setZValue(CARD_Z)
        self._apply_highlight()  # back to full opacity (or the highlight's)
        moved = [i for i, start in pressed.items() if self.cards[i].pos() != start]
        if moved:
            self.drop_cards(moved, target, pressed)

    # -- drawing lines -------------------------------------------------------------------
    def _start_connect(self, card: CardItem, kind: str) -> None:
        colour = QColor(self.theme.conflict if kind == CONFLICTS_WITH else self.theme.influence)
        rubber = QGraphicsLineItem(QLineF(card.pos(), card.pos()))
        rubber.setPen(QPen(colour, 2.0, Qt.PenStyle.DashLine))
        rubber.setZValue(DRAG_Z + 1)
        self.addItem(rubber)
        self._connect = (card, kind, rubber)

    def _finish_connect(self, pos: QPointF) -> None:
        assert self._connect is not None
        source, kind, rubber = self._connect
        self._connect = None
        self.removeItem(rubber)
        target = self.card_at(pos, ignore=[source])
        self._set_drop(None)
        if target is not None:
            self.line_requested.emit(source.card_id, target.card_id, kind)

    # -- mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        card = self.card_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and card is not None and self.editable:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            kind = self.connect_kind or (
                (CONFLICTS_WITH if ctrl else INFLUENCES) if shift else None
            )
            if kind is not None:
                self._start_connect(card, kind)
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            if card is None and self.line_at(event.scenePos()) is None:
                self.background_clicked.emit()
            elif card is not None:
                self._start_drag()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._connect is not None:
            source, _, rubber = self._connect
            rubber.setLine(QLineF(source.pos(), event.scenePos()))
            self._set_drop(self.card_at(event.scenePos(), ignore=[source]))
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._pressed and event.buttons() & Qt.MouseButton.LeftButton:
            moving = [self.cards[i] for i in self._pressed if i in self.cards]
            for card in moving:
                _set_opacity(card, DRAGGED)  # the drop target shows through
            self._set_drop(self.card_at(event.scenePos(), ignore=moving))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._connect is not None and event.button() == Qt.MouseButton.LeftButton:
            self._finish_connect(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._pressed:
            self._finish_drag()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        card = self.card_at(event.scenePos())
        if card is not None and event.button() == Qt.MouseButton.LeftButton:
            self.card_activated.emit(card.card_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        card = self.card_at(event.scenePos())
        if card is not None:
            if not card.isSelected():
                self.select_only([card])
            self.card_menu_requested.emit(card.card_id, event.screenPos())
            event.accept()
            return
        line = self.line_at(event.scenePos())
        if line is not None:
            if not line.isSelected():
                self.select_only([line])
            self.line_menu_requested.emit(line.line_id, event.screenPos())
            event.accept()
            return
        super().contextMenuEvent(event)

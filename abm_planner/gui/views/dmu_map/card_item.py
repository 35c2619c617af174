"""One stakeholder on the map: a card with name, title, role badges and owner initials.

Attitude colours the card (a stripe with its sign, a tinted face, the border);
influence sets its size and border weight; the inner circle wears a gold star.
Cards are cached as pixmaps in device coordinates (``DeviceCoordinateCache``), so
panning and moving other cards never repaint them; ``paint`` only runs when a card
changes or the zoom does, and far out it draws a plain tinted box.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from abm_planner.gui.views.dmu_map.card_style import DESKTOP_CARDS, CardStyle, card_fonts, wrap
from abm_planner.gui.views.dmu_map.map_theme import MapTheme, attitude_sign

if TYPE_CHECKING:
    from abm_planner.gui.views.dmu_map.line_item import LineItem

# Influence value -> (width, height, border width); unknown counts as low.
_SIZES: dict[int | None, tuple[float, float, float]] = {
    None: (168.0, 76.0, 1.2),
    1: (168.0, 76.0, 1.2),
    2: (176.0, 80.0, 2.0),
    3: (186.0, 86.0, 3.4),
}
_MARGIN = 7.0  # room outside the card for the highlight glow
_STRIPE = 14.0
_PAD = 8.0
_RADIUS = 7.0
_DETAIL_PX = 4.16  # names smaller than this on screen: cards are plain boxes
CARD_Z = 2.0
DRAG_Z = 10.0


def card_size(influence: int | None) -> tuple[float, float]:
    """A card's width and height for an influence value."""
    width, height, _ = _SIZES.get(influence, _SIZES[None])
    return width, height


def _tr(text: str) -> str:
    return QCoreApplication.translate("DmuMapCard", text)


@dataclass(frozen=True, slots=True)
class CardData:
    """What a card shows; two equal values paint the same card."""

    id: uuid.UUID
    name: str
    title: str = ""
    badges: tuple[tuple[str, str], ...] = ()  # (short text, category)
    role_labels: tuple[str, ...] = ()
    attitude: int | None = None
    attitude_label: str = ""
    influence: int | None = None
    influence_label: str = ""
    inner_circle: bool = False
    owners: tuple[tuple[str, str, str], ...] = ()  # (initials, function, full name)
    coverage_label: str = ""

    def tooltip(self) -> str:
        lines = [self.name]
        if self.title:
            lines.append(self.title)
        if self.role_labels:
            lines.append(", ".join(self.role_labels))
        influence = self.influence_label or "—"
        if self.inner_circle:
            influence = _tr("{influence} · inner circle").format(influence=influence)
        lines += [
            _tr("Attitude: {label}").format(label=self.attitude_label or "—"),
            _tr("Influence: {label}").format(label=influence),
            _tr("Coverage: {label}").format(label=self.coverage_label or "—"),
        ]
        for _, function, name in self.owners:
            text = _tr("Marketing owner: {name}") if function == "marketing" else None
            lines.append((text or _tr("Sales owner: {name}")).format(name=name))
        return "\n".join(lines)


class CardItem(QGraphicsItem):
    """A stakeholder's card; ``pos()`` is its centre, as the layouts give it."""

    def __init__(
        self,
        data: CardData,
        theme: MapTheme,
        *,
        movable: bool = True,
        style: CardStyle = DESKTOP_CARDS,
    ) -> None:
        super().__init__()
        self.info = data
        self._theme = theme
        self.style = style
        self._fonts = card_fonts(style)
        self.lines: list[LineItem] = []
        self.placing = False  # the scene moves many cards and refreshes their lines once
        self.highlighted = False
        self.on_path = False
        self.drop_target = False
        flag = QGraphicsItem.GraphicsItemFlag
        flags = flag.ItemIsSelectable | flag.ItemSendsGeometryChanges
        self.setFlags(flags | flag.ItemIsMovable if movable else flags)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(CARD_Z)
        self._apply_size()
        self.setToolTip(data.tooltip())

    # -- state ---------------------------------------------------------------------------
    @property
    def card_id(self) -> uuid.UUID:
        return self.info.id

    def set_movable(self, movable: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)

    def set_info(self, data: CardData) -> None:
        if data == self.info:
            return
        self.info = data
        self.setToolTip(data.tooltip())
        self._apply_size()
        self.update()
        for line in self.lines:
            line.refresh()

    def set_theme(self, theme: MapTheme) -> None:
        self._theme = theme
        self.update()

    def set_style(self, style: CardStyle) -> None:
        """Type sizes and height for another audience (the presenter's projector)."""
        if style == self.style:
            return
        self.style = style
        self._fonts = card_fonts(style)
        self._apply_size()
        self.update()
        for line in self.lines:
            line.refresh()

    def set_marks(self, *, highlighted: bool | None = None, on_path: bool | None = None) -> None:
        changed = False
        if highlighted is not None and highlighted != self.highlighted:
            self.highlighted, changed = highlighted, True
        if on_path is not None and on_path != self.on_path:
            self.on_path, changed = on_path, True
        if changed:
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def _apply_size(self) -> None:
        width, height, border = _SIZES.get(self.info.influence, _SIZES[None])
        height += self.style.extra_height
        new = QRectF(-width / 2, -height / 2, width, height)
        if getattr(self, "_rect", None) != new:
            self.prepareGeometryChange()
        self._rect = new
        self._border = border

    @property
    def rect(self) -> QRectF:
        """The card's face in item coordinates (centred on 0, 0)."""
        return QRectF(self._rect)

    def scene_rect(self) -> QRectF:
        return self._rect.translated(self.pos())

    # -- QGraphicsItem -------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, _RADIUS, _RADIUS)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            if not self.placing:
                for line in self.lines:
                    line.refresh()
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update()
        return super().itemChange(change, value)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        del widget
        theme = self._theme
        rect = self._rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_marks(painter, rect)
        attitude = theme.attitude(self.info.attitude)
        border = theme.selection if selected else attitude
        width = max(self._border, 2.6) if selected else self._border
        painter.setPen(QPen(border, width))
        painter.setBrush(theme.card_fill(self.info.attitude))
        painter.drawRoundedRect(rect, _RADIUS, _RADIUS)
        if lod * self.style.name_px < _DETAIL_PX:
            return
        self._paint_stripe(painter, rect, attitude)
        self._paint_text(painter, rect)
        self._paint_footer(painter, rect)
        if self.info.inner_circle:
            self._paint_star(painter, QPointF(rect.right() - 9, rect.top() + 10))
        if self.drop_target:
            painter.setPen(QPen(theme.accent, 3.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), _RADIUS + 3, _RADIUS + 3)

    # -- painting parts ------------------------------------------------------------------
    def _paint_marks(self, painter: QPainter, rect: QRectF) -> None:
        """The glow of a highlighted person or one on the warm path, and the drop tint."""
        if not (self.highlighted or self.on_path or self.drop_target):
            return
        colour = QColor(self._theme.accent if self.drop_target else self._theme.glow)
        if self.on_path and not self.highlighted:
            colour = QColor(self._theme.path)
        colour.setAlpha(150)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect.adjusted(-6, -6, 6, 6), _RADIUS + 5, _RADIUS + 5)

    def _paint_stripe(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        stripe = QPainterPath()
        stripe.addRoundedRect(rect, _RADIUS, _RADIUS)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), _STRIPE, rect.height()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(stripe.intersected(clip))
        painter.setPen(QColor("#1b1c1f") if colour.lightness() > 150 else QColor("#ffffff"))
        small = self.style.small_px
        painter.setFont(self._fonts.small)
        sign = attitude_sign(self.info.attitude)
        cell = QRectF(rect.left(), rect.top() + 4, _STRIPE, small + 5)
        for char in sign:
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, char)
            cell.translate(0, small + 2)

    def _text_left(self, rect: QRectF) -> float:
        return rect.left() + _STRIPE + _PAD - 2

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        left = self._text_left(rect)
        right = rect.right() - (_PAD + 14 if self.info.inner_circle else _PAD)
        width = right - left
        fonts = self._fonts
        painter.setPen(self._theme.text)
        painter.setFont(fonts.name)
        metrics = QFontMetricsF(fonts.name)
        top = rect.top() + 6
        for line in wrap(metrics, self.info.name, width, self.style.name_lines):
            painter.drawText(QPointF(left, top + metrics.ascent()), line)
            top += metrics.height()
        if self.info.title:
            painter.setPen(self._theme.muted)
            painter.setFont(fonts.title)
            title_metrics = QFontMetricsF(fonts.title)
            title = title_metrics.elidedText(
                self.info.title, Qt.TextElideMode.ElideRight, rect.right() - _PAD - left
            )
            baseline = top + 1 + title_metrics.ascent()
            painter.drawText(QPointF(left, baseline), title)

    def _paint_footer(self, painter: QPainter, rect: QRectF) -> None:
        """Role badges from the left, owner initials from the right, on the bottom row."""
        size = self.style.owner_size
        fonts = self._fonts
        bottom = rect.bottom() - 6
        x = rect.right() - _PAD
        for text, function, _name in reversed(self.info.owners):
            circle = QRectF(x - size, bottom - size, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._theme.owner(function))
            painter.drawEllipse(circle)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(fonts.small)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, text)
            x -= size + 3
        limit = x - 4
        metrics = QFontMetricsF(fonts.badge)
        left = self._text_left(rect)
        height = self.style.badge_height
        top = bottom - height - 1.5
        shown = 0
        painter.setFont(fonts.badge)
        for index, (text, category) in enumerate(self.info.badges):
            width = metrics.horizontalAdvance(text) + 10
            rest = len(self.info.badges) - index - 1
            reserve = metrics.horizontalAdvance(f"+{rest}") + 12 if rest else 0
            if left + width + reserve > limit:
                break
            self._badge(painter, QRectF(left, top, width, height), text, category)
            left += width + 4
            shown += 1
        hidden = len(self.info.badges) - shown
        if hidden:
            text = f"+{hidden}"
            width = metrics.horizontalAdvance(text) + 10
            self._badge(painter, QRectF(left, top, width, height), text, "other")

    def _badge(self, painter: QPainter, box: QRectF, text: str, category: str) -> None:
        fill, colour = self._theme.badge(category)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_star(self, painter: QPainter, centre: QPointF) -> None:
        painter.setPen(QPen(QColor("#8a6100"), 1.0))
        painter.setBrush(QBrush(QColor("#ffc21a")))
        painter.drawPath(_star(centre, 7.5, 3.3))


def _star(centre: QPointF, outer: float, inner: float) -> QPainterPath:
    path = QPainterPath()
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = math.pi / 5 * point - math.pi / 2
        spot = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        if point == 0:
            path.moveTo(spot)
        else:
            path.lineTo(spot)
    path.closeSubpath()
    return path

"""A line between two cards, drawn by kind.

Reports-to is a solid line (dashed for a dotted-line manager); on the org chart it
runs as an elbow from the report's top edge to the manager's bottom edge, so the
reports of one manager share a bar. Influence is a blue arrow, curved so a pair who
influence each other show two lines, thicker as it gets stronger. Conflict is red
with a break mark in the middle. Lines end at the cards' edges, so arrowheads show.
"""

from __future__ import annotations

import itertools
import math
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from abm_planner.dmu.records import CONFLICTS_WITH, INFLUENCES, REPORTS_TO
from abm_planner.gui.views.dmu_map.map_theme import MapTheme
from abm_planner.services.stakeholder_lines import LineRow

if TYPE_CHECKING:
    from abm_planner.gui.views.dmu_map.card_item import CardItem

LINE_Z = 1.0
_INFLUENCE_WIDTH = {1: 1.2, 2: 2.0, 3: 3.2}
_ARROW = 10.0
_PICK_WIDTH = 10.0
_LONG_LINE = 700.0  # longer influence lines bend at one point instead of curving


def edge_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the ray from ``rect``'s centre towards ``towards`` leaves the rectangle."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale_x = (rect.width() / 2) / abs(dx) if dx else math.inf
    scale_y = (rect.height() / 2) / abs(dy) if dy else math.inf
    scale = min(scale_x, scale_y, 1.0)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


class LineItem(QGraphicsItem):
    """One stakeholder line; refreshes itself when either card moves."""

    def __init__(
        self,
        row: LineRow,
        source: CardItem,
        target: CardItem,
        theme: MapTheme,
        *,
        elbow: bool = False,
        placed: bool = True,
    ) -> None:
        """``placed=False``: the cards are not in place yet; ``refresh()`` comes later."""
        super().__init__()
        self.row = row
        self.source = source
        self.target = target
        self._theme = theme
        self.elbow = elbow
        self.on_path = False
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._points: list[QPointF] | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
        )
        self.setZValue(LINE_Z)
        source.lines.append(self)
        target.lines.append(self)
        self.setToolTip(self._describe())
        if placed:
            self.refresh()

    @property
    def line_id(self) -> uuid.UUID:
        return self.row.id

    @property
    def kind(self) -> str:
        return self.row.kind

    def detach(self) -> None:
        """Forget the cards (before the line leaves the scene)."""
        for card in (self.source, self.target):
            if self in card.lines:
                card.lines.remove(self)

    def _describe(self) -> str:
        a, b = self.source.info.name, self.target.info.name
        if self.kind == REPORTS_TO:
            text = "{a} reports to {b} (dotted line)" if self.row.dotted else "{a} reports to {b}"
        elif self.kind == INFLUENCES:
            text = {1: "{a} weakly influences {b}", 3: "{a} strongly influences {b}"}.get(
                self.row.strength, "{a} influences {b}"
            )
        else:
            text = "{a} and {b} are in conflict"
        return QCoreApplication.translate("DmuMapLine", text).format(a=a, b=b)

    def set_theme(self, theme: MapTheme) -> None:
        self._theme = theme
        self.update()

    def set_elbow(self, elbow: bool) -> None:
        if elbow != self.elbow:
            self.elbow = elbow
            self.refresh()

    def set_on_path(self, on: bool) -> None:
        if on != self.on_path:
            self.on_path = on
            self.update()

    # -- geometry ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the path from the cards' current places."""
        self.prepareGeometryChange()
        a, b = self.source.scene_rect(), self.target.scene_rect()
        self._arrow = QPolygonF()
        elbow = self.kind == REPORTS_TO and self.elbow and not self.row.dotted
        points: list[QPointF] | None
        if elbow and a.top() > b.bottom() + 12:
            middle = (a.top() + b.bottom()) / 2
            x1, x2 = a.center().x(), b.center().x()
            points = [
                QPointF(x1, a.top()),
                QPointF(x1, middle),
                QPointF(x2, middle),
                QPointF(x2, b.bottom()),
            ]
            path = QPainterPath()
        else:
            start, end = edge_point(a, b.center()), edge_point(b, a.center())
            path = QPainterPath(start)
            points = [start, end]
            if self.kind == INFLUENCES:
                points, self._arrow = self._influence_path(path, start, end, b)
        if points is not None:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
        self._path = path
        self._points = points
        self._shape = None
        grow = _ARROW + 6
        self._bounds = path.boundingRect().united(self._arrow.boundingRect())
        self._bounds.adjust(-grow, -grow, grow, grow)
        self.update()

    def _influence_path(
        self, path: QPainterPath, start: QPointF, end: QPointF, target: QRectF
    ) -> tuple[list[QPointF] | None, QPolygonF]:
        """Bend the line off the straight one (a pair who influence each other shows two
        lines); returns its points (None for a curve, drawn into ``path``) and the
        arrowhead. The stroke stops inside the arrowhead, so a thick line keeps a sharp tip.

        Long lines are two straight halves through the curve's middle: straight pieces
        can be clipped to the screen before stroking (see ``_stroke``).
        """
        line = QLineF(start, end)
        bend = min(40.0, line.length() * 0.15)
        normal = line.normalVector().unitVector()
        control = line.center() + QPointF(normal.dx() * bend, normal.dy() * bend)
        end = edge_point(target, control)
        size = _ARROW + self._width()
        full = QPainterPath(start)
        if line.length() > _LONG_LINE:
            middle = _quad_point(start, control, end, 0.5)
            full.lineTo(middle)
            full.lineTo(end)
            last = QLineF(middle, end)
            stop = last.pointAt(max(0.0, 1.0 - size * 0.6 / max(last.length(), 1.0)))
            return [start, middle, stop], _arrow_head(full, end, size)
        full.quadTo(control, end)
        t = max(0.0, 1.0 - size * 0.6 / max(full.length(), 1.0))
        path.quadTo(_lerp(start, control, t), _quad_point(start, control, end, t))
        return None, _arrow_head(full, end, size)

    def _width(self) -> float:
        if self.kind == INFLUENCES:
            return _INFLUENCE_WIDTH.get(self.row.strength, 2.0)
        return 2.2 if self.kind == CONFLICTS_WITH else 1.6

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(_PICK_WIDTH)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    # -- painting ------------------------------------------------------------------------
    def _colour(self) -> QColor:
        if self.kind == INFLUENCES:
            return self._theme.influence
        if self.kind == CONFLICTS_WITH:
            return self._theme.conflict
        return self._theme.reports

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        del widget
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self._width()
        exposed = option.exposedRect
        if self.on_path or option.state & QStyle.StateFlag.State_Selected:
            under = QColor(
                self._theme.path
                if not option.state & QStyle.StateFlag.State_Selected
                else self._theme.selection
            )
            under.setAlpha(170)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = QPen(under, width + 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            self._stroke(painter, pen, exposed)
        colour = self._colour()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.row.dotted:
            pen = QPen(colour, width, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
        else:
            pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap)
        self._stroke(painter, pen, exposed)
        if not self._arrow.isEmpty():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(self._arrow)
        if self.kind == CONFLICTS_WITH:
            self._paint_break(painter, colour, width)

    def _stroke(self, painter: QPainter, pen: QPen, exposed: QRectF) -> None:
        """Draw the path; a long straight-segment path only where it is exposed.

        Stroking a line thousands of pixels long costs Qt the same however little of it
        shows, and on a big org chart most lines run far off screen; clipping the
        segments first keeps a pan step of a 300-card map to a few milliseconds.
        Dashes keep their phase, so they do not crawl while panning.
        """
        points = self._points
        margin = pen.widthF() + 2
        box = exposed.adjusted(-margin, -margin, margin, margin)
        if points is None or box.contains(self._bounds):
            painter.setPen(pen)
            painter.drawPath(self._path)
            return
        dashed = pen.style() != Qt.PenStyle.SolidLine
        walked = 0.0
        for a, b in itertools.pairwise(points):
            piece = _clip(QLineF(a, b), box)
            if piece is not None:
                if dashed:
                    pen.setDashOffset((walked + QLineF(a, piece.p1()).length()) / pen.widthF())
                painter.setPen(pen)
                painter.drawLine(piece)
            walked += QLineF(a, b).length()

    def _paint_break(self, painter: QPainter, colour: QColor, width: float) -> None:
        """Two short strokes across the middle: a conflict reads without its colour."""
        middle = self._path.pointAtPercent(0.5)
        angle = self._path.angleAtPercent(0.5)
        painter.save()
        painter.translate(middle)
        painter.rotate(-angle)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for offset in (-3.5, 3.5):
            painter.drawLine(QPointF(offset - 2, -7), QPointF(offset + 2, 7))
        painter.restore()


def _clip(line: QLineF, box: QRectF) -> QLineF | None:
    """The part of ``line`` inside ``box`` (Liang–Barsky), or None."""
    x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x1 - box.left()),
        (dx, box.right() - x1),
        (-dy, y1 - box.top()),
        (dy, box.bottom() - y1),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return QLineF(x1 + dx * low, y1 + dy * low, x1 + dx * high, y1 + dy * high)


def _lerp(a: QPointF, b: QPointF, t: float) -> QPointF:
    return a + (b - a) * t


def _quad_point(start: QPointF, control: QPointF, end: QPointF, t: float) -> QPointF:
    """The point at ``t`` of the quadratic Bézier curve (de Casteljau)."""
    return _lerp(_lerp(start, control, t), _lerp(control, end, t), t)


def _arrow_head(path: QPainterPath, tip: QPointF, size: float) -> QPolygonF:
    angle = math.radians(path.angleAtPercent(1.0))
    back = QPointF(-math.cos(angle), math.sin(angle))  # Qt angles run counter-clockwise
    side = QPointF(-back.y(), back.x())
    base = tip + back * size
    half = size * 0.45
    return QPolygonF([tip, base + side * half, base - side * half])

"""The window onto the DMU canvas: zoom, pan, fit and the keys that act on the selection.

Ctrl+wheel zooms under the mouse (a plain wheel scrolls); dragging the background pans
(``ScrollHandDrag`` leaves presses on cards and lines to the scene); + and − zoom, 0
fits the whole map; Delete asks to delete the selection, Return to edit the selected
card, Escape clears a highlight.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from abm_planner.gui.views.dmu_map.map_scene import DmuScene

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
STEP = 1.25
FIT_MAX = 1.2  # fitting a small map does not blow the cards up
READABLE = 0.6  # the first view of a big map starts no smaller than this


class DmuView(QGraphicsView):
    """Shows a ``DmuScene``; reports zoom changes and key requests as signals."""

    zoom_changed = Signal(float)
    delete_requested = Signal()
    edit_requested = Signal()
    escape_pressed = Signal()

    def __init__(self, scene: DmuScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("dmuMapView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fit_max = FIT_MAX  # a projector may blow a small map up further

    def map_scene(self) -> DmuScene:
        scene = self.scene()
        assert isinstance(scene, DmuScene)
        return scene

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1.0) > 1e-9:
            self.scale(factor, factor)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / STEP)

    def fit(self) -> None:
        """Show the whole map (never larger than ``fit_max``)."""
        rect = self.sceneRect()  # the cards and a margin: no scroll bars once fitted
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > self.fit_max:
            self.set_zoom(self.fit_max)
            self.centerOn(rect.center())
        else:
            self.set_zoom(self.zoom)

    def show_readable(self, focus: QRectF | None = None) -> None:
        """Fit the map, but if that makes cards unreadable, zoom in on ``focus`` (its top)."""
        self.fit()
        if self.zoom >= READABLE:
            return
        self.set_zoom(READABLE)
        rect = focus or self.map_scene().content_rect()
        visible_height = self.viewport().height() / self.zoom
        self.centerOn(rect.center().x(), rect.top() + visible_height / 2 - 30)

    def ensure_rect_visible(self, rect: QRectF) -> None:
        """Bring ``rect`` into view, zooming out if it does not fit."""
        needed = rect.adjusted(-40, -40, 40, 40)
        view = self.viewport().rect()
        if needed.width() * self.zoom > view.width() or needed.height() * self.zoom > view.height():
            self.fitInView(needed, Qt.AspectRatioMode.KeepAspectRatio)
            self.set_zoom(min(self.zoom, self.fit_max))
        self.centerOn(needed.center())

    # -- events --------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        keys = Qt.Key
        if plain and key in (keys.Key_Plus, keys.Key_Equal):
            self.zoom_in()
        elif plain and key in (keys.Key_Minus, keys.Key_Underscore):
            self.zoom_out()
        elif plain and key == keys.Key_0:
            self.fit()
        elif key in (keys.Key_Delete, keys.Key_Backspace):
            self.delete_requested.emit()
        elif key in (keys.Key_Return, keys.Key_Enter):
            self.edit_requested.emit()
        elif key == keys.Key_Escape:
            self.escape_pressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

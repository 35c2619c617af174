"""Each account's DMU map as a vector drawing for the handout.

The map tab's own cards and lines draw it (``DmuScene``, light theme, no selection),
laid out by ``org_layout`` to fit the page's map box, unless the team arranged the
org chart by hand, in which case their arrangement is kept. The scene is painted
into an SVG held in memory: ``QGraphicsScene`` belongs to the widgets module and
stays on the thread that owns the application, while the SVG (plain bytes) can be
drawn into the PDF anywhere, with text as text and lines as lines.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from abm_planner.dmu.records import ORG_CHART, REPORTS_TO, AccountDMU
from abm_planner.errors import NotFoundError
from abm_planner.gui.report.org_layout import PrintLayout, compact_org_chart
from abm_planner.gui.views.dmu_map import map_export, map_jobs
from abm_planner.gui.views.dmu_map.card_item import card_size
from abm_planner.gui.views.dmu_map.map_content import CardLabels
from abm_planner.gui.views.dmu_map.map_scene import DmuScene
from abm_planner.gui.views.dmu_map.map_theme import MapTheme
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.plans import Plan
from abm_planner.services.stakeholder_lines import list_lines

CONNECTOR_WIDTH = 1.4
MARGIN = 16.0  # scene units around the cards


@dataclass(frozen=True, slots=True)
class MapBoxes:
    """Room for a map on a page (in the page's units): ``half`` shares the first page
    with the findings; a DMU that would be drawn smaller than ``min_scale`` there gets
    the ``whole`` page. Cards are never drawn larger than ``max_scale``."""

    half: tuple[float, float]
    whole: tuple[float, float]
    min_scale: float
    max_scale: float


@dataclass(frozen=True, slots=True)
class MapDrawing:
    """An SVG of the map, its size in scene units, and whether it takes a whole page."""

    svg: bytes
    width: float
    height: float
    whole_page: bool = False


def _layout(dmu: AccountDMU, boxes: MapBoxes) -> PrintLayout | None:
    """The compact chart, or None to keep the team's own org chart arrangement."""
    if dmu.positions.get(ORG_CHART):
        return None
    influence = {p.id: p.influence for p in dmu.people}

    def size(person: uuid.UUID) -> tuple[float, float]:
        return card_size(influence[person])

    layout = compact_org_chart(dmu, size, boxes.half, boxes.max_scale)
    if layout.scale >= boxes.min_scale:
        return layout
    return compact_org_chart(dmu, size, boxes.whole, boxes.max_scale)


def _paint(scene: DmuScene, layout: PrintLayout | None, boxes: MapBoxes) -> MapDrawing:
    rect = map_export.export_rect(scene).adjusted(
        map_export.MARGIN - MARGIN,
        map_export.MARGIN - MARGIN,
        MARGIN - map_export.MARGIN,
        MARGIN - map_export.MARGIN,
    )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if layout is not None:
        painter.save()
        painter.translate(-rect.topLeft())
        pen = QPen(scene.theme.reports, CONNECTOR_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        for line in layout.connectors:
            painter.drawPolyline([QPointF(x, y) for x, y in line])
        painter.restore()
    with map_export._for_output(scene):
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    half = min(boxes.half[0] / rect.width(), boxes.half[1] / rect.height())
    whole = half < boxes.min_scale
    return MapDrawing(bytes(buffer.data().data()), rect.width(), rect.height(), whole)


def draw_map(
    plan: Plan,
    account_id: uuid.UUID,
    labels: CardLabels,
    boxes: MapBoxes,
) -> MapDrawing | None:
    """One account's map for the page's ``boxes``; None when the account has nobody
    in its DMU. On the application's thread only."""
    try:
        dmu = load_account_dmu(plan, account_id)
        lines = list_lines(plan, account_id)
    except NotFoundError:
        return None
    if not dmu.people:
        return None
    scene = DmuScene(MapTheme.from_palette(QApplication.style().standardPalette()))
    try:
        scene.set_editable(False)
        scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)  # the page draws the map's panel
        scene.set_content(labels.cards(dmu), lines)
        layout = _layout(dmu, boxes)
        if layout is None:
            scene.set_positions(map_jobs.compute_layout(dmu, ORG_CHART))
        else:
            scene.set_positions(layout.positions)
            for line in scene.lines.values():  # the layout's connectors replace them
                if line.kind == REPORTS_TO and not line.row.dotted:
                    line.setVisible(False)
        return _paint(scene, layout, boxes)
    finally:
        scene.clear()


def draw_maps(
    plan: Plan,
    account_ids: Iterable[uuid.UUID],
    boxes: MapBoxes,
    progress: Callable[[int, int], None] | None = None,
) -> dict[uuid.UUID, MapDrawing]:
    """``draw_map`` for several accounts (those without people have no entry)."""
    ids = list(dict.fromkeys(account_ids))
    labels = CardLabels(plan)
    drawings = {}
    for done, account_id in enumerate(ids, start=1):
        drawing = draw_map(plan, account_id, labels, boxes)
        if drawing is not None:
            drawings[account_id] = drawing
        if progress is not None:
            progress(done, len(ids))
    return drawings

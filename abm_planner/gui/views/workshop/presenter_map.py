"""The presenter's org chart laid out compactly, so a wide DMU reads from the back of the room.

The map's own org chart gives every leaf a column: a 25-person account is fifteen cards
wide and fits a projector at a third of its size. Like the PDF handout, the presenter
then shows ``org_layout.compact_org_chart`` instead, sized for the map's viewport: a
manager's leaf reports hang in a column off a trunk, separate trees wrap into rows.
Its reporting connectors are one path item under the cards (the solid reports-to
lines, routed for the other layout, are hidden meanwhile).

Only when the team has not arranged the org chart by hand, and only on screen: these
positions are never written to the plan. A card dropped on empty space goes back to
its place (moving it would save a hand-set position for the desktop's chart); dropped
on another card it still makes that person the manager, an edit like any other.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from abm_planner.dmu.records import ORG_CHART, REPORTS_TO, Position
from abm_planner.gui.report.org_layout import compact_org_chart
from abm_planner.gui.views.dmu_map.card_item import card_size
from abm_planner.gui.views.dmu_map.line_item import LINE_Z
from abm_planner.gui.views.dmu_map.map_tab import DmuMapTab

CONNECTOR_WIDTH = 1.6  # as the map's own reporting lines
FIT_MARGIN = 60.0  # viewport pixels the fitted scene's margin takes, roughly


class CompactOrgChart:
    """Lays out ``tab``'s org chart compactly while the team has no hand-set one."""

    def __init__(self, tab: DmuMapTab, max_scale: float) -> None:
        self.tab = tab
        self.max_scale = max_scale
        self.positions: dict[uuid.UUID, Position] = {}
        self.connectors = QGraphicsPathItem()
        self.connectors.setZValue(LINE_Z)
        self.connectors.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.connectors.hide()
        tab.scene.addItem(self.connectors)
        tab.scene.cards_moved.disconnect(tab.store_positions)
        tab.scene.cards_moved.connect(self._on_cards_moved)
        # After the scene's own handler, which shows the solid lines again.
        tab.toolbar.show_lines[REPORTS_TO].toggled.connect(self._show_lines)

    @property
    def shown(self) -> bool:
        return bool(self.positions)

    def _wanted(self) -> bool:
        dmu = self.tab.dmu
        return (
            self.tab.view_name == ORG_CHART
            and dmu is not None
            and bool(dmu.people)
            and not dmu.positions.get(ORG_CHART)
        )

    def apply(self) -> None:
        """Show the compact chart for the viewport's size, or put the normal one back
        if the tab no longer wants it (influence view, hand-set positions, nobody)."""
        if not self._wanted():
            if self.shown:
                self.positions = {}
                self.connectors.hide()
                self._show_lines()
            return
        dmu = self.tab.dmu
        assert dmu is not None
        extra = self.tab.scene.card_style.extra_height
        influence = {p.id: p.influence for p in dmu.people}

        def size(person: uuid.UUID) -> tuple[float, float]:
            width, height = card_size(influence[person])
            return width, height + extra

        viewport = self.tab.view.viewport().size()
        box = (
            max(viewport.width() - FIT_MARGIN, 100.0),
            max(viewport.height() - FIT_MARGIN, 100.0),
        )
        layout = compact_org_chart(dmu, size, box, self.max_scale)
        self.positions = dict(layout.positions)
        self.tab.scene.set_positions(self.positions)
        path = QPainterPath()
        for line in layout.connectors:
            path.moveTo(*line[0])
            for point in line[1:]:
                path.lineTo(*point)
        self.connectors.setPath(path)
        self.refresh_pen()
        self._show_lines()

    def refresh_pen(self) -> None:
        """The theme's reporting-line colour (after a palette change too)."""
        pen = QPen(self.tab.scene.theme.reports, CONNECTOR_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.connectors.setPen(pen)

    def _show_lines(self) -> None:
        """Solid reporting lines while the normal chart shows, connectors while this one
        does; the toolbar's "Reporting lines" switch hides both."""
        wanted = self.tab.toolbar.show_lines[REPORTS_TO].isChecked()
        self.connectors.setVisible(wanted and self.shown)
        for line in self.tab.scene.lines.values():
            if line.kind == REPORTS_TO and not line.row.dotted:
                line.setVisible(wanted and not self.shown)

    def _on_cards_moved(self, moved: dict[uuid.UUID, Position]) -> None:
        if not self.shown:
            self.tab.store_positions(moved)
            return
        self.tab.scene.set_positions(self.positions)  # back in place: nothing is saved

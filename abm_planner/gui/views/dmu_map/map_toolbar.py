"""The map's toolbar: view switch, zoom, auto-layout, line drawing, line filter, export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton, QWidget

from abm_planner.dmu.records import CONFLICTS_WITH, INFLUENCE_MAP, INFLUENCES, ORG_CHART, REPORTS_TO


def _tr(text: str) -> str:
    return QCoreApplication.translate("DmuMapToolbar", text)


class MapToolbar(QToolBar):
    """Holds the actions; the tab connects them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dmuMapToolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMovable(False)
        self._add_views()
        self._add_zoom()
        self._add_editing()
        self._add_output()

    def _add_views(self) -> None:
        self.views = QActionGroup(self)
        self.org_chart = self._action(_tr("Org chart"), "dmuOrgChart", checkable=True)
        self.org_chart.setToolTip(_tr("Who reports to whom, top-down"))
        self.influence = self._action(_tr("Influence"), "dmuInfluence", checkable=True)
        self.influence.setToolTip(_tr("Who sways whom: a force-directed map of all lines"))
        for action, view in ((self.org_chart, ORG_CHART), (self.influence, INFLUENCE_MAP)):
            action.setData(view)
            self.views.addAction(action)
            self.addAction(action)
        self.org_chart.setChecked(True)
        self.addSeparator()

    def _add_zoom(self) -> None:
        self.zoom_out = self._action(_tr("−"), "dmuZoomOut")
        self.zoom_out.setToolTip(_tr("Zoom out (−, or Ctrl+wheel)"))
        self.zoom_label = QLabel("100 %", self)
        self.zoom_label.setObjectName("dmuZoomLabel")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in = self._action(_tr("+"), "dmuZoomIn")
        self.zoom_in.setToolTip(_tr("Zoom in (+, or Ctrl+wheel)"))
        self.addAction(self.zoom_out)
        self.addWidget(self.zoom_label)
        self.addAction(self.zoom_in)
        self.fit = self._action(_tr("Fit"), "dmuFit")
        self.fit.setToolTip(_tr("Show the whole map (0)"))
        self.addAction(self.fit)
        self.addSeparator()

    def _add_editing(self) -> None:
        self.auto_layout = self._action(_tr("Auto-layout"), "dmuAutoLayout")
        self.auto_layout.setToolTip(
            _tr("Forget the places you dragged cards to on this view and arrange them again")
        )
        self.addAction(self.auto_layout)

        self.drawing = QActionGroup(self)
        self.drawing.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.draw_influence = self._action(_tr("Draw influence"), "dmuDrawInfluence", True)
        self.draw_influence.setToolTip(
            _tr("Drag from one card to another to add an influence line (or Shift-drag)")
        )
        self.draw_influence.setData(INFLUENCES)
        self.draw_conflict = self._action(_tr("Draw conflict"), "dmuDrawConflict", True)
        self.draw_conflict.setToolTip(
            _tr("Drag from one card to another to mark a conflict (or Ctrl+Shift-drag)")
        )
        self.draw_conflict.setData(CONFLICTS_WITH)
        for action in (self.draw_influence, self.draw_conflict):
            self.drawing.addAction(action)
            self.addAction(action)

        self.line_menu = QMenu(_tr("Lines"), self)
        self.line_menu.setObjectName("dmuLineFilter")
        self.show_lines: dict[str, QAction] = {}
        for kind, text in (
            (REPORTS_TO, _tr("Reporting lines")),
            (INFLUENCES, _tr("Influence lines")),
            (CONFLICTS_WITH, _tr("Conflict lines")),
        ):
            action = self.line_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(True)
            action.setData(kind)
            self.show_lines[kind] = action
        self._menu_button(self.line_menu, "dmuLinesButton", _tr("Show or hide kinds of line"))
        self.addSeparator()

    def _add_output(self) -> None:
        self.export_menu = QMenu(_tr("Export"), self)
        self.export_menu.setObjectName("dmuExportMenu")
        self.export_png = self.export_menu.addAction(_tr("PNG image…"))
        self.export_png.setObjectName("dmuExportPng")
        self.export_svg = self.export_menu.addAction(_tr("SVG drawing…"))
        self.export_svg.setObjectName("dmuExportSvg")
        self.export_pdf = self.export_menu.addAction(_tr("PDF…"))
        self.export_pdf.setObjectName("dmuExportPdf")
        self.export_menu.addSeparator()
        self.print = self.export_menu.addAction(_tr("Print…"))
        self.print.setObjectName("dmuPrint")
        self._menu_button(
            self.export_menu, "dmuExportButton", _tr("Save the map as a picture or print it")
        )

    def _action(self, text: str, name: str, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(checkable)
        return action

    def _menu_button(self, menu: QMenu, name: str, tip: str) -> None:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(menu.title())
        button.setToolTip(tip)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(button)

    def set_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom:.0%}".replace("%", " %"))

    def set_editable(self, editable: bool) -> None:
        for action in (self.auto_layout, self.draw_influence, self.draw_conflict):
            action.setEnabled(editable)

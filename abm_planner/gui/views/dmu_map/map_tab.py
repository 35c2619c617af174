"""The "DMU map" tab: the canvas, its toolbar and the findings beside it, for one account.

Loading reads the account's DMU and lines (a few ms even for 300 people), lays out
the org chart on the spot and hands the force-directed influence view and the
analysis of big accounts (over ``map_jobs.INLINE_LIMIT`` people) to a worker thread.
Every edit becomes an undo command (``gui.commands.dmu_commands``); the plan then
announces the change and the tab loads again, just as after an undo or an edit in
the Stakeholders tab. A tab that is not on screen only notes that it is out of date.

On the influence view the cards keep their places when something changes: the
places the layout chose are pinned for the next layout, so only newcomers are
placed; Auto-layout forgets them along with the hand-set positions.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from abm_planner.dmu.records import INFLUENCE_MAP, ORG_CHART, AccountAnalysis, AccountDMU, Position
from abm_planner.errors import NotFoundError, UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.dmu_commands import AutoLayoutCommand, MoveCardsCommand
from abm_planner.gui.garbage_collection import background_work_ended, background_work_started
from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.dmu_map import map_jobs
from abm_planner.gui.views.dmu_map.findings_panel import FindingsPanel
from abm_planner.gui.views.dmu_map.map_content import CardLabels
from abm_planner.gui.views.dmu_map.map_editing import MapEditing
from abm_planner.gui.views.dmu_map.map_scene import DmuScene
from abm_planner.gui.views.dmu_map.map_theme import MapTheme
from abm_planner.gui.views.dmu_map.map_toolbar import MapToolbar
from abm_planner.gui.views.dmu_map.map_view import DmuView
from abm_planner.services.changes import Change
from abm_planner.services.dmu_analysis import load_account_dmu
from abm_planner.services.stakeholder_lines import list_lines


def _tr(text: str) -> str:
    return QCoreApplication.translate("DmuMapTab", text)


class DmuMapTab(QWidget):
    """The DMU map of the account given to ``show_account``."""

    layout_ready = Signal()  # cards are where the current view wants them
    analysis_ready = Signal()  # the findings panel shows the current analysis

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dmuMapTab")
        self.context = context
        self._account_id: uuid.UUID | None = None
        self.dmu: AccountDMU | None = None
        self.analysis: AccountAnalysis | None = None
        self.view_name = ORG_CHART
        self._stale = False
        self._fit_pending = True
        self._generation = 0
        self._layout_pending = False
        self._auto: dict[uuid.UUID, Position] = {}  # the influence layout's own choices
        self._pending: dict[int, map_jobs.JobSignals] = {}
        self.inline_limit = map_jobs.INLINE_LIMIT
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._labels: CardLabels | None = None

        self.scene = DmuScene(MapTheme.from_palette(self.palette()), self)
        self.view = DmuView(self.scene, self)
        self.view.setAccessibleName(_tr("DMU map"))
        self.toolbar = MapToolbar(self)
        self.panel = FindingsPanel(self)
        self.notice = QLabel(self.view)
        self.notice.setObjectName("dmuMapNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 270])
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self.editing = MapEditing(self)
        self._connect()
        self.scene.set_editable(not context.read_only)
        self.toolbar.set_editable(not context.read_only)
        context.events.changed.connect(self._on_changed)

    def _connect(self) -> None:
        bar, view, scene, panel = self.toolbar, self.view, self.scene, self.panel
        bar.views.triggered.connect(lambda action: self.set_view(action.data()))
        bar.zoom_in.triggered.connect(view.zoom_in)
        bar.zoom_out.triggered.connect(view.zoom_out)
        bar.fit.triggered.connect(view.fit)
        bar.auto_layout.triggered.connect(self.auto_layout)
        bar.drawing.triggered.connect(self._on_drawing)
        for kind, action in bar.show_lines.items():
            action.toggled.connect(partial(scene.set_kind_visible, kind))
        bar.export_png.triggered.connect(lambda: self.export_file("png"))
        bar.export_svg.triggered.connect(lambda: self.export_file("svg"))
        bar.export_pdf.triggered.connect(lambda: self.export_file("pdf"))
        bar.print.triggered.connect(self.print_map)
        view.zoom_changed.connect(bar.set_zoom)
        view.escape_pressed.connect(self.clear_highlight)
        scene.background_clicked.connect(self.clear_highlight)
        scene.cards_moved.connect(self.store_positions)
        panel.people_chosen.connect(self.highlight_people)
        panel.path_toggled.connect(self.show_warm_path)

    # -- what is shown -------------------------------------------------------------------
    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def show_account(self, account_id: uuid.UUID | None) -> None:
        if account_id != self._account_id:
            self._fit_pending = True
            self._auto = {}
            self.scene.clear_highlight()
            self.panel.show_analysis(None)
            self.analysis = None
        self._account_id = account_id
        self.reload()

    def selected_ids(self) -> list[uuid.UUID]:
        """The stakeholders selected on the map."""
        return self.scene.selected_card_ids()

    def set_view(self, view: str) -> None:
        """Switch between the org chart and the influence view."""
        if view == self.view_name:
            return
        self.view_name = view
        for action in self.toolbar.views.actions():
            action.setChecked(action.data() == view)
        self.scene.set_elbows(view == ORG_CHART)
        self._fit_pending = True
        self.reload()

    def reload(self) -> None:
        """Load the account again and show it (later, if the tab is not on screen)."""
        if not self.isVisible() and self._account_id is not None:
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        dmu = self._load()
        self.dmu = dmu
        if dmu is None:
            self.scene.set_content([], [])
            self.panel.show_analysis(None)
            self._show_notice("")
            self.layout_ready.emit()
            return
        big = len(dmu.people) > self.inline_limit
        positions, wanted = self._positions_now(dmu, big)
        self.scene.set_positions(positions)
        if wanted is None:
            self._layout_done()
        if big:
            self.panel.show_busy()
        else:
            self._show_analysis(map_jobs.compute_analysis(dmu))
        if wanted is not None or big:
            self._start_job(map_jobs.JobRequest(self._generation, dmu, wanted, big))
        if not dmu.people:
            self._show_notice(
                _tr("No stakeholders yet: add the people of this account in the Stakeholders tab.")
            )
        elif wanted is None:
            self._show_notice("")

    def _load(self) -> AccountDMU | None:
        if self._account_id is None:
            return None
        if self._labels is None:
            self._labels = CardLabels(self.context.plan)
        try:
            dmu = load_account_dmu(self.context.plan, self._account_id)
            lines = list_lines(self.context.plan, self._account_id)
        except NotFoundError:
            return None
        self.scene.set_content(self._labels.cards(dmu), lines)
        return dmu

    def _positions_now(
        self, dmu: AccountDMU, big: bool
    ) -> tuple[dict[uuid.UUID, Position], str | None]:
        """Positions to show now, and the view still to lay out in a worker (or None)."""
        if self.view_name == ORG_CHART:
            return map_jobs.compute_layout(dmu, ORG_CHART), None
        people = {p.id for p in dmu.people}
        self._auto = {i: p for i, p in self._auto.items() if i in people}
        pinned = {**self._auto, **dmu.positions.get(INFLUENCE_MAP, {})}
        if set(pinned) >= people:
            return pinned, None
        if not big:
            positions = map_jobs.compute_layout(self._with_pins(dmu, pinned), INFLUENCE_MAP)
            self._remember_auto(dmu, positions)
            return positions, None
        # Meanwhile: the org chart for newcomers, the known places for the rest.
        return {**map_jobs.compute_layout(dmu, ORG_CHART), **pinned}, INFLUENCE_MAP

    @staticmethod
    def _with_pins(dmu: AccountDMU, pinned: dict[uuid.UUID, Position]) -> AccountDMU:
        positions = dict(dmu.positions)
        positions[INFLUENCE_MAP] = pinned
        return replace(dmu, positions=positions)

    def _remember_auto(self, dmu: AccountDMU, positions: dict[uuid.UUID, Position]) -> None:
        hand = dmu.positions.get(INFLUENCE_MAP, {})
        self._auto = {i: p for i, p in positions.items() if i not in hand}

    def _layout_done(self) -> None:
        self._layout_pending = False
        if self._fit_pending and self.scene.cards:
            self._fit_pending = False
            self.view.show_readable(self.scene.top_row_rect())
        self.layout_ready.emit()

    # -- worker --------------------------------------------------------------------------
    def _start_job(self, request: map_jobs.JobRequest) -> None:
        signals = map_jobs.JobSignals()
        signals.done.connect(self._on_job_done)
        self._pending[request.generation] = signals
        if request.layout_view is not None:
            self._layout_pending = True
            self._show_notice(_tr("Arranging the influence view…"))
        background_work_started()
        self.pool.start(partial(map_jobs.run_job, request, signals, self._is_current))

    def _is_current(self, generation: int) -> bool:
        return generation == self._generation  # an int read: safe from a worker thread

    def _on_job_done(self, result: map_jobs.JobResult) -> None:
        background_work_ended()
        self._pending.pop(result.generation, None)
        if result.generation != self._generation or result.skipped or self.dmu is None:
            return
        if result.error is not None:
            self._show_notice(
                _tr("The map could not be arranged: {error}").format(error=result.error)
            )
            return
        if result.positions is not None and result.layout_view == self.view_name:
            self.scene.set_positions(result.positions)
            self._remember_auto(self.dmu, result.positions)
            self._show_notice("")
            self._layout_done()
        if result.analysis is not None:
            self._show_analysis(result.analysis)

    def wait_for_jobs(self, msecs: int = 30000) -> bool:
        """Block until the worker is idle (for tests and closing)."""
        return self.pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    # -- findings ------------------------------------------------------------------------
    def _show_analysis(self, analysis: AccountAnalysis) -> None:
        self.analysis = analysis
        self.panel.show_analysis(analysis)
        self.analysis_ready.emit()

    def highlight_people(self, ids: list[uuid.UUID]) -> None:
        """Light up these people (a finding or a ranked name was clicked) and show them."""
        self.scene.highlight(ids)
        self._bring_into_view(ids)

    def show_warm_path(self, on: bool) -> None:
        """Light up the warm path to the economic buyer (or switch it off)."""
        path = self.panel.warm_path_ids if on else []
        if on:
            self.panel.findings_list.clearSelection()
            self.panel.ranking_list.clearSelection()
        self.scene.highlight([], path)
        self._bring_into_view(path)

    def _bring_into_view(self, ids: list[uuid.UUID]) -> None:
        cards = [self.scene.cards[i] for i in ids if i in self.scene.cards]
        if cards:
            rect = cards[0].sceneBoundingRect()
            for card in cards[1:]:
                rect = rect.united(card.sceneBoundingRect())
            self.view.ensure_rect_visible(rect)

    def clear_highlight(self) -> None:
        self.scene.clear_highlight()
        self.panel.clear_choice()

    # -- edits ---------------------------------------------------------------------------
    def store_positions(self, moved: dict[uuid.UUID, Position]) -> None:
        """Cards dropped in a new place: they keep it on this view (one undo step)."""
        self.editing.run(MoveCardsCommand(self.context, self.view_name, moved))

    def auto_layout(self) -> None:
        """Forget the hand-set places on this view (undoable) and arrange everyone again."""
        if self._account_id is None:
            return
        self._auto = {}
        self._fit_pending = True
        hand = self.dmu.positions.get(self.view_name) if self.dmu is not None else None
        if hand:
            self.editing.run(AutoLayoutCommand(self.context, self._account_id, self.view_name))
        else:
            self.reload()

    def _on_drawing(self) -> None:
        checked = self.toolbar.drawing.checkedAction()
        self.scene.connect_kind = checked.data() if checked is not None else None
        cursor = Qt.CursorShape.CrossCursor if checked is not None else Qt.CursorShape.ArrowCursor
        self.view.viewport().setCursor(cursor)

    # -- output ------------------------------------------------------------------------
    def _title(self) -> str:
        account = self.dmu.account if self.dmu is not None else ""
        view = _tr("org chart") if self.view_name == ORG_CHART else _tr("influence map")
        return _tr("{account}: DMU {view}").format(account=account, view=view)

    def export_file(self, kind: str) -> Path | None:
        """Ask where to save the map as ``kind`` (png, svg, pdf) and write it there."""
        from abm_planner.gui.views.dmu_map import map_export

        if self.dmu is None:
            return None
        try:
            return map_export.ask_and_export(
                self.scene, kind, self.dmu.account, self._title(), self
            )
        except UserError as error:
            self.report(error)
            return None

    def print_map(self) -> bool:
        from abm_planner.gui.views.dmu_map import map_export

        if self.dmu is None:
            return False
        try:
            return map_export.print_map(self.scene, self._title(), self)
        except UserError as error:
            self.report(error)
            return False

    # -- staying current -----------------------------------------------------------------
    def _on_changed(self, changes: list[Change]) -> None:
        if self._account_id is None:
            return
        lookups = any(c.kind in LOOKUP_CHANGE_KINDS for c in changes)
        if lookups and self._labels is not None:
            self._labels.reload()
        if lookups or any(
            c.account_id == self._account_id or self._account_id in c.ids for c in changes
        ):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.scene.set_theme(MapTheme.from_palette(self.palette()))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_notice()

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._place_notice()

    def _place_notice(self) -> None:
        width = min(420, self.view.width() - 40)
        self.notice.setFixedWidth(max(width, 120))
        self.notice.adjustSize()
        self.notice.move((self.view.width() - self.notice.width()) // 2, 24)

    def report(self, error: UserError) -> None:
        actions.show_user_error(self, error)

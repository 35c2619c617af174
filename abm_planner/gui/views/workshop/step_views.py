"""One view per agenda step, each showing the workshop's current account.

The views reuse the app's own widgets wherever one exists (the score table with its
undoable edits, the DMU map, the objectives table, the timeline), so what the room
changes on the projector is the same edit, with the same Edit ▸ Undo, as in the main
window. Only what the main window has no single widget for is drawn here: the big
tier and fit-score figures and the account's needs with its whitespace.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import NotFoundError
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop.presenter_theme import EMBEDDED, PresenterType
from abm_planner.services.changes import Change

PRESENTER_FIT_MAX = 1.7  # a small DMU fills the screen: its cards grow with it
FINDINGS_WIDTH = 300  # the findings beside the map; the map takes the rest
OBJECTIVE_COLUMN_CAP = 270  # pixels at scale 1; longer titles wrap
TIMELINE_MAGNIFICATION = 1.5  # the timeline's rows, bars and labels at scale 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkshopSteps", text)


class StepView(Protocol):
    def show_account(self, account_id: uuid.UUID | None) -> None: ...


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("stepHeading")
    return label


class FigureCard(QFrame):
    """A big number or word with a caption under it, readable across the room."""

    def __init__(self, caption: str, parent: QWidget | None = None, *, word: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("—", self)
        self.value.setObjectName("bigWord" if word else "bigFigure")
        self.value.setWordWrap(True)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_figure(self, value: str, caption: str | None = None) -> None:
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)


class CriteriaTierView(QWidget):
    """Agree criteria and tier: tier, fit score and the suggested tier, over the scores."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        from abm_planner.gui.views.agreement.cell_editors import ScoreDelegate
        from abm_planner.gui.views.agreement.score_table import (
            CRITERION,
            JUSTIFICATION,
            SCORE,
            WEIGHT,
            ScoreTableModel,
        )

        super().__init__(parent)
        self.setObjectName("criteriaTierStep")
        self._context = context
        self._account_id: uuid.UUID | None = None
        self.tier = FigureCard(_tr("Agreed tier"), self, word=True)
        self.fit = FigureCard(_tr("Fit score of 100"), self)
        self.suggested = FigureCard(_tr("The criteria suggest"), self, word=True)
        figures = QHBoxLayout()
        for card in (self.tier, self.fit, self.suggested):
            figures.addWidget(card, 1)
        self.scores = ScoreTableModel(context, self)
        table = QTableView(self)
        table.setObjectName("presenterScoreTable")
        table.setModel(self.scores)
        table.setItemDelegateForColumn(SCORE, ScoreDelegate(table))
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = table.horizontalHeader()
        for column in (CRITERION, WEIGHT, SCORE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(JUSTIFICATION, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.addLayout(figures)
        layout.addWidget(table)
        layout.addStretch(1)
        context.events.changed.connect(self._on_changed)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.scores.set_account(account_id)
        self._refresh()

    def _refresh(self) -> None:
        from abm_planner.services.agreements import account_agreement

        if self._account_id is None:
            return
        try:
            agreement = account_agreement(self._context.plan, self._account_id)
        except NotFoundError:
            return
        judged = agreement.verdict
        self.tier.set_figure(judged.assigned.label if judged.assigned else _tr("No tier"))
        score = agreement.fit_score
        self.fit.set_figure(
            "—" if score is None else f"{score:.0f}",
            _tr("Fit score of 100 · {n} of {m} criteria scored").format(
                n=agreement.scored, m=len(agreement.scores)
            ),
        )
        suggested = judged.suggested.label if judged.suggested else "—"
        if judged.direction == "agrees":
            caption = _tr("The criteria agree with the tier")
        elif judged.disagrees:
            caption = _tr("The criteria suggest a {way} tier").format(
                way=_tr("higher") if judged.direction == "higher" else _tr("lower")
            )
        else:
            caption = _tr("Score the criteria to see a suggestion")
        self.suggested.set_figure(suggested, caption)
        self.suggested.value.setStyleSheet("color: #ff7b72;" if judged.disagrees else "")

    def _on_changed(self, changes: list[Change]) -> None:
        if self._account_id is not None and any(
            c.kind in ("account", "criterion", "plan", "score", "vocabulary_term")
            or c.account_id == self._account_id
            for c in changes
        ):
            self._refresh()


class DmuStepView(QWidget):
    """Map the DMU: the account's DMU map and its findings, as in the account tab.

    The map is the app's own, with the projector's card style (larger type, names on
    two lines) and fitted to the screen whenever the step comes up, so the room sees
    the whole buying group at once; Ctrl+= then zooms in on it. Unless the team set
    the org chart by hand, it is laid out compactly for the screen (``presenter_map``).
    """

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        from abm_planner.gui.views.dmu_map.card_style import PRESENTER_CARDS
        from abm_planner.gui.views.dmu_map.map_tab import DmuMapTab
        from abm_planner.gui.views.workshop.presenter_map import CompactOrgChart

        super().__init__(parent)
        self.setObjectName("dmuStep")
        self.map = DmuMapTab(context, self)
        self.map.scene.set_card_style(PRESENTER_CARDS)
        self.map.view.fit_max = PRESENTER_FIT_MAX
        self.map.splitter.setSizes([1000, FINDINGS_WIDTH])
        # Large type: long lines end in "…" and headings wrap; a sideways scroll bar would
        # cover the fifth name of the ranking.
        for findings in self.map.findChildren(QListWidget):
            findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            findings.setUniformItemSizes(True)
        for label in self.map.panel.findChildren(QLabel):
            label.setWordWrap(True)
        self.compact = CompactOrgChart(self.map, PRESENTER_FIT_MAX)
        self.map.layout_ready.connect(self._on_layout_ready)
        for action in (self.map.toolbar.zoom_in, self.map.toolbar.zoom_out):
            action.triggered.connect(self._stop_fitting)
        self._fitting = True  # fit again on resizes until someone zooms by hand
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.map)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        if account_id != self.map.account_id:
            self._fitting = True
        self.map.show_account(account_id)

    def fit(self) -> None:
        """The whole DMU in view, as large as the screen allows."""
        self._fitting = True
        self._fit_if_pending()

    def _on_layout_ready(self) -> None:
        self.compact.apply()
        if self._fitting and self.map.scene.cards:
            self.map.view.fit()

    def _fit_if_pending(self) -> None:
        if self._fitting and self.map.scene.cards:
            if self.compact.shown:  # laid out again for the screen's new shape
                self.compact.apply()
            self.map.view.fit()

    def _stop_fitting(self) -> None:
        self._fitting = False

    def apply_type(self, kind: PresenterType) -> None:
        """Room for the zoom percentage at the presenter's type size."""
        font = kind.font(EMBEDDED["dmuMapTab"])
        self.map.toolbar.zoom_label.setMinimumWidth(
            QFontMetrics(font).horizontalAdvance("888 %") + 8
        )

    def zoom(self, steps: int) -> None:
        self._fitting = False
        for _ in range(abs(steps)):
            (self.map.view.zoom_in if steps > 0 else self.map.view.zoom_out)()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Entering the step: fit the map to the screen again."""
        super().showEvent(event)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_if_pending()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # once the map has its new theme
            QTimer.singleShot(0, self, self.compact.refresh_pen)


class NeedsObjectivesView(QWidget):
    """Needs and objectives: what the customer needs, our whitespace, the objectives."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        from abm_planner.gui.views.agreement.objectives_tab import ObjectivesTab

        super().__init__(parent)
        self.setObjectName("needsObjectivesStep")
        self._context = context
        self._account_id: uuid.UUID | None = None
        self.needs = _text_view(self, "accountNeeds")
        self.whitespace = _text_view(self, "accountWhitespace")
        self.objectives = ObjectivesTab(context, self)
        self.objectives.table.setWordWrap(True)
        self._row_height = 0
        self._column_cap = OBJECTIVE_COLUMN_CAP
        needs = QVBoxLayout()
        needs.addWidget(heading(_tr("Needs"), self))
        needs.addWidget(self.needs, 1)
        whitespace = QVBoxLayout()
        whitespace.addWidget(heading(_tr("Whitespace"), self))
        whitespace.addWidget(self.whitespace, 1)
        top = QHBoxLayout()
        top.setSpacing(32)
        top.addLayout(needs, 3)
        top.addLayout(whitespace, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        layout.addLayout(top, 2)
        layout.addWidget(heading(_tr("Objectives"), self))
        layout.addWidget(self.objectives, 3)
        context.events.changed.connect(self._on_changed)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.objectives.show_account(account_id)
        self._fit_columns()
        self._refresh()

    def apply_type(self, kind: PresenterType) -> None:
        """Objective rows as tall as the presenter's type (the desktop's are too short)."""
        metrics = QFontMetrics(kind.font(EMBEDDED["objectivesTab"]))
        self._row_height = metrics.height() + round(10 * kind.scale)
        self._column_cap = round(OBJECTIVE_COLUMN_CAP * kind.scale)
        # Column widths follow the new font once the style sheet has been applied.
        QTimer.singleShot(0, self, self._fit_columns)

    def _fit_columns(self) -> None:
        """Columns as wide as their text up to a cap, long titles wrapped onto more lines,
        so the status and owner columns stay on screen."""
        table = self.objectives.table
        table.resizeColumnsToContents()
        for column in range(table.model().columnCount()):
            if table.columnWidth(column) > self._column_cap:
                table.setColumnWidth(column, self._column_cap)
        table.resizeRowsToContents()
        for row in range(table.model().rowCount()):
            table.setRowHeight(row, max(table.rowHeight(row), self._row_height))

    def _refresh(self) -> None:
        from abm_planner.services.accounts import get_account
        from abm_planner.services.lookups import vocabulary
        from abm_planner.services.whitespace import whitespace_map

        if self._account_id is None:
            return
        plan = self._context.plan
        try:
            needs = str(get_account(plan, self._account_id).get("needs") or "")
        except NotFoundError:
            return
        self.needs.setPlainText(needs or _tr("No needs recorded yet."))
        statuses = {term.id: term.label for term in vocabulary(plan, vocab.WHITESPACE)}
        grid = whitespace_map(plan)
        rows = []
        for solution in grid.solutions:
            status = grid.cells.get((self._account_id, solution.id))
            label = statuses.get(status, "") if status else _tr("not assessed")
            rows.append(
                f"<tr><td><b>{_escape(solution.name)}</b></td>"
                f'<td style="padding-left: 12px">{_escape(label)}</td></tr>'
            )
        self.whitespace.setHtml(
            f"<table>{''.join(rows)}</table>" if rows else _tr("No solutions in the plan.")
        )

    def _on_changed(self, changes: list[Change]) -> None:
        if self._account_id is not None and any(
            c.kind in ("account", "whitespace", "solution", "plan", "vocabulary_term")
            for c in changes
        ):
            self._refresh()


class PlaysTimelineView(QWidget):
    """Plays and timeline: the account's plays, marketing lane above sales."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        from abm_planner.gui.views.plays.timeline_tab import TimelineTab

        super().__init__(parent)
        self.setObjectName("playsTimelineStep")
        self.timeline = TimelineTab(context, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.timeline)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self.timeline.show_account(account_id)

    def apply_type(self, kind: PresenterType) -> None:
        """The chart drawn larger: rows, bars, labels and the calendar grow together."""
        self.timeline.view.set_magnification(TIMELINE_MAGNIFICATION * kind.scale)


class CustomStepView(QWidget):
    """A step the team added to the agenda: its title, and room for decisions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customStep")
        self.title = heading("", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            _tr("Press D to record a decision, A to record an action, E for estimates."), self
        )
        hint.setObjectName("muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addStretch(2)

    def show_title(self, title: str) -> None:
        self.title.setText(title)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        del account_id


def _text_view(parent: QWidget, name: str) -> QTextBrowser:
    """Read-only text that scrolls when it is longer than the space (needs can be long)."""
    view = QTextBrowser(parent)
    view.setObjectName("presenterText")
    view.setAccessibleName(name)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""The Plays tab: one account's plays, its touches per person, and its clashes and gaps.

Top: the plays assigned to the account (add, edit by double-click, delete). Bottom
left: every stakeholder's touches against the threshold for a viable lead, with
the account's total. Bottom right: what the play checks found, with library plays
to assign in one click. Every change is an undo command; the tab reloads when the
plan says something of this account (or the library, or the team) changed.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.models.record_table import ID_ROLE, RECORD_ROLE
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.plays import play_actions
from abm_planner.gui.views.plays.checks_panel import ChecksPanel
from abm_planner.gui.views.plays.play_tables import (
    TOUCHES_COLUMN,
    PlayTableModel,
    ThresholdDelegate,
    TouchTallyModel,
    record_table_view,
)
from abm_planner.plays.touches import summarise
from abm_planner.services.changes import Change
from abm_planner.services.play_checks import account_checks
from abm_planner.services.plays import list_assignments
from abm_planner.services.touches import people_touches, touch_settings

# Changes after which the tab reloads whatever account it shows.
PLAN_WIDE = frozenset({"plan", "play_template", "team_member", "vocabulary", "vocabulary_term"})
ACCOUNT_KINDS = frozenset({"play", "touch", "stakeholder", "account", "stakeholder_line"})


class PlaysTab(QWidget):
    """Plays, touches and checks of the shown account."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playsTab")
        self._context = context
        self._account_id: uuid.UUID | None = None
        self._reload_pending = False
        self.plays_model = PlayTableModel(self)
        self.people_model = TouchTallyModel(self)

        self.add_button = self._button("addPlay", self.tr("Assign play…"), self.add_play)
        self.edit_button = self._button("editPlay", self.tr("Edit…"), self.edit_selected)
        self.delete_button = self._button("deletePlay", self.tr("Delete"), self.delete_selected)
        self.touch_button = self._button("logTouch", self.tr("Log touch…"), self.log_touch)
        self.touch_log_button = self._button(
            "openTouchLog", self.tr("Touch log…"), self.open_touch_log
        )
        self.touch_log_button.setToolTip(
            self.tr("Every logged touch of this account, to correct or delete one")
        )
        self.library_button = self._button(
            "openPlayLibrary", self.tr("Play library…"), self.open_library
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("touchSummary")
        self.summary.setWordWrap(True)

        self.plays_table = record_table_view(self, "playTable", self.tr("Plays of this account"))
        self.plays_table.setModel(self.plays_model)
        self.plays_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.plays_table.doubleClicked.connect(self._on_double_click)
        self.plays_table.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self._update_controls()
        )
        for column, width in ((0, 220), (5, 200), (6, 120), (7, 120)):
            self.plays_table.horizontalHeader().resizeSection(column, width)
        self.plays_table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by start date
        delete = QAction(self.tr("Delete play"), self.plays_table)
        delete.setShortcuts(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.plays_table.addAction(delete)

        self.people_table = record_table_view(
            self, "touchTable", self.tr("Touches per stakeholder")
        )
        self.people_table.setModel(self.people_model)
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._threshold_delegate = ThresholdDelegate(self.people_table)
        self.people_table.setItemDelegateForColumn(TOUCHES_COLUMN, self._threshold_delegate)
        for column, width in enumerate((170, 36, 130, 90, 76, 56, 90)):
            self.people_table.horizontalHeader().resizeSection(column, width)
        self.people_table.doubleClicked.connect(self._on_person_double_click)

        self.checks = ChecksPanel(self)
        self.checks.assign_requested.connect(self._assign)
        self.checks.join_requested.connect(self._join)
        self._build_layout()
        context.events.changed.connect(self._on_plan_changed)
        self._update_controls()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.touch_button)
        buttons.addWidget(self.touch_log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.library_button)
        people = QWidget(self)
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.summary)
        people_layout.addWidget(self.people_table, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(people)
        bottom.addWidget(self.checks)
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([500, 500])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("playsSplitter")
        split.addWidget(self.plays_table)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    # -- showing ----------------------------------------------------------------------
    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        """Read the account's plays, touches and checks again."""
        self._reload_pending = False
        account_id = self._account_id
        plan = self._context.plan
        if account_id is None:
            self.plays_model.set_records([])
            self.people_model.set_records([])
            self.checks.show_checks(None)
            self.summary.clear()
            self._update_controls()
            return
        try:
            self.plays_model.set_records(list_assignments(plan, account_id))
            people = people_touches(plan, account_id)
            self.people_model.set_records(people)
            self.checks.show_checks(account_checks(plan, account_id))
        except UserError:
            # The account went away under us (deleted elsewhere); the workspace follows.
            self.plays_model.set_records([])
            self.people_model.set_records([])
            self.checks.show_checks(None)
            return
        threshold = touch_settings(plan).touch_threshold
        summary = summarise((p.tally for p in people), threshold)
        self.summary.setText(
            self.tr(
                "{reached} of {people} stakeholders have reached {threshold} touches · "
                "{total} touches in all ({marketing} marketing, {sales} sales), "
                "{recent} in the last 90 days"
            ).format(
                reached=summary.reached,
                people=summary.people,
                threshold=threshold,
                total=summary.total,
                marketing=summary.marketing,
                sales=summary.sales,
                recent=summary.recent,
            )
        )
        self._update_controls()

    @property
    def reload_pending(self) -> bool:
        """A change arrived and the reload it asks for has not run yet."""
        return self._reload_pending

    def selected_ids(self) -> list[uuid.UUID]:
        rows = self.plays_table.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def select_play(self, assignment_id: uuid.UUID) -> None:
        row = self.plays_model.row_of(assignment_id)
        if row is not None:
            self.plays_table.selectRow(row)

    # -- acting -----------------------------------------------------------------------
    def add_play(self) -> None:
        if self._account_id is not None:
            created = play_actions.add_play(self._context, self._account_id, self)
            if created is not None:
                self.select_play(created)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            play_actions.edit_play(self._context, ids[0], self)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        names = [self.plays_model.record_by_id(i).name for i in ids]  # type: ignore[union-attr]
        play_actions.delete_plays(self._context, ids, names, self)

    def log_touch(self) -> None:
        if self._account_id is None:
            return
        person = self.people_table.currentIndex().data(ID_ROLE)
        plays = self.selected_ids()
        play_actions.log_touch(
            self._context,
            self._account_id,
            self,
            stakeholder_id=person,
            assignment_id=plays[0] if len(plays) == 1 else None,
        )

    def open_touch_log(self) -> None:
        """The account's touches one by one (the selected stakeholder's first)."""
        from abm_planner.gui.views.plays.touch_log_dialog import open_touch_log
        from abm_planner.services.accounts import get_account

        if self._account_id is None:
            return
        try:
            name = str(get_account(self._context.plan, self._account_id)["name"])
        except UserError as error:
            actions.show_user_error(self, error)
            return
        person = self.people_table.currentIndex().data(ID_ROLE)
        open_touch_log(self._context, self._account_id, name, self, stakeholder_id=person)

    def open_library(self) -> None:
        from abm_planner.gui.views.plays.library_editor import open_play_library

        open_play_library(self._context, self)

    def _assign(self, template_id: uuid.UUID, stakeholder_ids: list[uuid.UUID]) -> None:
        if self._account_id is None:
            return
        created = play_actions.assign_template(
            self._context, self._account_id, template_id, stakeholder_ids, self
        )
        if created is not None:
            self.select_play(created)

    def _join(self, assignment_id: uuid.UUID, stakeholder_ids: list[uuid.UUID]) -> None:
        if play_actions.add_targets(self._context, assignment_id, stakeholder_ids, self):
            self.select_play(assignment_id)

    def _on_double_click(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            play_actions.edit_play(self._context, record.id, self)

    def _on_person_double_click(self, index: QModelIndex) -> None:
        if self._account_id is not None:
            play_actions.log_touch(
                self._context, self._account_id, self, stakeholder_id=index.data(ID_ROLE)
            )

    # -- reacting ---------------------------------------------------------------------
    def _on_plan_changed(self, changes: list[Change]) -> None:
        account_id = self._account_id
        if account_id is None or self._reload_pending:
            return
        relevant = any(
            c.kind in PLAN_WIDE or (c.kind in ACCOUNT_KINDS and c.account_id == account_id)
            for c in changes
        )
        if relevant:
            # One reload for a burst of changes (a macro of several deletes, an undo).
            self._reload_pending = True
            QTimer.singleShot(0, self, self.reload)

    def _update_controls(self) -> None:
        writable = not self._context.read_only and self._account_id is not None
        selected = bool(self.plays_table.selectionModel().selectedRows())
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected)
        self.delete_button.setEnabled(writable and selected)
        self.touch_button.setEnabled(writable)
        self.touch_log_button.setEnabled(self._account_id is not None)
        self.library_button.setEnabled(True)
        self.checks.set_writable(writable)

"""The account's touch log: every logged touch, to correct or delete one.

The Plays tab counts touches per person; this window lists them one by one (newest
first, or filtered to one stakeholder), because a touch logged on the wrong person,
day or play must be fixable and a duplicate removable. Edits and deletes are undo
commands on the plan's stack (Ctrl+Z works here too); the list follows every change
of the account, whoever made it, and keeps the selected touch selected.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands.play_commands import DeleteTouchCommand, EditTouchCommand
from abm_planner.gui.models.record_table import (
    ID_ROLE,
    RIGHT,
    Column,
    RecordTableModel,
    text_key,
)
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.choices import find_choice
from abm_planner.gui.views.plays.play_tables import record_table_view
from abm_planner.gui.views.plays.touch_dialog import FUNCTION_LABELS, LogTouchDialog, TouchChoices
from abm_planner.services.changes import Change
from abm_planner.services.touches import TouchRow, list_touches, touch_values

RELOAD_KINDS = frozenset({"touch", "stakeholder", "play", "account"})
PLAN_WIDE = frozenset({"plan", "team_member", "vocabulary", "vocabulary_term"})

TOUCH_COLUMNS: tuple[Column[TouchRow], ...] = (
    Column("Date", lambda t: t.occurred_on.isoformat(), lambda t: t.occurred_on, RIGHT),
    Column("Stakeholder", lambda t: t.stakeholder, lambda t: text_key(t.stakeholder)),
    Column("Channel", lambda t: t.channel, lambda t: text_key(t.channel)),
    Column("By", lambda t: t.by, lambda t: text_key(t.by)),
    Column("Function", lambda t: FUNCTION_LABELS.get(t.function, t.function), lambda t: t.function),
    Column("Play", lambda t: t.play, lambda t: text_key(t.play)),
    Column("Notes", lambda t: t.notes.replace("\n", " "), lambda t: text_key(t.notes)),
)
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value


class TouchLogModel(RecordTableModel[TouchRow]):
    """One row per logged touch; long notes in a tooltip."""

    translation_context = "TouchLogModel"
    extra_roles = frozenset({TOOLTIP})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(TOUCH_COLUMNS, lambda t: t.id, parent)

    def extra_data(self, record: TouchRow, column: Column[TouchRow], role: int) -> Any:
        if role == TOOLTIP and column.title == "Notes":
            return record.notes or None
        return None


class TouchLogDialog(QDialog):
    """The touches of one account; ``stakeholder_id`` shows only that person's at first."""

    def __init__(
        self,
        context: PlanContext,
        account_id: uuid.UUID,
        account_name: str,
        parent: QWidget | None = None,
        *,
        stakeholder_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("touchLogDialog")
        self.setWindowTitle(self.tr("Touch log — {account}").format(account=account_name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.account_id = account_id
        self._reload_pending = False
        self.model = TouchLogModel(self)

        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("touchLogPerson")
        self.person_combo.setAccessibleName(self.tr("Show the touches of"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("touchLogCount")
        self.table = self._build_table()
        self.log_button = QPushButton(self.tr("&Log touch…"), self)
        self.log_button.setObjectName("logTouchFromLog")
        self.log_button.clicked.connect(self.log_touch)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.edit_button.setObjectName("editTouch")
        self.delete_button.setObjectName("deleteTouch")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self._build_layout()
        self._add_undo_keys()

        self._fill_people(stakeholder_id)
        self.person_combo.currentIndexChanged.connect(lambda _i: self.reload())
        context.events.changed.connect(self._on_plan_changed)
        self.resize(960, 480)
        self.reload()

    def _build_table(self) -> QTableView:
        table = record_table_view(self, "touchLogTable", self.tr("Logged touches"))
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((90, 180, 110, 130, 90, 170)):
            table.horizontalHeader().resizeSection(column, width)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.doubleClicked.connect(self._on_double_click)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_controls())
        delete = QAction(self.tr("Delete touch"), table)
        delete.setShortcuts(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        table.addAction(delete)
        return table

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("&Show:"), self)
        label.setBuddy(self.person_combo)
        top.addWidget(label)
        top.addWidget(self.person_combo, 1)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _add_undo_keys(self) -> None:
        # The main window's Ctrl+Z does not reach a separate window: give this one its own.
        stack = self.context.undo_stack
        for action in (stack.createUndoAction(self), stack.createRedoAction(self)):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.actions()[0].setShortcuts(QKeySequence.StandardKey.Undo)
        self.actions()[1].setShortcuts(QKeySequence.StandardKey.Redo)

    def _fill_people(self, chosen: uuid.UUID | None) -> None:
        combo = self.person_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Everyone in the account"), None)
        try:
            people = TouchChoices.for_account(self.context.plan, self.account_id).people
        except UserError:
            people = []
        for name, person_id in people:
            combo.addItem(name, person_id)
        combo.setCurrentIndex(max(find_choice(combo, chosen), 0))
        combo.blockSignals(False)

    # -- reading -----------------------------------------------------------------------

    def person_id(self) -> uuid.UUID | None:
        return self.person_combo.currentData()  # type: ignore[no-any-return]

    def reload(self) -> None:
        """Read the account's touches again, keeping the selected ones selected."""
        self._reload_pending = False
        selected = set(self.selected_ids())
        try:
            rows = list_touches(self.context.plan, self.account_id)
        except UserError:
            rows = []
        person = self.person_id()
        if person is not None:
            rows = [row for row in rows if row.stakeholder_id == person]
        self.model.set_records(rows)
        count = len(rows)
        if count == 0:
            text = self.tr("No touches logged yet: Log touch… adds one.")
        elif count == 1:
            text = self.tr("1 touch")
        else:
            text = self.tr("{n} touches").format(n=f"{count:,}")
        self.count_label.setText(text)
        selection = self.table.selectionModel()
        for touch_id in selected:
            row = self.model.row_of(touch_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self._update_controls()

    def selected_ids(self) -> list[uuid.UUID]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def _update_controls(self) -> None:
        writable = not self.context.read_only
        count = len(self.table.selectionModel().selectedRows())
        self.log_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and count == 1)
        self.delete_button.setEnabled(writable and count >= 1)

    def _on_plan_changed(self, changes: list[Change]) -> None:
        if self._reload_pending:
            return
        if any(c.kind == "stakeholder" and c.account_id == self.account_id for c in changes):
            self._fill_people(self.person_id())
        relevant = any(
            c.kind in PLAN_WIDE or (c.kind in RELOAD_KINDS and c.account_id == self.account_id)
            for c in changes
        )
        if relevant:
            self._reload_pending = True
            QTimer.singleShot(0, self, self.reload)

    # -- changing ----------------------------------------------------------------------

    def log_touch(self) -> None:
        """Log another touch (on the person shown, if one is) and select it."""
        from abm_planner.gui.views.plays import play_actions

        logged = play_actions.log_touch(
            self.context, self.account_id, self, stakeholder_id=self.person_id()
        )
        if logged is not None:
            self.reload()
            row = self.model.row_of(logged)
            if row is not None:
                self.table.selectRow(row)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and not self.context.read_only:
            self.edit_touch(index.data(ID_ROLE))

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_touch(ids[0])

    def edit_touch(self, touch_id: uuid.UUID) -> bool:
        """Open the touch in the touch dialog; save the corrections as one undo step."""
        if actions.refuse_if_read_only(self.context, self):
            return False
        try:
            values = touch_values(self.context.plan, touch_id)
            choices = TouchChoices.for_account(self.context.plan, self.account_id)
        except UserError as error:
            actions.show_user_error(self, error)
            return False
        dialog = self.touch_dialog(choices)
        dialog.show_touch(values)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        changed = dict(dialog.values(), stakeholder_id=dialog.stakeholder_id())
        changes = {k: v for k, v in changed.items() if values.get(k) != v}
        if not changes:
            return False
        command = EditTouchCommand(self.context, touch_id, changes, dialog.stakeholder_name())
        return actions.push_reporting(self.context, command, self)

    def touch_dialog(self, choices: TouchChoices) -> LogTouchDialog:
        """The dialog that corrects a touch (a hook for tests, which answer it)."""
        return LogTouchDialog(choices, self)

    def delete_selected(self) -> None:
        """Delete the selected touches as one undo step; no question, Undo brings them back."""
        ids = self.selected_ids()
        if not ids or actions.refuse_if_read_only(self.context, self):
            return
        names = {row.id: row.stakeholder for row in self.model.records}
        commands = [DeleteTouchCommand(self.context, i, names.get(i, "")) for i in ids]
        if len(commands) == 1:
            actions.push_reporting(self.context, commands[0], self)
            return
        text = self.tr("Delete {n} touches").format(n=len(commands))
        actions.push_macro(self.context, text, commands, self)


def open_touch_log(
    context: PlanContext,
    account_id: uuid.UUID,
    account_name: str,
    parent: QWidget,
    *,
    stakeholder_id: uuid.UUID | None = None,
) -> TouchLogDialog:
    """Show the account's touch log (one window per account: raise it if open)."""
    for dialog in parent.findChildren(TouchLogDialog):
        if dialog.account_id == account_id and dialog.isVisible():
            if stakeholder_id is not None:
                index = find_choice(dialog.person_combo, stakeholder_id)
                dialog.person_combo.setCurrentIndex(max(index, 0))
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = TouchLogDialog(
        context, account_id, account_name, parent, stakeholder_id=stakeholder_id
    )
    dialog.show()
    return dialog

"""The Objectives and metrics tab: the customer's goals and ours for one account.

A table of kind, title, metric, target, actual, unit, owner, due date, status and
(for relationship objectives) the stakeholder; edited in place, added and deleted
with buttons or the Delete key. Every change is one undo command.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from abm_planner.domain import vocabularies as vocab
from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.commands import push
from abm_planner.gui.commands.agreement_commands import (
    delete_objective_command,
    new_objective_command,
)
from abm_planner.gui.models.record_table import ID_ROLE, RECORD_ROLE
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.cell_editors import DateDelegate, FixedChoiceDelegate
from abm_planner.gui.views.agreement.objective_table import (
    OBJECTIVE_COLUMN_FIELDS,
    ObjectiveTableModel,
)
from abm_planner.gui.views.delegates import MemberDelegate, TermDelegate
from abm_planner.gui.views.record_table import (
    add_delete_action,
    lay_out_buttons_over_table,
    make_record_table,
    push_button,
    select_row,
)
from abm_planner.services.objectives import KIND_LABELS

_WIDTHS = {
    "kind": 95,
    "title": 190,
    "metric": 140,
    "target": 64,
    "actual": 64,
    "unit": 56,
    "owner_id": 110,
    "due_on": 86,
    "status_id": 86,
}


class ObjectivesTab(QWidget):
    """Add, edit and delete the objectives of the shown account."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectivesTab")
        self._context = context
        self.model = ObjectiveTableModel(context, self)
        self.model.edit_failed.connect(self._report_later)
        self.add_button = push_button(
            self, self.tr("Add objective"), "addObjective", self.add_objective
        )
        self.delete_button = push_button(
            self, self.tr("Delete objective"), "deleteObjective", self.delete_selected
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("objectiveSummary")
        self.table = self._make_table()
        lay_out_buttons_over_table(
            self, [self.add_button, self.delete_button], self.summary, self.table
        )
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
        ):
            signal.connect(self._update_controls)
        self._update_controls()

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.model.account_id

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self.model.set_account(account_id)
        self._update_controls()

    def _make_table(self) -> QTableView:
        table = make_record_table(
            self, self.model, "objectiveTable", accessible_name=self.tr("Objectives")
        )
        header = table.horizontalHeader()
        lookups = self.model.lookups
        kinds = [(self.tr(label), key) for key, label in KIND_LABELS.items()]
        delegates: dict[str, QStyledItemDelegate] = {
            "kind": FixedChoiceDelegate(lambda _index: kinds, table),
            "owner_id": MemberDelegate(lookups, table),
            "due_on": DateDelegate(table),
            "status_id": TermDelegate(lookups, vocab.OBJECTIVE_STATUS, table),
            "stakeholder_id": FixedChoiceDelegate(lambda _index: self._people(), table),
        }
        self._delegates = delegates
        for column, name in enumerate(OBJECTIVE_COLUMN_FIELDS):
            if name in delegates:
                table.setItemDelegateForColumn(column, delegates[name])
            if name in _WIDTHS:
                header.resizeSection(column, _WIDTHS[name])
        add_delete_action(table, self.tr("Delete objective"), self.delete_selected)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_controls())
        return table

    def _people(self) -> list[tuple[str, uuid.UUID | None]]:
        people = sorted(self.model.people.items(), key=lambda item: item[1].casefold())
        return [(self.tr("—"), None), *((name, pid) for pid, name in people)]

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_objective(self, objective_id: uuid.UUID) -> None:
        row = self.model.row_of(objective_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        select_row(self.table, index)

    def add_objective(self) -> None:
        account_id = self.model.account_id
        if account_id is None or self._context.read_only:
            return
        title, ok = QInputDialog.getText(
            self,
            self.tr("Add objective"),
            self.tr("Title of the objective (kind, metric and target can be set in the table):"),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return
        command = new_objective_command(self._context, account_id, {"title": title})
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)
            return
        if command.record_id is not None:
            self.select_objective(command.record_id)
            self.table.setFocus()

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._context.read_only:
            return
        record = rows[0].data(RECORD_ROLE)
        command = delete_objective_command(self._context, record.id, record.title)
        try:
            push(self._context.undo_stack, command)
        except UserError as error:
            actions.show_user_error(self, error)

    def _update_controls(self) -> None:
        has_account = self.model.account_id is not None
        editable = has_account and not self._context.read_only
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.selected_id() is not None)
        counts: dict[str, int] = {}
        for record in self.model.records:
            label = self.model.lookups.label(record.status_id) or self.tr("No status")
            counts[label] = counts.get(label, 0) + 1
        total = self.model.rowCount()
        parts = [
            self.tr("{n} objectives").format(n=total) if total != 1 else self.tr("1 objective")
        ]
        parts += [f"{n} {label.lower()}" for label, n in counts.items()]
        self.summary.setText(" · ".join(parts) if has_account else "")

    def _report_later(self, error: UserError) -> None:
        QTimer.singleShot(0, lambda: actions.show_user_error(self, error))

"""The Stakeholders tab: the people of one account, edited in a table.

Cells are edited in place with delegates that offer the plan's vocabularies; every
change, addition and deletion is an undo command. A refused edit is reported through
``actions.show_user_error`` (after the editor has closed, so a message box never
interrupts the editor's own focus handling).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from abm_planner.domain.fields import FieldKind
from abm_planner.errors import UserError
from abm_planner.gui import actions
from abm_planner.gui.models.record_table import ID_ROLE
from abm_planner.gui.models.stakeholders import StakeholderTableModel
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.delegates import MemberDelegate, RolesDelegate, TermDelegate
from abm_planner.gui.views.record_table import (
    add_delete_action,
    lay_out_buttons_over_table,
    make_record_table,
    push_button,
    select_row,
)

_WIDTHS = {"name": 170, "title": 170, "department": 110, "role_ids": 170, "inner_circle": 90}


class StakeholdersTab(QWidget):
    """Add, edit and delete the stakeholders of the shown account."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholdersTab")
        self._context = context
        self.model = StakeholderTableModel(context, self)
        self.model.edit_failed.connect(self._report_later)

        self.add_button = push_button(
            self, self.tr("Add stakeholder"), "addStakeholder", self.add_stakeholder
        )
        self.delete_button = push_button(
            self, self.tr("Delete stakeholder"), "deleteStakeholder", self.delete_selected
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("stakeholderCount")

        self.table = self._make_table()
        lay_out_buttons_over_table(
            self, [self.add_button, self.delete_button], self.count_label, self.table
        )

        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_controls)
        self._update_controls()

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.model.account_id

    def show_account(self, account_id: uuid.UUID | None) -> None:
        self.model.set_account(account_id)
        self._update_controls()

    def selected_ids(self) -> list[uuid.UUID]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def select_stakeholder(self, stakeholder_id: uuid.UUID) -> None:
        row = self.model.row_of(stakeholder_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        select_row(self.table, index)

    def add_stakeholder(self) -> None:
        account_id = self.model.account_id
        if account_id is None:
            return
        created = actions.new_stakeholder(self._context, account_id, self)
        if created is not None:
            self.select_stakeholder(created)
            self.table.setFocus()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            actions.delete_stakeholders(self._context, ids, self)

    # -- building ------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = make_record_table(
            self,
            self.model,
            "stakeholderTable",
            accessible_name=self.tr("Stakeholders"),
            selection_mode=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        self._delegates: list[QStyledItemDelegate] = []
        lookups = self.model.lookups
        for column in range(self.model.columnCount()):
            spec = self.model.spec(column)
            delegate: QStyledItemDelegate | None = None
            if spec.kind is FieldKind.TERM and spec.vocabulary:
                delegate = TermDelegate(lookups, spec.vocabulary, table)
            elif spec.kind is FieldKind.TERMS and spec.vocabulary:
                delegate = RolesDelegate(lookups, spec.vocabulary, table)
            elif spec.kind is FieldKind.MEMBER:
                delegate = MemberDelegate(lookups, table)
            if delegate is not None:
                table.setItemDelegateForColumn(column, delegate)
                self._delegates.append(delegate)
            if spec.name in _WIDTHS:
                header.resizeSection(column, _WIDTHS[spec.name])
        self.delete_action = add_delete_action(
            table, self.tr("Delete stakeholder"), self.delete_selected
        )
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        return table

    # -- reacting ------------------------------------------------------------------------

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        del selected, deselected
        self._update_controls()

    def _update_controls(self) -> None:
        writable = not self._context.read_only and self.model.account_id is not None
        self.add_button.setEnabled(writable)
        has_selection = self.table.selectionModel().hasSelection()
        self.delete_button.setEnabled(writable and has_selection)
        self.delete_action.setEnabled(writable and has_selection)
        count = self.model.rowCount()
        if self.model.account_id is None:
            self.count_label.clear()
        elif count == 1:
            self.count_label.setText(self.tr("1 stakeholder"))
        else:
            self.count_label.setText(self.tr("{count} stakeholders").format(count=count))

    def _report_later(self, error: UserError) -> None:
        QTimer.singleShot(0, self, lambda: actions.show_user_error(self, error))

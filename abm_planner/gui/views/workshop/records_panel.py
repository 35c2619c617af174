"""Decisions above, actions below, for one workshop or one account.

Used as the presenter's "Actions" step (the workshop's records, in large type) and
inside the Decisions and actions window. Actions edit in place: double-click or F2
on the owner, due date, status or text; each edit is one undo step.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abm_planner.gui import actions
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.cell_editors import DateDelegate, FixedChoiceDelegate
from abm_planner.gui.views.delegates import ChoiceDelegate
from abm_planner.gui.views.workshop.records_models import (
    ACTION_ACCOUNT,
    ACTION_DUE,
    ACTION_OWNER,
    ACTION_STATUS,
    ACTION_TEXT,
    ACTION_WORKSHOP,
    DECISION_ACCOUNT,
    DECISION_BY,
    DECISION_TEXT,
    DECISION_WORKSHOP,
    STATUS_LABELS,
    ActionTableModel,
    DecisionTableModel,
    Scope,
)
from abm_planner.services.decisions import ACTION_STATUSES
from abm_planner.services.lookups import team_members


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkshopRecords", text)


def _table(parent: QWidget, name: str, model: object) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class RecordsPanel(QWidget):
    """The decisions and the actions of one ``Scope``."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.decision_model = DecisionTableModel(context, self)
        self.action_model = ActionTableModel(context, self)
        self.action_model.edit_failed.connect(lambda error: actions.show_user_error(self, error))
        self.decision_heading = QLabel(self)
        self.decision_heading.setObjectName("stepHeading")
        self.action_heading = QLabel(self)
        self.action_heading.setObjectName("stepHeading")
        self.decision_table = _table(self, "decisionTable", self.decision_model)
        decision_header = self.decision_table.horizontalHeader()
        decision_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        decision_header.setSectionResizeMode(DECISION_TEXT, QHeaderView.ResizeMode.Stretch)
        self.action_table = _table(self, "actionTable", self.action_model)
        self.action_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACTION_TEXT, QHeaderView.ResizeMode.Stretch)
        plan = context.plan
        self.action_table.setItemDelegateForColumn(
            ACTION_OWNER,
            ChoiceDelegate(lambda: [(m.name, m.id) for m in team_members(plan)], self),
        )
        self.action_table.setItemDelegateForColumn(ACTION_DUE, DateDelegate(self))
        self.action_table.setItemDelegateForColumn(
            ACTION_STATUS,
            FixedChoiceDelegate(
                lambda _index: [(_tr(STATUS_LABELS[s]), s) for s in ACTION_STATUSES], self
            ),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.decision_heading)
        layout.addWidget(self.decision_table, 2)
        layout.addWidget(self.action_heading)
        layout.addWidget(self.action_table, 3)
        for model in (self.decision_model, self.action_model):
            model.modelReset.connect(self._count)
            model.rowsInserted.connect(self._count)
            model.rowsRemoved.connect(self._count)

    def set_scope(self, scope: Scope) -> None:
        self.decision_model.set_scope(scope)
        self.action_model.set_scope(scope)
        self._count()

    def _count(self) -> None:
        self.decision_heading.setText(
            _tr("Decisions ({n})").format(n=self.decision_model.rowCount())
        )
        self.action_heading.setText(_tr("Actions ({n})").format(n=self.action_model.rowCount()))


class WorkshopRecordsPanel(RecordsPanel):
    """The presenter's Actions step: everything this workshop decided and agreed to do."""

    def __init__(
        self, context: PlanContext, workshop_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("actionsStep")
        self.layout().setContentsMargins(24, 12, 24, 8)  # type: ignore[union-attr]
        self.set_scope(Scope(workshop_id=workshop_id))
        # On the projector every row is this workshop's: its name and who logged a
        # decision repeat on each row, so those columns make room for the text.
        for table, columns in (
            (self.decision_table, (DECISION_BY, DECISION_WORKSHOP)),
            (self.action_table, (ACTION_WORKSHOP,)),
        ):
            for column in columns:
                table.setColumnHidden(column, True)

    def hide_account_column(self, hidden: bool) -> None:
        """One account in the workshop: the account column says nothing."""
        self.decision_table.setColumnHidden(DECISION_ACCOUNT, hidden)
        self.action_table.setColumnHidden(ACTION_ACCOUNT, hidden)

    def show_account(self, account_id: uuid.UUID | None) -> None:
        """The step lists the whole workshop's records, whichever account is on screen."""
        del account_id

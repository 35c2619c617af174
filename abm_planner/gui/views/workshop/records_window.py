"""Workshop ▸ Decisions and actions: the decision log and the actions, per account or workshop.

A combo box picks what to list: one of the plan's workshops (newest first) or one of
its accounts. It opens on the running workshop, else on the selected account.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.workshop.records_models import Scope
from abm_planner.gui.views.workshop.records_panel import RecordsPanel
from abm_planner.services.agreements import account_ids_by_name
from abm_planner.services.changes import Change
from abm_planner.services.workshops import list_workshops

EXTRAS_KEY = "workshop.records"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordsWindow", text)


class RecordsWindow(QWidget):
    """Choose a workshop or an account; see its decisions and actions."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("recordsWindow")
        self.setWindowTitle(_tr("Decisions and actions — {plan}").format(plan=context.plan.name))
        self.context = context
        self.scope_choice = QComboBox(self)
        self.scope_choice.setObjectName("recordsScope")
        self.scope_choice.setMaxVisibleItems(20)
        self.panel = RecordsPanel(context, self)
        form = QFormLayout()
        form.addRow(_tr("&Show:"), self.scope_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        self.fill_choices()
        self.scope_choice.currentIndexChanged.connect(self._show_choice)
        context.events.changed.connect(self._on_changed)
        self.resize(1000, 640)

    def fill_choices(self) -> None:
        current = self.scope_choice.currentData()
        self.scope_choice.blockSignals(True)
        self.scope_choice.clear()
        with self.context.plan.read() as session:
            workshops = list_workshops(session)
        for workshop in workshops:
            label = _tr("Workshop: {title} ({day})").format(
                title=workshop.title, day=workshop.held_on.isoformat()
            )
            self.scope_choice.addItem(label, Scope(workshop_id=workshop.id))
        for account_id, name in account_ids_by_name(self.context.plan):
            self.scope_choice.addItem(
                _tr("Account: {name}").format(name=name), Scope(account_id=account_id)
            )
        index = self.scope_choice.findData(current) if current is not None else -1
        self.scope_choice.setCurrentIndex(max(0, index))
        self.scope_choice.blockSignals(False)

    def show_scope(self, scope: Scope) -> None:
        index = self.scope_choice.findData(scope)
        if index >= 0:
            self.scope_choice.setCurrentIndex(index)
        self._show_choice()

    def _show_choice(self) -> None:
        scope = self.scope_choice.currentData()
        self.panel.set_scope(scope if isinstance(scope, Scope) else Scope())

    def _on_changed(self, changes: list[Change]) -> None:
        if any(c.kind in ("workshop", "account") for c in changes):
            self.fill_choices()
            self._show_choice()


def open_records(
    context: PlanContext,
    parent: QWidget,
    account_id: uuid.UUID | None,
    workshop_id: uuid.UUID | None,
) -> RecordsWindow:
    """Show the decisions window on the running workshop, else the selected account."""
    window = context.extras.get(EXTRAS_KEY)
    if not isinstance(window, RecordsWindow):
        window = RecordsWindow(context, parent)
        context.extras[EXTRAS_KEY] = window
    if workshop_id is not None:
        window.show_scope(Scope(workshop_id=workshop_id))
    elif account_id is not None:
        window.show_scope(Scope(account_id=account_id))
    else:
        window.show_scope(Scope())
    window.show()
    window.raise_()
    window.activateWindow()
    return window

"""The agreed lead definition as a checklist for one account: each item met or not.

A list model (one column) whose check boxes push undo commands; it follows edits of
the definition itself (items added, reworded, reordered) and of the account's checks.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from abm_planner.agreements.handoff import LeadItem, checklist
from abm_planner.gui.commands.agreement_commands import lead_check_command
from abm_planner.gui.models.record_table import Column
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.editing import CHECK, TOOLTIP, EditableTable, is_checked
from abm_planner.services.changes import Change
from abm_planner.services.engagement_rules import list_lead_items, met_items_in

AnyIndex = QModelIndex | QPersistentModelIndex
CHECKLIST_COLUMNS: tuple[Column[LeadItem], ...] = (Column("Lead definition", lambda r: r.text),)


def _item_id(item: LeadItem) -> uuid.UUID:
    return item.id


class LeadChecklistModel(EditableTable[LeadItem]):
    translation_context = "LeadChecklistModel"
    extra_roles = frozenset({CHECK, TOOLTIP})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        super().__init__(context, CHECKLIST_COLUMNS, _item_id, parent)
        self._account_id: uuid.UUID | None = None
        context.events.changed.connect(self._on_changed)

    def set_account(self, account_id: uuid.UUID | None) -> None:
        self._account_id = account_id
        self.set_records(self._items())

    def _items(self) -> list[LeadItem]:
        if self._account_id is None:
            return []
        plan = self.context.plan
        items = list_lead_items(plan)
        with plan.read() as session:
            met = met_items_in(session, self._account_id)
        return list(checklist([(i.id, i.text) for i in items], met).items)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and not self.context.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def extra_data(self, record: LeadItem, column: Column[LeadItem], role: int) -> Any:
        del column
        if role == CHECK:
            return Qt.CheckState.Checked if record.met else Qt.CheckState.Unchecked
        if role == TOOLTIP:
            return record.text
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != CHECK or self._account_id is None:
            return False
        record = self.record(index.row())
        met = is_checked(value)
        if met == record.met:
            return True
        return self.push(lead_check_command(self.context, self._account_id, record.id, met))

    def _on_changed(self, changes: list[Change]) -> None:
        if self._account_id is None:
            return
        if any(
            change.kind in ("lead_criterion", "plan")
            or (change.kind == "lead_check" and change.account_id == self._account_id)
            or (change.kind == "account" and self._account_id in change.ids)
            for change in changes
        ):
            self.sync(self._items())

"""Table models of the decision log and the action items, per account or per workshop.

Decisions are read-only here (a decision is a record of what was said; a new one
supersedes it). Actions are edited in place: owner, due date, status and text, each
edit one ``UpdateActionCommand`` on the plan's undo stack.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from abm_planner.gui.commands.workshop_commands import update_action_command
from abm_planner.gui.models.record_table import VALUE_ROLE, Column, RecordTableModel, text_key
from abm_planner.gui.plan_context import PlanContext
from abm_planner.gui.views.agreement.editing import EDIT, TOOLTIP, EditableTable
from abm_planner.services import decisions
from abm_planner.services.changes import Change
from abm_planner.services.decisions import ActionRow, DecisionRow

AnyIndex = QModelIndex | QPersistentModelIndex
RELOAD_KINDS = frozenset({"decision", "action", "account", "team_member", "workshop", "plan"})
STATUS_LABELS = {"open": "Open", "done": "Done", "dropped": "Dropped"}


@dataclass(frozen=True, slots=True)
class Scope:
    """Which records a list shows: one account's, or one workshop's."""

    account_id: uuid.UUID | None = None
    workshop_id: uuid.UUID | None = None


def _text_or_dash(value: str | None) -> str:
    return value or "—"


def details_text(row: DecisionRow) -> str:
    """The decision's full text, then both sides' estimates and the reason if it has them."""
    lines = [row.text]
    try:
        details = json.loads(row.details or "{}")
    except ValueError:
        details = {}
    if isinstance(details, dict):
        for key in ("sales", "marketing", "agreed", "previous", "reason"):
            if key in details and details[key] not in (None, ""):
                lines.append(f"{key.capitalize()}: {details[key]}")
    return "\n".join(lines)


DECISION_COLUMNS: tuple[Column[DecisionRow], ...] = (
    Column("Date", lambda r: r.decided_on.isoformat(), lambda r: r.decided_on),
    Column("Decision", lambda r: r.title, lambda r: text_key(r.title)),
    Column("Account", lambda r: _text_or_dash(r.account_name)),
    Column("Decided by", lambda r: _text_or_dash(r.decided_by)),
    Column("Workshop", lambda r: _text_or_dash(r.workshop_title)),
)

ACTION_COLUMNS: tuple[Column[ActionRow], ...] = (
    Column("Action", lambda r: r.text, lambda r: text_key(r.text), field="text"),
    Column("Owner", lambda r: _text_or_dash(r.owner_name), field="owner_id"),
    Column(
        "Due",
        lambda r: r.due_on.isoformat() if r.due_on else "—",
        lambda r: (r.due_on is None, r.due_on),
        field="due_on",
    ),
    Column("Status", lambda r: STATUS_LABELS.get(r.status, r.status), field="status"),
    Column("Account", lambda r: _text_or_dash(r.account_name)),
    Column("Workshop", lambda r: _text_or_dash(r.workshop_title)),
)
DECISION_DATE, DECISION_TEXT, DECISION_ACCOUNT, DECISION_BY, DECISION_WORKSHOP = range(5)
ACTION_TEXT, ACTION_OWNER, ACTION_DUE, ACTION_STATUS, ACTION_ACCOUNT, ACTION_WORKSHOP = range(6)


def load_decisions(context: PlanContext, scope: Scope) -> list[DecisionRow]:
    with context.plan.read() as session:
        if scope.workshop_id is not None:
            return decisions.decisions_for_workshop(session, scope.workshop_id)
        if scope.account_id is not None:
            return decisions.decisions_for_account(session, scope.account_id)
    return []


def load_actions(context: PlanContext, scope: Scope) -> list[ActionRow]:
    with context.plan.read() as session:
        if scope.workshop_id is not None:
            return decisions.actions_for_workshop(session, scope.workshop_id)
        if scope.account_id is not None:
            return decisions.actions_for_account(session, scope.account_id)
    return []


class DecisionTableModel(RecordTableModel[DecisionRow]):
    translation_context = "DecisionTableModel"
    extra_roles = frozenset({TOOLTIP})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        super().__init__(DECISION_COLUMNS, lambda r: r.id, parent)
        self.context = context
        self.scope = Scope()
        context.events.changed.connect(self._on_changed)

    def set_scope(self, scope: Scope) -> None:
        self.scope = scope
        self.set_records(load_decisions(self.context, scope))

    def extra_data(self, record: DecisionRow, column: Column[DecisionRow], role: int) -> Any:
        del column
        return details_text(record) if role == TOOLTIP else None

    def _on_changed(self, changes: list[Change]) -> None:
        if any(c.kind in RELOAD_KINDS for c in changes):
            self.set_records(load_decisions(self.context, self.scope))


class ActionTableModel(EditableTable[ActionRow]):
    """Actions whose owner, due date, status and text are edited with undo."""

    translation_context = "ActionTableModel"
    extra_roles = frozenset({VALUE_ROLE, EDIT, TOOLTIP})
    editable_fields = frozenset({"text", "owner_id", "due_on", "status"})

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        super().__init__(context, ACTION_COLUMNS, lambda r: r.id, parent)
        self.scope = Scope()
        context.events.changed.connect(self._on_changed)

    def set_scope(self, scope: Scope) -> None:
        self.scope = scope
        self.set_records(load_actions(self.context, scope))

    def extra_data(self, record: ActionRow, column: Column[ActionRow], role: int) -> Any:
        if role in (VALUE_ROLE, EDIT) and column.field is not None:
            return getattr(record, column.field)
        if role == TOOLTIP and column.field == "text":
            return record.text
        return None

    def setData(  # noqa: N802 - Qt's name
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        record = self.record(index.row())
        name = self.columns[index.column()].field
        if name is None or name not in self.editable_fields or getattr(record, name) == value:
            return False
        return self.push(update_action_command(self.context, record.id, name, value))

    def _on_changed(self, changes: list[Change]) -> None:
        if any(c.kind in RELOAD_KINDS for c in changes):
            self.sync(load_actions(self.context, self.scope))

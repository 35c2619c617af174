"""Undoable stakeholder edits: change fields, add, delete with lines, touches and targets."""

from __future__ import annotations

import uuid
from typing import Any

from abm_planner.domain.fields import STAKEHOLDER_FIELDS, field_map
from abm_planner.gui.commands.base import ServiceCommand, field_phrase, quoted, tr
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import stakeholders
from abm_planner.services.accounts import restore_deleted
from abm_planner.services.snapshots import Snapshot

_SPECS = field_map(STAKEHOLDER_FIELDS)


class EditStakeholderCommand(ServiceCommand):
    """Change fields of one stakeholder; undo writes the old values back."""

    def __init__(
        self, context: PlanContext, stakeholder_id: uuid.UUID, changes: dict[str, Any]
    ) -> None:
        super().__init__(context)
        self.stakeholder_id = stakeholder_id
        self.changes = dict(changes)
        self._old: dict[str, Any] = {}

    def apply(self) -> None:
        plan = self.context.plan
        name = stakeholders.get_stakeholder(plan, self.stakeholder_id).values["name"]
        self._old = stakeholders.update_stakeholder(plan, self.stakeholder_id, self.changes)
        self.setText(self._describe(name))

    def _describe(self, name: str) -> str:
        if set(self.changes) == {"name"}:
            return tr("Rename stakeholder to {name}").format(name=quoted(str(self.changes["name"])))
        if len(self.changes) == 1:
            spec = _SPECS[next(iter(self.changes))]
            return tr("Change {field} of {name}").format(
                field=field_phrase(spec), name=quoted(name)
            )
        return tr("Edit stakeholder {name}").format(name=quoted(name))

    def do_redo(self) -> None:
        stakeholders.update_stakeholder(self.context.plan, self.stakeholder_id, self.changes)

    def do_undo(self) -> None:
        stakeholders.update_stakeholder(self.context.plan, self.stakeholder_id, self._old)


class CreateStakeholderCommand(ServiceCommand):
    """Add a stakeholder to an account; redo brings back the same record."""

    def __init__(self, context: PlanContext, account_id: uuid.UUID, values: dict[str, Any]) -> None:
        super().__init__(context)
        self.account_id = account_id
        self.values = dict(values)
        self.stakeholder_id: uuid.UUID | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.stakeholder_id = stakeholders.create_stakeholder(
            self.context.plan, self.account_id, self.values
        )
        name = str(self.values.get("name", ""))
        self.setText(tr("New stakeholder {name}").format(name=quoted(name)))

    def do_redo(self) -> None:
        assert self._snapshot is not None
        restore_deleted(self.context.plan, self._snapshot)

    def do_undo(self) -> None:
        assert self.stakeholder_id is not None
        self._snapshot = stakeholders.delete_stakeholder(self.context.plan, self.stakeholder_id)


class DeleteStakeholderCommand(ServiceCommand):
    """Delete a stakeholder with their roles, lines, touches and play targets."""

    def __init__(self, context: PlanContext, stakeholder_id: uuid.UUID) -> None:
        super().__init__(context)
        self.stakeholder_id = stakeholder_id
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        plan = self.context.plan
        name = stakeholders.get_stakeholder(plan, self.stakeholder_id).values["name"]
        self._snapshot = stakeholders.delete_stakeholder(plan, self.stakeholder_id)
        self.setText(tr("Delete stakeholder {name}").format(name=quoted(name)))

    def do_redo(self) -> None:
        self._snapshot = stakeholders.delete_stakeholder(self.context.plan, self.stakeholder_id)

    def do_undo(self) -> None:
        assert self._snapshot is not None
        restore_deleted(self.context.plan, self._snapshot)

"""Undoable account edits: change fields, create, delete with everything attached."""

from __future__ import annotations

import uuid
from typing import Any

from abm_planner.domain.fields import ACCOUNT_FIELDS, field_map
from abm_planner.gui.commands.base import ServiceCommand, field_phrase, quoted, tr
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services import accounts
from abm_planner.services.snapshots import Snapshot

_SPECS = field_map(ACCOUNT_FIELDS)


class EditAccountCommand(ServiceCommand):
    """Change one or more fields of an account; undo writes the old values back."""

    def __init__(
        self, context: PlanContext, account_id: uuid.UUID, changes: dict[str, Any]
    ) -> None:
        super().__init__(context)
        self.account_id = account_id
        self.changes = dict(changes)
        self._old: dict[str, Any] = {}

    def apply(self) -> None:
        name = accounts.get_account(self.context.plan, self.account_id)["name"]
        self._old = accounts.update_account(self.context.plan, self.account_id, self.changes)
        self.setText(self._describe(name))

    def _describe(self, name: str) -> str:
        if set(self.changes) == {"name"}:
            return tr("Rename account to {name}").format(name=quoted(str(self.changes["name"])))
        if len(self.changes) == 1:
            spec = _SPECS[next(iter(self.changes))]
            return tr("Change {field} of {name}").format(
                field=field_phrase(spec), name=quoted(name)
            )
        return tr("Edit account {name}").format(name=quoted(name))

    def do_redo(self) -> None:
        accounts.update_account(self.context.plan, self.account_id, self.changes)

    def do_undo(self) -> None:
        accounts.update_account(self.context.plan, self.account_id, self._old)


class CreateAccountCommand(ServiceCommand):
    """Add an account; redo brings back the very same record (id, times, edits)."""

    def __init__(self, context: PlanContext, values: dict[str, Any]) -> None:
        super().__init__(context)
        self.values = dict(values)
        self.account_id: uuid.UUID | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.account_id = accounts.create_account(self.context.plan, self.values)
        name = str(self.values.get("name", ""))
        self.setText(tr("New account {name}").format(name=quoted(name)))

    def do_redo(self) -> None:
        assert self._snapshot is not None
        accounts.restore_deleted(self.context.plan, self._snapshot)

    def do_undo(self) -> None:
        assert self.account_id is not None
        self._snapshot = accounts.delete_account(self.context.plan, self.account_id)


class DeleteAccountCommand(ServiceCommand):
    """Delete an account with its stakeholders, plays and the rest; one undo restores all."""

    def __init__(self, context: PlanContext, account_id: uuid.UUID) -> None:
        super().__init__(context)
        self.account_id = account_id
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        name = accounts.get_account(self.context.plan, self.account_id)["name"]
        self._snapshot = accounts.delete_account(self.context.plan, self.account_id)
        self.setText(tr("Delete account {name}").format(name=quoted(name)))

    def do_redo(self) -> None:
        self._snapshot = accounts.delete_account(self.context.plan, self.account_id)

    def do_undo(self) -> None:
        assert self._snapshot is not None
        accounts.restore_deleted(self.context.plan, self._snapshot)
